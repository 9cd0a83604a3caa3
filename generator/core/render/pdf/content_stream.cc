// Page content streams (see content_stream.h).
#include "render/pdf/content_stream.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

#include "render/pdf/font_set.h"
#include "util/text.h"

namespace okgen::render::pdf {
namespace {

const ContentFont& font_of(const FontTable& fonts, const FaceKey& k) {
  const std::size_t i = k.index();
  if (i >= fonts.size() || !fonts[i]) throw std::out_of_range("a text run uses a face that is not embedded");
  return *fonts[i];
}

}  // namespace

std::vector<RuleOp> merge_rules(const RuleOp* first, const RuleOp* last) {
  // Table cells each draw their four sides, so shared borders come twice and a column's
  // border is one segment per row; a block quote's bar one per line. Horizontal and
  // vertical segments on one line that touch or overlap are drawn as one (butt caps: the
  // same ink), which is about a quarter of a table page's content.
  constexpr float eps = 0.01f;
  std::vector<RuleOp> h, v, other;
  for (const RuleOp* r = first; r != last; ++r) {
    RuleOp n = *r;
    if (std::abs(n.y1 - n.y2) < eps) {
      if (n.x2 < n.x1) std::swap(n.x1, n.x2);
      h.push_back(n);
    } else if (std::abs(n.x1 - n.x2) < eps) {
      if (n.y2 < n.y1) std::swap(n.y1, n.y2);
      v.push_back(n);
    } else {
      other.push_back(n);
    }
  }
  // Sorted along their line, then joined where one starts before the previous ends.
  auto join = [&](std::vector<RuleOp>& rs, bool horizontal) {
    auto line = [&](const RuleOp& r) { return horizontal ? r.y1 : r.x1; };
    auto start = [&](const RuleOp& r) { return horizontal ? r.x1 : r.y1; };
    auto end = [&](RuleOp& r) -> float& { return horizontal ? r.x2 : r.y2; };
    std::stable_sort(rs.begin(), rs.end(), [&](const RuleOp& a, const RuleOp& b) {
      return line(a) != line(b) ? line(a) < line(b) : start(a) < start(b);
    });
    std::vector<RuleOp> joined;
    for (RuleOp r : rs) {
      if (!joined.empty() && std::abs(line(joined.back()) - line(r)) < eps && start(r) <= end(joined.back()) + eps) {
        end(joined.back()) = std::max(end(joined.back()), end(r));
        continue;
      }
      joined.push_back(r);
    }
    return joined;
  };
  std::vector<RuleOp> out = join(h, true);
  std::vector<RuleOp> vs = join(v, false);
  out.insert(out.end(), vs.begin(), vs.end());
  out.insert(out.end(), other.begin(), other.end());
  return out;
}

void index_glyphs(ContentFont& f) {
  // Up to the highest BMP character the font draws (at least Latin-1, so ' ' is always in
  // it): a full 65 536 entries was 128 KB cleared per font and document.
  char32_t top = 0xFF;
  for (const auto& entry : f.font->codes) {
    if (entry.first < 0x10000) top = std::max(top, entry.first);
  }
  f.bmp.assign(static_cast<std::size_t>(top) + 1, 0);
  for (const auto& [cp, code] : f.font->codes) {
    if (cp < 0x10000) f.bmp[cp] = code;
  }
  f.code_widths.clear();
  if (f.font->one_byte) {
    for (unsigned c = 0; c < 256; ++c) f.code_widths.push_back(f.font->code_width(static_cast<std::uint16_t>(c)));
  }
}

void append_number(std::string& out, double v) {
  // Hundredths of a point are far below what print or screen shows; fixed-point digits
  // keep the bytes identical on every machine and are much faster than printf.
  long long n = std::llround(v * 100.0);
  if (n < 0) {
    out.push_back('-');
    n = -n;
  }
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, n / 100).ptr;
  out.append(digits, end);
  const int frac = static_cast<int>(n % 100);
  if (frac) {
    out.push_back('.');
    out.push_back(static_cast<char>('0' + frac / 10));
    if (frac % 10) out.push_back(static_cast<char>('0' + frac % 10));
  }
}

