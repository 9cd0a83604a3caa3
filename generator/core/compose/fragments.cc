// Marker splicing.
#include "compose/fragments.h"

#include "util/text.h"

namespace okgen::compose {
namespace {

using model::Block;
using model::Blocks;
using model::Inline;
using model::Inlines;

const std::string kOpen = "\xEE\x80\x80";   // U+E000
const std::string kClose = "\xEE\x80\x81";  // U+E001

// Splits text into literal pieces and marker indexes (-1 for literal).
std::vector<std::pair<int, std::string>> scan(const std::string& text) {
  std::vector<std::pair<int, std::string>> parts;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find(kOpen, pos);
    std::size_t close = open == std::string::npos ? std::string::npos : text.find(kClose, open);
    if (open == std::string::npos || close == std::string::npos) {
      parts.emplace_back(-1, text.substr(pos));
      break;
    }
    if (open > pos) parts.emplace_back(-1, text.substr(pos, open - pos));
    std::string digits = text.substr(open + kOpen.size(), close - open - kOpen.size());
    parts.emplace_back(digits.empty() ? -1 : std::stoi(digits), std::string());
    pos = close + kClose.size();
  }
  return parts;
}

}  // namespace

std::string Fragments::add(model::Blocks blocks) {
  fragments_.push_back(std::move(blocks));
  return kOpen + std::to_string(fragments_.size() - 1) + kClose;
}

void Fragments::splice(model::Blocks& blocks) const {
  Blocks out;
  for (auto& b : blocks) {
    if (auto* p = std::get_if<model::Paragraph>(&b.node)) {
      // A paragraph that is one marker and nothing else is replaced as a whole.
      if (p->content.size() == 1) {
        if (auto* t = std::get_if<model::Text>(&p->content[0].node)) {
          auto parts = scan(std::string(util::trim(t->text)));
          if (parts.size() == 1 && parts[0].first >= 0 && static_cast<std::size_t>(parts[0].first) < fragments_.size()) {
            for (const auto& fb : fragments_[static_cast<std::size_t>(parts[0].first)]) out.push_back(fb);
            continue;
          }
        }
      }
      Inlines rebuilt;
      Blocks after;
      for (auto& in : p->content) {
        auto* t = std::get_if<model::Text>(&in.node);
        if (!t || t->text.find(kOpen) == std::string::npos) {
          rebuilt.push_back(std::move(in));
          continue;
        }
        for (auto& [index, literal] : scan(t->text)) {
          if (index < 0) {
            if (!literal.empty()) rebuilt.push_back(Inline{model::Text{literal}, in.loc});
            continue;
          }
          if (static_cast<std::size_t>(index) >= fragments_.size()) continue;
          const Blocks& frag = fragments_[static_cast<std::size_t>(index)];
          std::size_t i = 0;
          if (!frag.empty()) {
            if (const auto* fp = std::get_if<model::Paragraph>(&frag[0].node)) {
              rebuilt.insert(rebuilt.end(), fp->content.begin(), fp->content.end());
              i = 1;
            }
          }
          for (; i < frag.size(); ++i) after.push_back(frag[i]);
        }
      }
      p->content = std::move(rebuilt);
      if (!p->content.empty()) out.push_back(std::move(b));
      for (auto& a : after) out.push_back(std::move(a));
      continue;
    }
    std::visit(model::overloaded{
                   [&](model::List& l) {
                     for (auto& item : l.items) splice(item);
                   },
                   [&](model::BlockQuote& q) { splice(q.children); },
                   [&](model::Div& d) { splice(d.children); },
                   [&](model::Table& t) {
                     for (auto* rows : {&t.head, &t.body})
                       for (auto& row : *rows)
                         for (auto& cell : row.cells) splice(cell.content);
                   },
                   [](auto&) {},
               },
               b.node);
    out.push_back(std::move(b));
  }
  blocks = std::move(out);
}

}  // namespace okgen::compose
