// "Did you mean": edit distance and suggestion thresholds.
#include <catch2/catch.hpp>

#include "diag/suggest.h"

using namespace okgen::diag;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[suggest]") {
  CHECK(edit_distance("title", "title") == 0);
  CHECK(edit_distance("titel", "title") == 1);  // transposition
  CHECK(edit_distance("Målgrupp", "målgrupp") == 0);  // ASCII letters compare without case
  CHECK(edit_distance("Åtgärd", "åtgärd") == 1);      // other letters do not
  CHECK(edit_distance("section", "sections") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("suggestions are offered only for plausible typos", "[suggest]") {
  std::vector<std::string> names = {"title", "short-title", "region", "version", "diarienummer", "parties"};
  CHECK(suggest("titel", names) == "title");
  CHECK(suggest("diarenummer", names) == "diarienummer");
  CHECK(suggest("partie", names) == "parties");
  CHECK(suggest("zzzzzz", names).empty());
  CHECK(suggest("", names).empty());
  CHECK(suggest(std::string(500, 'a'), names).empty());
}