void append_color(std::string& out, const Color& c, bool stroke) {
  // Colours come from #rrggbb: three decimals keep every 8-bit value distinct.
  auto component = [&](float v) {
    long n = std::lround(static_cast<double>(v) * 1000.0);
    if (n <= 0) {
      out += "0 ";
    } else if (n >= 1000) {
      out += "1 ";
    } else {
      char buf[8] = {'0', '.', static_cast<char>('0' + n / 100), static_cast<char>('0' + n / 10 % 10),
                     static_cast<char>('0' + n % 10), 0, 0, 0};
      int len = 5;
      while (buf[len - 1] == '0') --len;
      out.append(buf, static_cast<std::size_t>(len));
      out.push_back(' ');
    }
  };
  // Greys (text colour, rules) in DeviceGray: one number instead of three.
  if (c.r == c.g && c.g == c.b) {
    component(c.r);
    out += stroke ? "G\n" : "g\n";
    return;
  }
  component(c.r);
  component(c.g);
  component(c.b);
  out += stroke ? "RG\n" : "rg\n";
}

namespace {

void append_code_byte(std::string& out, unsigned char b) {
  // In a literal string only the delimiters, the escape character and a carriage
  // return (which readers would turn into a line feed) need escaping.
  if (b == '(' || b == ')' || b == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(b));
  } else if (b == '\r') {
    out += "\\r";
  } else {
    out.push_back(static_cast<char>(b));
  }
}

void append_code(std::string& out, const ContentFont& font, std::uint16_t code) {
  if (!font.font->one_byte) append_code_byte(out, static_cast<unsigned char>(code >> 8));
  append_code_byte(out, static_cast<unsigned char>(code & 0xFF));
}

}  // namespace

long append_glyph_codes(std::string& out, const ContentFont& font, const std::string& text, int* spaces) {
  // Every line of text passes here: ASCII is decoded inline, and one-byte fonts take their
  // widths from the table index_glyphs made.
  const bool one_byte = font.font->one_byte;
  long width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_codepoint(text, i);
    // Characters beyond the table are not in the font (code 0) or outside the BMP.
    const std::uint16_t code = cp < font.bmp.size() ? font.bmp[cp] : cp < 0x10000 ? 0 : font.font->code(cp);
    width += one_byte ? font.code_widths[code] : font.font->code_width(code);
    if (spaces && one_byte && code == ' ') ++*spaces;
    append_code(out, font, code);
  }
  return width;
}

namespace {

// The word spacing (Tw) for a line: the first gap between words beyond the space
// width. Word spacing applies to every byte 32 in the line's strings, so it is only
// used where the runs themselves hold no spaces and the font has one-byte codes.
double line_word_spacing(const Ops& ops, std::size_t first, const ContentFont& f, const FontTable& fonts) {
  if (!f.font->one_byte) return 0;
  const TextRun& head = ops.text[first];
  const double space = f.font->code_width(f.bmp[' ']) * static_cast<double>(head.size) / 1000.0;
  double tw = 0;
  bool found = false;
  for (std::size_t k = first; k < ops.text.size(); ++k) {
    const TextRun& t = ops.text[k];
    if (k > first && (t.y != head.y || &font_of(fonts, t.face) != &f || t.size != head.size || !(t.color == head.color))) break;
    if (t.text.find(' ') != std::string::npos) return 0;
    if (k > first && !found) {
      const TextRun& prev = ops.text[k - 1];
      const double gap = t.x - (prev.x + prev.width);
      if (gap > space * 0.5) {
        tw = gap - space;
        found = true;
      }
    }
  }
  // Rounded as append_number writes it, so the pen follows what a reader computes.
  return std::round(tw * 100.0) / 100.0;
}

}  // namespace

