// The DOCX writer: a composed Doc as a Word document (WordprocessingML in a zip package),
// and the redline between two versions as the new version with tracked changes.
//
// The package: document, styles (Word's built-in style ids with the look of
// styles/pdf.xml), numbering, footnotes, settings, running header and footer ("Sida 3 (27)"
// with PAGE/NUMPAGES fields), core, app and custom properties (diarienummer, version). The
// XML scaffolding lives in templates/docx/; the body is built in docx_body.cc and written
// in docx_document.cc. Deterministic: the same Doc gives the same bytes.
#pragma once

#include <optional>
#include <string>

#include "compose/doc.h"
#include "render/document_writer.h"
#include "render/pdf/pdf_style.h"
#include "resources.h"

namespace okgen::render::docx {

/// Renders `doc` as a .docx file's bytes. `style` gives page, fonts, sizes and colours.
std::string render_docx(const compose::Doc& doc, const Resources& res, const pdf::PdfStyle& style);

/// The registry's "docx" writer: render_docx with the look of styles/pdf.xml, whose problems
/// go to `sink` (nullptr when the style cannot be used).
std::unique_ptr<DocumentWriter> make_writer(const Resources& res, diag::DiagnosticSink& sink, diag::SourceRegistry& sources);

/// The redline as Word reviews it: `new_doc` with every difference from `old_doc` as a
/// tracked change (author "okgen", dated `date`, ISO yyyy-mm-dd), after a first page with
/// `front`'s kind, title and subtitle and its first section (the changes per area in words),
/// in styles based on OkgenChangeSummary and not tracked. That page is a Word section of
/// its own, so the agreement's title page that follows has no running header either.
/// Accepting all changes gives `new_doc`'s text, rejecting all gives `old_doc`'s.
std::string render_docx_redline(const compose::Doc& old_doc, const compose::Doc& new_doc, const compose::Doc& front,
                                const std::string& date, const Resources& res, const pdf::PdfStyle& style);

}  // namespace okgen::render::docx
