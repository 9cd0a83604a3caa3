// Regional text from git history (see regional_history.h).
#include "local/regional_history.h"

#include "model/fingerprint.h"
#include "util/process.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::local {

std::optional<std::string> regional_text_at(const fs::path& regional_file, const std::string& id,
                                            const std::string& fingerprint, const load::LoadOptions& options) {
  if (fingerprint.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(regional_file, ec), ec);
  const fs::path dir = abs.parent_path();
  const auto log = util::run_process({"git", "log", "-n", "50", "--format=%H", "--", abs.filename().string()}, dir);
  if (log.exit_code != 0) return std::nullopt;
  for (const auto& commit : util::split(log.out, '\n')) {
    if (commit.empty()) continue;
    const auto show = util::run_process({"git", "show", commit + ":./" + abs.filename().string()}, dir);
    if (show.exit_code != 0) continue;
    diag::DiagnosticSink quiet;
    diag::SourceRegistry scratch;
    auto a = load::load_agreement_text(abs, show.out, options, quiet, scratch);
    if (!a) continue;
    const model::Section* s = a->find_section(id);
    if (s && model::fingerprint(*s) == fingerprint) return model::canonical_text(*s);
  }
  return std::nullopt;
}

}  // namespace okgen::local
