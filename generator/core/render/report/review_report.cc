// Review reports (see review_report.h).
#include "render/report/review_report.h"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include <sstream>

#include "diag/rules.h"
#include "diag/source_map.h"
#include "okgen_version.h"
#include "render/report/summary.h"
#include "text/template_engine.h"
#include "util/fs.h"
#include "util/text.h"

namespace okgen::render::report {
namespace {

std::string msg(const Resources& res, const std::string& key, const text::Value& ctx = {}) {
  return text::render(res.messages.get("report", key), ctx, text::Escape::none);
}

// An area's name in the report's language.
std::string area_name(const data::Area& area, const Resources& res) { return res.lang == "en" ? area.name_en : area.name_sv; }

using diag::pad_to_width;

const char* symbol(review::Coverage c) {
  switch (c) {
    case review::Coverage::covered: return "\xE2\x9C\x93";  // ✓
    case review::Coverage::partial: return "\xE2\x97\x90";  // ◐
    case review::Coverage::missing: return "\xE2\x9C\x97";  // ✗
  }
  return "?";
}

std::string validity_line(const AgreementResult& a, const Resources& res) {
  if (!a.report || !a.report->validity) return msg(res, "validity.none");
  std::string s = validity_words(a, res.messages);
  const auto& v = *a.report->validity;
  text::Value ctx;
  if (v.notice_deadline) {
    ctx.set("date", v.notice_deadline->iso());
    s += "; " + msg(res, "validity.notice", ctx);
  }
  if (v.next_review) {
    ctx.set("date", v.next_review->iso());
    s += "; " + msg(res, "validity.review", ctx);
  }
  return s;
}

std::string at(const diag::SourceSpan& s) { return s.file + ":" + std::to_string(s.line); }

const char* origin_key(model::Origin o) {
  switch (o) {
    case model::Origin::own: return "origin.own";
    case model::Origin::regional: return "origin.regional";
    case model::Origin::regional_extended: return "origin.extended";
    case model::Origin::local_replaced: return "origin.replaced";
    case model::Origin::local_filled: return "origin.filled";
  }
  return "origin.own";
}

// "klar; bygger på gällande regional version 2021" and the like, from [report] local.*.
std::string local_line(const AgreementResult& a, const Resources& res) {
  const local::LocalStatus& st = *a.local;
  text::Value ctx;
  ctx.set("prompts", static_cast<int>(st.prompt_count()));
  const std::size_t missing = st.missing_template.size() + st.empty_slots.size();
  ctx.set("missing", missing ? text::Value{static_cast<int>(missing)} : text::Value{false});
  ctx.set("cited", st.cited_version);
  ctx.set("current", st.current_version);
  ctx.set("changed", static_cast<int>(st.changed.size()));
  ctx.set("parent", a.parent_source);
  std::string s = msg(res, st.draft ? "local.draft" : "local.complete", ctx);
  s += "; " + msg(res, st.parent_current() ? "local.current" : "local.outdated", ctx);
  if (!st.changed.empty()) s += "; " + msg(res, "local.changed", ctx);
  return s;
}

// Each section of a local agreement with the file and line of its text.
void provenance_text(const AgreementResult& a, const Resources& res, std::ostringstream& out) {
  std::size_t w_num = 0, w_heading = 0, w_origin = 0;
  for (const auto& p : a.provenance) {
    w_num = std::max(w_num, diag::utf8_length(p.number));
    w_heading = std::max(w_heading, std::min<std::size_t>(48, diag::utf8_length(p.heading)));
    w_origin = std::max(w_origin, diag::utf8_length(msg(res, origin_key(p.origin))));
  }
  for (const auto& p : a.provenance) {
    std::string where = at(p.source);
    if (!p.local.file.empty()) where += ", " + at(p.local);
    out << "    " << pad_to_width(p.number, w_num) << "  " << pad_to_width(util::shorten(p.heading, 48), w_heading) << "  "
        << pad_to_width(msg(res, origin_key(p.origin)), w_origin) << "  " << where << "\n";
  }
}

// Text agreements: each area's facets, found with the line and the sentence that states
// them, or missing, so a reviewer can check a verdict in seconds.
void facets_text(const AgreementResult& a, const Resources& res, std::ostringstream& out, bool named) {
  bool any = false;
  for (const auto& c : a.report->coverage) any = any || !c.facets.empty();
  if (!any) return;
  out << "\n" << msg(res, "coverage.facets-title") << (named ? ": " + a.display_source : std::string()) << "\n";
  const bool english = res.lang == "en";
  for (const auto& c : a.report->coverage) {
    const data::Area* area = res.data.find_area(c.area);
    out << "  " << (area ? area_name(*area, res) : c.area) << ": "
        << msg(res, std::string("coverage.") + review::to_string(c.status)) << "\n";
    for (const auto& f : c.facets) {
      const std::string label = english ? f.label_en : f.label_sv;
      if (f.found) {
        out << "    + " << label << " (" << msg(res, "coverage.line") << " " << f.where.line << "): \xE2\x80\x9C" << f.quote
            << "\xE2\x80\x9D\n";
      } else {
        out << "    " << (f.required ? "- " : "  ") << label << ": "
            << msg(res, f.required ? "coverage.facet-missing" : "coverage.facet-missing-optional") << "\n";
      }
    }
  }
}

}  // namespace

std::string review_text(const PipelineResult& result, const Resources& res, const std::string& as_of) {
  std::vector<const AgreementResult*> checked;
  for (const auto& a : result.agreements) {
    if (a.report) checked.push_back(&a);
  }
  if (checked.empty()) return {};
  std::ostringstream out;
  const auto& areas = res.data.areas;
  std::size_t w_area = diag::utf8_length(msg(res, "coverage.area"));
  for (const auto& area : areas) w_area = std::max(w_area, diag::utf8_length(area_name(area, res)));
  out << msg(res, "coverage.title") << "\n";
  if (checked.size() == 1) {
    const auto& a = *checked.front();
    out << pad_to_width(msg(res, "coverage.area"), w_area) << "  " << pad_to_width(msg(res, "coverage.level"), 8) << "  "
        << pad_to_width(msg(res, "coverage.status"), 7) << "  " << msg(res, "coverage.where") << "\n";
    for (const auto& c : a.report->coverage) {
      const data::Area* area = res.data.find_area(c.area);
      std::string where = c.where.line ? c.where.file + ":" + std::to_string(c.where.line) + " " + c.where_text : "–";
      out << pad_to_width(area ? area_name(*area, res) : c.area, w_area) << "  " << pad_to_width(msg(res, "coverage." + (area ? area->level : "")), 8)
          << "  " << pad_to_width(msg(res, std::string("coverage.") + review::to_string(c.status)), 7) << "  " << where << "\n";
    }
  } else {
    // Matrix: areas down, agreements across (numbered; the legend names them).
    out << pad_to_width("", w_area) << " ";
    for (std::size_t i = 0; i < checked.size(); ++i) out << " " << pad_to_width(std::to_string(i + 1), 3);
    out << "\n";
    for (std::size_t k = 0; k < areas.size(); ++k) {
      out << pad_to_width(area_name(areas[k], res), w_area) << " ";
      for (const auto* a : checked) {
        const auto& cov = a->report->coverage;
        out << " " << pad_to_width(k < cov.size() ? symbol(cov[k].status) : "?", 3);
      }
      out << "\n";
    }
    out << msg(res, "coverage.legend") << "\n";
    for (std::size_t i = 0; i < checked.size(); ++i) out << "  " << i + 1 << "  " << checked[i]->display_source << "\n";
  }
  for (const auto* a : checked) facets_text(*a, res, out, checked.size() > 1);
  text::Value ctx;
  ctx.set("as_of", as_of);
  out << "\n" << msg(res, "validity.title", ctx) << "\n";
  for (const auto* a : checked) out << "  " << a->display_source << ": " << validity_line(*a, res) << "\n";
  bool any_local = false;
  for (const auto* a : checked) {
    if (!a->local) continue;
    if (!any_local) out << "\n" << msg(res, "local.title") << "\n";
    any_local = true;
    out << "  " << a->display_source << ": " << local_line(*a, res) << "\n";
    for (const auto& c : a->local->changed) {
      text::Value cc;
      cc.set("number", c.number);
      cc.set("heading", c.heading);
      cc.set("where", at(c.local_text));
      cc.set("regional", at(c.regional_text));
      out << "    " << msg(res, "local.changed-section", cc) << "\n";
    }
    provenance_text(*a, res, out);
  }
  return out.str();
}

std::string review_json(const PipelineResult& result, const diag::DiagnosticSink& sink, const Resources& res,
                        const std::string& as_of, const std::string& lang) {
  using nlohmann::ordered_json;
  ordered_json j;
  j["okgen"] = OKGEN_VERSION;
  j["as_of"] = as_of;
  j["lang"] = lang;
  ordered_json list = ordered_json::array();
  for (const auto& a : result.agreements) {
    ordered_json x;
    x["source"] = a.display_source;
    x["id"] = a.id;
    x["title"] = a.title;
    x["kind"] = a.kind;
    x["region"] = a.region;
    x["version"] = a.version;
    x["diarienummer"] = a.diarienummer;
    x["errors"] = a.errors;
    x["warnings"] = a.warnings;
    ordered_json v = nullptr;
    if (a.report && a.report->validity) {
      const auto& s = *a.report->validity;
      v = ordered_json::object();
      v["state"] = model::to_string(s.state);
      v["label"] = validity_words(a, res.messages);  // in the report's language
      auto date = [](const std::optional<util::Date>& d) { return d ? ordered_json(d->iso()) : ordered_json(nullptr); };
      v["start"] = date(s.start);
      v["end"] = date(s.original_end);
      v["current_end"] = date(s.current_end);
      v["notice_deadline"] = date(s.notice_deadline);
      v["next_review"] = date(s.next_review);
    }
    x["validity"] = v;
    ordered_json cov = ordered_json::array();
    if (a.report) {
      for (const auto& c : a.report->coverage) {
        const data::Area* area = res.data.find_area(c.area);
        ordered_json e;
        e["area"] = c.area;
        e["name"] = area ? area_name(*area, res) : c.area;
        e["level"] = area ? area->level : "";
        e["status"] = review::to_string(c.status);
        e["where"] = c.where.line ? ordered_json{{"file", c.where.file}, {"line", c.where.line}, {"heading", c.where_text}}
                                  : ordered_json(nullptr);
        if (c.toc_only) e["toc_only"] = true;
        if (!c.facets.empty()) {
          ordered_json facets = ordered_json::array();
          for (const auto& f : c.facets) {
            ordered_json fj;
            fj["facet"] = f.id;
            fj["label"] = lang == "en" ? f.label_en : f.label_sv;
            fj["required"] = f.required;
            fj["found"] = f.found;
            fj["evidence"] = f.found ? ordered_json{{"line", f.where.line}, {"column", f.where.column}, {"quote", f.quote}}
                                     : ordered_json(nullptr);
            facets.push_back(fj);
          }
          e["facets"] = facets;
        }
        cov.push_back(e);
      }
    }
    x["coverage"] = cov;
    if (a.local) {
      const local::LocalStatus& st = *a.local;
      ordered_json l;
      l["municipality"] = a.municipality;
      l["kommunkod"] = a.municipality_code;
      l["parent"] = a.parent_source;
      l["state"] = st.draft ? "draft" : "complete";
      l["prompts_left"] = st.prompt_count();
      l["parent_version"] = st.cited_version;
      l["current_parent_version"] = st.current_version;
      l["needs_review"] = st.needs_review();
      ordered_json changed = ordered_json::array();
      for (const auto& c : st.changed) {
        changed.push_back({{"section", c.id}, {"number", c.number}, {"heading", c.heading}, {"based_on", c.based_on},
                           {"current", c.current}, {"local_text", at(c.local_text)}, {"regional_text", at(c.regional_text)}});
      }
      l["changed_sections"] = changed;
      ordered_json missing = ordered_json::array();
      for (const auto& [key, heading] : st.missing_template) missing.push_back({{"template", key}, {"heading", heading}});
      l["missing_template_sections"] = missing;
      ordered_json sections = ordered_json::array();
      for (const auto& p : a.provenance) {
        ordered_json sec{{"number", p.number}, {"id", p.id}, {"heading", p.heading},
                         {"origin", model::to_string(p.origin)}, {"source", at(p.source)}};
        sec["local_text"] = p.local.file.empty() ? ordered_json(nullptr) : ordered_json(at(p.local));
        sections.push_back(sec);
      }
      l["sections"] = sections;
      x["local"] = l;
    } else {
      x["local"] = nullptr;
    }
    list.push_back(x);
  }
  j["agreements"] = list;
  ordered_json findings = ordered_json::array();
  for (const auto& d : sink.all()) {
    ordered_json f;
    f["rule"] = d.rule;
    f["severity"] = diag::severity_keyword(d.severity);
    f["file"] = d.span.file;
    f["line"] = d.span.line;
    f["column"] = d.span.column;
    f["message"] = text::format_diagnostic(res.messages, d);
    f["reason"] = text::format_diagnostic(res.messages, d, "reason");
    f["fix"] = text::format_diagnostic(res.messages, d, "fix");
    findings.push_back(f);
  }
  j["findings"] = findings;
  j["summary"] = {{"agreements", result.agreements.size()},
                  {"errors", sink.count(diag::Severity::error)},
                  {"warnings", sink.count(diag::Severity::warning)},
                  {"infos", sink.count(diag::Severity::info)}};
  return j.dump(2) + "\n";
}

std::string review_sarif(const PipelineResult& result, const diag::DiagnosticSink& sink, const Resources& res) {
  (void)result;
  using nlohmann::ordered_json;
  auto level = [](diag::Severity s) {
    return s == diag::Severity::error ? "error" : s == diag::Severity::warning ? "warning" : "note";
  };
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> index;
  for (const auto& r : diag::all_rules()) {
    if (r.severity == diag::Severity::note) continue;
    index[r.id] = static_cast<int>(rules.size());
    diag::Diagnostic probe;
    probe.rule = r.id;
    rules.push_back({{"id", r.id},
                     {"shortDescription", {{"text", res.messages.get(r.id, "summary")}}},
                     {"fullDescription", {{"text", text::format_diagnostic(res.messages, probe, "reason")}}},
                     {"help", {{"text", text::format_diagnostic(res.messages, probe, "fix")}}},
                     {"defaultConfiguration", {{"level", level(r.severity)}}}});
  }
  ordered_json results = ordered_json::array();
  for (const auto& d : sink.all()) {
    ordered_json r;
    r["ruleId"] = d.rule;
    if (index.count(d.rule)) r["ruleIndex"] = index[d.rule];
    r["level"] = level(d.severity);
    r["message"] = {{"text", text::format_diagnostic(res.messages, d)}};
    ordered_json region = ordered_json::object();
    if (d.span.line > 0) region["startLine"] = d.span.line;
    if (d.span.column > 0) region["startColumn"] = d.span.column;
    ordered_json physical = {{"artifactLocation", {{"uri", d.span.file}}}};
    if (!region.empty()) physical["region"] = region;
    r["locations"] = ordered_json::array({{{"physicalLocation", physical}}});
    results.push_back(r);
  }
  ordered_json sarif = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", ordered_json::array({{{"tool",
                                      {{"driver",
                                        {{"name", "okgen"},
                                         {"version", OKGEN_VERSION},
                                         {"informationUri", "https://example.org/okgen"},
                                         {"rules", rules}}}}},
                                     {"results", results}}})}};
  return sarif.dump(2) + "\n";
}

