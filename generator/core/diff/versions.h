// The two sides of `okgen diff`: an agreement file, or a version of one in git
// ("HEAD~3:content/dalarna/regional.xml", read with git from the repository the path is in).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "load/agreement_loader.h"
#include "model/agreement.h"

namespace okgen::diff {

/// Loads `spec`: an existing file, else REV:PATH from git. A git version is extracted with
/// its folder (so Markdown bodies come from the same revision) into a temporary folder that
/// is removed afterwards; findings and the agreement name it "REV:PATH". Problems (no such
/// file, not in git, unknown revision, invalid agreement) go to `sink`; nullopt when nothing
/// could be loaded.
std::optional<model::Agreement> load_version(const std::string& spec, load::LoadOptions options,
                                             diag::DiagnosticSink& sink, diag::SourceRegistry& sources);

}  // namespace okgen::diff
