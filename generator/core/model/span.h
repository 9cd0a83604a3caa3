// Where a model node is, as a diagnostic span: Loc::file resolved against Agreement::files.
#pragma once

#include "diag/diagnostic.h"
#include "model/agreement.h"

namespace okgen::model {

inline diag::SourceSpan span_of(const Agreement& a, const Loc& l) {
  return diag::SourceSpan{l.file < a.files.size() ? a.files[l.file] : a.path(), l.line, l.column};
}

/// Where a section's text is: the local text that replaced or filled a regional section in a
/// merged local agreement, else the section itself. Findings about the text point here.
inline Loc text_loc(const Section& s) {
  return s.origin == Origin::local_replaced || s.origin == Origin::local_filled ? s.local_loc : s.loc;
}

}  // namespace okgen::model
