// The rule table (ninja's kTools style: one static list is the single source of truth).
#include "diag/rules.h"

#include <deque>
#include <mutex>

namespace okgen::diag {
namespace {

const std::vector<RuleInfo>& table() {
  static const std::vector<RuleInfo> kRules = {
      // Input: the file could not be read as an agreement at all.
      {"file-unreadable", Severity::error, Stage::input},
      {"no-agreements", Severity::error, Stage::input},
      {"file-too-large", Severity::error, Stage::input},
      {"encoding", Severity::error, Stage::input},
      {"xml-syntax", Severity::error, Stage::input},
      {"xml-doctype", Severity::error, Stage::input},
      {"not-an-agreement", Severity::error, Stage::input},
      {"text-empty", Severity::error, Stage::input},
      {"config-invalid", Severity::error, Stage::input},
      {"diff-git", Severity::error, Stage::input},
      {"revise-version-exists", Severity::error, Stage::input},
      {"revise-failed", Severity::error, Stage::input},
      {"accept-not-local", Severity::error, Stage::input},
      {"accept-no-local-text", Severity::error, Stage::input},
      {"accept-failed", Severity::error, Stage::input},
      {"init-unknown-region", Severity::error, Stage::input},
      {"init-unknown-municipality", Severity::error, Stage::input},
      {"init-wrong-region", Severity::error, Stage::input},
      {"init-no-regional", Severity::error, Stage::input},
      {"init-regional-invalid", Severity::error, Stage::input},
      {"init-exists", Severity::error, Stage::input},
      {"import-unknown-format", Severity::error, Stage::input},
      {"import-not-a-package", Severity::error, Stage::input},
      {"import-too-large", Severity::error, Stage::input},
      {"import-encrypted", Severity::error, Stage::input},
      {"import-macros", Severity::error, Stage::input},
      {"import-missing-part", Severity::error, Stage::input},
      {"import-no-text", Severity::error, Stage::input},
      {"import-no-region", Severity::error, Stage::input},
      {"import-exists", Severity::error, Stage::input},
      {"import-invalid-result", Severity::error, Stage::input},
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
      {"unsafe-href", Severity::error, Stage::structure},
      {"invalid-date", Severity::error, Stage::structure},
      {"date-order", Severity::error, Stage::structure},
      {"validity-no-end", Severity::error, Stage::structure},
      {"validity-conflict", Severity::error, Stage::structure},
      {"duplicate-id", Severity::error, Stage::structure},
      {"duplicate-id-first", Severity::note, Stage::structure},
      {"duplicate-agreement-id", Severity::error, Stage::structure},
      {"body-file-missing", Severity::error, Stage::structure},
      {"body-file-outside-content", Severity::error, Stage::structure},
      {"body-src-and-text", Severity::error, Stage::structure},
      {"unknown-area", Severity::error, Stage::structure},
      {"unknown-standard-text", Severity::error, Stage::structure},
      {"unknown-party", Severity::error, Stage::structure},
      {"section-too-deep", Severity::error, Stage::structure},
      {"nesting-too-deep", Severity::error, Stage::structure},
      {"local-meta-in-regional", Severity::error, Stage::structure},
      // Local agreements: how the local file fits onto its regional agreement (local/).
      {"local-parent-invalid", Severity::error, Stage::structure},
      {"local-parent-outside-content", Severity::error, Stage::structure},
      {"local-unknown-section", Severity::error, Stage::structure},
      {"local-locked-section", Severity::error, Stage::structure},
      {"local-action-not-allowed", Severity::error, Stage::structure},
      {"local-section-duplicate", Severity::error, Stage::structure},
      {"local-id-clash", Severity::error, Stage::structure},
      // Content: Markdown and references inside the text.
      {"unknown-citation", Severity::error, Stage::content},
      {"unknown-link-target", Severity::error, Stage::content},
      {"markdown-heading", Severity::error, Stage::content},
      {"raw-html", Severity::warning, Stage::content},
      {"lang-invalid", Severity::warning, Stage::content},
      {"code-block", Severity::warning, Stage::content},
      {"unsafe-link", Severity::warning, Stage::content},
      {"date-placeholder", Severity::warning, Stage::content},
      {"image-not-supported", Severity::warning, Stage::content},
      {"uncited-reference", Severity::info, Stage::content},
      // Review: what the checker finds (okgen check), judged as a reviewer would.
      {"area-missing-required", Severity::error, Stage::review},
      {"area-missing-recommended", Severity::warning, Stage::review},
      {"area-missing-optional", Severity::info, Stage::review},
      {"area-partial", Severity::warning, Stage::review},
      {"text-area-partial", Severity::warning, Stage::review},
      {"text-area-toc-only", Severity::warning, Stage::review},
      {"text-validity-contradiction", Severity::warning, Stage::review},
      {"text-undated", Severity::info, Stage::review},
      {"sip-incomplete", Severity::warning, Stage::review},
      {"responsibilities-incomplete", Severity::warning, Stage::review},
      {"dispute-ladder-short", Severity::warning, Stage::review},
      {"dispute-no-final", Severity::warning, Stage::review},
      {"children-not-covered", Severity::warning, Stage::review},
      {"validity-no-review", Severity::warning, Stage::review},
      {"validity-expired", Severity::warning, Stage::review},
      {"validity-extended", Severity::info, Stage::review},
      {"validity-extended-if-revising", Severity::warning, Stage::review},
      {"validity-not-yet", Severity::info, Stage::review},
      {"validity-notice-soon", Severity::warning, Stage::review},
      {"validity-review-due", Severity::info, Stage::review},
      {"law-repealed", Severity::warning, Stage::review},
      {"law-chapter-missing", Severity::warning, Stage::review},
      {"law-section-mismatch", Severity::warning, Stage::review},
      {"law-section-near-miss", Severity::warning, Stage::review},
      {"law-unverified", Severity::info, Stage::review},
      {"law-unknown", Severity::info, Stage::review},
      {"law-title-wrong", Severity::warning, Stage::review},
      {"outdated-name", Severity::warning, Stage::review},
      {"sou-abbreviation", Severity::warning, Stage::review},
      {"bor-not-ska", Severity::warning, Stage::review},
      {"draft-leftover", Severity::warning, Stage::review},
      {"lix-high", Severity::info, Stage::review},
      {"section-empty", Severity::warning, Stage::review},
      {"decision-missing", Severity::warning, Stage::review},
      {"decision-outdated", Severity::info, Stage::review},
      {"diarienummer-missing", Severity::info, Stage::review},
      {"revision-order", Severity::warning, Stage::review},
      {"revision-missing", Severity::warning, Stage::review},
      {"revision-summary-missing", Severity::warning, Stage::review},
      {"revision-not-recorded", Severity::warning, Stage::review},
      {"party-unknown-municipality", Severity::warning, Stage::review},
      {"party-wrong-region", Severity::warning, Stage::review},
      {"local-parent-missing", Severity::error, Stage::review},
      {"local-parent-diarienummer", Severity::error, Stage::review},
      {"local-not-party-of-parent", Severity::error, Stage::review},
      {"local-parent-version", Severity::warning, Stage::review},
      {"local-validity-inherited", Severity::warning, Stage::review},
      {"local-law-repealed", Severity::warning, Stage::review},
      {"local-regional-changed", Severity::warning, Stage::review},
      {"local-regional-text", Severity::note, Stage::review},
      {"local-regional-diff", Severity::note, Stage::review},
      {"local-law-repealed-decision", Severity::note, Stage::review},
      {"local-prompts-left", Severity::warning, Stage::review},
      {"local-template-missing", Severity::warning, Stage::review},
      {"local-slot-empty", Severity::warning, Stage::review},
      {"local-dispute-ladder", Severity::warning, Stage::review},
      {"local-municipality-unknown", Severity::error, Stage::review},
      // Output: problems making the documents.
      {"style-invalid", Severity::error, Stage::output},
      {"style-missing", Severity::error, Stage::output},
      {"font-missing", Severity::error, Stage::output},
      {"icc-profile-missing", Severity::error, Stage::output},
      {"glyph-missing", Severity::warning, Stage::output},
      {"pdf-failed", Severity::error, Stage::output},
      {"output-failed", Severity::error, Stage::output},
      {"output-outdated", Severity::warning, Stage::output},
  };
  return kRules;
}

// Rules declared by data. A deque keeps every element where it is, so the ids and the
// pointers find_rule hands out stay valid while more are declared.
struct DataRules {
  std::mutex mutex;
  std::deque<std::string> ids;
  std::deque<RuleInfo> rules;
};
DataRules& data_rules() {
  static DataRules d;
  return d;
}

const RuleInfo* find_in_table(const std::string& id) {
  for (const auto& r : table()) {
    if (id == r.id) return &r;
  }
  return nullptr;
}

}  // namespace

std::vector<RuleInfo> all_rules() {
  std::vector<RuleInfo> out = table();
  auto& d = data_rules();
  const std::lock_guard<std::mutex> lock(d.mutex);
  out.insert(out.end(), d.rules.begin(), d.rules.end());
  return out;
}

void register_data_rule(const std::string& id, Severity severity, Stage stage) {
  if (find_in_table(id)) return;
  auto& d = data_rules();
  const std::lock_guard<std::mutex> lock(d.mutex);
  for (const auto& r : d.rules) {
    if (id == r.id) return;
  }
  d.ids.push_back(id);
  d.rules.push_back({d.ids.back().c_str(), severity, stage});
}

const RuleInfo* find_rule(const std::string& id) {
  if (const RuleInfo* r = find_in_table(id)) return r;
  auto& d = data_rules();
  const std::lock_guard<std::mutex> lock(d.mutex);
  for (const auto& r : d.rules) {
    if (id == r.id) return &r;
  }
  return nullptr;
}

Severity default_severity(const std::string& id) {
  const RuleInfo* r = find_rule(id);
  return r ? r->severity : Severity::error;
}

}  // namespace okgen::diag
