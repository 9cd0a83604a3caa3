// Page breaking (see paginator.h).
#include "render/pdf/paginator.h"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace okgen::render::pdf {

Paginator::Paginator(const PdfStyle& style, const std::map<int, FootnoteBox>& notes, Layout& layout, Mode mode)
    : style_(style), notes_(notes), layout_(layout), mode_(mode) {}

void Paginator::new_page() {
  if (!layout_.pages.empty()) finish();
  layout_.pages.push_back(Page{});
  y_ = style_.margin_top;
  placed_on_page_ = 0;
  page_notes_.clear();
}

std::vector<int> Paginator::new_notes(const std::vector<int>& notes) const {
  std::vector<int> out;
  for (int n : notes) {
    if (!placed_notes_.count(n) && notes_.count(n) &&
        std::find(page_notes_.begin(), page_notes_.end(), n) == page_notes_.end() &&
        std::find(out.begin(), out.end(), n) == out.end()) {
      out.push_back(n);
    }
  }
  return out;
}

float Paginator::bottom(const std::vector<int>& extra) const {
  float fn = 0;
  for (int n : page_notes_) fn += notes_.at(n).height;
  for (int n : extra) fn += notes_.at(n).height;
  if (fn > 0) fn += style_.footnote_gap;
  return style_.page_height - style_.margin_bottom - fn;
}

bool Paginator::fits(float height, const std::vector<int>& notes) const {
  return y_ + height <= bottom(new_notes(notes)) + 0.01f;
}

void Paginator::place_line(const FlowLine& line) {
  if (mode_ == Mode::draw) layout_.pages.back().ops.append(line.ops, style_.margin_left, y_);
  account_line(line);
}

void Paginator::place_line(FlowLine&& line) {
  const float y = y_;
  account_line(line);  // before the ops, and their anchors, move
  if (mode_ == Mode::draw) layout_.pages.back().ops.append(std::move(line.ops), style_.margin_left, y);
}

void Paginator::account_line(const FlowLine& line) {
  const int index = static_cast<int>(layout_.pages.size()) - 1;
  for (const auto& a : line.ops.anchors) layout_.anchors[a.id] = {index, y_ + a.y};
  for (const auto& o : line.outline) layout_.outline.push_back(o);
  for (int n : new_notes(line.notes)) page_notes_.push_back(n);
  y_ += line.height;
  ++placed_on_page_;
}

void Paginator::place_row(const FlowRow& row, bool artifact) {
  Page& page = layout_.pages.back();
  const float h = row.height();
  const float left = style_.margin_left;
  const bool draw = mode_ == Mode::draw;
  for (const auto& c : row.cells) {
    if (c.fill && draw) page.ops.rects.push_back(RectOp{left + c.x, y_, c.width, h, c.fill_color});
    float cy = y_ + row.padding;
    const int index = static_cast<int>(layout_.pages.size()) - 1;
    for (const auto& l : c.lines) {
      for (const auto& a : l.ops.anchors) layout_.anchors[a.id] = {index, cy + a.y};
      if (!draw) {
        cy += l.height;
        continue;
      }
      const std::size_t first = page.ops.text.size(), first_link = page.ops.links.size();
      page.ops.append(l.ops, left + c.x + row.padding, cy);
      if (artifact) {
        // Drawn again, not read again: no element, and no second link to the same place.
        for (std::size_t k = first; k < page.ops.text.size(); ++k) page.ops.text[k].node = StructTree::kArtifact, page.ops.text[k].link = -1;
        page.ops.links.resize(first_link);
      }
      cy += l.height;
    }
    if (row.rule_width > 0 && draw) {
      const float x0 = left + c.x, x1 = left + c.x + c.width, y0 = y_, y1 = y_ + h;
      page.ops.rules.push_back(RuleOp{x0, y0, x1, y0, row.rule_width, row.rule});
      page.ops.rules.push_back(RuleOp{x0, y1, x1, y1, row.rule_width, row.rule});
      page.ops.rules.push_back(RuleOp{x0, y0, x0, y1, row.rule_width, row.rule});
      page.ops.rules.push_back(RuleOp{x1, y0, x1, y1, row.rule_width, row.rule});
    }
  }
  for (int n : new_notes(row.notes())) page_notes_.push_back(n);
  y_ += h;
  ++placed_on_page_;
}

