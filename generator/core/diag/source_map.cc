// Byte offset to line:column mapping.
#include "diag/source_map.h"

#include <algorithm>

namespace okgen::diag {

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

SourceMap::SourceMap(std::string display_path, std::string text)
    : path_(std::move(display_path)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

SourceSpan SourceMap::span_at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line_index];
  SourceSpan span;
  span.file = path_;
  span.line = static_cast<int>(line_index) + 1;
  span.column = static_cast<int>(utf8_length(std::string_view(text_).substr(start, offset - start))) + 1;
  return span;
}

std::string_view SourceMap::line_text(int line) const {
  if (line < 1 || line > line_count()) return {};
  std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = static_cast<std::size_t>(line) < line_starts_.size()
                        ? line_starts_[static_cast<std::size_t>(line)] - 1
                        : text_.size();
  std::string_view v(text_);
  v = v.substr(start, end - start);
  if (!v.empty() && v.back() == '\r') v.remove_suffix(1);
  return v;
}

std::string pad_to_width(const std::string& s, std::size_t width) {
  const std::size_t len = utf8_length(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

}  // namespace okgen::diag
