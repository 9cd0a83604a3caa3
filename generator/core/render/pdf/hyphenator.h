// Hyphenator: Swedish hyphenation points from libhyphen with Debian's hyphen-sv patterns.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
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
  /// Byte offsets into `word` (UTF-8) after which a hyphen may be inserted, into `out`
  /// (replacing what it held; a caller hyphenating word after word keeps one vector, and
  /// no word costs an allocation). Words with digits, capitals only, or characters outside
  /// the dictionary's Latin-1 are left alone.
  void points(std::string_view word, std::vector<std::size_t>& out) const;
  /// The same, returned.
  std::vector<std::size_t> points(std::string_view word) const;
  /// Forgets the words hyphenated so far.
  void forget();

 private:
  /// The points of a word that is a candidate(), into `out` (under mutex_).
  void compute(std::string_view word, std::vector<std::size_t>& out) const;
  /// Whether a word may have points: letters only, some lower-case, long enough.
  bool candidate(std::string_view word) const;

  // The patterns, read on first use: under mutex_ (see points()).
  const HyphenPatterns* patterns() const;

  std::filesystem::path dictionary_, cache_dir_;
  mutable std::unique_ptr<HyphenPatterns> patterns_;
  mutable bool tried_ = false;
  int left_min_, right_min_, min_word_;
  // Agreements repeat their words; each is hyphenated once per writer.
  mutable std::unordered_map<std::string, std::vector<std::size_t>> cache_;
  mutable std::mutex mutex_;
  // Reused under mutex_: the word as a key, and compute()'s Latin-1 form, offsets and
  // libhyphen's answer (a few allocations per word were a fifth of hyphenating it).
  mutable std::string key_, latin_;
  mutable std::vector<std::size_t> byte_end_;
  mutable std::vector<char> hyphens_;
};

}  // namespace okgen::render::pdf
