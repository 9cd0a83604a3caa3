// Fuzz target: the date and validity reader and the citation reader on one sentence.
#include "fuzz_common.h"
#include "review/prose.h"
#include "review/text_dates.h"

using namespace okgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string s = fuzz::text_of(data, size < 4000 ? size : 4000);
  (void)review::scan_dates(s);
  review::ProseUnit u;
  u.text = s;
  u.anchors.emplace_back(0, diag::SourceSpan{"fuzz.txt", 1, 1});
  diag::DiagnosticSink sink;
  review::CheckOptions o;
  o.as_of = *util::Date::parse("2026-11-23");
  review::ProseContext ctx{fuzz::resources().data, o, o.as_of};
  review::check_cited_laws({u}, ctx, sink);
  review::check_wording({u}, ctx, sink);
  return 0;
}
