// Swedish words as the checker compares them: text split into word tokens, each with its
// Snowball stem (libstemmer's Swedish algorithm), so "tvisten", "tvister" and "tvist" are one
// word to a rule, and "kommunerna" is "kommun". Compounds are handled by the rules' own
// wildcards ("*organisation" for "brukarorganisationerna"), see review/lexicon.h.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace okgen::text {

struct Token {
  std::string text;   ///< lower case, as written
  std::string stem;   ///< Snowball stem of `text` (numbers: the digits)
  std::size_t begin;  ///< byte offsets in the tokenized string
  std::size_t end;
  bool number = false;
};

/// The Swedish Snowball stem of one lower-case word. Thread-safe.
std::string stem(std::string_view lower_word);

/// Word and number tokens of `text` (lowered first; offsets refer to `text`). Letters are
/// ASCII and the Latin letters of Swedish, Finnish and the Sámi languages; everything else
/// (punctuation, dashes, §, quotes, hyphens) separates tokens.
std::vector<Token> tokenize(std::string_view text);

}  // namespace okgen::text
