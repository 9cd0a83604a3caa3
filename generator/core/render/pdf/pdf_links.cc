// Link annotations (see pdf_links.h). Written with libharu's object API instead of its
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
    HPDF_Dict annot = HPDF_Dict_New(pdf->mmgr);
    if (!annot) return false;
    if (target) {
      HPDF_Dict_Add(annot, "Dest", new_destination(pdf, target, top));
    } else {
      HPDF_Dict action = HPDF_Dict_New(pdf->mmgr);
      if (!action) return false;
      HPDF_Dict_AddName(action, "S", "URI");
      std::string uri = uri_ascii(l.uri);
      HPDF_Dict_Add(action, "URI",
                    HPDF_Binary_New(pdf->mmgr, reinterpret_cast<HPDF_BYTE*>(uri.data()), static_cast<HPDF_UINT>(uri.size())));
      HPDF_Dict_Add(annot, "A", action);
    }
    if (HPDF_Xref_Add(pdf->xref, annot) != HPDF_OK) return false;
    HPDF_Dict_AddName(annot, "Subtype", "Link");
    // Whole points, rounded outwards so the clickable area covers the text.
    HPDF_Dict_Add(annot, "Rect",
                  new_int_array(pdf, {static_cast<int>(std::floor(l.x)), static_cast<int>(std::floor(H - l.y - l.h)),
                                      static_cast<int>(std::ceil(l.x + l.w)), static_cast<int>(std::ceil(H - l.y))}));
    HPDF_Dict_Add(annot, "Border", new_int_array(pdf, {0, 0, 0}));
    HPDF_Dict_AddNumber(annot, "F", 4);  // Print: PDF/A wants every annotation printable
    HPDF_Array_Add(annots, annot);
    annot_list.push_back(PageAnnot{annot, l.node});
  }
  return true;
}

}  // namespace okgen::render::pdf
