// Page content streams (see content_stream.h).
#include "render/pdf/content_stream.h"

#include <cmath>
#include <stdexcept>

#include "render/pdf/font_set.h"

namespace okgen::render::pdf {
namespace {

const ContentFont& font_of(const FontTable& fonts, const FaceKey& k) {
  const std::size_t i = k.index();
  if (i >= fonts.size() || !fonts[i]) throw std::out_of_range("a text run uses a face that is not embedded");
  return *fonts[i];
}

}  // namespace

void index_glyphs(ContentFont& f) {
  f.bmp.assign(0x10000, 0);
  for (const auto& [cp, code] : f.font->codes) {
    if (cp < 0x10000) f.bmp[cp] = code;
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
  out += std::to_string(n / 100);
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
  long width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_codepoint(text, i);
    const std::uint16_t code = cp < 0x10000 ? font.bmp[cp] : font.font->code(cp);
    width += font.font->code_width(code);
    if (spaces && code == ' ' && font.font->one_byte) ++*spaces;
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

std::string page_content(const Ops& ops, float H, const FontTable& fonts, const std::vector<std::string>& resources) {
  std::string s;
  s.reserve(ops.text.size() * 24 + ops.rules.size() * 40 + ops.rects.size() * 48);
  for (const auto& r : ops.rects) {
    append_color(s, r.fill, false);
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
    for (; k < ops.rules.size() && ops.rules[k].color == first.color && ops.rules[k].width == first.width; ++k) {
      const RuleOp& r = ops.rules[k];
      append_number(s, r.x1);
      s.push_back(' ');
      append_number(s, H - r.y1);
      s += " m ";
      append_number(s, r.x2);
      s.push_back(' ');
      append_number(s, H - r.y2);
      s += " l\n";
    }
    s += "S\n";
  }
  if (ops.text.empty()) return s;
  s += "BT\n";
  const ContentFont* current = nullptr;
  float size = 0;
  Color color{-1, -1, -1};
  bool open = false;  // inside a TJ array
  float line_y = 0;
  double tw = 0;       // word spacing in effect
  double line_tw = 0;  // word spacing of the open line
  double pen = 0;      // where the last string ended, in points
  double line_x = 0, line_top = 0;  // start of the current text line (PDF coordinates)
  for (std::size_t i = 0; i < ops.text.size(); ++i) {
    const TextRun& t = ops.text[i];
    const ContentFont& f = font_of(fonts, t.face);
    const bool restyle = &f != current || t.size != size || !(t.color == color);
    // Runs on the same baseline in the same style continue the line's array: a gap of
    // about a word space becomes a space (so the text copies with its spaces), and what
    // differs from the space plus the line's word spacing a number (in 1/1000 text space
    // units; negative moves right).
    // (Small moves back are fine: widths in /W are rounded to 1/1000 em.)
    if (open && (restyle || t.y != line_y || t.x < pen - 0.5 * t.size)) {
      s += ")] TJ\n";
      open = false;
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
      line_tw = line_word_spacing(ops, i, f, fonts);
      if (line_tw != tw) {
        append_number(s, line_tw);
        s += " Tw\n";
        tw = line_tw;
      }
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
      line_y = t.y;
      pen = x;
    } else {
      const double space = f.font->code_width(f.bmp[' ']) * static_cast<double>(t.size) / 1000.0;
      const bool word_gap = f.bmp[' '] != 0 && t.x - pen > space * 0.5;
      if (word_gap) pen += space + (f.font->one_byte ? tw : 0);
      // Differences below 0.05 pt (a sixtieth of a millimetre) are rounding in /W and
      // never show; the pen keeps the true position, so they never add up.
      const long adjust = std::lround((pen - t.x) * 1000.0 / t.size);
      if (std::abs(pen - t.x) >= 0.05) {
        s += ")";
        s += std::to_string(adjust);
        s += "(";
        pen -= static_cast<double>(adjust) * t.size / 1000.0;
      }
      if (word_gap) append_code(s, f, f.bmp[' ']);
    }
    int spaces = 0;
    const long w = append_glyph_codes(s, f, t.text, &spaces);
    pen += static_cast<double>(w) * t.size / 1000.0 + spaces * tw;
  }
  if (open) s += ")] TJ\n";
  s += "ET\n";
  return s;
}
}  // namespace okgen::render::pdf
