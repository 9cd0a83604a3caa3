// The composer: Agreement -> Doc. Fills the wording templates from structured data,
// numbers the notes, resolves cross references and lays out the metadata block.
#pragma once

#include "compose/doc.h"
#include "diag/diagnostic.h"
#include "model/agreement.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::compose {

struct ComposeOptions {
  /// The day validity status is computed for (today, --date, or SOURCE_DATE_EPOCH).
  util::Date as_of;
};

/// Composes `a` for rendering. Problems in templates (a template that renders Markdown okgen
/// refuses) are reported to `sink` against the template file. Throws util::IoError when a
/// template file is missing.
Doc compose(const model::Agreement& a, const Resources& res, const ComposeOptions& options, diag::DiagnosticSink& sink);

/// The validity status in words ("Gäller till och med 2024-07-01"), from templates/labels.
std::string validity_label(const model::ValidityStatus& s, const text::Catalog& labels);

/// "1 juli 2021": a date in words, month names from templates/labels.
std::string long_date(const util::Date& d, const text::Catalog& labels);
/// "juni 2025", "2016" or "1 juli 2021" depending on the precision.
std::string long_date(const util::PartialDate& d, const text::Catalog& labels);

}  // namespace okgen::compose
