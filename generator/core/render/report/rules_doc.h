// The rule reference: `okgen rules` and docs/rules.md, generated from the rule table and the
// message catalogues so the documentation cannot drift from the code.
#pragma once

#include <string>

#include "text/catalog.h"

namespace okgen::render::report {

/// One line per rule: id (severity): summary, in the catalogue's language.
std::string rules_text(const text::Catalog& messages);
/// docs/rules.md: every rule with severity, stage, summary, reason and fix in Swedish, and
/// the summary in English.
std::string rules_markdown(const text::Catalog& sv, const text::Catalog& en);

}  // namespace okgen::render::report
