// Loading an agreement file (XML with Markdown bodies) into the model.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "model/agreement.h"

namespace okgen::load {

struct LoadOptions {
  /// <body src> files must lie inside this directory (normally content/).
  std::filesystem::path content_root;
  /// Area ids allowed in covers="..." (data/areas.tsv).
  std::vector<std::string> areas;
  /// Names allowed in <standard-text name="..."> (templates/text/standard/).
  std::vector<std::string> standard_texts;
};

/// Deepest section nesting: h1 is the title, sections use h2..h6.
constexpr int kMaxSectionDepth = 5;

/// Reads, parses and validates one agreement. Every problem goes to `sink`. Returns the
/// model when the file could be parsed as XML (it may still have errors: check the sink),
/// nullopt when it could not be read or parsed at all. Source texts are kept in `sources`
/// so diagnostics can show the offending line.
std::optional<model::Agreement> load_agreement(const std::filesystem::path& path, const LoadOptions& options,
                                               diag::DiagnosticSink& sink, diag::SourceRegistry& sources);

/// The same from text already in memory (tests, fuzzing); `path` names it in messages and
/// anchors relative <body src> paths.
std::optional<model::Agreement> load_agreement_text(const std::filesystem::path& path, std::string text,
                                                    const LoadOptions& options, diag::DiagnosticSink& sink,
                                                    diag::SourceRegistry& sources);

/// Citations, cross references and signatories resolve within `a`. Run by the loader on
/// regional agreements; a local agreement can cite its regional one, so it is run on the
/// merged agreement instead.
void check_references(const model::Agreement& a, diag::DiagnosticSink& sink);

}  // namespace okgen::load
