// Loc relocation over the whole model.
#include "model/relocate.h"

#include "model/walk.h"

namespace okgen::model {
namespace {

void shift(Loc& l, std::uint32_t offset) { l.file += offset; }

void shift(RichText& t, std::uint32_t offset) {
  shift(t.loc, offset);
  shift_files(t.blocks, offset);
}

void shift(std::optional<RichText>& t, std::uint32_t offset) {
  if (t) shift(*t, offset);
}

void shift(std::vector<RichText>& v, std::uint32_t offset) {
  for (auto& t : v) shift(t, offset);
}


// Block locs only; inlines are shifted once, by the caller, over the whole tree.
void shift_block_locs(Blocks& blocks, std::uint32_t offset) {
  for (auto& b : blocks) {
    shift(b.loc, offset);
    std::visit(overloaded{
                   [&](List& l) {
                     for (auto& item : l.items) shift_block_locs(item, offset);
                   },
                   [&](BlockQuote& q) { shift_block_locs(q.children, offset); },
                   [&](Div& d) { shift_block_locs(d.children, offset); },
                   [&](Table& t) {
                     for (auto* rows : {&t.head, &t.body})
                       for (auto& row : *rows)
                         for (auto& cell : row.cells) shift_block_locs(cell.content, offset);
                   },
                   [](auto&) {},
               },
               b.node);
  }
}

}  // namespace

void shift_files(Blocks& blocks, std::uint32_t offset) {
  shift_block_locs(blocks, offset);
  for_each_inline_mut(blocks, [&](Inline& in) { shift(in.loc, offset); });
}

void shift_files(SectionContent& c, std::uint32_t offset) {
  std::visit(overloaded{
                 [&](Body& b) {
                   shift(b.loc, offset);
                   shift(b.text, offset);
                 },
                 [&](TargetGroups& t) {
                   shift(t.loc, offset);
                   shift(t.intro, offset);
                   shift(t.children, offset);
                   for (auto& g : t.groups) {
                     shift(g.loc, offset);
                     shift(g.description, offset);
                   }
                 },
                 [&](Goals& g) {
                   shift(g.loc, offset);
                   shift(g.intro, offset);
                   shift(g.goals, offset);
                 },
                 [&](Responsibilities& r) {
                   shift(r.loc, offset);
                   shift(r.intro, offset);
                   for (auto& t : r.topics) {
                     shift(t.loc, offset);
                     shift(t.joint, offset);
                     shift(t.municipality, offset);
                     shift(t.region, offset);
                   }
                 },
                 [&](SipRoutine& s) {
                   shift(s.loc, offset);
                   shift(s.intro, offset);
                   shift(s.initiative, offset);
                   shift(s.consent, offset);
                   for (auto& p : s.plan_contents) shift(p.text, offset);
                   shift(s.lead_responsibility, offset);
                   shift(s.steps, offset);
                 },
                 [&](Routine& r) {
                   shift(r.loc, offset);
                   shift(r.body, offset);
                   shift(r.steps, offset);
                 },
                 [&](Validity& v) {
                   shift(v.loc, offset);
                   shift(v.body, offset);
                   if (v.extension) shift(v.extension->loc, offset);
                 },
                 [&](DisputeLadder& d) {
                   shift(d.loc, offset);
                   shift(d.intro, offset);
                   for (auto& l : d.levels) {
                     shift(l.loc, offset);
                     shift(l.text, offset);
                   }
                   shift(d.interim, offset);
                   if (d.final_instance) {
                     shift(d.final_instance->loc, offset);
                     shift(d.final_instance->text, offset);
                   }
                 },
                 [&](FollowUp& f) {
                   shift(f.loc, offset);
                   shift(f.body, offset);
                   for (auto& p : f.priorities) {
                     shift(p.loc, offset);
                     shift(p.text, offset);
                   }
                 },
                 [&](UserParticipation& u) {
                   shift(u.loc, offset);
                   shift(u.intro, offset);
                   shift(u.outcome, offset);
                   for (auto& o : u.organisations) {
                     shift(o.loc, offset);
                     shift(o.contribution, offset);
                   }
                 },
                 [&](StandardText& s) { shift(s.loc, offset); },
                 [&](Prompt& p) { shift(p.loc, offset); },
             },
             c);
}

void shift_files(Section& s, std::uint32_t offset) {
  shift(s.loc, offset);
  for (auto& c : s.content) shift_files(c, offset);
  for (auto& child : s.children) shift_files(child, offset);
}

}  // namespace okgen::model
