// The format of an output named on the command line: given with --format, or read from the
// file's extension ("andringar.html" is HTML), and never both disagreeing ("--format text -o
// x.pdf" is refused rather than writing plain text into a .pdf).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace okgen::util {

struct OutputFormat {
  std::string format;  ///< the format to write
  /// Non-empty: the format the file's extension says, which --format contradicts (there is
  /// then no format; the command line says so in its language).
  std::string contradicted_by;
};

/// `given`: the --format value ("" when not given); `file`: the -o value ("" or "-" for the
/// terminal); `known`: the formats the command writes; `fallback`: the default.
OutputFormat output_format(const std::string& given, const std::string& file, const std::vector<std::string>& known,
                           const std::string& fallback);

}  // namespace okgen::util
