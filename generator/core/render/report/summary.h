// The run summary: one screen that says what was built or checked, and how it went.
// Printed by the CLI and written to output/kontrollrapport.txt by `okgen build`.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostic.h"
#include "pipeline.h"
#include "text/catalog.h"

namespace okgen::render::report {

/// A table of agreements (source, kind, version, validity, errors, warnings, output) and
/// totals; wording from the [report] section of the message catalogue.
/// Output files are named relative to `outputs_relative_to` when given (the report lives in
/// the output folder and must not depend on where that is), else as the user would type them.
/// `built`: a build's table names what was written; a check's (false) has no output column.
std::string summary_text(const PipelineResult& result, const diag::DiagnosticSink& sink, const text::Catalog& messages,
                         const std::string& as_of, const std::filesystem::path& outputs_relative_to = {},
                         bool built = true);

/// An agreement's validity in words in the catalogue's language ("Gäller tills vidare",
/// "Expired 2025-07-01"); "" when nothing is known of it. Documents state it with their own
/// labels (AgreementResult::validity_label); reports speak the user's language.
std::string validity_words(const AgreementResult& a, const text::Catalog& messages);

/// For the terminal after an incremental build: how many agreements were reused ("" when none).
std::string reuse_note(const PipelineResult& result, const text::Catalog& messages);

/// The check report: every diagnostic (without source excerpts), then the summary (`built`
/// as for summary_text).
std::string report_text(const PipelineResult& result, const diag::DiagnosticSink& sink, const text::Catalog& messages,
                        const std::string& as_of, const std::filesystem::path& output_dir, bool built = true);

}  // namespace okgen::render::report
