// The rule table: every diagnostic okgen can emit, with its stable id and default severity.
//
// Texts (message, summary, reason, suggested fix) live in the message catalogues under
// templates/messages/, one per language; tests check that every rule here has them.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace okgen::diag {

/// Which stage emits a rule; used to group `okgen rules` output and docs/rules.md.
enum class Stage { input, structure, content, review, output };

struct RuleInfo {
  const char* id;
  Severity severity;
  Stage stage;
};

/// All rules, in the order they are documented.
const std::vector<RuleInfo>& all_rules();

/// The rule with this id, or nullptr.
const RuleInfo* find_rule(const std::string& id);

/// Default severity of a rule; error for an unknown id (a bug, caught by tests).
Severity default_severity(const std::string& id);

}  // namespace okgen::diag
