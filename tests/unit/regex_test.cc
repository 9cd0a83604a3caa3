// util::Regex: PCRE2 behind std::regex's interface, with the meaning okgen's patterns were
// written for (std::regex's ECMAScript on bytes). Each case states what libstdc++'s
// std::regex gives for the same pattern and subject, so a difference in engines shows here
// before it shows as a changed verdict.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "util/regex.h"

using namespace okgen;

namespace {

std::vector<std::string> all(const std::string& s, const util::Regex& re) {
  std::vector<std::string> out;
  for (auto it = util::RegexIterator(s.begin(), s.end(), re); it != util::RegexIterator(); ++it)
    out.push_back(std::to_string(it->position()) + ":" + it->str());
  return out;
}

}  // namespace

TEST_CASE("regex: anchors and dots as std::regex's ECMAScript has them", "[regex]") {
  // ^ and $ only at the ends of the subject, never at a line break inside it.
  CHECK_FALSE(util::regex_search("a\nb", util::Regex("^b")));
  CHECK_FALSE(util::regex_search("a\nb", util::Regex("a$")));
  CHECK_FALSE(util::regex_search("ab\n", util::Regex("b$")));  // PCRE2's own $ would match here
  CHECK(util::regex_search("ab", util::Regex("b$")));
  // . matches neither \n nor \r.
  CHECK_FALSE(util::regex_search("x\ry", util::Regex("x.y")));
  CHECK_FALSE(util::regex_search("x\ny", util::Regex("x.y")));
  CHECK(util::regex_search("x\ty", util::Regex("x.y")));
}

TEST_CASE("regex: case-blind on ASCII only, classes on bytes", "[regex]") {
  CHECK(util::regex_search("AB", util::Regex("ab", util::Regex::icase)));
  CHECK_FALSE(util::regex_search("ÅÄ", util::Regex("åä", util::Regex::icase)));
  CHECK_FALSE(util::regex_search("ab", util::Regex("AB")));
  CHECK_FALSE(util::regex_search("é", util::Regex(R"(\w)")));
  CHECK(util::regex_search("kap. 5 §", util::Regex(R"(\d\s\xC2\xA7)")));
  CHECK(util::regex_search("år", util::Regex("[åäö]r")));
}

TEST_CASE("regex: whole-string match, groups, positions", "[regex]") {
  util::Match m;
  REQUIRE(util::regex_match("16 kap. 3 §", m, util::Regex(R"((\d+) kap\. (\d+) §)")));
  CHECK(m.size() == 3);
  CHECK(m[1].str() == "16");
  CHECK(std::string(m[2]) == "3");
  CHECK(m.position(2) == 8);
  CHECK(m.length(0) == 12);
  CHECK_FALSE(util::regex_match("se 16 kap. 3 §", util::Regex(R"((\d+) kap\. (\d+) §)")));
  CHECK(util::regex_match("ab", util::Regex("a|ab")));  // the whole string, not the first alternative
  // A group that took no part is not matched and reads empty.
  REQUIRE(util::regex_search("x", m, util::Regex("(a)?x")));
  CHECK_FALSE(m[1].matched);
  CHECK(m[1].str().empty());
  CHECK(m.position(1) == -1);  // (std::smatch gives some offset here; okgen never asks)
  CHECK_FALSE(m[7].matched);  // beyond the groups
}

TEST_CASE("regex: every match, empty ones moving on by one byte, as std::sregex_iterator", "[regex]") {
  CHECK(all("2021 och 2026", util::Regex(R"(\d{4})")) == std::vector<std::string>{"0:2021", "9:2026"});
  CHECK(all("ab", util::Regex("x*")) == std::vector<std::string>{"0:", "1:", "2:"});
  CHECK(all("", util::Regex("x")).empty());
  // \b looks at the byte before the search start, not at a new beginning.
  CHECK(all("aa aa", util::Regex(R"(\ba)")) == std::vector<std::string>{"0:a", "3:a"});
}

TEST_CASE("regex: replacement, first or every match", "[regex]") {
  CHECK(util::regex_replace("se https://a.se och http://b.se", util::Regex(R"(https?://\S+)"), " ") == "se   och  ");
  CHECK(util::regex_replace("1. 2. text", util::Regex(R"(\d\.\s)"), "", true) == "2. text");
  CHECK(util::regex_replace("ab", util::Regex("x*"), "-") == "-a-b-");
}

TEST_CASE("regex: a broken pattern is an error with the reason, a hostile subject no crash", "[regex]") {
  CHECK_THROWS_AS(util::Regex("(unclosed"), util::RegexError);
  try {
    util::Regex bad("a{2,1}");
    FAIL("a{2,1} compiled");
  } catch (const util::RegexError& e) {
    CHECK(std::string(e.what()).find("at character") != std::string::npos);
  }
  // Catastrophic backtracking ends as "no match" (std::regex would overflow its stack).
  const std::string subject(40, 'a');
  CHECK_FALSE(util::regex_search(subject + "b", util::Regex("^(a+)+$")));
  // Many threads share one compiled pattern.
  static const util::Regex year(R"((19|20)\d\d)");
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      const std::string s = "år 2026 och 1999";
      for (int i = 0; i < 500; ++i) found[static_cast<std::size_t>(t)] += static_cast<int>(all(s, year).size());
    });
  for (auto& th : threads) th.join();
  for (int n : found) CHECK(n == 1000);
}
