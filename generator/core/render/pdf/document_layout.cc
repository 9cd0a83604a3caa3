// Document layout (see document_layout.h).
#include "render/pdf/document_layout.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "render/pdf/block_layout.h"
#include "render/pdf/paginator.h"
#include "text/template_engine.h"

namespace okgen::render::pdf {
namespace {

std::string label(const text::Catalog& labels, const std::string& key, const text::Value& ctx = {}) {
  return text::render(labels.get("labels", key), ctx, text::Escape::none);
}

class DocumentLayouter {
 public:
  DocumentLayouter(const compose::Doc& doc, LayoutContext& ctx, const text::Catalog& labels)
      : doc_(doc), ctx_(ctx), labels_(labels), s_(ctx.style), width_(ctx.style.content_width()) {}

  Layout run() {
    footnotes();
    Flow title = title_page();
    Flow body = body_flow();
    // The contents list shows page numbers, which its own length can change: passes that
    // only measure find where every anchor lands until the numbers hold (at most three),
    // then one pass draws with the numbers the last one was given, moving the lines into
    // their pages (two passes that copied them were a tenth of the layout's time).
    std::map<std::string, int> pages;  // anchor -> page number, from the previous pass
    for (int pass = 0; pass < 3; ++pass) {
      Layout attempt;
      paginate(attempt, Paginator::Mode::measure, title, toc_flow(pages, false), body);
      std::map<std::string, int> found;
      for (const auto& [id, where] : attempt.anchors) found[id] = where.first + 1;
      if (found == pages || pass == 2) break;
      pages = std::move(found);
    }
    Layout layout;
    paginate(layout, Paginator::Mode::draw, std::move(title), toc_flow(pages), std::move(body));
    furniture(layout);
    return layout;
  }

  // The title page, the contents and the body, each from a new page; a flow given as an
  // rvalue is spent.
  template <class Title, class Body>
  void paginate(Layout& layout, Paginator::Mode mode, Title&& title, Flow toc, Body&& body) {
    layout.width = s_.page_width;
    layout.height = s_.page_height;
    Paginator p(s_, notes_, layout, mode);
    p.run(std::forward<Title>(title));
    layout.pages.front().title_page = true;
    p.run(std::move(toc));
    p.run(std::forward<Body>(body));
    p.finish();
  }

 private:
  void footnotes() {
    const TextStyle& fs = s_.style("footnote");
    for (const auto& n : doc_.notes) {
      if (n.backrefs.empty()) continue;  // never cited: listed among the other references
      BlockLayout bl(ctx_);
      // A Note element with its number as label; pdf_structure puts it after the paragraph
      // that first cites it.
      const int note = bl.tag("Note");
      if (note >= 0) (*ctx_.tags)[note].id = "fn-" + std::to_string(n.number);
      BlockLayout::Inside in(bl, note);
      const int label = bl.tag("Lbl");
      Flow f;
      bl.hold_single_paragraph(note, n.text);
      bl.blocks(f, n.text, s_.footnote_indent, width_ - s_.footnote_indent, "footnote");
      FootnoteBox box;
      for (auto& item : f) {
        if (auto* l = std::get_if<FlowLine>(&item)) {
          LineBox lb;
          lb.height = l->height;
          lb.ops = std::move(l->ops);
          box.lines.push_back(std::move(lb));
        }
      }
      if (box.lines.empty()) box.lines.push_back(LineBox{fs.leading, 0, {}, {}});
      draw_text_first(box.lines.front().ops, std::to_string(n.number), 0, baseline_offset(fs, ctx_), fs, ctx_, label);
      box.lines.front().ops.anchors.push_back(AnchorOp{"fn-" + std::to_string(n.number), 0});
      for (const auto& l : box.lines) box.height += l.height;
      notes_.emplace(n.number, std::move(box));
    }
  }

  void text_lines(Flow& flow, BlockLayout& bl, const std::string& text, const std::string& style,
                  const std::string& role = "P") {
    const TextStyle& st = s_.style(style);
    bl.lines(flow, layout_text(text, st, width_, ctx_), 0, role);
    if (st.space_after > 0) flow.push_back(FlowSpace{st.space_after});
  }

