// Golden files.
#include "support/golden.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/fs.h"
#include "util/text.h"

namespace okgen::test {

bool updating_golden() {
  const char* v = std::getenv("OKGEN_UPDATE_GOLDEN");
  return v && std::string(v) == "1";
}

bool matches_golden(const std::filesystem::path& expected, const std::string& actual, std::string* diff) {
  // An HTML page that does not start with its doctype has text before it (a template that
  // broke, like a Mustache comment ended early): never accepted, not even by the update switch.
  if (expected.extension() == ".html" && actual.rfind("<!DOCTYPE html>\n", 0) != 0) {
    if (diff) *diff = expected.string() + ": the page does not start with <!DOCTYPE html>: " + actual.substr(0, 120);
    return false;
  }
  if (updating_golden()) {
    util::write_file_atomic(expected, actual);
    return true;
  }
  std::string want;
  if (util::read_file(expected, want) != util::ReadStatus::ok) {
    if (diff) *diff = "missing golden file " + expected.string() + " (run with OKGEN_UPDATE_GOLDEN=1 to create it)";
    return false;
  }
  if (want == actual) return true;
  if (diff) {
    auto a = util::split(actual, '\n');
    auto w = util::split(want, '\n');
    std::size_t i = 0;
    while (i < a.size() && i < w.size() && a[i] == w[i]) ++i;
    std::ostringstream s;
    s << expected.string() << ":" << (i + 1) << ": differs\n  expected: " << (i < w.size() ? w[i] : "<end>")
      << "\n  actual:   " << (i < a.size() ? a[i] : "<end>")
      << "\n(OKGEN_UPDATE_GOLDEN=1 ctest -R golden updates the files; review the diff)";
    *diff = s.str();
  }
  return false;
}

}  // namespace okgen::test
