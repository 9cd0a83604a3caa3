// Composition of an agreement into a renderable Doc.
#include "compose/composer.h"

#include <map>

#include "compose/fragments.h"
#include "compose/wording.h"
#include "load/markdown.h"
#include "model/span.h"
#include "model/walk.h"
#include "util/url.h"

namespace okgen::compose {

using model::Block;
using model::Blocks;
using text::Value;
using namespace okgen::model;

std::string long_date(const util::Date& d, const text::Catalog& labels) {
  return std::to_string(d.day) + " " + labels.get("labels", "month." + std::to_string(d.month)) + " " +
         std::to_string(d.year);
}

std::string long_date(const util::PartialDate& d, const text::Catalog& labels) {
  switch (d.precision) {
    case util::PartialDate::Precision::year: return std::to_string(d.date.year);
    case util::PartialDate::Precision::month:
      return labels.get("labels", "month." + std::to_string(d.date.month)) + " " + std::to_string(d.date.year);
    case util::PartialDate::Precision::day: return long_date(d.date, labels);
  }
  return d.iso();
}

std::string validity_label(const ValidityStatus& s, const text::Catalog& labels) {
  Value ctx;
  auto date = [&](const char* key, const std::optional<util::Date>& d) {
    Value v;
    if (d) {
      v.set("iso", d->iso());
      v.set("long", long_date(*d, labels));
    }
    ctx.set(key, d ? v : Value{""});
  };
  date("start", s.start);
  date("current_end", s.current_end);
  date("notice_deadline", s.notice_deadline);
  date("next_review", s.next_review);
  return text::render(labels.get("labels", std::string("status.") + to_string(s.state)), ctx, text::Escape::none);
}

namespace {

// Note templates end with their own full stop; a source written with one keeps just one.
std::string without_final_period(const std::string& s) {
  return !s.empty() && s.back() == '.' ? s.substr(0, s.size() - 1) : s;
}

Blocks paragraph(const std::string& text) {
  model::Inlines in;
  in.push_back(model::Inline{model::Text{text}, {}});
  Blocks b;
  b.push_back(Block{model::Paragraph{std::move(in)}, {}});
  return b;
}

class Composer {
 public:
  Composer(const Agreement& a, const Resources& res, const ComposeOptions& opts, diag::DiagnosticSink& sink)
      : a_(a), res_(res), opts_(opts), sink_(sink), wording_(a, res.labels, fragments_) {
    agreement_ctx_ = wording_.agreement();
  }

  Doc run() {
    Doc d;
    d.id = a_.id;
    d.lang = a_.lang;
    d.kind = to_string(a_.kind);
    d.kind_label = label(std::string("kind.") + d.kind + (a_.form == model::LocalForm::consolidated ? "-consolidated" : ""));
    d.title = a_.meta.title;
    d.short_title = a_.meta.short_title;
    d.subtitle = a_.meta.subtitle;
    d.region = a_.meta.region;
    d.version = a_.meta.version;
    d.diarienummer = a_.meta.diarienummer;
    d.keywords = a_.meta.keywords;
    if (a_.meta.decision) d.date = a_.meta.decision->date.iso();
    if (!a_.revisions.empty()) d.date = a_.revisions.back().date.iso();

    const AgreementValidity judged = agreement_validity(a_, opts_.as_of);
    const Validity* validity = judged.validity;
    d.validity = judged.status;
    d.validity_label = status_label(d.validity);

    meta_rows(d, validity);
    for (const auto& s : a_.sections) d.sections.push_back(section(s));
    revisions(d);
    signatures(d);
    resolve_cross_references(d);
    number_notes(d);
    return d;
  }

 private:
  std::string label(const std::string& key) const { return res_.labels.get("labels", key); }

  std::string status_label(const ValidityStatus& s) { return validity_label(s, res_.labels); }

