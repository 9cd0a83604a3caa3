// The layout dump: pages, positioned text runs with fonts, rules, fills and links as
// readable text. It is the golden format for PDF layout (tests/golden/pdf/), so a layout
// change shows up as a reviewable diff instead of different PDF bytes.
#pragma once

#include <string>

#include "render/pdf/font_set.h"
#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

/// Coordinates are rounded to 0.1 pt so the dump does not churn on float noise.
std::string dump_layout(const Layout& layout, const FontSet& fonts);

}  // namespace okgen::render::pdf
