// Redline reports for `okgen diff`: text for a terminal or a commit message, JSON
// (docs/diff-json.md), and an accessible HTML page (templates/html/diff.html.mustache).
#pragma once

#include <string>

#include "diff/agreement_diff.h"
#include "resources.h"

namespace okgen::render::report {

std::string diff_text(const diff::AgreementDiff& d, const Resources& res);
std::string diff_json(const diff::AgreementDiff& d, const Resources& res);
std::string diff_html(const diff::AgreementDiff& d, const Resources& res);

/// A word diff as HTML: <del> and <ins> with hidden words for screen readers ("borttaget:",
/// "tillagt:"), so the change is never shown by colour alone.
std::string word_diff_html(const diff::WordDiff& w, const text::Catalog& labels);

}  // namespace okgen::render::report
