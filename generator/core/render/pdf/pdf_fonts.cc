// PDF font objects (see pdf_fonts.h).
#include "render/pdf/pdf_fonts.h"


#include <cstdint>
#include <string>
#include <vector>

#include "render/pdf/pdf_objects.h"

namespace okgen::render::pdf {
namespace {

// A stream object holding `data`; null on failure. pdf_finish compresses it.
HPDF_Dict flate_stream(HPDF_Doc pdf, const std::string& data) {
  HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!s) return nullptr;
  if (HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                        static_cast<HPDF_UINT>(data.size())) != HPDF_OK) {
    return nullptr;
  }
  return s;
}

HPDF_Dict system_info(HPDF_Doc pdf) {
  HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
  if (!d) return nullptr;
  HPDF_Dict_Add(d, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", nullptr));
  HPDF_Dict_Add(d, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", nullptr));
  HPDF_Dict_AddNumber(d, "Supplement", 0);
  return d;
}

}  // namespace

HPDF_Dict PdfFontObjects::one_byte_cmap() {
  if (cmap_) return cmap_;
  // CID = code for every byte: the glyphs are chosen by each font's CIDToGIDMap.
  const std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> def\n"
      "/CMapName /Okgen-OneByte-H def\n/CMapType 1 def\n"
      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
      "1 begincidrange\n<00> <FF> 0\nendcidrange\n"
      "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  cmap_ = flate_stream(pdf_, cmap);
  if (!cmap_) return nullptr;
  HPDF_Dict_AddName(cmap_, "Type", "CMap");
  HPDF_Dict_AddName(cmap_, "CMapName", "Okgen-OneByte-H");
  HPDF_Dict_Add(cmap_, "CIDSystemInfo", system_info(pdf_));
  return cmap_;
}

HPDF_Dict PdfFontObjects::to_unicode(const EmbeddedFont& f) {
  std::string cmap = f.to_unicode_cmap();
  auto it = to_unicode_.find(cmap);
  if (it != to_unicode_.end()) return it->second;
  HPDF_Dict s = flate_stream(pdf_, cmap);
  if (s) to_unicode_.emplace(std::move(cmap), s);
  return s;
}

HPDF_Dict PdfFontObjects::add(const EmbeddedFont& f) {
  HPDF_MMgr mm = pdf_->mmgr;
  HPDF_Dict file = flate_stream(pdf_, f.font_file);
  HPDF_Dict to_unicode = this->to_unicode(f);
  HPDF_Dict descriptor = new_indirect_dict(pdf_);
  HPDF_Dict cid = new_indirect_dict(pdf_);
  HPDF_Dict font = new_indirect_dict(pdf_);
  if (!file || !to_unicode || !descriptor || !cid || !font) return nullptr;
  HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(f.font_file.size()));

  HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
  HPDF_Dict_AddName(descriptor, "FontName", f.base_name.c_str());
  HPDF_Dict_AddNumber(descriptor, "Flags", f.flags);
  HPDF_Dict_Add(descriptor, "FontBBox", new_int_array(pdf_, {f.bbox[0], f.bbox[1], f.bbox[2], f.bbox[3]}));
  HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(f.italic_angle));
  HPDF_Dict_AddNumber(descriptor, "Ascent", f.ascent);
  HPDF_Dict_AddNumber(descriptor, "Descent", f.descent);
  HPDF_Dict_AddNumber(descriptor, "CapHeight", f.cap_height);
  // Not in the font program; 80 is the usual stand-in for a regular text weight.
  HPDF_Dict_AddNumber(descriptor, "StemV", 80);
  HPDF_Dict_Add(descriptor, "FontFile2", file);

  HPDF_Dict_AddName(cid, "Type", "Font");
  HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid, "BaseFont", f.base_name.c_str());
  HPDF_Dict_Add(cid, "CIDSystemInfo", system_info(pdf_));
  HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
  // Widths by CID, which is the code: [0 [w0 w1 ...]].
  HPDF_Array widths = HPDF_Array_New(mm);
  HPDF_Array_AddNumber(widths, 0);
  HPDF_Array_Add(widths, new_int_array(pdf_, f.cid_widths()));
  HPDF_Dict_Add(cid, "W", widths);
  if (f.one_byte) {
    std::string map;
    for (std::uint16_t g : f.code_glyphs) {
      map.push_back(static_cast<char>(g >> 8));
      map.push_back(static_cast<char>(g & 0xFF));
    }
    HPDF_Dict gid_map = flate_stream(pdf_, map);
    if (!gid_map) return nullptr;
    HPDF_Dict_Add(cid, "CIDToGIDMap", gid_map);
  } else {
    HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
  }

  HPDF_Array descendants = HPDF_Array_New(mm);
  HPDF_Array_Add(descendants, cid);
  HPDF_Dict_AddName(font, "Type", "Font");
  HPDF_Dict_AddName(font, "Subtype", "Type0");
  HPDF_Dict_AddName(font, "BaseFont", f.base_name.c_str());
  if (f.one_byte) {
    HPDF_Dict cmap = one_byte_cmap();
    if (!cmap) return nullptr;
    HPDF_Dict_Add(font, "Encoding", cmap);
  } else {
    HPDF_Dict_AddName(font, "Encoding", "Identity-H");
  }
  HPDF_Dict_Add(font, "DescendantFonts", descendants);
  HPDF_Dict_Add(font, "ToUnicode", to_unicode);
  return font;
}

}  // namespace okgen::render::pdf
