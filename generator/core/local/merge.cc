// The local merge (see merge.h).
#include "local/merge.h"

#include <map>
#include <set>

#include "diag/suggest.h"
#include "load/agreement_loader.h"
#include "model/fingerprint.h"
#include "model/relocate.h"
#include "model/span.h"
#include "model/tree.h"
#include "model/walk.h"

namespace okgen::local {

using namespace okgen::model;

namespace {

void mark_origin(std::vector<Section>& sections, Origin origin) {
  for (auto& s : sections) {
    s.origin = origin;
    s.local_from = origin == Origin::own ? 0 : s.content.size();
    mark_origin(s.children, origin);
  }
}

void set_fingerprints(std::vector<Section>& sections) {
  for (auto& s : sections) {
    s.fingerprint = fingerprint(s);
    set_fingerprints(s.children);
  }
}

// Only legal references carry text of their own; the others are a location.
void shift_text(LawRef& l, std::uint32_t offset) {
  if (l.comment) {
    l.comment->loc.file += offset;
    shift_files(l.comment->blocks, offset);
  }
}
void shift_text(CitedWork&, std::uint32_t) {}
void shift_text(RelatedDocument&, std::uint32_t) {}

template <class T>
void add_missing(std::vector<T>& into, const std::vector<T>& from, std::uint32_t offset) {
  std::set<std::string> have;
  for (const auto& x : into) have.insert(x.id);
  for (const auto& x : from) {
    if (!x.id.empty() && have.count(x.id)) continue;  // the local file's own entry wins
    T copy = x;
    copy.loc.file += offset;
    shift_text(copy, offset);
    into.push_back(std::move(copy));
  }
}

}  // namespace

bool allows(LocalPolicy policy, LocalAction action) {
  switch (policy) {
    case LocalPolicy::locked: return false;
    case LocalPolicy::extend: return action == LocalAction::extend;
    case LocalPolicy::replace: return action != LocalAction::fill;
    case LocalPolicy::slot: return true;
  }
  return false;
}

std::optional<Agreement> merge_local(const Agreement& local, const Agreement& regional, diag::DiagnosticSink& sink) {
  if (regional.kind != AgreementKind::regional) return std::nullopt;
  Agreement m;
  m.files = local.files;
  const auto offset = static_cast<std::uint32_t>(m.files.size());
  m.files.insert(m.files.end(), regional.files.begin(), regional.files.end());
  m.id = local.id;
  m.kind = AgreementKind::local;
  m.lang = local.lang;
  m.meta = local.meta;
  if (m.meta.parent) {
    m.meta.parent->current_title = regional.meta.title;
    m.meta.parent->current_version = regional.meta.version;
    m.meta.parent->current_diarienummer = regional.meta.diarienummer;
  }

  // The local agreement's own sections first: they are what the municipality wrote.
  m.sections = local.sections;
  mark_origin(m.sections, Origin::own);
  std::set<std::string> own_ids;
  for_each_section(m.sections, [&](const Section& s) { own_ids.insert(s.id); });

  std::vector<Section> inherited = regional.sections;
  for (auto& s : inherited) shift_files(s, offset);
  mark_origin(inherited, Origin::regional);
  std::vector<std::string> regional_ids;
  for_each_section(inherited, [&](const Section& s) {
    regional_ids.push_back(s.id);
    if (own_ids.count(s.id)) {
      const Section* own = model::find_section(m.sections, s.id);
      sink.report("local-id-clash", span_of(m, own->loc), {{"id", s.id}, {"heading", s.heading}});
    }
  });
  // Fingerprints of the regional text as it is now, before any local text is applied.
  set_fingerprints(inherited);

  std::map<std::string, const LocalSection*> applied;
  for (const auto& ls : local.local_sections) {
    const diag::SourceSpan where = span_of(local, ls.loc);
    Section* target = model::find_section(inherited, ls.ref);
    if (!target) {
      sink.report("local-unknown-section", where, {{"id", ls.ref}, {"suggestion", diag::suggest(ls.ref, regional_ids)}});
      continue;
    }
    if (auto [it, inserted] = applied.emplace(ls.ref, &ls); !inserted) {
      sink.report("local-section-duplicate", where, {{"id", ls.ref}, {"heading", target->heading}});
      continue;
    }
    if (target->local == LocalPolicy::locked) {
      sink.report("local-locked-section", where,
                  {{"id", ls.ref}, {"heading", target->heading}, {"number", target->number}});
      continue;
    }
    if (!allows(target->local, ls.action)) {
      sink.report("local-action-not-allowed", where,
                  {{"id", ls.ref}, {"heading", target->heading}, {"action", to_string(ls.action)},
                   {"policy", to_string(target->local)}});
      continue;
    }
    target->based_on = ls.based_on;
    target->local_loc = ls.loc;
    if (ls.action == LocalAction::extend) {
      target->local_from = target->content.size();
      target->content.insert(target->content.end(), ls.content.begin(), ls.content.end());
      target->origin = Origin::regional_extended;
    } else {
      target->content = ls.content;
      target->local_from = 0;
      target->origin = ls.action == LocalAction::fill ? Origin::local_filled : Origin::local_replaced;
    }
  }
  // The consolidated version: the regional text keeps its numbers, so "4.1 in the regional
  // agreement" still means 4.1; the municipality's own sections follow as part L (L1, L2.1).
  std::vector<Section> own = std::move(m.sections);
  m.sections = std::move(inherited);
  number_sections(m.sections);
  number_sections(own, "L");
  m.sections.insert(m.sections.end(), std::make_move_iterator(own.begin()), std::make_move_iterator(own.end()));
  m.form = LocalForm::consolidated;

  // Back matter: the local file's entries, then the regional ones it does not restate,
  // so local text can cite the regional agreement's legal references.
  m.law_refs = local.law_refs;
  add_missing(m.law_refs, regional.law_refs, offset);
  m.cited_works = local.cited_works;
  add_missing(m.cited_works, regional.cited_works, offset);
  m.related = local.related;
  add_missing(m.related, regional.related, offset);
  m.revisions = local.revisions;
  m.signatures = local.signatures;

  load::check_references(m, sink);
  return m;
}

}  // namespace okgen::local
