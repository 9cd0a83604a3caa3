// The validity a text agreement states: its dates, "tills vidare", and the extension,
// notice and review rules, read from the sentences that speak of validity (text_check.cc).
// Shared with okgen import, which writes what it reads as a <validity> element.
#pragma once

#include <optional>
#include <vector>

#include "data/reference_data.h"
#include "model/agreement.h"
#include "review/text_dates.h"
#include "review/text_document.h"

namespace okgen::review {

struct TextValidity {
  std::optional<model::Validity> validity;
  int line = 0;
  int until_line = 0;     ///< "tills vidare" stated here
  bool contradiction = false;
  bool start_stated = false;  ///< the text gives a start (else the start is the document's date)
};

/// `scans` holds scan_dates() of each of `doc`'s sentences; `fallback_start` is the start
/// when the text gives none.
TextValidity read_validity(const TextDocument& doc, const std::vector<DateScan>& scans,
                           const data::ReferenceData& data, const util::Date& fallback_start);

}  // namespace okgen::review
