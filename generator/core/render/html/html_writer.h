// The HTML writer: one self-contained, accessible HTML5 page per agreement, and the index.
//
// Blocks become HTML here; the page around them (head, skip link, header, table of
// contents, notes, footer) is templates/html/page.html.mustache, and the CSS from
// styles/agreement.css is inlined so the file stands alone.
#pragma once

#include <string>
#include <vector>

#include "compose/doc.h"
#include "render/document_writer.h"
#include "resources.h"

namespace okgen::render::html {

/// Renders the full page for `doc`. Deterministic: same Doc, same bytes.
std::string render_html(const compose::Doc& doc, const Resources& res);
/// The same with the style sheet already read (what stylesheet() returns).
std::string render_html(const compose::Doc& doc, const Resources& res, const std::string& css);

/// The registry's "html" writer: render_html as a DocumentWriter.
std::unique_ptr<DocumentWriter> make_writer(const Resources& res, diag::DiagnosticSink& sink, diag::SourceRegistry& sources);

/// Renders blocks as an HTML fragment (used by the page and by tests).
std::string render_html_blocks(const model::Blocks& blocks, const text::Catalog& labels);

/// styles/agreement.css, inlined into every page. Throws util::IoError when missing.
std::string stylesheet(const Resources& res);

/// One agreement on the index page.
struct IndexEntry {
  std::string href;  ///< relative to the index file
  std::string consolidated_href;  ///< local agreements published in both forms: the consolidated version
  std::string title;
  std::string kind;  ///< "regional" | "local"
  std::string kind_label;
  std::string region;
  std::string version;
  std::string diarienummer;
  std::string status;  ///< validity state name, for styling
  std::string status_label;
  std::string source;  ///< the content file
  std::string region_page;  ///< regional agreements: their region page, if any
  std::string local_state;  ///< local agreements: "draft", "complete" or "" (not checked)
  bool needs_review = false;  ///< local agreements written against an older regional text
};

/// Renders output/index.html listing `entries` (kept in the given order).
std::string render_index_html(const std::vector<IndexEntry>& entries, const std::string& as_of, const Resources& res);

}  // namespace okgen::render::html
