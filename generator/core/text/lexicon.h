// Concepts: what the checker looks for in Swedish text, as data (data/concepts.tsv), never
// as code. A concept is a list of terms; a term is a sequence of word patterns matched
// against the tokens of a sentence (text/swedish.h), each compared by its Snowball stem:
//
//   tvist         the word in any inflection (tvist, tvisten, tvister)
//   ansvar*       words that begin with it (ansvarar, ansvarsfördelning)
//   *organisation words that end with it: compounds (brukarorganisationerna)
//   *psykiatri*   words that contain it (vuxenpsykiatrin, psykiatrisamordnare)
//   =vi           exactly this word, not stemmed (short or function words)
//   #             a number, in digits or words (tre, tolv)
//   ~             up to three other words in between
//
// "inte ~ överens" thus finds "inte överens", "inte är överens" and "inte riktigt kan
// komma överens". Matching is case-blind.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "text/swedish.h"
#include "util/tsv.h"

namespace okgen::text {

/// A match: tokens [first, last] of the searched sequence.
struct ConceptMatch {
  std::size_t first = 0;
  std::size_t last = 0;
};

class Lexicon {
 public:
  /// Builds the lexicon from data/concepts.tsv rows (concept, terms, why). Throws
  /// util::IoError naming the line for a malformed term, a duplicate concept or a missing
  /// reason: a data error is found when okgen starts, not when a text happens to need it.
  static Lexicon load(const std::vector<util::TsvRow>& rows, const std::string& file);

  bool has(const std::string& concept) const { return ids_.count(concept) > 0; }
  std::vector<std::string> concepts() const;

  /// Every match of `concept` in `tokens`, in order, not overlapping.
  std::vector<ConceptMatch> find(const std::string& concept, const std::vector<Token>& tokens) const;
  /// True when `concept` occurs in `tokens`.
  bool occurs(const std::string& concept, const std::vector<Token>& tokens) const;

 private:
  enum class Kind { word, prefix, suffix, infix, exact, number, gap };
  struct Element {
    Kind kind = Kind::word;
    std::string text;  ///< the word as written (lower case)
    std::string stem;  ///< its stem
  };
  using Term = std::vector<Element>;
  struct Concept {
    std::string id;
    std::vector<Term> terms;
    /// Terms by the first byte a token must have (in its text or its stem) for the term's
    /// first word to match it; `anywhere` holds the terms whose first word can match any
    /// token (suffixes, infixes, numbers). Matching a token tries only these: most of the
    /// vocabulary is ruled out by one lookup instead of a comparison per term.
    std::vector<std::vector<std::size_t>> by_first = std::vector<std::vector<std::size_t>>(256);
    /// Terms whose first word is a suffix ("*samverkansgrupp"), by the last byte a token must
    /// end with (in its text or its stem): compounds are matched by their end.
    std::vector<std::vector<std::size_t>> by_last = std::vector<std::vector<std::size_t>>(256);
    std::vector<std::size_t> anywhere;
  };
  static void index_terms(Concept& c);
  /// Calls `fn(term)` for every term of `c` whose first word may match `t` (a term can be
  /// offered twice); stops and returns true as soon as `fn` does.
  template <class Fn>
  static bool each_candidate(const Concept& c, const Token& t, Fn&& fn);
  static bool element_matches(const Element& e, const Token& t);
  bool match_at(const Term& term, std::size_t e, const std::vector<Token>& tokens, std::size_t i,
                std::size_t* last) const;

  std::map<std::string, std::size_t> ids_;
  std::vector<Concept> concepts_;
};

}  // namespace okgen::text
