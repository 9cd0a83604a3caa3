// Area coverage of agreements in okgen's format, judged on substance: a section tagged as
// covering an area must have text of some length, and the structured elements must hold
// what the law and the Meddelandeblad ask for (a SIP routine that says who may take the
// initiative, that consent is needed, the four contents and the lead responsibility ...).
#include <algorithm>
#include <map>
#include <set>

#include "model/span.h"
#include "review/checker.h"
#include "review/facets.h"
#include "review/text_dates.h"
#include "review/text_document.h"
#include "model/walk.h"
#include "util/regex.h"
#include "util/text.h"

namespace okgen::review {

using namespace okgen::model;

namespace {

using model::span_of;

// Which area a structured element speaks to.
const char* area_of(const SectionContent& c) {
  return std::visit(overloaded{
                        [](const Body&) -> const char* { return nullptr; },
                        [](const TargetGroups&) -> const char* { return "target-groups"; },
                        [](const Goals&) -> const char* { return "common-goals"; },
                        [](const Responsibilities&) -> const char* { return "responsibilities"; },
                        [](const SipRoutine&) -> const char* { return "individual-plans"; },
                        [](const Routine&) -> const char* { return "individual-routines"; },
                        [](const Validity&) -> const char* { return "validity"; },
                        [](const DisputeLadder&) -> const char* { return "disputes"; },
                        [](const FollowUp&) -> const char* { return "follow-up"; },
                        [](const UserParticipation&) -> const char* { return "user-participation"; },
                        [](const StandardText&) -> const char* { return nullptr; },
                        [](const Prompt&) -> const char* { return nullptr; },
                    },
                    c);
}

struct Evidence {
  int words = 0;
  bool tagged = false;      // a section says it covers the area
  bool element = false;     // a structured element of the area exists
  bool defective = false;   // an element lacks something the area needs
  diag::SourceSpan where;
  std::string heading;
  std::string text;  // lower-case text of the covering sections, for term checks
};

// Substance checks of the structured elements; each gap is a finding of its own.
bool check_element(const Agreement& a, const SectionContent& c, diag::DiagnosticSink& sink) {
  bool ok = true;
  auto gap = [&](const char* rule, const Loc& loc, const char* part) {
    sink.report(rule, span_of(a, loc), {{"part", part}});
    ok = false;
  };
  std::visit(overloaded{
                 [&](const SipRoutine& s) {
                   if (!s.initiative) gap("sip-incomplete", s.loc, "@sip.initiative");
                   if (!s.consent) gap("sip-incomplete", s.loc, "@sip.consent");
                   for (const auto& entry : {std::pair{PlanContentKind::interventions, "@sip.interventions"},
                                             std::pair{PlanContentKind::responsibilities, "@sip.responsibilities"},
                                             std::pair{PlanContentKind::other_actors, "@sip.other-actors"},
                                             std::pair{PlanContentKind::lead_principal, "@sip.lead-principal"}}) {
                     // (clang 14 cannot capture structured bindings, hence .first/.second)
                     bool found = std::any_of(s.plan_contents.begin(), s.plan_contents.end(),
                                              [&](const PlanContent& p) { return p.kind == entry.first; });
                     if (!found) gap("sip-incomplete", s.loc, entry.second);
                   }
                   if (!s.lead_responsibility) gap("sip-incomplete", s.loc, "@sip.lead");
                 },
                 [&](const Responsibilities& r) {
                   bool joint = false, municipality = false, region = false;
                   for (const auto& t : r.topics) {
                     joint = joint || !t.joint.empty();
                     municipality = municipality || !t.municipality.empty();
                     region = region || !t.region.empty();
                   }
                   if (!joint) gap("responsibilities-incomplete", r.loc, "@resp.joint");
                   if (!municipality) gap("responsibilities-incomplete", r.loc, "@resp.municipality");
                   if (!region) gap("responsibilities-incomplete", r.loc, "@resp.region");
                 },
                 [&](const DisputeLadder& d) {
                   if (d.levels.size() + (d.final_instance ? 1 : 0) < 2) gap("dispute-ladder-short", d.loc, "");
                   if (!d.final_instance) gap("dispute-no-final", d.loc, "");
                 },
                 [&](const TargetGroups& t) {
                   if (t.min_age && *t.min_age > 0 && !t.children) {
                     sink.report("children-not-covered", span_of(a, t.loc), {{"age", std::to_string(*t.min_age)}});
                   }
                 },
                 [&](const Validity& v) {
                   if (v.until_further_notice && !v.review_every_months) gap("validity-no-review", v.loc, "");
                 },
                 [](const auto&) {},
             },
             c);
  return ok;
}

void text_of(const SectionContent& c, std::string& out) {
  for_each_rich_text(c, [&](const RichText& t) { out += plain_text(t.blocks) + " "; });
}

std::string one_line(const std::string& t) {
  std::string out;
  for (char c : t) {
    const char d = c == '\n' || c == '\t' ? ' ' : c;
    if (d == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += d;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Blocks as a text agreement writes them: paragraphs apart, list items one per line, and a
// paragraph that leads into a list ("Kommunen ansvarar för:", "MÅL") right above it, so the
// text reader takes it as the list's lead-in, as it does in a text agreement.
void blocks_as_text(const Blocks& blocks, std::string& out) {
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const auto& b = blocks[k];
    if (const auto* l = std::get_if<List>(&b.node)) {
      for (const auto& item : l->items) out += "- " + one_line(plain_text(item)) + "\n";
      out += "\n";
    } else if (const auto* d = std::get_if<Div>(&b.node)) {
      blocks_as_text(d->children, out);
    } else {
      const std::string line = one_line(plain_text(Blocks{b}));
      const bool list_next = k + 1 < blocks.size() && std::holds_alternative<List>(blocks[k + 1].node);
      out += line + (list_next && util::lead_in(line) ? "\n" : "\n\n");
    }
  }
}

// The areas as the text checker judges them (review/facets.h) on the agreement's own text,
// laid out as a text agreement is (headings with their numbers, paragraphs, list items): prose is
// judged by the same facets whichever form the agreement comes in.
std::map<std::string, Coverage> facet_verdicts(const Agreement& a, const data::ReferenceData& data,
                                               const std::set<std::string>& areas) {
  // Headings marked as Markdown headings, as deep as their numbers: a text reader takes a
  // numbered line for a heading only when it looks like one, and one that does not ("1.1
  // Vem omfattas?" ends like a sentence) would break the outline and every heading after it.
  std::string text;
  for_each_section(a.sections, [&](const Section& s) {
    const auto depth = std::min<std::size_t>(6, 1 + static_cast<std::size_t>(std::count(s.number.begin(), s.number.end(), '.')));
    text += "\n" + std::string(depth, '#') + " " + s.number + " " + s.heading + "\n\n";
    for (const auto& c : s.content) for_each_rich_text(c, [&](const RichText& t) { blocks_as_text(t.blocks, text); });
  });
  const TextDocument doc = read_text_document("", text);
  std::vector<DateScan> scans;
  for (const auto& sentence : doc.sentences) scans.push_back(scan_dates(sentence.text));
  std::map<std::string, Coverage> out;
  for (const auto& c : judge_areas(doc, scans, data, &areas)) out[c.area] = c.status;
  return out;
}

}  // namespace

std::vector<AreaCoverage> check_coverage(const Agreement& a, const std::vector<ProseUnit>& prose,
                                         const ProseContext& ctx, diag::DiagnosticSink& sink) {
  (void)prose;
  std::map<std::string, Evidence> ev;
  for_each_section(a.sections, [&](const Section& s) {
    std::string text = s.heading + " ";
    for (const auto& c : s.content) text_of(c, text);
    for (const auto& area : s.covers) {
      Evidence& e = ev[area];
      if (!e.tagged) {
        e.where = span_of(a, model::text_loc(s));
        e.heading = s.number + " " + s.heading;
      }
      e.tagged = true;
      e.words += util::word_count(text);
      e.text += util::lower_sv(text) + " ";
    }
    for (const auto& c : s.content) {
      const char* area = area_of(c);
      if (!area) continue;
      Evidence& e = ev[area];
      if (!e.tagged && !e.element) {
        e.where = span_of(a, model::text_loc(s));
        e.heading = s.number + " " + s.heading;
      }
      e.element = true;
      if (!check_element(a, c, sink)) e.defective = true;
      // The element's own text counts even when its section is tagged for another area.
      if (std::find(s.covers.begin(), s.covers.end(), area) == s.covers.end()) {
        std::string t;
        text_of(c, t);
        e.words += util::word_count(t);
        e.text += util::lower_sv(t) + " ";
      }
    }
  });
  // Parties and adoption live in the metadata as well.
  int principals = 0;
  for (const auto& p : a.meta.parties) principals += p.role == PartyRole::principal;
  if (principals >= 1) {
    Evidence& e = ev["parties"];
    if (!e.tagged) {
      e.where = span_of(a, a.meta.loc);
      e.heading = "<parties>";
    }
    e.element = true;
    e.words = std::max(e.words, ctx.options.min_words);
    // A regional agreement needs the region and at least one municipality (Gotland is both).
    bool region = false, municipality = false;
    for (const auto& p : a.meta.parties) {
      region = region || (p.kind == PartyKind::region && p.role == PartyRole::principal);
      municipality = municipality || (p.kind == PartyKind::municipality && p.role == PartyRole::principal);
    }
    if (!region && !municipality) e.defective = true;
  }
  if (a.meta.decision || (a.signatures && !a.signatures->signatories.empty())) {
    Evidence& e = ev["adoption"];
    if (!e.tagged) {
      e.where = span_of(a, a.meta.decision ? a.meta.decision->loc : a.signatures->loc);
      e.heading = a.meta.decision ? "<decision>" : "<signatures>";
    }
    e.element = true;
    e.words = std::max(e.words, ctx.options.min_words);
  }

  // Prose is judged by the facets when an area has no structured element.
  // The facets read the whole text, as they do a text agreement's (an area is often stated
  // outside the section tagged with it). A local agreement keeps the word rule: merged, it
  // carries its regional agreement's text, which is judged with the regional agreement, and
  // reading it again for each of a region's municipalities made `check` seven times slower.
  // An element that lacks something (a matrix without a joint column) leaves its area partial
  // unless the text states what it lacks elsewhere (a section on the joint responsibilities),
  // as the text agreement's verdict would say; the element's own finding stays.
  // Only the areas that need it are judged (most of a structured agreement's are elements).
  std::map<std::string, Coverage> facets;
  std::set<std::string> judged;
  for (const auto& [id, e] : ev)
    if ((e.tagged && !e.element) || (e.element && e.defective)) judged.insert(id);
  if (!judged.empty() && a.kind != AgreementKind::local) facets = facet_verdicts(a, ctx.data, judged);

  std::vector<AreaCoverage> out;
  for (const auto& area : ctx.data.areas) {
    AreaCoverage c;
    c.area = area.id;
    auto it = ev.find(area.id);
    if (it == ev.end() || (!it->second.tagged && !it->second.element)) {
      c.status = Coverage::missing;
      out.push_back(c);
      continue;
    }
    const Evidence& e = it->second;
    c.where = e.where;
    c.where_text = e.heading;
    // Prose without a structured element needs the words that show substance.
    bool terms_ok = true;
    if (!e.element) {
      for (const auto& k : ctx.data.area_keywords) {
        if (k.area != area.id) continue;
        int found = 0;
        for (const auto& term : k.terms) {
          // Both are lower case (the text is lowered when gathered; data/area-keywords.tsv
          // writes terms in lower case), and a case-blind regex is many times slower. Most
          // terms are plain words: those are looked for as text, without a regex.
          const bool literal = term.find_first_of(".^$|()[]{}*+?\\") == std::string::npos;
          if (literal ? e.text.find(term) != std::string::npos
                      : util::regex_search(e.text, compiled_pattern(term, false))) {
            ++found;
          }
        }
        terms_ok = found >= k.min_terms;
      }
    }
    // A complete structured element is substance in itself (a validity clause is short);
    // prose, as a text agreement is, by the facets its text states (every required one:
    // covered; a validity clause of one sentence can state them all); an area no facet
    // describes, by its length and the words that show it is about the area.
    auto f = facets.find(area.id);
    const bool by_facets = !e.element && f != facets.end();
    const bool stated = f != facets.end() && f->second == Coverage::covered;
    const bool substance = e.element    ? !e.defective || stated
                           : by_facets ? stated
                                       : e.words >= ctx.options.min_words && terms_ok;
    c.status = substance ? Coverage::covered : Coverage::partial;
    out.push_back(c);
  }
  return out;
}

}  // namespace okgen::review
