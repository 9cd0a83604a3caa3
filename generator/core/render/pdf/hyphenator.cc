// Hyphenation through libhyphen. hyph_sv_SE.dic is ISO 8859-1, so words are converted to
// lower-case Latin-1 before lookup and the points mapped back to UTF-8 offsets.
#include "render/pdf/hyphenator.h"

#include <hyphen.h>

#include <cstdlib>

#include "render/pdf/font_set.h"
#include "render/pdf/hyphen_patterns.h"

namespace okgen::render::pdf {

Hyphenator::Hyphenator(const std::filesystem::path& dictionary, int left_min, int right_min, int min_word,
                       std::filesystem::path cache_dir)
    : dictionary_(dictionary), cache_dir_(std::move(cache_dir)), left_min_(left_min), right_min_(right_min),
      min_word_(min_word) {}

Hyphenator::~Hyphenator() = default;

const HyphenPatterns* Hyphenator::patterns() const {
  if (!tried_) {
    tried_ = true;
    if (!dictionary_.empty()) patterns_ = HyphenPatterns::load(dictionary_, cache_dir_);
  }
  return patterns_.get();
}

bool Hyphenator::ok() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return patterns() != nullptr;
}

namespace {

// Latin-1 letters, the only characters the Swedish patterns know.
bool is_upper(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7); }
bool is_lower(char32_t cp) { return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7); }

}  // namespace

bool Hyphenator::candidate(std::string_view word) const {
  int letters = 0;
  bool has_lower = false;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t cp = next_codepoint(word, i);
    const bool lower = is_lower(cp);
    if (!lower && !is_upper(cp)) return false;
    has_lower = has_lower || lower;
    ++letters;
  }
  return has_lower && letters >= min_word_;
}

void Hyphenator::points(std::string_view word, std::vector<std::size_t>& out) const {
  out.clear();
  // Most words of a text are short, or carry digits or punctuation: they are never
  // hyphenated, and are told apart here without the lock and the cache.
  if (dictionary_.empty() || !candidate(word)) return;
  // One lock for the lookup and libhyphen itself: cheap, and it keeps a hyphenator safe
  // if it is ever shared between threads (libhyphen promises nothing there).
  std::lock_guard<std::mutex> lock(mutex_);
  key_.assign(word);
  auto it = cache_.find(key_);
  if (it == cache_.end()) {
    if (cache_.size() > 200000) cache_.clear();  // bounded, whatever the input
    std::vector<std::size_t> found;
    compute(word, found);
    it = cache_.emplace(key_, std::move(found)).first;
  }
  out.assign(it->second.begin(), it->second.end());
}

std::vector<std::size_t> Hyphenator::points(std::string_view word) const {
  std::vector<std::size_t> out;
  points(word, out);
  return out;
}

void Hyphenator::forget() {
  std::lock_guard<std::mutex> lock(mutex_);
  cache_.clear();
}

void Hyphenator::compute(std::string_view word, std::vector<std::size_t>& out) const {
  const HyphenPatterns* p = patterns();
  if (!p) return;
  // points() has made sure the word is Latin-1 letters, some lower-case, long enough.
  latin_.clear();
  byte_end_.clear();  // UTF-8 offset after each character
  for (std::size_t i = 0; i < word.size();) {
    const char32_t cp = next_codepoint(word, i);
    latin_.push_back(static_cast<char>(is_upper(cp) ? cp + 0x20 : cp));
    byte_end_.push_back(i);
  }
  hyphens_.assign(latin_.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  if (hnj_hyphen_hyphenate3(p->dict(), latin_.c_str(), static_cast<int>(latin_.size()), hyphens_.data(), nullptr, &rep,
                            &pos, &cut, left_min_, right_min_, 2, 2) != 0) {
    return;
  }
  if (rep) {
    // Non-standard hyphenation (spelling changes) is not used; free what libhyphen made.
    for (std::size_t k = 0; k < latin_.size(); ++k) std::free(rep[k]);
    std::free(rep);
    std::free(pos);
    std::free(cut);
  }
  for (std::size_t k = 0; k + 1 < latin_.size(); ++k) {
    if ((hyphens_[k] - '0') % 2 == 1) out.push_back(byte_end_[k]);
  }
}

}  // namespace okgen::render::pdf
