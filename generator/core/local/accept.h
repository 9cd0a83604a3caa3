// `okgen local accept`: after reading a changed regional section, the municipality records
// that its local text is written against the regional text as it is now. The local text's
// based-on becomes the regional section's current fingerprint; every other byte of the file
// stays as it was (the same splice-on-text approach as answers.h).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "resources.h"

namespace okgen::local {

struct Accepted {
  std::string id, number, heading;
  std::string from, to;  ///< based-on before ("" when none) and after
};

struct AcceptResult {
  std::vector<Accepted> accepted;  ///< in file order; written when non-empty
  std::vector<std::string> current;  ///< named sections whose local text was already current
};

/// Accepts the regional changes for the <local-section ref> values in `sections` (every
/// changed one when `all`). Problems (the file or its regional agreement does not load, a
/// named section has no local text in the file) are reported to `sink` and nothing is
/// written; nullopt then.
std::optional<AcceptResult> accept_regional_changes(const std::filesystem::path& file,
                                                    const std::vector<std::string>& sections, bool all,
                                                    const Resources& res, diag::DiagnosticSink& sink,
                                                    diag::SourceRegistry& sources);

/// `xml` with the based-on attribute of <local-section ref="ref"> set to `value` (added when
/// missing); nullopt when there is no such element or the text is not well-formed.
std::optional<std::string> set_based_on(const std::string& xml, const std::string& ref, const std::string& value);

}  // namespace okgen::local
