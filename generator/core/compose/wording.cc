// Template contexts for structured elements (see compose/wording.h).
#include "compose/wording.h"

#include "compose/composer.h"
#include "util/text.h"

namespace okgen::compose {

using text::Value;
using namespace okgen::model;

namespace {

// Swedish lists read "A, B och C": each item carries the separator that precedes it.
Value::List joined(std::vector<Value> items, const std::string& and_word) {
  Value::List out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value v = std::move(items[i]);
    v.set("sep", i == 0 ? std::string() : i + 1 == items.size() ? " " + and_word + " " : std::string(", "));
    v.set("first", i == 0);
    v.set("last", i + 1 == items.size());
    v.set("index", static_cast<int>(i + 1));
    out.push_back(std::move(v));
  }
  return out;
}

// Durations as templates want them: months, and whole years when the months divide evenly.
Value duration(int months) {
  Value v;
  v.set("months", months);
  if (months % 12 == 0) {
    v.set("years", months / 12);
    v.set("one_year", months == 12);
  } else {
    v.set("years", "");
  }
  return v;
}

// A key for a law reference usable in templates: "hsl_16_3", "sol_5_8a", "sol_2025_400".
std::string ref_key(const LawRef& l) {
  std::string key = util::ascii_lower(l.law);
  if (!l.chapter.empty() || !l.section.empty()) {
    if (!l.chapter.empty()) key += "_" + l.chapter;
    key += "_" + l.section;
  } else {
    key += "_" + l.sfs;
  }
  std::string out;
  for (char c : key) {
    if (c == ' ') continue;
    out.push_back(c == ':' || c == '-' ? '_' : c);
  }
  return out;
}

}  // namespace

Value::List Wording::texts(const std::vector<RichText>& items) {
  std::vector<Value> out;
  for (const auto& x : items) {
    Value v;
    v.set("text", frag(x));
    out.push_back(std::move(v));
  }
  return joined(std::move(out), "");
}

Value Wording::frag(const std::optional<RichText>& t) {
  if (!t || t->blocks.empty()) return Value{""};
  return Value{fragments_.add(t->blocks)};
}

Value Wording::frag(const RichText& t) {
  if (t.blocks.empty()) return Value{""};
  return Value{fragments_.add(t.blocks)};
}

Value Wording::date(const util::Date& d) const {
  Value v;
  v.set("iso", d.iso());
  v.set("long", long_date(d, labels_));
  return v;
}

Value Wording::agreement() const {
  const std::string and_word = labels_.get("labels", "list.and");
  Value v;
  v.set("title", a_.meta.title);
  v.set("short_title", a_.meta.short_title);
  v.set("region", a_.meta.region);
  v.set("version", a_.meta.version);
  v.set("diarienummer", a_.meta.diarienummer.empty() ? Value{""} : Value{a_.meta.diarienummer});
  v.set("regional", a_.kind == AgreementKind::regional);
  v.set("local", a_.kind == AgreementKind::local);
  std::vector<Value> regions, municipalities, user_orgs, principals;
  for (const auto& p : a_.meta.parties) {
    Value pv;
    pv.set("name", p.name);
    pv.set("id", p.id);
    pv.set("code", p.code);
    if (p.kind == PartyKind::region) regions.push_back(pv);
    if (p.kind == PartyKind::municipality) municipalities.push_back(pv);
    if (p.kind == PartyKind::user_organisation) user_orgs.push_back(pv);
    if (p.role == PartyRole::principal) principals.push_back(pv);
  }
  v.set("municipality_count", static_cast<int>(municipalities.size()));
  v.set("one_municipality", municipalities.size() == 1);
  v.set("has_user_organisations", !user_orgs.empty());
  v.set("regions", joined(std::move(regions), and_word));
  v.set("municipalities", joined(std::move(municipalities), and_word));
  v.set("user_organisations", joined(std::move(user_orgs), and_word));
  v.set("principals", joined(std::move(principals), and_word));
  if (a_.meta.municipality) v.set("municipality", a_.meta.municipality->name);
  Value refs;
  for (const auto& l : a_.law_refs) {
    Value r;
    r.set("id", l.id);
    r.set("law", l.law);
    r.set("sfs", l.sfs);
    refs.set(ref_key(l), std::move(r));
  }
  v.set("ref", refs);
  return v;
}

Value Wording::target_groups(const TargetGroups& t) {
  Value v;
  v.set("intro", frag(t.intro));
  v.set("min_age", t.min_age ? Value{*t.min_age} : Value{""});
  std::vector<Value> groups;
  for (const auto& g : t.groups) {
    Value gv;
    gv.set("name", g.name);
    gv.set("description", frag(g.description));
    groups.push_back(std::move(gv));
  }
  v.set("groups", joined(std::move(groups), labels_.get("labels", "list.and")));
  v.set("children", frag(t.children));
  return v;
}

Value Wording::goals(const Goals& g) {
  Value v;
  v.set("intro", frag(g.intro));
  v.set("goals", texts(g.goals));
  return v;
}

Value Wording::sip_routine(const SipRoutine& s) {
  Value v;
  v.set("intro", frag(s.intro));
  v.set("initiative", frag(s.initiative));
  v.set("consent", frag(s.consent));
  std::vector<Value> contents;
  for (const auto& c : s.plan_contents) {
    Value cv;
    cv.set("kind", to_string(c.kind));
    cv.set("interventions", c.kind == PlanContentKind::interventions);
    cv.set("responsibilities", c.kind == PlanContentKind::responsibilities);
    cv.set("other_actors", c.kind == PlanContentKind::other_actors);
    cv.set("lead_principal", c.kind == PlanContentKind::lead_principal);
    cv.set("text", frag(c.text));
    contents.push_back(std::move(cv));
  }
  v.set("has_plan_contents", !contents.empty());
  v.set("plan_contents", joined(std::move(contents), ""));
  v.set("lead_responsibility", frag(s.lead_responsibility));
  v.set("has_steps", !s.steps.empty());
  v.set("steps", texts(s.steps));
  return v;
}