  // Renders templates/text/<name>.md with the element context plus the agreement's values,
  // parses the Markdown and splices the author's text back in.
  Blocks render(const std::string& name, Value ctx) {
    const std::string tmpl = "text/" + name + ".md";
    // The agreement's values are a large context; most templates never look at them, and
    // converting them for every paragraph of a long agreement is most of the cost.
    const std::string& source = res_.templates.source(tmpl);
    if (source.find("agreement") != std::string::npos || source.find("{{>") != std::string::npos) {
      ctx.set("agreement", agreement_ctx_);
    }
    std::string md = res_.templates.render(tmpl, ctx, text::Escape::markdown);
    load::TextOrigin origin{0, "templates/" + tmpl + ".mustache", 1, 1, false};
    Blocks blocks = load::parse_markdown(md, origin, sink_);
    fragments_.splice(blocks);
    return blocks;
  }

  Blocks div(const std::string& role, Blocks children, const Loc& loc) {
    Blocks out;
    out.push_back(Block{model::Div{role, std::move(children)}, loc});
    return out;
  }

  Blocks content(const SectionContent& c) {
    return std::visit(
        overloaded{
            [&](const Body& b) { return b.text.blocks; },
            [&](const TargetGroups& t) { return div("target-groups", render("target-groups", wording_.target_groups(t)), t.loc); },
            [&](const Goals& g) { return div("goals", render("goals", wording_.goals(g)), g.loc); },
            [&](const Responsibilities& r) { return div("responsibilities", responsibilities(r), r.loc); },
            [&](const SipRoutine& s) { return div("sip-routine", render("sip-routine", wording_.sip_routine(s)), s.loc); },
            [&](const Routine& r) { return div("routine", render("routine", wording_.routine(r)), r.loc); },
            [&](const Validity& v) {
              Value ctx = wording_.validity(v);
              ctx.set("body", wording_.frag(v.body));
              return div("validity", render("validity", ctx), v.loc);
            },
            [&](const DisputeLadder& d) { return div("dispute-ladder", render("dispute-ladder", wording_.dispute_ladder(d)), d.loc); },
            [&](const FollowUp& f) { return div("follow-up", render("follow-up", wording_.follow_up(f)), f.loc); },
            [&](const UserParticipation& u) {
              return div("user-participation", render("user-participation", wording_.user_participation(u)), u.loc);
            },
            [&](const StandardText& s) { return div("standard-text", render("standard/" + s.name, Value{}), s.loc); },
            [&](const Prompt& p) {
              // An unanswered guiding question stays visible, so a draft looks like one.
              Value ctx;
              ctx.set("question", p.question);
              return div("prompt", render("prompt", ctx), p.loc);
            },
        },
        c);
  }

  // Local agreements say for each section whose text it is: under the heading of every
  // top-level section and wherever the origin changes, in words (not colour alone).
  Blocks origin_note(const std::string& flag) {
    Value ctx;
    ctx.set(flag, true);
    return div("origin", render("origin", ctx), {});
  }

  static const char* origin_flag(Origin o) {
    switch (o) {
      case Origin::own: return "own";
      case Origin::regional: return "regional";
      case Origin::regional_extended: return "extended";
      case Origin::local_replaced: return "replaced";
      case Origin::local_filled: return "filled";
    }
    return "own";
  }

