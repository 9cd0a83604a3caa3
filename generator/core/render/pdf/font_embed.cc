// Embedding data for a subset font (see font_embed.h), read back from the subset with
// HarfBuzz so that glyph ids and widths are those of the bytes actually embedded.
#include "render/pdf/font_embed.h"

#include "render/pdf/font_set.h"
#include "render/pdf/pdf_objects.h"

#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace okgen::render::pdf {
namespace {

// Big-endian integers from a font table; 0 when the table is too short.
int be16(const char* d, unsigned len, unsigned at) {
  if (at + 2 > len) return 0;
  return static_cast<std::int16_t>((static_cast<unsigned char>(d[at]) << 8) | static_cast<unsigned char>(d[at + 1]));
}
std::uint32_t be32(const char* d, unsigned len, unsigned at) {
  if (at + 4 > len) return 0;
  std::uint32_t v = 0;
  for (unsigned i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(d[at + i]);
  return v;
}

// Six capital letters naming the subset (PDF 32000 9.6.4): derived from the font and the
// glyphs it holds, so the same input always gives the same name.
std::string subset_tag(const std::string& name, const std::set<char32_t>& cps) {
  std::uint64_t h = 1469598103934665603ull;
  auto mix = [&](std::uint64_t v) {
    h ^= v;
    h *= 1099511628211ull;
  };
  for (char c : name) mix(static_cast<unsigned char>(c));
  for (char32_t cp : cps) mix(cp);
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag.push_back(static_cast<char>('A' + h % 26));
    h /= 26;
  }
  return tag;
}

// The font program without the tables a PDF reader never uses for a CIDFontType2 font
// (PDF 32000 9.9: "cmap" is needed only by simple fonts; glyph names and the naming table
// are not read at all); they were needed above to map code points and name the font, and
// are about 700 bytes of each embedded face. HarfBuzz's face builder writes the table
// directory and checksums; the order of the tables stays the font's own.
std::string without_unused_tables(hb_face_t* face) {
  hb_face_t* builder = hb_face_builder_create();
  hb_tag_t tags[32];
  unsigned start = 0, count = 32;
  while (hb_face_get_table_tags(face, start, &count, tags), count > 0) {
    for (unsigned i = 0; i < count; ++i) {
      if (tags[i] == HB_TAG('c', 'm', 'a', 'p') || tags[i] == HB_TAG('n', 'a', 'm', 'e') ||
          tags[i] == HB_TAG('p', 'o', 's', 't')) {
        continue;
      }
      hb_blob_t* table = hb_face_reference_table(face, tags[i]);
      hb_face_builder_add_table(builder, tags[i], table);
      hb_blob_destroy(table);
    }
    start += count;
    count = 32;
  }
  return take_face_bytes(builder);
}

int per_mille(double v, double upem) { return static_cast<int>(std::lround(v * 1000.0 / upem)); }

}  // namespace

std::uint16_t EmbeddedFont::code(char32_t cp) const {
  auto it = codes.find(cp);
  return it == codes.end() ? 0 : it->second;
}

int EmbeddedFont::code_width(std::uint16_t c) const {
  const std::uint16_t gid = one_byte ? (c < code_glyphs.size() ? code_glyphs[c] : 0) : c;
  return gid < widths.size() ? widths[gid] : 0;
}

std::vector<int> EmbeddedFont::cid_widths() const {
  if (!one_byte) return widths;
  std::vector<int> out;
  for (std::size_t c = 0; c < code_glyphs.size(); ++c) {
    if (code_glyphs[c] != 0) out.resize(c + 1, 0), out[c] = widths[code_glyphs[c]];
  }
  return out;
}

