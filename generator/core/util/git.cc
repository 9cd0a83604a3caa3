// Git status of content files (see git.h).
#include "util/git.h"

#include "util/process.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::util {

const GitStatus::Repo& GitStatus::repo_for(const fs::path& dir) {
  auto it = repos_.find(dir.string());
  if (it != repos_.end()) return it->second;
  Repo r;
  auto top = run_process({"git", "rev-parse", "--show-toplevel"}, dir);
  if (top.exit_code == 0) {
    r.root = std::string(trim(top.out));
    // Which files are modified, one run for the whole repository.
    for (const auto& [key, repo] : repos_) {
      if (repo.ok && repo.root == r.root) return repos_[dir.string()] = repo;
    }
    auto status = run_process({"git", "status", "--porcelain=v1", "-z", "--untracked-files=no"}, r.root);
    if (status.exit_code == 0) {
      r.ok = true;
      for (const auto& entry : split(status.out, '\0')) {
        // "XY path"; renames carry a second path, which split() yields as its own entry.
        if (entry.size() > 3 && (entry[0] == 'M' || entry[1] == 'M')) r.modified.insert(entry.substr(3));
      }
    }
  }
  return repos_[dir.string()] = r;
}

std::optional<std::string> GitStatus::committed_if_changed(const fs::path& file) {
  std::error_code ec;
  const fs::path abs = fs::weakly_canonical(fs::absolute(file, ec), ec);
  const Repo& repo = repo_for(abs.parent_path());
  if (!repo.ok) return std::nullopt;
  const std::string rel = abs.lexically_relative(fs::weakly_canonical(repo.root, ec)).generic_string();
  if (!repo.modified.count(rel)) return std::nullopt;
  auto show = run_process({"git", "show", "HEAD:" + rel}, repo.root);
  if (show.exit_code != 0) return std::nullopt;
  return show.out;
}

}  // namespace okgen::util
