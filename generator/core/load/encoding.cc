// Encoding checks.
#include "load/encoding.h"

#include "util/text.h"

namespace okgen::load {

bool check_encoding(const diag::SourceMap& map, diag::DiagnosticSink& sink) {
  const std::string& t = map.text();
  auto report = [&](std::size_t offset, const char* problem) {
    sink.report("encoding", map.span_at(offset), {{"problem", problem}});
    return false;
  };
  if (t.size() >= 2 && ((t[0] == '\xFF' && t[1] == '\xFE') || (t[0] == '\xFE' && t[1] == '\xFF'))) {
    return report(0, "@enc.utf16");
  }
  if (auto nul = t.find('\0'); nul != std::string::npos) {
    // UTF-16 without a byte order mark also has NUL bytes, every other byte.
    bool utf16 = t.size() >= 4 && (t[0] == '\0' || t[1] == '\0') && (t[2] == '\0' || t[3] == '\0');
    return report(nul, utf16 ? "@enc.utf16" : "@enc.binary");
  }
  std::size_t bad = 0;
  if (!util::is_valid_utf8(t, &bad)) return report(bad, "@enc.invalid-utf8");
  return true;
}

}  // namespace okgen::load
