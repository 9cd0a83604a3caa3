// SourceMap: one input file's bytes, and the mapping from byte offsets to line:column.
//
// pugixml reports byte offsets (parse errors, node positions); editors want 1-based lines
// and character columns. The map keeps the bytes so a printer can also show the line.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace okgen::diag {

class SourceMap {
 public:
  SourceMap() = default;
  /// `display_path` is how the file is named in messages (relative to the working directory).
  SourceMap(std::string display_path, std::string text);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }

  /// 1-based line and character column of a byte offset (clamped to the text).
  SourceSpan span_at(std::size_t offset) const;
  /// The text of a 1-based line without its newline; empty when out of range.
  std::string_view line_text(int line) const;
  int line_count() const { return static_cast<int>(line_starts_.size()); }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

/// Number of Unicode characters in UTF-8 text (continuation bytes are not counted).
std::size_t utf8_length(std::string_view s);
/// `s` followed by spaces up to `width` characters (a column of a text table).
std::string pad_to_width(const std::string& s, std::size_t width);

}  // namespace okgen::diag
