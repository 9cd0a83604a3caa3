// Staged output files (see staged_files.h).
#include "util/staged_files.h"

#include "util/fs.h"

namespace fs = std::filesystem;

namespace okgen::util {

StagedFiles::~StagedFiles() {
  std::error_code ec;
  for (const auto& [tmp, dest] : files_) fs::remove(tmp, ec);
}

void StagedFiles::stage(const fs::path& path, const std::string& data) {
  fs::path tmp = write_temp_beside(path, data);
  std::lock_guard<std::mutex> lock(mutex_);
  files_.emplace_back(std::move(tmp), path);
}

void StagedFiles::commit() {
  std::lock_guard<std::mutex> lock(mutex_);
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
