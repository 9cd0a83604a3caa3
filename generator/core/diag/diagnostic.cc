// Diagnostic collection.
#include "diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include "diag/rules.h"

namespace okgen::diag {

const char* severity_keyword(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
    case Severity::note: return "note";
  }
  return "error";
}

const std::string& Diagnostic::arg(const std::string& name) const {
  static const std::string kEmpty;
  for (const auto& [key, value] : args) {
    if (key == name) return value;
  }
  return kEmpty;
}

void DiagnosticSink::report(const std::string& rule, SourceSpan span, Args args) {
  report(default_severity(rule), rule, std::move(span), std::move(args));
}

std::optional<Severity> SeverityPolicy::resolve(const std::string& rule, Severity severity) const {
  auto it = overrides_.find(rule);
  return it == overrides_.end() ? std::optional<Severity>(severity) : it->second;
}

void DiagnosticSink::report(Severity severity, const std::string& rule, SourceSpan span, Args args) {
  Diagnostic d;
  d.severity = severity;
  d.rule = rule;
  d.span = std::move(span);
  d.args = std::move(args);
  add(std::move(d));
}

void DiagnosticSink::add(Diagnostic d) {
  if (policy_) {
    auto s = policy_->resolve(d.rule, d.severity);
    if (!s) return;
    d.severity = *s;
  }
  diagnostics_.push_back(std::move(d));
}

std::size_t DiagnosticSink::count(Severity s) const {
  return static_cast<std::size_t>(std::count_if(diagnostics_.begin(), diagnostics_.end(),
                                                [s](const Diagnostic& d) { return d.severity == s; }));
}

bool DiagnosticSink::has_errors_since(std::size_t mark) const {
  for (std::size_t i = mark; i < diagnostics_.size(); ++i) {
    if (diagnostics_[i].severity == Severity::error) return true;
  }
  return false;
}

void DiagnosticSink::sort() {
  std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.span.file, a.span.line, a.span.column, a.rule) <
           std::tie(b.span.file, b.span.line, b.span.column, b.rule);
  });
}

}  // namespace okgen::diag
