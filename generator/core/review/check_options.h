// What a check run is configured with: the date, thresholds, and changed severities, from
// the command line and from okgen.conf.
#pragma once

#include <filesystem>
#include <map>
#include <vector>
#include <string>

#include "diag/diagnostic.h"
#include "model/agreement.h"
#include "util/date.h"

namespace okgen::review {

struct CheckOptions {
  /// Compare changed files with their committed version in git (revision-not-recorded).
  bool compare_with_git = true;
  util::Date as_of;            ///< validity is judged on this day
  int lix_threshold = 60;      ///< LIX above this is reported (60 and more: "mycket svår" text)
  int min_words = 40;          ///< fewer words than this in an area's text make it "partial"
  int soon_days = 90;          ///< notice deadlines and reviews this close are reported
  bool final = false;          ///< local agreements: unanswered questions are errors, not warnings
  diag::SeverityPolicy policy; ///< changed severities
  /// okgen.conf [local]: the forms `build` publishes local agreements in (default both),
  /// and per region folder ("dalarna") where a region chose otherwise.
  std::vector<model::LocalForm> local_forms = {model::LocalForm::document, model::LocalForm::consolidated};
  std::map<std::string, std::vector<model::LocalForm>> local_forms_by_region;

  /// The forms for the local agreements of the region in folder `region_folder`.
  const std::vector<model::LocalForm>& forms_for(const std::string& region_folder) const;
};

/// Reads okgen.conf (catalogue format):
///   [rules]          rule-id = error | warning | info | off
///   [check]          lix-threshold = 60, min-words = 40, soon-days = 90
///   [local]          forms = local-document, consolidated   (all regions)
///                    forms.<region folder> = consolidated     (one region)
/// Unknown rule ids and bad values are reported to `sink` as config-invalid.
void read_config(const std::filesystem::path& file, CheckOptions& options, diag::DiagnosticSink& sink);

/// okgen.conf in the working directory or the nearest parent that has one; "" if none.
std::filesystem::path find_config();

/// The severities a run is asked for: okgen.conf (named, or found with find_config), then
/// --error/--warning/--info/--ignore, then --final.
struct SeverityRequest {
  std::filesystem::path config;  ///< "" = find okgen.conf
  std::vector<std::string> as_error, as_warning, as_info, ignored;
  /// Before a decision: what is a warning in a draft (open questions, leftovers, a missing
  /// summary of changes) is an error, unless a rule was set explicitly.
  bool final_check = false;
};

/// Sets options.policy from `request` (okgen.conf's problems go to `sink`). Returns the first
/// rule id the options name that does not exist ("" when all do): the run cannot start.
std::string apply_severities(const SeverityRequest& request, CheckOptions& options, diag::DiagnosticSink& sink);

/// Parses "error", "warning", "info", "off"; false for anything else.
bool parse_severity(const std::string& s, std::optional<diag::Severity>& out);

}  // namespace okgen::review
