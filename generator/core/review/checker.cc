// The checker's entry point (see checker.h).
#include "review/checker.h"

#include "model/span.h"

namespace okgen::review {

const char* to_string(Coverage c) {
  switch (c) {
    case Coverage::covered: return "covered";
    case Coverage::partial: return "partial";
    case Coverage::missing: return "missing";
  }
  return "missing";
}

util::Date document_date(const model::Agreement& a, const util::Date& fallback) {
  if (a.meta.decision && a.meta.decision->date.date.year > 0) return a.meta.decision->date.date;
  if (const auto* v = model::find_validity(a); v && v->start.year > 0) return v->start;
  if (!a.revisions.empty() && a.revisions.back().date.date.year > 0) return a.revisions.back().date.date;
  return fallback;
}

void report_coverage(const std::vector<AreaCoverage>& coverage, const data::ReferenceData& data,
                     const diag::SourceSpan& file, diag::DiagnosticSink& sink, bool text) {
  for (const auto& c : coverage) {
    const data::Area* area = data.find_area(c.area);
    if (!area) continue;
    if (c.status == Coverage::missing) {
      const std::string rule = area->level == "required"      ? "area-missing-required"
                               : area->level == "recommended" ? "area-missing-recommended"
                                                              : "area-missing-optional";
      sink.report(rule, file, {{"area", area->name_sv}, {"area_id", area->id}, {"basis", area->basis}, {"text", text ? "1" : ""}});
    } else if (c.status == Coverage::partial) {
      sink.report("area-partial", c.where.line ? c.where : file,
                  {{"area", area->name_sv}, {"area_id", area->id}, {"heading", c.where_text}});
    }
  }
}

CheckReport check_agreement(const model::Agreement& a, const data::ReferenceData& data, const CheckOptions& options,
                            const ParentResolver& parent, diag::DiagnosticSink& sink) {
  CheckReport r;
  r.source = a.path();
  r.title = a.meta.title;
  r.kind = model::to_string(a.kind);
  ProseContext ctx{data, options, document_date(a, options.as_of)};
  const std::vector<ProseUnit> prose = prose_of(a);
  r.coverage = check_coverage(a, prose, ctx, sink);
  report_coverage(r.coverage, data, diag::SourceSpan{a.path(), 1, 1}, sink);
  r.validity = check_validity(a, options, r.dates, sink);
  check_structure(a, ctx, sink);
  check_revisions(a, sink);
  for (const auto& l : a.law_refs) {
    LawCitation c{l.law, l.sfs, l.chapter, l.section,
                  (l.chapter.empty() ? "" : l.chapter + " kap. ") + (l.section.empty() ? "" : l.section + " § ") + l.law +
                      " (" + l.sfs + ")"};
    check_citation(c, model::span_of(a, l.loc), ctx, sink);
  }
  // Text a local agreement inherits is judged with its regional agreement, once.
  const std::vector<ProseUnit> own = a.kind == model::AgreementKind::local ? own_prose(prose) : prose;
  check_cited_laws(own, ctx, sink);
  // Wording rules read the references' titles too (what they are called is wording).
  std::vector<ProseUnit> worded = own;
  for (auto& t : reference_titles(a, a.path())) worded.push_back(std::move(t));
  check_wording(worded, ctx, sink);
  check_readability(own, ctx, sink);
  if (a.kind == model::AgreementKind::local) check_local(a, ctx, parent, sink);
  return r;
}

}  // namespace okgen::review