std::string EmbeddedFont::to_unicode_cmap() const {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n" + std::string(one_byte ? "<00> <FF>" : "<0000> <FFFF>") + "\nendcodespacerange\n";
  auto hex_code = [&](std::uint16_t c) {
    char code[8];
    std::snprintf(code, sizeof code, one_byte ? "%02X" : "%04X", static_cast<unsigned>(c));
    return std::string(code);
  };
  // Consecutive codes for consecutive characters (printable ASCII keeps its own byte, so
  // most of a font's codes) are one bfrange line. A range may not cross a change in a
  // code's high byte nor carry past the last byte of the UTF-16 value (PDF 32000 9.10.3).
  std::vector<std::pair<std::size_t, std::size_t>> ranges, singles;  // [first, last] into to_unicode
  for (std::size_t i = 0; i < to_unicode.size();) {
    std::size_t j = i;
    while (j + 1 < to_unicode.size() && to_unicode[j + 1].first == to_unicode[j].first + 1 &&
           to_unicode[j + 1].second == to_unicode[j].second + 1 && to_unicode[j + 1].second < 0x10000 &&
           (to_unicode[j + 1].first >> 8) == (to_unicode[i].first >> 8) &&
           (to_unicode[j + 1].second >> 8) == (to_unicode[i].second >> 8)) {
      ++j;
    }
    (j > i ? ranges : singles).emplace_back(i, j);
    i = j + 1;
  }
  // At most 100 entries per section.
  for (std::size_t i = 0; i < singles.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, singles.size() - i);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      const auto& e = to_unicode[singles[k].first];
      s += "<" + hex_code(e.first) + "> <" + utf16_hex(e.second) + ">\n";
    }
    s += "endbfchar\n";
  }
  for (std::size_t i = 0; i < ranges.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
    s += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = i; k < i + n; ++k) {
      const auto& first = to_unicode[ranges[k].first];
      const auto& last = to_unicode[ranges[k].second];
      s += "<" + hex_code(first.first) + "> <" + hex_code(last.first) + "> <" + utf16_hex(first.second) + ">\n";
    }
    s += "endbfrange\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

std::string EmbedCache::key(const std::string& face_file, const std::set<char32_t>& codepoints,
                            const std::map<char32_t, std::uint16_t>& codes) {
  std::string k = face_file;
  k.push_back('\0');
  for (char32_t cp : codepoints) k.append(reinterpret_cast<const char*>(&cp), sizeof cp);
  k.push_back('\0');
  for (const auto& [cp, code] : codes) {
    k.append(reinterpret_cast<const char*>(&cp), sizeof cp);
    k.append(reinterpret_cast<const char*>(&code), sizeof code);
  }
  return k;
}

const EmbeddedFont* EmbedCache::find(const std::string& key) const {
  auto it = fonts_.find(key);
  return it == fonts_.end() ? nullptr : &it->second;
}

void EmbedCache::store(std::string key, const EmbeddedFont& font) {
  if (fonts_.size() >= kMaxFonts) fonts_.clear();
  fonts_.emplace(std::move(key), font);
}

std::map<char32_t, std::uint16_t> one_byte_codes(const std::set<char32_t>& codepoints) {
  // The free bytes: never 0 (.notdef) nor line ends, which literal strings would have to
  // escape.
  std::vector<std::uint16_t> pool;
  for (unsigned c = 0x80; c <= 0xFF; ++c) pool.push_back(static_cast<std::uint16_t>(c));
  for (unsigned c = 0x01; c < 0x20; ++c) {
    if (c != '\n' && c != '\r') pool.push_back(static_cast<std::uint16_t>(c));
  }
  pool.push_back(0x7F);
  std::map<char32_t, std::uint16_t> out;
  std::size_t next = 0;
  for (char32_t cp : codepoints) {
    if (cp >= 0x20 && cp <= 0x7E) {
      out[cp] = static_cast<std::uint16_t>(cp);
    } else {
      if (next == pool.size()) return {};
      out[cp] = pool[next++];
    }
  }
  return out;
}

