// Fuzz target: okgen import's readers on hostile files: the zip reader with its limits, the
// DOCX and ODT readers on whatever parts survive, the text reader, and the XML writer
// (which runs the text checker) on what any of them read.
#include "fuzz_common.h"
#include "import/agreement_writer.h"
#include "import/readers.h"
#include "load/encoding.h"

using namespace okgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  import::WriteOptions wo;
  wo.source = "fuzz";
  wo.as_of = util::Date{2026, 12, 6};
  auto write = [&](const import::ReadResult& r) {
    if (!r.doc) return;
    import::ImportSummary s;
    (void)import::write_agreement(*r.doc, wo, fuzz::resources(), s);
  };
  write(import::read_docx(bytes));
  write(import::read_odt(bytes));
  // Text only when it is UTF-8, as import_file checks first.
  diag::DiagnosticSink sink;
  diag::SourceMap map("fuzz.txt", fuzz::text_of(data, size));
  if (load::check_encoding(map, sink)) write(import::read_text("fuzz.txt", map.text(), size % 2 == 0));
  return 0;
}
