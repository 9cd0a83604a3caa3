// The PDF writer (see pdf_writer.h).
#include "render/pdf/pdf_writer.h"

#include "okgen_version.h"
#include "render/pdf/document_layout.h"
#include "render/pdf/font_set.h"
#include "render/pdf/hyphen_patterns.h"
#include "render/pdf/hyphenator.h"
#include "render/pdf/layout_dump.h"
#include "render/pdf/font_embed.h"
#include "render/pdf/line_cache.h"
#include "render/pdf/pdf_emit.h"
#include "render/pdf/pdf_finish.h"
#include "render/pdf/pdf_style.h"

namespace okgen::render::pdf {

std::unique_ptr<PdfWriter> PdfWriter::create(const Resources& res, diag::DiagnosticSink& sink,
                                             diag::SourceRegistry& sources) {
  auto style = PdfStyle::load(res.styles_dir() / "pdf.xml", sink, sources);
  if (!style) return nullptr;
  // Every font file must be a font before any document relies on it. Faces are parsed only
  // when a document uses them (most use five of the style's sixteen): here the files'
  // first bytes are checked, which is enough to catch a wrong file or an HTML error page.
  for (std::size_t f = 0; f < style->families.size(); ++f) {
    for (const auto& file : style->families[f].files) {
      if (!looks_like_font(file)) {
        sink.report("font-missing", diag::SourceSpan{"styles/pdf.xml", 0, 0},
                    {{"path", file.string()}, {"attribute", style->families[f].name}});
        return nullptr;
      }
    }
  }
  return std::unique_ptr<PdfWriter>(new PdfWriter(res, std::make_unique<PdfStyle>(std::move(*style))));
}

PdfWriter::PdfWriter(const Resources& res, std::unique_ptr<PdfStyle> style)
    : res_(res),
      style_(std::move(style)),
      hyphenator_(std::make_unique<Hyphenator>(style_->hyphen_dictionary, style_->hyphen_left_min,
                                               style_->hyphen_right_min, style_->hyphen_min_word,
                                               default_cache_dir())),
      lines_(std::make_unique<LineCache>()),
      fonts_(std::make_unique<EmbedCache>()) {}

PdfWriter::~PdfWriter() = default;

void PdfWriter::forget() {
  lines_ = std::make_unique<LineCache>();
  fonts_ = std::make_unique<EmbedCache>();
  hyphenator_->forget();
}

PdfResult PdfWriter::render(const compose::Doc& doc, const std::string& source, diag::DiagnosticSink& sink,
                            bool with_dump) {
  FontSet fonts(*style_);
  LayoutContext ctx{*style_, fonts, *hyphenator_, sink, source, lines_.get(), threads_};
  Layout layout = layout_document(doc, ctx, res_.labels);
  PdfResult out;
  out.pages = static_cast<int>(layout.pages.size());
  if (with_dump) out.layout_dump = dump_layout(layout, fonts);
  PdfMetadata meta;
  meta.title = doc.title;
  meta.subject = doc.kind_label + ", " + doc.region + ", version " + doc.version +
                 (doc.diarienummer.empty() ? "" : ", diarienummer " + doc.diarienummer);
  meta.author = doc.region;
  meta.keywords = doc.keywords;
  meta.creator = std::string("okgen ") + OKGEN_VERSION;
  meta.producer = std::string("okgen ") + OKGEN_VERSION + " (libharu, HarfBuzz)";
  meta.lang = doc.lang == "sv" ? "sv-SE" : doc.lang;
  meta.date = doc.date;
  EmittedPdf emitted = emit_pdf(layout, fonts, meta, threads_, fonts_.get());
  out.pdf = finish_pdf(emitted.pdf, emitted.contents, threads_);
  out.layout = std::move(layout);
  return out;
}

}  // namespace okgen::render::pdf
