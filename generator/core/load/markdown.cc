// cmark tree -> model blocks, with citations [^id] and cross references [](#id).
#include "load/markdown.h"

#include <cmark.h>

#include <memory>
#include <string>

#include "util/regex.h"
#include "util/text.h"
#include "util/url.h"

namespace okgen::load {
namespace {

using model::Block;
using model::Blocks;
using model::Inline;
using model::Inlines;

struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

class Bridge {
 public:
  Bridge(const TextOrigin& origin, const util::Dedented& dedented, diag::DiagnosticSink& sink)
      : origin_(origin), dedented_(dedented), sink_(sink) {}

  Blocks blocks(cmark_node* parent, int depth) {
    Blocks out;
    if (too_deep(parent, depth)) return out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      model::Loc l = loc(n);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
          out.push_back(Block{model::Paragraph{inlines(n, depth + 1)}, l});
          break;
        case CMARK_NODE_HEADING: {
          sink_.report("markdown-heading", span(n), {{"text", model::plain_text(inlines(n, depth + 1))}});
          // Keep the words so nothing silently disappears from the output.
          Inlines strong;
          strong.push_back(Inline{model::Strong{inlines(n, depth + 1)}, l});
          out.push_back(Block{model::Paragraph{std::move(strong)}, l});
          break;
        }
        case CMARK_NODE_LIST: {
          model::List list;
          list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
          list.start = list.ordered ? cmark_node_get_list_start(n) : 1;
          list.tight = cmark_node_get_list_tight(n) != 0;
          for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
            list.items.push_back(blocks(item, depth + 1));
          }
          out.push_back(Block{std::move(list), l});
          break;
        }
        case CMARK_NODE_BLOCK_QUOTE:
          out.push_back(Block{model::BlockQuote{blocks(n, depth + 1)}, l});
          break;
        case CMARK_NODE_CODE_BLOCK: {
          const char* lit = cmark_node_get_literal(n);
          // An indented paragraph turns into code by accident far more often than anyone
          // means to put code in an agreement, so say so.
          if (cmark_node_get_fence_info(n) == nullptr || std::string(cmark_node_get_fence_info(n)).empty()) {
            sink_.report("code-block", span(n), {});
          }
          out.push_back(Block{model::CodeBlock{lit ? lit : ""}, l});
          break;
        }
        case CMARK_NODE_HTML_BLOCK:
          sink_.report("raw-html", span(n), {{"html", excerpt(cmark_node_get_literal(n))}});
          break;
        case CMARK_NODE_THEMATIC_BREAK:
          out.push_back(Block{model::ThematicBreak{}, l});
          break;
        default:
          break;
      }
    }
    return out;
  }

 private:
  // Deep nesting is cut off (and reported once) so hostile input cannot exhaust the stack.
  bool too_deep(cmark_node* parent, int depth) {
    if (depth <= kMaxMarkdownDepth) return false;
    if (!reported_depth_) {
      reported_depth_ = true;
      sink_.report("nesting-too-deep", span(parent), {{"limit", std::to_string(kMaxMarkdownDepth)}});
    }
    return true;
  }

  Inlines inlines(cmark_node* parent, int depth) {
    Inlines out;
    if (too_deep(parent, depth)) return out;
    for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
      model::Loc l = loc(n, parent);
      switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
          append_text(out, cmark_node_get_literal(n), l);
          break;
        case CMARK_NODE_SOFTBREAK:
          out.push_back(Inline{model::SoftBreak{}, l});
          break;
        case CMARK_NODE_LINEBREAK:
          out.push_back(Inline{model::LineBreak{}, l});
          break;
        case CMARK_NODE_CODE:
          out.push_back(Inline{model::Code{cmark_node_get_literal(n)}, l});
          break;
        case CMARK_NODE_EMPH:
          out.push_back(Inline{model::Emph{inlines(n, depth + 1)}, l});
          break;
        case CMARK_NODE_STRONG:
          out.push_back(Inline{model::Strong{inlines(n, depth + 1)}, l});
          break;
        case CMARK_NODE_HTML_INLINE:
          sink_.report("raw-html", span_of(l), {{"html", excerpt(cmark_node_get_literal(n))}});
          break;
        case CMARK_NODE_LINK: {
          std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
          Inlines children = inlines(n, depth + 1);
          if (util::starts_with(url, "#") && url.size() > 1) {
            out.push_back(Inline{model::CrossRef{url.substr(1), std::move(children)}, l});
          } else if (util::is_safe_url(url)) {
            out.push_back(Inline{model::Link{url, std::move(children)}, l});
          } else {
            sink_.report("unsafe-link", span_of(l), {{"url", excerpt(url.c_str())}});
            for (auto& c : children) out.push_back(std::move(c));
          }
          break;
        }
        case CMARK_NODE_IMAGE: {
          sink_.report("image-not-supported", span_of(l), {{"url", excerpt(cmark_node_get_url(n))}});
          for (auto& c : inlines(n, depth + 1)) out.push_back(std::move(c));
          break;
        }
        default:
          break;
      }
    }
    wrap_languages(out);
    return out;
  }

  // `[words]{lang=se}` (pandoc's bracketed span): words in another language. cmark leaves the
  // brackets in text nodes, so the spans are found among the inlines already read, in one
  // pass with a stack of open brackets (linear however many brackets a hostile text holds):
  // a "]" directly followed by "{lang=TAG}" closes the "[" on top of the stack, and what lies
  // between (text, emphasis, links) becomes a Lang. Spans inside a span are found when its
  // children are wrapped in turn. A TAG that is no language tag is reported and the text left
  // as it is.
  void wrap_languages(Inlines& ins) {
    static const util::Regex kClose(R"(^\]\{lang=([^}\s]{1,35})\})");
    static const util::Regex kTag(R"(^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$)");
    struct Place {
      std::size_t node, at;
    };
    struct Span {
      Place open, close;
      std::string tag;
    };
    std::vector<Place> stack;
    std::vector<Span> spans;  // outermost ones only, in order
    for (std::size_t n = 0; n < ins.size(); ++n) {
      const auto* t = std::get_if<model::Text>(&ins[n].node);
      if (!t) continue;
      for (std::size_t k = 0; k < t->text.size(); ++k) {
        if (t->text[k] == '[') stack.push_back({n, k});
        if (t->text[k] != ']' || stack.empty()) continue;
        const Place open = stack.back();
        stack.pop_back();
        if (k + 1 >= t->text.size() || t->text[k + 1] != '{') continue;
        const std::string rest = t->text.substr(k, 48);  // the match points into it
        util::Match m;
        if (!util::regex_search(rest, m, kClose)) continue;
        const std::string tag = m[1].str();
        if (!util::regex_search(tag, kTag)) {
          sink_.report("lang-invalid", span_of(ins[n].loc), {{"lang", excerpt(tag.c_str())}});
          continue;
        }
        // A span closing around earlier ones contains them: it replaces them.
        while (!spans.empty() && (spans.back().open.node > open.node ||
                                  (spans.back().open.node == open.node && spans.back().open.at > open.at))) {
          spans.pop_back();
        }
        spans.push_back({open, {n, k}, tag});
      }
    }
    // From the last to the first, so the places of the earlier ones stay valid.
    for (auto s = spans.rbegin(); s != spans.rend(); ++s) {
      const std::size_t i = s->open.node, j = s->close.node;
      const std::string open_text = std::get<model::Text>(ins[i].node).text;
      const std::string close_text = std::get<model::Text>(ins[j].node).text;
      const std::string before = open_text.substr(0, s->open.at);
      const std::string after = close_text.substr(s->close.at + s->tag.size() + 8);  // "]{lang=" + tag + "}"
      model::Lang lang{s->tag, {}};
      auto add = [&](const std::string& text, const model::Loc& loc) {
        if (!text.empty()) lang.children.push_back(Inline{model::Text{text}, loc});
      };
      if (i == j) {
        add(open_text.substr(s->open.at + 1, s->close.at - s->open.at - 1), ins[i].loc);
      } else {
        add(open_text.substr(s->open.at + 1), ins[i].loc);
        for (std::size_t k = i + 1; k < j; ++k) lang.children.push_back(std::move(ins[k]));
        add(close_text.substr(0, s->close.at), ins[j].loc);
      }
      wrap_languages(lang.children);
      Inlines replaced;
      if (!before.empty()) replaced.push_back(Inline{model::Text{before}, ins[i].loc});
      replaced.push_back(Inline{std::move(lang), ins[i].loc});
      if (!after.empty()) replaced.push_back(Inline{model::Text{after}, ins[j].loc});
      ins.erase(ins.begin() + static_cast<std::ptrdiff_t>(i), ins.begin() + static_cast<std::ptrdiff_t>(j + 1));
      ins.insert(ins.begin() + static_cast<std::ptrdiff_t>(i), std::make_move_iterator(replaced.begin()),
                 std::make_move_iterator(replaced.end()));
    }
  }

  // Text nodes may hold [^id] citations; cmark splits text at brackets, so text is first
  // merged with the preceding text node and then scanned.
  void append_text(Inlines& out, const char* literal, const model::Loc& l) {
    std::string text = literal ? literal : "";
    if (!out.empty()) {
      if (auto* prev = std::get_if<model::Text>(&out.back().node)) {
        text = prev->text + text;
        out.pop_back();
      }
    }
    std::size_t pos = 0;
    for (;;) {
      std::size_t open = text.find("[^", pos);
      std::size_t close = open == std::string::npos ? std::string::npos : text.find(']', open + 2);
      if (open == std::string::npos || close == std::string::npos) break;
      std::string id = text.substr(open + 2, close - open - 2);
      bool valid = !id.empty() && id.size() <= 80 && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos;
      if (!valid) {
        pos = open + 2;
        continue;
      }
      if (open > 0) out.push_back(Inline{model::Text{text.substr(0, open)}, l});
      out.push_back(Inline{model::Citation{id, 0, {}}, l});
      text = text.substr(close + 1);
      pos = 0;
    }
    if (!text.empty()) out.push_back(Inline{model::Text{text}, l});
  }

  model::Loc loc(cmark_node* n, cmark_node* fallback = nullptr) const {
    int line = cmark_node_get_start_line(n);
    int col = cmark_node_get_start_column(n);
    if (line <= 0 && fallback) {
      line = cmark_node_get_start_line(fallback);
      col = cmark_node_get_start_column(fallback);
    }
    return map(line, col);
  }

  model::Loc map(int line, int col) const {
    if (line <= 0) return model::Loc{origin_.file, origin_.line, origin_.column};
    if (col <= 0) col = 1;
    int src_line = origin_.line + dedented_.dropped_lines + (line - 1);
    int removed = line - 1 < static_cast<int>(dedented_.removed.size()) ? dedented_.removed[static_cast<std::size_t>(line - 1)] : 0;
    int src_col = col + removed;
    if (dedented_.dropped_lines == 0 && line == 1 && origin_.inline_start) src_col = origin_.column + col - 1;
    return model::Loc{origin_.file, src_line, src_col};
  }

  diag::SourceSpan span(cmark_node* n) const { return span_of(loc(n)); }
  diag::SourceSpan span_of(const model::Loc& l) const { return diag::SourceSpan{origin_.path, l.line, l.column}; }

  static std::string excerpt(const char* s) {
    std::string v = s ? s : "";
    v = std::string(util::trim(v));
    if (v.size() > 60) v = v.substr(0, 57) + "...";
    return v;
  }

  const TextOrigin& origin_;
  const util::Dedented& dedented_;
  diag::DiagnosticSink& sink_;
  bool reported_depth_ = false;
};

}  // namespace

model::Blocks parse_markdown(const std::string& text, const TextOrigin& origin, diag::DiagnosticSink& sink) {
  util::Dedented dedented = util::dedent(text);
  if (dedented.text.empty()) return {};
  std::unique_ptr<cmark_node, NodeDeleter> doc(
      cmark_parse_document(dedented.text.data(), dedented.text.size(), CMARK_OPT_VALIDATE_UTF8));
  if (!doc) return {};
  Bridge bridge(origin, dedented, sink);
  return bridge.blocks(doc.get(), 0);
}

}  // namespace okgen::load