Value Wording::routine(const Routine& r) {
  Value v;
  v.set("title", r.title);
  v.set("kind", to_string(r.kind));
  v.set("body", frag(r.body));
  v.set("has_steps", !r.steps.empty());
  v.set("steps", texts(r.steps));
  return v;
}

Value Wording::validity(const Validity& val) const {
  Value v;
  v.set("start", date(val.start));
  v.set("end", val.end ? date(*val.end) : Value{""});
  v.set("until_further_notice", val.until_further_notice);
  if (val.extension) {
    Value e = duration(val.extension->months);
    e.set("repeat", val.extension->repeat);
    e.set("no_notice", val.extension->condition == ExtensionCondition::no_notice);
    e.set("revision_started", val.extension->condition == ExtensionCondition::revision_started);
    v.set("extension", e);
  } else {
    v.set("extension", "");
  }
  v.set("notice", val.notice_months ? duration(*val.notice_months) : Value{""});
  v.set("review", val.review_every_months ? duration(*val.review_every_months) : Value{""});
  return v;
}

Value Wording::dispute_ladder(const DisputeLadder& d) {
  Value v;
  v.set("scope", to_string(d.scope));
  v.set("regional", d.scope == DisputeScope::regional);
  v.set("local", d.scope == DisputeScope::local);
  v.set("individual", d.scope == DisputeScope::individual);
  v.set("intro", frag(d.intro));
  std::vector<Value> levels;
  for (const auto& l : d.levels) {
    Value lv;
    lv.set("forum", l.forum);
    lv.set("text", frag(l.text));
    levels.push_back(std::move(lv));
  }
  v.set("levels", joined(std::move(levels), labels_.get("labels", "list.and")));
  v.set("interim", frag(d.interim));
  if (d.final_instance) {
    Value f;
    f.set("forum", d.final_instance->forum);
    f.set("text", frag(d.final_instance->text));
    v.set("final", f);
  } else {
    v.set("final", "");
  }
  return v;
}

Value Wording::follow_up(const FollowUp& f) {
  Value v = duration(f.every_months);
  v.set("annual", f.every_months == 12);
  v.set("forum", f.forum);
  v.set("body", frag(f.body));
  std::vector<Value> priorities;
  for (const auto& p : f.priorities) {
    Value pv;
    pv.set("year", p.year.empty() ? Value{""} : Value{p.year});
    pv.set("text", frag(p.text));
    priorities.push_back(std::move(pv));
  }
  v.set("has_priorities", !priorities.empty());
  v.set("priorities", joined(std::move(priorities), ""));
  return v;
}

Value Wording::user_participation(const UserParticipation& u) {
  Value v;
  v.set("intro", frag(u.intro));
  std::vector<Value> orgs;
  for (const auto& o : u.organisations) {
    Value ov;
    ov.set("name", o.name);
    ov.set("invited", o.invited ? Value{long_date(*o.invited, labels_)} : Value{""});
    ov.set("form", std::string(to_string(o.form)));
    ov.set("reference_group", o.form == ParticipationForm::reference_group);
    ov.set("working_group", o.form == ParticipationForm::working_group);
    ov.set("consultation", o.form == ParticipationForm::consultation);
    ov.set("dialogue", o.form == ParticipationForm::dialogue);
    ov.set("contribution", frag(o.contribution));
    orgs.push_back(std::move(ov));
  }
  v.set("organisations", joined(std::move(orgs), labels_.get("labels", "list.and")));
  v.set("outcome", frag(u.outcome));
  return v;
}

Value Wording::law_ref(const LawRef& l, const std::string& law_title) {
  Value v;
  v.set("law", l.law);
  v.set("sfs", l.sfs);
  v.set("chapter", l.chapter.empty() ? Value{""} : Value{l.chapter});
  v.set("section", l.section.empty() ? Value{""} : Value{l.section});
  v.set("title", law_title.empty() ? Value{""} : Value{law_title});
  v.set("comment", frag(l.comment));
  return v;
}

Value Wording::validity_status(const ValidityStatus& s) const {
  Value v;
  v.set("state", to_string(s.state));
  v.set("unknown", s.state == ValidityState::unknown);
  v.set("not_yet_in_force", s.state == ValidityState::not_yet_in_force);
  v.set("in_force", s.state == ValidityState::in_force);
  v.set("until_further_notice", s.state == ValidityState::until_further_notice);
  v.set("extended", s.state == ValidityState::extended);
  v.set("extended_if_revising", s.state == ValidityState::extended_if_revising);
  v.set("expired", s.state == ValidityState::expired);
  v.set("not_decided", s.state == ValidityState::not_decided);
  v.set("as_of", date(s.as_of));
  v.set("start", s.start ? date(*s.start) : Value{""});
  v.set("current_end", s.current_end ? date(*s.current_end) : Value{""});
  v.set("original_end", s.original_end ? date(*s.original_end) : Value{""});
  v.set("notice_deadline", s.notice_deadline ? date(*s.notice_deadline) : Value{""});
  v.set("next_review", s.next_review ? date(*s.next_review) : Value{""});
  return v;
}

Value Wording::signatory(const Signatory& s) const {
  Value v;
  const Party* p = a_.find_party(s.party);
  v.set("party", p ? p->name : s.party);
  v.set("title", s.title);
  v.set("name", s.name.empty() ? Value{""} : Value{s.name});
  return v;
}

}  // namespace okgen::compose
