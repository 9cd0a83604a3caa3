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

namespace {

// True when `path` is a regular file holding exactly `data`.
bool holds(const fs::path& path, const std::string& data) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(path, ec)) || fs::file_size(path, ec) != data.size() || ec) return false;
  std::string now;
  return read_file(path, now, data.size() + 1) == ReadStatus::ok && now == data;
}

}  // namespace

void StagedFiles::stage(const fs::path& path, const std::string& data) {
  // An output that already has these bytes is left as it is, with its modification time:
  // whoever syncs or serves the folder sees only what changed.
  if (holds(path, data)) {
    std::lock_guard<std::mutex> lock(mutex_);
    unchanged_.push_back(path);
    return;
  }
  // Flushed all at once in commit(): one syncfs instead of an fsync per file.
  fs::path tmp = write_temp_beside(path, data, false);
  std::lock_guard<std::mutex> lock(mutex_);
  files_.emplace_back(std::move(tmp), path);
}

namespace {

// A second name for `dest` beside it (a hard link: no copy, and the bytes stay exactly the
// previous ones), or a copy where the file system has no hard links. Throws IoError.
fs::path keep_previous(const fs::path& dest) {
  const fs::path dir = dest.has_parent_path() ? dest.parent_path() : fs::path(".");
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path backup = dir / ("." + dest.filename().string() + ".previous-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(attempt));
    if (::link(dest.c_str(), backup.c_str()) == 0) return backup;
    if (errno == EEXIST) continue;
    std::error_code ec;
    if (fs::copy_file(dest, backup, ec)) return backup;
    throw IoError(std::string("cannot keep the previous version: ") + ec.message(), dest, "cannot-keep-previous",
                  os_reason(ec.value()));
  }
  throw IoError("cannot keep the previous version: too many leftover copies", dest, "too-many-leftovers");
}

}  // namespace

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
      throw IoError(std::string("cannot flush to disk: ") + std::strerror(err), dir, "cannot-flush", os_reason(err));
    }
    ::close(fd);
  }
  // All or nothing: each existing destination is kept as a hard link beside it until every
  // rename has succeeded; when one fails, the files already replaced get their previous
  // versions back and files that were new are removed.
  struct Done {
    fs::path dest, backup;  // backup empty: the destination did not exist before
  };
  std::vector<Done> done;
  auto roll_back = [&] {
    std::error_code ec;
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
      if (it->backup.empty()) {
        fs::remove(it->dest, ec);
      } else if (::rename(it->backup.c_str(), it->dest.c_str()) != 0) {
        fs::remove(it->backup, ec);
      }
    }
  };
  for (std::size_t i = 0; i < files_.size(); ++i) {
    const auto& [tmp, dest] = files_[i];
    Done d{dest, {}};
    try {
      std::error_code ec;
      if (fs::is_regular_file(fs::symlink_status(dest, ec))) d.backup = keep_previous(dest);
      replace_with_temp(tmp, dest);
    } catch (...) {
      std::error_code ec;
      if (!d.backup.empty()) fs::remove(d.backup, ec);  // this destination was not replaced
      roll_back();
      files_.erase(files_.begin(), files_.begin() + static_cast<std::ptrdiff_t>(i + 1));
      throw;  // the destructor removes the temporary files not yet moved
    }
    done.push_back(std::move(d));
  }
  std::error_code ec;
  for (const auto& d : done) {
    if (!d.backup.empty()) fs::remove(d.backup, ec);
  }
  files_.clear();
}

std::vector<fs::path> StagedFiles::destinations() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<fs::path> out;
  for (const auto& [tmp, dest] : files_) out.push_back(dest);
  out.insert(out.end(), unchanged_.begin(), unchanged_.end());
  return out;
}

}  // namespace okgen::util
