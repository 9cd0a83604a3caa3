// The structure tree of a tagged PDF (PDF 32000-1 14.7, PDF/UA-1): the layout's elements
// (struct_tree.h) become StructElem objects whose kids are, in reading order, their
// marked content (MCIDs the content streams assigned), their link annotations (OBJR) and
// their child elements; with the ParentTree that leads from page content and annotations
// back to the elements, the IDTree for notes, and /StructParents and /Tabs on pages.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <vector>

#include "render/pdf/layout_types.h"
#include "render/pdf/pdf_finish.h"
#include "render/pdf/pdf_links.h"

namespace okgen::render::pdf {

/// What the emitter knows of one page: the element of each MCID of its content, and its
/// link annotations.
struct TaggedPage {
  std::vector<int> mcid_nodes;
  std::vector<PageAnnot> annots;
};

/// The structure tree as PDF objects for pdf_finish: the body of the root (a libharu
/// object) and the elements and parent tree, numbered after libharu's objects.
using StructureObjects = RawObjects;

/// Adds the structure tree of `layout` (pages `pages`, tagged as `tagged` says) to `pdf`:
/// marks the catalog as tagged and the pages with their parent tree keys, gives each
/// annotation in the tree its key and text (PageAnnot::struct_parent, contents), and
/// writes the elements into `out`. Call after every other libharu object is made
/// (the elements are numbered after them). Elements with no content are left out (but
/// for empty table cells, which keep tables regular); a footnote's Note follows the
/// paragraph that first cites it. Returns false when libharu fails.
bool add_structure(HPDF_Doc pdf, const Layout& layout, const std::vector<HPDF_Page>& pages,
                   std::vector<TaggedPage>& tagged, StructureObjects& out);

/// The reading-order text of the own runs of each element `wanted` marks (link texts for
/// /Contents), by id; "" for the others.
std::vector<std::string> element_texts(const Layout& layout, const std::vector<char>& wanted);

}  // namespace okgen::render::pdf
