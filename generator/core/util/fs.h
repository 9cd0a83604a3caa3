// File access with the guarantees okgen promises: bounded reads, atomic writes.
//
// Every output is written to a temporary file in the target directory and renamed over the
// old file only when complete, so a crash or an error never leaves half a file and never
// destroys an existing output.
#pragma once

#include <cstddef>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace okgen::util {

/// Thrown for failures of the environment (cannot read, cannot write, a broken data file), as
/// opposed to problems in content, which are diagnostics. Caught once, in the CLI.
///
/// `problem` names the failure as a line of section [io] of the command line's catalogue
/// (templates/cli/<lang>.txt), with its arguments, so the person running okgen reads it in
/// their language; an operating-system error comes as the arguments `reason` (the system's
/// English words) and `reason_key` (okgen's own words for it, see reason_key). what() says
/// the same in English, for logs and tests.
class IoError : public std::runtime_error {
 public:
  using Args = std::vector<std::pair<std::string, std::string>>;
  IoError(const std::string& what, std::filesystem::path path, std::string problem = {}, Args args = {})
      : std::runtime_error(what), path_(std::move(path)), problem_(std::move(problem)), args_(std::move(args)) {}
  const std::filesystem::path& path() const { return path_; }
  const std::string& problem() const { return problem_; }
  const Args& args() const { return args_; }

 private:
  std::filesystem::path path_;
  std::string problem_;
  Args args_;
};

/// The arguments of an IoError for the operating-system error `err` (errno): its English
/// words and, for the errors a person can do something about (a full disk, a missing
/// permission, a read-only or missing folder), the key of okgen's own words ("reason.no-space").
IoError::Args os_reason(int err);

/// Largest input file okgen reads (agreements are ~100 KB; this leaves room for any real one).
constexpr std::size_t kMaxInputBytes = 16u * 1024 * 1024;

enum class ReadStatus { ok, not_found, not_a_file, too_large, unreadable };

/// Reads a whole file into `out`. Never throws.
ReadStatus read_file(const std::filesystem::path& path, std::string& out, std::size_t max_bytes = kMaxInputBytes);

/// Writes `data` to `path` atomically (temp file + fsync + rename), creating parent
/// directories. Throws IoError on failure; the old file, if any, is then untouched.
void write_file_atomic(const std::filesystem::path& path, const std::string& data);

/// The same for a file a person keeps (an agreement `revise` edits): the new file gets the
/// old one's permissions, owner and group where the system allows (a group or owner okgen
/// may not give is left as it comes out), instead of an output's 0644.
void rewrite_file_atomic(const std::filesystem::path& path, const std::string& data);

/// The first half of write_file_atomic: `data` in a temporary file beside `path`
/// (".name.tmp-XXXXXX"), flushed to disk when `flush`, whose path is returned. Throws IoError.
std::filesystem::path write_temp_beside(const std::filesystem::path& path, const std::string& data,
                                        bool flush = true);
/// The second half: renames `tmp` to `path` (removing `tmp` on failure). Throws IoError.
void replace_with_temp(const std::filesystem::path& tmp, const std::filesystem::path& path);

/// True when `path` (after resolving "..", "." and symlinks) lies inside `root`.
bool is_inside(const std::filesystem::path& path, const std::filesystem::path& root);

/// The content folder `file` belongs to when none is given: its nearest ancestor named
/// "content"; otherwise, for a file in a folder named "local" (a local agreement beside its
/// regional one, as `okgen local init` lays them out), that folder's parent; otherwise the
/// file's own folder. Files an agreement names (<body src>, <parent href>) must lie inside it.
std::filesystem::path default_content_root(const std::filesystem::path& file);

/// `path` relative to the working directory when it lies below it, else as given; used to
/// name files in messages the way the user typed them.
std::string display_path(const std::filesystem::path& path);

}  // namespace okgen::util
