// Regional text from git history (see regional_history.h).
#include "local/regional_history.h"

#include "model/fingerprint.h"
#include "util/git.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::local {

std::optional<std::string> regional_text_at(const fs::path& regional_file, const std::string& id,
                                            const std::string& fingerprint, const load::LoadOptions& options) {
  if (fingerprint.empty()) return std::nullopt;
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(regional_file, ec), ec);
  const auto top = util::find_git_toplevel(abs.parent_path());
  if (!top) return std::nullopt;
  const fs::path root = fs::weakly_canonical(*top, ec);
  const std::string rel = abs.lexically_relative(root).generic_string();
  const auto log = util::run_git({"log", "-n", "50", "--format=%H", "--end-of-options", "HEAD", "--", rel}, root);
  if (log.exit_code != 0) return std::nullopt;
  std::vector<std::string> versions;
  for (const auto& commit : util::split(log.out, '\n')) {
    if (!commit.empty()) versions.push_back(commit + ":" + rel);
  }
  const auto texts = util::git_read_blobs(versions, root);
  for (const auto& text : texts) {
    if (!text) continue;
    diag::DiagnosticSink quiet;
    diag::SourceRegistry scratch;
    auto a = load::load_agreement_text(abs, *text, options, quiet, scratch);
    if (!a) continue;
    const model::Section* s = a->find_section(id);
    if (s && model::fingerprint(*s) == fingerprint) return model::canonical_text(*s);
  }
  return std::nullopt;
}

}  // namespace okgen::local
