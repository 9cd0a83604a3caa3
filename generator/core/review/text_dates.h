// Dates as Swedish public documents write them, read from one sentence: ISO (2021-07-01),
// dotted (2013.11.01), written out ("1 april 2017", "den 1 april 2017", "april 2017"),
// ranges with a dash or "till", "fr.o.m. ... t.o.m." with or without dots, labels
// ("Giltig t.o.m.: 2024-06-30"), "tills vidare", extension, notice and review rules.
// Placeholders left in a draft ("2011-xx-xx", "ÅÅÅÅ-MM-DD", "[datum]") are never dates:
// they are reported as what they are.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "util/date.h"

namespace okgen::review {

struct FoundDate {
  enum class Role { plain, start, end };
  util::Date date;
  Role role = Role::plain;
  bool day_known = true;  ///< false for "april 2017" or a year in a range ("2020–2023")
  std::size_t begin = 0;  ///< byte range in the sentence
  std::size_t end = 0;
};

struct DatePlaceholder {
  std::string text;
  std::size_t begin = 0;
};

/// What one sentence says about dates and validity.
struct DateScan {
  std::vector<FoundDate> dates;
  std::vector<DatePlaceholder> placeholders;
  bool until_further_notice = false;
  std::size_t until_at = 0;
  std::optional<int> extension_months;  ///< "förlängs med två år"
  bool extension_repeats = false;       ///< "... i taget"
  bool extension_if_revising = false;   ///< "om en revidering har påbörjats"
  std::optional<int> notice_months;     ///< "senast sex månader före", "sex månaders uppsägningstid"
  bool notice = false;                  ///< a notice rule, with or without a period
  bool review = false;                  ///< "revideras vartannat år", "ses över", "översyn"
  std::optional<int> review_months;     ///< the review's interval: "vartannat år" = 24, "årligen" = 12

  bool has_start() const;
  bool has_end() const;
};

/// Reads `sentence` (as written, any case).
DateScan scan_dates(const std::string& sentence);

}  // namespace okgen::review