bool prepare_embedded_font(const std::string& subset_bytes, const std::set<char32_t>& codepoints,
                           EmbeddedFont& out, const std::map<char32_t, std::uint16_t>* shared) {
  if (shared && !shared->empty()) {
    for (char32_t cp : codepoints) {
      if (!shared->count(cp)) return false;
    }
  }
  hb_blob_t* blob = hb_blob_create_or_fail(subset_bytes.data(), static_cast<unsigned>(subset_bytes.size()),
                                           HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  if (!blob) return false;
  hb_face_t* face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  const unsigned glyph_count = hb_face_get_glyph_count(face);
  if (glyph_count == 0 || glyph_count > 0xFFFF) {
    hb_face_destroy(face);
    return false;
  }
  hb_font_t* font = hb_font_create(face);
  const double upem = hb_face_get_upem(face);

  out.widths.assign(glyph_count, 0);
  for (unsigned g = 0; g < glyph_count; ++g) out.widths[g] = per_mille(hb_font_get_glyph_h_advance(font, g), upem);
  std::vector<std::pair<char32_t, std::uint16_t>> present;  // in code point order
  for (char32_t cp : codepoints) {
    hb_codepoint_t g = 0;
    if (hb_font_get_nominal_glyph(font, cp, &g) && g != 0) present.emplace_back(cp, static_cast<std::uint16_t>(g));
  }
  out.codes.clear();
  out.to_unicode.clear();
  out.code_glyphs.clear();
  const bool use_shared = shared && !shared->empty();
  std::map<char32_t, std::uint16_t> own;
  if (!use_shared) {
    std::set<char32_t> has;
    for (const auto& e : present) has.insert(e.first);
    own = one_byte_codes(has);
  }
  const std::map<char32_t, std::uint16_t>& table = use_shared ? *shared : own;
  out.one_byte = !table.empty();
  if (out.one_byte) {
    out.code_glyphs.assign(256, 0);
    for (const auto& [cp, g] : present) {
      const std::uint16_t c = table.at(cp);  // checked above for a shared table
      out.codes[cp] = c;
      out.code_glyphs[c] = g;
    }
    for (const auto& [cp, c] : table) out.to_unicode.emplace_back(c, cp);
  } else {
    for (const auto& [cp, g] : present) {
      out.codes[cp] = g;
      out.to_unicode.emplace_back(g, cp);
    }
  }
  // One entry per code: where two code points share a glyph (a space and a no-break
  // space) in a two-byte font, the lower one is what copying the text gives.
  std::sort(out.to_unicode.begin(), out.to_unicode.end());
  out.to_unicode.erase(std::unique(out.to_unicode.begin(), out.to_unicode.end(),
                                   [](const auto& a, const auto& b) { return a.first == b.first; }),
                       out.to_unicode.end());

  char name[128];
  unsigned len = sizeof name;
  std::string ps = "Font";
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name) > 0 && len > 0) {
    ps.clear();
    // A PDF name: keep the PostScript name's letters, digits and hyphens only.
    for (unsigned i = 0; i < len && name[i]; ++i) {
      const char c = name[i];
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') ps.push_back(c);
    }
    if (ps.empty()) ps = "Font";
  }
  out.base_name = subset_tag(ps, codepoints) + "+" + ps;

  hb_font_extents_t ext;
  if (hb_font_get_h_extents(font, &ext)) {
    out.ascent = per_mille(ext.ascender, upem);
    out.descent = per_mille(ext.descender, upem);
  }
  hb_position_t cap = 0;
  out.cap_height = hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) ? per_mille(cap, upem)
                                                                                          : out.ascent;
  hb_blob_t* head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned head_len = 0;
  const char* h = hb_blob_get_data(head, &head_len);
  for (int i = 0; i < 4; ++i) out.bbox[i] = h ? per_mille(be16(h, head_len, 36 + 2 * static_cast<unsigned>(i)), upem) : 0;
  hb_blob_destroy(head);
  hb_blob_t* post = hb_face_reference_table(face, HB_TAG('p', 'o', 's', 't'));
  unsigned post_len = 0;
  const char* p = hb_blob_get_data(post, &post_len);
  out.flags = 32;  // nonsymbolic: the font's own characters in its standard encoding
  if (p) {
    out.italic_angle = static_cast<std::int32_t>(be32(p, post_len, 4)) / 65536.0;
    if (be32(p, post_len, 12) != 0) out.flags |= 1;  // fixed pitch
  }
  if (out.italic_angle != 0) out.flags |= 64;
  hb_blob_destroy(post);
  out.font_file = without_unused_tables(face);

  hb_font_destroy(font);
  hb_face_destroy(face);
  return !out.font_file.empty();
}

}  // namespace okgen::render::pdf
