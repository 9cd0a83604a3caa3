// Block layout (see block_layout.h).
#include "render/pdf/block_layout.h"

#include <algorithm>

namespace okgen::render::pdf {

float FlowRow::height() const {
  float h = 0;
  for (const auto& c : cells) {
    float ch = 0;
    for (const auto& l : c.lines) ch += l.height;
    h = std::max(h, ch);
  }
  return h + 2 * padding;
}

std::vector<int> FlowRow::notes() const {
  std::vector<int> out;
  for (const auto& c : cells)
    for (const auto& l : c.lines) out.insert(out.end(), l.notes.begin(), l.notes.end());
  return out;
}

namespace {

// Turns a flow of lines and spaces (a table cell's content) into line boxes.
std::vector<LineBox> to_lines(const Flow& flow) {
  std::vector<LineBox> out;
  for (const auto& item : flow) {
    if (const auto* l = std::get_if<FlowLine>(&item)) {
      LineBox b;
      b.height = l->height;
      b.ops = l->ops;
      b.notes = l->notes;
      out.push_back(std::move(b));
    } else if (const auto* s = std::get_if<FlowSpace>(&item)) {
      LineBox b;
      b.height = s->height;
      out.push_back(std::move(b));
    }
  }
  while (!out.empty() && out.back().ops.empty()) out.pop_back();  // no trailing space in cells
  return out;
}

void drop_trailing_space(Flow& flow) {
  while (!flow.empty() && std::holds_alternative<FlowSpace>(flow.back())) flow.pop_back();
}

}  // namespace

void BlockLayout::space(Flow& flow, float h) {
  if (h <= 0) return;
  if (!flow.empty()) {
    if (auto* s = std::get_if<FlowSpace>(&flow.back())) {
      s->height = std::max(s->height, h);  // spaces collapse like CSS margins
      return;
    }
  }
  flow.push_back(FlowSpace{h});
}

int BlockLayout::tag(const std::string& role) {
  if (!ctx_.tags || parent_ < 0) return StructTree::kArtifact;
  return ctx_.tags->add(role, parent_);
}

void BlockLayout::mark_all(Ops& ops, int node) {
  for (auto& t : ops.text) t.node = node;
  for (auto& l : ops.links) l.node = node;
}

void BlockLayout::mark_line(Ops& ops, int node, OpenInline& open) {
  std::vector<int> link_nodes(ops.links.size(), StructTree::kArtifact);
  for (auto& t : ops.text) {
    if (node >= 0 && t.edit && t.link < 0) {
      // A redline change: a Span that says "tillagt: …" for the struck or underlined words.
      if (open.span < 0 || open.span_key != t.edit.get()) {
        open.span = ctx_.tags->add("Span", node);
        (*ctx_.tags)[open.span].actual_text = *t.edit;
        open.span_key = t.edit.get();
        open.span_lang.clear();
      }
      t.node = open.span;
      continue;
    }
    if (node >= 0 && !t.lang.empty() && t.link < 0) {
      // Words in another language: a Span with their /Lang, so a screen reader changes voice.
      if (open.span < 0 || open.span_key != nullptr || open.span_lang != t.lang) {
        open.span = ctx_.tags->add("Span", node);
        (*ctx_.tags)[open.span].lang = t.lang;
        open.span_key = nullptr;
        open.span_lang = t.lang;
      }
      t.node = open.span;
      continue;
    }
    open.span = StructTree::kArtifact;
    open.span_key = nullptr;
    open.span_lang.clear();
    if (t.link < 0 || static_cast<std::size_t>(t.link) >= ops.links.size() || node < 0) {
      t.node = node;
      open.link = StructTree::kArtifact;
      open.link_key.clear();
      continue;
    }
    const LinkOp& op = ops.links[static_cast<std::size_t>(t.link)];
    // Pieces of one link (word by word, line by line) are one Link element.
    std::string key = op.uri + '\n' + op.target;
    if (open.link < 0 || key != open.link_key) {
      int parent = node;
      if (op.uri.empty() && op.target.rfind("fn-", 0) == 0) {
        // A note citation: a Reference to the note, holding the link.
        parent = ctx_.tags->add("Reference", node);
        (*ctx_.tags)[parent].target = op.target;
      }
      open.link = ctx_.tags->add("Link", parent);
      (*ctx_.tags)[open.link].target = op.uri.empty() ? op.target : op.uri;
      open.link_key = std::move(key);
    }
    t.node = open.link;
    link_nodes[static_cast<std::size_t>(t.link)] = open.link;
  }
  // A link piece whose words joined the run of the piece before is part of that link.
  for (std::size_t k = 1; k < ops.links.size(); ++k) {
    if (link_nodes[k] < 0 && ops.links[k].uri == ops.links[k - 1].uri && ops.links[k].target == ops.links[k - 1].target) {
      link_nodes[k] = link_nodes[k - 1];
    }
  }
  for (std::size_t k = 0; k < ops.links.size(); ++k) ops.links[k].node = link_nodes[k];
}

void BlockLayout::lines(Flow& flow, std::vector<LineBox> ls, float x, const std::string& role) {
  const int g = next_group();
  int node = StructTree::kArtifact;
  if (!ls.empty()) {
    const bool held = role == "P" && holder_ >= 0 && holder_ == parent_;
    node = held ? parent_ : tag(role);
  }
  holder_ = StructTree::kArtifact;
  OpenInline open;
  for (auto& l : ls) {
    mark_line(l.ops, node, open);
    FlowLine fl;
    fl.height = l.height;
    fl.ops.append(std::move(l.ops), x, 0);
    fl.notes = std::move(l.notes);
    fl.group = g;
    flow.push_back(std::move(fl));
  }
}

void BlockLayout::heading(Flow& flow, const std::string& number, const std::string& text, int depth,
                          const std::string& anchor, float width) {
  const TextStyle& st = ctx_.style.style("h" + std::to_string(std::clamp(depth, 1, 5)));
  space(flow, st.space_before);
  const float gap = st.size * 0.7f;
  const float num_w = number.empty() ? 0 : text_width(number, st, ctx_) + gap;
  std::vector<LineBox> ls = layout_text(text, st, width - num_w, ctx_);
  const int g = next_group();
  // Heading levels follow the section depth (PDF has six).
  const int node = tag("H" + std::to_string(std::clamp(depth, 1, 6)));
  for (std::size_t i = 0; i < ls.size(); ++i) {
    FlowLine fl;
    fl.height = ls[i].height;
    mark_all(ls[i].ops, node);
    fl.ops.append(std::move(ls[i].ops), num_w, 0);
    if (i == 0) {
      if (!number.empty()) draw_text_first(fl.ops, number, 0, baseline_offset(st, ctx_), st, ctx_, node);
      fl.ops.anchors.push_back(AnchorOp{anchor, 0});
      fl.outline.push_back(OutlineEntry{number.empty() ? text : number + " " + text, depth, anchor});
    }
    fl.group = g;
    fl.keep_with_next = true;
    flow.push_back(std::move(fl));
  }
  space(flow, st.space_after);
}

void BlockLayout::plain_heading(Flow& flow, const std::string& text, const std::string& style, const std::string& anchor,
                                float width, int outline_level) {
  const TextStyle& st = ctx_.style.style(style);
  space(flow, st.space_before);
  std::vector<LineBox> ls = layout_text(text, st, width, ctx_);
  const int g = next_group();
  // The heading styles h1..h5 are heading levels; outline level 0 is a top heading too.
  const bool level = style.size() == 2 && style[0] == 'h' && style[1] >= '1' && style[1] <= '6';
  const int node = tag(level ? "H" + style.substr(1) : "P");
  for (std::size_t i = 0; i < ls.size(); ++i) {
    FlowLine fl;
    fl.height = ls[i].height;
    fl.ops = std::move(ls[i].ops);
    mark_all(fl.ops, node);
    if (i == 0 && !anchor.empty()) {
      fl.ops.anchors.push_back(AnchorOp{anchor, 0});
      if (outline_level > 0) fl.outline.push_back(OutlineEntry{text, outline_level, anchor});
    }
    fl.group = g;
    fl.keep_with_next = true;
    flow.push_back(std::move(fl));
  }
  space(flow, st.space_after);
}

void BlockLayout::blocks(Flow& flow, const model::Blocks& bs, float x, float width, const std::string& style) {
  for (const auto& b : bs) block(flow, b, x, width, style, list_depth_);
}

void BlockLayout::block(Flow& flow, const model::Block& b, float x, float width, const std::string& style,
                        int list_depth) {
  const TextStyle& st = ctx_.style.style(style);
  std::visit(model::overloaded{
                 [&](const model::Paragraph& p) {
                   lines(flow, layout_inlines(p.content, st, width, ctx_), x);
                   space(flow, st.space_after);
                 },
                 [&](const model::List& l) { list(flow, l, x, width, style, list_depth); },
                 [&](const model::BlockQuote& q) {
                   Inside in(*this, tag("BlockQuote"));
                   ruled_group(flow, q.children, x, width, style, ctx_.style.quote_indent, ctx_.style.quote_rule_width,
                               ctx_.style.quote_rule, list_depth);
                 },
                 [&](const model::CodeBlock& c) {
                   const TextStyle& cs = ctx_.style.style("code");
                   std::size_t start = 0;
                   std::string text = c.text;
                   if (!text.empty() && text.back() == '\n') text.pop_back();
                   std::vector<LineBox> all;
                   while (start <= text.size()) {
                     std::size_t nl = text.find('\n', start);
                     std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                     auto ls = layout_text(line.empty() ? " " : line, cs, width, ctx_);
                     for (auto& l : ls) all.push_back(std::move(l));
                     if (nl == std::string::npos) break;
                     start = nl + 1;
                   }
                   lines(flow, std::move(all), x, "P");
                   space(flow, cs.space_after);
                 },
                 [&](const model::ThematicBreak&) {
                   FlowLine fl;
                   fl.height = st.leading;
                   fl.ops.rules.push_back(RuleOp{x, st.leading / 2, x + width, st.leading / 2, 0.5f, ctx_.style.furniture_rule});
                   flow.push_back(std::move(fl));
                 },
                 [&](const model::Table& t) { table(flow, t, x, width); },
                 [&](const model::Div& d) {
                   const auto& roles = ctx_.style.group_roles;
                   if (d.role == "signatories") {
                     Inside in(*this, tag("Div"));
                     signatories(flow, d, x, width);
                   } else if (std::find(roles.begin(), roles.end(), d.role) != roles.end()) {
                     Inside in(*this, tag("Div"));
                     ruled_group(flow, d.children, x, width, style, ctx_.style.group_indent,
                                 ctx_.style.group_rule_width, ctx_.style.group_rule, list_depth);
                   } else {
                     for (const auto& c : d.children) block(flow, c, x, width, style, list_depth);
                   }
                 },
             },
             b.node);
}

void BlockLayout::list(Flow& flow, const model::List& l, float x, float width, const std::string& style, int depth) {
  const TextStyle& st = ctx_.style.style(style);
  // Nesting indents until max-indent; deeper levels line up with the deepest allowed one,
  // so a 50-level list stays on the page.
  const float used = x;
  const float step = used + ctx_.style.list_indent <= ctx_.style.list_max_indent
                         ? ctx_.style.list_indent
                         : std::max(0.0f, ctx_.style.list_max_indent - used);
  const float item_x = x + step;
  const float item_w = width - step;
  int number = l.start;
  Inside in_list(*this, tag("L"));
  for (std::size_t i = 0; i < l.items.size(); ++i) {
    Flow item;
    Inside in_item(*this, tag("LI"));
    const int label = tag("Lbl");
    const int saved = list_depth_;
    list_depth_ = depth + 1;
    {
      Inside in_body(*this, tag("LBody"));
      hold_single_paragraph(parent_, l.items[i]);
      for (const auto& b : l.items[i]) block(item, b, item_x, item_w, style, depth + 1);
    }
    list_depth_ = saved;
    if (l.tight) drop_trailing_space(item);
    // The marker goes on the first line of the item.
    std::string marker = l.ordered ? std::to_string(number++) + "." : (depth % 2 == 0 ? "\xE2\x80\xA2" : "\xE2\x80\x93");
    for (auto& it : item) {
      if (auto* fl = std::get_if<FlowLine>(&it)) {
        const float mw = text_width(marker, st, ctx_);
        draw_text_first(fl->ops, marker, item_x - ctx_.style.list_marker_gap - mw, baseline_offset(st, ctx_), st, ctx_,
                        label);
        break;
      }
    }
    for (auto& it : item) flow.push_back(std::move(it));
    if (i + 1 < l.items.size()) space(flow, l.tight ? ctx_.style.list_item_space : st.space_after);
  }
  space(flow, st.space_after);
}

void BlockLayout::ruled_group(Flow& flow, const model::Blocks& children, float x, float width, const std::string& style,
                              float indent, float rule_width, const Color& rule, int list_depth) {
  Flow inner;
  for (const auto& c : children) block(inner, c, x + indent, width - indent, style, list_depth);
  drop_trailing_space(inner);
  const float rx = x + rule_width / 2;
  for (auto& it : inner) {
    if (auto* s = std::get_if<FlowSpace>(&it)) {
      // Keep the bar unbroken through the spaces inside the group.
      FlowLine fl;
      fl.height = s->height;
      it = std::move(fl);
    }
    if (auto* fl = std::get_if<FlowLine>(&it)) {
      fl->ops.rules.push_back(RuleOp{rx, 0, rx, fl->height, rule_width, rule});
    }
    flow.push_back(std::move(it));
  }
  space(flow, ctx_.style.style(style).space_after);
}

void BlockLayout::table(Flow& flow, const model::Table& t, float x, float width) {
  const PdfStyle& s = ctx_.style;
  std::size_t cols = 0;
  for (const auto* rows : {&t.head, &t.body})
    for (const auto& r : *rows) cols = std::max(cols, r.cells.size());
  if (cols == 0) return;
  std::vector<float> widths(cols, width / static_cast<float>(cols));
  if (t.widths.size() == cols) {
    float total = 0;
    for (int w : t.widths) total += static_cast<float>(std::max(w, 1));
    for (std::size_t c = 0; c < cols; ++c) widths[c] = width * static_cast<float>(std::max(t.widths[c], 1)) / total;
  }
  Inside in_table(*this, tag("Table"));
  if (!t.caption.empty()) {
    const TextStyle& cs = s.style("caption");
    space(flow, cs.space_before);
    Flow cap;
    lines(cap, layout_inlines(t.caption, cs, width, ctx_), x, "Caption");
    for (auto& it : cap) {
      std::get<FlowLine>(it).keep_with_next = true;
      flow.push_back(std::move(it));
    }
    space(flow, cs.space_after);
  }
  auto make_row = [&](const model::TableRow& r, bool head) {
    Inside in_row(*this, tag("TR"));
    FlowRow row;
    row.padding = s.table_padding;
    row.rule = s.table_rule;
    row.rule_width = s.table_rule_width;
    row.header = head;
    float cx = x;
    for (std::size_t c = 0; c < cols; ++c) {
      FlowCell cell;
      cell.x = cx;
      cell.width = widths[c];
      cx += widths[c];
      // Every cell is an element, empty ones too, so the table stays regular for a reader.
      const bool th = head || (c < r.cells.size() && r.cells[c].header);
      const int cell_node = tag(th ? "TH" : "TD");
      if (th && cell_node >= 0) (*ctx_.tags)[cell_node].scope = head ? "Column" : "Row";
      if (c < r.cells.size()) {
        const auto& mc = r.cells[c];
        const std::string style = head ? "table-header" : mc.header ? "table-row-header" : "table";
        Flow content;
        const float inner = std::max(widths[c] - 2 * s.table_padding, 8.0f);
        Inside in_cell(*this, cell_node);
        hold_single_paragraph(cell_node, mc.content);
        for (const auto& b : mc.content) block(content, b, 0, inner, style, 0);
        cell.lines = to_lines(content);
        cell.header = mc.header;
        if (head) {
          cell.fill = true;
          cell.fill_color = s.table_header_fill;
        } else if (mc.header) {
          cell.fill = true;
          cell.fill_color = s.table_row_header_fill;
        }
      }
      row.cells.push_back(std::move(cell));
    }
    return row;
  };
  auto header = std::make_shared<std::vector<FlowRow>>();
  if (!t.head.empty()) {
    Inside in_head(*this, tag("THead"));
    for (const auto& r : t.head) header->push_back(make_row(r, true));
  }
  for (const auto& r : *header) flow.push_back(r);
  Inside in_body(*this, tag("TBody"));
  for (const auto& r : t.body) {
    FlowRow row = make_row(r, false);
    row.table_header = header;
    flow.push_back(std::move(row));
  }
  space(flow, s.table_space_after);
}

void BlockLayout::signatories(Flow& flow, const model::Div& d, float x, float width) {
  const PdfStyle& s = ctx_.style;
  const int cols = std::max(1, s.signature_columns);
  const float col_w = (width - s.signature_column_gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
  FlowRow row;
  auto flush = [&] {
    if (row.cells.empty()) return;
    row.padding = 0;
    row.rule_width = 0;  // no cell borders: signature blocks only keep together
    flow.push_back(std::move(row));
    row = FlowRow{};
    space(flow, s.signature_row_gap);
  };
  for (const auto& child : d.children) {
    const auto* sig = std::get_if<model::Div>(&child.node);
    if (!sig) continue;
    FlowCell cell;
    cell.x = x + static_cast<float>(row.cells.size()) * (col_w + s.signature_column_gap);
    cell.width = col_w;
    Flow content;
    Inside in_block(*this, tag("Div"));  // one signature block
    for (const auto& b : sig->children) {
      if (std::holds_alternative<model::ThematicBreak>(b.node)) {
        // The signing line: room to sign, then the rule.
        FlowLine fl;
        fl.height = s.signature_line_gap;
        fl.ops.rules.push_back(RuleOp{0, s.signature_line_gap - 2, col_w, s.signature_line_gap - 2,
                                      s.signature_rule_width, s.signature_rule});
        content.push_back(std::move(fl));
        continue;
      }
      block(content, b, 0, col_w, "body", 0);
    }
    drop_trailing_space(content);
    cell.lines = to_lines(content);
    row.cells.push_back(std::move(cell));
    if (static_cast<int>(row.cells.size()) == cols) flush();
  }
  flush();
}

}  // namespace okgen::render::pdf
