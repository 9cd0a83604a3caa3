// The element table of content format version 1 (keep in step with schema/agreement.xsd).
#include "load/format_spec.h"

#include <algorithm>

namespace okgen::load::spec {
namespace {

constexpr int kMany = -1;

// Markdown elements that only carry text, with optional extra attributes.
ElementSpec md(const char* type, std::vector<AttrSpec> attrs = {}) {
  return ElementSpec{type, std::move(attrs), {}, TextMode::markdown};
}

}  // namespace

const ElementSpec& agreement() {
  static const ElementSpec s{
      "agreement",
      {{"id", AttrType::id, true},
       {"kind", AttrType::choice, true, {"regional", "local"}},
       {"lang", AttrType::language},
       {"format", AttrType::choice, false, {"1"}}},
      {{"meta", 1, 1, 0},
       {"section", 0, kMany, 1},
       {"local-section", 0, kMany, 1},
       {"legal-references", 0, 1, 2},
       {"related-documents", 0, 1, 3},
       {"revision-history", 0, 1, 4},
       {"signatures", 0, 1, 5}},
  };
  return s;
}

const ElementSpec& meta() {
  static const ElementSpec s{"meta",
                             {},
                             {{"title", 1, 1, 0},
                              {"short-title", 0, 1, 0},
                              {"subtitle", 0, 1, 0},
                              {"region", 1, 1, 0},
                              {"version", 1, 1, 0},
                              {"diarienummer", 0, 1, 0},
                              {"decision", 0, 1, 0},
                              {"keywords", 0, 1, 0},
                              {"parties", 1, 1, 0},
                              {"parent", 0, 1, 0},
                              {"municipality", 0, 1, 0}}};
  return s;
}

const ElementSpec& plain_text() {
  static const ElementSpec s{"text", {}, {}, TextMode::plain};
  return s;
}

const ElementSpec& decision() {
  static const ElementSpec s = md("decision", {{"body", AttrType::text, true},
                                               {"date", AttrType::partial_date, true},
                                               {"reference", AttrType::text}});
  return s;
}

const ElementSpec& parties() {
  static const ElementSpec s{"parties", {}, {{"party", 1, kMany, 0}}};
  return s;
}

const ElementSpec& party() {
  static const ElementSpec s{
      "party",
      {{"id", AttrType::id},
       {"kind", AttrType::choice, true, {"region", "municipality", "user-organisation", "other"}},
       {"role", AttrType::choice, false, {"principal", "consulted", "observer"}},
       {"code", AttrType::pattern, false, {"county-or-municipality-code"}}},
      {},
      TextMode::plain};
  return s;
}

const ElementSpec& parent() {
  static const ElementSpec s{
      "parent", {{"href", AttrType::text, true}, {"diarienummer", AttrType::text}, {"version", AttrType::text}}, {}};
  return s;
}

const ElementSpec& municipality_ref() {
  static const ElementSpec s{
      "municipality", {{"code", AttrType::pattern, true, {"municipality-code"}}}, {}, TextMode::plain};
  return s;
}

const ElementSpec& section() {
  static const ElementSpec s{"section",
                             {{"id", AttrType::id, true},
                              {"covers", AttrType::area_list},
                              {"local", AttrType::choice, false, {"locked", "extend", "replace", "slot"}},
                              {"template", AttrType::id}},
                             {{"heading", 1, 1, 0},
                              {"body", 0, kMany, 1},
                              {"target-groups", 0, kMany, 1},
                              {"goals", 0, kMany, 1},
                              {"responsibilities", 0, kMany, 1},
                              {"sip-routine", 0, kMany, 1},
                              {"routine", 0, kMany, 1},
                              {"validity", 0, kMany, 1},
                              {"dispute-ladder", 0, kMany, 1},
                              {"follow-up", 0, kMany, 1},
                              {"user-participation", 0, kMany, 1},
                              {"standard-text", 0, kMany, 1},
                              {"prompt", 0, kMany, 1},
                              {"section", 0, kMany, 2}}};
  return s;
}

const ElementSpec& local_section() {
  static const ElementSpec s{"local-section",
                             {{"ref", AttrType::id, true},
                              {"action", AttrType::choice, true, {"extend", "replace", "fill"}},
                              {"based-on", AttrType::text}},
                             {{"body", 0, kMany, 0},
                              {"target-groups", 0, kMany, 0},
                              {"goals", 0, kMany, 0},
                              {"responsibilities", 0, kMany, 0},
                              {"sip-routine", 0, kMany, 0},
                              {"routine", 0, kMany, 0},
                              {"validity", 0, kMany, 0},
                              {"dispute-ladder", 0, kMany, 0},
                              {"follow-up", 0, kMany, 0},
                              {"user-participation", 0, kMany, 0},
                              {"standard-text", 0, kMany, 0},
                              {"prompt", 0, kMany, 0}}};
  return s;
}

const ElementSpec& body() {
  static const ElementSpec s = md("body", {{"src", AttrType::text}});
  return s;
}

const ElementSpec& markdown() {
  static const ElementSpec s = md("markdown");
  return s;
}

const ElementSpec& target_groups() {
  static const ElementSpec s{"target-groups",
                             {{"min-age", AttrType::age}},
                             {{"body", 0, 1, 0}, {"group", 1, kMany, 1}, {"children", 0, 1, 2}}};
  return s;
}

const ElementSpec& group() {
  static const ElementSpec s = md("group", {{"id", AttrType::id}, {"name", AttrType::text, true}});
  return s;
}

const ElementSpec& goals() {
  static const ElementSpec s{"goals", {}, {{"body", 0, 1, 0}, {"goal", 1, kMany, 1}}};
  return s;
}

const ElementSpec& responsibilities() {
  static const ElementSpec s{
      "responsibilities", {{"caption", AttrType::text}}, {{"body", 0, 1, 0}, {"topic", 1, kMany, 1}}};
  return s;
}

const ElementSpec& topic() {
  static const ElementSpec s{"topic",
                             {{"id", AttrType::id}, {"name", AttrType::text, true}},
                             {{"joint", 0, 1, 0}, {"municipality", 0, 1, 1}, {"region", 0, 1, 2}}};
  return s;
}

const ElementSpec& items() {
  static const ElementSpec s{"items", {}, {{"item", 0, kMany, 0}}};
  return s;
}

const ElementSpec& sip_routine() {
  static const ElementSpec s{"sip-routine",
                             {},
                             {{"body", 0, 1, 0},
                              {"initiative", 0, 1, 1},
                              {"consent", 0, 1, 2},
                              {"plan-contents", 0, 1, 3},
                              {"lead-responsibility", 0, 1, 4},
                              {"steps", 0, 1, 5}}};
  return s;
}

const ElementSpec& plan_contents() {
  static const ElementSpec s{"plan-contents", {}, {{"content", 1, kMany, 0}}};
  return s;
}

const ElementSpec& plan_content() {
  static const ElementSpec s = md(
      "content",
      {{"kind", AttrType::choice, true, {"interventions", "responsibilities", "other-actors", "lead-principal"}}});
  return s;
}

const ElementSpec& steps() {
  static const ElementSpec s{"steps", {}, {{"step", 1, kMany, 0}}};
  return s;
}

const ElementSpec& routine() {
  static const ElementSpec s{
      "routine",
      {{"id", AttrType::id},
       {"kind", AttrType::choice, true, {"discharge", "compulsory-care", "children-as-relatives", "other"}},
       {"title", AttrType::text, true}},
      {{"body", 0, 1, 0}, {"steps", 0, 1, 1}}};
  return s;
}

const ElementSpec& validity() {
  static const ElementSpec s{"validity",
                             {{"start", AttrType::date, true},
                              {"end", AttrType::date},
                              {"until-further-notice", AttrType::boolean}},
                             {{"body", 0, 1, 0}, {"extension", 0, 1, 1}, {"notice", 0, 1, 2}, {"review", 0, 1, 3}}};
  return s;
}

const ElementSpec& extension() {
  static const ElementSpec s{"extension",
                             {{"months", AttrType::months, true},
                              {"condition", AttrType::choice, true, {"no-notice", "revision-started"}},
                              {"repeat", AttrType::boolean}},
                             {}};
  return s;
}

const ElementSpec& notice() {
  static const ElementSpec s{"notice", {{"months", AttrType::months, true}}, {}};
  return s;
}

const ElementSpec& review() {
  static const ElementSpec s{"review", {{"every-months", AttrType::months, true}}, {}};
  return s;
}

const ElementSpec& dispute_ladder() {
  static const ElementSpec s{
      "dispute-ladder",
      {{"id", AttrType::id}, {"scope", AttrType::choice, false, {"regional", "local", "individual"}}},
      {{"body", 0, 1, 0}, {"level", 1, kMany, 1}, {"interim", 0, 1, 2}, {"final", 0, 1, 3}}};
  return s;
}

const ElementSpec& dispute_level() {
  static const ElementSpec s = md("level", {{"forum", AttrType::text, true}});
  return s;
}

const ElementSpec& follow_up() {
  static const ElementSpec s{"follow-up",
                             {{"every-months", AttrType::months, true}, {"forum", AttrType::text, true}},
                             {{"body", 0, 1, 0}, {"priority", 0, kMany, 1}}};
  return s;
}

const ElementSpec& priority() {
  static const ElementSpec s = md("priority", {{"year", AttrType::pattern, false, {"year"}}});
  return s;
}

const ElementSpec& user_participation() {
  static const ElementSpec s{"user-participation",
                             {},
                             {{"body", 0, 1, 0}, {"organisation", 1, kMany, 1}, {"outcome", 0, 1, 2}}};
  return s;
}

const ElementSpec& organisation() {
  static const ElementSpec s =
      md("organisation",
         {{"name", AttrType::text, true},
          {"invited", AttrType::partial_date},
          {"form", AttrType::choice, false, {"reference-group", "working-group", "consultation", "dialogue"}}});
  return s;
}

const ElementSpec& standard_text() {
  static const ElementSpec s{"standard-text", {{"name", AttrType::id, true}}, {}};
  return s;
}

const ElementSpec& legal_references() {
  static const ElementSpec s{"legal-references", {}, {{"law-ref", 0, kMany, 0}, {"source", 0, kMany, 0}}};
  return s;
}

const ElementSpec& law_ref() {
  static const ElementSpec s = md("law-ref", {{"id", AttrType::id, true},
                                              {"law", AttrType::text, true},
                                              {"sfs", AttrType::pattern, true, {"sfs"}},
                                              {"chapter", AttrType::pattern, false, {"law-section"}},
                                              {"section", AttrType::pattern, false, {"law-section"}},
                                              {"title", AttrType::text}});
  return s;
}

const ElementSpec& source() {
  static const ElementSpec s{"source", {{"id", AttrType::id, true}, {"href", AttrType::uri}}, {}, TextMode::plain};
  return s;
}

const ElementSpec& related_documents() {
  static const ElementSpec s{"related-documents", {}, {{"document", 1, kMany, 0}}};
  return s;
}

const ElementSpec& document() {
  static const ElementSpec s{"document",
                             {{"id", AttrType::id}, {"href", AttrType::uri}, {"diarienummer", AttrType::text}},
                             {},
                             TextMode::plain};
  return s;
}

const ElementSpec& revision_history() {
  static const ElementSpec s{"revision-history", {}, {{"revision", 1, kMany, 0}}};
  return s;
}

const ElementSpec& revision() {
  static const ElementSpec s = md("revision", {{"version", AttrType::text, true},
                                               {"date", AttrType::partial_date, true},
                                               {"decided-by", AttrType::text},
                                               {"draft", AttrType::boolean}});
  return s;
}

const ElementSpec& signatures() {
  static const ElementSpec s{
      "signatures", {{"place", AttrType::text}, {"date", AttrType::date}}, {{"signatory", 1, kMany, 0}}};
  return s;
}

const ElementSpec& signatory() {
  static const ElementSpec s{
      "signatory", {{"party", AttrType::id, true}, {"name", AttrType::text}, {"title", AttrType::text, true}}, {}};
  return s;
}

}  // namespace okgen::load::spec

