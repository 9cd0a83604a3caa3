// Validity computations (see docs/content-format.md, <validity>).
#include "model/validity_status.h"

#include "model/walk.h"

#include <utility>

namespace okgen::model {

ValidityStatus validity_status(const Validity& v, const util::Date& as_of) {
  ValidityStatus s;
  s.as_of = as_of;
  s.start = v.start;
  s.original_end = v.end;
  if (v.review_every_months && *v.review_every_months > 0) {
    util::Date r = v.start.add_months(*v.review_every_months);
    for (int k = 2; r < as_of && k < 10000; ++k) r = v.start.add_months(*v.review_every_months * k);
    s.next_review = r;
  }
  if (as_of < v.start) {
    s.state = ValidityState::not_yet_in_force;
    s.current_end = v.end;
  } else if (v.until_further_notice || !v.end) {
    s.state = ValidityState::until_further_notice;
  } else if (as_of <= *v.end) {
    s.state = ValidityState::in_force;
    s.current_end = v.end;
  } else if (v.extension && v.extension->months > 0) {
    const Extension& ext = *v.extension;
    util::Date end = *v.end;
    int n = 0;
    // Months are added to the original end each time (not chained) so month-end dates
    // do not drift: 2024-02-29 + 12 months stays the last day of February.
    do {
      ++n;
      end = v.end->add_months(ext.months * n);
    } while (ext.repeat && end < as_of && n < 10000);
    if (as_of <= end) {
      s.state = ext.condition == ExtensionCondition::no_notice ? ValidityState::extended
                                                               : ValidityState::extended_if_revising;
      s.current_end = end;
      s.extensions = n;
    } else {
      s.state = ValidityState::expired;
      s.current_end = end;
      s.extensions = n;
    }
  } else {
    s.state = ValidityState::expired;
    s.current_end = v.end;
  }
  if (s.state == ValidityState::expired) s.next_review.reset();  // nothing left to review
  if (s.current_end && v.notice_months && s.state != ValidityState::expired) {
    s.notice_deadline = s.current_end->add_months(-*v.notice_months);
  }
  return s;
}

namespace {

// The agreement's own first <validity>, else the first it carries from the regional text
// (in a consolidated version the regional sections come first); second: from the regional.
std::pair<const Validity*, bool> first_validity(const Agreement& a) {
  const Validity* own = nullptr;
  const Validity* inherited = nullptr;
  for_each_section(a.sections, [&](const Section& s) {
    for (const auto& c : s.content) {
      const Validity*& slot = s.origin == Origin::own ? own : inherited;
      if (!slot) slot = std::get_if<Validity>(&c);
    }
  });
  if (own) return {own, false};
  if (inherited) return {inherited, true};
  return {a.inherited_validity ? &*a.inherited_validity : nullptr, true};
}

}  // namespace

const Validity* find_validity(const Agreement& a) { return first_validity(a).first; }

AgreementValidity agreement_validity(const Agreement& a, const util::Date& as_of) {
  AgreementValidity out;
  const auto [v, from_regional] = first_validity(a);
  out.validity = v;
  if (v) out.status = validity_status(*v, as_of);
  out.status.as_of = as_of;
  if (a.kind == AgreementKind::local) {
    out.inherited = v && from_regional;
    if (!a.meta.decision) {
      out.status = ValidityStatus{};
      out.status.state = ValidityState::not_decided;
      out.status.as_of = as_of;
    }
  }
  return out;
}

const char* to_string(ValidityState s) {
  switch (s) {
    case ValidityState::unknown: return "unknown";
    case ValidityState::not_yet_in_force: return "not-yet-in-force";
    case ValidityState::in_force: return "in-force";
    case ValidityState::until_further_notice: return "until-further-notice";
    case ValidityState::extended: return "extended";
    case ValidityState::extended_if_revising: return "extended-if-revising";
    case ValidityState::expired: return "expired";
    case ValidityState::not_decided: return "not-decided";
  }
  return "unknown";
}

}  // namespace okgen::model
