// Reading structured elements out of imported text with the checker's concepts
// (data/concepts.tsv through text::Lexicon): which body a step of a dispute ladder names,
// what each sentence of running text about a dispute is (a step, the interim rule, or
// neither), and which party a table's column or row names. agreement_writer.cc decides
// from these what becomes <dispute-ladder> and <responsibilities>.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "import/imported.h"
#include "text/lexicon.h"
#include "text/swedish.h"

namespace okgen::import {

/// The body (forum) a step names, as written, first letter a capital; "" when none.
/// `tokens` are text::tokenize(text).
std::string forum_in(const text::Lexicon& lex, const std::string& text, const std::vector<text::Token>& tokens);

/// The body a last step names when it is no forum (a name in capitals the final-instance
/// concept knows, or a court); "" otherwise.
std::string final_body_in(const text::Lexicon& lex, const std::string& text, const std::vector<text::Token>& tokens);

/// A sentence of running text in a disputes section, as a dispute ladder reads it.
struct ProseSentence {
  enum Kind { other, step, interim };
  std::size_t begin = 0, end = 0;  ///< in plain(runs); the sentences of a block meet and cover it
  Kind kind = other;
  std::string forum;       ///< a step's body
  bool final_step = false;  ///< it settles the matter
};

/// The sentences of a paragraph: steps (a named body and words of escalation, disagreement
/// or a final decision), the interim rule (what holds meanwhile), and the rest.
std::vector<ProseSentence> prose_sentences(const text::Lexicon& lex, const Block& b);

/// The party a column header or cell names: "joint", "municipality", "region", or "".
std::string party_of(const text::Lexicon& lex, const std::string& header);

/// A table that clearly is a responsibility matrix: each column's party ("" for the
/// topics' column); nullopt for any other table.
std::optional<std::vector<std::string>> matrix_columns(const text::Lexicon& lex, const Block& t);

/// A two-column "what | who is responsible" table: each row's party; nullopt otherwise.
std::optional<std::vector<std::string>> assignment_parties(const text::Lexicon& lex, const Block& t);

}  // namespace okgen::import
