// The redline as a Doc (see redline_doc.h). Words from templates/labels [diff-report].
#include "diff/redline_doc.h"

#include <algorithm>

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

// A change as the writers draw it (underlined or struck through), with the words a
// screen reader says before it.
Inline edit(const Resources& res, bool inserted, const std::string& words) {
  model::Edit e;
  e.kind = inserted ? model::Edit::Kind::inserted : model::Edit::Kind::deleted;
  e.spoken = label(res, inserted ? "sr.inserted" : "sr.deleted");
  e.children.push_back(text(words));
  return Inline{std::move(e), {}};
}

Inlines marked(const WordDiff& w, const Resources& res) {
  Inlines out;
  for (const auto& p : w) {
    if (p.op == Op::same) {
      out.push_back(text(p.text));
    } else {
      out.push_back(edit(res, p.op == Op::ins, p.text));
    }
  }
  return out;
}

// The legend, whose example words are marked in the label as {+inserted+} and [-deleted-].
Inlines legend(const Resources& res) {
  const std::string s = label(res, "pdf.legend");
  Inlines out;
  std::size_t at = 0;
  while (at < s.size()) {
    const std::size_t ins = s.find("{+", at), del = s.find("[-", at);
    const std::size_t open = std::min(ins, del);
    const bool inserted = open == ins;
    const std::size_t close = open == std::string::npos ? open : s.find(inserted ? "+}" : "-]", open + 2);
    if (close == std::string::npos) {
      out.push_back(text(s.substr(at)));
      break;
    }
    if (open > at) out.push_back(text(s.substr(at, open - at)));
    out.push_back(edit(res, inserted, s.substr(open + 2, close - open - 2)));
    at = close + 2;
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

compose::DocSection redline_summary(const AgreementDiff& d, const Resources& res, Blocks legend) {
  text::Value ctx;
  ctx.set("total", d.total_changes());
  ctx.set("one_total", d.total_changes() == 1);
  compose::DocSection summary;
  summary.id = "sammanfattning";
  summary.heading = label(res, "pdf.summary");
  summary.blocks = paragraph({text(label(res, d.identical() ? "pdf.identical" : "pdf.total", ctx))});
  std::vector<std::string> areas;
  for (const auto& area : res.data.areas) {
    if (auto it = d.per_area.find(area.id); it != d.per_area.end()) areas.push_back(area.name_sv + ": " + std::to_string(it->second));
  }
  if (auto it = d.per_area.find(""); it != d.per_area.end()) areas.push_back(label(res, "area.other") + ": " + std::to_string(it->second));
  for (auto& b : bullet_list(areas)) summary.blocks.push_back(std::move(b));
  for (auto& b : legend) summary.blocks.push_back(std::move(b));
  for (auto& b : bullet_list(d.meta)) summary.blocks.push_back(std::move(b));
  return summary;
}

compose::Doc redline_doc(const AgreementDiff& d, const Resources& res) {
  compose::Doc doc;
  doc.id = "andringsbilaga";
  doc.lang = "sv";
  doc.kind = "redline";
  doc.kind_label = label(res, "pdf.kind");
  doc.title = d.new_title;
  doc.region = d.new_region;
  doc.short_title = label(res, "pdf.header", text::Value{}.set("short_title", d.new_short_title));
  text::Value ctx;
  ctx.set("old_version", d.old_version);
  ctx.set("new_version", d.new_version);
  ctx.set("old_source", d.old_source);
  ctx.set("new_source", d.new_source);
  ctx.set("old_date", d.old_date);
  ctx.set("new_date", d.new_date);
  doc.subtitle = label(res, "pdf.subtitle", ctx);
  doc.version = d.new_version;

  doc.sections.push_back(redline_summary(d, res, d.identical() ? Blocks{} : paragraph(legend(res))));

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
      if (p.change != Change::unchanged) out.blocks.push_back(paragraph(marked(p.words, res))[0]);
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
        for (const auto& c : r.cells) row.cells.push_back(model::TableCell{paragraph(marked(c, res)), false});
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