  Flow title_page() {
    Flow flow;
    BlockLayout bl(ctx_);
    // A band in the accent colour across the top of the text block.
    FlowLine band;
    band.height = 28;
    band.ops.rects.push_back(RectOp{0, 0, width_, 6, s_.style("title").color});
    flow.push_back(std::move(band));
    text_lines(flow, bl, doc_.region.empty() ? doc_.kind_label : doc_.kind_label + " · " + doc_.region, "title-kind");
    flow.push_back(FlowSpace{10});
    text_lines(flow, bl, doc_.title, "title", "H1");
    if (!doc_.subtitle.empty()) text_lines(flow, bl, doc_.subtitle, "subtitle");
    flow.push_back(FlowSpace{14});
    // Metadata: label column and value column, one row per item; a table whose labels are
    // row headers.
    const float label_w = 96;
    BlockLayout::Inside in_table(bl, doc_.meta.empty() ? StructTree::kArtifact : bl.tag("Table"));
    for (const auto& row : doc_.meta) {
      BlockLayout::Inside in_row(bl, bl.tag("TR"));
      const int th = bl.tag("TH");
      if (th >= 0) (*ctx_.tags)[th].scope = "Row";
      const int td = bl.tag("TD");
      FlowRow r;
      r.padding = 0;
      r.rule_width = 0;
      FlowCell lc;
      lc.x = 0;
      lc.width = label_w;
      lc.lines = layout_text(row.label, s_.style("meta-label"), label_w - 6, ctx_);
      for (auto& l : lc.lines) BlockLayout::mark_all(l.ops, th);
      FlowCell vc;
      vc.x = label_w;
      vc.width = width_ - label_w;
      Flow value;
      BlockLayout::Inside in_cell(bl, td);
      bl.hold_single_paragraph(td, row.value);
      bl.blocks(value, row.value, 0, width_ - label_w, "meta");
      for (auto& item : value) {
        if (auto* l = std::get_if<FlowLine>(&item)) {
          vc.lines.push_back(LineBox{l->height, 0, std::move(l->ops), std::move(l->notes)});
        } else if (auto* sp = std::get_if<FlowSpace>(&item)) {
          vc.lines.push_back(LineBox{sp->height, 0, {}, {}});
        }
      }
      while (!vc.lines.empty() && vc.lines.back().ops.empty()) vc.lines.pop_back();
      r.cells.push_back(std::move(lc));
      r.cells.push_back(std::move(vc));
      flow.push_back(std::move(r));
      flow.push_back(FlowSpace{6});
    }
    return flow;
  }

