// PDF font objects for embedded subset fonts, built with libharu's object API so that they
// are written with the rest of the document (see font_embed.h for the encoding scheme).
#pragma once

#include <hpdf.h>

#include <map>
#include <string>

#include "render/pdf/font_embed.h"

namespace okgen::render::pdf {

/// Font objects shared by the fonts of one document (the one-byte encoding CMap, equal
/// ToUnicode maps).
class PdfFontObjects {
 public:
  explicit PdfFontObjects(HPDF_Doc pdf) : pdf_(pdf) {}
  /// Adds the Type0 font, its CIDFontType2 descendant, descriptor, font program,
  /// CID-to-glyph map and ToUnicode map; returns the Type0 font dictionary (an indirect
  /// object, usable where libharu expects an HPDF_Font), or null when libharu fails.
  HPDF_Dict add(const EmbeddedFont& font);

 private:
  HPDF_Dict one_byte_cmap();
  HPDF_Dict to_unicode(const EmbeddedFont& font);

  HPDF_Doc pdf_;
  HPDF_Dict cmap_ = nullptr;
  // Fonts with the same codes (one_byte_codes shared by a document) share one map.
  std::map<std::string, HPDF_Dict> to_unicode_;
};

}  // namespace okgen::render::pdf
