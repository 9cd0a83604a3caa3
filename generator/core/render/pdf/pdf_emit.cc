// The PDF document with libharu (see pdf_emit.h). libharu reports errors through a C
// callback; the callback only records them (an exception must never cross C frames) and
// every call is checked after.
#include "render/pdf/pdf_emit.h"

#include "render/pdf/content_stream.h"
#include "render/pdf/pdf_fonts.h"
#include "render/pdf/pdf_links.h"

#include <hpdf.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <set>
#include <vector>

namespace okgen::render::pdf {
namespace {

struct ErrorState {
  HPDF_STATUS error = 0;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  auto* state = static_cast<ErrorState*>(user);
  if (state->error == 0) {
    state->error = error;
    state->detail = detail;
  }
}

class HpdfDoc {
 public:
  HpdfDoc() : doc_(HPDF_New(on_error, &state_)) {
    if (!doc_) throw PdfError("libharu could not create a document");
  }
  ~HpdfDoc() { HPDF_Free(doc_); }
  HpdfDoc(const HpdfDoc&) = delete;
  HpdfDoc& operator=(const HpdfDoc&) = delete;

  HPDF_Doc get() const { return doc_; }
  void check(const char* what) const {
    if (state_.error) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "libharu failed (%s): error 0x%04X, detail %u", what,
                    static_cast<unsigned>(state_.error), static_cast<unsigned>(state_.detail));
      throw PdfError(buf);
    }
  }

 private:
  ErrorState state_;
  HPDF_Doc doc_;
};

// The page's content stream, which libharu would otherwise fill through its own drawing
// calls (see content_stream.h for why we write it ourselves).
void write_content(HPDF_Page page, const std::string& content) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                        static_cast<HPDF_UINT>(content.size())) != HPDF_OK) {
    throw PdfError("libharu could not write a page's contents");
  }
}

}  // namespace

std::map<FaceKey, std::set<char32_t>> drawn_glyphs(const Layout& layout) {
  // A bitmap per face for the Basic Multilingual Plane (a document draws some 100 000
  // characters; inserting each into a set would cost more than the rest of the emitter).
  std::map<FaceKey, std::vector<bool>> bmp;
  std::map<FaceKey, std::set<char32_t>> out;
  for (const auto& page : layout.pages) {
    for (const auto& run : page.ops.text) {
      auto& bits = bmp[run.face];
      if (bits.empty()) bits.assign(0x10000, false);
      for (std::size_t i = 0; i < run.text.size();) {
        const char32_t cp = next_codepoint(run.text, i);
        if (cp < 0x10000) {
          bits[cp] = true;
        } else {
          out[run.face].insert(cp);
        }
      }
    }
  }
  for (const auto& [face, bits] : bmp) {
    auto& set = out[face];
    for (char32_t cp = 0; cp < 0x10000; ++cp) {
      if (bits[cp]) set.insert(cp);
    }
  }
  return out;
}

std::string emit_pdf(const Layout& layout, FontSet& fonts, const PdfMetadata& meta) {
  HpdfDoc doc;
  HPDF_Doc pdf = doc.get();
  // Streams are compressed when the file is packed (pdf_finish), with libdeflate.
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  doc.check("setup");

  std::vector<EmbeddedFont> embedded;
  const auto used = drawn_glyphs(layout);
  embedded.reserve(used.size());
  std::vector<FaceKey> keys;
  for (const auto& [key, codepoints] : used) {
    std::set<char32_t> cps = codepoints;
    cps.insert(' ');
    const std::string data = fonts.face(key).subset(cps);
    EmbeddedFont f;
    if (data.empty() || !prepare_embedded_font(data, cps, f)) {
      throw PdfError("cannot subset font " + fonts.face(key).file().string());
    }
    embedded.push_back(std::move(f));
    keys.push_back(key);
  }
  PdfFontObjects objects(pdf);
  std::vector<HPDF_Dict> font_dicts;
  for (const auto& f : embedded) {
    HPDF_Dict d = objects.add(f);
    doc.check("embed font");
    if (!d) throw PdfError("libharu could not add font " + f.base_name);
    font_dicts.push_back(d);
  }

  std::vector<HPDF_Page> pages;
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, layout.width);
    HPDF_Page_SetHeight(page, layout.height);
    pages.push_back(page);
  }
  doc.check("add pages");
  const float H = layout.height;

  std::vector<ContentFont> content_fonts(keys.size());
  std::size_t faces = 0;
  for (const auto& k : keys) faces = std::max(faces, static_cast<std::size_t>(k.family) * 4 + 4);
  FontTable table(faces, nullptr);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    content_fonts[i].font = &embedded[i];
    index_glyphs(content_fonts[i]);
    table[static_cast<std::size_t>(keys[i].family) * 4 + static_cast<std::size_t>(keys[i].variant)] = &content_fonts[i];
  }

  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    HPDF_Page page = pages[i];
    const Ops& ops = layout.pages[i].ops;
    // Each page names the fonts it uses in its own resources.
    std::vector<bool> named(keys.size(), false);
    for (const auto& t : ops.text) {
      const std::size_t k = static_cast<std::size_t>(t.face.family) * 4 + static_cast<std::size_t>(t.face.variant);
      if (k >= table.size() || !table[k]) throw PdfError("a text run uses a font that was not recorded");
      const std::size_t idx = static_cast<std::size_t>(table[k] - content_fonts.data());
      if (named[idx]) continue;
      const char* name = HPDF_Page_GetLocalFontName(page, font_dicts[idx]);
      doc.check("page font");
      if (!name) throw PdfError("libharu could not name a font");
      content_fonts[idx].resource = name;
      named[idx] = true;
    }
    write_content(page, page_content(ops, H, table));
    const bool links_ok = add_links(pdf, page, ops, layout, pages);
    doc.check("links");
    if (!links_ok) throw PdfError("libharu could not add the links of a page");
  }

  const bool catalog_ok = add_catalog_objects(pdf, layout, pages, meta);
  doc.check("metadata and outline");
  if (!catalog_ok) throw PdfError("libharu could not add the metadata and outline");
  HPDF_SaveToStream(pdf);
  doc.check("save");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  std::string out(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &read);
  // libharu reports the end of the stream as an error after a complete read.
  out.resize(read);
  return out;
}

}  // namespace okgen::render::pdf
