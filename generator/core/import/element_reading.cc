// Reading structured elements out of imported text with the checker's concepts (see
// element_reading.h): dispute ladder sentences and the bodies they name, the parties of a
// table's columns.
#include "import/element_reading.h"

#include <algorithm>
#include <set>

#include "import/readers.h"
#include "review/text_document.h"
#include "util/text.h"

namespace okgen::import {

// The body a step of a dispute ladder names, as the text writes it: the words the
// checker's `forum` concept finds ("samverkansgrupp", "Välfärdsrådet", "enhetschefer"),
// with the word before them when it has a capital inside the sentence, as a name's first
// word has ("Länets samverkansgrupp", "Region Hallands ledningsgrupp"); a capital at the
// start of the sentence says nothing ("Därefter styrgruppen"). The first letter is made a
// capital, as a forum's name is written. "" when the text names no body. `tokens` are
// text::tokenize(text).
std::string forum_in(const text::Lexicon& lex, const std::string& text, const std::vector<text::Token>& tokens) {
  const auto found = lex.find("forum", tokens);
  if (found.empty()) return {};
  // A step names the body the question goes to ("lyfts till Länets samverkansgrupp"),
  // which may follow the one it comes from ("Når enhetscheferna ingen enighet ...").
  auto taken_to = [&](const text::ConceptMatch& f) {
    for (std::size_t k = f.first; k > 0 && f.first - k < 3; --k)
      if (tokens[k - 1].text == "till") return true;
    return false;
  };
  const auto to = std::find_if(found.begin(), found.end(), taken_to);
  const auto& m = to != found.end() ? *to : found.front();
  auto capital_at = [&](std::size_t at) {
    const auto c = static_cast<unsigned char>(text[at]);
    if (c >= 'A' && c <= 'Z') return true;
    if (c != 0xC3 || at + 1 >= text.size()) return false;
    const auto d = static_cast<unsigned char>(text[at + 1]);
    return d == 0x85 || d == 0x84 || d == 0x96;  // Å Ä Ö
  };
  std::size_t begin = tokens[m.first].begin;
  if (m.first > 1 && capital_at(tokens[m.first - 1].begin) && !tokens[m.first - 1].number) begin = tokens[m.first - 1].begin;
  std::string forum = text.substr(begin, tokens[m.last].end - begin);
  const auto c = static_cast<unsigned char>(forum[0]);
  if (c >= 'a' && c <= 'z') {
    forum[0] = static_cast<char>(c - 'a' + 'A');
  } else if (c == 0xC3 && forum.size() > 1) {
    const auto d = static_cast<unsigned char>(forum[1]);
    if (d == 0xA5 || d == 0xA4 || d == 0xB6) forum[1] = static_cast<char>(d - 0x20);  // å ä ö
  }
  return forum;
}

// The body a last step names when it is no forum: one the checker's final-instance
// concept knows by a name written with a capital inside the sentence ("hänskjutas till
// Sveriges kommuner och regioner", "SKR"), or a court with the word before it ("allmän
// domstol"). "" otherwise ("ytterst avgörs frågan" names no body).
std::string final_body_in(const text::Lexicon& lex, const std::string& text, const std::vector<text::Token>& tokens) {
  static const std::set<std::string> kLinks = {"till", "vid", "i", "av", "hos", "en", "ett", "den", "det", "och", "eller", "genom", "inför"};
  for (const auto& m : lex.find("final-instance", tokens)) {
    std::size_t begin = tokens[m.first].begin;
    const auto c = static_cast<unsigned char>(text[begin]);
    const bool name = m.first > 0 && c >= 'A' && c <= 'Z';
    const bool court = tokens[m.first].text.rfind("domstol", 0) == 0;
    if (!name && !court) continue;
    if (court && m.first > 0 && !kLinks.count(tokens[m.first - 1].text)) begin = tokens[m.first - 1].begin;
    std::string body = text.substr(begin, tokens[m.last].end - begin);
    if (body[0] >= 'a' && body[0] <= 'z') body[0] = static_cast<char>(body[0] - 'a' + 'A');
    return body;
  }
  return {};
}

std::vector<ProseSentence> prose_sentences(const text::Lexicon& lex, const Block& b) {
  std::string text = plain(b.runs);
  std::replace(text.begin(), text.end(), '\n', ' ');
  const auto spans = review::sentence_spans(text);
  std::vector<ProseSentence> out;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    ProseSentence p;
    p.begin = k == 0 ? 0 : spans[k].first;  // the spaces between go with the sentence before
    p.end = k + 1 < spans.size() ? spans[k + 1].first : text.size();
    const std::string sentence = text.substr(spans[k].first, spans[k].second - spans[k].first);
    const auto tokens = text::tokenize(sentence);
    p.forum = forum_in(lex, sentence, tokens);
    p.final_step = lex.occurs("final-instance", tokens);
    if (p.forum.empty() && p.final_step) p.forum = final_body_in(lex, sentence, tokens);
    if (!p.forum.empty() && (p.final_step || lex.occurs("escalate", tokens) || lex.occurs("disagreement", tokens))) {
      p.kind = ProseSentence::step;
    } else if (lex.occurs("interim", tokens)) {
      p.kind = ProseSentence::interim;
    }
    out.push_back(std::move(p));
  }
  return out;
}

