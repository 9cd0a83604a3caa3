// Reading <section> trees and the structured elements inside them.
#include <algorithm>

#include "load/loader_state.h"
#include "load/markdown.h"
#include "util/fs.h"
#include "util/text.h"
#include "diag/rules.h"
#include "diag/suggest.h"

namespace okgen::load {

namespace fs = std::filesystem;
using namespace okgen::model;

model::RichText LoaderState::markdown(pugi::xml_node node) {
  reader_.validate(node, spec::markdown());
  return text_of(node);
}

model::RichText LoaderState::text_of(pugi::xml_node node) {
  auto tc = reader_.text(node);
  auto start = reader_.source().span_at(tc.offset);
  TextOrigin origin{reader_.file_index(), reader_.source().path(), start.line, start.column, true};
  return RichText{parse_markdown(tc.text, origin, sink_), reader_.loc(node)};
}

std::optional<model::RichText> LoaderState::optional_markdown(pugi::xml_node parent, const char* child) {
  pugi::xml_node n = parent.child(child);
  if (!n) return std::nullopt;
  return markdown(n);
}

std::vector<model::RichText> LoaderState::markdown_list(pugi::xml_node parent, const char* child) {
  std::vector<RichText> out;
  for (pugi::xml_node n : parent.children(child)) out.push_back(markdown(n));
  return out;
}

std::optional<model::RichText> LoaderState::leading_body(pugi::xml_node parent) {
  pugi::xml_node b = parent.child("body");
  if (!b) return std::nullopt;
  return body(b).text;
}

std::vector<model::RichText> LoaderState::steps(pugi::xml_node parent) {
  pugi::xml_node st = parent.child("steps");
  if (!st) return {};
  reader_.validate(st, spec::steps());
  return markdown_list(st, "step");
}

std::optional<fs::path> LoaderState::confined(const std::string& relative, pugi::xml_node node, const char* attr,
                                              const char* rule) {
  const fs::path base = path_.has_parent_path() ? path_.parent_path() : fs::path(".");
  const fs::path target = base / relative;
  const fs::path root = options_.content_root.empty() ? util::default_content_root(path_) : options_.content_root;
  if (fs::path(relative).is_absolute() || !util::is_inside(target, root)) {
    sink_.report(rule, reader_.span(node, attr), {{"src", relative}, {"root", util::display_path(root)}});
    return std::nullopt;
  }
  return target;
}

model::Body LoaderState::body(pugi::xml_node node) {
  reader_.validate(node, spec::body());
  Body b;
  b.loc = reader_.loc(node);
  b.src = reader_.attr(node, "src");
  if (b.src.empty()) {
    b.text = text_of(node);
    return b;
  }
  b.text.loc = b.loc;
  if (!util::trim(reader_.text(node).text).empty()) {
    sink_.report("body-src-and-text", reader_.span(node), {{"src", b.src}});
  }
  const auto confined_target = confined(b.src, node, "src", "body-file-outside-content");
  if (!confined_target) return b;
  const fs::path& target = *confined_target;
  std::string text;
  auto status = util::read_file(target, text);
  if (status != util::ReadStatus::ok) {
    sink_.report("body-file-missing", reader_.span(node, "src"),
                 {{"src", b.src}, {"path", util::display_path(target)},
                  {"problem", status == util::ReadStatus::too_large ? "@io.too-large"
                              : status == util::ReadStatus::not_a_file ? "@io.not-a-file"
                              : status == util::ReadStatus::not_found  ? "@io.not-found"
                                                                       : "@io.unreadable"}});
    return b;
  }
  const std::string shown = util::display_path(target);
  std::size_t bad = 0;
  if (!util::is_valid_utf8(text, &bad)) {
    const auto& map = sources_.add(shown, text);
    sink_.report("encoding", map.span_at(bad), {{"problem", "@enc.invalid-utf8"}});
    return b;
  }
  sources_.add(shown, text);
  agreement_.files.push_back(shown);
  TextOrigin origin{static_cast<std::uint32_t>(agreement_.files.size() - 1), shown, 1, 1, false};
  b.text.blocks = parse_markdown(text, origin, sink_);
  return b;
}

void LoaderState::declare_id(const std::string& id, pugi::xml_node node) {
  if (id.empty()) return;
  model::Loc here = reader_.loc(node, "id");
  auto [it, inserted] = ids_.emplace(id, here);
  if (inserted) return;
  diag::Diagnostic d;
  d.severity = diag::default_severity("duplicate-id");
  d.rule = "duplicate-id";
  d.span = reader_.span(here);
  d.args = {{"id", id}};
  diag::Diagnostic note;
  note.severity = diag::Severity::note;
  note.rule = "duplicate-id-first";
  note.span = reader_.span(it->second);
  note.args = {{"id", id}};
  d.notes.push_back(std::move(note));
  sink_.add(std::move(d));
}

model::Section LoaderState::section(pugi::xml_node node, int depth) {
  reader_.validate(node, spec::section());
  Section s;
  s.id = reader_.attr(node, "id");
  declare_id(s.id, node);
  s.heading = reader_.plain(node.child("heading"));
  if (node.child("heading")) reader_.validate(node.child("heading"), spec::plain_text());
  for (const auto& area : util::split_ws(reader_.attr(node, "covers"))) {
    if (std::find(s.covers.begin(), s.covers.end(), area) == s.covers.end()) s.covers.push_back(area);
  }
  s.loc = reader_.loc(node);
  const std::string policy = reader_.attr(node, "local");
  s.local = policy == "extend"    ? LocalPolicy::extend
            : policy == "replace" ? LocalPolicy::replace
            : policy == "slot"    ? LocalPolicy::slot
                                  : LocalPolicy::locked;
  s.template_key = reader_.attr(node, "template");

  for (pugi::xml_node c : element_children(node)) {
    const std::string name = c.name();
    if (name == "heading") continue;
    if (name == "section") {
      if (depth >= kMaxSectionDepth) {
        sink_.report("section-too-deep", reader_.span(c), {{"limit", std::to_string(kMaxSectionDepth)}});
        continue;  // not descending further also bounds recursion on hostile input
      }
      s.children.push_back(section(c, depth + 1));
      continue;
    }
    const auto& names = section_content_elements();
    if (std::find(names.begin(), names.end(), name) != names.end()) s.content.push_back(content(c));
  }
  return s;
}

namespace {

template <class E>
E choice(const std::string& v, std::initializer_list<std::pair<const char*, E>> table, E fallback) {
  for (const auto& [name, value] : table) {
    if (v == name) return value;
  }
  return fallback;
}

}  // namespace

model::LocalSection LoaderState::local_section(pugi::xml_node node) {
  reader_.validate(node, spec::local_section());
  LocalSection l;
  l.ref = reader_.attr(node, "ref");
  const std::string action = reader_.attr(node, "action");
  l.action = action == "replace" ? LocalAction::replace : action == "fill" ? LocalAction::fill : LocalAction::extend;
  l.based_on = reader_.attr(node, "based-on");
  l.loc = reader_.loc(node);
  const auto& names = section_content_elements();
  for (pugi::xml_node c : element_children(node)) {
    if (std::find(names.begin(), names.end(), std::string(c.name())) != names.end()) l.content.push_back(content(c));
  }
  return l;
}

model::SectionContent LoaderState::content(pugi::xml_node node) {
  const std::string name = node.name();
  XmlReader& r = reader_;
  if (name == "body") return body(node);

  if (name == "target-groups") {
    r.validate(node, spec::target_groups());
    TargetGroups t;
    t.loc = r.loc(node);
    t.intro = leading_body(node);
    t.min_age = r.int_attr(node, "min-age");
    for (pugi::xml_node g : node.children("group")) {
      r.validate(g, spec::group());
      TargetGroup tg;
      tg.id = r.attr(g, "id");
      declare_id(tg.id, g);
      tg.name = r.attr(g, "name");
      tg.description = text_of(g);
      tg.loc = r.loc(g);
      t.groups.push_back(std::move(tg));
    }
    t.children = optional_markdown(node, "children");
    return t;
  }

  if (name == "goals") {
    r.validate(node, spec::goals());
    Goals g;
    g.loc = r.loc(node);
    g.intro = leading_body(node);
    g.goals = markdown_list(node, "goal");
    return g;
  }

  if (name == "responsibilities") {
    r.validate(node, spec::responsibilities());
    Responsibilities res;
    res.loc = r.loc(node);
    res.caption = r.attr(node, "caption");
    res.intro = leading_body(node);
    for (pugi::xml_node t : node.children("topic")) {
      r.validate(t, spec::topic());
      ResponsibilityTopic topic;
      topic.id = r.attr(t, "id");
      declare_id(topic.id, t);
      topic.name = r.attr(t, "name");
      topic.loc = r.loc(t);
      auto list = [&](const char* which, std::vector<RichText>& out) {
        if (pugi::xml_node l = t.child(which)) {
          r.validate(l, spec::items());
          out = markdown_list(l, "item");
        }
      };
      list("joint", topic.joint);
      list("municipality", topic.municipality);
      list("region", topic.region);
      res.topics.push_back(std::move(topic));
    }
    return res;
  }

  if (name == "sip-routine") {
    r.validate(node, spec::sip_routine());
    SipRoutine sip;
    sip.loc = r.loc(node);
    sip.intro = leading_body(node);
    sip.initiative = optional_markdown(node, "initiative");
    sip.consent = optional_markdown(node, "consent");
    if (pugi::xml_node pc = node.child("plan-contents")) {
      r.validate(pc, spec::plan_contents());
      for (pugi::xml_node c : pc.children("content")) {
        r.validate(c, spec::plan_content());
        auto kind = choice<PlanContentKind>(r.attr(c, "kind"),
                                            {{"interventions", PlanContentKind::interventions},
                                             {"responsibilities", PlanContentKind::responsibilities},
                                             {"other-actors", PlanContentKind::other_actors},
                                             {"lead-principal", PlanContentKind::lead_principal}},
                                            PlanContentKind::interventions);
        sip.plan_contents.push_back(PlanContent{kind, text_of(c)});
      }
    }
    sip.lead_responsibility = optional_markdown(node, "lead-responsibility");
    sip.steps = steps(node);
    return sip;
  }

  if (name == "routine") {
    r.validate(node, spec::routine());
    Routine rt;
    rt.loc = r.loc(node);
    rt.id = r.attr(node, "id");
    declare_id(rt.id, node);
    rt.kind = choice<RoutineKind>(r.attr(node, "kind"),
                                  {{"discharge", RoutineKind::discharge},
                                   {"compulsory-care", RoutineKind::compulsory_care},
                                   {"children-as-relatives", RoutineKind::children_as_relatives}},
                                  RoutineKind::other);
    rt.title = r.attr(node, "title");
    rt.body = leading_body(node);
    rt.steps = steps(node);
    return rt;
  }

  if (name == "validity") {
    r.validate(node, spec::validity());
    Validity v;
    v.loc = r.loc(node);
    v.body = leading_body(node);
    v.start = r.date_attr(node, "start").value_or(util::Date{});
    v.end = r.date_attr(node, "end");
    v.until_further_notice = r.bool_attr(node, "until-further-notice", false);
    if (v.until_further_notice && node.attribute("end")) {
      sink_.report("validity-conflict", r.span(node, "end"), {});
    } else if (!v.until_further_notice && !node.attribute("end")) {
      sink_.report("validity-no-end", r.span(node), {});
    }
    if (v.end && node.attribute("start") && r.date_attr(node, "start") && *v.end < v.start) {
      sink_.report("date-order", r.span(node, "end"), {{"start", v.start.iso()}, {"end", v.end->iso()}});
    }
    if (pugi::xml_node e = node.child("extension")) {
      r.validate(e, spec::extension());
      Extension ext;
      ext.loc = r.loc(e);
      ext.months = r.int_attr(e, "months").value_or(0);
      ext.condition = r.attr(e, "condition") == "revision-started" ? ExtensionCondition::revision_started
                                                                   : ExtensionCondition::no_notice;
      ext.repeat = r.bool_attr(e, "repeat", false);
      v.extension = ext;
    }
    if (pugi::xml_node n = node.child("notice")) {
      r.validate(n, spec::notice());
      v.notice_months = r.int_attr(n, "months");
    }
    if (pugi::xml_node n = node.child("review")) {
      r.validate(n, spec::review());
      v.review_every_months = r.int_attr(n, "every-months");
    }
    return v;
  }

  if (name == "dispute-ladder") {
    r.validate(node, spec::dispute_ladder());
    DisputeLadder d;
    d.loc = r.loc(node);
    d.id = r.attr(node, "id");
    declare_id(d.id, node);
    d.scope = choice<DisputeScope>(r.attr(node, "scope"),
                                   {{"local", DisputeScope::local}, {"individual", DisputeScope::individual}},
                                   DisputeScope::regional);
    d.intro = leading_body(node);
    auto level = [&](pugi::xml_node l) {
      r.validate(l, spec::dispute_level());
      return DisputeLevel{r.attr(l, "forum"), text_of(l), r.loc(l)};
    };
    for (pugi::xml_node l : node.children("level")) d.levels.push_back(level(l));
    d.interim = optional_markdown(node, "interim");
    if (pugi::xml_node f = node.child("final")) d.final_instance = level(f);
    return d;
  }

  if (name == "follow-up") {
    r.validate(node, spec::follow_up());
    FollowUp f;
    f.loc = r.loc(node);
    f.every_months = r.int_attr(node, "every-months").value_or(0);
    f.forum = r.attr(node, "forum");
    f.body = leading_body(node);
    for (pugi::xml_node p : node.children("priority")) {
      r.validate(p, spec::priority());
      f.priorities.push_back(FollowUpPriority{r.attr(p, "year"), text_of(p), r.loc(p)});
    }
    return f;
  }

  if (name == "user-participation") {
    r.validate(node, spec::user_participation());
    UserParticipation u;
    u.loc = r.loc(node);
    u.intro = leading_body(node);
    for (pugi::xml_node o : node.children("organisation")) {
      r.validate(o, spec::organisation());
      ConsultedOrganisation org;
      org.loc = r.loc(o);
      org.name = r.attr(o, "name");
      org.invited = r.partial_date_attr(o, "invited");
      org.form = choice<ParticipationForm>(r.attr(o, "form"),
                                           {{"reference-group", ParticipationForm::reference_group},
                                            {"working-group", ParticipationForm::working_group},
                                            {"consultation", ParticipationForm::consultation},
                                            {"dialogue", ParticipationForm::dialogue}},
                                           ParticipationForm::unspecified);
      org.contribution = text_of(o);
      u.organisations.push_back(std::move(org));
    }
    u.outcome = optional_markdown(node, "outcome");
    return u;
  }

  if (name == "prompt") {
    r.validate(node, spec::plain_text());
    return Prompt{r.plain(node), r.loc(node)};
  }

  // standard-text (the only remaining name section() dispatches here)
  r.validate(node, spec::standard_text());
  StandardText st{r.attr(node, "name"), r.loc(node)};
  const auto& known = options_.standard_texts;
  if (!st.name.empty() && !known.empty() && std::find(known.begin(), known.end(), st.name) == known.end()) {
    sink_.report("unknown-standard-text", r.span(node, "name"),
                 {{"name", st.name}, {"suggestion", diag::suggest(st.name, known)}, {"known", util::join(known, ", ")}});
  }
  return st;
}

}  // namespace okgen::load
