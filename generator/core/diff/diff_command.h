// `okgen diff` as one library call: two versions of an agreement (files, or REV:PATH from
// git) compared, and the redline made in the asked format (text, HTML, JSON for the screen
// or a file; PDF and DOCX only to a file, written atomically). The command line only parses
// its arguments and prints.
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::diff {

struct DiffRequest {
  std::string old_version, new_version;  ///< a file, or REVISION:FILE from git
  std::string format = "text";           ///< text, html, json, pdf, docx
  std::string output;                    ///< a file; "" or "-": the text is returned
  util::Date as_of;                      ///< docx: the validity status as of this day
};

struct DiffOutcome {
  int exit_code = 0;  ///< pipeline.h's exit codes: 0, 1 findings, 2 unreadable or wrong use
  std::string text;   ///< the redline when it goes to the screen
  bool needs_output = false;  ///< a PDF or DOCX was asked for without a file to write
};

/// Runs the comparison; findings (unreadable versions, errors in them, PDF style problems)
/// go to `sink`. Throws util::IoError when the output cannot be written.
DiffOutcome run_diff(const DiffRequest& request, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources);

}  // namespace okgen::diff
