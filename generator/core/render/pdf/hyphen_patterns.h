// Hyphenation patterns compiled once. libhyphen builds a state machine from the pattern
// file's text (hyph_sv_SE.dic: 15 000 patterns, 18 500 states) on every load, which took
// ~18 ms of each `okgen build`. The built machine is saved as an image in the user's cache
// folder, keyed by a hash of the pattern file, and read back in well under a millisecond;
// hyphenation then runs in libhyphen as before, so the points (and the PDF bytes) are the
// same. A missing, stale or damaged image is rebuilt; an unwritable cache only costs time.
#pragma once

#include "util/hash.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct _HyphenDict;
struct _HyphenState;
struct _HyphenTrans;

namespace okgen::render::pdf {

class HyphenPatterns {
 public:
  /// Where the dictionary came from (for tests and the benchmark).
  enum class Origin { text, cache_image };

  /// Loads `dictionary`, through an image in `cache_dir` when one matches the file (and
  /// writing one when not; an empty `cache_dir` means no cache). Null when the dictionary
  /// cannot be read.
  static std::unique_ptr<HyphenPatterns> load(const std::filesystem::path& dictionary,
                                              const std::filesystem::path& cache_dir);
  /// Rebuilds patterns from an image made by image(); null when `bytes` is not a valid
  /// image of a file with `source_hash` for this build (damaged, truncated, other version).
  static std::unique_ptr<HyphenPatterns> from_image(std::string_view bytes, std::uint64_t source_hash);

  ~HyphenPatterns();
  HyphenPatterns(const HyphenPatterns&) = delete;
  HyphenPatterns& operator=(const HyphenPatterns&) = delete;

  /// The dictionary, for libhyphen's hnj_hyphen_hyphenate3 (which only reads it).
  _HyphenDict* dict() const { return dict_; }
  Origin origin() const { return origin_; }
  /// The image of these patterns for a pattern file with `source_hash`.
  std::string image(std::uint64_t source_hash) const;

 private:
  HyphenPatterns() = default;
  // Reads an image whose bytes outlive the patterns (image_ or map_).
  bool parse(std::string_view bytes, std::uint64_t source_hash);

  _HyphenDict* dict_ = nullptr;
  Origin origin_ = Origin::text;
  bool owned_by_libhyphen_ = false;
  // An image's levels and states; strings and transitions point into `image_`.
  std::vector<std::uint64_t> image_;  // 8-byte aligned storage
  void* map_ = nullptr;               // or a read-only mapping of the image file
  std::size_t map_size_ = 0;
  std::vector<std::unique_ptr<_HyphenDict>> levels_;
  std::vector<std::vector<_HyphenState>> states_;
  std::vector<std::vector<_HyphenTrans>> trans_;
};

/// The user's cache folder for okgen: $OKGEN_CACHE_DIR, else $XDG_CACHE_HOME/okgen, else
/// $HOME/.cache/okgen; empty when none is set.
std::filesystem::path default_cache_dir();

/// The key of a pattern file's image: util::digest64 of its bytes.
using util::digest64;

}  // namespace okgen::render::pdf
