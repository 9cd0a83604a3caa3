// Local agreements: tied to their regional agreement by diarienummer and party.
#include "review/checker.h"

namespace okgen::review {

using namespace okgen::model;

void check_local(const Agreement& a, const ProseContext& ctx, const ParentResolver& parent, diag::DiagnosticSink& sink) {
  (void)ctx;
  if (!a.meta.parent) return;  // the loader reported it
  const diag::SourceSpan where{a.path(), a.meta.parent->loc.line, a.meta.parent->loc.column};
  const Agreement* p = parent ? parent(a) : nullptr;
  if (!p) {
    sink.report("local-parent-missing", where, {{"href", a.meta.parent->href}});
    return;
  }
  if (a.meta.parent->diarienummer.empty()) {
    if (!p->meta.diarienummer.empty()) sink.report("local-parent-diarienummer", where, {{"cited", ""}, {"actual", p->meta.diarienummer}});
  } else if (!p->meta.diarienummer.empty() && a.meta.parent->diarienummer != p->meta.diarienummer) {
    sink.report("local-parent-diarienummer", where, {{"cited", a.meta.parent->diarienummer}, {"actual", p->meta.diarienummer}});
  }
  if (a.meta.municipality) {
    bool party = false;
    for (const auto& q : p->meta.parties) {
      party = party || (q.kind == PartyKind::municipality &&
                        ((!q.code.empty() && q.code == a.meta.municipality->code) || q.name == a.meta.municipality->name));
    }
    if (!party) {
      sink.report("local-not-party-of-parent", where,
                  {{"municipality", a.meta.municipality->name}, {"parent", p->meta.title}});
    }
  }
}

}  // namespace okgen::review
