// The structure tree of a tagged PDF (see pdf_structure.h).
//
// Kids are ordered by where their content first appears in the page contents, which
// layout writes in reading order (a list marker before its item, a section number before
// its title, cells left to right): an element's key is the sequence number of its first
// piece of content. Two exceptions: the cells of a row keep their column order (empty
// cells have no content to order by), and a footnote's Note is moved to just after the
// paragraph that first cites it (on the page it is drawn at the bottom).
#include "render/pdf/pdf_structure.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "render/pdf/font_set.h"
#include "render/pdf/pdf_objects.h"
#include "util/text.h"

namespace okgen::render::pdf {
namespace {

using Key = std::pair<long, int>;  // (sequence of first content, order among moved notes)

struct Kid {
  Key key;
  enum Kind { kMcid, kAnnot, kChild } kind;
  int page = 0;
  int value = 0;  // the MCID, the annotation's index on its page, or the child element
};

bool inline_role(const std::string& r) { return r == "Link" || r == "Reference" || r == "Span"; }

// Elements whose kids are fixed by the standard: a Note cannot go among them.
bool grouping_role(const std::string& r) {
  return r == "Table" || r == "THead" || r == "TBody" || r == "TFoot" || r == "TR" || r == "L" || r == "LI" ||
         r == "TOC" || r == "TOCI";
}

bool cell_role(const std::string& r) { return r == "TD" || r == "TH"; }

}  // namespace

std::vector<std::string> element_texts(const Layout& layout, const std::vector<char>& wanted) {
  std::vector<std::string> out(static_cast<std::size_t>(layout.tags.size()));
  struct End {
    float x = 0, y = 0;
    bool joined = false;  // the last run ended in a soft hyphen: the word goes on
  };
  std::vector<End> ends(out.size());
  for (const auto& page : layout.pages) {
    for (const auto& run : page.ops.text) {
      if (run.node < 0 || run.node >= layout.tags.size() || static_cast<std::size_t>(run.node) >= wanted.size() ||
          !wanted[static_cast<std::size_t>(run.node)]) {
        continue;
      }
      std::string& text = out[static_cast<std::size_t>(run.node)];
      End& end = ends[static_cast<std::size_t>(run.node)];
      const bool gap = run.y != end.y || run.x > end.x + 0.5f;
      if (!text.empty() && gap && !end.joined && text.back() != ' ') text.push_back(' ');
      std::string piece = run.text;
      end.joined = util::ends_with(piece, "\xC2\xAD");  // U+00AD
      if (end.joined) piece.resize(piece.size() - 2);
      text += piece;
      end.x = run.x + run.width;
      end.y = run.y;
    }
  }
  return out;
}

bool add_structure(HPDF_Doc pdf, const Layout& layout, const std::vector<HPDF_Page>& pages,
                   std::vector<TaggedPage>& tagged, StructureObjects& out) {
  const StructTree& tree = layout.tags;
  const int n = tree.size();
  if (n == 0) return false;  // a tree always has its root
  auto at = [](auto& v, int i) -> auto& { return v[static_cast<std::size_t>(i)]; };
  std::vector<int> parent(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) at(parent, k) = tree[k].parent;

  // Content in page order: each MCID and annotation becomes a kid of its element.
  std::vector<long> first(static_cast<std::size_t>(n), -1), last(static_cast<std::size_t>(n), -1);
  std::vector<std::vector<Kid>> kids(static_cast<std::size_t>(n));
  long seq = 0;
  auto touch = [&](int node) {
    for (int q = node; q >= 0; q = at(parent, q)) {
      if (at(first, q) < 0) at(first, q) = seq;
      at(last, q) = seq;
    }
    ++seq;
  };
  for (std::size_t p = 0; p < tagged.size(); ++p) {
    const auto& marks = tagged[p].mcid_nodes;
    for (std::size_t m = 0; m < marks.size(); ++m) {
      if (marks[m] < 0 || marks[m] >= n) continue;
      at(kids, marks[m]).push_back(Kid{{seq, 0}, Kid::kMcid, static_cast<int>(p), static_cast<int>(m)});
      touch(marks[m]);
    }
    // A link's annotation follows its text; it does not move the link's place in the
    // reading order (nor the end of its paragraph, after which a note goes).
    const auto& annots = tagged[p].annots;
    for (std::size_t a = 0; a < annots.size(); ++a) {
      const int node = annots[a].node;
      if (node < 0 || node >= n) continue;
      const bool has_text = at(first, node) >= 0;
      at(kids, node).push_back(
          Kid{{has_text ? at(last, node) : seq, 1}, Kid::kAnnot, static_cast<int>(p), static_cast<int>(a)});
      if (!has_text) touch(node);
    }
  }

  std::vector<Key> key(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) at(key, k) = Key{at(first, k), 0};
  // Footnotes after the paragraph (or other block) of their first citation.
  std::map<std::string, int> first_reference;
  for (int k = 0; k < n; ++k) {
    if (tree[k].role != "Reference" || at(first, k) < 0) continue;
    auto [it, fresh] = first_reference.emplace(tree[k].target, k);
    if (!fresh && at(first, k) < at(first, it->second)) it->second = k;
  }
  int moved = 0;
  for (int k = 0; k < n; ++k) {
    if (tree[k].role != "Note" || tree[k].id.empty() || at(first, k) < 0) continue;
    auto ref = first_reference.find(tree[k].id);
    if (ref == first_reference.end()) continue;
    int block = at(parent, ref->second);
    while (block > 0 && inline_role(tree[block].role)) block = at(parent, block);
    if (block < 0) continue;
    const int host = block == 0 || grouping_role(tree[at(parent, block)].role) ? block : at(parent, block);
    at(parent, k) = host;
    at(key, k) = Key{at(last, block), ++moved};
  }

  std::vector<char> emitted(static_cast<std::size_t>(n), 0);
  at(emitted, 0) = 1;
  for (int k = 1; k < n; ++k) {
    const int p = at(parent, k);
    at(emitted, k) = at(first, k) >= 0 || (cell_role(tree[k].role) && p >= 0 && at(first, p) >= 0);
  }
  for (int k = 1; k < n; ++k) {
    if (!at(emitted, k)) continue;
    const int p = at(parent, k);
    // Cells in column order; everything else in reading order.
    const Key order = tree[p].role == "TR" ? Key{k, 0} : at(key, k);
    at(kids, p).push_back(Kid{order, Kid::kChild, 0, k});
  }
  for (int k = 0; k < n; ++k) {
    auto& list = at(kids, k);
    std::stable_sort(list.begin(), list.end(), [](const Kid& a, const Kid& b) { return a.key < b.key; });
  }

  // The structure objects are written as PDF text here, not built with libharu: some two
  // thousand small dictionaries, which libharu's object API made and wrote at a third of
  // the whole PDF's time. Only the tree's root is a libharu object (so the catalog can
  // refer to it); its body and the elements are handed to pdf_finish, the elements
  // numbered after libharu's last object.
  HPDF_Dict root = new_indirect_dict(pdf);
  if (!root) return false;
  HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);

