// Printing diagnostics GCC-style, so editors and CI jump to them:
//   content/dalarna/regional.xml:12:5: error: Elementet <titel> ... [unknown-element]
//      12 |     <titel>...</titel>
//         |     ^
#pragma once

#include <ostream>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "text/catalog.h"

namespace okgen::diag {

struct PrintOptions {
  bool show_source = true;   ///< quote the line with a caret under the column
  Severity min_severity = Severity::info;
};

/// Prints one diagnostic and its notes.
void print_diagnostic(std::ostream& out, const Diagnostic& d, const SourceRegistry& sources,
                      const text::Catalog& messages, const PrintOptions& options = {});
/// Prints all diagnostics of `sink` at or above the minimum severity, in order.
void print_diagnostics(std::ostream& out, const DiagnosticSink& sink, const SourceRegistry& sources,
                       const text::Catalog& messages, const PrintOptions& options = {});

}  // namespace okgen::diag
