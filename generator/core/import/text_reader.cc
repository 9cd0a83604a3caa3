// Plain text and Markdown -> Imported (see readers.h), through the text checker's reading
// (review/text_document.h): running headers, footers, page numbers and the table of
// contents are dropped, words hyphenated at a line end joined, headings found by their
// numbering or Markdown marks. What is left is headings, paragraphs, list items and tables
// (cells set apart by tabs, or by wide gaps that line up from row to row).
#include <cmark.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>

#include "import/readers.h"
#include "review/text_document.h"
#include "util/regex.h"
#include "util/text.h"
#include "util/url.h"

namespace okgen::import {
namespace {

// Inline Markdown as cmark reads it: **bold**, *italic*, `code`, links and hard breaks
// become runs with their marks (the text checker's reading keeps only the words).
void inline_runs(cmark_node* parent, bool bold, bool italic, const std::string& href, Runs& out) {
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    const char* lit = cmark_node_get_literal(n);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
      case CMARK_NODE_HTML_INLINE: out.push_back(text_run(lit ? lit : "", bold, italic, href)); break;
      case CMARK_NODE_SOFTBREAK: out.push_back(text_run(" ", bold, italic, href)); break;
      case CMARK_NODE_LINEBREAK: out.push_back(break_run()); break;
      case CMARK_NODE_EMPH: inline_runs(n, bold, true, href, out); break;
      case CMARK_NODE_STRONG: inline_runs(n, true, italic, href, out); break;
      case CMARK_NODE_LINK: {
        const char* url = cmark_node_get_url(n);
        inline_runs(n, bold, italic, util::safe_href(url ? url : ""), out);  // an unsafe target keeps its words
        break;
      }
      default: inline_runs(n, bold, italic, href, out); break;
    }
  }
}

// The runs of a Markdown paragraph or list item from its own lines in the file; empty when
// cmark does not read them as one paragraph (the caller then keeps the plain reading).
Runs markdown_runs(const std::vector<std::string>& lines, int first, int last, const util::Regex& item_marker) {
  if (first < 1 || last < first || static_cast<std::size_t>(last) > lines.size()) return {};
  std::string raw;
  for (int l = first; l <= last; ++l) {
    std::string line = lines[static_cast<std::size_t>(l - 1)];
    if (l == first) line = util::regex_replace(line, item_marker, "", true);
    raw += line + "\n";
  }
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parse_document(raw.data(), raw.size(), CMARK_OPT_DEFAULT),
                                                              cmark_node_free);
  cmark_node* para = doc ? cmark_node_first_child(doc.get()) : nullptr;
  if (!para || cmark_node_get_type(para) != CMARK_NODE_PARAGRAPH || cmark_node_next(para)) return {};
  Runs runs;
  inline_runs(para, false, false, "", runs);
  return runs;
}

// A line laid out in columns with spaces, as `pdftotext -layout` writes a table: the pieces
// of text set apart by three spaces or more, each with the column (in characters, not
// bytes) it starts at.
struct GapCell {
  std::size_t column = 0;
  std::string text;
};

std::vector<GapCell> gap_cells(const std::string& line) {
  std::vector<GapCell> out;
  std::size_t column = 0, i = 0;
  auto step = [&] {  // one character on
    ++column;
    ++i;
    while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
  };
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') step();
    if (i >= line.size()) break;
    GapCell cell;
    cell.column = column;
    const std::size_t begin = i;
    std::size_t end = i;
    int spaces = 0;
    while (i < line.size() && spaces < 3) {
      const bool space = line[i] == ' ';
      spaces = space ? spaces + 1 : 0;
      step();
      if (!space) end = i;  // after the whole character
    }
    cell.text = std::string(util::trim(line.substr(begin, end - begin)));
    out.push_back(std::move(cell));
  }
  return out;
}

// A table laid out with spaces, being read: where its columns start (its first row's cells).
struct GapTable {
  std::vector<std::size_t> columns;
  int end = -1;  ///< the line of its last row
  // The column a cell starts in: the first row's column it lines up with (two characters
  // either way), or npos. Text whose gaps do not line up (spaces of justified prose) is no table.
  std::size_t column_of(const GapCell& c) const {
    for (std::size_t k = 0; k < columns.size(); ++k)
      if (c.column + 2 >= columns[k] && c.column <= columns[k] + 2) return k;
    return std::string::npos;
  }
  // The column a wrapped cell's next line goes on in: the last that starts at or before it.
  std::size_t column_under(const GapCell& c) const {
    std::size_t k = 0;
    while (k + 1 < columns.size() && columns[k + 1] <= c.column + 2) ++k;
    return k;
  }
};

