// Document layout: a composed Doc -> a paginated Layout with all document furniture:
// title page, table of contents with page numbers, numbered sections, footnotes, other
// references, revision history, signature page, running header and "Sida 3 (27)" footer.
#pragma once

#include "compose/doc.h"
#include "render/pdf/inline_layout.h"
#include "render/pdf/layout_types.h"
#include "text/catalog.h"

namespace okgen::render::pdf {

/// Lays out `doc`. The table of contents is laid out twice: once to learn how many pages it
/// takes, once more with the page numbers the first pass found.
Layout layout_document(const compose::Doc& doc, LayoutContext& ctx, const text::Catalog& labels);

}  // namespace okgen::render::pdf
