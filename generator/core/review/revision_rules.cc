// The revision history: in date order, a row for the current version, no summary left to
// write, and (with git) no changed file that still carries its committed version.

#include "model/span.h"
#include "review/checker.h"
#include "util/regex.h"

namespace okgen::review {

using namespace okgen::model;

void check_revisions(const Agreement& a, diag::DiagnosticSink& sink) {
  // Oldest first; a row out of order is usually a wrong date.
  for (std::size_t i = 1; i < a.revisions.size(); ++i) {
    const auto& prev = a.revisions[i - 1];
    const auto& cur = a.revisions[i];
    if (cur.date.date < prev.date.date) {
      sink.report("revision-order", span_of(a, cur.loc),
                  {{"version", cur.version}, {"date", cur.date.iso()}, {"previous", prev.version}, {"previous_date", prev.date.iso()}});
    }
  }
  for (const auto& r : a.revisions) {
    // A summary written under a row still marked draft="true": the mark is what is left.
    if (r.draft) {
      sink.report("revision-summary-missing", span_of(a, r.loc),
                  {{"version", r.version}, {"written", plain_text(r.summary.blocks).empty() ? "" : "1"}});
    }
  }
  if (a.revisions.empty()) {
    // No history at all says no more than a history that stops at an older version.
    if (!a.meta.version.empty()) sink.report("revision-missing", span_of(a, a.meta.loc), {{"version", a.meta.version}, {"last", ""}});
    return;
  }
  if (a.revisions.back().version != a.meta.version) {
    sink.report("revision-missing", span_of(a, a.meta.loc), {{"version", a.meta.version}, {"last", a.revisions.back().version}});
    return;
  }
  // A new version that still carries the previous version's decision: its row is dated after
  // the decision, and an earlier row is the version that decision was about.
  const auto& d = a.meta.decision;
  const Revision& current = a.revisions.back();
  if (d && a.revisions.size() > 1 && d->date.precision == util::PartialDate::Precision::day &&
      current.date.precision == util::PartialDate::Precision::day && d->date.date < current.date.date &&
      a.revisions[a.revisions.size() - 2].date.date <= d->date.date) {
    sink.report("decision-outdated", span_of(a, d->loc),
                {{"version", current.version}, {"date", current.date.iso()}, {"body", d->body}, {"decided", d->date.iso()},
                 {"diarienummer", a.meta.diarienummer}});
  }
}

void check_unrecorded_change(const Agreement& a, const std::string& committed_text, diag::DiagnosticSink& sink) {
  // A draft (no decision yet) is worked on freely: only a decided version must not change
  // without a new number.
  if (!a.meta.decision) return;
  static const util::Regex kVersion("<version>\\s*([^<]*?)\\s*</version>");
  util::Match m;
  if (!util::regex_search(committed_text, m, kVersion)) return;
  if (m[1].str() == a.meta.version) {
    sink.report("revision-not-recorded", span_of(a, a.meta.loc), {{"version", a.meta.version}});
  }
}

}  // namespace okgen::review
