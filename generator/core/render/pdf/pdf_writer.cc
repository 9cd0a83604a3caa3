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
#include "util/fs.h"

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
        sink.report("font-missing", style->families[f].at,
                    {{"path", file.string()}, {"attribute", style->families[f].name}});
        return nullptr;
      }
    }
  }
  std::string icc;
  if (!read_icc_profile(style->icc_profile, icc)) {
    sink.report("icc-profile-missing", style->icc_profile_at, {{"path", style->icc_profile.string()}});
    return nullptr;
  }
  return std::unique_ptr<PdfWriter>(new PdfWriter(res, std::make_unique<PdfStyle>(std::move(*style)), std::move(icc)));
}

bool read_icc_profile(const std::filesystem::path& path, std::string& out) {
  // An ICC profile (ICC.1, 7.2) states its size in its first four bytes and has the
  // signature "acsp" at byte 36; PDF/A's output intent must be an RGB or grey profile of
  // version 4 or older here (the PDF 1.6 this writer declares reads up to 4).
  if (util::read_file(path, out, 4u << 20) != util::ReadStatus::ok || out.size() < 132) return false;
  auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(out[i])); };
  const std::uint32_t declared = byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3);
  const std::string space = out.substr(16, 4);
  return declared == out.size() && out.compare(36, 4, "acsp") == 0 && (space == "RGB " || space == "GRAY") &&
         byte(8) <= 4;
}

PdfWriter::PdfWriter(const Resources& res, std::unique_ptr<PdfStyle> style, std::string icc_profile)
    : res_(res),
      style_(std::move(style)),
      icc_profile_(std::move(icc_profile)),
      icc_deflated_(icc_profile_.empty() ? std::string() : Deflater{}(icc_profile_)),
      hyphenator_(std::make_unique<Hyphenator>(style_->hyphen_dictionary, style_->hyphen_left_min,
                                               style_->hyphen_right_min, style_->hyphen_min_word,
                                               default_cache_dir())),
      lines_(std::make_unique<LineCache>()),
      fonts_(std::make_unique<EmbedCache>()) {}

std::vector<std::filesystem::path> PdfWriter::files_read() const {
  std::vector<std::filesystem::path> files;
  for (const auto& family : style_->families) {
    for (const auto& f : family.files) {
      if (!f.empty()) files.push_back(f);
    }
  }
  if (!style_->hyphen_dictionary.empty()) files.push_back(style_->hyphen_dictionary);
  files.push_back(style_->icc_profile);
  return files;
}

PdfWriter::~PdfWriter() = default;

void PdfWriter::prepare() const { (void)hyphenator_->ok(); }

void PdfWriter::forget() {
  lines_ = std::make_unique<LineCache>();
  fonts_ = std::make_unique<EmbedCache>();
  hyphenator_->forget();
}

PdfResult PdfWriter::render(const compose::Doc& doc, const std::string& source, diag::DiagnosticSink& sink,
                            bool with_dump, bool two_threads) {
  FontSet fonts(*style_);
  LayoutContext ctx{*style_, fonts, *hyphenator_, sink, source, lines_.get()};
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
  meta.icc_profile = &icc_profile_;
  meta.icc_deflated = icc_deflated_.empty() ? nullptr : &icc_deflated_;
  meta.icc_identifier = style_->icc_identifier;
  EmittedPdf emitted = emit_pdf(layout, fonts, meta, fonts_.get(), two_threads);
  out.pdf = finish_pdf(emitted.pdf, emitted.contents, &emitted.raw, two_threads);
  out.layout = std::move(layout);
  return out;
}

}  // namespace okgen::render::pdf
