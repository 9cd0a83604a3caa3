// Compiled hyphenation patterns: an image read back hyphenates every word exactly as
// libhyphen's own loader does, is keyed by the pattern file, and a damaged image is refused.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "render/pdf/hyphen_patterns.h"
#include "render/pdf/hyphenator.h"
#include "render/pdf/pdf_style.h"
#include "support/test_support.h"

using namespace okgen;
using namespace okgen::render::pdf;
namespace fs = std::filesystem;

namespace {

PdfStyle style() {
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  return *PdfStyle::load(test::source_dir() / "styles/pdf.xml", sink, sources);
}

// Every distinct word of the shipped content (a few thousand Swedish words).
std::set<std::string> content_words() {
  std::set<std::string> words;
  const std::regex word("[A-Za-zÅÄÖåäöÉéÜü]{6,}");
  for (const auto& e : fs::recursive_directory_iterator(test::source_dir() / "content")) {
    if (!e.is_regular_file()) continue;
    const std::string text = test::read(e.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
      words.insert(it->str());
    }
  }
  return words;
}

}  // namespace

TEST_CASE("hyphenation: patterns read from the cache image hyphenate like libhyphen's loader", "[pdf][hyphenation]") {
  const PdfStyle st = style();
  const fs::path cache = test::temp_dir("hyphen-cache");
  fs::remove_all(cache);
  // The first load reads the text and writes the image; the second reads the image.
  auto first = HyphenPatterns::load(st.hyphen_dictionary, cache);
  REQUIRE(first);
  CHECK(first->origin() == HyphenPatterns::Origin::text);
  auto second = HyphenPatterns::load(st.hyphen_dictionary, cache);
  REQUIRE(second);
  CHECK(second->origin() == HyphenPatterns::Origin::cache_image);

  Hyphenator from_text(st.hyphen_dictionary, st.hyphen_left_min, st.hyphen_right_min, st.hyphen_min_word, {});
  Hyphenator from_image(st.hyphen_dictionary, st.hyphen_left_min, st.hyphen_right_min, st.hyphen_min_word, cache);
  const auto words = content_words();
  REQUIRE(words.size() > 1000);
  std::size_t hyphenated = 0, differ = 0;
  for (const auto& w : words) {
    const auto a = from_text.points(w), b = from_image.points(w);
    if (!a.empty()) ++hyphenated;
    if (a != b) {
      ++differ;
      UNSCOPED_INFO("differs: " << w);
    }
  }
  CHECK(hyphenated > 500);  // the comparison is not between two empty answers
  CHECK(differ == 0);
}

TEST_CASE("hyphenation: a damaged, truncated or foreign image is refused", "[pdf][hyphenation][bad-input]") {
  const PdfStyle st = style();
  const std::string text = test::read(st.hyphen_dictionary);
  const std::uint64_t key = digest64(text);
  auto patterns = HyphenPatterns::load(st.hyphen_dictionary, {});
  REQUIRE(patterns);
  const std::string image = patterns->image(key);
  REQUIRE(HyphenPatterns::from_image(image, key));
  CHECK_FALSE(HyphenPatterns::from_image(image, key + 1));  // made from another pattern file
  CHECK_FALSE(HyphenPatterns::from_image(image.substr(0, image.size() / 2), key));
  CHECK_FALSE(HyphenPatterns::from_image(image + "x", key));
  CHECK_FALSE(HyphenPatterns::from_image("", key));
  for (std::size_t at : {std::size_t{3}, std::size_t{20}, image.size() / 3, image.size() - 2}) {
    std::string bad = image;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    CHECK_FALSE(HyphenPatterns::from_image(bad, key));
  }
}

TEST_CASE("hyphenation: a changed pattern file gets its own image; an unusable cache only costs time", "[pdf][hyphenation]") {
  const PdfStyle st = style();
  const fs::path dir = test::temp_dir("hyphen-changed");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path dic = dir / "mönster.dic";
  fs::copy_file(st.hyphen_dictionary, dic);
  const fs::path cache = dir / "cache";
  REQUIRE(HyphenPatterns::load(dic, cache));
  REQUIRE(HyphenPatterns::load(dic, cache)->origin() == HyphenPatterns::Origin::cache_image);
  // A pattern added to the file: the old image no longer matches, a new one is made.
  std::ofstream(dic, std::ios::app) << "1xq1\n";
  auto changed = HyphenPatterns::load(dic, cache);
  REQUIRE(changed);
  CHECK(changed->origin() == HyphenPatterns::Origin::text);
  CHECK(std::distance(fs::directory_iterator(cache), fs::directory_iterator()) == 2);
  // A cache folder that cannot be made (a file is in the way): the patterns still load.
  const fs::path blocked = dir / "blockerad";
  std::ofstream(blocked) << "inte en mapp";
  auto p = HyphenPatterns::load(dic, blocked / "cache");
  REQUIRE(p);
  CHECK(p->origin() == HyphenPatterns::Origin::text);
  // No pattern file, no patterns (and no hyphenation), without a crash.
  CHECK_FALSE(HyphenPatterns::load(dir / "finns-inte.dic", cache));
  Hyphenator none(dir / "finns-inte.dic", 2, 3, 6, cache);
  CHECK(none.points("samverkansöverenskommelse").empty());
  CHECK_FALSE(none.ok());
}
