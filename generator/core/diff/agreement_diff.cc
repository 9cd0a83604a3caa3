// Agreement diffs (see agreement_diff.h).
#include "diff/agreement_diff.h"

#include <algorithm>
#include <set>

#include "model/walk.h"
#include "text/template_engine.h"
#include "util/text.h"

namespace okgen::diff {

using namespace okgen::model;
using text::Value;

const char* to_string(Change c) {
  switch (c) {
    case Change::unchanged: return "unchanged";
    case Change::changed: return "changed";
    case Change::added: return "added";
    case Change::removed: return "removed";
  }
  return "unchanged";
}

int SectionDiff::change_count() const {
  int n = static_cast<int>(statements.size());
  for (const auto& p : paragraphs) n += p.change != Change::unchanged;
  for (const auto& t : tables)
    for (const auto& r : t.rows) n += r.change != Change::unchanged;
  if (change == Change::added || change == Change::removed) n = std::max(n, 1);
  n += moved + renamed;
  return n;
}

bool AgreementDiff::identical() const { return total_changes() == 0; }

int AgreementDiff::total_changes() const {
  int n = static_cast<int>(meta.size() + back_matter.size());
  for (const auto& s : sections) n += s.change_count();
  return n;
}

namespace {

// ---- Wording ----

class Words {
 public:
  explicit Words(const text::Catalog& labels) : labels_(labels) {}
  std::string say(const std::string& key, std::initializer_list<std::pair<const char*, std::string>> args) const {
    Value ctx;
    for (const auto& [k, v] : args) ctx.set(k, v.empty() ? Value{false} : Value{v});
    return text::render(labels_.get("diff", key), ctx, text::Escape::none);
  }
  std::string label(const std::string& key) const { return labels_.get("diff", key); }

