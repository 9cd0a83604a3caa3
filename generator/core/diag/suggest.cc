// Spelling suggestions by Damerau-Levenshtein distance over Unicode code points.
#include "diag/suggest.h"

#include <algorithm>
#include <cstdint>

namespace okgen::diag {
namespace {

std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    char32_t cp = c;
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (extra) cp = c & (0x3F >> extra);
    ++i;
    for (int k = 0; k < extra && i < s.size(); ++k, ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
    if (cp < 128 && cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
    out.push_back(cp);
  }
  return out;
}

}  // namespace

int edit_distance(const std::string& a8, const std::string& b8) {
  const std::u32string a = decode(a8), b = decode(b8);
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::string suggest(const std::string& word, const std::vector<std::string>& candidates) {
  // Long inputs (hostile or binary) are not worth a quadratic comparison.
  if (word.empty() || word.size() > 200) return {};
  std::string best;
  int best_distance = 0;
  for (const auto& c : candidates) {
    int dist = edit_distance(word, c);
    if (best.empty() || dist < best_distance) {
      best = c;
      best_distance = dist;
    }
  }
  const int len = static_cast<int>(decode(word).size());
  const int limit = std::min(3, std::max(1, len / 3));
  // A prefix or containment match ("title" for "titles", "municipality" for "municipal")
  // is also a plausible intent.
  if (best_distance <= limit) return best;
  for (const auto& c : candidates) {
    if (len >= 4 && (c.find(word) != std::string::npos || word.find(c) != std::string::npos)) return c;
  }
  return {};
}

}  // namespace okgen::diag
