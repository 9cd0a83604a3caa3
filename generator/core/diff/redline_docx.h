// The Word redline of two versions (`okgen diff OLD NEW --format docx`): both versions
// composed as they are published, the new one written with every difference as a tracked
// change, after a page summarising the changes per area (the words of the PDF appendix).
#pragma once

#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "diff/agreement_diff.h"
#include "model/agreement.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::diff {

/// The .docx bytes, or nullopt when the style (styles/pdf.xml) could not be read or a
/// template failed (reported to `sink`). Validity wording is computed for `as_of`.
std::optional<std::string> redline_docx(const model::Agreement& old_a, const model::Agreement& new_a,
                                        const AgreementDiff& d, const util::Date& as_of, const Resources& res,
                                        diag::DiagnosticSink& sink, diag::SourceRegistry& sources);

}  // namespace okgen::diff
