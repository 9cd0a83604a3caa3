// Link annotations for one page: web links (URI actions) and links inside the document
// (explicit destinations), as compact indirect dictionaries in the page's /Annots.
#pragma once

#include <hpdf.h>

#include <string>
#include <vector>

#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// A link annotation: libharu holds an empty indirect dictionary for it (its number, and
/// its place in the page's /Annots), whose body is written as PDF text by
/// link_annotation() and put in place by pdf_finish. Building and serialising these
/// dictionaries with libharu's object API was a tenth of the PDF's time.
struct PageAnnot {
  HPDF_Dict dict = nullptr;
  int node = -1;            ///< its Link structure element (-1: none)
  int rect[4] = {0, 0, 0, 0};
  HPDF_Page dest = nullptr;  ///< a link inside the document: the page, with the window's top
  float top = 0;
  std::string uri;           ///< else a web link
  int struct_parent = -1;    ///< its parent tree key, from add_structure (-1: not in the tree)
  std::string contents;      ///< what the link says, from add_structure
};

/// The annotation's dictionary as PDF text: a printable (PDF/A) link without a border,
/// with its destination or URI action, and its parent tree key and /Contents if it has them.
std::string link_annotation(const PageAnnot& annot);

/// Adds the links of `ops` to `page`; neighbouring pieces of one link (a link broken
/// into words) become one annotation. Links to anchors the layout does not know are
/// left out. Each annotation is listed in `annots` (see PageAnnot). Returns false when
/// libharu fails.
bool add_links(HPDF_Doc pdf, HPDF_Page page, const Ops& ops, const Layout& layout,
               const std::vector<HPDF_Page>& pages, std::vector<PageAnnot>& annots);

}  // namespace okgen::render::pdf
