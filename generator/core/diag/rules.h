// The rule table: every diagnostic okgen can emit, with its stable id and default severity.
//
// Texts (message, summary, reason, suggested fix) live in the message catalogues under
// templates/messages/, one per language; tests check that every rule here has them. Rules
// that data declares (a new kind of wording finding) join the table when the data is read.
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

/// All rules, in the order they are documented: the table in rules.cc, then the rules data
/// declared (register_data_rule) in the order they were declared.
std::vector<RuleInfo> all_rules();

/// Adds a rule that data declares: a new kind of wording finding is a row of data/wording.tsv
/// whose id has its texts in the message catalogues (data/reference_data.cc checks them), so
/// it needs no line of C++. Declaring an id again, or the id of a rule of the table, changes
/// nothing. Thread-safe; the rule lives as long as the program.
void register_data_rule(const std::string& id, Severity severity, Stage stage);

/// The rule with this id, or nullptr.
const RuleInfo* find_rule(const std::string& id);

/// Default severity of a rule; error for an unknown id (a bug, caught by tests).
Severity default_severity(const std::string& id);

}  // namespace okgen::diag
