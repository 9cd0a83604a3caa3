// What an importer reads out of a Word, LibreOffice, text or Markdown file, before it
// becomes okgen XML: headings, paragraphs, list items and tables in reading order, with
// bold/italic, links and footnote references kept, plus what the file says about itself
// (its title, cover text, comments, tracked changes). The readers (docx_reader.cc,
// odt_reader.cc, text_reader.cc) produce it; agreement_writer.cc turns it into XML.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace okgen::import {

struct Run {
  enum class Kind { text, line_break, note };
  Kind kind = Kind::text;
  std::string text;  ///< for a note: the note's key in Imported::notes
  bool bold = false;
  bool italic = false;
  std::string href;  ///< an external link ("" = none)
};
using Runs = std::vector<Run>;

inline Run text_run(std::string text, bool bold = false, bool italic = false, std::string href = {}) {
  Run r;
  r.text = std::move(text);
  r.bold = bold;
  r.italic = italic;
  r.href = std::move(href);
  return r;
}
inline Run break_run() {
  Run r;
  r.kind = Run::Kind::line_break;
  return r;
}
inline Run note_run(std::string key) {
  Run r;
  r.kind = Run::Kind::note;
  r.text = std::move(key);
  return r;
}

/// A table cell's paragraphs are joined into its runs by a run holding exactly this text,
/// which reads well in a list and tells the paragraphs apart again (a matrix cell's items).
inline constexpr const char* kCellParagraphBreak = " / ";
inline Run cell_break_run() { return text_run(kCellParagraphBreak); }
inline bool is_cell_break(const Run& r) { return r.kind == Run::Kind::text && r.text == kCellParagraphBreak; }

struct Block {
  enum class Kind { heading, paragraph, list_item, table };
  Kind kind = Kind::paragraph;
  int level = 0;        ///< heading: 1-based outline level; list item: nesting, 0-based
  bool ordered = false;  ///< list item in a numbered list
  std::string number;   ///< heading: its number as the source shows it ("3.2"), if any
  bool level_guessed = false;  ///< heading: the level was inferred, not stated by a style
  Runs runs;
  std::vector<std::vector<Runs>> rows;  ///< table: rows of cells
  bool header_row = false;              ///< table: the first row is a header
  std::string origin;  ///< where it was in the source ("stycke 14", "rad 120")
  /// heading: named only by the source's table of contents, the text has no such section
  bool contents_only = false;
};

struct Imported {
  std::string format;  ///< "docx", "odt", "text", "markdown"
  std::vector<Block> blocks;
  std::vector<std::pair<std::string, Runs>> notes;  ///< footnotes and endnotes by key, in order
  std::string title;                                ///< from a title style or the properties
  std::string subtitle;
  std::vector<std::string> cover;     ///< text outside the body flow (text boxes, cover page)
  std::vector<std::string> comments;  ///< reviewers' comments ("Anna: ...")
  int insertions = 0, deletions = 0;  ///< tracked changes, taken as accepted
};

/// Plain text of runs (notes left out).
std::string plain(const Runs& runs);

/// The runs of plain(runs)[begin, end), formatting kept. A note reference (no text of its
/// own) goes with the text it follows: it is in the slice when begin < its place <= end, or
/// at 0 when begin is 0. Slices that meet take every run once.
Runs slice_runs(const Runs& runs, std::size_t begin, std::size_t end);

}  // namespace okgen::import
