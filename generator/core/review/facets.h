// Judging the Meddelandeblad areas from what a text says, wherever it says it.
//
// Each area has facets (data/area-facets.tsv): what a careful reviewer needs to read before
// calling it covered (for disputes: ordered levels, a final instance, who acts meanwhile).
// The area's text is every section under a heading about it ("heading") and every paragraph
// or list with a sentence about it ("topic"), so an area written in running text, under an
// everyday heading or without headings is found as well as under "Tvister". A facet is found
// in one sentence of that text (its headings and list lead-in lend it context); the verdict
// quotes that sentence, so a reviewer can check it in seconds:
//   covered  every required facet is stated;
//   partial  the area is named or touched without them (a heading with no body, a single
//            mention, or only a table-of-contents line: `toc_only`);
//   missing  nothing in the text does the job.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "data/reference_data.h"
#include "review/checker.h"
#include "review/text_dates.h"
#include "review/text_document.h"

namespace okgen::review {

/// Judges every area of `data.areas` on `doc` (only those in `only`, when given, in the
/// same order). `scans` holds scan_dates() of each sentence.
std::vector<AreaCoverage> judge_areas(const TextDocument& doc, const std::vector<DateScan>& scans,
                                      const data::ReferenceData& data, const std::set<std::string>* only = nullptr);

}  // namespace okgen::review
