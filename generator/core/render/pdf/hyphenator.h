// Hyphenator: Swedish hyphenation points from libhyphen with Debian's hyphen-sv patterns.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace okgen::render::pdf {

class HyphenPatterns;

class Hyphenator {
 public:
  /// Hyphenates with a pattern file, read when the first word needs it (compiled once and
  /// kept in `cache_dir`, see hyphen_patterns.h); without a readable file (or with an empty
  /// path) no word is hyphenated.
  Hyphenator(const std::filesystem::path& dictionary, int left_min, int right_min, int min_word,
             std::filesystem::path cache_dir);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  /// Whether the pattern file could be read (reads it if that has not happened yet).
  bool ok() const;
  /// Byte offsets into `word` (UTF-8) after which a hyphen may be inserted. Words with
  /// digits, capitals only, or characters outside the dictionary's Latin-1 are left alone.
  std::vector<std::size_t> points(const std::string& word) const;
  /// Forgets the words hyphenated so far.
  void forget();

 private:
  /// The points of a word that is a candidate().
  std::vector<std::size_t> compute(const std::string& word) const;
  /// Whether a word may have points: letters only, some lower-case, long enough.
  bool candidate(const std::string& word) const;

  // The patterns, read on first use: under mutex_ (see points()).
  const HyphenPatterns* patterns() const;

  std::filesystem::path dictionary_, cache_dir_;
  mutable std::unique_ptr<HyphenPatterns> patterns_;
  mutable bool tried_ = false;
  int left_min_, right_min_, min_word_;
  // Agreements repeat their words; each is hyphenated once per writer.
  mutable std::unordered_map<std::string, std::vector<std::size_t>> cache_;
  mutable std::mutex mutex_;
};

}  // namespace okgen::render::pdf
