// Reading one agreement file: bytes -> checked XML -> model, plus whole-file checks.
#include "load/agreement_loader.h"

#include <cctype>

#include <pugixml.hpp>

#include <algorithm>
#include <set>

#include "diag/suggest.h"
#include "load/encoding.h"
#include "load/loader_state.h"
#include "model/span.h"
#include "model/tree.h"
#include "model/walk.h"
#include "util/fs.h"
#include "util/text.h"

namespace okgen::load {

namespace fs = std::filesystem;
using namespace okgen::model;

namespace {

// Message phrase for a pugixml parse status (texts in the message catalogues).
const char* xml_problem(pugi::xml_parse_status s) {
  switch (s) {
    case pugi::status_unrecognized_tag: return "@xml.unrecognized-tag";
    case pugi::status_bad_pi: return "@xml.bad-pi";
    case pugi::status_bad_comment: return "@xml.bad-comment";
    case pugi::status_bad_cdata: return "@xml.bad-cdata";
    case pugi::status_bad_doctype: return "@xml.bad-doctype";
    case pugi::status_bad_pcdata: return "@xml.bad-pcdata";
    case pugi::status_bad_start_element: return "@xml.bad-start-element";
    case pugi::status_bad_attribute: return "@xml.bad-attribute";
    case pugi::status_bad_end_element: return "@xml.bad-end-element";
    case pugi::status_end_element_mismatch: return "@xml.end-element-mismatch";
    case pugi::status_no_document_element: return "@xml.no-document-element";
    default: return "@xml.other";
  }
}

// For pugixml's "end tag does not match": reads the tags as pugixml did and finds the first
// end tag that does not close the element open there. Returns the diagnostic's place and
// arguments naming both tags (the open one with its line), or nullopt when the tags read
// fine (then the generic message stays).
struct TagMismatch {
  std::size_t at;  ///< offset to point at
  diag::Args args;
};
std::optional<TagMismatch> find_tag_mismatch(const diag::SourceMap& map) {
  const std::string& t = map.text();
  struct Open {
    std::string name;
    std::size_t at;
  };
  std::vector<Open> open;
  const auto name_at = [&](std::size_t i) {
    std::size_t j = i;
    while (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j])) && t[j] != '>' && t[j] != '/') ++j;
    return t.substr(i, j - i);
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '<') continue;
    const std::string_view rest = std::string_view(t).substr(i);
    const char* skip_to = util::starts_with(rest, "<!--")        ? "-->"
                          : util::starts_with(rest, "<![CDATA[") ? "]]>"
                          : util::starts_with(rest, "<?")        ? "?>"
                          : util::starts_with(rest, "<!")        ? ">"
                                                                 : nullptr;
    if (skip_to) {
      const std::size_t end = t.find(skip_to, i);
      if (end == std::string::npos) return std::nullopt;
      i = end;
      continue;
    }
    if (util::starts_with(rest, "</")) {
      const std::string name = name_at(i + 2);
      if (!open.empty() && open.back().name == name) {
        open.pop_back();
      } else if (open.empty()) {
        return TagMismatch{i, {{"problem", "@xml.end-tag-extra"}, {"found", name}}};
      } else {
        return TagMismatch{i,
                           {{"problem", "@xml.end-tag-other"},
                            {"found", name},
                            {"open", open.back().name},
                            {"open_line", std::to_string(map.span_at(open.back().at).line)}}};
      }
    } else {
      // A start tag: to its ">" (outside quoted attribute values); "/>" closes it at once.
      const std::size_t j = util::tag_end(t, i + 1);
      if (j == std::string::npos) return std::nullopt;
      if (t[j - 1] != '/') open.push_back({name_at(i + 1), i});
      i = j;
    }
  }
  if (open.empty()) return std::nullopt;
  return TagMismatch{open.back().at, {{"problem", "@xml.never-closed"}, {"open", open.back().name}}};
}

// pugixml leaves "&" and undefined entities such as "&nbsp;" in text as they are; XML (and
// xmllint, and every editor's validator) rejects them. Finds the first one, skipping
// comments, CDATA sections and processing instructions, so okgen agrees with the schema.
std::optional<std::pair<std::size_t, const char*>> find_bad_reference(const std::string& t) {
  static const char* kPredefined[] = {"amp", "lt", "gt", "quot", "apos"};
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '<') {
      const char* end = util::starts_with(std::string_view(t).substr(i), "<![CDATA[") ? "]]>"
                        : util::starts_with(std::string_view(t).substr(i), "<!--")    ? "-->"
                        : util::starts_with(std::string_view(t).substr(i), "<?")      ? "?>"
                                                                                      : nullptr;
      if (end) {
        std::size_t close = t.find(end, i);
        if (close == std::string::npos) return std::nullopt;  // pugixml reports it
        i = close;
      }
      continue;
    }
    if (t[i] != '&') continue;
    std::size_t semi = t.find(';', i);
    std::string name = semi == std::string::npos || semi - i > 12 ? std::string() : t.substr(i + 1, semi - i - 1);
    if (name.empty()) return std::make_pair(i, "@xml.bare-ampersand");
    if (name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string digits = name.substr(hex ? 2 : 1);
      bool ok = !digits.empty() && digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos;
      if (!ok) return std::make_pair(i, "@xml.bare-ampersand");
      continue;
    }
    bool known = false;
    for (const char* p : kPredefined) known = known || name == p;
    bool word = name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == std::string::npos;
    if (!word) return std::make_pair(i, "@xml.bare-ampersand");
    if (!known) return std::make_pair(i, "@xml.unknown-entity");
  }
  return std::nullopt;
}

