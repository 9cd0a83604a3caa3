// Plain-text views of rich text.
#include "model/rich_text.h"

namespace okgen::model {

std::string plain_text(const Inlines& inlines) {
  std::string out;
  for (const auto& in : inlines) {
    std::visit(overloaded{
                   [&](const Text& t) { out += t.text; },
                   [&](const Emph& e) { out += plain_text(e.children); },
                   [&](const Strong& s) { out += plain_text(s.children); },
                   [&](const Code& c) { out += c.text; },
                   [&](const Link& l) { out += plain_text(l.children); },
                   [&](const SoftBreak&) { out += ' '; },
                   [&](const LineBreak&) { out += '\n'; },
                   [&](const Citation&) {},
                   [&](const CrossRef& x) { out += plain_text(x.children); },
                   [&](const Edit& e) { out += plain_text(e.children); },
                   [&](const Lang& l) { out += plain_text(l.children); },
               },
               in.node);
  }
  return out;
}

std::string plain_text(const Blocks& blocks) {
  std::string out;
  auto para = [&](const std::string& s) {
    if (s.empty()) return;
    if (!out.empty()) out += "\n\n";
    out += s;
  };
  for (const auto& b : blocks) {
    std::visit(overloaded{
                   [&](const Paragraph& p) { para(plain_text(p.content)); },
                   [&](const List& l) {
                     for (const auto& item : l.items) para(plain_text(item));
                   },
                   [&](const BlockQuote& q) { para(plain_text(q.children)); },
                   [&](const CodeBlock& c) { para(c.text); },
                   [&](const ThematicBreak&) {},
                   [&](const Table& t) {
                     for (const auto& row : t.body)
                       for (const auto& cell : row.cells) para(plain_text(cell.content));
                   },
                   [&](const Div& d) { para(plain_text(d.children)); },
               },
               b.node);
  }
  return out;
}

}  // namespace okgen::model
