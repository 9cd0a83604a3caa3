// The DOCX body before it becomes XML: paragraphs of runs (tokens) and tables, with the
// Word style of each paragraph, list numbering, bookmarks and footnotes. A Doc is turned
// into this once (docx_body.cc); the plain writer serialises it as it is, the redline
// (docx_redline.cc) compares two of them token by token and marks what changed.
//
// Every token, paragraph mark and table row carries a revision mark, so tracked changes
// need nothing but the serialiser's knowledge of w:ins / w:del / w:moveFrom / w:moveTo.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "compose/doc.h"
#include "text/catalog.h"

namespace okgen::render::docx {

enum class Rev : std::uint8_t { none, ins, del, move_from, move_to };

/// Run formatting bits.
enum Fmt : std::uint8_t { kBold = 1, kItalic = 2, kCode = 4, kStrike = 8, kUnderline = 16 };

struct Tok {
  enum class Kind : std::uint8_t {
    text,
    line_break,
    note_ref,     ///< a footnote reference (the note's first citation)
    note_again,   ///< a later citation of the same note: its number, linked to the note
    field_begin,  ///< fldChar begin + instrText (`text` holds the instruction)
    field_sep,    ///< fldChar separate
    field_end,    ///< fldChar end
  };
  Kind kind = Kind::text;
  std::string text;
  std::uint8_t fmt = 0;
  std::string link;  ///< "#bookmark" inside the document, else an external URL ("" = none)
  std::string note;  ///< note_ref / note_again: the reference's id (stable across versions)
  Rev rev = Rev::none;
  std::string lang;  ///< words in another language (model::Lang): w:lang ("" = the document's)

  bool same(const Tok& o) const {
    return kind == o.kind && text == o.text && fmt == o.fmt && link == o.link && note == o.note && lang == o.lang;
  }
};

struct Para {
  std::string style;     ///< paragraph style id ("" = Normal)
  int num = 0;           ///< numbering instance (w:numId, 0 = none)
  int level = 0;         ///< list level (w:ilvl)
  std::string bookmark;  ///< bookmark around the paragraph ("" = none)
  bool page_break_before = false;
  bool keep_next = false;
  /// The last paragraph of a Word section (the redline's first page): the section's
  /// properties go into its mark, and the next paragraph starts a new page and section.
  bool section_end = false;
  std::vector<Tok> toks;
  Rev rev = Rev::none;  ///< the paragraph mark's revision
  std::string move;     ///< a moved paragraph: the name pairing its moveFrom and moveTo ranges
  /// Text for comparing paragraphs (the tokens' text and kind, formatting ignored).
  std::string key() const;
};

struct Cell {
  std::vector<Para> paras;
  bool header = false;
};
struct Row {
  std::vector<Cell> cells;
  bool header = false;  ///< repeated on every page (w:tblHeader)
  Rev rev = Rev::none;
};
struct Table {
  std::string style;        ///< table style id
  std::vector<int> widths;  ///< column widths in twips
  std::vector<Row> rows;
  bool borderless = false;  ///< signature blocks: layout only
};

using Item = std::variant<Para, Table>;

/// A list's numbering: bulleted or numbered from `start`, one w:num each.
struct ListNumbering {
  bool ordered = false;
  int start = 1;
  int level = 0;  ///< the level its items are at (where the start applies)
};

struct Body {
  std::vector<Item> items;
  /// Footnote texts by the reference's id, in the order first cited.
  std::vector<std::pair<std::string, std::vector<Para>>> notes;
  std::vector<ListNumbering> lists;  ///< w:numId = index + 1
  /// Old-version numbering and notes are appended by the redline; this keeps ids apart.
  int first_list_of_old = 0;
};

/// Geometry the body needs (twips).
struct BodyGeometry {
  int text_width = 9000;
  int list_indent = 320;
  int signature_columns = 2;
  std::vector<std::string> group_roles;  ///< Div roles set off as a group (styles/pdf.xml)
};

/// The whole document body: title page, table of contents (a TOC field with its entries
/// filled in), sections, other references, revision history and signatures. Labels come
/// from templates/labels.
Body build_body(const compose::Doc& doc, const text::Catalog& labels, const BodyGeometry& geometry);

/// Blocks outside any document part (the redline's summary page), as paragraphs of
/// `style`; lists they hold are added to `body.lists`.
std::vector<Item> build_blocks(const model::Blocks& blocks, const std::string& style, Body& body,
                               const text::Catalog& labels, const BodyGeometry& geometry);

/// A Word bookmark name for an anchor id (letters, digits and "_", at most 40 characters,
/// starting with a letter), the same for the same id.
std::string bookmark_name(const std::string& anchor);

}  // namespace okgen::render::docx
