// okgen_concepts: which concepts of data/concepts.tsv a sentence contains, and where.
// For whoever writes or reviews a checker rule: "why did this sentence count as a forum?"
//   build/tests/okgen_concepts "Tvisten lyfts till Regionalt samverkansråd."
#include <cstdio>
#include <string>

#include "data/reference_data.h"
#include "text/swedish.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: okgen_concepts SENTENCE...\n");
    return 2;
  }
  const auto data = okgen::data::ReferenceData::load(std::string(OKGEN_SOURCE_DIR) + "/data");
  for (int a = 1; a < argc; ++a) {
    const auto tokens = okgen::text::tokenize(argv[a]);
    std::printf("%s\n  tokens:", argv[a]);
    for (const auto& t : tokens) std::printf(" %s(%s)", t.text.c_str(), t.stem.c_str());
    std::printf("\n");
    for (const auto& c : data.lexicon.concepts()) {
      for (const auto& m : data.lexicon.find(c, tokens)) {
        std::string words;
        for (std::size_t i = m.first; i <= m.last; ++i) words += (words.empty() ? "" : " ") + tokens[i].text;
        std::printf("  %-20s %s\n", c.c_str(), words.c_str());
      }
    }
  }
  return 0;
}