class AgreementReader {
 public:
  AgreementReader(LoaderState& state, XmlReader& reader) : st_(state), r_(reader), a_(state.agreement()) {}

  void read(pugi::xml_node root) {
    r_.validate(root, spec::agreement());
    a_.id = r_.attr(root, "id");
    a_.kind = r_.attr(root, "kind") == "local" ? AgreementKind::local : AgreementKind::regional;
    a_.lang = root.attribute("lang") ? r_.attr(root, "lang") : "sv";
    if (pugi::xml_node m = root.child("meta")) meta(m);

    for (pugi::xml_node s : element_children(root)) {
      const std::string name = s.name();
      if (name == "section") {
        a_.sections.push_back(st_.section(s, 1));
      } else if (name == "local-section") {
        if (a_.kind == AgreementKind::regional) {
          st_.sink().report("local-meta-in-regional", r_.span(s), {{"element", "local-section"}});
        }
        a_.local_sections.push_back(st_.local_section(s));
      }
    }
    model::number_sections(a_.sections);
    if (a_.sections.empty() && a_.local_sections.empty()) {
      st_.sink().report("missing-element", r_.span(root), {{"element", "section"}, {"parent", "agreement"}});
    }
    if (pugi::xml_node n = root.child("legal-references")) legal_references(n);
    if (pugi::xml_node n = root.child("related-documents")) related_documents(n);
    if (pugi::xml_node n = root.child("revision-history")) revision_history(n);
    if (pugi::xml_node n = root.child("signatures")) signatures(n);
  }

 private:
  std::string text_child(pugi::xml_node parent, const char* name) {
    pugi::xml_node n = parent.child(name);
    if (!n) return {};
    r_.validate(n, spec::plain_text());
    return r_.plain(n);
  }

  void meta(pugi::xml_node m) {
    r_.validate(m, spec::meta());
    Meta& meta = a_.meta;
    meta.loc = r_.loc(m);
    meta.title = text_child(m, "title");
    meta.short_title = text_child(m, "short-title");
    if (meta.short_title.empty()) meta.short_title = meta.title;
    meta.subtitle = text_child(m, "subtitle");
    meta.region = text_child(m, "region");
    meta.version = text_child(m, "version");
    meta.diarienummer = text_child(m, "diarienummer");
    meta.keywords = text_child(m, "keywords");
    if (pugi::xml_node d = m.child("decision")) {
      r_.validate(d, spec::decision());
      Decision dec;
      dec.loc = r_.loc(d);
      dec.body = r_.attr(d, "body");
      dec.date = r_.partial_date_attr(d, "date").value_or(util::PartialDate{});
      dec.reference = r_.attr(d, "reference");
      RichText note = st_.text_of(d);
      if (!note.blocks.empty()) dec.note = std::move(note);
      meta.decision = std::move(dec);
    }
    if (pugi::xml_node ps = m.child("parties")) {
      r_.validate(ps, spec::parties());
      for (pugi::xml_node p : ps.children("party")) {
        r_.validate(p, spec::party());
        Party party;
        party.loc = r_.loc(p);
        party.id = r_.attr(p, "id");
        st_.declare_id(party.id, p);
        party.name = r_.plain(p);
        const std::string kind = r_.attr(p, "kind");
        party.kind = kind == "region"              ? PartyKind::region
                     : kind == "municipality"      ? PartyKind::municipality
                     : kind == "user-organisation" ? PartyKind::user_organisation
                                                   : PartyKind::other;
        const std::string role = r_.attr(p, "role");
        party.role = role == "consulted" ? PartyRole::consulted
                     : role == "observer" ? PartyRole::observer
                                          : PartyRole::principal;
        party.code = r_.attr(p, "code");
        meta.parties.push_back(std::move(party));
      }
    }
    pugi::xml_node parent = m.child("parent");
    pugi::xml_node muni = m.child("municipality");
    if (a_.kind == AgreementKind::regional) {
      for (pugi::xml_node n : {parent, muni}) {
        if (n) st_.sink().report("local-meta-in-regional", r_.span(n), {{"element", n.name()}});
      }
    } else {
      if (!parent) st_.sink().report("missing-element", r_.span(m), {{"element", "parent"}, {"parent", "meta"}, {"why", "@local.parent"}});
      if (!muni) st_.sink().report("missing-element", r_.span(m), {{"element", "municipality"}, {"parent", "meta"}, {"why", "@local.municipality"}});
    }
    if (parent) {
      r_.validate(parent, spec::parent());
      ParentRef ref;
      ref.href = r_.attr(parent, "href");
      ref.diarienummer = r_.attr(parent, "diarienummer");
      ref.version = r_.attr(parent, "version");
      ref.loc = r_.loc(parent);
      meta.parent = std::move(ref);
    }
    if (muni) {
      r_.validate(muni, spec::municipality_ref());
      meta.municipality = MunicipalityRef{r_.plain(muni), r_.attr(muni, "code"), r_.loc(muni)};
    }
  }

