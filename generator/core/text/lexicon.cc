// Concept matching over stemmed tokens (see lexicon.h).
#include "text/lexicon.h"

#include <set>
#include <string_view>

#include "util/fs.h"
#include "util/text.h"

namespace okgen::text {

namespace {

// A line of a data file that okgen cannot use: the English sentence for logs, the phrase
// `problem` of [io] for the person who runs okgen; the error's path is the file and line.
[[noreturn]] void data_error(const std::string& where, const std::string& english, const char* problem,
                             util::IoError::Args args = {}) {
  throw util::IoError(where + ": " + english, where, problem, std::move(args));
}


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
    if (id.empty()) data_error(where, "a concept needs a name", "concept-no-name");
    if (lex.ids_.count(id)) data_error(where, "the concept \"" + id + "\" is defined twice", "concept-twice", {{"concept", id}});
    if (util::trim(row.get("why")).empty()) {
      data_error(where, "the concept \"" + id + "\" needs a reason (column why)", "concept-no-reason", {{"concept", id}});
    }
    Concept c;
    c.id = id;
    for (const auto& raw : util::split(row.get("terms"), '|')) {
      const std::string term_text = util::lower_sv(util::trim(raw));
      if (term_text.empty()) data_error(where, "an empty term in \"" + id + "\"", "term-empty", {{"concept", id}});
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
          data_error(where, "the term \"" + term_text + "\" has an empty word", "term-empty-word", {{"term", term_text}});
        }
        for (char ch : e.text) {
          if (ch == ' ' || ch == '*' || ch == '=' || ch == '~' || ch == '#' || ch == '.' || ch == ',') {
            data_error(where, "the term \"" + term_text + "\" has a word that cannot match: " + w, "term-bad-word",
                       {{"term", term_text}, {"word", w}});
          }
        }
        term.push_back(std::move(e));
      }
      if (term.front().kind == Kind::gap || term.back().kind == Kind::gap) {
        data_error(where, "the term \"" + term_text + "\" starts or ends with ~", "term-gap-end", {{"term", term_text}});
      }
      c.terms.push_back(std::move(term));
    }
    if (c.terms.empty()) data_error(where, "the concept \"" + id + "\" has no terms", "concept-no-terms", {{"concept", id}});
    index_terms(c);
    lex.ids_[id] = lex.concepts_.size();
    lex.concepts_.push_back(std::move(c));
  }
  return lex;
}

// Where a term's first word can only match a token beginning with certain bytes (see
// element_matches: a word needs the same first letter in its text or stem, a prefix or an
// exact word its own first letter), the term is filed under those bytes; a suffix, which
// must end the token's text or stem, under its last bytes.
void Lexicon::index_terms(Concept& c) {
  for (std::size_t k = 0; k < c.terms.size(); ++k) {
    const Element& e = c.terms[k].front();
    std::set<unsigned char> firsts, lasts;
    bool any = false;
    switch (e.kind) {
      case Kind::suffix:
        if (e.stem.empty() || e.text.empty()) any = true;
        else lasts = {static_cast<unsigned char>(e.stem.back()), static_cast<unsigned char>(e.text.back())};
        break;
      case Kind::word:
        if (e.stem.empty() || e.text.empty()) any = true;
        else firsts = {static_cast<unsigned char>(e.stem[0]), static_cast<unsigned char>(e.text[0])};
        break;
      case Kind::prefix:
      case Kind::exact:
        if (e.text.empty()) any = true;
        else firsts = {static_cast<unsigned char>(e.text[0])};
        break;
      default:
        any = true;
    }
    if (any) c.anywhere.push_back(k);
    for (unsigned char b : firsts) c.by_first[b].push_back(k);
    for (unsigned char b : lasts) c.by_last[b].push_back(k);
  }
}

template <class Fn>
bool Lexicon::each_candidate(const Concept& c, const Token& t, Fn&& fn) {
  // A token with an empty text or stem escapes the first-letter test: try every term.
  if (t.text.empty() || t.stem.empty()) {
    for (const auto& term : c.terms)
      if (fn(term)) return true;
    return false;
  }
  const auto a = static_cast<unsigned char>(t.text[0]), b = static_cast<unsigned char>(t.stem[0]);
  for (std::size_t k : c.by_first[a])
    if (fn(c.terms[k])) return true;
  if (b != a)
    for (std::size_t k : c.by_first[b])
      if (fn(c.terms[k])) return true;
  const auto y = static_cast<unsigned char>(t.text.back()), z = static_cast<unsigned char>(t.stem.back());
  for (std::size_t k : c.by_last[y])
    if (fn(c.terms[k])) return true;
  if (z != y)
    for (std::size_t k : c.by_last[z])
      if (fn(c.terms[k])) return true;
  for (std::size_t k : c.anywhere)
    if (fn(c.terms[k])) return true;
  return false;
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
    each_candidate(c, tokens[i], [&](const Term& term) {
      std::size_t last = i;
      if (match_at(term, 0, tokens, i, &last) && (!found || last > best)) best = last, found = true;
      return false;  // the longest match of all terms
    });
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
  const Concept& c = concepts_[it->second];
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (each_candidate(c, tokens[i], [&](const Term& term) {
          std::size_t last = i;
          return match_at(term, 0, tokens, i, &last);
        })) {
      return true;
    }
  }
  return false;
}

}  // namespace okgen::text
