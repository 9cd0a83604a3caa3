// Structure a reviewer expects: no empty sections, a decision, parties that exist.
#include "review/checker.h"
#include "diag/suggest.h"
#include "model/span.h"
#include "model/walk.h"
#include "util/text.h"

namespace okgen::review {

using namespace okgen::model;

void check_structure(const Agreement& a, const ProseContext& ctx, diag::DiagnosticSink& sink) {
  auto span = [&](const Loc& l) { return span_of(a, l); };
  for_each_section(a.sections, [&](const Section& s) {
    if (s.content.empty() && s.children.empty()) sink.report("section-empty", span(model::text_loc(s)), {{"heading", s.heading}});
  });
  if (!a.meta.decision) sink.report("decision-missing", span(a.meta.loc), {});
  if (a.meta.diarienummer.empty()) sink.report("diarienummer-missing", span(a.meta.loc), {});

  // Municipalities must exist, and belong to the agreement's region.
  std::vector<std::string> names;
  for (const auto& m : ctx.data.municipalities) names.push_back(m.name + " kommun");
  for (const auto& p : a.meta.parties) {
    if (p.kind != PartyKind::municipality) continue;
    const data::Municipality* m = p.code.empty() ? nullptr : ctx.data.find_municipality_by_code(p.code);
    if (!m) {
      // Names are written in many forms ("Falu kommun", "Falun"); match on the stem.
      for (const auto& cand : ctx.data.municipalities) {
        if (util::starts_with(p.name, cand.name) || util::starts_with(cand.name, p.name.substr(0, p.name.find(' ')))) {
          m = &cand;
          break;
        }
      }
    }
    if (!m) {
      sink.report("party-unknown-municipality", span(p.loc),
                  {{"name", p.name}, {"code", p.code}, {"suggestion", diag::suggest(p.name, names)}});
      continue;
    }
    if (!p.code.empty() && m->code != p.code) {
      sink.report("party-unknown-municipality", span(p.loc), {{"name", p.name}, {"code", p.code}, {"suggestion", m->name}});
      continue;
    }
    if (!a.meta.region.empty() && m->region != a.meta.region) {
      sink.report("party-wrong-region", span(p.loc), {{"name", p.name}, {"region", m->region}, {"agreement_region", a.meta.region}});
    }
  }
}

}  // namespace okgen::review
