// Paragraph line breaking and line drawing.
#include "render/pdf/inline_layout.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <string_view>

#include "render/pdf/line_cache.h"
#include "util/url.h"

namespace okgen::render::pdf {
namespace {

using model::Inline;
using model::Inlines;

// A run of text in one style; words are made of pieces.
struct Piece {
  std::string text;
  FaceKey face;
  float size = 10;
  float rise = 0;
  Color color;
  std::string uri, target;
  std::shared_ptr<const std::string> edit;  // a redline change it is part of (TextRun::edit)
  bool deleted = false;                     // that change is a deletion (struck through)
  std::string lang;                         // words in another language (TextRun::lang)
  float width = 0;     // points
  bool plain = false;  // `face` has every character and `width` is its measure: drawn as is
  bool links() const { return !uri.empty() || !target.empty(); }
};

// What follows a box: how the line may break there.
enum class Join { glue, hyphen, none, forced, end };

struct Box {
  std::vector<Piece> pieces;
  float width = 0;
  Join join = Join::glue;
  float glue = 0;          // width of the space after, when join == glue
  float hyphen_width = 0;  // width of the hyphen when broken here
  std::vector<int> notes;
};

struct InlineState {
  bool bold = false, italic = false, mono = false;
  std::string uri, target;
  bool link = false;
  std::shared_ptr<const std::string> edit;
  bool deleted = false;
  std::string lang;
};

class Flattener {
 public:
  Flattener(const TextStyle& style, LayoutContext& ctx)
      : style_(style),
        ctx_(ctx),
        family_(ctx.fonts.family_index(style.family)),
        mono_(ctx.fonts.family_index("mono")) {}

  void inlines(const Inlines& ins, InlineState st) {
    for (const auto& in : ins) {
      std::visit(model::overloaded{
                     [&](const model::Text& t) { text(t.text, st); },
                     [&](const model::Emph& e) {
                       InlineState s = st;
                       s.italic = !s.italic;
                       inlines(e.children, s);
                     },
                     [&](const model::Strong& s) {
                       InlineState x = st;
                       x.bold = true;
                       inlines(s.children, x);
                     },
                     [&](const model::Code& c) {
                       InlineState s = st;
                       s.mono = true;
                       text(c.text, s);
                     },
                     [&](const model::Link& l) {
                       InlineState s = st;
                       s.uri = util::safe_href(l.href);
                       s.link = !s.uri.empty();  // an unsafe target keeps its words only
                       inlines(l.children, s);
                     },
                     [&](const model::SoftBreak&) { space(); },
                     [&](const model::LineBreak&) { forced(); },
                     [&](const model::Citation& c) { citation(c, st); },
                     [&](const model::CrossRef& x) {
                       InlineState s = st;
                       s.target = x.target;
                       s.link = true;
                       inlines(x.children, s);
                     },
                     [&](const model::Edit& e) {
                       InlineState s = st;
                       s.edit = std::make_shared<const std::string>(
                           e.spoken.empty() ? model::plain_text(e.children) : e.spoken + " " + model::plain_text(e.children));
                       s.deleted = e.kind == model::Edit::Kind::deleted;
                       inlines(e.children, s);
                     },
                     [&](const model::Lang& l) {
                       InlineState s = st;
                       s.lang = l.lang;
                       inlines(l.children, s);
                     },
                 },
                 in.node);
    }
  }

  std::vector<Box> finish() {
    close_word();
    if (!boxes_.empty()) boxes_.back().join = Join::end;
    return std::move(boxes_);
  }

  void text(const std::string& s, const InlineState& st) {
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
      if (i == s.size() || s[i] == ' ' || s[i] == '\n' || s[i] == '\t') {
        if (i > start) add_piece(std::string_view(s).substr(start, i - start), st, 1.0f, 0);
        if (i < s.size()) space();
        start = i + 1;
      }
    }
  }

 private:
  FaceKey face_for(const InlineState& st) const {
    return ctx_.fonts.key(st.mono ? mono_ : family_, st.bold || style_.bold, st.italic != style_.italic);
  }

