// Values for the workspace's page templates (see pages.h).
#include "pages.h"

#include <algorithm>
#include <map>
#include <set>

#include "review/checker.h"
#include "text/template_engine.h"

namespace okgen::serve {
namespace {

using text::Value;

std::string render_shell(const std::string& title, const std::string& main, const Resources& res, const PageInfo& info) {
  Value ctx;
  ctx.set("title", title);
  ctx.set("main", main);
  ctx.set("content_dir", info.content_dir);
  ctx.set("live", !info.live_key.empty());
  ctx.set("live_key", info.live_key);
  return res.templates.render("serve/page.html", ctx, text::Escape::html);
}

std::string render_main(const std::string& name, const Value& ctx, const Resources& res) {
  return res.templates.render("serve/" + name + ".html", ctx, text::Escape::html);
}

Value entry_links(const Entry& e) {
  Value v;
  const std::string k = url_path(e.key);
  v.set("key", e.key);
  v.set("preview", "/preview/" + k);
  v.set("pdf", "/pdf/" + k);
  v.set("check", "/check/" + k);
  v.set("diff", "/diff/" + k);
  v.set("is_local", e.result.kind == "local");
  v.set("questions", "/questions/" + k);
  v.set("has_forms", !e.consolidated_html.empty());
  v.set("consolidated", "/preview/" + k + "?form=konsoliderad");
  v.set("side_by_side", "/forms/" + k);
  return v;
}

// A section in the preview. A local agreement's checks concern its consolidated version (the
// regional sections are only there), so its links open that form.
std::string section_href(const Entry& e, const std::string& id) {
  return "/preview/" + url_path(e.key) + (e.consolidated_html.empty() ? "" : "?form=konsoliderad") + "#" + id;
}

Value finding_value(const Finding& f, const Entry& e) {
  Value v;
  v.set("severity", f.severity);
  v.set("is_error", f.severity == "error");
  v.set("is_warning", f.severity == "warning");
  v.set("is_info", f.severity == "info");
  v.set("rule", f.rule);
  v.set("place", f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column));
  v.set("message", f.message);
  v.set("source_line", f.source_line);
  v.set("has_source", !f.source_line.empty());
  if (!f.section_id.empty()) v.set("section_href", section_href(e, f.section_id));
  return v;
}

// Inserts `html` before the closing tag `tag` of `page` (or appends it).
std::string insert_before(std::string page, const std::string& tag, const std::string& html) {
  const auto at = page.rfind(tag);
  if (at == std::string::npos) return page + html;
  page.insert(at, html);
  return page;
}

std::string with_bar(std::string page, const Entry& e, const Resources& res, bool last_good, const char* view) {
  Value ctx = entry_links(e);
  ctx.set("last_good", last_good);
  ctx.set("view", view);
  ctx.set("is_preview", std::string(view) == "preview");
  ctx.set("is_redline", std::string(view) == "redline");
  ctx.set("is_consolidated", std::string(view) == "consolidated");
  page = insert_before(std::move(page), "</head>", res.templates.render("serve/head.html", ctx, text::Escape::html));
  return insert_before(std::move(page), "</body>", res.templates.render("serve/bar.html", ctx, text::Escape::html));
}

}  // namespace

