// Local agreements: tied to their regional agreement (diarienummer, party, version), every
// template question answered, local texts written against the current regional text, and a
// local dispute ladder that follows the regional one. Runs on the merged agreement
// (local/merge.h); the status it reports from is local/status.h.
#include <algorithm>

#include "diag/rules.h"
#include "diag/suggest.h"
#include "local/status.h"
#include "model/span.h"
#include "model/walk.h"
#include "review/checker.h"
#include "util/text.h"

namespace okgen::review {

using namespace okgen::model;

namespace {

std::string forum_key(const std::string& forum) { return util::lower_sv(util::trim(forum)); }

std::string forums(const DisputeLadder& d) {
  std::string out;
  for (const auto& l : d.levels) out += (out.empty() ? "" : " → ") + l.forum;
  if (d.final_instance) out += (out.empty() ? "" : " → ") + d.final_instance->forum;
  return out;
}

// The regional ladder's levels must close the local one, in order: a municipality may put
// its own first steps before them, but not skip or reorder the region's.
bool follows(const DisputeLadder& local, const DisputeLadder& regional) {
  std::vector<std::string> l, r;
  for (const auto& x : local.levels) l.push_back(forum_key(x.forum));
  for (const auto& x : regional.levels) r.push_back(forum_key(x.forum));
  if (r.size() > l.size() || !std::equal(r.rbegin(), r.rend(), l.rbegin())) return false;
  if (regional.final_instance) {
    return local.final_instance && forum_key(local.final_instance->forum) == forum_key(regional.final_instance->forum);
  }
  return true;
}

void check_dispute_ladders(const Agreement& a, diag::DiagnosticSink& sink) {
  const DisputeLadder* regional = nullptr;
  std::vector<const DisputeLadder*> local;
  for_each_section(a.sections, [&](const Section& s) {
    for (std::size_t i = 0; i < s.content.size(); ++i) {
      const auto* d = std::get_if<DisputeLadder>(&s.content[i]);
      if (!d || d->scope != DisputeScope::local) continue;
      const bool is_local = s.origin == Origin::own || (s.origin != Origin::regional && i >= s.local_from);
      if (is_local) local.push_back(d);
      else if (!regional) regional = d;
    }
  });
  if (!regional) return;
  for (const DisputeLadder* d : local) {
    if (!follows(*d, *regional)) {
      sink.report("local-dispute-ladder", span_of(a, d->loc), {{"actual", forums(*d)}, {"expected", forums(*regional)}});
    }
  }
}

void check_municipality(const Agreement& a, const ProseContext& ctx, diag::DiagnosticSink& sink) {
  const MunicipalityRef& m = *a.meta.municipality;
  const data::Municipality* by_code = ctx.data.find_municipality_by_code(m.code);
  const data::Municipality* by_name = ctx.data.find_municipality(m.name);
  if (by_code && by_code == by_name) return;
  std::vector<std::string> names;
  for (const auto& x : ctx.data.municipalities) names.push_back(x.name);
  std::string suggestion = by_code ? by_code->name + " (" + by_code->code + ")"
                           : by_name ? by_name->name + " (" + by_name->code + ")"
                                     : diag::suggest(m.name, names);
  sink.report("local-municipality-unknown", span_of(a, m.loc), {{"name", m.name}, {"code", m.code}, {"suggestion", suggestion}});
}

}  // namespace

void check_local(const Agreement& a, const ProseContext& ctx, const ParentResolver& parent, diag::DiagnosticSink& sink) {
  if (!a.meta.parent) return;  // the loader reported it
  const diag::SourceSpan where = span_of(a, a.meta.parent->loc);
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
    check_municipality(a, ctx, sink);
    bool party = false;
    for (const auto& q : p->meta.parties) {
      party = party || (q.kind == PartyKind::municipality &&
                        ((!q.code.empty() && q.code == a.meta.municipality->code) || q.name == a.meta.municipality->name));
    }
    // Region Gotland is one organisation with both roles: it is its own counterpart.
    const data::Municipality* m = ctx.data.find_municipality_by_code(a.meta.municipality->code);
    const bool same_organisation = m && ctx.data.municipalities_of(m->region).size() == 1;
    if (!party && !same_organisation) {
      sink.report("local-not-party-of-parent", where,
                  {{"municipality", a.meta.municipality->name}, {"parent", p->meta.title}});
    }
  }

  // The rest needs the merged agreement: sections with their origin and fingerprints.
  const local::LocalStatus st = local::local_status(a, ctx.data);
  if (!st.parent_current()) {
    sink.report("local-parent-version", where, {{"cited", st.cited_version}, {"current", st.current_version}});
  }
  for (const auto& c : st.changed) {
    diag::Diagnostic d;
    d.severity = diag::default_severity("local-regional-changed");
    d.rule = "local-regional-changed";
    d.span = c.local_text;
    d.args = {{"id", c.id},           {"number", c.number},     {"heading", c.heading},
              {"current", c.current}, {"based_on", c.based_on}, {"file", c.local_text.file}};
    diag::Diagnostic note;
    note.severity = diag::Severity::note;
    note.rule = "local-regional-text";
    note.span = c.regional_text;
    // The whole text: it is what the municipality has to read (bounded only against abuse).
    note.args = {{"text", util::shorten(c.regional_plain, 20000)}};
    d.notes.push_back(std::move(note));
    sink.add(std::move(d));
  }
  for (const auto& q : st.prompts) {
    sink.report("local-prompts-left", q.where, {{"heading", q.heading}, {"count", std::to_string(q.count)}});
  }
  for (const auto& [key, heading] : st.missing_template) {
    sink.report("local-template-missing", span_of(a, a.meta.loc), {{"heading", heading}, {"key", key}});
  }
  for (const auto& [id, heading] : st.empty_slots) {
    sink.report("local-slot-empty", span_of(a, a.meta.loc), {{"id", id}, {"heading", heading}});
  }
  check_dispute_ladders(a, sink);
}

}  // namespace okgen::review
