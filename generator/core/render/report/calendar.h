// iCalendar export (RFC 5545) of the dates a secretariat must not miss: validity end,
// notice deadline, next review and next follow-up of every agreement checked.
#pragma once

#include <string>

#include "pipeline.h"
#include "resources.h"

namespace okgen::render::report {

/// One all-day VEVENT per date. Deterministic: UIDs are derived from the agreement and the
/// date, DTSTAMP is the check date. Lines end in CRLF and are folded at 75 octets.
std::string calendar_ics(const PipelineResult& result, const Resources& res, const util::Date& as_of);

}  // namespace okgen::render::report
