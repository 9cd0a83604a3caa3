// Concept matching over stemmed tokens (see lexicon.h).
#include "text/lexicon.h"

#include <set>
#include <string_view>

#include "util/fs.h"
#include "util/text.h"

namespace okgen::text {

namespace {

// Number words as Swedish agreements write them in intervals and deadlines.
bool number_word(const std::string& w) {
  static const std::set<std::string> kWords = {"en",   "ett",   "två",   "tre",    "fyra",    "fem",   "sex",
                                               "sju",  "åtta",  "nio",   "tio",    "elva",    "tolv",  "femton",
                                               "tjugo", "trettio", "fyrtio", "sextio", "nittio", "halvt", "halv"};
  return kWords.count(w) > 0;
}

constexpr std::size_t kMaxGap = 3;

}  // namespace

Lexicon Lexicon::load(const std::vector<util::TsvRow>& rows, const std::string& file) {
  Lexicon lex;
  for (const auto& row : rows) {
    const std::string where = file + ":" + std::to_string(row.line);
    const std::string id(util::trim(row.get("concept")));
    if (id.empty()) throw util::IoError(where + ": a concept needs a name", file);
    if (lex.ids_.count(id)) throw util::IoError(where + ": the concept \"" + id + "\" is defined twice", file);
    if (util::trim(row.get("why")).empty()) {
      throw util::IoError(where + ": the concept \"" + id + "\" needs a reason (column why)", file);
    }
    Concept c;
    c.id = id;
    for (const auto& raw : util::split(row.get("terms"), '|')) {
      const std::string term_text = util::lower_sv(util::trim(raw));
      if (term_text.empty()) throw util::IoError(where + ": an empty term in \"" + id + "\"", file);
      Term term;
      for (const auto& w : util::split_ws(term_text)) {
        Element e;
        std::string word = w;
        if (word == "~") {
          e.kind = Kind::gap;
        } else if (word == "#") {
          e.kind = Kind::number;
        } else if (word[0] == '=') {
          e.kind = Kind::exact;
          e.text = word.substr(1);
        } else {
          const bool lead = word.front() == '*', trail = word.back() == '*';
          word = word.substr(lead ? 1 : 0, word.size() - (lead ? 1 : 0) - (trail ? 1 : 0));
          e.kind = lead && trail ? Kind::infix : lead ? Kind::suffix : trail ? Kind::prefix : Kind::word;
          e.text = word;
          // A pattern word is stemmed as a text word is, so both sides meet in the middle;
          // a prefix or infix keeps its letters (a stem of a fragment means nothing).
          e.stem = e.kind == Kind::word || e.kind == Kind::suffix ? stem(word) : word;
        }
        if (e.kind != Kind::gap && e.kind != Kind::number && e.text.empty()) {
          throw util::IoError(where + ": the term \"" + term_text + "\" has an empty word", file);
        }
        for (char ch : e.text) {
          if (ch == ' ' || ch == '*' || ch == '=' || ch == '~' || ch == '#' || ch == '.' || ch == ',') {
            throw util::IoError(where + ": the term \"" + term_text + "\" has a word that cannot match: " + w, file);
          }
        }
        term.push_back(std::move(e));
      }
      if (term.front().kind == Kind::gap || term.back().kind == Kind::gap) {
        throw util::IoError(where + ": the term \"" + term_text + "\" starts or ends with ~", file);
      }
      c.terms.push_back(std::move(term));
    }
    if (c.terms.empty()) throw util::IoError(where + ": the concept \"" + id + "\" has no terms", file);
    lex.ids_[id] = lex.concepts_.size();
    lex.concepts_.push_back(std::move(c));
  }
  return lex;
}

std::vector<std::string> Lexicon::concepts() const {
  std::vector<std::string> out;
  for (const auto& c : concepts_) out.push_back(c.id);
  return out;
}

bool Lexicon::element_matches(const Element& e, const Token& t) {
  switch (e.kind) {
    case Kind::word: {
      // Every way to match needs the same first letter; most tokens differ there (this
      // test runs for every token and every term of the checker's vocabulary).
      if (!e.stem.empty() && !e.text.empty() && !t.stem.empty() && !t.text.empty() && t.stem[0] != e.stem[0] &&
          t.text[0] != e.text[0] && t.text[0] != e.stem[0]) {
        return false;
      }
      if (t.stem == e.stem || t.text == e.text) return true;
      // Snowball's Swedish stemmer is light: it leaves "samarbetet" and "landstinget" whole.
      // The stem plus a regular inflection ending is the same word.
      if (!util::starts_with(t.text, e.stem) || e.stem.size() < 4) return false;
      static const std::set<std::string, std::less<>> kEndings = {
          "", "a", "e", "n", "t", "s", "en", "et", "na", "ns", "ts", "er", "ar", "or", "ens", "ets", "nas", "erna",
          "arna", "orna", "ernas", "arnas", "ornas", "ande", "ende", "at", "ad", "ade"};
      return kEndings.count(std::string_view(t.text).substr(e.stem.size())) > 0;
    }
    case Kind::prefix:
      if (e.text.empty()) return true;
      if ((t.text.empty() || t.text[0] != e.text[0]) && (t.stem.empty() || t.stem[0] != e.text[0])) return false;
      return util::starts_with(t.text, e.text) || util::starts_with(t.stem, e.text);
    case Kind::suffix:
      return util::ends_with(t.stem, e.stem) || util::ends_with(t.text, e.text);
    case Kind::infix:
      return t.text.find(e.text) != std::string::npos;
    case Kind::exact:
      return t.text == e.text;
    case Kind::number:
      return t.number || number_word(t.text);
    case Kind::gap:
      return true;
  }
  return false;
}

bool Lexicon::match_at(const Term& term, std::size_t e, const std::vector<Token>& tokens, std::size_t i,
                       std::size_t* last) const {
  if (e == term.size()) return true;
  if (term[e].kind == Kind::gap) {
    // Skip 0..kMaxGap tokens, then the rest must match.
    for (std::size_t skip = 0; skip <= kMaxGap && i + skip <= tokens.size(); ++skip) {
      if (match_at(term, e + 1, tokens, i + skip, last)) return true;
    }
    return false;
  }
  if (i >= tokens.size() || !element_matches(term[e], tokens[i])) return false;
  *last = i;
  return match_at(term, e + 1, tokens, i + 1, last);
}

std::vector<ConceptMatch> Lexicon::find(const std::string& concept, const std::vector<Token>& tokens) const {
  std::vector<ConceptMatch> out;
  auto it = ids_.find(concept);
  if (it == ids_.end()) return out;
  const Concept& c = concepts_[it->second];
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t best = 0;
    bool found = false;
    for (const auto& term : c.terms) {
      std::size_t last = i;
      if (match_at(term, 0, tokens, i, &last) && (!found || last > best)) best = last, found = true;
    }
    if (found) {
      out.push_back(ConceptMatch{i, best});
      i = best + 1;
    } else {
      ++i;
    }
  }
  return out;
}

bool Lexicon::occurs(const std::string& concept, const std::vector<Token>& tokens) const {
  auto it = ids_.find(concept);
  if (it == ids_.end()) return false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (const auto& term : concepts_[it->second].terms) {
      std::size_t last = i;
      if (match_at(term, 0, tokens, i, &last)) return true;
    }
  }
  return false;
}

}  // namespace okgen::text