std::string page_content(const Ops& ops, float H, const FontTable& fonts, const std::vector<std::string>& resources,
                         const StructTree* tags, std::vector<int>* mcid_nodes) {
  std::string s;
  s.reserve(ops.text.size() * 24 + ops.rules.size() * 40 + ops.rects.size() * 48);
  // Fills and rules are decoration (table borders and shading, bars, signing lines, the
  // title band, the running rules): one artifact.
  const bool graphics = !ops.rects.empty() || !ops.rules.empty();
  if (tags && graphics) s += "/Artifact BMC\n";
  for (std::size_t k = 0; k < ops.rects.size(); ++k) {
    const RectOp& r = ops.rects[k];
    if (k == 0 || !(r.fill == ops.rects[k - 1].fill)) append_color(s, r.fill, false);
    append_number(s, r.x);
    s.push_back(' ');
    append_number(s, H - r.y - r.h);
    s.push_back(' ');
    append_number(s, r.w);
    s.push_back(' ');
    append_number(s, r.h);
    s += " re f\n";
  }
  // Rules with the same colour and width share one path.
  for (std::size_t k = 0; k < ops.rules.size();) {
    const RuleOp& first = ops.rules[k];
    append_color(s, first.color, true);
    append_number(s, first.width);
    s += " w\n";
    std::size_t end = k;
    while (end < ops.rules.size() && ops.rules[end].color == first.color && ops.rules[end].width == first.width) ++end;
    for (const RuleOp& r : merge_rules(ops.rules.data() + k, ops.rules.data() + end)) {
      append_number(s, r.x1);
      s.push_back(' ');
      append_number(s, H - r.y1);
      s += " m ";
      append_number(s, r.x2);
      s.push_back(' ');
      append_number(s, H - r.y2);
      s += " l\n";
    }
    k = end;
    s += "S\n";
  }
  if (tags && graphics) s += "EMC\n";
  if (ops.text.empty()) return s;
  s += "BT\n";
  constexpr int kUnmarked = -2;
  int marked = kUnmarked;  // the element whose marked content is open (-1: an artifact)
  bool soft_end = false;   // the last run ended in a soft hyphen (a word broken over lines)
  const ContentFont* current = nullptr;
  float size = 0;
  Color color{-1, -1, -1};
  bool open = false;   // inside a TJ array
  bool line = false;   // a text line is started (Td) and runs may continue it
  float line_y = 0;    // its baseline (layout coordinates)
  float line_size = 0;  // the size of its first run
  double rise = 0;     // text rise (Ts) in effect
  double tw = 0;       // word spacing in effect
  double pen = 0;      // where the last string ended, in points
  double line_x = 0, line_top = 0;  // start of the current text line (PDF coordinates)
  for (std::size_t i = 0; i < ops.text.size(); ++i) {
    const TextRun& t = ops.text[i];
    const ContentFont& f = font_of(fonts, t.face);
    // A run continues the text line when it does not go back on it and sits on its
    // baseline, or a little above it in a smaller size (a note number): then it needs
    // no Td, only a new array after a change of style and a text rise (Ts) for a raised
    // run. Moves along the line are numbers in the arrays.
    const bool raised = t.y < line_y && line_y - t.y <= 0.5f * line_size && t.size < line_size;
    const bool continues = line && (t.y == line_y || raised) && t.x >= pen - 0.5 * t.size;
    const bool new_mark = tags && t.node != marked;
    if (tags && open && current && current->bmp[' '] != 0) {
      // Word breaks are real spaces in a tagged page (PDF 32000-1 14.8.2.5), so the text
      // read from the structure tree keeps its words apart: at the end of a line of
      // content (but after a soft hyphen, where the word goes on), and at the end of a
      // marked-content sequence that a word gap follows (before a link, after a label).
      const double sp = current->font->code_width(current->bmp[' ']) * static_cast<double>(size) / 1000.0;
      const bool line_end = !continues && marked >= 0 && !soft_end;
      const bool gap_after = new_mark && continues && t.x - pen > sp * 0.5;
      if (line_end || gap_after) {
        append_code(s, *current, current->bmp[' ']);
        pen += sp + (current->font->one_byte ? tw : 0);
      }
    }
    if (new_mark) {
      // A new marked-content sequence: the text array closes with the old one.
      if (open) {
        s += ")] TJ\n";
        open = false;
      }
      if (marked != kUnmarked) s += "EMC\n";
      marked = t.node;
      if (t.node < 0 || t.node >= tags->size()) {
        marked = StructTree::kArtifact;
        s += "/Artifact BMC\n";
      } else {
        s += '/';
        s += (*tags)[t.node].role;
        s += " <</MCID ";
        s += std::to_string(mcid_nodes ? mcid_nodes->size() : 0);
        s += ">> BDC\n";
        if (mcid_nodes) mcid_nodes->push_back(t.node);
      }
    }
    const bool restyle = &f != current || t.size != size || !(t.color == color);
    if (open && (restyle || !continues || (raised != (rise != 0)))) {
      s += ")] TJ\n";
      open = false;
    }
    if (!continues && rise != 0) {
      s += "0 Ts\n";
      rise = 0;
    }
    if (&f != current || t.size != size) {
      s += '/';
      s += resources.at(f.index);
      s.push_back(' ');
      append_number(s, t.size);
      s += " Tf\n";
      current = &f;
      size = t.size;
    }
    if (!(t.color == color)) {
      append_color(s, t.color, false);
      color = t.color;
    }
    if (!open) {
      // Word spacing for the runs in this style from here (see line_word_spacing).
      const double seg_tw = line_word_spacing(ops, i, f, fonts);
      if (seg_tw != tw) {
        append_number(s, seg_tw);
        s += " Tw\n";
        tw = seg_tw;
      }
    }
    if (!continues) {
      // Td moves relative to the start of the previous line: successive lines give the
      // same small numbers ("0 -14 Td"), which compress far better than absolute ones.
      const double x = std::round(t.x * 100.0) / 100.0;
      const double y = std::round((H - t.y) * 100.0) / 100.0;
      append_number(s, x - line_x);
      s.push_back(' ');
      append_number(s, y - line_top);
      s += " Td [(";
      line_x = x;
      line_top = y;
      open = true;
      line = true;
      line_y = t.y;
      line_size = t.size;
      pen = x;
    } else {
      const double space = f.font->code_width(f.bmp[' ']) * static_cast<double>(t.size) / 1000.0;
      if (raised) {
        const double r = std::round((H - t.y) * 100.0) / 100.0 - line_top;
        if (r != rise) {
          append_number(s, r);
          s += " Ts\n";
          rise = r;
        }
      } else if (rise != 0) {
        s += "0 Ts\n";
        rise = 0;
      }
      const bool fresh = !open;  // a new array on the line: "[" without its string yet
      if (fresh) {
        s += "[";
        open = true;
      }
      // Runs on the line are either a word space apart (the space is written, so the
      // text copies with its spaces) or joined; what differs from that is a number (in
      // 1/1000 text space units; negative moves right). Small moves back are fine:
      // widths in /W are rounded to 1/1000 em.
      // (A gap before a new marked-content sequence was written at the end of the last.)
      const bool word_gap = !new_mark && f.bmp[' '] != 0 && t.x - pen > space * 0.5;
      if (word_gap) pen += space + (f.font->one_byte ? tw : 0);
      // Differences below 0.05 pt (a sixtieth of a millimetre) are rounding in /W and
      // never show; the pen keeps the true position, so they never add up.
      const long adjust = std::lround((pen - t.x) * 1000.0 / t.size);
      if (std::abs(pen - t.x) >= 0.05) {
        if (!fresh) s += ")";
        s += std::to_string(adjust);
        s += "(";
        pen -= static_cast<double>(adjust) * t.size / 1000.0;
      } else if (fresh) {
        s += "(";
      }
      if (word_gap) append_code(s, f, f.bmp[' ']);
    }
    int spaces = 0;
    const long w = append_glyph_codes(s, f, t.text, &spaces);
    soft_end = util::ends_with(t.text, "\xC2\xAD");  // U+00AD
    pen += static_cast<double>(w) * t.size / 1000.0 + spaces * tw;
  }
  // The page's last line of content ends in a word break too (its paragraph may go on).
  if (tags && open && marked >= 0 && !soft_end && current && current->bmp[' '] != 0) append_code(s, *current, current->bmp[' ']);
  if (open) s += ")] TJ\n";
  if (marked != kUnmarked) s += "EMC\n";
  s += "ET\n";
  return s;
}
}  // namespace okgen::render::pdf