std::string url_path(const std::string& key) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : key) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string overview_page(const std::vector<std::shared_ptr<const Entry>>& entries, const Resources& res,
                          const PageInfo& info) {
  Value::List rows;
  std::size_t errors = 0, warnings = 0;
  for (const auto& e : entries) {
    Value v = entry_links(*e);
    const auto& r = e->result;
    v.set("title", r.title.empty() ? e->key : r.title);
    v.set("kind", r.kind);
    v.set("regional", r.kind == "regional");
    v.set("region", r.region);
    v.set("version", r.version);
    v.set("validity", r.validity_label);
    v.set("validity_state", model::to_string(r.validity.state));
    v.set("errors", static_cast<int>(r.errors));
    v.set("warnings", static_cast<int>(r.warnings));
    v.set("has_errors", r.errors > 0);
    v.set("current", e->current);
    v.set("has_preview", !e->html.empty());
    if (r.local) {
      Value l;
      l.set("draft", r.local->draft);
      l.set("needs_review", r.local->needs_review());
      l.set("prompts", static_cast<int>(r.local->prompt_count()));
      v.set("local", l);
    }
    errors += r.errors;
    warnings += r.warnings;
    rows.push_back(std::move(v));
  }
  Value ctx;
  ctx.set("rows", std::move(rows));
  ctx.set("count", static_cast<int>(entries.size()));
  ctx.set("errors", static_cast<int>(errors));
  ctx.set("warnings", static_cast<int>(warnings));
  ctx.set("none", entries.empty());
  ctx.set("content_dir", info.content_dir);
  return render_shell("Översikt", render_main("overview", ctx, res), res, info);
}

std::string preview_page(const Entry& e, const Resources& res, bool last_good, bool consolidated) {
  if (consolidated && !e.consolidated_html.empty()) return with_bar(e.consolidated_html, e, res, last_good, "consolidated");
  return with_bar(e.html, e, res, last_good, "preview");
}

std::string forms_page(const Entry& e, const Resources& res, const PageInfo& info) {
  Value ctx = entry_links(e);
  ctx.set("title", e.result.title.empty() ? e.key : e.result.title);
  return render_shell("Båda formerna av " + e.key, render_main("forms", ctx, res), res, info);
}

std::string problems_page(const Entry& e, const Resources& res, const PageInfo& info) {
  Value ctx = entry_links(e);
  ctx.set("title", e.result.title.empty() ? e.key : e.result.title);
  Value::List list;
  for (const auto& f : e.findings) {
    if (f.severity == "error") list.push_back(finding_value(f, e));
  }
  ctx.set("findings", std::move(list));
  ctx.set("has_last_good", !e.html.empty());
  return render_shell("Fel i " + e.key, render_main("problems", ctx, res), res, info);
}

std::string check_page(const Entry& e, const Resources& res, const PageInfo& info, const std::string& severity,
                       const std::string& rule) {
  Value ctx = entry_links(e);
  ctx.set("title", e.result.title.empty() ? e.key : e.result.title);
  // Coverage per area, with the section and the sentences that are its evidence.
  Value::List areas;
  if (e.result.report) {
    for (std::size_t i = 0; i < e.result.report->coverage.size(); ++i) {
      const auto& c = e.result.report->coverage[i];
      Value v;
      const auto* area = res.data.find_area(c.area);
      v.set("name", area ? area->name_sv : c.area);
      v.set("level", area ? area->level : "");
      v.set("covered", c.status == review::Coverage::covered);
      v.set("partial", c.status == review::Coverage::partial);
      v.set("missing", c.status == review::Coverage::missing);
      v.set("where", c.where_text);
      if (i < e.coverage_sections.size() && !e.coverage_sections[i].empty()) {
        v.set("where_href", section_href(e, e.coverage_sections[i]));
      }
      Value::List facets;
      for (const auto& f : c.facets) {
        Value fv;
        fv.set("label", f.label_sv);
        fv.set("found", f.found);
        fv.set("required", f.required);
        fv.set("quote", f.quote);
        fv.set("line", f.where.line);
        facets.push_back(std::move(fv));
      }
      v.set("has_facets", !facets.empty());
      v.set("facets", std::move(facets));
      areas.push_back(std::move(v));
    }
  }
  ctx.set("has_areas", !areas.empty());
  ctx.set("areas", std::move(areas));
  if (e.result.report && e.result.report->validity) ctx.set("validity", e.result.validity_label);

  // Findings grouped by section, in the order of the file; the filters are a plain form.
  std::set<std::string> rules_seen;
  struct Group {
    std::string id, heading;
    Value::List items;
  };
  std::vector<Group> groups;
  std::size_t shown = 0;
  for (const auto& f : e.findings) {
    rules_seen.insert(f.rule);
    if (!severity.empty() && f.severity != severity) continue;
    if (!rule.empty() && f.rule != rule) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.id == f.section_id; });
    if (it == groups.end()) {
      groups.push_back({f.section_id, f.section_heading, {}});
      it = groups.end() - 1;
    }
    it->items.push_back(finding_value(f, e));
    ++shown;
  }
  Value::List group_values;
  for (auto& g : groups) {
    Value v;
    v.set("whole", g.id.empty());
    v.set("heading", g.heading.empty() ? g.id : g.heading);
    if (!g.id.empty()) v.set("href", section_href(e, g.id));
    v.set("findings", std::move(g.items));
    group_values.push_back(std::move(v));
  }
  ctx.set("groups", std::move(group_values));
  ctx.set("shown", static_cast<int>(shown));
  ctx.set("total", static_cast<int>(e.findings.size()));
  ctx.set("filtered", !severity.empty() || !rule.empty());
  Value::List sev;
  for (const auto& [id, label] : std::vector<std::pair<std::string, std::string>>{
           {"", "alla nivåer"}, {"error", "fel"}, {"warning", "varningar"}, {"info", "upplysningar"}}) {
    Value v;
    v.set("value", id);
    v.set("label", label);
    v.set("selected", id == severity);
    sev.push_back(std::move(v));
  }
  ctx.set("severities", std::move(sev));
  Value::List rule_values;
  {
    Value all;
    all.set("value", "");
    all.set("label", "alla regler");
    all.set("selected", rule.empty());
    rule_values.push_back(std::move(all));
  }
  for (const auto& r : rules_seen) {
    Value v;
    v.set("value", r);
    v.set("label", r);
    v.set("selected", r == rule);
    rule_values.push_back(std::move(v));
  }
  ctx.set("rules", std::move(rule_values));
  return render_shell("Granskning av " + e.key, render_main("check", ctx, res), res, info);
}

