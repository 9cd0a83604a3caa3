// The run summary: one screen that says what was built or checked, and how it went.
// Printed by the CLI and written to output/kontrollrapport.txt by `okgen build`.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "pipeline.h"
#include "text/catalog.h"

namespace okgen::render {

/// A table of agreements (source, kind, version, validity, errors, warnings, output) and
/// totals; wording from the [report] section of the message catalogue.
std::string summary_text(const PipelineResult& result, const diag::DiagnosticSink& sink, const text::Catalog& messages,
                         const std::string& as_of);

/// The check report: every diagnostic (without source excerpts), then the summary.
std::string report_text(const PipelineResult& result, const diag::DiagnosticSink& sink, const text::Catalog& messages,
                        const std::string& as_of);

}  // namespace okgen::render
