// What a regional section said when a local text was written: the committed versions of the
// regional file (git log) searched for the section whose fingerprint the local text names.
// Lets the check report show the regional change as a word diff, not just the text now.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "load/agreement_loader.h"

namespace okgen::local {

/// The canonical text (model/fingerprint.h) of section `id` in the newest committed version
/// of `regional_file` whose fingerprint is `fingerprint`; nullopt when git has none (or the
/// file is not in git). Looks at the last 50 commits that touched the file.
std::optional<std::string> regional_text_at(const std::filesystem::path& regional_file, const std::string& id,
                                            const std::string& fingerprint, const load::LoadOptions& options);

}  // namespace okgen::local
