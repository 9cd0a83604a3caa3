// The region page (see region_index.h); all wording is in the template.
#include "render/html/region_index.h"

#include "okgen_version.h"
#include "render/html/html_writer.h"

namespace okgen::render::html {

using text::Value;

std::string render_region_index_html(const RegionIndex& index, const std::string& as_of, const Resources& res) {
  Value ctx;
  ctx.set("region", index.region);
  ctx.set("regional_title", index.regional_title);
  ctx.set("regional_href", index.regional_href);
  ctx.set("regional_version", index.regional_version);
  ctx.set("regional_diarienummer", index.regional_diarienummer.empty() ? Value{false} : Value{index.regional_diarienummer});
  Value::List rows;
  int missing = 0, drafts = 0, complete = 0, review = 0;
  for (const auto& m : index.municipalities) {
    Value r;
    r.set("name", m.name);
    r.set("code", m.code);
    if (!m.local) {
      ++missing;
      r.set("missing", true);
      r.set("local", false);
    } else {
      const LocalEntry& l = *m.local;
      const bool needs_review = !l.parent_current || l.changed_sections > 0;
      (l.draft || l.errors) ? ++drafts : ++complete;
      review += needs_review;
      Value lv;
      lv.set("href", l.href.empty() ? Value{false} : Value{l.href});
      lv.set("consolidated_href", l.consolidated_href.empty() ? Value{false} : Value{l.consolidated_href});
      lv.set("title", l.title);
      lv.set("source", l.source);
      lv.set("version", l.version);
      lv.set("errors", l.errors);
      lv.set("draft", !l.errors && l.draft);
      lv.set("complete", !l.errors && !l.draft);
      lv.set("prompts", l.prompts);
      lv.set("missing_sections", l.missing_sections ? Value{l.missing_sections} : Value{false});
      lv.set("parent_version", l.parent_version.empty() ? Value{false} : Value{l.parent_version});
      lv.set("parent_current", l.parent_current);
      lv.set("changed_sections", l.changed_sections ? Value{l.changed_sections} : Value{false});
      lv.set("needs_review", needs_review);
      lv.set("status_label", l.status_label);
      r.set("local", lv);
      r.set("missing", false);
    }
    rows.push_back(std::move(r));
  }
  ctx.set("municipalities", std::move(rows));
  ctx.set("count", static_cast<int>(index.municipalities.size()));
  ctx.set("missing_count", missing);
  ctx.set("draft_count", drafts);
  ctx.set("complete_count", complete);
  ctx.set("review_count", review);
  ctx.set("as_of", as_of);
  ctx.set("css", stylesheet(res));
  ctx.set("generator", std::string("okgen ") + OKGEN_VERSION);
  return res.templates.render("html/region-index.html", ctx, text::Escape::html);
}

}  // namespace okgen::render::html
