// Tokens and Snowball stems (see swedish.h).
#include "text/swedish.h"

#include <libstemmer.h>

#include <memory>

#include "util/text.h"

namespace okgen::text {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A stemmer holds its working buffer: one per thread.
sb_stemmer* thread_stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> s(sb_stemmer_new("swedish", "UTF_8"));
  return s.get();
}

// Bytes that begin a letter: ASCII letters, and two-byte UTF-8 sequences of Latin-1
// Supplement letters (C3 80..BF, except × and ÷) and Latin Extended-A (C4, C5).
bool letter_at(std::string_view s, std::size_t i, std::size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return *len = 1, true;
  if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if (d < 0x80 || d > 0xBF) return false;
    if (c == 0xC3 && (d == 0x97 || d == 0xB7)) return false;  // × ÷
    return *len = 2, true;
  }
  return false;
}

}  // namespace

std::string stem(std::string_view lower_word) {
  sb_stemmer* s = thread_stemmer();
  if (!s || lower_word.empty()) return std::string(lower_word);
  const sb_symbol* out = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(lower_word.data()),
                                         static_cast<int>(lower_word.size()));
  if (!out) return std::string(lower_word);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s)));
}

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t len = 0;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      const std::size_t b = i;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
      Token t{std::string(text.substr(b, i - b)), "", b, i, true};
      t.stem = t.text;
      out.push_back(std::move(t));
      continue;
    }
    if (!letter_at(text, i, &len)) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    while (i < text.size() && letter_at(text, i, &len)) i += len;
    Token t{util::lower_sv(text.substr(b, i - b)), "", b, i, false};
    t.stem = stem(t.text);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace okgen::text