  // Page entries and annotation entries (numbers and names: libharu writes them).
  std::vector<char> linked(static_cast<std::size_t>(n), 0);
  for (const auto& page : tagged)
    for (const auto& a : page.annots)
      if (a.node >= 0 && a.node < n) at(linked, a.node) = 1;
  const std::vector<std::string> texts = element_texts(layout, linked);
  int next_key = 0;
  std::vector<int> page_key(tagged.size(), -1);
  for (std::size_t p = 0; p < tagged.size() && p < pages.size(); ++p) {
    HPDF_Dict_AddName(pages[p], "Tabs", "S");  // annotations in structure order
    if (tagged[p].mcid_nodes.empty()) continue;
    page_key[p] = next_key;
    HPDF_Dict_AddNumber(pages[p], "StructParents", next_key++);
  }
  std::vector<std::pair<int, int>> annot_keys;  // (key, element)
  for (std::size_t p = 0; p < tagged.size(); ++p) {
    for (auto& a : tagged[p].annots) {
      if (a.node < 0 || a.node >= n || !at(emitted, a.node)) continue;
      annot_keys.emplace_back(next_key, a.node);
      a.struct_parent = next_key++;
      // What the link says, for assistive technology (PDF/UA: links have /Contents).
      a.contents = at(texts, a.node);
      if (a.contents.empty()) a.contents = tree[a.node].target;
    }
  }

  // Every object libharu will write exists now: the elements take the numbers after them.
  const std::uint64_t first_number = pdf->xref->start_offset + pdf->xref->entries->count;
  std::vector<std::uint64_t> number(static_cast<std::size_t>(n), 0);
  std::uint64_t next = first_number;
  for (int k = 0; k < n; ++k) {
    if (at(emitted, k)) at(number, k) = next++;
  }
  const std::uint64_t parent_tree = next++;
  const std::uint64_t root_num = object_number(root);

