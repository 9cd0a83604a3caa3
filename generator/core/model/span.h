// Where a model node is, as a diagnostic span: Loc::file resolved against Agreement::files.
#pragma once

#include "diag/diagnostic.h"
#include "model/agreement.h"

namespace okgen::model {

inline diag::SourceSpan span_of(const Agreement& a, const Loc& l) {
  return diag::SourceSpan{l.file < a.files.size() ? a.files[l.file] : a.path(), l.line, l.column};
}

}  // namespace okgen::model
