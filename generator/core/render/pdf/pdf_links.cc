// Link annotations (see pdf_links.h). Written as PDF text instead of with libharu's
// annotation calls: libharu's destinations cannot keep the reader's zoom, each becomes an
// object of its own, and its rectangles carry float noise ("700.23999") that compresses
// badly; a document has hundreds of links (table of contents, notes, cross-references).
#include "render/pdf/pdf_links.h"

#include <cmath>
#include <string>

#include "render/pdf/pdf_objects.h"

namespace okgen::render::pdf {
namespace {

// A URI action's URI is an ASCII string (PDF 32000 12.6.4.7): other bytes and spaces
// are percent-encoded.
std::string uri_ascii(const std::string& uri) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : uri) {
    if (c <= 0x20 || c >= 0x7F) {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

std::string link_annotation(const PageAnnot& a) {
  std::string out = "<</Subtype/Link/Rect[";
  for (int k = 0; k < 4; ++k) {
    if (k) out.push_back(' ');
    append_integer(out, a.rect[k]);
  }
  out += "]/Border[0 0 0]/F 4";  // F 4: Print, which PDF/A wants of every annotation
  if (a.dest) {
    out += "/Dest";
    append_destination(out, a.dest, a.top);
  } else {
    out += "/A<</S/URI/URI";
    append_literal(out, a.uri);
    out += ">>";
  }
  if (a.struct_parent >= 0) {
    out += "/StructParent ";
    append_integer(out, a.struct_parent);
    out += "/Contents";
    append_text_string(out, a.contents);
  }
  out += ">>";
  return out;
}

bool add_links(HPDF_Doc pdf, HPDF_Page page, const Ops& ops, const Layout& layout,
               const std::vector<HPDF_Page>& pages, std::vector<PageAnnot>& annot_list) {
  if (ops.links.empty()) return true;
  HPDF_Array annots = HPDF_Array_New(pdf->mmgr);
  if (!annots || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK) return false;
  const float H = layout.height;
  for (std::size_t k = 0; k < ops.links.size();) {
    LinkOp l = ops.links[k++];
    while (k < ops.links.size() && ops.links[k].uri == l.uri && ops.links[k].target == l.target &&
           ops.links[k].node == l.node && ops.links[k].y == l.y && ops.links[k].x <= l.x + l.w + 6) {
      l.w = ops.links[k].x + ops.links[k].w - l.x;
      ++k;
    }
    HPDF_Page target = nullptr;
    float top = 0;
    if (l.uri.empty()) {
      auto it = layout.anchors.find(l.target);
      if (it == layout.anchors.end() || it->second.first < 0 ||
          static_cast<std::size_t>(it->second.first) >= pages.size()) {
        continue;
      }
      target = pages[static_cast<std::size_t>(it->second.first)];
      top = H - it->second.second + 4;
    }
    PageAnnot a;
    a.dict = new_indirect_dict(pdf);
    if (!a.dict) return false;
    a.node = l.node;
    // Whole points, rounded outwards so the clickable area covers the text.
    a.rect[0] = static_cast<int>(std::floor(l.x));
    a.rect[1] = static_cast<int>(std::floor(H - l.y - l.h));
    a.rect[2] = static_cast<int>(std::ceil(l.x + l.w));
    a.rect[3] = static_cast<int>(std::ceil(H - l.y));
    if (target) {
      a.dest = target;
      a.top = top;
    } else {
      a.uri = uri_ascii(l.uri);
    }
    if (HPDF_Array_Add(annots, a.dict) != HPDF_OK) return false;
    annot_list.push_back(std::move(a));
  }
  return true;
}

}  // namespace okgen::render::pdf
