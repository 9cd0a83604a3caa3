// util/hash: the values okgen keeps on disk and in files must not change between machines
// or releases without a format version to match.
#include <catch2/catch.hpp>

#include <string>

#include "util/hash.h"

using namespace okgen::util;

TEST_CASE("hash: FNV-1a keeps the values stored in content files", "[hash]") {
  // Section fingerprints (`based-on`) are 12 hex digits of this, with okgen's first basis.
  CHECK(hex_digits(fnv1a64("", kFnvBasis)) == "cbf29ce484222325");
  CHECK(hex_digits(fnv1a64("a", kFnvBasis)) == "af63dc4c8601ec8c");  // FNV-1a's published value
  CHECK(hex_digits(fnv1a64("okgen", kFnvBasisOkgen1), 12) == "74affb853d4d");  // okgen's own basis
}

TEST_CASE("hash: the word digest is pinned, reads every byte and its length", "[hash]") {
  // Pinned (the values from an independent implementation in Python): cached hyphenation
  // images and build states are named and checked with it. Empty, one whole word, and
  // words with a tail.
  CHECK(hex_digits(digest64("")) == "ed020cb89523f3b1");
  CHECK(hex_digits(digest64("abcdefgh")) == "de3fd3c97a05d9d3");
  const std::string text = "Överenskommelse om samverkan kring personer med psykisk funktionsnedsättning";
  const std::uint64_t pinned = digest64(text);
  CHECK(hex_digits(pinned) == "b95342247a2dc394");
  // Every byte counts, in the eight-byte words and in the tail, and so does the length.
  for (std::size_t at = 0; at < text.size(); ++at) {
    std::string changed = text;
    changed[at] = static_cast<char>(changed[at] ^ 1);
    CHECK(digest64(changed) != pinned);
  }
  CHECK(digest64(text + '\0') != pinned);
  CHECK(digest64(std::string(8, '\0')) != digest64(std::string(16, '\0')));
  const Digest128 d = digest128(text);
  CHECK((d.a ^ d.b) == pinned);
}
