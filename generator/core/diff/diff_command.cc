// okgen diff (see diff_command.h).
#include "diff/diff_command.h"

#include "diff/agreement_diff.h"
#include "diff/redline_doc.h"
#include "diff/redline_docx.h"
#include "diff/versions.h"
#include "pipeline.h"
#include "render/pdf/pdf_writer.h"
#include "render/report/diff_report.h"
#include "util/fs.h"

namespace okgen::diff {

DiffOutcome run_diff(const DiffRequest& request, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources) {
  DiffOutcome out;
  const bool to_screen = request.output.empty() || request.output == "-";
  if ((request.format == "pdf" || request.format == "docx") && to_screen) {
    out.needs_output = true;  // checked first: nothing to compare for a run that cannot write
    out.exit_code = kExitUsage;
    return out;
  }
  const load::LoadOptions lo = res.load_options();
  auto old_a = load_version(request.old_version, lo, sink, sources);
  auto new_a = load_version(request.new_version, lo, sink, sources);
  if (!old_a || !new_a) {
    out.exit_code = kExitUsage;
    return out;
  }
  if (sink.has_errors()) {
    out.exit_code = kExitFindings;
    return out;
  }
  const AgreementDiff d = diff_agreements(*old_a, *new_a, res.labels);
  if (request.format == "docx") {
    auto docx = redline_docx(*old_a, *new_a, d, request.as_of, res, sink, sources);
    if (!docx) {
      out.exit_code = kExitFindings;
      return out;
    }
    util::write_file_atomic(request.output, *docx);
    return out;
  }
  if (request.format == "pdf") {
    auto writer = render::pdf::PdfWriter::create(res, sink, sources);
    if (!writer) {
      out.exit_code = kExitFindings;
      return out;
    }
    util::write_file_atomic(request.output, writer->render(redline_doc(d, res), request.new_version, sink).pdf);
    return out;
  }
  std::string text = request.format == "html"   ? render::report::diff_html(d, res)
                     : request.format == "json" ? render::report::diff_json(d, res)
                                                : render::report::diff_text(d, res);
  if (to_screen) {
    out.text = std::move(text);
  } else {
    util::write_file_atomic(request.output, text);
  }
  return out;
}

}  // namespace okgen::diff
