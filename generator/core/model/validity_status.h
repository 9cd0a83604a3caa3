// Validity as of a date: is the agreement in force, automatically extended, or expired,
// and which dates follow (notice deadline, next review). Pure logic, shared by the index,
// the metadata block and the checker.
#pragma once

#include <optional>

#include "model/agreement.h"
#include "util/date.h"

namespace okgen::model {

enum class ValidityState {
  unknown,               ///< the agreement has no <validity>
  not_yet_in_force,      ///< before the start date
  in_force,              ///< between start and end
  until_further_notice,  ///< in force with no end date
  extended,              ///< past the original end, extended automatically (no notice assumed)
  extended_if_revising,  ///< past the end; extended only if a revision has started
  expired,               ///< past the end with no extension that applies
  not_decided,           ///< a local agreement without a decision: a draft, judged once decided
};

struct ValidityStatus {
  ValidityState state = ValidityState::unknown;
  util::Date as_of;
  std::optional<util::Date> start;
  std::optional<util::Date> original_end;
  std::optional<util::Date> current_end;      ///< end of the period that contains as_of
  std::optional<util::Date> notice_deadline;  ///< last day to give notice before current_end
  std::optional<util::Date> next_review;      ///< first review date on or after as_of
  int extensions = 0;                         ///< how many extension periods have begun
};

/// Computes the status of `v` on `as_of`. Notice is assumed not to have been given, since
/// the model cannot know; the state names say when a status depends on that assumption.
ValidityStatus validity_status(const Validity& v, const util::Date& as_of);

/// The first <validity> of the agreement, in document order, or nullptr.
const Validity* find_validity(const Agreement& a);

/// What an agreement's validity is on a day, as its pages and the checker state it.
struct AgreementValidity {
  const Validity* validity = nullptr;  ///< the one judged (nullptr: none stated or inherited)
  ValidityStatus status;
  bool inherited = false;  ///< a local agreement following the regional agreement's period
};

/// The validity `a` states (a local agreement: its own, else the regional one it follows),
/// judged on `as_of`. A local agreement without a decision is not_decided: a draft has not
/// begun to apply, whatever the regional period says.
AgreementValidity agreement_validity(const Agreement& a, const util::Date& as_of);

/// Stable name for a state ("in-force", "expired", ...), used in templates and JSON.
const char* to_string(ValidityState s);

}  // namespace okgen::model
