// Fragments: author text passed through a Markdown template without being re-parsed.
//
// A template places author Markdown ({{{text}}}) inside generated wording. Instead of
// pasting Markdown source (which would lose positions and break lists), the composer puts
// a private-use marker in the context and, after cmark has parsed the template's output,
// replaces each marker by the author's already-parsed blocks.
#pragma once

#include <string>
#include <vector>

#include "model/rich_text.h"

namespace okgen::compose {

class Fragments {
 public:
  /// Stores `blocks` and returns the marker to put into a template context.
  std::string add(model::Blocks blocks);
  /// Replaces markers in `blocks` by their fragments. A paragraph that holds only a marker
  /// becomes the fragment's blocks; a marker inside a sentence takes the inlines of the
  /// fragment's first paragraph, and the fragment's other blocks follow the paragraph.
  void splice(model::Blocks& blocks) const;

 private:
  std::vector<model::Blocks> fragments_;
};

}  // namespace okgen::compose
