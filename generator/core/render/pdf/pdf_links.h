// Link annotations for one page: web links (URI actions) and links inside the document
// (explicit destinations), as compact indirect dictionaries in the page's /Annots.
#pragma once

#include <hpdf.h>

#include <vector>

#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// Adds the links of `ops` to `page`; neighbouring pieces of one link (a link broken
/// into words) become one annotation. Links to anchors the layout does not know are
/// left out. Returns false when libharu fails.
bool add_links(HPDF_Doc pdf, HPDF_Page page, const Ops& ops, const Layout& layout,
               const std::vector<HPDF_Page>& pages);

}  // namespace okgen::render::pdf
