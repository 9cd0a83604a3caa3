// Staged output files (see staged_files.h).
#include "util/staged_files.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include "util/fs.h"

namespace fs = std::filesystem;

namespace okgen::util {

StagedFiles::~StagedFiles() {
  std::error_code ec;
  for (const auto& [tmp, dest] : files_) fs::remove(tmp, ec);
}

void StagedFiles::stage(const fs::path& path, const std::string& data) {
  // Flushed all at once in commit(): one syncfs instead of an fsync per file.
  fs::path tmp = write_temp_beside(path, data, false);
  std::lock_guard<std::mutex> lock(mutex_);
  files_.emplace_back(std::move(tmp), path);
}

void StagedFiles::commit() {
  std::lock_guard<std::mutex> lock(mutex_);
  // Every temporary file reaches the disk before any is renamed, so a crash never leaves
  // a renamed file without its contents (outputs may lie on several file systems: each
  // distinct directory's file system is flushed; syncfs on one already flushed is cheap).
  std::set<fs::path> dirs;
  for (const auto& [tmp, dest] : files_) dirs.insert(tmp.parent_path());
  for (const auto& dir : dirs) {
    const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::syncfs(fd) != 0) {
      const int err = errno;
      if (fd >= 0) ::close(fd);
      throw IoError(std::string("cannot flush to disk: ") + std::strerror(err), dir);
    }
    ::close(fd);
  }
  for (std::size_t i = 0; i < files_.size(); ++i) {
    try {
      replace_with_temp(files_[i].first, files_[i].second);
    } catch (...) {
      files_.erase(files_.begin(), files_.begin() + static_cast<std::ptrdiff_t>(i + 1));
      throw;  // the destructor removes the rest
    }
  }
  files_.clear();
}

std::vector<fs::path> StagedFiles::destinations() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<fs::path> out;
  for (const auto& [tmp, dest] : files_) out.push_back(dest);
  return out;
}

}  // namespace okgen::util
