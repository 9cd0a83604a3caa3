// The revision history: in date order, a row for the current version, no summary left to
// write, and (with git) no changed file that still carries its committed version.
#include <regex>

#include "model/span.h"
#include "review/checker.h"

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
    if (r.draft) sink.report("revision-summary-missing", span_of(a, r.loc), {{"version", r.version}});
  }
  if (!a.revisions.empty() && a.revisions.back().version != a.meta.version) {
    sink.report("revision-missing", span_of(a, a.meta.loc), {{"version", a.meta.version}, {"last", a.revisions.back().version}});
  }
}

void check_unrecorded_change(const Agreement& a, const std::string& committed_text, diag::DiagnosticSink& sink) {
  // A draft (no decision yet) is worked on freely: only a decided version must not change
  // without a new number.
  if (!a.meta.decision) return;
  static const std::regex kVersion("<version>\\s*([^<]*?)\\s*</version>");
  std::smatch m;
  if (!std::regex_search(committed_text, m, kVersion)) return;
  if (m[1].str() == a.meta.version) {
    sink.report("revision-not-recorded", span_of(a, a.meta.loc), {{"version", a.meta.version}});
  }
}

}  // namespace okgen::review
