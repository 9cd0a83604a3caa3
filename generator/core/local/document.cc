// The local document (see document.h).
#include "local/document.h"

#include <set>

#include "model/tree.h"
#include "model/validity_status.h"
#include "model/walk.h"

namespace okgen::local {

using namespace okgen::model;

namespace {

// Walks the regional part of a consolidated agreement in document order: every section is
// listed for links, and each one carrying local text gives a section of the additions part.
void collect(const std::vector<Section>& sections, std::vector<RegionalSectionRef>& refs, std::vector<Section>& additions,
             std::set<std::string>& ids) {
  for (const auto& s : sections) {
    if (s.origin == Origin::own) continue;  // part L: the municipality's own sections
    refs.push_back({s.id, s.number, s.heading});
    if (s.origin != Origin::regional) {
      Section a;
      // An id of its own (the regional id stays the regional section's, for links).
      a.id = "lokalt-" + s.id;
      for (int n = 2; ids.count(a.id); ++n) a.id = "lokalt-" + s.id + "-" + std::to_string(n);
      ids.insert(a.id);
      a.heading = s.heading;
      a.adds_to = s.id;
      a.origin = s.origin;  // extended, replaced or filled: the composer words the relation
      const std::size_t from = s.origin == Origin::regional_extended ? s.local_from : 0;
      a.content.assign(s.content.begin() + static_cast<std::ptrdiff_t>(std::min(from, s.content.size())), s.content.end());
      a.local_from = 0;
      a.based_on = s.based_on;
      a.local_loc = s.local_loc;
      a.loc = s.local_loc;
      additions.push_back(std::move(a));
    }
    collect(s.children, refs, additions, ids);
  }
}

}  // namespace

// Back matter entries the document cites, or that the local file itself lists (Loc::file
// below `local_files`); the regional agreement's other references stay with it.
template <class T>
std::vector<T> own_or_cited(const std::vector<T>& all, const std::set<std::string>& cited, std::size_t local_files) {
  std::vector<T> out;
  for (const auto& x : all) {
    if (x.loc.file < local_files || cited.count(x.id)) out.push_back(x);
  }
  return out;
}

Agreement local_document(const Agreement& consolidated, std::size_t local_files, const std::string& regional_href,
                         const std::string& additions_heading) {
  Agreement d;
  d.files = consolidated.files;
  d.id = consolidated.id;
  d.kind = consolidated.kind;
  d.lang = consolidated.lang;
  d.meta = consolidated.meta;
  d.revisions = consolidated.revisions;
  d.signatures = consolidated.signatures;
  d.form = LocalForm::document;
  if (const Validity* v = find_validity(consolidated)) d.inherited_validity = *v;
  d.regional_href = regional_href;

  std::set<std::string> ids;
  for_each_section(consolidated.sections, [&](const Section& s) { ids.insert(s.id); });
  for (const auto& s : consolidated.sections) {
    if (s.origin == Origin::own) d.sections.push_back(s);
  }
  std::vector<Section> additions;
  collect(consolidated.sections, d.regional_sections, additions, ids);
  if (!additions.empty()) {
    Section part;
    part.id = "lokala-texter";
    for (int n = 2; ids.count(part.id); ++n) part.id = "lokala-texter-" + std::to_string(n);
    part.heading = additions_heading;
    part.origin = Origin::own;
    part.children = std::move(additions);
    if (!part.children.empty()) part.loc = part.children.front().loc;
    d.sections.push_back(std::move(part));
  }
  number_sections(d.sections);

  std::set<std::string> cited;
  for_each_rich_text(d, [&](const RichText& t, const Section*) {
    for_each_inline(t.blocks, [&](const Inline& in) {
      if (const auto* n = std::get_if<Citation>(&in.node)) cited.insert(n->target);
    });
  });
  d.law_refs = own_or_cited(consolidated.law_refs, cited, local_files);
  d.cited_works = own_or_cited(consolidated.cited_works, cited, local_files);
  d.related = own_or_cited(consolidated.related, cited, local_files);
  return d;
}

}  // namespace okgen::local
