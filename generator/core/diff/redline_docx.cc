// The Word redline (see redline_docx.h).
#include "diff/redline_docx.h"

#include "compose/composer.h"
#include "diff/redline_doc.h"
#include "render/docx/docx_writer.h"
#include "text/template_engine.h"

namespace okgen::diff {

std::optional<std::string> redline_docx(const model::Agreement& old_a, const model::Agreement& new_a,
                                        const AgreementDiff& d, const util::Date& as_of, const Resources& res,
                                        diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  auto style = render::pdf::PdfStyle::load(res.styles_dir() / "pdf.xml", sink, sources);
  if (!style) return std::nullopt;
  const compose::ComposeOptions opts{as_of};
  const std::size_t before = sink.size();
  const compose::Doc old_doc = compose::compose(old_a, res, opts, sink);
  const compose::Doc new_doc = compose::compose(new_a, res, opts, sink);
  if (sink.has_errors() && sink.size() > before) return std::nullopt;
  // The appendix's first section is the summary: changes per area, in words.
  const compose::Doc appendix = redline_doc(d, res);
  compose::DocSection summary = appendix.sections.empty() ? compose::DocSection{} : appendix.sections.front();
  // The appendix tells how its brackets read; in Word the changes are tracked instead.
  text::Value ctx;
  ctx.set("old_version", d.old_version).set("new_version", d.new_version);
  const std::string pdf_legend = text::render(res.labels.get("diff-report", "pdf.legend"), ctx, text::Escape::none);
  model::Blocks kept;
  for (auto& b : summary.blocks) {
    const auto* p = std::get_if<model::Paragraph>(&b.node);
    if (p && model::plain_text(p->content) == pdf_legend) continue;
    kept.push_back(std::move(b));
  }
  model::Paragraph legend;
  legend.content.push_back(model::Inline{
      model::Text{text::render(res.labels.get("diff-report", "docx.legend"), ctx, text::Escape::none)}, {}});
  kept.push_back(model::Block{std::move(legend), {}});
  summary.blocks = std::move(kept);
  return render::docx::render_docx_redline(old_doc, new_doc, summary, d.new_date, res, *style);
}

}  // namespace okgen::diff
