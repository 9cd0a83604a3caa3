// Layout dump.
#include "render/pdf/layout_dump.h"

#include <cstdio>

namespace okgen::render::pdf {
namespace {

std::string num(float v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(v));
  return buf;
}

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

std::string dump_layout(const Layout& layout, const FontSet& fonts) {
  std::string out;
  out += "layout " + num(layout.width) + " x " + num(layout.height) + ", " + std::to_string(layout.pages.size()) + " pages\n";
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    const Page& page = layout.pages[p];
    out += "page " + std::to_string(p + 1) + (page.title_page ? " (title)" : "") + "\n";
    for (const auto& r : page.ops.rects) {
      out += "  fill " + num(r.x) + " " + num(r.y) + " " + num(r.w) + "x" + num(r.h) + "\n";
    }
    for (const auto& r : page.ops.rules) {
      out += "  rule " + num(r.x1) + " " + num(r.y1) + " -> " + num(r.x2) + " " + num(r.y2) + " w" + num(r.width) + "\n";
    }
    for (const auto& t : page.ops.text) {
      out += "  text " + num(t.x) + " " + num(t.y) + " " + fonts.face_name(t.face) + " " + num(t.size) + " " +
             quoted(t.text) + "\n";
    }
    for (const auto& l : page.ops.links) {
      out += "  link " + num(l.x) + " " + num(l.y) + " " + num(l.w) + "x" + num(l.h) + " " +
             (l.uri.empty() ? "#" + l.target : l.uri) + "\n";
    }
  }
  for (const auto& o : layout.outline) {
    out += "outline " + std::to_string(o.level) + " " + quoted(o.title) + " -> #" + o.target + "\n";
  }
  return out;
}

}  // namespace okgen::render::pdf
