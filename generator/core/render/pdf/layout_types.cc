// Moving drawing operations into place.
#include "render/pdf/layout_types.h"

namespace okgen::render::pdf {

void Ops::append(const Ops& o, float dx, float dy) {
  for (auto t : o.text) {
    t.x += dx;
    t.y += dy;
    text.push_back(std::move(t));
  }
  for (auto r : o.rules) {
    r.x1 += dx;
    r.x2 += dx;
    r.y1 += dy;
    r.y2 += dy;
    rules.push_back(r);
  }
  for (auto r : o.rects) {
    r.x += dx;
    r.y += dy;
    rects.push_back(r);
  }
  for (auto l : o.links) {
    l.x += dx;
    l.y += dy;
    links.push_back(std::move(l));
  }
  for (auto a : o.anchors) {
    a.y += dy;
    anchors.push_back(std::move(a));
  }
}

}  // namespace okgen::render::pdf
