// The redline as a document the PDF writer can typeset ("Ändringsbilaga"): one section per
// changed section, structured changes as a list, changed paragraphs and matrix rows with
// their changes as model::Edit (drawn underlined or struck through, in colour, and said in
// words to a screen reader), so a change reads in print, on screen and aloud.
#pragma once

#include "compose/doc.h"
#include "diff/agreement_diff.h"
#include "resources.h"

namespace okgen::diff {

compose::Doc redline_doc(const AgreementDiff& d, const Resources& res);

/// The appendix's first section: the number of changes, per area, and the changed
/// metadata, with `legend` (how to read the changes; empty when nothing changed) before the
/// metadata. The PDF appendix's legend explains its marks, the Word redline's its tracking.
compose::DocSection redline_summary(const AgreementDiff& d, const Resources& res, model::Blocks legend);

}  // namespace okgen::diff
