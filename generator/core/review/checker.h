// The checker: what a reviewer wants to know about an agreement before it goes to decision.
// Coverage of the Meddelandeblad areas judged on substance, validity on a given day, law
// references, wording, readability, structure, and for local agreements their tie to the
// regional one. Findings go to the sink with stable rule ids (diag/rules.cc); the report
// keeps the coverage table and validity summary that the report writers print.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "review/check_options.h"
#include "review/prose.h"
#include "data/reference_data.h"
#include "diag/diagnostic.h"
#include "model/agreement.h"
#include "model/validity_status.h"

namespace okgen::review {

enum class Coverage { covered, partial, missing };
const char* to_string(Coverage c);

/// One facet of an area as found (or not) in the text, with the sentence that states it.
struct FacetFinding {
  std::string id;
  std::string label_sv, label_en;
  bool required = false;
  bool found = false;
  diag::SourceSpan where;  ///< the sentence that states it
  std::string quote;       ///< that sentence (shortened)
};

struct AreaCoverage {
  std::string area;
  Coverage status = Coverage::missing;
  diag::SourceSpan where;  ///< the section (or heading line) that covers it
  std::string where_text;  ///< its heading
  std::vector<FacetFinding> facets;  ///< text agreements: each facet with its evidence
  bool toc_only = false;             ///< named only in the table of contents
};

struct CheckReport {
  std::string source;
  std::string title;
  std::string version;  ///< a text agreement's version as it states it ("" when it does not)
  std::string kind;
  std::vector<AreaCoverage> coverage;  ///< one per area, in data/areas.tsv order
  std::optional<model::ValidityStatus> validity;
  std::vector<std::pair<std::string, util::Date>> dates;  ///< named dates for the calendar
};

/// Finds the regional agreement a local one names in <parent href>; nullptr when it cannot.
using ParentResolver = std::function<const model::Agreement*(const model::Agreement& local)>;

/// Checks an agreement in okgen's format.
CheckReport check_agreement(const model::Agreement& a, const data::ReferenceData& data, const CheckOptions& options,
                            const ParentResolver& parent, diag::DiagnosticSink& sink);

/// The date an agreement speaks from: decision, else validity start, else latest revision,
/// else `fallback`.
util::Date document_date(const model::Agreement& a, const util::Date& fallback);

// The parts, one per file (coverage.cc, validity_rules.cc, structure_rules.cc, local_rules.cc).
std::vector<AreaCoverage> check_coverage(const model::Agreement& a, const std::vector<ProseUnit>& prose,
                                         const ProseContext& ctx, diag::DiagnosticSink& sink);
std::optional<model::ValidityStatus> check_validity(const model::Agreement& a, const CheckOptions& options,
                                                    std::vector<std::pair<std::string, util::Date>>& dates,
                                                    diag::DiagnosticSink& sink);
void check_structure(const model::Agreement& a, const ProseContext& ctx, diag::DiagnosticSink& sink);
void check_local(const model::Agreement& a, const ProseContext& ctx, const ParentResolver& parent,
                 diag::DiagnosticSink& sink);
void check_revisions(const model::Agreement& a, diag::DiagnosticSink& sink);

/// With git: the file has uncommitted changes (`committed_text` is its HEAD version) but
/// still carries the committed version number (revision-not-recorded).
void check_unrecorded_change(const model::Agreement& a, const std::string& committed_text, diag::DiagnosticSink& sink);

/// Reports missing/partial areas with the severity their level calls for.
/// `text`: the agreement is plain text (advice says what to write, not which element to add).
void report_coverage(const std::vector<AreaCoverage>& coverage, const data::ReferenceData& data,
                     const diag::SourceSpan& file, diag::DiagnosticSink& sink, bool text = false);

}  // namespace okgen::review
