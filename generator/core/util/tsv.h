// Reading the tab-separated data files under data/ (first line: column names).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace okgen::util {

struct TsvRow {
  std::map<std::string, std::string> fields;
  int line = 0;
  /// The field's value, or "" when the column is missing.
  const std::string& get(const std::string& column) const;
};

/// Parses TSV text; blank lines and lines starting with '#' are skipped.
std::vector<TsvRow> parse_tsv(const std::string& text);
/// Reads and parses a TSV file; throws IoError when it cannot be read.
std::vector<TsvRow> read_tsv(const std::filesystem::path& path);

}  // namespace okgen::util
