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

}  // namespace okgen::diff
