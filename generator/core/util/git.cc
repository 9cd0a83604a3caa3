// Reading from git with settings a repository cannot turn into running programs (see git.h).
#include "util/git.h"

#include <cstdlib>

#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::util {

ProcessResult run_git(const std::vector<std::string>& args, const fs::path& cwd, const std::string* input) {
  // Each -c overrides the repository's own setting for this run. What okgen's commands could
  // otherwise start: the file-system monitor (any command that refreshes the index), hooks
  // (post-index-change when an index is written), gpg for signatures shown by log, external
  // diff drivers. --no-optional-locks keeps git from writing the index at all.
  std::vector<std::string> argv = {"git",
                                   "--no-pager",
                                   "--no-optional-locks",
                                   "-c", "core.fsmonitor=false",
                                   "-c", "core.hooksPath=/dev/null",
                                   "-c", "log.showSignature=false",
                                   "-c", "diff.external=",
                                   "-c", "core.untrackedCache=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, cwd, input);
}

std::optional<fs::path> git_toplevel(const fs::path& dir, std::string* problem) {
  const auto top = run_git({"rev-parse", "--show-toplevel"}, dir);
  if (top.exit_code != 0) {
    if (problem) {
      const std::string err(trim(top.err));
      *problem = top.exit_code < 0 ? "@git.missing" : err.substr(0, err.find('\n'));  // a phrase in the message catalogue
    }
    return std::nullopt;
  }
  const std::string out(trim(top.out));
  return fs::path(out.substr(0, out.find('\n')));
}

std::optional<fs::path> find_git_toplevel(const fs::path& dir) {
  if (std::getenv("GIT_DIR") || std::getenv("GIT_WORK_TREE")) return git_toplevel(dir);
  std::error_code ec;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (fs::exists(p / ".git", ec)) return p;
    if (p == p.parent_path()) break;
  }
  return std::nullopt;
}

std::vector<std::optional<std::string>> git_read_blobs(const std::vector<std::string>& names, const fs::path& repo) {
  std::vector<std::optional<std::string>> blobs(names.size());
  std::string input;
  for (const auto& n : names) {
    if (n.find('\n') != std::string::npos) return blobs;  // one name per line: cannot be asked
    input += n + "\n";
  }
  if (names.empty()) return blobs;
  const auto r = run_git({"cat-file", "--batch"}, repo, &input);
  if (r.exit_code != 0) return blobs;
  // Per name: "<oid> <type> <size>\n<bytes>\n", or "<name> missing\n" / "<name> ambiguous\n".
  std::size_t pos = 0;
  for (auto& blob : blobs) {
    const std::size_t eol = r.out.find('\n', pos);
    if (eol == std::string::npos) break;
    const auto header = split(r.out.substr(pos, eol - pos), ' ');
    pos = eol + 1;
    // A found object's header ends in its size; "missing"/"ambiguous" lines have no content.
    if (header.size() != 3 || header[2].empty() || header[2].size() > 15 ||
        header[2].find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    const std::size_t size = static_cast<std::size_t>(std::stoull(header[2]));
    if (size > r.out.size() - pos) break;
    if (header[1] == "blob") blob = r.out.substr(pos, size);
    pos += size + 1;
  }
  return blobs;
}

std::vector<std::optional<std::string>> GitStatus::committed_if_changed(const std::vector<fs::path>& files) {
  std::vector<std::optional<std::string>> result(files.size());
  // Files grouped by repository, each named relative to its top folder.
  std::map<fs::path, std::vector<std::pair<std::size_t, std::string>>> by_repo;
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code ec;
    const fs::path abs = fs::weakly_canonical(fs::absolute(files[i], ec), ec);
    const std::string dir = abs.parent_path().string();
    auto it = toplevel_.find(dir);
    if (it == toplevel_.end()) it = toplevel_.emplace(dir, find_git_toplevel(dir)).first;
    if (!it->second) continue;
    const fs::path root = fs::weakly_canonical(*it->second, ec);
    const fs::path rel = abs.lexically_relative(root);
    if (rel.empty() || *rel.begin() == "..") continue;
    by_repo[root].emplace_back(i, rel.generic_string());
  }
  for (const auto& [root, entries] : by_repo) {
    std::vector<std::string> names;
    for (const auto& e : entries) names.push_back("HEAD:" + e.second);
    auto blobs = git_read_blobs(names, root);
    for (std::size_t k = 0; k < entries.size(); ++k) {
      if (!blobs[k]) continue;  // untracked, or no commit yet
      std::string now;
      if (read_file(files[entries[k].first], now) != ReadStatus::ok || now != *blobs[k]) {
        result[entries[k].first] = std::move(blobs[k]);
      }
    }
  }
  return result;
}

}  // namespace okgen::util