  DocSection section(const Section& s, const Section* parent = nullptr) {
    DocSection out;
    out.id = s.id;
    out.number = s.number;
    out.heading = s.heading;
    out.depth = s.depth;
    // The consolidated version says whose text each section is; the local document is all
    // the municipality's, and its texts for regional sections say which section they belong to.
    const bool local_doc = a_.kind == AgreementKind::local && a_.meta.municipality && a_.form != model::LocalForm::document;
    if (!s.adds_to.empty()) {
      const std::string flag = origin_flag(s.origin);
      Value ctx;
      ctx.set("heading", s.heading);
      ctx.set("number", regional_number(s.adds_to));
      out.heading = text::render(label("local.adds-to." + flag), ctx, text::Escape::none);
      model::Inlines intro;
      intro.push_back(model::Inline{model::Text{label("local.adds-to-intro." + flag) + " "}, s.loc});
      intro.push_back(model::Inline{model::CrossRef{s.adds_to, {}}, s.loc});
      intro.push_back(model::Inline{model::Text{"."}, s.loc});
      out.blocks.push_back(Block{model::Paragraph{std::move(intro)}, s.loc});
    }
    if (local_doc) {
      out.origin = origin_flag(s.origin);
      if (!parent || parent->origin != s.origin || (s.origin != Origin::regional && s.origin != Origin::own)) {
        for (auto& b : origin_note(out.origin)) out.blocks.push_back(std::move(b));
      }
    }
    Blocks addition;
    for (std::size_t i = 0; i < s.content.size(); ++i) {
      const bool is_addition = local_doc && s.origin == Origin::regional_extended && i >= s.local_from;
      for (auto& b : content(s.content[i])) (is_addition ? addition : out.blocks).push_back(std::move(b));
    }
    if (!addition.empty()) {
      Blocks framed = render("origin", Value{}.set("addition", true));
      for (auto& b : addition) framed.push_back(std::move(b));
      for (auto& b : div("local-text", std::move(framed), s.local_loc)) out.blocks.push_back(std::move(b));
    }
    for (const auto& child : s.children) out.children.push_back(section(child, &s));
    return out;
  }

  std::string regional_number(const std::string& id) const {
    for (const auto& r : a_.regional_sections) {
      if (r.id == id) return r.number;
    }
    return "";
  }

  // The responsibility matrix: a row per topic, a column per principal (and joint).
  Blocks responsibilities(const Responsibilities& r) {
    Blocks out;
    if (r.intro) out = r.intro->blocks;
    model::Table t;
    t.role = "responsibilities";
    t.caption = std::get<model::Paragraph>(paragraph(r.caption.empty() ? label("responsibilities.caption") : r.caption)[0].node).content;
    t.widths = {16, 28, 28, 28};
    model::TableRow head;
    for (const char* key : {"responsibilities.topic", "responsibilities.joint", "responsibilities.municipality",
                            "responsibilities.region"}) {
      head.cells.push_back(model::TableCell{paragraph(label(key)), true});
    }
    t.head.push_back(std::move(head));
    for (const auto& topic : r.topics) {
      model::TableRow row;
      row.cells.push_back(model::TableCell{paragraph(topic.name), true});
      for (const auto* items : {&topic.joint, &topic.municipality, &topic.region}) {
        model::TableCell cell;
        if (items->empty()) {
          cell.content = paragraph(label("responsibilities.none"));
        } else if (items->size() == 1) {
          cell.content = (*items)[0].blocks;
        } else {
          model::List list;
          for (const auto& item : *items) list.items.push_back(item.blocks);
          cell.content.push_back(Block{std::move(list), topic.loc});
        }
        row.cells.push_back(std::move(cell));
      }
      t.body.push_back(std::move(row));
    }
    out.push_back(Block{std::move(t), r.loc});
    return out;
  }

  void meta_rows(Doc& d, const Validity* validity) {
    auto row = [&](const std::string& key, Blocks value) {
      if (!value.empty()) d.meta.push_back(MetaRow{key, label("meta." + key), std::move(value)});
    };
    row("parties", render("meta-parties", Value{}));
    if (a_.meta.parent) {
      Value ctx;
      ctx.set("href", a_.meta.parent->href);
      ctx.set("diarienummer", a_.meta.parent->diarienummer.empty() ? Value{""} : Value{a_.meta.parent->diarienummer});
      ctx.set("version", a_.meta.parent->version.empty() ? Value{""} : Value{a_.meta.parent->version});
      row("parent", render("meta-parent", ctx));
    }
    row("version", paragraph(a_.meta.version));
    if (!a_.meta.diarienummer.empty()) row("diarienummer", paragraph(a_.meta.diarienummer));
    if (a_.meta.decision) {
      const Decision& dec = *a_.meta.decision;
      Value ctx;
      ctx.set("body", dec.body);
      ctx.set("date", long_date(dec.date, res_.labels));
      ctx.set("on_day", dec.date.precision == util::PartialDate::Precision::day);
      ctx.set("in_month", dec.date.precision == util::PartialDate::Precision::month);
      ctx.set("reference", dec.reference.empty() ? Value{""} : Value{dec.reference});
      ctx.set("note", wording_.frag(dec.note));
      row("decision", render("meta-decision", ctx));
    }
    if (validity) {
      Value ctx = wording_.validity(*validity);
      ctx.set("status", wording_.validity_status(d.validity));
      row("validity", render("meta-validity", ctx));
    }
  }