// Which party a table's column header names: "joint", "municipality", "region" or ""
// (none, or both a municipality's and a region's words: not one party). The words are the
// checker's concepts (data/concepts.tsv), so "Kommunens ansvar", "Socialtjänsten",
// "Regionens ansvar", "Hälso- och sjukvården" and "Gemensamt" are all read.
std::string party_of(const text::Lexicon& lex, const std::string& header) {
  const auto tokens = text::tokenize(header);
  if (lex.occurs("joint", tokens)) return "joint";
  const bool municipality = lex.occurs("municipality", tokens), region = lex.occurs("region", tokens);
  if (municipality == region) return {};
  return municipality ? "municipality" : "region";
}

// A table that clearly is a responsibility matrix: a first row whose first column names no
// party (the topics) and whose every other column names a different party, at least two;
// rows as wide as it, the first with a topic. Returns each column's party ("" for the
// topics). Anything else stays a list: a column that is no party would have nowhere to go.
std::optional<std::vector<std::string>> matrix_columns(const text::Lexicon& lex, const Block& t) {
  if (t.rows.size() < 2 || t.rows[0].size() < 3) return std::nullopt;
  const auto& head = t.rows[0];
  std::vector<std::string> party(head.size());
  if (!party_of(lex, plain(head[0])).empty()) return std::nullopt;
  std::set<std::string> seen;
  for (std::size_t c = 1; c < head.size(); ++c) {
    party[c] = party_of(lex, plain(head[c]));
    if (party[c].empty() || !seen.insert(party[c]).second) return std::nullopt;
  }
  for (std::size_t r = 1; r < t.rows.size(); ++r)
    if (t.rows[r].size() != head.size()) return std::nullopt;
  if (trim(plain(t.rows[1][0])).empty()) return std::nullopt;
  return party;
}

// A table of two columns whose second says who is responsible for the first, row by row
// ("Insats | Ansvarig", "Boendestöd | Kommunen", "Vårdplanering | Gemensamt"): its header
// speaks of responsibility, and every row names one party in a few words. Each row's party;
// nothing otherwise (a list of contacts "Funktion | Verksamhet" stays a list).
std::optional<std::vector<std::string>> assignment_parties(const text::Lexicon& lex, const Block& t) {
  if (t.rows.size() < 3 || !t.header_row || t.rows[0].size() != 2) return std::nullopt;
  if (!lex.occurs("responsibility-word", text::tokenize(plain(t.rows[0][1])))) return std::nullopt;
  std::vector<std::string> out;
  for (std::size_t r = 1; r < t.rows.size(); ++r) {
    if (t.rows[r].size() != 2 || trim(plain(t.rows[r][0])).empty()) return std::nullopt;
    const std::string who = plain(t.rows[r][1]);
    const std::string party = util::word_count(who) <= 3 ? party_of(lex, who) : std::string();
    if (party.empty()) return std::nullopt;
    out.push_back(party);
  }
  return out;
}

}  // namespace okgen::import
