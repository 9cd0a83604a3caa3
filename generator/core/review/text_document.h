// A plain-text or Markdown agreement read the way a person reads it: page furniture
// (running headers and footers, page numbers), the table of contents, front matter
// ("# source: ..." lines, a YAML block) and the cover page's labels are told apart from the
// text; words hyphenated at a line end are joined; the rest becomes headings, paragraphs,
// list items and sentences, each with its place in the file and its context (the headings
// above it, and the lead-in of a list: "Kommunen ansvarar för:" for each item below it).
// Works on `pdftotext -layout` output, text copied out of Word, and Markdown.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "review/prose.h"
#include "review/text_check.h"
#include "text/swedish.h"

namespace okgen::review {

/// A table-of-contents line: an entry the document promises, not text.
struct TocEntry {
  int line = 0;
  std::string number;  ///< "3.1" or ""
  std::string title;
};

/// A sentence (or a list item, a table row, a label line), with the words around it that
/// say what it is about.
struct TextSentence {
  std::size_t unit = 0;   ///< index into TextDocument::units
  std::size_t begin = 0;  ///< byte range in that unit's text
  std::size_t end = 0;
  int heading = -1;        ///< index into TextDocument::headings of its section; -1 before the first
  int block = 0;           ///< text set apart by blank lines or headings: a paragraph, a list with its lead-in, a label block
  std::string lead_in;     ///< the sentence introducing the list it belongs to ("" when none)
  std::vector<text::Token> tokens;          ///< of the sentence itself
  std::vector<text::Token> context_tokens;  ///< of its headings (innermost first) and lead-in
  std::string text;                         ///< the sentence as written, on one line
};

struct TextDocument {
  std::vector<std::string> lines;     ///< the file's lines (no CR, no form feed)
  std::vector<bool> furniture;        ///< per line: page furniture, TOC, front matter
  std::vector<TextHeading> headings;  ///< in order
  std::vector<int> parent;            ///< per heading: the enclosing heading, or -1
  std::vector<TocEntry> toc;
  std::vector<ProseUnit> units;       ///< headings and paragraphs/list items, in order
  std::vector<TextSentence> sentences;
  std::string title;                  ///< the document's own title, when it states one
  std::string version;                ///< its version ("5.0") when the cover page or front matter gives one

  /// "3.1 Målgrupp" for heading `h`.
  std::string heading_text(int h) const;
};

/// The lines of `text` as written, without carriage returns and form feeds; `pages` (when
/// given) gets each line's page, a form feed starting the next.
std::vector<std::string> source_lines(const std::string& text, std::vector<int>* pages = nullptr);

/// The sentences of one line of prose, as byte ranges [begin, end): a sentence ends at ".",
/// "!" or "?" before a space and a capital, a digit, a quotation mark or a parenthesis, not
/// at an abbreviation ("t.ex.", "bl.a."). Spaces between sentences belong to neither.
std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(const std::string& text);

/// Reads `text` (named `path` in positions).
TextDocument read_text_document(const std::string& path, const std::string& text);

}  // namespace okgen::review