std::string questionnaire_page(const Entry& e, const Questionnaire& q, const Resources& res, const PageInfo& info) {
  Value ctx = entry_links(e);
  ctx.set("title", e.result.title.empty() ? e.key : e.result.title);
  ctx.set("csrf", info.csrf);
  ctx.set("hash", q.file_hash);
  ctx.set("notice", q.notice);
  ctx.set("saved", q.notice == "sparat");
  ctx.set("file", e.key);
  Value::List errors;
  for (const auto& f : q.errors) errors.push_back(finding_value(f, e));
  ctx.set("has_errors", !errors.empty());
  ctx.set("errors", std::move(errors));
  // Questions grouped by the section they stand in, in file order.
  Value::List sections;
  std::string current;
  Value::List items;
  Value section;
  auto flush = [&] {
    if (current.empty()) return;
    section.set("questions", std::move(items));
    sections.push_back(std::move(section));
    items = {};
    section = {};
  };
  std::string last_guidance;
  for (const auto& oq : q.questions) {
    const std::string group = oq.section_id + (oq.regional ? "#r" : "");
    if (group != current) last_guidance.clear();
    if (group != current) {
      flush();
      current = group;
      section.set("id", oq.section_id);
      section.set("heading", oq.heading.empty() ? oq.section_id : oq.heading);
      section.set("regional", oq.regional);
      if (oq.regional) {
        auto it = q.regional_text.find(oq.section_id);
        if (it != q.regional_text.end()) {
          section.set("regional_text", it->second);
          section.set("heading", it->second.substr(0, it->second.find('\n')));
        }
      }
    }
    Value v;
    v.set("index", oq.index);
    v.set("question", oq.question);
    // The template's description stands above the first of the questions it introduces.
    v.set("guidance", oq.guidance);
    v.set("has_guidance", !oq.guidance.empty() && oq.guidance != last_guidance);
    last_guidance = oq.guidance;
    v.set("line", oq.line);
    if (auto it = q.kept_answers.find(oq.index); it != q.kept_answers.end()) v.set("answer", it->second);
    items.push_back(std::move(v));
  }
  flush();
  ctx.set("sections", std::move(sections));
  ctx.set("open_count", static_cast<int>(q.questions.size()));
  ctx.set("no_questions", q.questions.empty());
  Value::List open;
  for (const auto& s : q.open_sections) {
    Value v;
    v.set("id", s.id);
    v.set("number", s.number);
    v.set("heading", s.heading);
    v.set("regional_text", s.regional_text);
    v.set("replaceable", s.action == "replace");
    open.push_back(std::move(v));
  }
  ctx.set("has_open_sections", !open.empty());
  ctx.set("open_sections", std::move(open));
  return render_shell("Frågor i " + e.key, render_main("questionnaire", ctx, res), res, info);
}

