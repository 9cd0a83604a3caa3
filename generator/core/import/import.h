// okgen import: an existing agreement (DOCX, ODT, plain text such as `pdftotext -layout`
// output, Markdown) into okgen's XML, ready to build, check and revise.
//
// The file's kind is told by its content (a zip with word/document.xml or an ODF mimetype,
// else UTF-8 text), not only its name. A reader makes an Imported (readers.h), the writer
// the XML (agreement_writer.h); the XML is then loaded through the normal loader and written
// only when it loads without errors, atomically, and never over an existing file unless
// `force`. Every problem is a diagnostic naming the file (and the package part).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "import/agreement_writer.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::import {

struct ImportOptions {
  std::filesystem::path input;
  std::filesystem::path output;  ///< "" = content/<region>/regional.xml
  std::string region;            ///< "" = the region the text names
  bool force = false;            ///< replace an existing output
  util::Date as_of;
};

struct ImportResult {
  std::filesystem::path output;
  std::string format;  ///< docx, odt, text, markdown
  ImportSummary summary;
  std::string xml;
};

/// Imports `options.input`. nullopt (with the reasons in `sink`) when nothing was written.
std::optional<ImportResult> import_file(const ImportOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                                        diag::SourceRegistry& sources);

/// The one-screen report of what the import did (templates/labels [import]).
std::string import_report(const ImportResult& r, const Resources& res);

/// Largest file okgen imports (a DOCX with its images; its parts have limits of their own).
constexpr std::size_t kMaxImportBytes = 64u * 1024 * 1024;

}  // namespace okgen::import