void Paginator::row(const FlowRow& r) {
  if (fits(r.height(), r.notes())) {  // most rows: placed without a copy to split
    place_row(r);
    return;
  }
  FlowRow rest = r;
  for (int guard = 0; guard < 100000; ++guard) {
    if (fits(rest.height(), rest.notes())) {
      place_row(rest);
      return;
    }
    const float page_room = style_.page_height - style_.margin_top - style_.margin_bottom;
    const bool repeat_header = rest.table_header && !rest.header;
    float header_h = 0;
    if (repeat_header)
      for (const auto& h : *rest.table_header) header_h += h.height();
    // Move to a new page when the row would fit there whole; split it only when it is
    // taller than a page (or when the page is empty anyway).
    if (!at_top() && rest.height() + header_h <= page_room) {
      new_page();
      if (repeat_header)
        for (const auto& h : *rest.table_header) place_row(h, true);
      continue;
    }
    // Split: every cell gives the lines that fit; the rest continues on the next page.
    const float room = bottom(new_notes(rest.notes())) - y_ - 2 * rest.padding;
    FlowRow head = rest, tail = rest;
    bool any = false;
    for (std::size_t c = 0; c < rest.cells.size(); ++c) {
      float used = 0;
      std::size_t k = 0;
      const auto& lines = rest.cells[c].lines;
      while (k < lines.size() && used + lines[k].height <= room) used += lines[k++].height;
      if (k == 0 && at_top() && !lines.empty()) k = 1;  // always progress
      head.cells[c].lines.assign(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(k));
      tail.cells[c].lines.assign(lines.begin() + static_cast<std::ptrdiff_t>(k), lines.end());
      any = any || k > 0;
    }
    if (!any) {
      new_page();
      if (repeat_header)
        for (const auto& h : *rest.table_header) place_row(h, true);
      continue;
    }
    place_row(head);
    new_page();
    if (repeat_header)
      for (const auto& h : *rest.table_header) place_row(h, true);
    rest = std::move(tail);
  }
}

std::size_t Paginator::count_fitting(const Flow& flow, std::size_t first, std::size_t end) const {
  float y = y_;
  std::vector<int> notes = page_notes_;
  std::size_t k = first;
  for (; k < end; ++k) {
    const auto& line = std::get<FlowLine>(flow[k]);
    std::vector<int> added;
    for (int n : line.notes) {
      if (!placed_notes_.count(n) && notes_.count(n) && std::find(notes.begin(), notes.end(), n) == notes.end() &&
          std::find(added.begin(), added.end(), n) == added.end()) {
        added.push_back(n);
      }
    }
    float fn = 0;
    for (int n : notes) fn += notes_.at(n).height;
    for (int n : added) fn += notes_.at(n).height;
    if (fn > 0) fn += style_.footnote_gap;
    if (y + line.height > style_.page_height - style_.margin_bottom - fn + 0.01f) break;
    y += line.height;
    notes.insert(notes.end(), added.begin(), added.end());
  }
  return k - first;
}

float Paginator::min_start_height(const Flow& flow, std::size_t k, std::vector<int>& notes) const {
  for (; k < flow.size(); ++k) {
    if (const auto* s = std::get_if<FlowSpace>(&flow[k])) {
      (void)s;
      continue;
    }
    if (const auto* l = std::get_if<FlowLine>(&flow[k])) {
      // The lines that must start on this page: the first two of a paragraph that can be
      // split two and two, all of one that cannot (three lines or fewer: splitting it would
      // leave a widow or an orphan, so it moves whole and would strand the heading).
      std::size_t n = 0;
      while (k + n < flow.size()) {
        const auto* x = std::get_if<FlowLine>(&flow[k + n]);
        if (!x || x->group != l->group || l->group < 0) break;
        ++n;
      }
      const int wanted = n >= 4 ? 2 : static_cast<int>(std::max<std::size_t>(n, 1));
      float h = 0;
      int taken = 0;
      for (std::size_t j = k; j < flow.size() && taken < wanted; ++j) {
        const auto* x = std::get_if<FlowLine>(&flow[j]);
        if (!x || x->group != l->group) break;
        h += x->height;
        notes.insert(notes.end(), x->notes.begin(), x->notes.end());
        ++taken;
      }
      return h;
    }
    if (const auto* r = std::get_if<FlowRow>(&flow[k])) {
      // A header row must come with the first body row.
      float h = std::min(r->height(), 60.0f);
      if (r->header && k + 1 < flow.size()) {
        if (const auto* next = std::get_if<FlowRow>(&flow[k + 1])) h += std::min(next->height(), 40.0f);
      }
      return h;
    }
    return 0;  // page break
  }
  return 0;
}

void Paginator::run(const Flow& flow) { run_items(flow); }
void Paginator::run(Flow&& flow) { run_items(flow); }

