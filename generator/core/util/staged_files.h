// Output files staged for an all-or-nothing build. A national batch is hundreds of
// documents: holding them all in memory until the build is known to succeed costs
// hundreds of megabytes, so each is written to a flushed temporary file beside its
// destination as soon as it exists, and the build either renames them all into place
// (commit) or removes them (the destructor), so existing outputs survive a failed build.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace okgen::util {

class StagedFiles {
 public:
  StagedFiles() = default;
  ~StagedFiles();
  StagedFiles(const StagedFiles&) = delete;
  StagedFiles& operator=(const StagedFiles&) = delete;

  /// Writes `data` for `path` to a temporary file (thread-safe). Throws IoError. When
  /// `path` already holds exactly `data`, nothing is written and the file keeps its time.
  void stage(const std::filesystem::path& path, const std::string& data);
  /// Moves every staged file into place, in the order staged, all or nothing: when a move
  /// fails, the files already moved are put back as they were (previous versions restored,
  /// new files removed), the rest are removed, and IoError is thrown.
  void commit();
  /// The destinations staged so far, in order, then those already up to date.
  std::vector<std::filesystem::path> destinations() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files_;  // temp, destination
  std::vector<std::filesystem::path> unchanged_;
};

}  // namespace okgen::util