  out.objects.clear();
  out.first = first_number;
  std::vector<std::pair<std::string, int>> ids;
  for (int k = 0; k < n; ++k) {
    if (!at(emitted, k)) continue;
    const StructNode& node = tree[k];
    std::string e = "<</S/";
    e += node.role;
    e += "/P ";
    append_reference(e, k == 0 ? root_num : at(number, at(parent, k)));
    const auto& list = at(kids, k);
    int pg = -1;  // the page of the element's first marked content: its MCIDs there are bare numbers
    for (const Kid& kid : list) {
      if (kid.kind == Kid::kMcid) {
        pg = kid.page;
        break;
      }
    }
    if (pg >= 0) {
      e += "/Pg ";
      append_reference(e, object_number(pages[static_cast<std::size_t>(pg)]));
    }
    if (node.role == "TH" && !node.scope.empty()) e += "/A<</O/Table/Scope/" + node.scope + ">>";
    if (!node.actual_text.empty()) {
      e += "/ActualText";
      append_text_string(e, node.actual_text);
    }
    if (!node.lang.empty()) {
      e += "/Lang";
      append_literal(e, node.lang);
    }
    if (!node.id.empty()) {
      e += "/ID";
      append_literal(e, node.id);
      ids.emplace_back(node.id, k);
    }
    if (!list.empty()) {
      // One kid stands alone; more are an array.
      e += list.size() > 1 ? "/K[" : "/K ";
      bool first_kid = true;
      for (const Kid& kid : list) {
        if (!first_kid) e.push_back(' ');
        first_kid = false;
        const std::uint64_t page = object_number(pages[static_cast<std::size_t>(kid.page)]);
        if (kid.kind == Kid::kChild) {
          append_reference(e, at(number, kid.value));
        } else if (kid.kind == Kid::kMcid && kid.page == pg) {
          append_integer(e, kid.value);
        } else if (kid.kind == Kid::kMcid) {
          e += "<</Type/MCR/Pg ";
          append_reference(e, page);
          e += "/MCID ";
          append_integer(e, kid.value);
          e += ">>";
        } else {
          e += "<</Type/OBJR/Obj ";
          append_reference(e, object_number(tagged[static_cast<std::size_t>(kid.page)].annots[static_cast<std::size_t>(kid.value)].dict));
          if (kid.page != pg) {
            e += "/Pg ";
            append_reference(e, page);
          }
          e += ">>";
        }
      }
      if (list.size() > 1) e.push_back(']');
    }
    e += ">>";
    out.objects.push_back(std::move(e));
  }

  // The parent tree: page p's entry lists the element of each MCID; each annotation's
  // entry is its Link element.
  std::string nums = "<</Nums[";
  for (std::size_t p = 0; p < tagged.size(); ++p) {
    if (page_key[p] < 0) continue;
    append_integer(nums, page_key[p]);
    nums.push_back('[');
    for (std::size_t m = 0; m < tagged[p].mcid_nodes.size(); ++m) {
      const int node = tagged[p].mcid_nodes[m];
      if (m) nums.push_back(' ');
      if (node >= 0 && node < n && at(emitted, node)) {
        append_reference(nums, at(number, node));
      } else {
        nums += "null";
      }
    }
    nums += "]";
  }
  for (const auto& [annot_key, node] : annot_keys) {
    append_integer(nums, annot_key);
    nums.push_back(' ');
    append_reference(nums, at(number, node));
    nums.push_back(' ');
  }
  nums += "]>>";
  out.objects.push_back(std::move(nums));

  std::string root_text = "<</Type/StructTreeRoot/K ";
  append_reference(root_text, at(number, 0));
  root_text += "/ParentTree ";
  append_reference(root_text, parent_tree);
  root_text += "/ParentTreeNextKey ";
  append_integer(root_text, next_key);
  if (!ids.empty()) {
    // A name tree of note identifiers, in byte order of the names.
    std::sort(ids.begin(), ids.end());
    root_text += "/IDTree<</Names[";
    for (const auto& [id, k] : ids) {
      append_literal(root_text, id);
      append_reference(root_text, at(number, k));
    }
    root_text += "]>>";
  }
  root_text += ">>";
  out.replaced.emplace_back(root_num, std::move(root_text));
  return true;
}

}  // namespace okgen::render::pdf
