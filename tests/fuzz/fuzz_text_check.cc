// Fuzz target: the plain-text checker (structure, dates, facets, citations, wording).
#include "fuzz_common.h"
#include "review/text_check.h"

using namespace okgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  diag::DiagnosticSink sink;
  review::CheckOptions o;
  o.as_of = *util::Date::parse("2026-11-23");
  (void)review::check_text("fuzz.txt", fuzz::text_of(data, size), fuzz::resources().data, o, sink);
  return 0;
}
