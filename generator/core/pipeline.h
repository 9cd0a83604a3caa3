// The pipeline: what `okgen build` and `okgen check` do, as library calls.
//
//   inputs -> load (each file) -> [all loaded without error?] -> compose -> render -> write
//
// Outputs are all rendered in memory first and written only when every agreement is free
// of errors (or with keep_going, only the error-free ones), each atomically, so a failed
// build never leaves half-written or mixed outputs.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "local/status.h"
#include "review/check_options.h"
#include "review/checker.h"
#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "model/agreement.h"
#include "model/validity_status.h"
#include "resources.h"
#include "util/date.h"

namespace okgen {

/// Exit codes of the okgen command (docs/exit-codes.md).
enum ExitCode : int {
  kExitOk = 0,           ///< no finding at error level
  kExitFindings = 1,     ///< findings at error level (or at the --fail-on level)
  kExitUsage = 2,        ///< bad command line, or input that cannot be read at all
  kExitOutput = 3,       ///< an output file could not be written
  kExitInternal = 4,     ///< a bug in okgen
};

struct PipelineOptions {
  std::vector<std::filesystem::path> inputs;  ///< files or directories (searched for *.xml)
  std::filesystem::path output_dir = "output";
  std::vector<std::string> formats = {"html", "pdf"};
  util::Date as_of;
  bool keep_going = false;  ///< build the error-free agreements even when others have errors
  std::filesystem::path content_root;  ///< "" = nearest ancestor named "content", else the file's folder
  review::CheckOptions check;           ///< thresholds for the checker (its as_of is set from as_of)
  /// build: reuse what the last build into output_dir made of agreements whose files have
  /// not changed since (docs/incremental-build.md). Outputs are the same bytes either way.
  bool incremental = false;
  /// build: keep a state of what was written for the next build (incremental implies it;
  /// `okgen build --full` keeps one too), and take the agreements an earlier build wrote into
  /// output_dir that this one does not read into the index, region pages and kontrollrapport.
  bool keep_state = false;
};

/// What happened to one input file.
struct AgreementResult {
  std::filesystem::path source;
  std::string display_source;
  std::string id;
  std::string title;
  std::string kind;
  std::string region;
  std::string version;
  std::string diarienummer;
  model::ValidityStatus validity;
  std::string validity_label;
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool loaded = false;                           ///< parsed into a model
  int pages = 0;                                 ///< PDF pages, when a PDF was made
  std::optional<review::CheckReport> report;      ///< coverage and validity, when checked
  // Local agreements, once merged with their regional agreement:
  std::string municipality;
  std::string municipality_code;
  std::string parent_source;                      ///< the regional agreement's file
  std::optional<local::LocalStatus> local;        ///< draft/complete, needs review
  std::vector<local::Provenance> provenance;      ///< where each section's text comes from
  std::vector<std::filesystem::path> outputs;   ///< files written
  std::vector<std::string> files;                ///< every file it was read from (display form),
                                                 ///< a local agreement's regional files included
};

struct PipelineResult {
  std::vector<AgreementResult> agreements;
  std::vector<std::filesystem::path> written;  ///< every file written, index included
  bool inputs_unreadable = false;              ///< some input could not be read at all
  std::size_t reused = 0;                      ///< agreements an incremental build did not make again
};

/// Finds the agreement files named by `inputs`: files as given, directories searched
/// recursively for *.xml and, with `text_agreements` (check), *.txt and *.md that are not an
/// agreement's body files (sorted, so runs are deterministic). Missing paths, and folders
/// with nothing to check, are reported: a run that finds nothing is never an all-clear.
std::vector<std::filesystem::path> expand_inputs(const std::vector<std::filesystem::path>& inputs,
                                                 diag::DiagnosticSink& sink, bool text_agreements = false);

/// Loads and checks every input, composing each to find template-level problems too.
PipelineResult check(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources);

/// check(), then renders and writes the outputs and output_dir/index.html. Throws
/// util::IoError when an output cannot be written.
PipelineResult build(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources);

/// What render_in_memory makes of one agreement.
struct RenderedAgreement {
  /// Format ("html", "pdf", ...) -> the file, for each format asked for (a local agreement:
  /// its own document).
  std::map<std::string, std::string> files;
  std::string consolidated_html;  ///< a local agreement: its consolidated version as a page ("" otherwise)
};

/// check(), then renders each agreement that is free of errors in memory instead of writing
/// it (`okgen serve`): `rendered` gets an entry per such input, keyed by its path as given.
PipelineResult render_in_memory(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                                diag::SourceRegistry& sources, std::map<std::filesystem::path, RenderedAgreement>& rendered);

/// The exit code for a finished run; with `fail_on` = warning, warnings count as errors.
int exit_code(const PipelineResult& result, const diag::DiagnosticSink& sink,
              diag::Severity fail_on = diag::Severity::error);


}  // namespace okgen