std::string conflict_page(const Entry& e, const std::string& on_disk,
                          const std::vector<std::pair<std::string, std::string>>& answers, const Resources& res,
                          const PageInfo& info) {
  Value ctx = entry_links(e);
  ctx.set("on_disk", on_disk);
  Value::List list;
  for (const auto& [question, answer] : answers) {
    Value v;
    v.set("question", question);
    v.set("answer", answer);
    list.push_back(std::move(v));
  }
  ctx.set("answers", std::move(list));
  return render_shell("Filen har ändrats", render_main("conflict", ctx, res), res, info);
}

std::string init_page(const std::vector<std::shared_ptr<const Entry>>& entries, const std::string& region,
                      const std::vector<Finding>& errors, const Resources& res, const PageInfo& info) {
  Value ctx;
  ctx.set("csrf", info.csrf);
  Value::List regions;
  std::set<std::string> taken;  // municipality codes that already have a local agreement
  for (const auto& e : entries) {
    if (e->result.kind == "regional" && !e->result.region.empty()) {
      Value v;
      v.set("name", e->result.region);
      v.set("selected", e->result.region == region);
      regions.push_back(std::move(v));
    }
    if (e->result.kind == "local" && !e->result.municipality_code.empty()) taken.insert(e->result.municipality_code);
  }
  ctx.set("regions", std::move(regions));
  ctx.set("region", region);
  ctx.set("chosen", !region.empty());
  Value::List munis;
  for (const auto* m : res.data.municipalities_of(region)) {
    if (taken.count(m->code)) continue;
    Value v;
    v.set("name", m->name);
    v.set("code", m->code);
    munis.push_back(std::move(v));
  }
  ctx.set("none_left", !region.empty() && munis.empty());
  ctx.set("municipalities", std::move(munis));
  Value::List errs;
  for (const auto& f : errors) {
    Value v;
    v.set("message", f.message);
    errs.push_back(std::move(v));
  }
  ctx.set("has_errors", !errs.empty());
  ctx.set("errors", std::move(errs));
  return render_shell("Ny lokal överenskommelse", render_main("init", ctx, res), res, info);
}

std::string revisions_page(const Entry& e, const std::vector<std::pair<std::string, std::string>>& commits,
                           const std::string& problem, const Resources& res, const PageInfo& info) {
  Value ctx = entry_links(e);
  ctx.set("title", e.result.title.empty() ? e.key : e.result.title);
  Value::List list;
  for (const auto& [rev, label] : commits) {
    Value v;
    v.set("rev", rev);
    v.set("label", label);
    list.push_back(std::move(v));
  }
  ctx.set("has_commits", !list.empty());
  ctx.set("commits", std::move(list));
  ctx.set("problem", problem);
  return render_shell("Ändringar i " + e.key, render_main("revisions", ctx, res), res, info);
}

std::string redline_page(const Entry& e, const std::string& diff_html, const Resources& res) {
  return with_bar(diff_html, e, res, false, "redline");
}

std::string message_page(const std::string& title, const std::string& text, const Resources& res, const PageInfo& info) {
  Value ctx;
  ctx.set("title", title);
  ctx.set("text", text);
  return render_shell(title, render_main("message", ctx, res), res, info);
}

}  // namespace okgen::serve
