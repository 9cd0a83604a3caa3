// Text helpers: UTF-8 validation and dedenting Markdown bodies.
#include <catch2/catch.hpp>

#include "util/text.h"

using namespace okgen::util;

TEST_CASE("UTF-8 validation finds the first bad byte", "[text]") {
  std::size_t at = 99;
  CHECK(is_valid_utf8("Målgrupp för överenskommelsen: åäö ÅÄÖ é č đ ŋ š ŧ ž § – “ ” …"));
  CHECK_FALSE(is_valid_utf8("abc\xE5xyz", &at));  // Latin-1 å
  CHECK(at == 3);
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));     // surrogate
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xE2\x82"));          // truncated
}

TEST_CASE("dedent removes the indentation common to all lines", "[text]") {
  auto d = dedent("\n      Första raden\n        indragen\n\n      - lista\n    ");
  CHECK(d.text == "Första raden\n  indragen\n\n- lista\n");
  CHECK(d.dropped_lines == 1);
  REQUIRE(d.removed.size() == 4);
  CHECK(d.removed[0] == 6);
}

TEST_CASE("dedent keeps text that starts on the opening tag's line", "[text]") {
  auto d = dedent("Börjar direkt\n      och fortsätter\n      här");
  CHECK(d.text == "Börjar direkt\noch fortsätter\nhär\n");
  CHECK(d.dropped_lines == 0);
  CHECK(d.removed[0] == 0);
  CHECK(d.removed[1] == 6);
}

TEST_CASE("dedent of blank text is empty", "[text]") {
  CHECK(dedent("   \n\t\n").text.empty());
  CHECK(dedent("").text.empty());
}

TEST_CASE("splitting and joining", "[text]") {
  CHECK(split_ws("  a  b\tc\n") == std::vector<std::string>{"a", "b", "c"});
  CHECK(split("a\tb\t", '\t') == std::vector<std::string>{"a", "b", ""});
  CHECK(join({"x", "y", "z"}, ", ") == "x, y, z");
  CHECK(trim("  x  ") == "x");
}