// A cell's text going on with `more` (a line it wrapped onto).
void go_on(Runs& cell, const std::string& more) {
  if (!cell.empty()) cell.push_back(text_run(" "));
  cell.push_back(text_run(more));
}

// A row of `t` from cells that each line up with a different column; nullopt otherwise.
// A new row has its first column (a line that leaves it empty goes on the row above: cells
// wrapped in the other columns, "driver      team deltar").
std::optional<std::vector<Runs>> gap_row(const GapTable& t, const std::vector<GapCell>& cells) {
  if (cells.empty() || t.column_of(cells.front()) != 0) return std::nullopt;
  std::vector<Runs> row(t.columns.size());
  for (const auto& c : cells) {
    const std::size_t k = t.column_of(c);
    if (k == std::string::npos || !row[k].empty()) return std::nullopt;
    row[k].push_back(text_run(c.text));
  }
  return row;
}

}  // namespace

ReadResult read_text(const std::string& path, const std::string& data, bool markdown) {
  ReadResult r;
  const review::TextDocument doc = review::read_text_document(path, data);
  // The file's lines as written (the reading above drops emphasis marks), numbered alike.
  const std::vector<std::string> raw_lines = markdown ? review::source_lines(data) : std::vector<std::string>{};
  Imported out;
  out.format = markdown ? "markdown" : "text";
  out.title = doc.title;
  // A list item as the text shows it: "- ", "* ", "• ", "– ", "1. ", "a) " at the start of
  // its first line; its indentation gives the level.
  static const util::Regex kItem(R"(^(\s*)([-*]|\xE2\x80\xA2|\xE2\x80\x93|[0-9]{1,2}[.)]|[a-z][)])\s+)");
  std::size_t heading = 0;
  int table_end = -1;  // the line of the last row of the table being read
  GapTable gap;        // a table laid out with spaces, being read
  for (const auto& u : doc.units) {
    const int line = u.anchors.empty() ? 0 : u.anchors.front().second.line;
    Block b;
    b.origin = "rad " + std::to_string(line);
    if (u.heading) {
      b.kind = Block::Kind::heading;
      if (heading < doc.headings.size()) {
        const auto& h = doc.headings[heading++];
        b.level = h.level;
        b.number = h.number;
        b.runs.push_back(text_run(h.title));
        // Unnumbered headings get their level from Markdown marks or are guessed as 1.
        b.level_guessed = h.number.empty() && !markdown;
      } else {
        b.level = 1;
        b.level_guessed = true;
        b.runs.push_back(text_run(trim(u.text)));
      }
      out.blocks.push_back(std::move(b));
      continue;
    }
    std::string text = trim(u.text);
    if (text.empty()) continue;
    const std::string source_line = line > 0 && static_cast<std::size_t>(line) <= doc.lines.size()
                                        ? doc.lines[static_cast<std::size_t>(line - 1)]
                                        : std::string();
    // A line of cells set apart by tabs (text copied from a Word table, a spreadsheet):
    // consecutive lines with the same number of cells are one table.
    const int last_line = u.anchors.empty() ? line : u.anchors.back().second.line;
    if (!markdown && last_line == line && source_line.find('\t') != std::string::npos) {
      std::vector<Runs> cells;
      for (const auto& cell : util::split(source_line, '\t')) {
        const std::string c(util::trim(cell));
        if (!c.empty()) cells.push_back({text_run(c)});
      }
      if (cells.size() >= 2) {
        Block* table = out.blocks.empty() ? nullptr : &out.blocks.back();
        if (table && table->kind == Block::Kind::table && table->rows.back().size() == cells.size() && table_end == line - 1) {
          table->rows.push_back(std::move(cells));
        } else {
          b.kind = Block::Kind::table;
          b.header_row = true;
          b.rows.push_back(std::move(cells));
          out.blocks.push_back(std::move(b));
        }
        table_end = line;
        continue;
      }
    }
    // Lines of cells set apart by wide gaps (pdftotext -layout): a first row, then rows whose
    // cells line up with its columns; a line with one cell under a row goes on the cell above.
    if (!markdown && !util::regex_search(source_line, kItem)) {
      const auto cells = gap_cells(source_line);
      Block* open = !out.blocks.empty() && out.blocks.back().kind == Block::Kind::table && gap.end >= line - 2 ? &out.blocks.back() : nullptr;
      std::optional<std::vector<Runs>> row;
      if (cells.size() >= 2 && open) row = gap_row(gap, cells);
      // A line of cells under a row that leaves the first column empty: the row's cells go on.
      if (open && !row && cells.size() >= 2 && gap.column_of(cells.front()) != 0 && !open->rows.empty() &&
          std::all_of(cells.begin(), cells.end(), [&](const GapCell& c) { return gap.column_of(c) != std::string::npos; })) {
        for (const auto& c : cells) go_on(open->rows.back()[gap.column_of(c)], c.text);
        gap.end = line;
        continue;
      }
      // A first row has a wide gap, or three cells: not the odd double space of justified text.
      const bool wide = cells.size() >= 3 || source_line.find("    ", source_line.find_first_not_of(' ')) != std::string::npos;
      if (row || (cells.size() >= 2 && wide)) {
        if (row && open) {
          open->rows.push_back(std::move(*row));
        } else {
          gap.columns.clear();
          for (const auto& c : cells) gap.columns.push_back(c.column);
          b.kind = Block::Kind::table;
          b.header_row = true;
          b.rows.push_back(*gap_row(gap, cells));
          b.runs = {text_run(text)};  // the text as read, should it stay a lone row
          out.blocks.push_back(std::move(b));
        }
        // The unit's further lines: a cell's text wrapped onto them, or rows of their own.
        std::set<int> more;
        for (const auto& [offset, span] : u.anchors)
          if (span.line > line) more.insert(span.line);
        for (int l : more) {
          const auto further = gap_cells(doc.lines[static_cast<std::size_t>(l - 1)]);
          auto& rows = out.blocks.back().rows;
          if (further.size() >= 2) {
            if (auto own = gap_row(gap, further)) {
              rows.push_back(std::move(*own));
              continue;
            }
          }
          for (const auto& c : further) go_on(rows.back()[gap.column_under(c)], c.text);
        }
        gap.end = more.empty() ? line : *more.rbegin();
        continue;
      }
    }
    util::Match m;
    if (util::regex_search(source_line, m, kItem)) {
      b.kind = Block::Kind::list_item;
      b.level = std::min(8, static_cast<int>(m[1].length()) / 2);
      b.ordered = std::isdigit(static_cast<unsigned char>(m[2].str()[0])) != 0;
      // The unit's text may still start with the marker.
      util::Match mt;
      if (util::regex_search(text, mt, kItem) && mt.position(0) == 0) text = text.substr(static_cast<std::size_t>(mt.length(0)));
    }
    // Markdown: emphasis, code and links from the unit's own lines, read by cmark.
    if (markdown) {
      const int last = u.anchors.empty() ? line : u.anchors.back().second.line;
      b.runs = markdown_runs(raw_lines, line, last, kItem);
    }
    if (b.runs.empty()) b.runs.push_back(text_run(text));
    out.blocks.push_back(std::move(b));
  }
  // The contents list's entries; a line of the text that reads as one is the section,
  // though not found as a heading (a number out of sequence).
  std::vector<ContentsEntry> contents;
  for (const auto& e : doc.toc) contents.push_back({e.number, e.title, "rad " + std::to_string(e.line)});
  std::vector<std::string> lines;
  for (std::size_t l = 0; l < doc.lines.size(); ++l)
    if (l >= doc.furniture.size() || !doc.furniture[l]) lines.push_back(doc.lines[l]);
  add_contents_only(contents, lines, out.blocks);
  // A lone line with a tab is a label and its value ("Datum:<TAB>2024-01-01"), not a table;
  // a lone line with wide gaps is text (as read, lines joined in their order).
  for (auto& b : out.blocks) {
    if (b.kind != Block::Kind::table || b.rows.size() != 1) continue;
    std::string line;
    for (const auto& cell : b.rows[0]) line += (line.empty() ? "" : " ") + plain(cell);
    b.kind = Block::Kind::paragraph;
    b.header_row = false;
    b.rows.clear();
    if (b.runs.empty()) b.runs = {text_run(line)};
  }
  r.doc = std::move(out);
  return r;
}

}  // namespace okgen::import
