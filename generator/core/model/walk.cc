// Model traversal.
#include "model/walk.h"

namespace okgen::model {
namespace {

template <class InlinesT, class Fn>
void walk_inlines(InlinesT& inlines, const Fn& fn) {
  for (auto& in : inlines) {
    fn(in);
    std::visit(overloaded{
                   [&](auto& node) {
                     using T = std::decay_t<decltype(node)>;
                     if constexpr (std::is_same_v<T, Emph> || std::is_same_v<T, Strong> ||
                                   std::is_same_v<T, Link> || std::is_same_v<T, CrossRef>) {
                       walk_inlines(node.children, fn);
                     }
                   },
               },
               in.node);
  }
}

template <class BlocksT, class Fn>
void walk_blocks(BlocksT& blocks, const Fn& fn) {
  for (auto& b : blocks) {
    std::visit(overloaded{
                   [&](auto& node) {
                     using T = std::decay_t<decltype(node)>;
                     if constexpr (std::is_same_v<T, Paragraph>) {
                       walk_inlines(node.content, fn);
                     } else if constexpr (std::is_same_v<T, List>) {
                       for (auto& item : node.items) walk_blocks(item, fn);
                     } else if constexpr (std::is_same_v<T, BlockQuote> || std::is_same_v<T, Div>) {
                       walk_blocks(node.children, fn);
                     } else if constexpr (std::is_same_v<T, Table>) {
                       walk_inlines(node.caption, fn);
                       for (auto* rows : {&node.head, &node.body})
                         for (auto& row : *rows)
                           for (auto& cell : row.cells) walk_blocks(cell.content, fn);
                     }
                   },
               },
               b.node);
  }
}

void visit_opt(const std::optional<RichText>& t, const Section* s,
               const std::function<void(const RichText&, const Section*)>& fn) {
  if (t) fn(*t, s);
}

void visit_content(const SectionContent& c, const Section* s,
                   const std::function<void(const RichText&, const Section*)>& fn) {
  std::visit(overloaded{
                 [&](const Body& b) { fn(b.text, s); },
                 [&](const TargetGroups& t) {
                   visit_opt(t.intro, s, fn);
                   for (const auto& g : t.groups) fn(g.description, s);
                   visit_opt(t.children, s, fn);
                 },
                 [&](const Goals& g) {
                   visit_opt(g.intro, s, fn);
                   for (const auto& x : g.goals) fn(x, s);
                 },
                 [&](const Responsibilities& r) {
                   visit_opt(r.intro, s, fn);
                   for (const auto& t : r.topics) {
                     for (const auto* list : {&t.joint, &t.municipality, &t.region})
                       for (const auto& item : *list) fn(item, s);
                   }
                 },
                 [&](const SipRoutine& r) {
                   visit_opt(r.intro, s, fn);
                   visit_opt(r.initiative, s, fn);
                   visit_opt(r.consent, s, fn);
                   for (const auto& p : r.plan_contents) fn(p.text, s);
                   visit_opt(r.lead_responsibility, s, fn);
                   for (const auto& x : r.steps) fn(x, s);
                 },
                 [&](const Routine& r) {
                   visit_opt(r.body, s, fn);
                   for (const auto& x : r.steps) fn(x, s);
                 },
                 [&](const Validity& v) { visit_opt(v.body, s, fn); },
                 [&](const DisputeLadder& d) {
                   visit_opt(d.intro, s, fn);
                   for (const auto& l : d.levels) fn(l.text, s);
                   visit_opt(d.interim, s, fn);
                   if (d.final_instance) fn(d.final_instance->text, s);
                 },
                 [&](const FollowUp& f) {
                   visit_opt(f.body, s, fn);
                   for (const auto& p : f.priorities) fn(p.text, s);
                 },
                 [&](const UserParticipation& u) {
                   visit_opt(u.intro, s, fn);
                   for (const auto& o : u.organisations) fn(o.contribution, s);
                   visit_opt(u.outcome, s, fn);
                 },
                 [&](const StandardText&) {},
                 [&](const Prompt&) {},
             },
             c);
}

void visit_sections(const std::vector<Section>& sections,
                    const std::function<void(const RichText&, const Section*)>& fn) {
  for (const auto& s : sections) {
    for (const auto& c : s.content) visit_content(c, &s, fn);
    visit_sections(s.children, fn);
  }
}

}  // namespace

void for_each_rich_text(const Agreement& a, const std::function<void(const RichText&, const Section*)>& fn) {
  if (a.meta.decision) visit_opt(a.meta.decision->note, nullptr, fn);
  visit_sections(a.sections, fn);
  for (const auto& l : a.law_refs) visit_opt(l.comment, nullptr, fn);
  for (const auto& r : a.revisions) fn(r.summary, nullptr);
}

void for_each_rich_text(const SectionContent& content, const std::function<void(const RichText&)>& fn) {
  visit_content(content, nullptr, [&](const RichText& t, const Section*) { fn(t); });
}

void for_each_inline(const Blocks& blocks, const std::function<void(const Inline&)>& fn) { walk_blocks(blocks, fn); }

void for_each_inline_mut(Blocks& blocks, const std::function<void(Inline&)>& fn) { walk_blocks(blocks, fn); }

void for_each_section(const std::vector<Section>& sections, const std::function<void(const Section&)>& fn) {
  for (const auto& s : sections) {
    fn(s);
    for_each_section(s.children, fn);
  }
}

}  // namespace okgen::model