std::string review_html(const PipelineResult& result, const diag::DiagnosticSink& sink, const Resources& res,
                        const std::string& as_of) {
  text::Value ctx;
  ctx.set("as_of", as_of);
  ctx.set("generator", std::string("okgen ") + OKGEN_VERSION);
  text::Value::List areas;
  int n = 0;
  for (const auto& a : res.data.areas) {
    text::Value v;
    v.set("n", std::to_string(++n));
    v.set("id", a.id);
    v.set("name", area_name(a, res));
    v.set("level", msg(res, "coverage." + a.level));
    areas.push_back(v);
  }
  ctx.set("areas", areas);
  text::Value::List agreements;
  for (const auto& a : result.agreements) {
    if (!a.report) continue;
    text::Value v;
    v.set("source", a.display_source);
    v.set("title", a.title.empty() ? a.display_source : a.title);
    v.set("validity", validity_line(a, res));
    v.set("errors", static_cast<int>(a.errors));
    v.set("warnings", static_cast<int>(a.warnings));
    text::Value::List cells;
    int column = 0;
    for (const auto& c : a.report->coverage) {
      text::Value cell;
      const data::Area* area = res.data.find_area(c.area);
      cell.set("n", std::to_string(++column));
      cell.set("area", area ? area_name(*area, res) : c.area);
      cell.set("status", review::to_string(c.status));
      cell.set("label", msg(res, std::string("coverage.") + review::to_string(c.status)));
      cell.set("symbol", symbol(c.status));
      cell.set("where", c.where.line ? c.where_text + " (rad " + std::to_string(c.where.line) + ")" : "");
      cells.push_back(cell);
    }
    v.set("coverage", cells);
    agreements.push_back(v);
  }
  ctx.set("agreements", agreements);
  // In order of file and line, as the caption says (the sink has them by stage).
  std::vector<const diag::Diagnostic*> sorted;
  for (const auto& d : sink.all()) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const diag::Diagnostic* x, const diag::Diagnostic* y) {
    return std::tie(x->span.file, x->span.line, x->span.column) < std::tie(y->span.file, y->span.line, y->span.column);
  });
  text::Value::List findings;
  for (const diag::Diagnostic* dp : sorted) {
    const diag::Diagnostic& d = *dp;
    text::Value f;
    f.set("severity", msg(res, std::string("severity.") + diag::severity_keyword(d.severity)));
    f.set("rule", d.rule);
    f.set("place", d.span.file + (d.span.line ? ":" + std::to_string(d.span.line) : ""));
    f.set("message", text::format_diagnostic(res.messages, d));
    f.set("fix", text::format_diagnostic(res.messages, d, "fix"));
    findings.push_back(f);
  }
  ctx.set("findings", findings);
  ctx.set("has_findings", !findings.empty());
  std::string css;
  util::read_file(res.styles_dir() / "agreement.css", css);
  ctx.set("css", css);
  return res.templates.render("html/report.html", ctx, text::Escape::html);
}

}  // namespace okgen::render::report