  void legal_references(pugi::xml_node n) {
    r_.validate(n, spec::legal_references());
    for (pugi::xml_node c : element_children(n)) {
      const std::string name = c.name();
      if (name == "law-ref") {
        r_.validate(c, spec::law_ref());
        LawRef l;
        l.loc = r_.loc(c);
        l.id = r_.attr(c, "id");
        st_.declare_id(l.id, c);
        l.law = r_.attr(c, "law");
        l.sfs = r_.attr(c, "sfs");
        l.chapter = r_.attr(c, "chapter");
        l.section = r_.attr(c, "section");
        l.title = r_.attr(c, "title");
        RichText comment = st_.text_of(c);
        if (!comment.blocks.empty()) l.comment = std::move(comment);
        a_.law_refs.push_back(std::move(l));
      } else if (name == "source") {
        r_.validate(c, spec::source());
        CitedWork s{r_.attr(c, "id"), r_.attr(c, "href"), r_.plain(c), r_.loc(c)};
        st_.declare_id(s.id, c);
        a_.cited_works.push_back(std::move(s));
      }
    }
  }

  void related_documents(pugi::xml_node n) {
    r_.validate(n, spec::related_documents());
    for (pugi::xml_node c : n.children("document")) {
      r_.validate(c, spec::document());
      RelatedDocument d{r_.attr(c, "id"), r_.attr(c, "href"), r_.attr(c, "diarienummer"), r_.plain(c), r_.loc(c)};
      st_.declare_id(d.id, c);
      a_.related.push_back(std::move(d));
    }
  }

  void revision_history(pugi::xml_node n) {
    r_.validate(n, spec::revision_history());
    for (pugi::xml_node c : n.children("revision")) {
      r_.validate(c, spec::revision());
      Revision rev;
      rev.loc = r_.loc(c);
      rev.version = r_.attr(c, "version");
      rev.date = r_.partial_date_attr(c, "date").value_or(util::PartialDate{});
      rev.decided_by = r_.attr(c, "decided-by");
      rev.draft = r_.bool_attr(c, "draft", false);
      rev.summary = st_.text_of(c);
      a_.revisions.push_back(std::move(rev));
    }
  }

  void signatures(pugi::xml_node n) {
    r_.validate(n, spec::signatures());
    Signatures s;
    s.loc = r_.loc(n);
    s.place = r_.attr(n, "place");
    s.date = r_.date_attr(n, "date");
    for (pugi::xml_node c : n.children("signatory")) {
      r_.validate(c, spec::signatory());
      s.signatories.push_back(Signatory{r_.attr(c, "party"), r_.attr(c, "name"), r_.attr(c, "title"), r_.loc(c)});
    }
    a_.signatures = std::move(s);
  }

  LoaderState& st_;
  XmlReader& r_;
  Agreement& a_;
};

}  // namespace

void check_references(const Agreement& a, diag::DiagnosticSink& sink) {
  std::set<std::string> citable, linkable;
  std::vector<std::string> citable_list, linkable_list;
  for (const auto& l : a.law_refs) citable.insert(l.id);
  for (const auto& s : a.cited_works) citable.insert(s.id);
  for (const auto& d : a.related) {
    if (d.id.empty()) continue;
    citable.insert(d.id);
    linkable.insert(d.id);
  }
  model::for_each_section(a.sections, [&](const Section& s) { linkable.insert(s.id); });
  citable_list.assign(citable.begin(), citable.end());
  linkable_list.assign(linkable.begin(), linkable.end());

  auto span = [&](const Loc& l) { return model::span_of(a, l); };
  model::for_each_rich_text(a, [&](const RichText& t, const Section*) {
    model::for_each_inline(t.blocks, [&](const Inline& in) {
      if (const auto* c = std::get_if<Citation>(&in.node)) {
        if (!citable.count(c->target)) {
          sink.report("unknown-citation", span(in.loc), {{"id", c->target}, {"suggestion", diag::suggest(c->target, citable_list)}});
        }
      } else if (const auto* x = std::get_if<CrossRef>(&in.node)) {
        if (!linkable.count(x->target)) {
          sink.report("unknown-link-target", span(in.loc), {{"id", x->target}, {"suggestion", diag::suggest(x->target, linkable_list)}});
        }
      }
    });
  });

  if (a.signatures) {
    std::vector<std::string> party_ids;
    for (const auto& p : a.meta.parties) {
      if (!p.id.empty()) party_ids.push_back(p.id);
    }
    for (const auto& s : a.signatures->signatories) {
      if (!a.find_party(s.party)) {
        sink.report("unknown-party", span(s.loc), {{"id", s.party}, {"suggestion", diag::suggest(s.party, party_ids)}});
      }
    }
  }
}


