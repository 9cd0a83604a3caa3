// Reading from git, safely. Content folders can sit inside repositories okgen did not make
// (a shared drive, an unpacked archive), and a repository's own configuration can name
// programs that git runs (fsmonitor, hooks, clean/smudge filters, textconv, signature
// programs). okgen therefore uses only plumbing commands that read objects as stored
// (`cat-file`, `ls-tree`, `log --format=%H`, `rev-parse`), runs git with settings that switch
// the remaining program hooks off, passes revisions after `--end-of-options` (a revision
// starting with "-" is never an option), and leaves git's `safe.directory` check alone, so a
// repository owned by another user is refused as git refuses it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "util/process.h"

namespace okgen::util {

/// Runs `git ARGS...` in `cwd` with okgen's safe settings (see above).
ProcessResult run_git(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                      const std::string* input = nullptr);

/// The top folder of the repository `dir` is in; nullopt outside a repository (or when git
/// is missing or refuses the repository); `problem` then says why, in git's words.
std::optional<std::filesystem::path> git_toplevel(const std::filesystem::path& dir, std::string* problem = nullptr);

/// The same answer without starting git where it can be seen in the file system: the nearest
/// folder (from `dir` up) holding a `.git` folder or file. When GIT_DIR or GIT_WORK_TREE is
/// set, git decides (git_toplevel). Outside any repository no program is started at all.
std::optional<std::filesystem::path> find_git_toplevel(const std::filesystem::path& dir);

/// The stored bytes of each object `names` names ("REV:path" or an object id), read with one
/// `git cat-file --batch` in `repo`; nullopt for a name that is not a blob.
std::vector<std::optional<std::string>> git_read_blobs(const std::vector<std::string>& names,
                                                       const std::filesystem::path& repo);

/// What git knows about content files: which are changed since the last commit, and their
/// committed text. Used by the checker to notice a changed agreement whose version was not
/// raised. One `rev-parse` per folder and one `cat-file` per repository for all files.
class GitStatus {
 public:
  /// For each file: its committed (HEAD) text when it is tracked and the working file differs
  /// from it; nullopt otherwise (no git, not in a repository, untracked, unchanged).
  std::vector<std::optional<std::string>> committed_if_changed(const std::vector<std::filesystem::path>& files);

 private:
  std::map<std::string, std::optional<std::filesystem::path>> toplevel_;  ///< by folder asked about
};

}  // namespace okgen::util
