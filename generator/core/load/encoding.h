// Checking that input is UTF-8 text, so a Latin-1, UTF-16 or binary file gets a message
// about its encoding instead of a confusing parse error.
#pragma once

#include "diag/diagnostic.h"
#include "diag/source_map.h"

namespace okgen::load {

/// Reports `encoding` (with the place of the first bad byte) and returns false unless the
/// text is UTF-8 without NUL bytes.
bool check_encoding(const diag::SourceMap& map, diag::DiagnosticSink& sink);

}  // namespace okgen::load
