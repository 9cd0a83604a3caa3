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

#include "render/pdf/pdf_objects.h"

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

std::vector<std::string> element_texts(const Layout& layout) {
  std::vector<std::string> out(static_cast<std::size_t>(layout.tags.size()));
  struct End {
    float x = 0, y = 0;
    bool joined = false;  // the last run ended in a soft hyphen: the word goes on
  };
  std::vector<End> ends(out.size());
  for (const auto& page : layout.pages) {
    for (const auto& run : page.ops.text) {
      if (run.node < 0 || run.node >= layout.tags.size()) continue;
      std::string& text = out[static_cast<std::size_t>(run.node)];
      End& end = ends[static_cast<std::size_t>(run.node)];
      const bool gap = run.y != end.y || run.x > end.x + 0.5f;
      if (!text.empty() && gap && !end.joined && text.back() != ' ') text.push_back(' ');
      std::string piece = run.text;
      end.joined = piece.size() >= 2 && piece.compare(piece.size() - 2, 2, "\xC2\xAD") == 0;
      if (end.joined) piece.resize(piece.size() - 2);
      text += piece;
      end.x = run.x + run.width;
      end.y = run.y;
    }
  }
  return out;
}

bool add_structure(HPDF_Doc pdf, const Layout& layout, const std::vector<HPDF_Page>& pages,
                   const std::vector<TaggedPage>& tagged) {
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

  HPDF_MMgr mm = pdf->mmgr;
  HPDF_Dict root = new_indirect_dict(pdf);
  if (!root) return false;
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  std::vector<HPDF_Dict> elem(static_cast<std::size_t>(n), nullptr);
  for (int k = 0; k < n; ++k) {
    if (!at(emitted, k)) continue;
    at(elem, k) = new_indirect_dict(pdf);
    if (!at(elem, k)) return false;
  }
  std::vector<std::pair<std::string, int>> ids;
  for (int k = 0; k < n; ++k) {
    if (!at(emitted, k)) continue;
    HPDF_Dict e = at(elem, k);
    const StructNode& node = tree[k];
    HPDF_Dict_AddName(e, "S", node.role.c_str());
    HPDF_Dict_Add(e, "P", k == 0 ? root : at(elem, at(parent, k)));
    const auto& list = at(kids, k);
    int pg = -1;  // the page of the element's first marked content: its MCIDs there are bare numbers
    for (const Kid& kid : list) {
      if (kid.kind == Kid::kMcid) {
        pg = kid.page;
        break;
      }
    }
    if (pg >= 0) HPDF_Dict_Add(e, "Pg", pages[static_cast<std::size_t>(pg)]);
    if (node.role == "TH" && !node.scope.empty()) {
      HPDF_Dict a = HPDF_Dict_New(mm);
      HPDF_Dict_AddName(a, "O", "Table");
      HPDF_Dict_AddName(a, "Scope", node.scope.c_str());
      HPDF_Dict_Add(e, "A", a);
    }
    if (!node.id.empty()) {
      HPDF_Dict_Add(e, "ID", HPDF_String_New(mm, node.id.c_str(), nullptr));
      ids.emplace_back(node.id, k);
    }
    if (list.empty()) continue;
    // One kid stands alone; more are an array.
    HPDF_Array arr = list.size() > 1 ? HPDF_Array_New(mm) : nullptr;
    auto put = [&](void* obj) {
      if (arr) {
        HPDF_Array_Add(arr, obj);
      } else {
        HPDF_Dict_Add(e, "K", obj);
      }
    };
    for (const Kid& kid : list) {
      HPDF_Page page = pages[static_cast<std::size_t>(kid.page)];
      if (kid.kind == Kid::kChild) {
        put(at(elem, kid.value));
      } else if (kid.kind == Kid::kMcid && kid.page == pg) {
        put(HPDF_Number_New(mm, kid.value));
      } else if (kid.kind == Kid::kMcid) {
        HPDF_Dict mcr = HPDF_Dict_New(mm);
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", page);
        HPDF_Dict_AddNumber(mcr, "MCID", kid.value);
        put(mcr);
      } else {
        HPDF_Dict objr = HPDF_Dict_New(mm);
        HPDF_Dict_AddName(objr, "Type", "OBJR");
        HPDF_Dict_Add(objr, "Obj", tagged[static_cast<std::size_t>(kid.page)].annots[static_cast<std::size_t>(kid.value)].dict);
        if (kid.page != pg) HPDF_Dict_Add(objr, "Pg", page);
        put(objr);
      }
    }
    if (arr) HPDF_Dict_Add(e, "K", arr);
  }

  // The parent tree: page p's entry lists the element of each MCID; each annotation's
  // entry is its Link element.
  HPDF_Dict parent_tree = new_indirect_dict(pdf);
  if (!parent_tree) return false;
  HPDF_Array nums = HPDF_Array_New(mm);
  HPDF_Dict_Add(parent_tree, "Nums", nums);
  int next_key = 0;
  for (std::size_t p = 0; p < tagged.size() && p < pages.size(); ++p) {
    HPDF_Dict_AddName(pages[p], "Tabs", "S");  // annotations in structure order
    if (tagged[p].mcid_nodes.empty()) continue;
    HPDF_Dict_AddNumber(pages[p], "StructParents", next_key);
    HPDF_Array_AddNumber(nums, next_key++);
    HPDF_Array list = HPDF_Array_New(mm);
    for (int node : tagged[p].mcid_nodes) {
      if (node >= 0 && node < n && at(elem, node)) {
        HPDF_Array_Add(list, at(elem, node));
      } else {
        HPDF_Array_Add(list, HPDF_Null_New(mm));
      }
    }
    HPDF_Array_Add(nums, list);
  }
  const std::vector<std::string> texts = element_texts(layout);
  for (std::size_t p = 0; p < tagged.size(); ++p) {
    for (const auto& a : tagged[p].annots) {
      if (a.node < 0 || a.node >= n || !at(elem, a.node)) continue;
      HPDF_Dict_AddNumber(a.dict, "StructParent", next_key);
      HPDF_Array_AddNumber(nums, next_key++);
      HPDF_Array_Add(nums, at(elem, a.node));
      // What the link says, for assistive technology (PDF/UA: links have /Contents).
      std::string text = at(texts, a.node);
      if (text.empty()) text = tree[a.node].target;
      HPDF_Dict_Add(a.dict, "Contents", new_text_string(pdf, text));
    }
  }

  HPDF_Dict_Add(root, "K", at(elem, 0));
  HPDF_Dict_Add(root, "ParentTree", parent_tree);
  HPDF_Dict_AddNumber(root, "ParentTreeNextKey", next_key);
  if (!ids.empty()) {
    // A name tree of note identifiers, in byte order of the names.
    std::sort(ids.begin(), ids.end());
    HPDF_Dict id_tree = HPDF_Dict_New(mm);
    HPDF_Array names = HPDF_Array_New(mm);
    for (const auto& [id, k] : ids) {
      HPDF_Array_Add(names, HPDF_String_New(mm, id.c_str(), nullptr));
      HPDF_Array_Add(names, at(elem, k));
    }
    HPDF_Dict_Add(id_tree, "Names", names);
    HPDF_Dict_Add(root, "IDTree", id_tree);
  }
  HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root);
  HPDF_Dict mark_info = HPDF_Dict_New(mm);
  HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
  HPDF_Dict_Add(pdf->catalog, "MarkInfo", mark_info);
  return true;
}

}  // namespace okgen::render::pdf
