// Summary and report texts.
#include "render/report/summary.h"

#include <sstream>

#include "diag/printer.h"
#include "diag/source_map.h"
#include "text/template_engine.h"
#include "util/fs.h"

namespace okgen::render::report {
namespace {

using diag::pad_to_width;

std::string msg(const text::Catalog& m, const std::string& key, const text::Value& ctx = {}) {
  return text::render(m.get("report", key), ctx, text::Escape::none);
}

}  // namespace

std::string validity_words(const AgreementResult& a, const text::Catalog& m) {
  if (a.validity_label.empty()) return {};
  text::Value ctx;
  ctx.set("start", a.validity.start ? a.validity.start->iso() : "");
  ctx.set("current_end", a.validity.current_end ? a.validity.current_end->iso() : "");
  return msg(m, "status." + std::string(model::to_string(a.validity.state)), ctx);
}

std::string summary_text(const PipelineResult& result, const diag::DiagnosticSink& sink, const text::Catalog& m,
                         const std::string& as_of, const std::filesystem::path& outputs_relative_to, bool built) {
  std::ostringstream out;
  std::size_t w_source = diag::utf8_length(msg(m, "col.source"));
  std::size_t w_status = diag::utf8_length(msg(m, "col.validity"));
  const std::size_t w_errors = std::max<std::size_t>(4, diag::utf8_length(msg(m, "col.errors")));
  for (const auto& a : result.agreements) {
    w_source = std::max(w_source, diag::utf8_length(a.display_source));
    w_status = std::max(w_status, diag::utf8_length(validity_words(a, m)));
  }
  // No agreements, no table: a header over nothing reads like a failed run's leftovers.
  if (!result.agreements.empty()) {
    out << pad_to_width(msg(m, "col.source"), w_source) << "  " << pad_to_width(msg(m, "col.version"), 8) << "  "
        << pad_to_width(msg(m, "col.validity"), w_status) << "  " << pad_to_width(msg(m, "col.errors"), w_errors) << "  "
        << (built ? pad_to_width(msg(m, "col.warnings"), 9) + "  " + msg(m, "col.output") : msg(m, "col.warnings")) << '\n';
  }
  for (const auto& a : result.agreements) {
    std::string output = a.errors ? msg(m, "not-built") : "–";
    if (!a.outputs.empty()) {
      output = outputs_relative_to.empty() ? util::display_path(a.outputs.front())
                                           : a.outputs.front().lexically_relative(outputs_relative_to).generic_string();
    }
    out << pad_to_width(a.display_source, w_source) << "  " << pad_to_width(a.version.empty() ? "–" : a.version, 8) << "  "
        << pad_to_width(a.validity_label.empty() ? "–" : validity_words(a, m), w_status) << "  " << pad_to_width(std::to_string(a.errors), w_errors)
        << "  " << (built ? pad_to_width(std::to_string(a.warnings), 9) + "  " + output : std::to_string(a.warnings)) << '\n';
  }
  text::Value totals;
  totals.set("agreements", static_cast<int>(result.agreements.size()));
  totals.set("errors", static_cast<int>(sink.count(diag::Severity::error)));
  totals.set("warnings", static_cast<int>(sink.count(diag::Severity::warning)));
  totals.set("infos", static_cast<int>(sink.count(diag::Severity::info)));
  totals.set("written", static_cast<int>(result.written.size()));
  totals.set("as_of", as_of);
  totals.set("one", result.agreements.size() == 1);
  totals.set("one_file", result.written.size() == 1);
  totals.set("one_error", sink.count(diag::Severity::error) == 1);
  totals.set("one_warning", sink.count(diag::Severity::warning) == 1);
  totals.set("one_info", sink.count(diag::Severity::info) == 1);
  out << msg(m, built ? "totals" : "check-totals", totals) << '\n';
  return out.str();
}

std::string reuse_note(const PipelineResult& result, const text::Catalog& m) {
  if (result.reused == 0) return {};
  text::Value ctx;
  ctx.set("reused", static_cast<int>(result.reused));
  ctx.set("agreements", static_cast<int>(result.agreements.size()));
  return msg(m, "reused", ctx) + "\n";
}

std::string report_text(const PipelineResult& result, const diag::DiagnosticSink& sink, const text::Catalog& m,
                        const std::string& as_of, const std::filesystem::path& output_dir, bool built) {
  std::ostringstream out;
  text::Value ctx;
  ctx.set("as_of", as_of);
  out << msg(m, "title", ctx) << "\n\n";
  diag::SourceRegistry none;
  diag::PrintOptions po;
  po.show_source = false;
  diag::print_diagnostics(out, sink, none, m, po);
  if (!sink.all().empty()) out << '\n';
  out << summary_text(result, sink, m, as_of, output_dir, built);
  return out.str();
}

}  // namespace okgen::render::report