  void revisions(Doc& d) {
    if (a_.revisions.empty()) return;
    model::Table t;
    t.role = "revisions";
    t.caption = std::get<model::Paragraph>(paragraph(label("revisions.caption"))[0].node).content;
    t.widths = {12, 16, 24, 48};
    model::TableRow head;
    for (const char* key : {"revisions.version", "revisions.date", "revisions.decided-by", "revisions.summary"}) {
      head.cells.push_back(model::TableCell{paragraph(label(key)), true});
    }
    t.head.push_back(std::move(head));
    for (const auto& r : a_.revisions) {
      model::TableRow row;
      row.cells.push_back(model::TableCell{paragraph(r.version), true});
      row.cells.push_back(model::TableCell{paragraph(r.date.iso()), false});
      row.cells.push_back(model::TableCell{paragraph(r.decided_by.empty() ? label("revisions.unknown") : r.decided_by), false});
      row.cells.push_back(model::TableCell{r.summary.blocks.empty() ? paragraph(label("revisions.unknown")) : r.summary.blocks, false});
      t.body.push_back(std::move(row));
    }
    d.revisions = std::move(t);
  }

  void signatures(Doc& d) {
    if (!a_.signatures || a_.signatures->signatories.empty()) return;
    const Signatures& s = *a_.signatures;
    Value intro;
    intro.set("place", s.place.empty() ? Value{""} : Value{s.place});
    intro.set("date", s.date ? wording_.date(*s.date) : Value{""});
    for (auto& b : render("signatures", intro)) d.signatures.push_back(std::move(b));
    Blocks grid;
    for (const auto& sig : s.signatories) {
      grid.push_back(Block{model::Div{"signatory", render("signatory", wording_.signatory(sig))}, sig.loc});
    }
    d.signatures.push_back(Block{model::Div{"signatories", std::move(grid)}, s.loc});
  }

  template <class Fn>
  void for_each_doc_blocks(Doc& d, const Fn& fn) {
    for (auto& row : d.meta) fn(row.value);
    std::function<void(std::vector<DocSection>&)> walk = [&](std::vector<DocSection>& sections) {
      for (auto& s : sections) {
        fn(s.blocks);
        walk(s.children);
      }
    };
    walk(d.sections);
    if (d.revisions) {
      Blocks wrapper;
      wrapper.push_back(Block{*d.revisions, {}});
      fn(wrapper);
      d.revisions = std::get<model::Table>(wrapper[0].node);
    }
    fn(d.signatures);
  }

  // A link to `href`, or the text set apart when there is no address or not a safe one.
  static decltype(model::Inline::node) link_or_emphasis(const std::string& href, model::Inlines children) {
    if (href.empty() || !util::is_safe_url(href)) return model::Emph{std::move(children)};
    return model::Link{href, std::move(children)};
  }

  void resolve_cross_references(Doc& d) {
    std::map<std::string, const Section*> sections;
    model::for_each_section(a_.sections, [&](const Section& s) { sections[s.id] = &s; });
    for_each_doc_blocks(d, [&](Blocks& blocks) {
      model::for_each_inline_mut(blocks, [&](model::Inline& in) {
        auto* x = std::get_if<model::CrossRef>(&in.node);
        if (!x) return;
        if (auto it = sections.find(x->target); it != sections.end()) {
          if (x->children.empty()) {
            Value ctx;
            ctx.set("number", it->second->number);
            ctx.set("heading", it->second->heading);
            x->children.push_back(model::Inline{model::Text{text::render(label("xref.section"), ctx, text::Escape::none)}, in.loc});
          }
          return;
        }
        // A local agreement's own document: a regional section, on the published regional page.
        for (const auto& r : a_.regional_sections) {
          if (r.id != x->target) continue;
          Value ctx;
          ctx.set("number", r.number);
          ctx.set("heading", r.heading);
          model::Inlines children =
              x->children.empty()
                  ? model::Inlines{model::Inline{model::Text{text::render(label("xref.regional-section"), ctx, text::Escape::none)}, in.loc}}
                  : x->children;
          in.node = link_or_emphasis(a_.regional_href.empty() ? "" : a_.regional_href + "#" + r.id, std::move(children));
          return;
        }
        for (const auto& doc : a_.related) {
          if (doc.id != x->target) continue;
          model::Inlines children = x->children.empty() ? model::Inlines{model::Inline{model::Text{doc.title}, in.loc}}
                                                         : x->children;
          in.node = link_or_emphasis(doc.href, std::move(children));
          return;
        }
      });
    });
  }

