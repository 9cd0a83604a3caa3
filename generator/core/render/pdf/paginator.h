// The paginator: Flow -> pages, with footnotes at the bottom of the page where each note
// is first cited, headings kept with what follows, no single widow or orphan line, and
// table header rows repeated on every page a table continues on.
#pragma once

#include <map>
#include <set>

#include "render/pdf/flow.h"

namespace okgen::render::pdf {

/// A footnote laid out in the footnote area's width.
struct FootnoteBox {
  std::vector<LineBox> lines;
  float height = 0;
};

class Paginator {
 public:
  /// What placing a line does to the page: nothing but measure (a pass that only finds
  /// where anchors land, for the table of contents' page numbers), or draw it there.
  enum class Mode { measure, draw };

  Paginator(const PdfStyle& style, const std::map<int, FootnoteBox>& notes, Layout& layout,
            Mode mode = Mode::draw);

  /// Places `flow` starting on a new page, copying its drawing operations.
  void run(const Flow& flow);
  /// The same, moving the lines' drawing operations into the pages (the flow is spent).
  void run(Flow&& flow);
  /// Finishes the current page (draws its footnotes). Call once at the end.
  void finish();

 private:
  void new_page();
  float bottom(const std::vector<int>& extra_notes) const;
  std::vector<int> new_notes(const std::vector<int>& notes) const;
  bool fits(float height, const std::vector<int>& notes) const;
  template <class FlowRef>
  void run_items(FlowRef&& flow);
  void place_line(const FlowLine& line);
  void place_line(FlowLine&& line);
  // What placing a line does besides drawing it: anchors, bookmarks, notes, the pen.
  void account_line(const FlowLine& line);
  /// Places a row; a header row repeated on a continuation page is an `artifact` (the
  /// table's header is in the structure tree once).
  void place_row(const FlowRow& row, bool artifact = false);
  /// Places a row, splitting it over pages when it does not fit.
  void row(const FlowRow& row);
  /// Lines i.. of the group starting at `first`: how many fit from the current position.
  std::size_t count_fitting(const Flow& flow, std::size_t first, std::size_t end) const;
  /// Height the item at `k` needs at least on the page it starts on (for keep-with-next).
  float min_start_height(const Flow& flow, std::size_t k, std::vector<int>& notes) const;
  bool at_top() const { return placed_on_page_ == 0; }

  const PdfStyle& style_;
  const std::map<int, FootnoteBox>& notes_;
  Layout& layout_;
  Mode mode_;
  float y_ = 0;
  int placed_on_page_ = 0;
  std::vector<int> page_notes_;
  std::set<int> placed_notes_;
};

}  // namespace okgen::render::pdf