// FlowRef is `const Flow&` (lines are copied into the pages) or `Flow&` (moved).
template <class FlowRef>
void Paginator::run_items(FlowRef&& flow) {
  constexpr bool kTake = !std::is_const_v<std::remove_reference_t<FlowRef>>;
  auto place = [&](std::size_t k) {
    if constexpr (kTake) {
      place_line(std::move(std::get<FlowLine>(flow[k])));
    } else {
      place_line(std::get<FlowLine>(flow[k]));
    }
  };
  new_page();
  std::size_t i = 0;
  while (i < flow.size()) {
    const FlowItem& item = flow[i];
    if (const auto* s = std::get_if<FlowSpace>(&item)) {
      if (!at_top()) y_ = std::min(y_ + s->height, bottom({}));
      ++i;
      continue;
    }
    if (std::holds_alternative<FlowPageBreak>(item)) {
      if (!at_top()) new_page();
      ++i;
      continue;
    }
    if (const auto* r = std::get_if<FlowRow>(&item)) {
      if (r->header) {
        // Keep the header with the first body row.
        std::vector<int> notes = r->notes();
        float need = r->height() + min_start_height(flow, i + 1, notes);
        if (!at_top() && !fits(need, notes)) new_page();
      }
      row(*r);
      ++i;
      continue;
    }
    const auto& line = std::get<FlowLine>(item);
    // The whole group (a paragraph, or a heading's lines).
    std::size_t end = i;
    while (end < flow.size()) {
      const auto* l = std::get_if<FlowLine>(&flow[end]);
      if (!l || l->group != line.group || line.group < 0) break;
      ++end;
    }
    if (end == i) end = i + 1;
    const std::size_t n = end - i;

    if (line.keep_with_next) {
      // A heading (or caption) and the start of what follows stay on one page.
      float need = 0;
      std::vector<int> notes;
      for (std::size_t k = i; k < end; ++k) {
        need += std::get<FlowLine>(flow[k]).height;
        const auto& ln = std::get<FlowLine>(flow[k]).notes;
        notes.insert(notes.end(), ln.begin(), ln.end());
      }
      std::size_t next = end;
      while (next < flow.size() && std::holds_alternative<FlowSpace>(flow[next])) {
        need += std::get<FlowSpace>(flow[next]).height;
        ++next;
      }
      // Chains of keep-with-next groups (heading directly followed by a heading) are kept
      // by treating the following group's first lines as the requirement.
      need += min_start_height(flow, next, notes);
      if (!at_top() && !fits(need, notes)) new_page();
      for (std::size_t k = i; k < end; ++k) place(k);
      i = end;
      continue;
    }

    std::size_t m = count_fitting(flow, i, end);
    if (m >= n) {
      for (std::size_t k = i; k < end; ++k) place(k);
      i = end;
      continue;
    }
    if (at_top()) {
      // Nothing better is possible on an empty page: fill it (at least one line).
      std::size_t take = std::max<std::size_t>(m, 1);
      if (n - take == 1 && take > 2) --take;  // still avoid a widow when we can
      for (std::size_t k = i; k < i + take; ++k) place(k);
      i += take;
      new_page();
      continue;
    }
    // Split the paragraph: at least two lines here (no orphan) and two there (no widow).
    std::size_t take = m;
    if (n - take < 2) take = n >= 2 ? n - 2 : 0;
    if (take < 2) {
      new_page();
      continue;
    }
    for (std::size_t k = i; k < i + take; ++k) place(k);
    i += take;
    new_page();
  }
}

void Paginator::finish() {
  if (layout_.pages.empty() || page_notes_.empty()) {
    for (int n : page_notes_) placed_notes_.insert(n);
    page_notes_.clear();
    return;
  }
  Page& page = layout_.pages.back();
  const int index = static_cast<int>(layout_.pages.size()) - 1;
  float total = 0;
  for (int n : page_notes_) total += notes_.at(n).height;
  float y = style_.page_height - style_.margin_bottom - total;
  const float sep_y = y - style_.footnote_gap / 2;
  page.ops.rules.push_back(RuleOp{style_.margin_left, sep_y, style_.margin_left + style_.footnote_separator_length, sep_y,
                                  style_.footnote_separator_width, style_.footnote_separator});
  for (int n : page_notes_) {
    const FootnoteBox& box = notes_.at(n);
    for (const auto& l : box.lines) {
      if (mode_ == Mode::draw) page.ops.append(l.ops, style_.margin_left, y);
      for (const auto& a : l.ops.anchors) layout_.anchors[a.id] = {index, y + a.y};
      y += l.height;
    }
    placed_notes_.insert(n);
  }
  page_notes_.clear();
}

}  // namespace okgen::render::pdf