  void add_piece(std::string_view s, const InlineState& st, float scale, float rise) {
    Piece& p = word_.pieces.emplace_back();  // made in place: a Piece is costly to move
    p.text.assign(s);
    p.face = face_for(st);
    p.size = style_.size * scale;
    p.rise = rise;
    p.color = st.link  ? ctx_.style.link_color
              : st.edit ? (st.deleted ? ctx_.style.deleted_color : ctx_.style.inserted_color)
                        : style_.color;
    p.edit = st.edit;
    p.deleted = st.deleted;
    p.lang = st.lang;
    p.uri = st.uri;
    p.target = st.target;
    p.width = ctx_.fonts.measure(s, p.face, &p.plain) * p.size;
  }

  void citation(const model::Citation& c, const InlineState& st) {
    InlineState s = st;
    s.target = "fn-" + std::to_string(c.number);
    s.link = true;
    s.bold = false;
    s.italic = false;
    // Superscript: smaller and raised, attached to the word before it; neighbouring note
    // numbers are separated by a comma so "5, 4" does not read as "54".
    if (!word_.pieces.empty() && word_.pieces.back().rise > 0) {
      InlineState plain = s;
      plain.target.clear();
      plain.link = false;
      add_piece(",", plain, 0.62f, style_.size * 0.36f);
    }
    add_piece(std::to_string(c.number), s, 0.62f, style_.size * 0.36f);
    word_.notes.push_back(c.number);
  }

  void space() {
    if (close_word()) boxes_.back().join = Join::glue;
  }

  void forced() {
    if (!close_word()) {
      // A break with nothing before it still ends a line: an empty box carries it.
      boxes_.push_back(Box{});
    }
    boxes_.back().join = Join::forced;
  }

  // Ends the current word; returns whether there is a box to attach a join to.
  bool close_word() {
    if (word_.pieces.empty()) return !boxes_.empty();
    Box& b = boxes_.emplace_back();
    for (const auto& p : word_.pieces) b.width += p.width;
    b.pieces = std::move(word_.pieces);
    b.notes = std::move(word_.notes);
    const Piece& last = b.pieces.back();
    b.glue = ctx_.fonts.face(last.face).advance(' ') * std::max(last.size, style_.size * 0.9f);
    b.join = Join::glue;
    word_ = Box{};
    return true;
  }

