// Fuzz target: the XML loader with Markdown bodies, then everything that reads a loaded
// agreement: the checker, the composer and both writers (HTML, PDF).
#include "compose/composer.h"
#include "fuzz_common.h"
#include "load/agreement_loader.h"
#include "render/html/html_writer.h"
#include "render/pdf/pdf_writer.h"
#include "review/checker.h"

using namespace okgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Resources& res = fuzz::resources();
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto options = res.load_options("/nonexistent-fuzz-root");
  auto a = load::load_agreement_text("fuzz/agreement.xml", fuzz::text_of(data, size), options, sink, sources);
  if (!a || sink.has_errors()) return 0;
  review::CheckOptions co;
  co.as_of = *util::Date::parse("2026-11-23");
  review::check_agreement(*a, res.data, co, [](const model::Agreement&) { return nullptr; }, sink);
  auto doc = compose::compose(*a, res, {co.as_of}, sink);
  (void)render::html::render_html(doc, res);
  static auto writer = render::pdf::PdfWriter::create(res, sink, sources);
  if (writer) (void)writer->render(doc, "fuzz", sink);
  return 0;
}
