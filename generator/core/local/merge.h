// Merging a local agreement with its regional one.
//
// A local agreement file holds only what is local: its own sections (the local-agreement
// template's sections, answered) and <local-section> texts that extend, replace or fill
// sections of the regional agreement. The merged agreement is the consolidated version:
// every regional section with its regional number and the local texts applied where the
// regional section's `local` policy allows it, then the local sections as part L (L1, L2).
// local/document.h makes the municipality's own document from it. Because the regional
// text is taken at build time, a regional revision reaches every local agreement on the
// next build; fingerprints tell which local texts were written against an older version.
#pragma once

#include <optional>

#include "diag/diagnostic.h"
#include "model/agreement.h"

namespace okgen::local {

/// Which local actions a regional policy allows (locked: none; slot: fill, extend, replace).
bool allows(model::LocalPolicy policy, model::LocalAction action);

/// The merged agreement. Files are the local agreement's followed by the regional one's,
/// so every Loc still points at its source. Reports local-unknown-section,
/// local-locked-section, local-action-not-allowed, local-section-duplicate,
/// and local-id-clash, then checks references on the merged whole.
/// Returns nullopt only when `regional` is not a regional agreement.
std::optional<model::Agreement> merge_local(const model::Agreement& local, const model::Agreement& regional,
                                            diag::DiagnosticSink& sink);

}  // namespace okgen::local