  const TextStyle& style_;
  LayoutContext& ctx_;
  int family_, mono_;  // the style's family and the monospaced one (for code)
  Box word_;
  std::vector<Box> boxes_;
};

// Splits a one-piece box at hyphenation points into boxes joined by hyphen breaks.
void hyphenate(std::vector<Box>& boxes, const TextStyle& style, LayoutContext& ctx) {
  std::vector<Box> out;
  out.reserve(boxes.size() * 2);
  std::vector<std::size_t> points;  // each word's, in one vector
  FaceKey hyphen_face;
  std::string hyphen_text;
  float hyphen_unit = 0;
  for (auto& b : boxes) {
    // The patterns are Swedish: a word in another language (model::Lang) is not broken.
    if (b.pieces.size() != 1 || b.pieces[0].rise != 0 || !b.pieces[0].lang.empty()) {
      out.push_back(std::move(b));
      continue;
    }
    const Piece& p = b.pieces[0];
    // Hyphenate the letters; leading/trailing punctuation ("(överenskommelsen),") stays on.
    std::size_t lead = 0;
    static constexpr std::string_view kOpening = "(\"'“”«»[", kClosing = ".,;:!?)\"'”»]";
    while (lead < p.text.size() && kOpening.find(p.text[lead]) != std::string_view::npos) ++lead;
    std::size_t end = p.text.size();
    while (end > lead && kClosing.find(p.text[end - 1]) != std::string_view::npos) --end;
    ctx.hyphenator.points(std::string_view(p.text).substr(lead, end - lead), points);
    if (points.empty()) {
      out.push_back(std::move(b));
      continue;
    }
    // The hyphen and its width at size 1, once per face in a row of words.
    if (!(hyphen_face == p.face) || hyphen_text.empty()) {
      hyphen_face = p.face;
      hyphen_text.clear();
      append_utf8(hyphen_text, ctx.fonts.face(p.face).has(0x00AD) ? 0x00AD : '-');
      hyphen_unit = ctx.fonts.measure(hyphen_text, p.face);
    }
    const float hyphen_width = hyphen_unit * p.size;
    std::size_t prev = 0;
    for (std::size_t k = 0; k <= points.size(); ++k) {
      std::size_t cut = k < points.size() ? points[k] + lead : p.text.size();
      // Made in place (boxes and pieces are costly to move): the word's piece with a slice
      // of its text, written over the copy's (shorter, so into the same storage).
      Box& part = out.emplace_back();
      Piece& piece = part.pieces.emplace_back(p);
      piece.text.assign(p.text, prev, cut - prev);
      piece.width = ctx.fonts.measure(piece.text, piece.face, &piece.plain) * piece.size;
      part.width = piece.width;
      if (k < points.size()) {
        part.join = Join::hyphen;
        part.hyphen_width = hyphen_width;
      } else {
        part.join = b.join;
        part.glue = b.glue;
        part.notes = std::move(b.notes);  // the word's last part; `b` is not read again
      }
      prev = cut;
    }
  }
  (void)style;
  boxes = std::move(out);
}

// Breaks boxes wider than the line between characters, preferring after URL punctuation.
void break_long_words(std::vector<Box>& boxes, float width, LayoutContext& ctx) {
  // Almost every paragraph has none: it is left as it is rather than moved box by box.
  if (std::none_of(boxes.begin(), boxes.end(), [width](const Box& b) { return b.width > width; })) return;
  std::vector<Box> out;
  for (auto& b : boxes) {
    if (b.width <= width) {
      out.push_back(std::move(b));
      continue;
    }
    // Flatten to characters with their piece, then cut greedily.
    Box current;
    auto flush = [&](Join join) {
      if (current.pieces.empty()) return;
      current.join = join;
      out.push_back(std::move(current));
      current = Box{};
    };
    for (const auto& p : b.pieces) {
      std::size_t i = 0;
      std::size_t last_good = std::string::npos;  // byte offset in current piece after / . - etc.
      Piece cur = p;
      cur.text.clear();
      cur.width = 0;
      cur.plain = false;  // its width is summed by character: drawn through shape()
      while (i < p.text.size()) {
        std::size_t start = i;
        char32_t cp = next_codepoint(p.text, i);
        std::string ch = p.text.substr(start, i - start);
        float w = ctx.fonts.measure(ch, p.face) * p.size;
        if (current.width + cur.width + w > width && (current.width + cur.width) > 0) {
          if (last_good != std::string::npos && last_good > 0 && last_good < cur.text.size()) {
            // Cut at the preferred point; carry the rest to the next line.
            Piece head = cur;
            head.text = cur.text.substr(0, last_good);
            head.width = ctx.fonts.measure(head.text, head.face) * head.size;
            cur.text = cur.text.substr(last_good);
            cur.width = ctx.fonts.measure(cur.text, cur.face) * cur.size;
            current.width += head.width;
            current.pieces.push_back(std::move(head));
          } else if (!cur.text.empty()) {
            current.width += cur.width;
            current.pieces.push_back(cur);
            cur.text.clear();
            cur.width = 0;
          }
          flush(Join::none);
          last_good = std::string::npos;
        }
        cur.text += ch;
        cur.width += w;
        if (cp == '/' || cp == '.' || cp == '-' || cp == '_' || cp == '?' || cp == '&' || cp == '=' || cp == '#') {
          last_good = cur.text.size();
        }
      }
      if (!cur.text.empty()) {
        current.width += cur.width;
        current.pieces.push_back(std::move(cur));
      }
    }
    current.notes = b.notes;
    current.glue = b.glue;
    flush(b.join);
  }
  boxes = std::move(out);
}

struct Break {
  double demerits = std::numeric_limits<double>::infinity();
  int prev = -2;  // index of the box ending the previous line; -1 = paragraph start
};

// Chooses breaks for boxes[first, last] (a segment ending at a forced break or the end):
// for each possible line end, the best predecessor break, trying lines from the longest
// that fits backwards and accumulating widths as the line grows.
// What the search reads of a box, in the form the inner loop adds it (a Box carries its
// pieces and notes too): it walks these backwards for every candidate line end. A box's
// glue counts only where it is inside the line, as a space that stretches; zero where the
// box does not end in glue (adding 0 leaves the sums exactly as they were).
struct Item {
  double width, glue, stretch;
};

std::vector<int> choose_breaks(const std::vector<Box>& all, int first, int last, float width, bool justify) {
  const int n = last - first + 1;
  std::vector<Item> boxes;
  boxes.reserve(static_cast<std::size_t>(n));
  for (int k = first; k <= last; ++k) {
    const Box& b = all[static_cast<std::size_t>(k)];
    const bool glue = b.join == Join::glue;
    boxes.push_back(Item{b.width, glue ? b.glue : 0.0, glue ? b.glue * 0.8 : 0.0});
  }
  // best[j + 1]: the best breaks up to box j; best[0] is the paragraph's start.
  std::vector<Break> best(static_cast<std::size_t>(n) + 1);
  best[0].demerits = 0;
  const double limit = width + 0.01;
  for (int j = 0; j < n; ++j) {
    const Box& end = all[static_cast<std::size_t>(first + j)];
    const bool last_line = j == n - 1;
    // The penalty for breaking here, the same for every line ending at j.
    const double penalty = end.join == Join::hyphen ? 3000.0 : end.join == Join::none ? 1000.0 : 0.0;
    Break& here = best[static_cast<std::size_t>(j) + 1];
    // The demerits of the line from box i to j, `natural` wide with `stretch` to give.
    auto weigh = [&](int i, double natural, double stretch) {
      double d;
      if (natural > limit) {
        d = 1e9;  // a single box wider than the line: always allowed
      } else {
        double badness = 0;
        if (!last_line) {
          const double slack = width - natural;
          if (justify) {
            // Justified: how far the spaces must stretch (TeX's badness).
            double ratio = stretch > 0 ? slack / stretch : (slack > 0.5 ? 10.0 : 0.0);
            badness = std::min(10000.0, 100.0 * ratio * ratio * ratio);
          } else {
            // Ragged: how much of the line is left empty (minimum raggedness).
            const double q = slack / width;
            badness = 100.0 * q * q;
          }
        }
        d = (10 + badness) * (10 + badness);
        if (penalty != 0) d += penalty;
      }
      const double total = best[static_cast<std::size_t>(i)].demerits + d;
      if (total < here.demerits) {
        here.demerits = total;
        here.prev = i - 1;
      }
    };
    // The line of box j alone (its own glue is outside the line), then longer ones.
    double natural = end.join == Join::hyphen ? end.hyphen_width : 0;
    natural += boxes[static_cast<std::size_t>(j)].width;
    double stretch = 0;
    weigh(j, natural, stretch);
    for (int i = j - 1; i >= 0; --i) {
      const Item& b = boxes[static_cast<std::size_t>(i)];
      natural += b.width;
      natural += b.glue;
      stretch += b.stretch;
      if (natural > limit) break;  // a longer line only gets wider
      weigh(i, natural, stretch);
    }
  }
  std::vector<int> ends;
  for (int j = n - 1; j >= 0; j = best[static_cast<std::size_t>(j) + 1].prev) ends.push_back(first + j);
  std::reverse(ends.begin(), ends.end());
  return ends;
}

}  // namespace

