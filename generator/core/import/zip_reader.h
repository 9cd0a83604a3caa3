// Reading a zip package (DOCX, ODT) that may be hostile: libzip reads the container, and
// every limit is checked before anything is inflated (entry count, each part's declared
// size, the total, the compression ratio), then again while inflating, because a header
// can lie. Encrypted entries are refused, never tried.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace okgen::import {

struct ZipLimits {
  std::size_t max_entries = 2000;
  std::size_t max_part = 32u * 1024 * 1024;    ///< one part, inflated
  std::size_t max_total = 128u * 1024 * 1024;  ///< all parts read, inflated
  double max_ratio = 200;                      ///< inflated / compressed, for parts over 1 MB
};

/// Why a package could not be read ("" when it could). Values are message keys of
/// templates/messages ([import-*]).
enum class ZipProblem { none, not_zip, too_many_entries, too_large, bomb, encrypted, damaged };

class ZipReader {
 public:
  /// Opens `data` (the whole file), read in place: it must outlive the reader. Check
  /// problem() before reading.
  ZipReader(const std::string& data, ZipLimits limits = {});
  ZipReader(std::string&& data, ZipLimits limits = {}) = delete;  // a temporary would be gone
  ~ZipReader();
  ZipReader(const ZipReader&) = delete;
  ZipReader& operator=(const ZipReader&) = delete;

  ZipProblem problem() const { return problem_; }
  std::string problem_part() const { return problem_part_; }
  /// Entry names, in the archive's order.
  const std::vector<std::string>& names() const { return names_; }
  bool has(const std::string& name) const;
  /// The inflated part, or nullopt when it is absent or breaks a limit (problem() then says
  /// which).
  std::optional<std::string> read(const std::string& name);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;  // freed also when the constructor throws (libzip not loadable)
  ZipLimits limits_;
  ZipProblem problem_ = ZipProblem::none;
  std::string problem_part_;
  std::vector<std::string> names_;
  std::size_t total_ = 0;
};

}  // namespace okgen::import