namespace okgen::load {

std::vector<std::string> parents_of(const std::string& child) {
  static const std::vector<const ElementSpec*> kAll = {
      &spec::agreement(),
      &spec::meta(),
      &spec::plain_text(),
      &spec::decision(),
      &spec::parties(),
      &spec::party(),
      &spec::parent(),
      &spec::municipality_ref(),
      &spec::section(),
      &spec::local_section(),
      &spec::body(),
      &spec::markdown(),
      &spec::target_groups(),
      &spec::group(),
      &spec::goals(),
      &spec::responsibilities(),
      &spec::topic(),
      &spec::items(),
      &spec::sip_routine(),
      &spec::plan_contents(),
      &spec::plan_content(),
      &spec::steps(),
      &spec::routine(),
      &spec::validity(),
      &spec::extension(),
      &spec::notice(),
      &spec::review(),
      &spec::dispute_ladder(),
      &spec::dispute_level(),
      &spec::follow_up(),
      &spec::priority(),
      &spec::user_participation(),
      &spec::organisation(),
      &spec::standard_text(),
      &spec::legal_references(),
      &spec::law_ref(),
      &spec::source(),
      &spec::related_documents(),
      &spec::document(),
      &spec::revision_history(),
      &spec::revision(),
      &spec::signatures(),
      &spec::signatory()};
  std::vector<std::string> out;
  for (const ElementSpec* s : kAll) {
    for (const auto& c : s->children) {
      if (child == c.name) {
        out.emplace_back(s->type);
        break;
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<std::string>& section_content_elements() {
  static const std::vector<std::string> kNames = {
      "body",     "target-groups",  "goals",     "responsibilities",   "sip-routine",  "routine",
      "validity", "dispute-ladder", "follow-up", "user-participation", "standard-text", "prompt"};
  return kNames;
}

}  // namespace okgen::load
