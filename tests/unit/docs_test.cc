// The documents a contributor follows stay true: ARCHITECTURE.md's directory map names every
// source file under generator/ and no file that is gone; the rules CONTRIBUTING.md states
// that a machine can check hold (no std::regex in the programs).
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/test_support.h"

namespace fs = std::filesystem;

TEST_CASE("docs: ARCHITECTURE.md's directory map names every source file", "[docs]") {
  const std::string doc = okgen::test::read(okgen::test::source_dir() / "ARCHITECTURE.md");
  const auto begin = doc.find("## Directory map");
  REQUIRE(begin != std::string::npos);
  const auto end = doc.find("\n## ", begin + 1);
  const std::string map = doc.substr(begin, end - begin);

  // The map: folder lines ("generator/core/diag/  ...") and file lines ("  rules  ...").
  std::set<std::string> listed;
  std::string folder;
  static const std::regex kFolder(R"(^(generator/[a-z/]*?)/?\s)"), kFile(R"(^  ([a-z_0-9]+)\s)");
  std::size_t at = 0;
  while (at < map.size()) {
    const auto nl = map.find('\n', at);
    const std::string line = map.substr(at, nl == std::string::npos ? std::string::npos : nl - at) + " ";
    at = nl == std::string::npos ? map.size() : nl + 1;
    std::smatch m;
    if (std::regex_search(line, m, kFolder)) folder = m[1].str();
    else if (!folder.empty() && std::regex_search(line, m, kFile)) listed.insert(folder + "/" + m[1].str());
  }

  std::set<std::string> present;
  for (const auto& e : fs::recursive_directory_iterator(okgen::test::source_dir() / "generator")) {
    const std::string ext = e.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    fs::path rel = e.path().lexically_relative(okgen::test::source_dir());
    present.insert(rel.replace_extension().generic_string());
  }
  for (const auto& f : present) {
    INFO("not in the map: " << f);
    CHECK(listed.count(f));
  }
  for (const auto& f : listed) {
    INFO("in the map but gone: " << f);
    CHECK(present.count(f));
  }
}

TEST_CASE("docs: the programs use util::Regex, never std::regex (CONTRIBUTING.md)", "[docs]") {
  // std::regex's compilation was a fifth of `okgen check`'s instructions; one pattern
  // compiled at start-up costs every command. Tests may use it (they are not timed).
  std::vector<std::string> offenders;
  for (const auto& e : fs::recursive_directory_iterator(okgen::test::source_dir() / "generator")) {
    const std::string ext = e.path().extension().string();
    if (ext != ".cc" && ext != ".h") continue;
    const std::string src = okgen::test::read(e.path());
    // Comments may name it (util/regex.h says why it is not used).
    std::string code;
    for (std::size_t at = 0; at < src.size();) {
      const auto nl = src.find('\n', at);
      std::string line = src.substr(at, nl == std::string::npos ? std::string::npos : nl - at);
      at = nl == std::string::npos ? src.size() : nl + 1;
      const auto comment = line.find("//");
      if (comment != std::string::npos) line.resize(comment);
      code += line + "\n";
    }
    if (code.find("std::regex") != std::string::npos || code.find("std::sregex") != std::string::npos ||
        code.find("std::smatch") != std::string::npos || code.find("#include <regex>") != std::string::npos) {
      offenders.push_back(e.path().lexically_relative(okgen::test::source_dir()).generic_string());
    }
  }
  INFO("std::regex in: " << [&] {
    std::string all;
    for (const auto& o : offenders) all += o + " ";
    return all;
  }());
  CHECK(offenders.empty());
}
