// Hyphenator: Swedish hyphenation points from libhyphen with Debian's hyphen-sv patterns.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

struct _HyphenDict;

namespace okgen::render::pdf {

class Hyphenator {
 public:
  /// Loads the pattern file; without one (empty path or unreadable) no word is hyphenated.
  Hyphenator(const std::filesystem::path& dictionary, int left_min, int right_min, int min_word);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool ok() const { return dict_ != nullptr; }
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

  _HyphenDict* dict_ = nullptr;
  int left_min_, right_min_, min_word_;
  // Agreements repeat their words; each is hyphenated once per writer.
  mutable std::unordered_map<std::string, std::vector<std::size_t>> cache_;
  mutable std::mutex mutex_;
};

}  // namespace okgen::render::pdf
