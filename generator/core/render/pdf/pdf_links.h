// Link annotations for one page: web links (URI actions) and links inside the document
// (explicit destinations), as compact indirect dictionaries in the page's /Annots.
#pragma once

#include <hpdf.h>

#include <vector>

#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// A link annotation as written, with its Link structure element (-1: none).
struct PageAnnot {
  HPDF_Dict dict = nullptr;
  int node = -1;
};

/// Adds the links of `ops` to `page`; neighbouring pieces of one link (a link broken
/// into words) become one annotation. Links to anchors the layout does not know are
/// left out. Each annotation is printable (PDF/A) and is listed in `annots`. Returns
/// false when libharu fails.
bool add_links(HPDF_Doc pdf, HPDF_Page page, const Ops& ops, const Layout& layout,
               const std::vector<HPDF_Page>& pages, std::vector<PageAnnot>& annots);

}  // namespace okgen::render::pdf
