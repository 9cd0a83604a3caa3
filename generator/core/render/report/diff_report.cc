// Redline reports (see diff_report.h). Words come from templates/labels ([diff-report]).
#include "render/report/diff_report.h"

#include <nlohmann/json.hpp>

#include <sstream>

#include "okgen_version.h"
#include "render/html/html_writer.h"
#include "text/template_engine.h"

namespace okgen::render::report {

using diff::Change;
using diff::Op;
using text::Value;

namespace {

std::string label(const Resources& res, const std::string& key, const Value& ctx = {}) {
  return text::render(res.labels.get("diff-report", key), ctx, text::Escape::none);
}

std::string area_name(const Resources& res, const std::string& id) {
  if (id.empty()) return label(res, "area.other");
  const data::Area* a = res.data.find_area(id);
  return a ? a->name_sv : id;
}

// "ny", "borttagen", "flyttad från 3.2", "ny rubrik (tidigare: X)" for a section.
std::vector<std::string> section_marks(const diff::SectionDiff& s, const Resources& res) {
  std::vector<std::string> marks;
  if (s.change == Change::added) marks.push_back(label(res, "mark.added"));
  if (s.change == Change::removed) marks.push_back(label(res, "mark.removed"));
  if (s.moved) marks.push_back(label(res, "mark.moved", Value{}.set("old_number", s.old_number)));
  if (s.renamed) marks.push_back(label(res, "mark.renamed", Value{}.set("old_heading", s.old_heading)));
  return marks;
}

Value summary(const diff::AgreementDiff& d, const Resources& res) {
  Value ctx;
  ctx.set("old_source", d.old_source);
  ctx.set("new_source", d.new_source);
  ctx.set("old_version", d.old_version);
  ctx.set("old_date", d.old_date.empty() ? text::Value{false} : text::Value{d.old_date});
  ctx.set("new_date", d.new_date.empty() ? text::Value{false} : text::Value{d.new_date});
  ctx.set("new_version", d.new_version);
  ctx.set("title", d.new_title);
  ctx.set("total", d.total_changes());
  ctx.set("identical", d.identical());
  int added = 0, removed = 0, changed = 0, moved = 0;
  for (const auto& s : d.sections) {
    added += s.change == Change::added;
    removed += s.change == Change::removed;
    changed += s.change == Change::changed && !s.moved && !s.renamed;
    moved += s.moved;
  }
  ctx.set("added", added);
  ctx.set("removed", removed);
  ctx.set("changed", changed);
  // Swedish agrees in number: "1 ändring", "1 ändrat avsnitt", "1 nytt", ...
  ctx.set("one_total", d.total_changes() == 1);
  ctx.set("one_added", added == 1);
  ctx.set("one_removed", removed == 1);
  ctx.set("one_changed", changed == 1);
  ctx.set("one_moved", moved == 1);
  ctx.set("moved", moved);
  Value::List areas;
  for (const auto& area : res.data.areas) {
    auto it = d.per_area.find(area.id);
    if (it != d.per_area.end()) areas.push_back(Value{}.set("area", area.name_sv).set("count", it->second));
  }
  if (auto it = d.per_area.find(""); it != d.per_area.end()) {
    areas.push_back(Value{}.set("area", area_name(res, "")).set("count", it->second));
  }
  ctx.set("has_areas", !areas.empty());
  ctx.set("areas", std::move(areas));
  return ctx;
}

}  // namespace

std::string word_diff_html(const diff::WordDiff& w, const text::Catalog& labels) {
  std::string out;
  for (const auto& p : w) {
    std::string t = text::escape_html(p.text);
    // Line breaks inside table cells separate items.
    std::string br;
    for (char c : t) br += c == '\n' ? std::string("<br>") : std::string(1, c);
    if (p.op == Op::same) out += br;
    if (p.op == Op::del) out += "<del><span class=\"vh\">" + text::escape_html(labels.get("diff-report", "sr.deleted")) + " </span>" + br + "</del>";
    if (p.op == Op::ins) out += "<ins><span class=\"vh\">" + text::escape_html(labels.get("diff-report", "sr.inserted")) + " </span>" + br + "</ins>";
  }
  return out;
}

std::string diff_text(const diff::AgreementDiff& d, const Resources& res) {
  std::ostringstream out;
  out << label(res, "text.header", summary(d, res)) << "\n";
  if (d.identical()) return out.str();
  for (const auto& m : d.meta) out << "  " << m << "\n";
  for (const auto& s : d.sections) {
    if (s.change == Change::unchanged && !s.moved && !s.renamed) continue;
    const std::string& number = s.change == Change::removed ? s.old_number : s.number;
    out << "\n" << (number.empty() ? "" : number + " ") << s.heading;
    const auto marks = section_marks(s, res);
    for (const auto& m : marks) out << " [" << m << "]";
    out << "\n";
    for (const auto& st : s.statements) out << "  * " << st << "\n";
    for (const auto& p : s.paragraphs) {
      if (p.change == Change::unchanged) continue;
      out << "  " << (p.change == Change::added ? "+ " : p.change == Change::removed ? "- " : "~ ") << diff::marked_text(p.words) << "\n";
    }
  }
  if (!d.back_matter.empty()) {
    out << "\n" << label(res, "back-matter") << "\n";
    for (const auto& b : d.back_matter) out << "  * " << b << "\n";
  }
  return out.str();
}

std::string diff_json(const diff::AgreementDiff& d, const Resources& res) {
  using nlohmann::ordered_json;
  auto words = [](const diff::WordDiff& w) {
    ordered_json a = ordered_json::array();
    for (const auto& p : w) a.push_back({{"op", p.op == Op::same ? "same" : p.op == Op::del ? "deleted" : "inserted"}, {"text", p.text}});
    return a;
  };
  ordered_json j;
  j["okgen"] = OKGEN_VERSION;
  j["old"] = {{"source", d.old_source}, {"title", d.old_title}, {"version", d.old_version}, {"date", d.old_date}};
  j["new"] = {{"source", d.new_source}, {"title", d.new_title}, {"version", d.new_version}, {"date", d.new_date}};
  j["identical"] = d.identical();
  j["total_changes"] = d.total_changes();
  ordered_json areas = ordered_json::array();
  for (const auto& [area, n] : d.per_area) areas.push_back({{"area", area.empty() ? ordered_json(nullptr) : ordered_json(area)}, {"name", area_name(res, area)}, {"changes", n}});
  j["changes_per_area"] = areas;
  j["meta"] = d.meta;
  ordered_json sections = ordered_json::array();
  for (const auto& s : d.sections) {
    ordered_json x;
    x["change"] = diff::to_string(s.change);
    x["moved"] = s.moved;
    x["renamed"] = s.renamed;
    x["id"] = s.id;
    x["old_id"] = s.old_id;
    x["number"] = s.number;
    x["old_number"] = s.old_number;
    x["heading"] = s.heading;
    x["old_heading"] = s.old_heading;
    x["areas"] = s.areas;
    x["statements"] = s.statements;
    ordered_json paras = ordered_json::array();
    for (const auto& p : s.paragraphs) paras.push_back({{"change", diff::to_string(p.change)}, {"words", words(p.words)}});
    x["paragraphs"] = paras;
    ordered_json tables = ordered_json::array();
    for (const auto& t : s.tables) {
      ordered_json rows = ordered_json::array();
      for (const auto& r : t.rows) {
        ordered_json cells = ordered_json::array();
        for (const auto& c : r.cells) cells.push_back(words(c));
        rows.push_back({{"change", diff::to_string(r.change)}, {"topic", r.topic}, {"cells", cells}});
      }
      tables.push_back({{"caption", t.caption}, {"header", t.header}, {"rows", rows}});
    }
    x["tables"] = tables;
    sections.push_back(x);
  }
  j["sections"] = sections;
  j["back_matter"] = d.back_matter;
  return j.dump(2) + "\n";
}

std::string diff_html(const diff::AgreementDiff& d, const Resources& res) {
  Value ctx = summary(d, res);
  ctx.set("meta", [&] {
    Value::List l;
    for (const auto& m : d.meta) l.push_back(Value{}.set("text", m));
    return l;
  }());
  ctx.set("has_meta", !d.meta.empty());
  Value::List sections;
  for (const auto& s : d.sections) {
    if (s.change == Change::unchanged && !s.moved && !s.renamed) continue;
    Value v;
    v.set("anchor", "d-" + (s.id.empty() ? s.old_id : s.id));
    v.set("number", s.change == Change::removed ? s.old_number : s.number);
    v.set("heading", s.heading);
    v.set("level", std::to_string(std::min(6, s.depth + 2)));
    v.set("change", diff::to_string(s.change));
    Value::List marks;
    for (const auto& m : section_marks(s, res)) marks.push_back(Value{}.set("text", m));
    v.set("marks", std::move(marks));
    Value::List statements;
    for (const auto& st : s.statements) statements.push_back(Value{}.set("text", st));
    v.set("has_statements", !statements.empty());
    v.set("statements", std::move(statements));
    Value::List paras;
    for (const auto& p : s.paragraphs) {
      if (p.change == Change::unchanged) continue;
      paras.push_back(Value{}.set("change", diff::to_string(p.change)).set("html", word_diff_html(p.words, res.labels)));
    }
    v.set("has_paragraphs", !paras.empty());
    v.set("paragraphs", std::move(paras));
    Value::List tables;
    for (const auto& t : s.tables) {
      bool any = false;
      Value::List rows;
      for (const auto& r : t.rows) {
        any = any || r.change != Change::unchanged;
        Value::List cells;
        for (const auto& c : r.cells) cells.push_back(Value{}.set("html", word_diff_html(c, res.labels)));
        rows.push_back(Value{}.set("topic", r.topic).set("change", diff::to_string(r.change)).set("cells", std::move(cells))
                           .set("mark", r.change == Change::unchanged ? Value{false} : Value{label(res, std::string("row.") + diff::to_string(r.change))}));
      }
      if (!any) continue;
      Value::List header;
      for (const auto& h : t.header) header.push_back(Value{}.set("text", h));
      tables.push_back(Value{}.set("caption", t.caption.empty() ? label(res, "table.caption") : t.caption)
                           .set("header", std::move(header)).set("rows", std::move(rows)));
    }
    v.set("tables", std::move(tables));
    sections.push_back(std::move(v));
  }
  ctx.set("sections", std::move(sections));
  Value::List back;
  for (const auto& b : d.back_matter) back.push_back(Value{}.set("text", b));
  ctx.set("has_back_matter", !back.empty());
  ctx.set("back_matter", std::move(back));
  ctx.set("css", html::stylesheet(res));
  ctx.set("generator", std::string("okgen ") + OKGEN_VERSION);
  return res.templates.render("html/diff.html", ctx, text::Escape::html);
}

}  // namespace okgen::render::report
