// The redline as a document the PDF writer can typeset ("Ändringsbilaga"): one section per
// changed section, structured changes as a list, changed paragraphs and matrix rows with
// insertions in bold between {+ +} and deletions in italics between [- -], so the change is
// readable in print and by a screen reader without colour.
#pragma once

#include "compose/doc.h"
#include "diff/agreement_diff.h"
#include "resources.h"

namespace okgen::diff {

compose::Doc redline_doc(const AgreementDiff& d, const Resources& res);

}  // namespace okgen::diff
