// Inside the pipeline: one agreement as a build holds it, the loading every command shares
// (pipeline_load.cc) and what an incremental build takes over from the last one
// (pipeline_reuse.cc). Not for use outside those two files.
#pragma once

#include <array>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compose/doc.h"
#include "incremental/build_state.h"
#include "model/agreement.h"
#include "pipeline.h"
#include "render/document_writer.h"
#include "render/html/html_writer.h"

namespace okgen::detail {

struct Loaded {
  AgreementResult result;
  std::optional<model::Agreement> agreement;
  std::optional<compose::Doc> doc;
  // A local agreement: the forms it is published in (okgen.conf [local]), and its own
  // document when that is one of them (`doc` is then the consolidated version).
  std::vector<model::LocalForm> forms;
  std::optional<compose::Doc> local_doc;
  std::filesystem::path content_root;
  std::size_t local_files = 0;  ///< merged local agreement: files before the regional ones
  // Section id -> regional text now, for the notes of local-regional-changed (the merged
  // agreement itself is dropped as soon as its outputs exist).
  std::map<std::string, std::string> regional_now;
  // What the build made of it (see Publish): its row in the index, the writers'
  // findings, a file a writer could not make, a file that could not be written.
  std::optional<render::html::IndexEntry> entry;
  struct RenderedFile {
    std::string format;  ///< the writer's name ("html"), or "consolidated-html" in okgen serve
    std::filesystem::path path;  ///< where a build writes it
    std::string bytes;
  };
  std::vector<RenderedFile> rendered;  ///< outputs made and not yet staged (see Publish)
  diag::DiagnosticSink published;
  std::vector<std::pair<const render::WriterInfo*, std::string>> write_failures;  ///< per failed writer: the problem
  std::exception_ptr write_error;
  // Where its findings are in the sink load_all reported to: [begin, end) of the load
  // and of the review phase (an incremental build keeps them per agreement).
  std::array<std::pair<std::size_t, std::size_t>, 2> phases{};
  std::pair<std::size_t, std::size_t> published_at{};  ///< build(): `published` and pdf-failed in the sink
  // Reused from the last build instead of loaded (incremental builds).
  const incremental::CachedAgreement* cached = nullptr;
};

// What a build does with each agreement that is composed and free of errors, on the
// worker threads, right after its review, so no agreement is held in memory longer than it
// takes to write it. Two steps: `render` makes every output in memory (Loaded::rendered,
// with the index row and the writers' findings), `stage` hands them to the build's output
// (optional: okgen serve keeps what `render` made). Between the two the review may still
// withdraw the agreement: when the machine has a core to spare, an agreement is rendered
// while it is being checked, and an error the check finds then drops what was rendered.
struct Publish {
  std::function<void(Loaded&)> render;
  std::function<void(Loaded&)> stage;
  /// Optional: loads now what the writers would load on first use (DocumentWriter::prepare),
  /// run on the check's thread beside the composing when an agreement is built alone.
  std::function<void()> prepare;
};

/// Agreements that are not in okgen's format (pdftotext output, Markdown) can be checked.
bool is_text_agreement(const std::filesystem::path& file);

/// `target` as a link from a page in `from_dir` ("../dalarna/regional.html").
std::string relative_href(const std::filesystem::path& target, const std::filesystem::path& from_dir);

/// Loads, checks and (with `publish`) publishes the agreements found in options.inputs, or
/// only `only` of them, reading a regional agreement among `inputs` from its path as found.
std::vector<Loaded> load_all(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                             diag::SourceRegistry& sources, PipelineResult& out, const Publish* publish,
                             const std::vector<std::filesystem::path>* only = nullptr,
                             const std::vector<std::filesystem::path>* inputs = nullptr);

struct Reuse {
  std::filesystem::path state_path;
  std::string fingerprint;  ///< empty: nothing is reused and no state is kept
  std::optional<incremental::BuildState> previous;
  std::vector<incremental::CachedAgreement*> cached;  ///< per input file, or nullptr
  incremental::InputFiles inputs;
};

/// Reads the state of the last build into options.output_dir and, for an incremental build,
/// marks the input files whose agreements it may reuse.
void plan_reuse(const PipelineOptions& options, const Resources& res, const std::vector<std::filesystem::path>& pdf_files,
                const diag::SeverityPolicy* policy, const std::vector<std::filesystem::path>& files, Reuse& reuse);

/// load_all for the files the last build did not make already; the others come from the
/// state, with their findings in the sink in the order a full build reports them.
std::vector<Loaded> load_reusing(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                                 diag::SourceRegistry& sources, PipelineResult& out, const Publish& publish,
                                 const std::vector<std::filesystem::path>& files, Reuse& reuse);

/// Agreements an earlier build wrote into the folder that this build does not read (their
/// outdated ones reported to `stale`).
std::vector<Loaded> others_from_state(Reuse& reuse, const std::vector<std::filesystem::path>& files,
                                      diag::DiagnosticSink& stale);

/// Records what the next build may reuse, once this build's files are written.
void save_state(const std::vector<Loaded>& all, const std::vector<std::filesystem::path>& files,
                const diag::DiagnosticSink& sink, const diag::SourceRegistry& sources,
                std::vector<AgreementResult>& results, Reuse& reuse);

}  // namespace okgen::detail
