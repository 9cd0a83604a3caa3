// Diagnostics: what okgen found wrong in the input, with where and which rule.
//
// Problems in content are collected, never thrown, so that one run reports everything
// (typst's Sink). A diagnostic stores the rule id and named arguments rather than a
// finished sentence: the text is written late, from the message catalogue of the chosen
// language (templates/messages/<lang>.txt), so the same finding reads in Swedish or English.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace okgen::diag {

/// How serious a finding is. Ordered: a higher value is more serious.
enum class Severity { note = 0, info = 1, warning = 2, error = 3 };

/// "error", "warning", "info" or "note": the GCC-style keyword editors recognise.
const char* severity_keyword(Severity s);

/// A place in a source file. Lines and columns are 1-based; 0 means unknown.
/// Columns count Unicode characters, not bytes, so they match what an editor shows.
struct SourceSpan {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Named values that the catalogue message refers to as {{name}}.
using Args = std::vector<std::pair<std::string, std::string>>;

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;  ///< stable kebab-case id, e.g. "unknown-element"
  SourceSpan span;
  Args args;
  std::vector<Diagnostic> notes;  ///< extra places that explain this one (severity note)

  /// The value of argument `name`, or "" when absent.
  const std::string& arg(const std::string& name) const;
};

/// Changed severities for some rules (--error, --warning, --ignore and okgen.conf).
class SeverityPolicy {
 public:
  /// Sets the severity of `rule`; nullopt = "off" (the finding is dropped).
  void set(const std::string& rule, std::optional<Severity> severity) { overrides_[rule] = severity; }
  /// The severity for a finding of `rule` reported at `severity`; nullopt = dropped.
  std::optional<Severity> resolve(const std::string& rule, Severity severity) const;
  bool empty() const { return overrides_.empty(); }
  /// True when `rule` was set explicitly.
  bool has(const std::string& rule) const { return overrides_.count(rule) > 0; }
  /// Every rule set, with its severity (nullopt = off).
  const std::map<std::string, std::optional<Severity>>& overrides() const { return overrides_; }

 private:
  std::map<std::string, std::optional<Severity>> overrides_;
};

/// Collects diagnostics from every stage. Not thread-safe; one sink per run.
class DiagnosticSink {
 public:
  /// Findings reported from now on follow `policy` (which must outlive the sink).
  void set_policy(const SeverityPolicy* policy) { policy_ = policy; }
  const SeverityPolicy* policy() const { return policy_; }

  /// Records a finding with the rule's default severity (see rules.h).
  void report(const std::string& rule, SourceSpan span, Args args = {});
  /// Records a finding with an explicit severity.
  void report(Severity severity, const std::string& rule, SourceSpan span, Args args = {});
  void add(Diagnostic d);

  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  std::size_t count(Severity s) const;
  bool has_errors() const { return count(Severity::error) > 0; }
  /// Number of diagnostics recorded so far; with `has_errors_since` it tells whether one
  /// stage (e.g. loading one file) added errors.
  std::size_t size() const { return diagnostics_.size(); }
  bool has_errors_since(std::size_t mark) const;

  /// Sorts by file, line, column and rule so output is deterministic.
  void sort();

 private:
  std::vector<Diagnostic> diagnostics_;
  const SeverityPolicy* policy_ = nullptr;
};

}  // namespace okgen::diag
