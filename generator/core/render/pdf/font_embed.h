// A subset TrueType font prepared for embedding as a PDF Type0 font whose CIDs are the
// subset's glyph ids: the character code of each code point, widths in thousandths of an
// em, descriptor metrics and a ToUnicode map.
// Codes are one byte whenever the font has at most 255 glyphs in use (always, for Swedish
// text): printable ASCII keeps its own byte, so content streams read like the text and
// compress like it, and the space is code 32, so justified lines can use word spacing
// (Tw), which PDF applies only to a one-byte code 32. The CID of a one-byte code is the
// code itself (readers such as poppler test the CID, not the byte, for word spacing) and
// a CIDToGIDMap picks the glyph. Fonts with more glyphs use two-byte glyph ids
// (Identity-H, CID = glyph id).
// We embed fonts ourselves instead of through libharu's UTF-8 fonts: libharu builds and
// writes a 65 536-entry CID map for every font and a malformed ToUnicode CMap, and encodes
// every character as a 4-digit hex string.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace okgen::render::pdf {

struct EmbeddedFont {
  std::string base_name;  ///< "ABCDEF+LiberationSerif-Bold" (subset tag + PostScript name)
  std::string font_file;  ///< the subset TrueType program
  bool one_byte = true;    ///< one-byte codes (embedded CMap) or two-byte glyph ids
  std::unordered_map<char32_t, std::uint16_t> codes;  ///< code point -> character code
  std::vector<int> widths;                            ///< per glyph id, 1/1000 em
  std::vector<std::uint16_t> code_glyphs;             ///< one-byte codes: code -> glyph id
  std::vector<std::pair<std::uint16_t, char32_t>> to_unicode;  ///< code -> text, by code
  int bbox[4] = {0, 0, 0, 0};                          ///< 1/1000 em
  int ascent = 800, descent = -200, cap_height = 700;  ///< 1/1000 em
  double italic_angle = 0;
  int flags = 32;  ///< PDF font descriptor flags (nonsymbolic, italic, fixed pitch)

  /// Character code of a code point (0, .notdef, when the subset lacks it).
  std::uint16_t code(char32_t cp) const;
  /// Width of a character code in 1/1000 em, as a reader computes it from /W.
  int code_width(std::uint16_t code) const;
  /// Widths by CID from 0, for the /W array.
  std::vector<int> cid_widths() const;
  /// The ToUnicode CMap (bfrange lines for runs of consecutive codes and characters,
  /// bfchar entries for the rest; UTF-16BE values).
  std::string to_unicode_cmap() const;
};

/// Fonts a writer has prepared, by face, characters and codes: the local agreements of a
/// batch draw much the same characters as each other, and subsetting a face costs more
/// than the rest of embedding it. What a document gets depends only on the key, never on
/// what came before.
class EmbedCache {
 public:
  static std::string key(const std::string& face_file, const std::set<char32_t>& codepoints,
                         const std::map<char32_t, std::uint16_t>& codes);
  const EmbeddedFont* find(const std::string& key) const;
  void store(std::string key, const EmbeddedFont& font);

 private:
  static constexpr std::size_t kMaxFonts = 64;  // bounded, whatever the input
  std::map<std::string, EmbeddedFont> fonts_;
};

/// One-byte codes for a document: printable ASCII as itself, other characters from the
/// free bytes in code point order. Shared by all of a document's fonts, every one of
/// them has the same ToUnicode map, written once. Empty when `codepoints` (the union of
/// what the document's fonts draw) has more characters than there are free bytes.
std::map<char32_t, std::uint16_t> one_byte_codes(const std::set<char32_t>& codepoints);

/// Prepares a subset font (TrueType bytes from Face::subset) that contains `codepoints`.
/// With `shared` (from one_byte_codes, holding every one of `codepoints`) the font uses
/// those codes and maps all of them back to Unicode; without it, or when it is empty, its
/// own (one_byte_codes of `codepoints`, or two-byte glyph ids when they do not fit).
/// Returns false (and leaves `out` unspecified) when HarfBuzz cannot read the bytes.
bool prepare_embedded_font(const std::string& subset_bytes, const std::set<char32_t>& codepoints,
                           EmbeddedFont& out, const std::map<char32_t, std::uint16_t>* shared = nullptr);

}  // namespace okgen::render::pdf
