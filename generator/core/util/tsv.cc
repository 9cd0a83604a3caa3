// TSV parsing for data files.
#include "util/tsv.h"

#include "util/fs.h"
#include "util/text.h"

namespace okgen::util {

const std::string& TsvRow::get(const std::string& column) const {
  static const std::string kEmpty;
  auto it = fields.find(column);
  return it == fields.end() ? kEmpty : it->second;
}

std::vector<TsvRow> parse_tsv(const std::string& text) {
  std::vector<TsvRow> rows;
  std::vector<std::string> header;
  int line_no = 0;
  for (const auto& raw : split(text, '\n')) {
    ++line_no;
    std::string line = raw;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || line[0] == '#') continue;
    auto cells = split(line, '\t');
    if (header.empty()) {
      header = cells;
      continue;
    }
    TsvRow row;
    row.line = line_no;
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) row.fields[header[i]] = cells[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<TsvRow> read_tsv(const std::filesystem::path& path) {
  std::string text;
  if (read_file(path, text) != ReadStatus::ok) throw IoError("cannot read data file", path, "cannot-read-data");
  return parse_tsv(text);
}

}  // namespace okgen::util
