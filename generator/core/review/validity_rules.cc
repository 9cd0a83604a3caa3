// Validity on the check date: expired, automatically extended, notice deadlines and reviews
// coming up; and the dates a secretariat wants in its calendar.
#include "review/checker.h"

#include <algorithm>
#include <utility>

#include "model/span.h"
#include "model/walk.h"

namespace okgen::review {

using namespace okgen::model;

namespace {

// The findings for the state of an agreement's own validity.
void report_state(const ValidityStatus& s, const Validity& v, const diag::SourceSpan& where, const CheckOptions& options,
                  diag::DiagnosticSink& sink) {
  switch (s.state) {
    case ValidityState::expired:
      sink.report("validity-expired", where, {{"end", s.current_end ? s.current_end->iso() : ""}, {"as_of", options.as_of.iso()}});
      break;
    case ValidityState::extended:
      sink.report("validity-extended", where, {{"end", v.end ? v.end->iso() : ""}, {"current_end", s.current_end->iso()}});
      break;
    case ValidityState::extended_if_revising:
      sink.report("validity-extended-if-revising", where,
                  {{"end", v.end ? v.end->iso() : ""}, {"current_end", s.current_end->iso()}});
      break;
    case ValidityState::not_yet_in_force:
      sink.report("validity-not-yet", where, {{"start", v.start.iso()}});
      break;
    default:
      break;
  }
}

}  // namespace

std::optional<ValidityStatus> check_validity(const Agreement& a, const CheckOptions& options,
                                             std::vector<std::pair<std::string, util::Date>>& dates,
                                             diag::DiagnosticSink& sink) {
  const AgreementValidity judged = agreement_validity(a, options.as_of);
  const Validity* v = judged.validity;
  if (!v) return std::nullopt;
  const ValidityStatus& s = judged.status;
  // A draft of a local agreement has not begun to apply: it is judged once decided.
  if (s.state == ValidityState::not_decided) return s;
  const diag::SourceSpan where = model::span_of(a, v->loc);
  const auto soon = [&](const util::Date& d) {
    return d >= options.as_of && d.days() - options.as_of.days() <= options.soon_days;
  };
  if (judged.inherited && a.meta.parent) {
    // A decided local agreement that follows the regional period: reported once, for the
    // local agreement (the regional text's own findings are the regional agreement's), at
    // its <parent>. Notice and review dates are the region's to act on.
    const char* phrase = s.state == ValidityState::expired                ? "@validity.inherited-expired"
                         : s.state == ValidityState::extended_if_revising ? "@validity.inherited-if-revising"
                         : s.state == ValidityState::not_yet_in_force     ? "@validity.inherited-not-yet"
                                                                          : nullptr;
    if (phrase) {
      sink.report("local-validity-inherited", model::span_of(a, a.meta.parent->loc),
                  {{"state", phrase},
                   {"start", v->start.iso()},
                   {"end", s.current_end ? s.current_end->iso() : ""},
                   {"as_of", options.as_of.iso()}});
    }
  } else {
    report_state(s, *v, where, options, sink);
    if (s.notice_deadline && soon(*s.notice_deadline)) {
      sink.report("validity-notice-soon", where, {{"date", s.notice_deadline->iso()}});
    }
    if (s.next_review && soon(*s.next_review)) sink.report("validity-review-due", where, {{"date", s.next_review->iso()}});
  }


  dates.emplace_back("start", v->start);
  if (s.current_end) dates.emplace_back("end", *s.current_end);
  if (s.notice_deadline) dates.emplace_back("notice", *s.notice_deadline);
  if (s.next_review) dates.emplace_back("review", *s.next_review);
  // Follow-up dates: every interval from the start, the next one on or after the check date.
  for_each_section(a.sections, [&](const Section& sec) {
    for (const auto& c : sec.content) {
      const auto* f = std::get_if<FollowUp>(&c);
      if (!f || f->every_months <= 0) continue;
      util::Date d = v->start.add_months(f->every_months);
      for (int k = 2; d < options.as_of && k < 10000; ++k) d = v->start.add_months(f->every_months * k);
      // A local agreement states its regional agreement's follow-up too: one date, once.
      const std::pair<std::string, util::Date> entry{"follow-up", d};
      if (std::find(dates.begin(), dates.end(), entry) == dates.end()) dates.push_back(entry);
    }
  });
  return s;
}

}  // namespace okgen::review