std::optional<model::Agreement> load_agreement(const fs::path& path, const LoadOptions& options,
                                               diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  std::string text;
  const std::string shown = util::display_path(path);
  auto status = util::read_file(path, text);
  if (status != util::ReadStatus::ok) {
    const char* problem = status == util::ReadStatus::not_found    ? "@io.not-found"
                          : status == util::ReadStatus::not_a_file ? "@io.not-a-file"
                          : status == util::ReadStatus::too_large  ? "@io.too-large"
                                                                   : "@io.unreadable";
    sink.report(status == util::ReadStatus::too_large ? "file-too-large" : "file-unreadable",
                diag::SourceSpan{shown, 0, 0}, {{"problem", problem}, {"limit", std::to_string(util::kMaxInputBytes / (1024 * 1024))}});
    return std::nullopt;
  }
  return load_agreement_text(path, std::move(text), options, sink, sources);
}

std::optional<model::Agreement> load_agreement_text(const fs::path& path, std::string text, const LoadOptions& options,
                                                    diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  const diag::SourceMap& map = sources.add(util::display_path(path), std::move(text));
  if (util::trim(map.text()).empty()) {
    sink.report("xml-syntax", map.span_at(0), {{"problem", "@xml.empty"}});
    return std::nullopt;
  }
  if (!check_encoding(map, sink)) return std::nullopt;  // Latin-1, UTF-16 or binary: say so, not "bad XML"

  // A UTF-8 byte order mark is allowed; parse after it so offsets still index `map`.
  std::size_t skip = util::starts_with(map.text(), "\xEF\xBB\xBF") ? 3 : 0;
  pugi::xml_document doc;
  // No parse_doctype: a DOCTYPE (and with it entity declarations) is refused below rather
  // than skipped, since pugixml never expands declared entities and the author should know.
  const unsigned flags = pugi::parse_default | pugi::parse_doctype;
  pugi::xml_parse_result result =
      doc.load_buffer(map.text().data() + skip, map.text().size() - skip, flags, pugi::encoding_utf8);
  auto at = [&](std::ptrdiff_t off) { return map.span_at(static_cast<std::size_t>(off < 0 ? 0 : off) + skip); };
  if (!result) {
    if (result.status == pugi::status_end_element_mismatch) {
      if (auto m = find_tag_mismatch(map)) {
        sink.report("xml-syntax", map.span_at(m->at), std::move(m->args));
        return std::nullopt;
      }
    }
    sink.report("xml-syntax", at(result.offset), {{"problem", xml_problem(result.status)}});
    return std::nullopt;
  }
  for (pugi::xml_node n : doc.children()) {
    if (n.type() == pugi::node_doctype) {
      std::size_t start = map.text().rfind("<!DOCTYPE", static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, n.offset_debug())) + skip);
      sink.report("xml-doctype", map.span_at(start == std::string::npos ? 0 : start), {});
      return std::nullopt;
    }
  }
  if (auto bad = find_bad_reference(map.text())) {
    sink.report("xml-syntax", map.span_at(bad->first), {{"problem", bad->second}});
    return std::nullopt;
  }
  pugi::xml_node root = doc.document_element();
  if (std::string(root.name()) != "agreement") {
    sink.report("not-an-agreement", at(root.offset_debug() - 1), {{"element", root.name()}});
    return std::nullopt;
  }

  Agreement a;
  a.files.push_back(map.path());
  // The reader indexes `map` without the BOM skip; pugixml offsets are relative to the
  // parsed buffer, so a file with a BOM is re-registered without it.
  const diag::SourceMap& parsed = skip ? sources.add(map.path(), map.text().substr(skip)) : map;
  XmlReader reader(parsed, 0, sink, options.areas);
  LoaderState state(path, options, sink, sources, reader, a);
  AgreementReader(state, reader).read(root);
  if (a.kind == model::AgreementKind::regional) check_references(a, sink);
  return a;
}

}  // namespace okgen::load
