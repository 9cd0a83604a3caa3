// Moving drawing operations into place.
#include "render/pdf/layout_types.h"

#include <iterator>
#include <type_traits>

namespace okgen::render::pdf {
namespace {

// Appends the elements of `from` (moved from when it is an rvalue) to `to`.
template <class V, class Src>
void extend(V& to, Src&& from) {
  if constexpr (std::is_rvalue_reference_v<Src&&>) {
    if (to.empty()) {
      to = std::move(from);
      return;
    }
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  } else {
    to.insert(to.end(), from.begin(), from.end());
  }
}

// Both overloads: everything `o` holds, moved by (dx, dy).
template <class O>
void append_ops(Ops& ops, O&& o, float dx, float dy) {
  const std::size_t t = ops.text.size(), u = ops.rules.size(), r = ops.rects.size(), l = ops.links.size(),
                    a = ops.anchors.size();
  extend(ops.text, std::forward<O>(o).text);
  extend(ops.rules, std::forward<O>(o).rules);
  extend(ops.rects, std::forward<O>(o).rects);
  extend(ops.links, std::forward<O>(o).links);
  extend(ops.anchors, std::forward<O>(o).anchors);
  for (std::size_t i = t; i < ops.text.size(); ++i) {
    TextRun& run = ops.text[i];
    run.x += dx, run.y += dy;
    if (run.link >= 0) run.link += static_cast<int>(l);  // links are renumbered as appended
  }
  for (std::size_t i = u; i < ops.rules.size(); ++i) {
    ops.rules[i].x1 += dx, ops.rules[i].x2 += dx, ops.rules[i].y1 += dy, ops.rules[i].y2 += dy;
  }
  for (std::size_t i = r; i < ops.rects.size(); ++i) ops.rects[i].x += dx, ops.rects[i].y += dy;
  for (std::size_t i = l; i < ops.links.size(); ++i) ops.links[i].x += dx, ops.links[i].y += dy;
  for (std::size_t i = a; i < ops.anchors.size(); ++i) ops.anchors[i].y += dy;
}

}  // namespace

void Ops::append(const Ops& o, float dx, float dy) { append_ops(*this, o, dx, dy); }
void Ops::append(Ops&& o, float dx, float dy) { append_ops(*this, std::move(o), dx, dy); }

}  // namespace okgen::render::pdf
