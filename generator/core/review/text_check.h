// Checking agreements that are not in okgen's format: plain text or Markdown, for example
// `pdftotext -layout` output of a published PDF. Headings are recognised (numbered outline,
// Markdown, capitals), each area is judged covered / partial / missing from the heading
// that introduces it and the substance of its text (data/area-keywords.tsv), and the prose
// rules, law references and validity clause are checked as for okgen's own format.
#pragma once

#include <string>
#include <vector>

#include "review/checker.h"

namespace okgen::review {

/// A heading recognised in the text.
struct TextHeading {
  int line = 0;        ///< 1-based
  int level = 1;       ///< 1 for "3", 2 for "3.1", ...
  std::string number;  ///< "3.1" or ""
  std::string title;
};

/// Finds headings in text (exposed for tests).
std::vector<TextHeading> find_headings(const std::vector<std::string>& lines);

struct TextValidity;

/// Checks a plain-text or Markdown agreement. `display_path` names it in findings. With
/// `validity_read`, also hands back the validity clause as read, before the text's date
/// completes it (okgen import turns it into <validity> without reading the text again).
CheckReport check_text(const std::string& display_path, const std::string& text, const data::ReferenceData& data,
                       const CheckOptions& options, diag::DiagnosticSink& sink, TextValidity* validity_read = nullptr);

}  // namespace okgen::review