  // Table of contents: top-level sections and their first sublevel, with dot leaders and
  // page numbers; each entry links to its section. Without `decorated` (a pass that only
  // measures) the numbers and leaders are left out: they never change an entry's height.
  Flow toc_flow(const std::map<std::string, int>& pages, bool decorated = true) {
    Flow flow;
    BlockLayout bl(ctx_);
    // Each pass makes its own elements; those of earlier passes hold no content and are
    // left out of the file.
    BlockLayout::Inside in_toc(bl, bl.tag("Sect"));
    bl.plain_heading(flow, label(labels_, "pdf.toc"), "h1", "toc", width_, 0);
    BlockLayout::Inside in_list(bl, bl.tag("TOC"));
    std::vector<std::tuple<std::string, std::string, std::string, int>> entries;  // number, title, anchor, depth
    for (const auto& s : doc_.sections) {
      entries.emplace_back(s.number, s.heading, s.id, 1);
      for (const auto& c : s.children) entries.emplace_back(c.number, c.heading, c.id, 2);
    }
    if (has_endnotes()) entries.emplace_back("", label(labels_, "pdf.endnotes"), "endnotes", 1);
    if (doc_.revisions) entries.emplace_back("", label(labels_, "pdf.revisions"), "revisions", 1);
    if (!doc_.signatures.empty()) entries.emplace_back("", label(labels_, "pdf.signatures"), "signatures", 1);
    const float page_col = 28;
    for (const auto& [number, title, anchor, depth] : entries) {
      const TextStyle& st = s_.style(depth == 1 ? "toc-top" : "toc");
      const float indent = depth == 1 ? 0 : 22;
      const float num_w = depth == 1 ? 22 : 30;
      if (depth == 1 && st.space_before > 0) flow.push_back(FlowSpace{st.space_before});
      auto lines = layout_text(title, st, width_ - indent - num_w - page_col - 12, ctx_);
      const int g = bl.next_group();
      // TOCI > Link: the entry's number, title and page number; the dot leaders are artifacts.
      BlockLayout::Inside in_item(bl, bl.tag("TOCI"));
      const int link = bl.tag("Link");
      if (link >= 0) (*ctx_.tags)[link].target = anchor;
      auto it = pages.find(anchor);
      const std::string page = it == pages.end() ? "0" : std::to_string(it->second);
      const float base = baseline_offset(st, ctx_);
      for (std::size_t i = 0; i < lines.size(); ++i) {
        FlowLine fl;
        fl.height = lines[i].height;
        fl.group = g;
        BlockLayout::mark_all(lines[i].ops, link);
        fl.ops.append(std::move(lines[i].ops), indent + num_w, 0);
        if (decorated && i == 0 && !number.empty()) draw_text_first(fl.ops, number, indent, base, st, ctx_, link);
        if (decorated && i + 1 == lines.size()) {
          // Dot leaders from the end of the title to the page number. They end at the same
          // x on every entry, so the columns of dots line up.
          const float pw = text_width(page, st, ctx_);
          const float to = width_ - page_col;
          const float from = indent + num_w + lines[i].width + 4;
          const float dot = text_width(". ", st, ctx_);
          if (dot > 0 && to > from) {
            std::string dots;
            const int count = static_cast<int>((to - from) / dot);
            for (int k = 0; k < count; ++k) dots += ". ";
            if (!dots.empty())
              draw_text(fl.ops, dots, to - static_cast<float>(count) * dot, base, st, ctx_, StructTree::kArtifact);
          }
          draw_text(fl.ops, page, width_ - pw, base, st, ctx_, link);
        }
        fl.ops.links.push_back(LinkOp{indent, 0, width_ - indent, fl.height, "", anchor, link});
        flow.push_back(std::move(fl));
      }
    }
    return flow;
  }

  bool has_endnotes() const {
    return std::any_of(doc_.notes.begin(), doc_.notes.end(), [](const compose::Note& n) { return n.backrefs.empty(); });
  }

  void section(Flow& flow, BlockLayout& bl, const compose::DocSection& s) {
    BlockLayout::Inside in(bl, bl.tag("Sect"));
    bl.heading(flow, s.number, s.heading, s.depth, s.id, width_);
    bl.blocks(flow, s.blocks, 0, width_, "body");
    for (const auto& c : s.children) section(flow, bl, c);
  }

  // Characters in a section and its subsections: an estimate of its layout time.
  static std::size_t weight(const compose::DocSection& s) {
    std::size_t w = s.heading.size() + model::plain_text(s.blocks).size();
    for (const auto& c : s.children) w += weight(c);
    return w;
  }

  Flow body_flow() {
    Flow flow;
    BlockLayout bl(ctx_);
    for (const auto& s : doc_.sections) section(flow, bl, s);
    end_matter(flow, bl);
    return flow;
  }

