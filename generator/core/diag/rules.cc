// The rule table (ninja's kTools style: one static list is the single source of truth).
#include "diag/rules.h"

namespace okgen::diag {

const std::vector<RuleInfo>& all_rules() {
  static const std::vector<RuleInfo> kRules = {
      // Input: the file could not be read as an agreement at all.
      {"file-unreadable", Severity::error, Stage::input},
      {"file-too-large", Severity::error, Stage::input},
      {"encoding", Severity::error, Stage::input},
      {"xml-syntax", Severity::error, Stage::input},
      {"xml-doctype", Severity::error, Stage::input},
      {"not-an-agreement", Severity::error, Stage::input},
      // Structure: the file does not follow the content format (schema/agreement.xsd).
      {"unknown-element", Severity::error, Stage::structure},
      {"unknown-attribute", Severity::error, Stage::structure},
      {"missing-element", Severity::error, Stage::structure},
      {"missing-attribute", Severity::error, Stage::structure},
      {"duplicate-element", Severity::error, Stage::structure},
      {"element-order", Severity::error, Stage::structure},
      {"text-not-allowed", Severity::error, Stage::structure},
      {"empty-value", Severity::error, Stage::structure},
      {"invalid-value", Severity::error, Stage::structure},
      {"invalid-date", Severity::error, Stage::structure},
      {"date-order", Severity::error, Stage::structure},
      {"validity-no-end", Severity::error, Stage::structure},
      {"validity-conflict", Severity::error, Stage::structure},
      {"duplicate-id", Severity::error, Stage::structure},
      {"duplicate-id-first", Severity::note, Stage::structure},
      {"body-file-missing", Severity::error, Stage::structure},
      {"body-file-outside-content", Severity::error, Stage::structure},
      {"body-src-and-text", Severity::error, Stage::structure},
      {"unknown-area", Severity::error, Stage::structure},
      {"unknown-standard-text", Severity::error, Stage::structure},
      {"unknown-party", Severity::error, Stage::structure},
      {"section-too-deep", Severity::error, Stage::structure},
      {"nesting-too-deep", Severity::error, Stage::structure},
      {"local-meta-in-regional", Severity::error, Stage::structure},
      // Content: Markdown and references inside the text.
      {"unknown-citation", Severity::error, Stage::content},
      {"unknown-link-target", Severity::error, Stage::content},
      {"markdown-heading", Severity::error, Stage::content},
      {"raw-html", Severity::warning, Stage::content},
      {"code-block", Severity::warning, Stage::content},
      {"unsafe-link", Severity::warning, Stage::content},
      {"image-not-supported", Severity::warning, Stage::content},
      {"uncited-reference", Severity::info, Stage::content},
      {"duplicate-agreement-id", Severity::error, Stage::structure},
      // Output: problems making the documents.
      {"style-invalid", Severity::error, Stage::output},
      {"style-missing", Severity::error, Stage::output},
      {"font-missing", Severity::error, Stage::output},
      {"glyph-missing", Severity::warning, Stage::output},
      {"pdf-failed", Severity::error, Stage::output},
  };
  return kRules;
}

const RuleInfo* find_rule(const std::string& id) {
  for (const auto& r : all_rules()) {
    if (id == r.id) return &r;
  }
  return nullptr;
}

Severity default_severity(const std::string& id) {
  const RuleInfo* r = find_rule(id);
  return r ? r->severity : Severity::error;
}

}  // namespace okgen::diag
