// What git knows about content files: which are changed since the last commit, and their
// committed text. Used by the checker to notice a changed agreement whose version was not
// raised. One `git status` per repository per run; nothing at all outside a repository.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace okgen::util {

class GitStatus {
 public:
  /// The committed (HEAD) text of `file` when git is available, the file is tracked and it
  /// has uncommitted changes; nullopt otherwise.
  std::optional<std::string> committed_if_changed(const std::filesystem::path& file);

 private:
  struct Repo {
    bool ok = false;
    std::filesystem::path root;
    std::set<std::string> modified;  ///< paths relative to root
  };
  const Repo& repo_for(const std::filesystem::path& dir);
  std::map<std::string, Repo> repos_;  ///< by directory asked about
};

}  // namespace okgen::util
