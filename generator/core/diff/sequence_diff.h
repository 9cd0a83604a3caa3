// The shortest edit script between two sequences (Myers' O(ND) algorithm), for words,
// paragraphs and table rows alike. Header-only: it is a template over the element type.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <vector>

namespace okgen::diff {

enum class Op { same, del, ins };

struct Edit {
  Op op;
  std::size_t old_index;  ///< for same and del
  std::size_t new_index;  ///< for same and ins
};

/// Edits turning `a` into `b`, in order. `eq` compares elements. Cost O((N+M)·D) time and
/// O(D·(N+M)) memory for D differences; `max_d` (and a memory cap) bounds D (beyond it, everything in the
/// remaining middle is reported as deleted then inserted) so hostile input stays cheap.
template <class T, class Eq = std::equal_to<T>>
std::vector<Edit> edit_script(const std::vector<T>& a, const std::vector<T>& b, Eq eq = Eq{}, std::size_t max_d = 4000) {
  // Common prefix and suffix first: most revisions change little.
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && eq(a[pre], b[pre])) ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && eq(a[a.size() - 1 - suf], b[b.size() - 1 - suf])) ++suf;
  const long n = static_cast<long>(a.size() - pre - suf), m = static_cast<long>(b.size() - pre - suf);

  std::vector<Edit> out;
  for (std::size_t i = 0; i < pre; ++i) out.push_back({Op::same, i, i});
  auto middle_fallback = [&] {
    for (long i = 0; i < n; ++i) out.push_back({Op::del, pre + static_cast<std::size_t>(i), 0});
    for (long j = 0; j < m; ++j) out.push_back({Op::ins, 0, pre + static_cast<std::size_t>(j)});
  };
  if (n == 0 || m == 0) {
    middle_fallback();
  } else {
    const long max = n + m;
    // The trace keeps one row of 2(N+M) per step: cap it at about 32 MB.
    const long budget = std::max<long>(16, 4'000'000 / (2 * max + 2));
    const long limit = std::min<long>({max, static_cast<long>(max_d), budget});
    std::vector<long> v(static_cast<std::size_t>(2 * max + 2), 0);
    std::vector<std::vector<long>> trace;
    long found_d = -1;
    for (long d = 0; d <= limit && found_d < 0; ++d) {
      trace.push_back(v);
      for (long k = -d; k <= d; k += 2) {
        long x;
        const auto at = [&](long kk) -> long& { return v[static_cast<std::size_t>(kk + max)]; };
        if (k == -d || (k != d && at(k - 1) < at(k + 1))) x = at(k + 1);
        else x = at(k - 1) + 1;
        long y = x - k;
        while (x < n && y < m && eq(a[pre + static_cast<std::size_t>(x)], b[pre + static_cast<std::size_t>(y)])) ++x, ++y;
        at(k) = x;
        if (x >= n && y >= m) {
          found_d = d;
          break;
        }
      }
    }
    if (found_d < 0) {
      middle_fallback();
    } else {
      // Walk the trace back from (n, m) to (0, 0), collecting edits in reverse.
      std::vector<Edit> rev;
      long x = n, y = m;
      for (long d = found_d; d > 0; --d) {
        const std::vector<long>& pv = trace[static_cast<std::size_t>(d)];
        const auto at = [&](long kk) { return pv[static_cast<std::size_t>(kk + max)]; };
        const long k = x - y;
        const long prev_k = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
        const long prev_x = at(prev_k), prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
          --x, --y;
          rev.push_back({Op::same, pre + static_cast<std::size_t>(x), pre + static_cast<std::size_t>(y)});
        }
        if (x == prev_x) rev.push_back({Op::ins, 0, pre + static_cast<std::size_t>(--y)});
        else rev.push_back({Op::del, pre + static_cast<std::size_t>(--x), 0});
      }
      while (x > 0 && y > 0) {
        --x, --y;
        rev.push_back({Op::same, pre + static_cast<std::size_t>(x), pre + static_cast<std::size_t>(y)});
      }
      out.insert(out.end(), rev.rbegin(), rev.rend());
    }
  }
  for (std::size_t i = 0; i < suf; ++i) {
    out.push_back({Op::same, a.size() - suf + i, b.size() - suf + i});
  }
  return out;
}

}  // namespace okgen::diff
