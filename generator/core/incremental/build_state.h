// What `okgen build` remembers between runs, so that a second build only makes again what
// depends on a changed file (docs/incremental-build.md).
//
// After every successful build the state records, per agreement: every file it was read
// from with its length and hash, every output with its length and modification time, its
// result (what the index, the region pages and kontrollrapport.txt are made from) and its
// findings by phase. The next build reuses an agreement only when the build's fingerprint
// (okgen's binary, resources, options) is the same, every input still has the bytes it was
// built from and every output is still the file okgen wrote; everything else is built again.
// The state lives in the user's cache folder, not beside the published outputs.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "pipeline.h"
#include "render/html/html_writer.h"

namespace okgen::incremental {

/// An input file as it was read: display path, length, util::digest64 of the bytes.
struct InputStamp {
  std::string path;
  std::uint64_t size = 0;
  std::uint64_t hash = 0;
};

/// An output as it was written: path, length, modification time (ns since the epoch).
struct OutputStamp {
  std::string path;
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

/// The phases a build reports findings in, in this order for all agreements at a time.
enum Phase { kLoad = 0, kReview = 1, kPublish = 2 };

/// One agreement as the last successful build made it.
struct CachedAgreement {
  std::string source;        ///< the input path as found (the key)
  std::string content_root;
  std::string id;            ///< the agreement's id (ids must stay unique across records)
  std::vector<InputStamp> inputs;
  std::vector<OutputStamp> outputs;
  AgreementResult result;
  render::html::IndexEntry entry;
  std::array<std::vector<diag::Diagnostic>, 3> findings;  ///< by Phase
};

struct BuildState {
  std::string fingerprint;
  std::vector<CachedAgreement> agreements;
  CachedAgreement* find(const std::string& source);
};

/// Where the state of builds into `output_dir` is kept: <cache>/builds/<hash of the
/// output folder's absolute path>.xml (cache as for hyphenation, see default_cache_dir).
std::filesystem::path state_file(const std::filesystem::path& output_dir);

/// Reads a state file; nullopt when it is missing, damaged or from another state version
/// (a full build follows, which writes a new one).
std::optional<BuildState> read_state(const std::filesystem::path& file);

/// Writes `state` atomically (non-const: one description of the format reads and writes it;
/// nothing is changed). Returns false (and leaves any old file) when it cannot:
/// the state only saves time, so failing to keep it never fails a build.
bool write_state(const std::filesystem::path& file, BuildState& state);

/// Everything besides the content that shapes a build's outputs and findings: okgen's own
/// binary, the resource tree (templates, styles, data), `extra_files` (fonts, hyphenation
/// dictionary, ICC profile from the PDF style), the options and the severity policy, the
/// working folder (paths are shown relative to it). Empty when it cannot be known (then
/// nothing is reused).
std::string fingerprint(const PipelineOptions& options, const Resources& res,
                        const std::vector<std::filesystem::path>& extra_files, const diag::SeverityPolicy* policy);

/// Reads input files once each and keeps their bytes, for checking stamps and quoting
/// source lines of reused findings.
class InputFiles {
 public:
  /// The stamp of `path` now; nullopt when it cannot be read.
  const std::optional<InputStamp>& stamp(const std::string& path);
  /// The bytes read for `path` (stamp() first), or nullptr.
  const std::string* text(const std::string& path) const;

 private:
  struct Entry {
    std::optional<InputStamp> stamp;
    std::string text;
  };
  std::map<std::string, Entry> files_;
};

/// The stamp of an output file now; nullopt when it is missing.
std::optional<OutputStamp> output_stamp(const std::filesystem::path& path);

/// True when every input of `cached` still has the bytes it was built from.
bool inputs_unchanged(const CachedAgreement& cached, InputFiles& inputs);
/// True when every output of `cached` is still there, unchanged since written.
bool outputs_unchanged(const CachedAgreement& cached);
/// True when `cached` can stand for a new build of it: both of the above.
bool still_valid(const CachedAgreement& cached, InputFiles& inputs);

}  // namespace okgen::incremental