  // The end matter after the sections: endnotes, revision history, signatures, each a
  // section of its own.
  void end_matter(Flow& flow, BlockLayout& bl) {
    if (has_endnotes()) {
      BlockLayout::Inside in(bl, bl.tag("Sect"));
      bl.plain_heading(flow, label(labels_, "pdf.endnotes"), "h1", "endnotes", width_, 1);
      const TextStyle& st = s_.style("body");
      for (const auto& n : doc_.notes) {
        if (!n.backrefs.empty()) continue;
        const int note = bl.tag("Note");
        if (note >= 0) (*ctx_.tags)[note].id = "fn-" + std::to_string(n.number);
        BlockLayout::Inside in_note(bl, note);
        const int number = bl.tag("Lbl");
        Flow item;
        bl.hold_single_paragraph(note, n.text);
        bl.blocks(item, n.text, s_.footnote_indent + 6, width_ - s_.footnote_indent - 6, "body");
        for (auto& it : item) {
          if (auto* fl = std::get_if<FlowLine>(&it)) {
            draw_text_first(fl->ops, std::to_string(n.number) + ".", 0, baseline_offset(st, ctx_), st, ctx_, number);
            fl->ops.anchors.push_back(AnchorOp{"fn-" + std::to_string(n.number), 0});
            break;
          }
        }
        for (auto& it : item) flow.push_back(std::move(it));
      }
    }
    if (doc_.revisions) {
      BlockLayout::Inside in(bl, bl.tag("Sect"));
      bl.plain_heading(flow, label(labels_, "pdf.revisions"), "h1", "revisions", width_, 1);
      model::Blocks b;
      model::Table t = *doc_.revisions;
      t.caption.clear();  // the heading says it
      b.push_back(model::Block{std::move(t), {}});
      bl.blocks(flow, b, 0, width_, "body");
    }
    if (!doc_.signatures.empty()) {
      flow.push_back(FlowPageBreak{});
      BlockLayout::Inside in(bl, bl.tag("Sect"));
      bl.plain_heading(flow, label(labels_, "pdf.signatures"), "h1", "signatures", width_, 1);
      bl.blocks(flow, doc_.signatures, 0, width_, "body");
    }
  }

  // Running header (short title) and footer (date, diarienummer, "Sida 3 (27)") on every
  // page but the title page.
  void furniture(Layout& layout) {
    const TextStyle& rs = s_.style("running");
    const float left = s_.margin_left, right = s_.page_width - s_.margin_right;
    const int total = static_cast<int>(layout.pages.size());
    text::Value footer_ctx;
    footer_ctx.set("date", doc_.date);
    footer_ctx.set("diarienummer", doc_.diarienummer);
    const std::string footer_left = label(labels_, "pdf.footer", footer_ctx);
    for (int i = 0; i < total; ++i) {
      Page& page = layout.pages[static_cast<std::size_t>(i)];
      if (page.title_page) continue;
      const float header_base = s_.margin_top - s_.header_gap;
      auto header = layout_text(doc_.short_title, rs, width_ * 0.75f, ctx_);
      if (!header.empty()) page.ops.append(header.front().ops, left, header_base - baseline_offset(rs, ctx_));
      page.ops.rules.push_back(RuleOp{left, header_base + 4, right, header_base + 4, s_.furniture_rule_width, s_.furniture_rule});
      const float footer_base = s_.page_height - s_.margin_bottom + s_.footer_gap;
      page.ops.rules.push_back(RuleOp{left, footer_base - rs.size - 4, right, footer_base - rs.size - 4,
                                      s_.furniture_rule_width, s_.furniture_rule});
      text::Value pc;
      pc.set("page", i + 1);
      pc.set("pages", total);
      const std::string page_text = label(labels_, "pdf.page", pc);
      draw_text(page.ops, page_text, right - text_width(page_text, rs, ctx_), footer_base, rs, ctx_,
                StructTree::kArtifact);
      if (!footer_left.empty()) draw_text(page.ops, footer_left, left, footer_base, rs, ctx_, StructTree::kArtifact);
    }
  }

  const compose::Doc& doc_;
  LayoutContext& ctx_;
  const text::Catalog& labels_;
  const PdfStyle& s_;
  float width_;
  std::map<int, FootnoteBox> notes_;
};

}  // namespace

Layout layout_document(const compose::Doc& doc, LayoutContext& ctx, const text::Catalog& labels) {
  StructTree tags;
  StructTree* const outer = ctx.tags;
  ctx.tags = &tags;
  Layout layout = DocumentLayouter(doc, ctx, labels).run();
  ctx.tags = outer;
  layout.tags = std::move(tags);
  return layout;
}

}  // namespace okgen::render::pdf