  Blocks note_text(const std::string& id, std::string& href) {
    for (const auto& l : a_.law_refs) {
      if (l.id != id) continue;
      std::string title = l.title;
      if (title.empty()) {
        if (const auto* law = res_.data.find_law_by_sfs(l.sfs)) title = law->title;
      }
      return render("note-law-ref", wording_.law_ref(l, title));
    }
    for (const auto& s : a_.cited_works) {
      if (s.id != id) continue;
      href = s.href;
      Value ctx;
      ctx.set("text", without_final_period(s.text));
      ctx.set("href", s.href.empty() ? Value{""} : Value{s.href});
      return render("note-source", ctx);
    }
    for (const auto& doc : a_.related) {
      if (doc.id != id) continue;
      href = doc.href;
      Value ctx;
      ctx.set("title", without_final_period(doc.title));
      ctx.set("href", doc.href.empty() ? Value{""} : Value{doc.href});
      ctx.set("diarienummer", doc.diarienummer.empty() ? Value{""} : Value{doc.diarienummer});
      return render("note-document", ctx);
    }
    return {};
  }

  // Notes are numbered in reading order of their first citation, as in a printed document.
  void number_notes(Doc& d) {
    std::map<std::string, std::size_t> index;
    for_each_doc_blocks(d, [&](Blocks& blocks) {
      model::for_each_inline_mut(blocks, [&](model::Inline& in) {
        auto* c = std::get_if<model::Citation>(&in.node);
        if (!c) return;
        auto it = index.find(c->target);
        if (it == index.end()) {
          Note n;
          n.number = static_cast<int>(d.notes.size()) + 1;
          n.id = c->target;
          it = index.emplace(c->target, d.notes.size()).first;
          d.notes.push_back(std::move(n));
        }
        Note& note = d.notes[it->second];
        c->number = note.number;
        c->anchor = "fnref-" + std::to_string(note.number) + "-" + std::to_string(note.backrefs.size() + 1);
        note.backrefs.push_back(c->anchor);
      });
    });
    // References nobody cites are still listed (they are part of the agreement's sources).
    // This is the one place that knows, since standard texts cite references too.
    auto add_uncited = [&](const std::string& id, const Loc& loc) {
      if (id.empty() || index.count(id)) return;
      sink_.report("uncited-reference", model::span_of(a_, loc), {{"id", id}});
      Note n;
      n.number = static_cast<int>(d.notes.size()) + 1;
      n.id = id;
      index.emplace(id, d.notes.size());
      d.notes.push_back(std::move(n));
    };
    for (const auto& l : a_.law_refs) add_uncited(l.id, l.loc);
    for (const auto& s : a_.cited_works) add_uncited(s.id, s.loc);
    for (auto& n : d.notes) n.text = note_text(n.id, n.href);
  }

  const Agreement& a_;
  const Resources& res_;
  const ComposeOptions& opts_;
  diag::DiagnosticSink& sink_;
  Fragments fragments_;
  Wording wording_;
  Value agreement_ctx_;
};

}  // namespace

Doc compose(const Agreement& a, const Resources& res, const ComposeOptions& options, diag::DiagnosticSink& sink) {
  return Composer(a, res, options, sink).run();
}

}  // namespace okgen::compose
