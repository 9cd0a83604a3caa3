// GCC-style diagnostic output with source excerpts (ninja/typst style).
#include "diag/printer.h"

#include <sstream>

#include <string>

namespace okgen::diag {
namespace {

void excerpt(std::ostream& out, const SourceSpan& span, const SourceRegistry& sources) {
  const SourceMap* map = sources.find(span.file);
  if (!map || span.line <= 0) return;
  std::string_view line = map->line_text(span.line);
  if (line.size() > 200) return;  // minified or binary-looking lines help nobody
  const std::string num = std::to_string(span.line);
  out << ' ' << num << " | ";
  for (char c : line) out << (c == '\t' ? ' ' : c);
  out << '\n' << std::string(num.size() + 1, ' ') << " | ";
  if (span.column > 0) out << std::string(static_cast<std::size_t>(span.column - 1), ' ') << '^';
  out << '\n';
}

void print_one(std::ostream& out, const Diagnostic& d, const SourceRegistry& sources, const text::Catalog& messages,
               const PrintOptions& options) {
  out << d.span.file;
  if (d.span.line > 0) out << ':' << d.span.line << ':' << (d.span.column > 0 ? d.span.column : 1);
  out << ": " << severity_keyword(d.severity) << ": " << text::format_diagnostic(messages, d);
  if (d.severity != Severity::note) out << " [" << d.rule << ']';
  out << '\n';
  if (options.show_source) excerpt(out, d.span, sources);
}

}  // namespace

void print_diagnostic(std::ostream& out, const Diagnostic& d, const SourceRegistry& sources,
                      const text::Catalog& messages, const PrintOptions& options) {
  print_one(out, d, sources, messages, options);
  for (const auto& n : d.notes) print_one(out, n, sources, messages, options);
}

void print_diagnostics(std::ostream& out, const DiagnosticSink& sink, const SourceRegistry& sources,
                       const text::Catalog& messages, const PrintOptions& options) {
  // Gathered first: std::cerr writes every piece on its own (a national batch's thousands
  // of findings cost more in system calls than in formatting).
  std::ostringstream all;
  for (const auto& d : sink.all()) {
    if (d.severity >= options.min_severity) print_diagnostic(all, d, sources, messages, options);
  }
  const std::string text = all.str();
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace okgen::diag
