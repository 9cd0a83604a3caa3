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
  // The first page: the appendix's title and its summary (changes per area, in words),
  // whose legend tells how Word shows the changes instead of how the PDF marks them.
  compose::Doc front = redline_doc(d, res);
  text::Value ctx;
  ctx.set("old_version", d.old_version).set("new_version", d.new_version);
  model::Blocks legend;
  if (!d.identical()) {
    model::Paragraph p;
    p.content.push_back(model::Inline{
        model::Text{text::render(res.labels.get("diff-report", "docx.legend"), ctx, text::Escape::none)}, {}});
    legend.push_back(model::Block{std::move(p), {}});
  }
  front.sections = {redline_summary(d, res, std::move(legend))};
  return render::docx::render_docx_redline(old_doc, new_doc, front, d.new_date, res, *style);
}

}  // namespace okgen::diff
