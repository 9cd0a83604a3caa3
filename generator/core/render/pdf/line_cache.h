// Line-broken paragraphs remembered by a PDF writer. Breaking a paragraph into lines
// (measuring, hyphenating, choosing breaks) is most of a PDF's layout time, and a batch
// breaks the same paragraphs again and again: every local agreement carries its regional
// agreement's text. The result depends only on the inlines, the text style and the width.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/rich_text.h"
#include "render/pdf/inline_layout.h"

namespace okgen::render::pdf {

class LineCache {
 public:
  /// The key for `inlines` set in `style` in `width` points (space before and after a
  /// paragraph do not change its lines).
  static std::string key(const model::Inlines& inlines, const TextStyle& style, float width);

  const std::vector<LineBox>* find(const std::string& key) const;
  void store(std::string key, const std::vector<LineBox>& lines);

 private:
  // Bounded: a long batch keeps about one region's text (a regional agreement is some
  // 2 000 paragraphs and table cells), not everything it has seen.
  static constexpr std::size_t kMaxEntries = 8000;
  std::unordered_map<std::string, std::vector<LineBox>> lines_;
};

}  // namespace okgen::render::pdf