 private:
  const text::Catalog& labels_;
};


// ---- The text of a section, as comparable paragraphs ----

void block_paragraphs(const Blocks& blocks, std::vector<std::string>& out) {
  for (const auto& b : blocks) {
    if (const auto* l = std::get_if<List>(&b.node)) {
      for (const auto& item : l->items) block_paragraphs(item, out);
    } else if (const auto* q = std::get_if<BlockQuote>(&b.node)) {
      block_paragraphs(q->children, out);
    } else if (const auto* d = std::get_if<Div>(&b.node)) {
      block_paragraphs(d->children, out);
    } else {
      Blocks one{b};
      std::string t = plain_text(one);
      t = std::string(util::trim(t));
      if (!t.empty()) out.push_back(t);
    }
  }
}

// Paragraphs of the author's text; responsibility matrices are compared as tables instead,
// and dispute ladder levels carry their forum so a changed level reads in context.
std::vector<std::string> paragraphs_of(const Section& s) {
  std::vector<std::string> out;
  for (const auto& c : s.content) {
    if (std::holds_alternative<Responsibilities>(c)) {
      const auto& r = std::get<Responsibilities>(c);
      if (r.intro) block_paragraphs(r.intro->blocks, out);
      continue;
    }
    if (const auto* d = std::get_if<DisputeLadder>(&c)) {
      if (d->intro) block_paragraphs(d->intro->blocks, out);
      for (const auto& l : d->levels) out.push_back(l.forum + ": " + util::join(util::split_ws(plain_text(l.text.blocks)), " "));
      if (d->interim) block_paragraphs(d->interim->blocks, out);
      if (d->final_instance) {
        out.push_back(d->final_instance->forum + ": " + util::join(util::split_ws(plain_text(d->final_instance->text.blocks)), " "));
      }
      continue;
    }
    if (const auto* p = std::get_if<Prompt>(&c)) {
      out.push_back(p->question);
      continue;
    }
    for_each_rich_text(c, [&](const RichText& t) { block_paragraphs(t.blocks, out); });
  }
  return out;
}

// Pairs the paragraphs of two versions: equal ones by a diff, then each run of deleted and
// inserted paragraphs matched up by similarity (a reworded paragraph is a change, not a
// deletion and an insertion).
std::vector<ParagraphDiff> diff_paragraphs(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<ParagraphDiff> out;
  const auto script = edit_script(a, b);
  std::size_t i = 0;
  while (i < script.size()) {
    if (script[i].op == Op::same) {
      out.push_back({Change::unchanged, {{Op::same, a[script[i].old_index]}}});
      ++i;
      continue;
    }
    std::vector<std::size_t> dels, inss;
    for (; i < script.size() && script[i].op != Op::same; ++i) {
      (script[i].op == Op::del ? dels : inss).push_back(script[i].op == Op::del ? script[i].old_index : script[i].new_index);
    }
    // Greedy in order: each deleted paragraph takes the next inserted one that resembles it.
    std::size_t next_ins = 0;
    for (std::size_t d : dels) {
      std::size_t match = inss.size();
      for (std::size_t k = next_ins; k < inss.size() && k < next_ins + 3; ++k) {
        if (similarity(a[d], b[inss[k]]) >= 0.4) {
          match = k;
          break;
        }
      }
      if (match == inss.size()) {
        out.push_back({Change::removed, {{Op::del, a[d]}}});
        continue;
      }
      for (; next_ins < match; ++next_ins) out.push_back({Change::added, {{Op::ins, b[inss[next_ins]]}}});
      out.push_back({Change::changed, diff_words(a[d], b[inss[match]])});
      next_ins = match + 1;
    }
    for (; next_ins < inss.size(); ++next_ins) out.push_back({Change::added, {{Op::ins, b[inss[next_ins]]}}});
  }
  return out;
}

// ---- Structured elements, stated in words ----

template <class T>
std::vector<const T*> all_of(const Section& s) {
  std::vector<const T*> out;
  for (const auto& c : s.content) {
    if (const auto* x = std::get_if<T>(&c)) out.push_back(x);
  }
  return out;
}

std::string period(const Validity& v, const Words& w) {
  return v.start.iso() + "–" + (v.end ? v.end->iso() : w.label("until-further-notice"));
}

void compare_validity(const Section& a, const Section& b, const Words& w, std::vector<std::string>& out) {
  auto va = all_of<Validity>(a), vb = all_of<Validity>(b);
  for (std::size_t i = 0; i < std::max(va.size(), vb.size()); ++i) {
    if (i >= va.size()) { out.push_back(w.say("validity.added", {{"new", period(*vb[i], w)}})); continue; }
    if (i >= vb.size()) { out.push_back(w.say("validity.removed", {{"old", period(*va[i], w)}})); continue; }
    const Validity &x = *va[i], &y = *vb[i];
    if (period(x, w) != period(y, w)) out.push_back(w.say("validity.period", {{"old", period(x, w)}, {"new", period(y, w)}}));
    auto ext = [&](const Validity& v) {
      return v.extension ? w.say("validity.extension-value", {{"months", std::to_string(v.extension->months)},
                                                             {"repeat", v.extension->repeat ? "1" : ""}})
                         : w.label("none");
    };
    if (ext(x) != ext(y)) out.push_back(w.say("validity.extension", {{"old", ext(x)}, {"new", ext(y)}}));
    auto months = [&](const std::optional<int>& m) { return m ? std::to_string(*m) + " " + w.label("months") : w.label("none"); };
    if (x.notice_months != y.notice_months) {
      out.push_back(w.say("validity.notice", {{"old", months(x.notice_months)}, {"new", months(y.notice_months)}}));
    }
    if (x.review_every_months != y.review_every_months) {
      out.push_back(w.say("validity.review", {{"old", months(x.review_every_months)}, {"new", months(y.review_every_months)}}));
    }
  }
}

void compare_ladders(const Section& a, const Section& b, const Words& w, std::vector<std::string>& out) {
  auto la = all_of<DisputeLadder>(a), lb = all_of<DisputeLadder>(b);
  for (std::size_t i = 0; i < std::max(la.size(), lb.size()); ++i) {
    if (i >= la.size()) { out.push_back(w.say("ladder.added", {{"levels", std::to_string(lb[i]->levels.size())}})); continue; }
    if (i >= lb.size()) { out.push_back(w.say("ladder.removed", {})); continue; }
    std::vector<std::string> fa, fb;
    for (const auto& l : la[i]->levels) fa.push_back(util::lower_sv(l.forum));
    for (const auto& l : lb[i]->levels) fb.push_back(util::lower_sv(l.forum));
    const auto script = edit_script(fa, fb);
    // A deleted level followed by an inserted one at the same place is a changed level.
    for (std::size_t k = 0; k < script.size(); ++k) {
      const Edit& e = script[k];
      if (e.op == Op::del && k + 1 < script.size() && script[k + 1].op == Op::ins) {
        const std::size_t n = script[k + 1].new_index + 1;
        out.push_back(w.say("ladder.level-changed", {{"level", std::to_string(n)}, {"old", la[i]->levels[e.old_index].forum},
                                                      {"new", lb[i]->levels[script[k + 1].new_index].forum}}));
        ++k;
      } else if (e.op == Op::del) {
        out.push_back(w.say("ladder.level-removed", {{"level", std::to_string(e.old_index + 1)}, {"forum", la[i]->levels[e.old_index].forum}}));
      } else if (e.op == Op::ins) {
        out.push_back(w.say("ladder.level-added", {{"level", std::to_string(e.new_index + 1)}, {"forum", lb[i]->levels[e.new_index].forum}}));
      } else if (plain_text(la[i]->levels[e.old_index].text.blocks) != plain_text(lb[i]->levels[e.new_index].text.blocks)) {
        out.push_back(w.say("ladder.level-text", {{"level", std::to_string(e.new_index + 1)}, {"forum", lb[i]->levels[e.new_index].forum}}));
      }
    }
    auto final_forum = [&](const DisputeLadder& d) { return d.final_instance ? d.final_instance->forum : w.label("none"); };
    if (final_forum(*la[i]) != final_forum(*lb[i])) {
      out.push_back(w.say("ladder.final", {{"old", final_forum(*la[i])}, {"new", final_forum(*lb[i])}}));
    }
  }
}

void compare_follow_up(const Section& a, const Section& b, const Words& w, std::vector<std::string>& out) {
  auto fa = all_of<FollowUp>(a), fb = all_of<FollowUp>(b);
  for (std::size_t i = 0; i < std::min(fa.size(), fb.size()); ++i) {
    if (fa[i]->every_months != fb[i]->every_months) {
      out.push_back(w.say("follow-up.interval", {{"old", std::to_string(fa[i]->every_months)}, {"new", std::to_string(fb[i]->every_months)}}));
    }
    if (fa[i]->forum != fb[i]->forum) out.push_back(w.say("follow-up.forum", {{"old", fa[i]->forum}, {"new", fb[i]->forum}}));
  }
  if (fa.size() != fb.size()) out.push_back(w.say(fb.size() > fa.size() ? "follow-up.added" : "follow-up.removed", {}));
}

void compare_target_groups(const Section& a, const Section& b, const Words& w, std::vector<std::string>& out) {
  auto ta = all_of<TargetGroups>(a), tb = all_of<TargetGroups>(b);
  for (std::size_t i = 0; i < std::min(ta.size(), tb.size()); ++i) {
    auto age = [&](const TargetGroups& t) { return t.min_age ? std::to_string(*t.min_age) : w.label("none"); };
    if (age(*ta[i]) != age(*tb[i])) out.push_back(w.say("target-groups.age", {{"old", age(*ta[i])}, {"new", age(*tb[i])}}));
  }
}

// Responsibility matrices: rows by topic (id, else name), each cell's items one per line.
void compare_responsibilities(const Section& a, const Section& b, const Words& w, std::vector<std::string>& out,
                              std::vector<TableDiff>& tables) {
  auto ra = all_of<Responsibilities>(a), rb = all_of<Responsibilities>(b);
  const std::vector<std::string> columns = {w.label("column.joint"), w.label("column.municipality"), w.label("column.region")};
  for (std::size_t i = 0; i < std::max(ra.size(), rb.size()); ++i) {
    static const Responsibilities kEmpty;
    const Responsibilities& x = i < ra.size() ? *ra[i] : kEmpty;
    const Responsibilities& y = i < rb.size() ? *rb[i] : kEmpty;
    TableDiff t;
    t.caption = y.caption.empty() ? x.caption : y.caption;
    t.header = {w.label("column.topic")};
    t.header.insert(t.header.end(), columns.begin(), columns.end());
    auto key = [](const ResponsibilityTopic& r) { return r.id.empty() ? util::lower_sv(r.name) : r.id; };
    auto cells = [](const ResponsibilityTopic& r) {
      std::vector<std::vector<std::string>> c(3);
      const std::vector<RichText>* lists[] = {&r.joint, &r.municipality, &r.region};
      for (int k = 0; k < 3; ++k)
        for (const auto& item : *lists[k]) c[static_cast<std::size_t>(k)].push_back(util::join(util::split_ws(plain_text(item.blocks)), " "));
      return c;
    };
    std::vector<std::string> ka, kb;
    for (const auto& r : x.topics) ka.push_back(key(r));
    for (const auto& r : y.topics) kb.push_back(key(r));
    for (const auto& e : edit_script(ka, kb)) {
      RowDiff row;
      if (e.op == Op::ins) {
        const auto& r = y.topics[e.new_index];
        row.change = Change::added;
        row.topic = r.name;
        for (const auto& c : cells(r)) row.cells.push_back({{Op::ins, util::join(c, "\n")}});
        out.push_back(w.say("responsibilities.row-added", {{"topic", r.name}}));
      } else if (e.op == Op::del) {
        const auto& r = x.topics[e.old_index];
        row.change = Change::removed;
        row.topic = r.name;
        for (const auto& c : cells(r)) row.cells.push_back({{Op::del, util::join(c, "\n")}});
        out.push_back(w.say("responsibilities.row-removed", {{"topic", r.name}}));
      } else {
        const auto& ro = x.topics[e.old_index];
        const auto& rn = y.topics[e.new_index];
        row.topic = rn.name;
        const auto co = cells(ro), cn = cells(rn);
        for (std::size_t k = 0; k < 3; ++k) {
          row.cells.push_back(diff_words(util::join(co[k], "\n"), util::join(cn[k], "\n")));
          // Item by item, in words: "Regionens ansvar (Boende): ny punkt: ...".
          for (const auto& ie : edit_script(co[k], cn[k])) {
            if (ie.op == Op::ins) out.push_back(w.say("responsibilities.item-added", {{"column", columns[k]}, {"topic", rn.name}, {"item", cn[k][ie.new_index]}}));
            if (ie.op == Op::del) out.push_back(w.say("responsibilities.item-removed", {{"column", columns[k]}, {"topic", rn.name}, {"item", co[k][ie.old_index]}}));
          }
        }
        const bool changed = std::any_of(row.cells.begin(), row.cells.end(), has_changes) || ro.name != rn.name;
        row.change = changed ? Change::changed : Change::unchanged;
      }
      t.rows.push_back(std::move(row));
    }
    tables.push_back(std::move(t));
  }
}

// ---- Sections ----

struct Flat {
  const Section* s;
  std::string parent;  ///< parent section id ("" at top level)
  std::vector<std::string> areas;  ///< its covers, else its nearest ancestor's
  std::vector<std::string> paragraphs;
  std::string text;  ///< all paragraphs, for similarity
};

void flatten(const std::vector<Section>& sections, const std::string& parent, const std::vector<std::string>& areas,
             std::vector<Flat>& out) {
  for (const auto& s : sections) {
    Flat f{&s, parent, s.covers.empty() ? areas : s.covers, paragraphs_of(s), ""};
    f.text = util::join(f.paragraphs, "\n");
    const std::vector<std::string> mine = f.areas;
    out.push_back(std::move(f));
    flatten(s.children, s.id, mine, out);
  }
}

SectionDiff compare_sections(const Flat* a, const Flat* b, const Words& w) {
  SectionDiff d;
  const Section& ref = b ? *b->s : *a->s;
  d.id = ref.id;
  d.number = ref.number;
  d.heading = ref.heading;
  d.depth = ref.depth;
  d.areas = b ? b->areas : a->areas;
  if (a) {
    d.old_id = a->s->id;
    d.old_number = a->s->number;
    d.old_heading = a->s->heading;
  }
  if (!a || !b) {
    d.change = a ? Change::removed : Change::added;
    const Flat& only = a ? *a : *b;
    for (const auto& p : only.paragraphs) d.paragraphs.push_back({d.change, {{a ? Op::del : Op::ins, p}}});
    return d;
  }
  d.renamed = a->s->heading != b->s->heading;
  compare_validity(*a->s, *b->s, w, d.statements);
  compare_ladders(*a->s, *b->s, w, d.statements);
  compare_follow_up(*a->s, *b->s, w, d.statements);
  compare_target_groups(*a->s, *b->s, w, d.statements);
  compare_responsibilities(*a->s, *b->s, w, d.statements, d.tables);
  d.paragraphs = diff_paragraphs(a->paragraphs, b->paragraphs);
  const bool text_changed = std::any_of(d.paragraphs.begin(), d.paragraphs.end(),
                                        [](const ParagraphDiff& p) { return p.change != Change::unchanged; });
  bool table_changed = false;
  for (const auto& t : d.tables)
    for (const auto& r : t.rows) table_changed = table_changed || r.change != Change::unchanged;
  d.change = text_changed || table_changed || !d.statements.empty() ? Change::changed : Change::unchanged;
  return d;
}

// ---- Metadata and back matter ----

void compare_meta(const Agreement& a, const Agreement& b, const Words& w, std::vector<std::string>& out) {
  auto field = [&](const char* key, const std::string& x, const std::string& y) {
    if (x != y) out.push_back(w.say(std::string("meta.") + key, {{"old", x.empty() ? w.label("none") : x}, {"new", y.empty() ? w.label("none") : y}}));
  };
  field("title", a.meta.title, b.meta.title);
  field("version", a.meta.version, b.meta.version);
  field("diarienummer", a.meta.diarienummer, b.meta.diarienummer);
  auto decision = [](const Agreement& x) { return x.meta.decision ? x.meta.decision->body + " " + x.meta.decision->date.iso() : std::string(); };
  field("decision", decision(a), decision(b));
  std::set<std::string> pa, pb;
  for (const auto& p : a.meta.parties) pa.insert(p.name);
  for (const auto& p : b.meta.parties) pb.insert(p.name);
  for (const auto& p : b.meta.parties) {
    if (!pa.count(p.name)) out.push_back(w.say("meta.party-added", {{"party", p.name}}));
  }
  for (const auto& p : a.meta.parties) {
    if (!pb.count(p.name)) out.push_back(w.say("meta.party-removed", {{"party", p.name}}));
  }
}

std::string cite(const LawRef& l) {
  std::string s = l.law + " (" + l.sfs + ")";
  if (!l.chapter.empty()) s += " " + l.chapter + " kap.";
  if (!l.section.empty()) s += " " + l.section + " §";
  return s;
}

void compare_back_matter(const Agreement& a, const Agreement& b, const Words& w, std::vector<std::string>& out) {
  std::map<std::string, const LawRef*> la, lb;
  for (const auto& l : a.law_refs) la[l.id] = &l;
  for (const auto& l : b.law_refs) lb[l.id] = &l;
  for (const auto& l : b.law_refs) {
    auto it = la.find(l.id);
    if (it == la.end()) out.push_back(w.say("law.added", {{"law", cite(l)}}));
    else if (cite(*it->second) != cite(l)) out.push_back(w.say("law.changed", {{"old", cite(*it->second)}, {"new", cite(l)}}));
  }
  for (const auto& l : a.law_refs) {
    if (!lb.count(l.id)) out.push_back(w.say("law.removed", {{"law", cite(l)}}));
  }
  std::set<std::string> da, db;
  for (const auto& d : a.related) da.insert(d.title);
  for (const auto& d : b.related) db.insert(d.title);
  for (const auto& d : b.related) {
    if (!da.count(d.title)) out.push_back(w.say("document.added", {{"title", d.title}}));
  }
  for (const auto& d : a.related) {
    if (!db.count(d.title)) out.push_back(w.say("document.removed", {{"title", d.title}}));
  }
  std::set<std::string> ra;
  for (const auto& r : a.revisions) ra.insert(r.version);
  for (const auto& r : b.revisions) {
    if (!ra.count(r.version)) {
      out.push_back(w.say("revision.added", {{"version", r.version}, {"date", r.date.iso()}, {"by", r.decided_by}}));
    }
  }
}

}  // namespace

AgreementDiff diff_agreements(const Agreement& old_a, const Agreement& new_a, const text::Catalog& labels) {
  const Words w(labels);
  AgreementDiff out;
  out.old_source = old_a.files.empty() ? "" : old_a.path();
  out.new_source = new_a.files.empty() ? "" : new_a.path();
  out.old_title = old_a.meta.title;
  out.new_title = new_a.meta.title;
  out.new_short_title = new_a.meta.short_title.empty() ? new_a.meta.title : new_a.meta.short_title;
  out.new_region = new_a.meta.region;
  out.old_version = old_a.meta.version;
  out.new_version = new_a.meta.version;
  // A reader of the redline (a deciding forum) knows versions by their dates, not by paths.
  auto date_of = [](const Agreement& a) -> std::string {
    if (a.meta.decision) return a.meta.decision->date.iso();
    return a.revisions.empty() ? "" : a.revisions.back().date.iso();
  };
  out.old_date = date_of(old_a);
  out.new_date = date_of(new_a);
  compare_meta(old_a, new_a, w, out.meta);

  // A local agreement's texts for regional sections are compared like sections of their own.
  auto local_texts = [&](const Agreement& a) {
    std::vector<Section> texts;
    for (const auto& ls : a.local_sections) {
      Section s;
      s.id = "lokal-text:" + ls.ref;
      s.heading = w.say("local-section", {{"ref", ls.ref}, {"action", to_string(ls.action)}});
      s.content = ls.content;
      s.loc = ls.loc;
      texts.push_back(std::move(s));
    }
    return texts;
  };
  const std::vector<Section> la = local_texts(old_a), lb = local_texts(new_a);
  std::vector<Flat> fa, fb;
  flatten(old_a.sections, "", {}, fa);
  flatten(la, "", {}, fa);
  flatten(new_a.sections, "", {}, fb);
  flatten(lb, "", {}, fb);
  // Match by id, then the rest by heading, then by text similarity (a renamed id).
  std::vector<long> match_of_new(fb.size(), -1), match_of_old(fa.size(), -1);
  std::map<std::string, std::size_t> old_by_id;
  for (std::size_t i = 0; i < fa.size(); ++i) old_by_id[fa[i].s->id] = i;
  for (std::size_t j = 0; j < fb.size(); ++j) {
    auto it = old_by_id.find(fb[j].s->id);
    if (it != old_by_id.end()) {
      match_of_new[j] = static_cast<long>(it->second);
      match_of_old[it->second] = static_cast<long>(j);
    }
  }
  for (std::size_t j = 0; j < fb.size(); ++j) {
    if (match_of_new[j] >= 0) continue;
    long best = -1;
    double best_score = 0;
    for (std::size_t i = 0; i < fa.size(); ++i) {
      if (match_of_old[i] >= 0) continue;
      double score = util::lower_sv(fa[i].s->heading) == util::lower_sv(fb[j].s->heading) ? 1.0 : 0.0;
      if (score < 1.0 && !fa[i].text.empty() && !fb[j].text.empty()) score = similarity(fa[i].text, fb[j].text);
      if (score > best_score) {
        best_score = score;
        best = static_cast<long>(i);
      }
    }
    if (best >= 0 && best_score >= 0.6) {
      match_of_new[j] = best;
      match_of_old[static_cast<std::size_t>(best)] = static_cast<long>(j);
    }
  }
  // Moved: matched sections whose order relative to the others changed (not on the longest
  // common order), or whose parent changed.
  std::vector<std::size_t> old_order_in_new;
  std::vector<std::size_t> new_indices;
  for (std::size_t j = 0; j < fb.size(); ++j) {
    if (match_of_new[j] >= 0) {
      old_order_in_new.push_back(static_cast<std::size_t>(match_of_new[j]));
      new_indices.push_back(j);
    }
  }
  std::vector<std::size_t> sorted = old_order_in_new;
  std::sort(sorted.begin(), sorted.end());
  std::set<std::size_t> in_order;
  for (const auto& e : edit_script(sorted, old_order_in_new)) {
    if (e.op == Op::same) in_order.insert(old_order_in_new[e.new_index]);
  }

  auto parent_moved = [&](std::size_t j) {
    const Flat& nb = fb[j];
    const Flat& na = fa[static_cast<std::size_t>(match_of_new[j])];
    if (nb.parent.empty() || na.parent.empty()) return nb.parent != na.parent;
    // Compare parents through the matching (a parent may itself have a new id).
    for (std::size_t k = 0; k < fb.size(); ++k) {
      if (fb[k].s->id == nb.parent) {
        return match_of_new[k] < 0 || fa[static_cast<std::size_t>(match_of_new[k])].s->id != na.parent;
      }
    }
    return true;
  };

  std::size_t next_old = 0;  // removed old sections are shown where they stood
  auto flush_removed = [&](std::size_t up_to) {
    for (; next_old < up_to && next_old < fa.size(); ++next_old) {
      if (match_of_old[next_old] < 0) out.sections.push_back(compare_sections(&fa[next_old], nullptr, w));
    }
  };
  for (std::size_t j = 0; j < fb.size(); ++j) {
    if (match_of_new[j] < 0) {
      out.sections.push_back(compare_sections(nullptr, &fb[j], w));
      continue;
    }
    const auto i = static_cast<std::size_t>(match_of_new[j]);
    if (in_order.count(i)) flush_removed(i + 1);
    SectionDiff d = compare_sections(&fa[i], &fb[j], w);
    d.moved = !in_order.count(i) || parent_moved(j);
    if (d.moved && d.change == Change::unchanged) d.change = Change::changed;
    if (d.renamed && d.change == Change::unchanged) d.change = Change::changed;
    out.sections.push_back(std::move(d));
  }
  flush_removed(fa.size());

  compare_back_matter(old_a, new_a, w, out.back_matter);
  for (const auto& s : out.sections) {
    const int n = s.change_count();
    if (n == 0) continue;
    if (s.areas.empty()) out.per_area[""] += n;
    for (const auto& area : s.areas) out.per_area[area] += n;
  }
  return out;
}

}  // namespace okgen::diff
