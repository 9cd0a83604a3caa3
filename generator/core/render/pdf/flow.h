// Flow: the document as a vertical sequence of unbreakable pieces (lines, table rows,
// spaces, page breaks) with the rules for breaking pages between them. Block layout
// produces it; the paginator turns it into pages.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "render/pdf/inline_layout.h"
#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// A line (of text, or a rule) at a horizontal offset.
struct FlowLine {
  float height = 0;
  Ops ops;  ///< relative to (left margin, line top)
  std::vector<int> notes;
  int group = -1;               ///< lines of one paragraph share a group (widows/orphans)
  bool keep_with_next = false;  ///< headings: never the last thing on a page
  std::vector<OutlineEntry> outline;  ///< bookmarks that start here
};

/// Vertical space between blocks; dropped at the top of a page.
struct FlowSpace {
  float height = 0;
};

/// Starts a new page (signature page).
struct FlowPageBreak {};

/// One table cell: its lines, in a column.
struct FlowCell {
  float x = 0, width = 0;  ///< column position and width (relative to the left margin)
  std::vector<LineBox> lines;
  bool header = false;
  bool fill = false;
  Color fill_color;
};

/// A table row; header rows are repeated at the top of every page the table continues on.
struct FlowRow {
  std::vector<FlowCell> cells;
  float padding = 4;
  float rule_width = 0.5f;
  Color rule;
  bool header = false;
  /// For body rows: the header rows of their table (shared by all rows of the table).
  std::shared_ptr<std::vector<FlowRow>> table_header;
  float height() const;
  std::vector<int> notes() const;
};

using FlowItem = std::variant<FlowLine, FlowSpace, FlowPageBreak, FlowRow>;
using Flow = std::vector<FlowItem>;

}  // namespace okgen::render::pdf