float baseline_offset(const TextStyle& style, LayoutContext& ctx) {
  const Face& f = ctx.fonts.face(ctx.fonts.key(style.family, style.bold, style.italic));
  const float content = (f.ascender() - f.descender()) * style.size;
  return (style.leading - content) / 2 + f.ascender() * style.size;
}

void draw_text(Ops& ops, const std::string& text, float x, float baseline, const TextStyle& style, LayoutContext& ctx,
               int node, float* advance) {
  FaceKey key = ctx.fonts.key(style.family, style.bold, style.italic);
  std::vector<char32_t> missing;
  float cx = x;
  for (auto& span : ctx.fonts.shape(text, key, &missing)) {
    TextRun run{cx, baseline, span.face, style.size, style.color, span.text, span.width * style.size, node, -1, nullptr, {}};
    cx += run.width;
    ops.text.push_back(std::move(run));
  }
  for (char32_t cp : missing) {
    ctx.sink.report("glyph-missing", diag::SourceSpan{ctx.source, 0, 0}, {{"codepoint", std::to_string(static_cast<unsigned>(cp))}});
  }
  if (advance) *advance = cx - x;
}

void draw_text_first(Ops& ops, const std::string& text, float x, float baseline, const TextStyle& style,
                     LayoutContext& ctx, int node) {
  Ops first;
  draw_text(first, text, x, baseline, style, ctx, node);
  ops.text.insert(ops.text.begin(), first.text.begin(), first.text.end());
}

