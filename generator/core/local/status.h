// Where a merged local agreement stands: draft or complete, written against the current
// regional text or not, and where each of its sections comes from. The checker reports
// from it (review/local_rules.cc), and the region index shows it for every municipality.
#pragma once

#include <string>
#include <vector>

#include "data/reference_data.h"
#include "diag/diagnostic.h"
#include "model/agreement.h"

namespace okgen::local {

/// A local text written against a regional text that has changed since.
struct ChangedSection {
  std::string id, number, heading;
  std::string based_on;  ///< fingerprint the local text names ("" = none)
  std::string current;   ///< fingerprint of the regional text now
  diag::SourceSpan local_text;
  diag::SourceSpan regional_text;
  std::string regional_plain;  ///< the regional text now, as plain text
};

struct PromptsLeft {
  std::string id, number, heading;
  std::size_t count = 0;
  diag::SourceSpan where;  ///< the first unanswered question
};

/// One section of the merged agreement and the files its text comes from.
struct Provenance {
  std::string number, heading, id;
  model::Origin origin = model::Origin::own;
  diag::SourceSpan source;  ///< the section element (regional or local file)
  diag::SourceSpan local;   ///< the local text applied to a regional section (file empty if none)
};

struct LocalStatus {
  bool draft = false;  ///< unanswered questions, missing template sections or empty slots
  std::vector<PromptsLeft> prompts;
  std::vector<ChangedSection> changed;
  std::vector<std::pair<std::string, std::string>> missing_template;  ///< key, heading
  std::vector<std::pair<std::string, std::string>> empty_slots;  ///< id, heading
  std::string cited_version, current_version;
  bool parent_current() const { return cited_version.empty() || cited_version == current_version; }
  bool needs_review() const { return !changed.empty() || !parent_current(); }
  std::size_t prompt_count() const;
};

/// The canonical text (model/fingerprint.h) of a merged section without its local text:
/// what the regional agreement says there now.
std::string regional_text(const model::Section& merged);

/// The status of a merged local agreement (local::merge_local's result).
LocalStatus local_status(const model::Agreement& merged, const data::ReferenceData& data);

/// Every section of a merged agreement with its sources, in document order.
std::vector<Provenance> provenance(const model::Agreement& merged);

}  // namespace okgen::local
