// The redline as a Doc (see redline_doc.h). Words from templates/labels [diff-report].
#include "diff/redline_doc.h"

#include "text/template_engine.h"

namespace okgen::diff {

using model::Block;
using model::Blocks;
using model::Inline;
using model::Inlines;

namespace {

std::string label(const Resources& res, const std::string& key, const text::Value& ctx = {}) {
  return text::render(res.labels.get("diff-report", key), ctx, text::Escape::none);
}

Inline text(const std::string& t) { return Inline{model::Text{t}, {}}; }

Blocks paragraph(Inlines in) {
  Blocks b;
  b.push_back(Block{model::Paragraph{std::move(in)}, {}});
  return b;
}

Inlines marked(const WordDiff& w) {
  Inlines out;
  for (const auto& p : w) {
    if (p.op == Op::same) {
      out.push_back(text(p.text));
    } else if (p.op == Op::ins) {
      out.push_back(Inline{model::Strong{{text("{+" + p.text + "+}")}}, {}});
    } else {
      out.push_back(Inline{model::Emph{{text("[-" + p.text + "-]")}}, {}});
    }
  }
  return out;
}

Blocks bullet_list(const std::vector<std::string>& items) {
  model::List l;
  for (const auto& s : items) l.items.push_back(paragraph({text(s)}));
  Blocks b;
  if (!l.items.empty()) b.push_back(Block{std::move(l), {}});
  return b;
}

}  // namespace

compose::Doc redline_doc(const AgreementDiff& d, const Resources& res) {
  compose::Doc doc;
  doc.id = "andringsbilaga";
  doc.lang = "sv";
  doc.kind = "redline";
  doc.kind_label = label(res, "pdf.kind");
  doc.title = d.new_title;
  doc.short_title = label(res, "pdf.kind");
  text::Value ctx;
  ctx.set("old_version", d.old_version);
  ctx.set("new_version", d.new_version);
  ctx.set("old_source", d.old_source);
  ctx.set("new_source", d.new_source);
  doc.subtitle = label(res, "pdf.subtitle", ctx);
  doc.version = d.new_version;

  compose::DocSection summary;
  summary.id = "sammanfattning";
  summary.number = "";
  summary.heading = label(res, "pdf.summary");
  ctx.set("total", d.total_changes());
  ctx.set("one_total", d.total_changes() == 1);
  summary.blocks = paragraph({text(label(res, d.identical() ? "pdf.identical" : "pdf.total", ctx))});
  std::vector<std::string> areas;
  for (const auto& area : res.data.areas) {
    if (auto it = d.per_area.find(area.id); it != d.per_area.end()) areas.push_back(area.name_sv + ": " + std::to_string(it->second));
  }
  if (auto it = d.per_area.find(""); it != d.per_area.end()) areas.push_back(label(res, "area.other") + ": " + std::to_string(it->second));
  for (auto& b : bullet_list(areas)) summary.blocks.push_back(std::move(b));
  if (!d.identical()) summary.blocks.push_back(paragraph({text(label(res, "pdf.legend"))})[0]);
  for (auto& b : bullet_list(d.meta)) summary.blocks.push_back(std::move(b));
  doc.sections.push_back(std::move(summary));

  for (const auto& s : d.sections) {
    if (s.change == Change::unchanged && !s.moved && !s.renamed) continue;
    compose::DocSection out;
    out.id = "d-" + (s.id.empty() ? s.old_id : s.id);
    out.number = s.change == Change::removed ? s.old_number : s.number;
    out.heading = s.heading;
    out.depth = 1;
    std::vector<std::string> notes = s.statements;
    if (s.change == Change::added) notes.insert(notes.begin(), label(res, "mark.added"));
    if (s.change == Change::removed) notes.insert(notes.begin(), label(res, "mark.removed"));
    if (s.moved) notes.insert(notes.begin(), label(res, "mark.moved", text::Value{}.set("old_number", s.old_number)));
    if (s.renamed) notes.insert(notes.begin(), label(res, "mark.renamed", text::Value{}.set("old_heading", s.old_heading)));
    out.blocks = bullet_list(notes);
    for (const auto& p : s.paragraphs) {
      if (p.change != Change::unchanged) out.blocks.push_back(paragraph(marked(p.words))[0]);
    }
    for (const auto& t : s.tables) {
      model::Table table;
      table.role = "responsibilities";
      table.caption = {text(t.caption.empty() ? label(res, "table.caption") : t.caption)};
      table.widths = {16, 28, 28, 28};
      model::TableRow head;
      for (const auto& h : t.header) head.cells.push_back(model::TableCell{paragraph({text(h)}), true});
      table.head.push_back(std::move(head));
      for (const auto& r : t.rows) {
        if (r.change == Change::unchanged) continue;
        model::TableRow row;
        std::string topic = r.topic + " (" + label(res, std::string("row.") + to_string(r.change)) + ")";
        row.cells.push_back(model::TableCell{paragraph({text(topic)}), true});
        for (const auto& c : r.cells) row.cells.push_back(model::TableCell{paragraph(marked(c)), false});
        table.body.push_back(std::move(row));
      }
      if (!table.body.empty()) out.blocks.push_back(Block{std::move(table), {}});
    }
    doc.sections.push_back(std::move(out));
  }
  if (!d.back_matter.empty()) {
    compose::DocSection back;
    back.id = "referenser";
    back.heading = label(res, "back-matter");
    back.blocks = bullet_list(d.back_matter);
    doc.sections.push_back(std::move(back));
  }
  return doc;
}

}  // namespace okgen::diff
