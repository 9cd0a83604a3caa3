// The Markdown bridge: cmark parses a body, and this turns cmark's tree into model blocks.
//
// cmark nodes never leave this file. Positions are mapped from the body back into the XML
// (or .md) file, so a problem in line 3 of a body is reported at its line in the source.
// Raw HTML is dropped, unsafe link schemes are dropped, headings are refused: published
// agreements must not carry scripts from content, and headings belong to <section>.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "model/rich_text.h"

namespace okgen::load {

/// Where a Markdown text sits in its source file.
struct TextOrigin {
  std::uint32_t file = 0;
  std::string path;  ///< display path for diagnostics
  int line = 1;      ///< source line of the text's first character
  int column = 1;    ///< source column of the text's first character
  bool inline_start = false;  ///< first line follows the opening tag on the same line
};

/// Deepest nesting of lists and quotes accepted (deeper is hostile or broken input).
constexpr int kMaxMarkdownDepth = 60;

/// Parses Markdown `text` (not yet dedented) into blocks, reporting problems to `sink`.
model::Blocks parse_markdown(const std::string& text, const TextOrigin& origin, diag::DiagnosticSink& sink);

}  // namespace okgen::load