float text_width(const std::string& text, const TextStyle& style, LayoutContext& ctx) {
  return ctx.fonts.measure(text, ctx.fonts.key(style.family, style.bold, style.italic)) * style.size;
}

std::vector<LineBox> layout_text(const std::string& text, const TextStyle& style, float width, LayoutContext& ctx) {
  model::Inlines in;
  in.push_back(model::Inline{model::Text{text}, {}});
  return layout_inlines(in, style, width, ctx);
}

namespace {

// The line under an inserted piece, or through a deleted one, in the change's colour; it
// continues the previous line segment where that ends here (one rule per change and line).
void change_rule(Ops& ops, const Piece& p, float x1, float x2, float baseline, LayoutContext& ctx) {
  const float y = p.deleted ? baseline - p.size * 0.28f : baseline + p.size * 0.14f;
  if (!ops.rules.empty()) {
    RuleOp& last = ops.rules.back();
    if (std::abs(last.x2 - x1) < 0.01f && last.y1 == y && last.color == p.color) {
      last.x2 = x2;
      return;
    }
  }
  ops.rules.push_back(RuleOp{x1, y, x2, y, ctx.style.change_rule_width, p.color});
}

std::vector<LineBox> break_lines(const model::Inlines& inlines, const TextStyle& style, float width,
                                 LayoutContext& ctx) {
  Flattener flat(style, ctx);
  flat.inlines(inlines, InlineState{});
  std::vector<Box> boxes = flat.finish();
  if (style.hyphenate) hyphenate(boxes, style, ctx);
  break_long_words(boxes, width, ctx);

  std::vector<LineBox> lines;
  if (boxes.empty()) return lines;
  const float baseline = baseline_offset(style, ctx);

  int seg_start = 0;
  for (int k = 0; k < static_cast<int>(boxes.size()); ++k) {
    const Join j = boxes[static_cast<std::size_t>(k)].join;
    if (j != Join::forced && j != Join::end) continue;
    std::vector<int> ends = choose_breaks(boxes, seg_start, k, width, style.justify);
    int from = seg_start;
    for (int to : ends) {
      LineBox line;
      line.height = style.leading;
      line.ops.text.reserve(static_cast<std::size_t>(to - from) + 2);
      // Natural width and glue count to distribute the slack when justifying.
      float natural = 0;
      int glues = 0;
      for (int q = from; q <= to; ++q) {
        const Box& b = boxes[static_cast<std::size_t>(q)];
        natural += b.width;
        if (q < to && b.join == Join::glue) {
          natural += b.glue;
          ++glues;
        }
      }
      const Box& end_box = boxes[static_cast<std::size_t>(to)];
      if (end_box.join == Join::hyphen) natural += end_box.hyphen_width;
      const bool last_line = to == k;
      float extra = 0;
      if (style.justify && !last_line && glues > 0) {
        extra = (width - natural) / static_cast<float>(glues);
        // Very loose lines look worse justified than ragged.
        float space = boxes[static_cast<std::size_t>(from)].glue;
        if (extra > space * 2.0f) extra = 0;
      }
      float x = 0;
      bool after_plain_space = false;  // the previous box ended in an unstretched space
      for (int q = from; q <= to; ++q) {
        const Box& b = boxes[static_cast<std::size_t>(q)];
        for (const auto& p : b.pieces) {
          float adv = 0;
          const float y = baseline - p.rise;
          // Draw in the piece's own face (bold/italic/mono), with fallback per character
          // (a piece its face draws whole is one span, drawn without a copy).
          std::vector<char32_t> missing;
          float cx = x;
          // The runs of a link piece name the link pushed after them (tagging, see struct_tree.h).
          const bool is_link = p.links();
          const int link = is_link ? static_cast<int>(line.ops.links.size()) : -1;
          auto draw_span = [&](FaceKey face, auto&& text, float span_width) {
            // Where the space between two words is the font's own space, the words share
            // one text run: smaller PDFs, and text extraction sees a real space.
            if (after_plain_space && !line.ops.text.empty()) {
              after_plain_space = false;
              TextRun& prev = line.ops.text.back();
              // Words of one link share a run too (each word has its link piece).
              const bool same_link =
                  prev.link == link ||
                  (prev.link >= 0 && link >= 0 && line.ops.links[static_cast<std::size_t>(prev.link)].uri == p.uri &&
                   line.ops.links[static_cast<std::size_t>(prev.link)].target == p.target);
              if (prev.face == face && prev.size == p.size && prev.color == p.color && prev.y == y && same_link &&
                  prev.edit == p.edit && prev.lang == p.lang &&
                  std::abs(prev.x + prev.width + ctx.fonts.face(face).advance(' ') * p.size - cx) < 0.01f) {
                prev.text += ' ';
                prev.text += text;
                prev.width = cx + span_width - prev.x;
                cx += span_width;
                return;
              }
            }
            after_plain_space = false;
            // Made in place: a run holds two strings and a shared pointer, costly to move.
            TextRun& run = line.ops.text.emplace_back();
            run.x = cx, run.y = y, run.face = face, run.size = p.size, run.color = p.color;
            run.text = std::forward<decltype(text)>(text);
            run.width = span_width, run.link = link, run.edit = p.edit, run.lang = p.lang;
            cx += span_width;
          };
          if (p.plain) {
            draw_span(p.face, p.text, p.width);
          } else {
            for (auto& span : ctx.fonts.shape(p.text, p.face, &missing)) {
              draw_span(span.face, std::move(span.text), span.width * p.size);
            }
          }
          for (char32_t cp : missing) {
            ctx.sink.report("glyph-missing", diag::SourceSpan{ctx.source, 0, 0},
                            {{"codepoint", std::to_string(static_cast<unsigned>(cp))}});
          }
          adv = cx - x;
          if (is_link) {
            line.ops.links.push_back(LinkOp{x, 0, adv, line.height, p.uri, p.target});
          }
          if (p.edit) change_rule(line.ops, p, x, x + adv, y, ctx);
          x += adv;
        }
        line.notes.insert(line.notes.end(), b.notes.begin(), b.notes.end());
        if (q < to && b.join == Join::glue) {
          // The space inside a change is underlined or struck through with its words.
          const Box& next = boxes[static_cast<std::size_t>(q + 1)];
          if (!b.pieces.empty() && b.pieces.back().edit && !next.pieces.empty() &&
              next.pieces.front().edit == b.pieces.back().edit) {
            change_rule(line.ops, b.pieces.back(), x, x + b.glue + extra, baseline - b.pieces.back().rise, ctx);
          }
          x += b.glue + extra;
          after_plain_space = extra == 0;
        }
      }
      if (end_box.join == Join::hyphen && !end_box.pieces.empty()) {
        const Piece& p = end_box.pieces.back();
        std::string h;
        append_utf8(h, ctx.fonts.face(p.face).has(0x00AD) ? 0x00AD : '-');
        // The hyphen of a word in a link is part of the link (one Link element across lines).
        const bool in_link = p.links() && !line.ops.links.empty();
        const int link = in_link ? static_cast<int>(line.ops.links.size()) - 1 : -1;
        line.ops.text.push_back(TextRun{x, baseline, p.face, p.size, p.color, h, end_box.hyphen_width, -1, link, p.edit, p.lang});
        if (p.edit) change_rule(line.ops, p, x, x + end_box.hyphen_width, baseline, ctx);
        x += end_box.hyphen_width;
      }
      line.width = x;
      lines.push_back(std::move(line));
      from = to + 1;
    }
    seg_start = k + 1;
  }
  return lines;
}

}  // namespace

std::vector<LineBox> layout_inlines(const model::Inlines& inlines, const TextStyle& style, float width,
                                    LayoutContext& ctx) {
  if (!ctx.lines) return break_lines(inlines, style, width, ctx);
  std::string key = LineCache::key(inlines, style, width);
  if (const auto* hit = ctx.lines->find(key)) return *hit;
  const std::size_t mark = ctx.sink.size();
  std::vector<LineBox> lines = break_lines(inlines, style, width, ctx);
  // Lines that reported something (a missing glyph) are not remembered: a cached copy
  // would not report it again for the next document.
  if (ctx.sink.size() == mark) ctx.lines->store(std::move(key), lines);
  return lines;
}

}  // namespace okgen::render::pdf
