// Fingerprints of sections: a short hash of what a section says (heading, text, the values
// of its structured elements), so a local agreement can record which version of a regional
// section it was written against and be flagged when the region revises it.
#pragma once

#include <string>

#include "model/agreement.h"

namespace okgen::model {

/// The canonical text a fingerprint is computed from (exposed for tests and diffs):
/// heading, then the plain text of the section's own content, one item per line.
std::string canonical_text(const Section& s);

/// 12 hex digits (FNV-1a, 48 bits) of canonical_text(s). Stable across runs and machines.
std::string fingerprint(const Section& s);

}  // namespace okgen::model
