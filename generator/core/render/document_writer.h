// What every document writer is, and the registry of them: `okgen build --format`, its
// help, the build's write step, the workspace's previews and the golden test all take the
// formats from writers() (render/writers.cc), so a new writer is one folder implementing
// DocumentWriter plus one entry in that table (ARCHITECTURE.md, "How to add a writer").
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "compose/doc.h"
#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "resources.h"

namespace okgen::text {
class Catalog;
}

namespace okgen::render {

/// A writer could not make a document's file (a library it uses failed): reported as the
/// writer's failure rule, and the build writes nothing.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One document's file as a writer made it.
struct WrittenFile {
  std::string bytes;
  int pages = 0;  ///< paged formats: the number of pages (0 when the format has none)
};

class DocumentWriter {
 public:
  virtual ~DocumentWriter() = default;
  /// Renders `doc`; called from several threads at once. `source` names the agreement in
  /// findings (a character no font has goes to `found`). Throws WriteError.
  virtual WrittenFile write(const compose::Doc& doc, const std::string& source, diag::DiagnosticSink& found) = 0;
  /// The files besides styles/ and templates/ that shape its output (fonts, dictionaries):
  /// an incremental build notices when one changes.
  virtual std::vector<std::filesystem::path> files_read() const { return {}; }
  /// Loads now what the first write() would load on first use (the PDF writer's
  /// hyphenation patterns), so that another thread can do it while this one works on.
  virtual void prepare() {}
};

/// Which agreements the golden test builds in a writer's format and compares byte for byte
/// (tests/golden/build/): text formats only, binary ones are checked by their own tests.
enum class GoldenScope { none, all, regional };

struct WriterInfo {
  std::string name;       ///< the --format value
  std::string extension;  ///< of its files, the whole of it (".html", ".layout.txt")
  bool listed = true;     ///< false: a debugging aid, accepted but not offered in --help
  GoldenScope golden = GoldenScope::none;
  std::string failure_rule = "output-failed";  ///< the rule a WriteError is reported as (args: format, problem)
  /// Loads what the writer needs (its style, fonts): problems go to `sink`, and nullptr
  /// comes back when any is an error (the build then checks and writes nothing).
  std::function<std::unique_ptr<DocumentWriter>(const Resources&, diag::DiagnosticSink&, diag::SourceRegistry&)>
      create;
};

/// Every writer, in the order a build writes a document's files.
const std::vector<WriterInfo>& writers();
/// The writer for a --format value, or nullptr.
const WriterInfo* find_writer(std::string_view name);
/// Adds a writer after the built-in ones (a test following the recipe does; a real writer
/// is an entry in the table in writers.cc). Not thread-safe: call before building.
void add_writer(WriterInfo info);
/// Takes out a writer added with add_writer (tests restore the table).
void remove_writer(std::string_view name);
/// The listed formats for --help and errors, "html, docx (Word), pdf": each name followed
/// by the note `format.NAME` in `cli`'s [help] section when there is one.
std::string format_list(const text::Catalog& cli);

}  // namespace okgen::render
