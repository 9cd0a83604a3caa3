// The logical structure of a laid-out document (see struct_tree.h).
#include "render/pdf/struct_tree.h"

namespace okgen::render::pdf {

int StructTree::adopt(const StructTree& other) {
  // Element k >= 1 of `other` becomes element k + shift here; its root is ours.
  const int shift = size() - 1;
  for (int k = 1; k < other.size(); ++k) {
    StructNode n = other[k];
    n.parent = shifted(n.parent, shift);
    nodes_.push_back(std::move(n));
  }
  return shift;
}

}  // namespace okgen::render::pdf
