// Fuzz target: the diff of two agreements and the local merge, with the fuzz input as the
// new version (diff) and as a local agreement of the example (merge).
#include "diff/agreement_diff.h"
#include "fuzz_common.h"
#include "load/agreement_loader.h"
#include "local/merge.h"

using namespace okgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Resources& res = fuzz::resources();
  static const model::Agreement example = [&] {
    diag::DiagnosticSink s;
    diag::SourceRegistry r;
    return *load::load_agreement(std::string(OKGEN_SOURCE_DIR) + "/docs/examples/exempel.xml", res.load_options(), s, r);
  }();
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  auto a = load::load_agreement_text("fuzz/local/x.xml", fuzz::text_of(data, size), res.load_options("/nonexistent"), sink,
                                     sources);
  if (!a) return 0;
  (void)diff::diff_agreements(example, *a, res.labels);
  if (a->kind == model::AgreementKind::local && a->meta.parent) (void)local::merge_local(*a, example, sink);
  return 0;
}
