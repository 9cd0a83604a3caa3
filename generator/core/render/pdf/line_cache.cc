// The line cache (see line_cache.h).
#include "render/pdf/line_cache.h"


namespace okgen::render::pdf {
namespace {

void put(std::string& out, const std::string& s) {
  out += std::to_string(s.size());
  out.push_back(':');
  out += s;
}

// Every field that changes how the inlines are laid out, tagged and length-prefixed.
void serialize(const model::Inlines& inlines, std::string& out) {
  for (const auto& in : inlines) {
    std::visit(model::overloaded{
                   [&](const model::Text& t) { out.push_back('t'), put(out, t.text); },
                   [&](const model::Emph& e) { out.push_back('e'), serialize(e.children, out), out.push_back(')'); },
                   [&](const model::Strong& s) { out.push_back('s'), serialize(s.children, out), out.push_back(')'); },
                   [&](const model::Code& c) { out.push_back('c'), put(out, c.text); },
                   [&](const model::Link& l) {
                     out.push_back('l'), put(out, l.href), serialize(l.children, out), out.push_back(')');
                   },
                   [&](const model::SoftBreak&) { out.push_back(' '); },
                   [&](const model::LineBreak&) { out.push_back('n'); },
                   [&](const model::Citation& c) {
                     out.push_back('f'), put(out, c.target), put(out, std::to_string(c.number)), put(out, c.anchor);
                   },
                   [&](const model::CrossRef& x) {
                     out.push_back('x'), put(out, x.target), serialize(x.children, out), out.push_back(')');
                   },
                   [&](const model::Edit& e) {
                     out.push_back(e.kind == model::Edit::Kind::inserted ? '+' : '-');
                     put(out, e.spoken), serialize(e.children, out), out.push_back(')');
                   },
                   [&](const model::Lang& l) { out.push_back('g'), put(out, l.lang), serialize(l.children, out), out.push_back(')'); },
               },
               in.node);
  }
}

}  // namespace

std::string LineCache::key(const model::Inlines& inlines, const TextStyle& style, float width) {
  // The style by value: callers pass styles adjusted on the fly (a table cell's), so an
  // address would not identify one.
  std::string k;
  put(k, style.family);
  for (float v : {style.size, style.leading, style.color.r, style.color.g, style.color.b, width}) {
    k.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  k.push_back(static_cast<char>(style.bold | style.italic << 1 | style.justify << 2 | style.hyphenate << 3));
  serialize(inlines, k);
  return k;
}

const std::vector<LineBox>* LineCache::find(const std::string& key) const {
  auto it = lines_.find(key);
  return it == lines_.end() ? nullptr : &it->second;
}

void LineCache::store(std::string key, const std::vector<LineBox>& lines) {
  if (lines_.size() >= kMaxEntries) lines_.clear();
  lines_.emplace(std::move(key), lines);
}

}  // namespace okgen::render::pdf
