// Fuzz target: the Markdown reader (cmark tree to model blocks, citations, cross references).
#include "fuzz_common.h"
#include "load/markdown.h"

using namespace okgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  diag::DiagnosticSink sink;
  load::TextOrigin origin;
  origin.path = "fuzz.md";
  (void)load::parse_markdown(fuzz::text_of(data, size), origin, sink);
  return 0;
}
