// The PDF document with libharu (see pdf_emit.h). libharu reports errors through a C
// callback; the callback only records them (an exception must never cross C frames) and
// every call is checked after.
#include "render/pdf/pdf_emit.h"

#include "render/pdf/content_stream.h"
#include "render/pdf/pdf_fonts.h"
#include "render/pdf/pdf_links.h"
#include "render/pdf/pdf_objects.h"
#include "render/pdf/pdf_structure.h"
#include "util/parallel.h"

#include <hpdf.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <optional>
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

// The number of a page's content stream object, whose data pdf_finish supplies.
std::uint64_t content_object(HPDF_Page page) {
  return object_number(static_cast<HPDF_PageAttr>(page->attr)->contents);
}

}  // namespace

std::map<FaceKey, std::set<char32_t>> drawn_glyphs(const Layout& layout) {
  // A bitmap per face for the Basic Multilingual Plane (a document draws some 100 000
  // characters; inserting each into a set would cost more than the rest of the emitter),
  // read back a 64-bit word at a time.
  using Bits = std::vector<std::uint64_t>;
  std::map<FaceKey, Bits> bmp;
  std::map<FaceKey, std::set<char32_t>> out;
  const FaceKey* last = nullptr;
  Bits* current = nullptr;
  for (const auto& page : layout.pages) {
    for (const auto& run : page.ops.text) {
      if (!last || !(*last == run.face)) {
        current = &bmp[run.face];
        if (current->empty()) current->assign(0x10000 / 64, 0);
        last = &run.face;
      }
      const std::string& t = run.text;
      for (std::size_t i = 0; i < t.size();) {
        const char32_t cp = next_codepoint(t, i);
        if (cp < 0x10000) {
          (*current)[cp / 64] |= std::uint64_t{1} << (cp % 64);
        } else {
          out[run.face].insert(cp);
        }
      }
    }
  }
  for (const auto& [face, bits] : bmp) {
    auto& set = out[face];
    for (std::size_t w = 0; w < bits.size(); ++w) {
      for (std::uint64_t v = bits[w]; v; v &= v - 1) {
        set.insert(static_cast<char32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(v))));
      }
    }
  }
  return out;
}

EmittedPdf emit_pdf(const Layout& layout, FontSet& fonts, const PdfMetadata& meta, EmbedCache* cache,
                    bool two_threads) {
  HpdfDoc doc;
  HPDF_Doc pdf = doc.get();
  // Streams are compressed when the file is packed (pdf_finish), with libdeflate.
  HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);
  doc.check("setup");

  std::vector<EmbeddedFont> embedded;
  EmittedPdf out;
  const auto used = drawn_glyphs(layout);
  embedded.reserve(used.size());
  std::vector<FaceKey> keys;
  // One set of one-byte codes for all fonts, when the document's characters fit.
  std::set<char32_t> all{' '};
  for (const auto& e : used) all.insert(e.second.begin(), e.second.end());
  const std::map<char32_t, std::uint16_t> shared = one_byte_codes(all);
  for (const auto& [key, codepoints] : used) {
    std::set<char32_t> cps = codepoints;
    cps.insert(' ');
    std::string cache_key;
    if (cache) {
      cache_key = EmbedCache::key(fonts.face(key).file().string(), cps, shared);
      if (const EmbeddedFont* known = cache->find(cache_key)) {
        embedded.push_back(*known);
        keys.push_back(key);
        continue;
      }
    }
    const std::string data = fonts.face(key).subset(cps);
    EmbeddedFont f;
    if (data.empty() || !prepare_embedded_font(data, cps, f, &shared)) {
      throw PdfError("cannot subset font " + fonts.face(key).file().string());
    }
    if (cache) cache->store(std::move(cache_key), f);
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
  for (const auto& k : keys) faces = std::max(faces, k.index() + 1);
  FontTable table(faces, nullptr);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    content_fonts[i].index = i;
    content_fonts[i].font = &embedded[i];
    index_glyphs(content_fonts[i]);
    table[keys[i].index()] = &content_fonts[i];
  }

  // libharu first, one page after the other: each page names the fonts it uses in its
  // own resources, and gets its links.
  std::vector<std::vector<std::string>> names(layout.pages.size(), std::vector<std::string>(keys.size()));
  std::vector<TaggedPage> tagged(layout.pages.size());
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    HPDF_Page page = pages[i];
    const Ops& ops = layout.pages[i].ops;
    for (const auto& t : ops.text) {
      const std::size_t k = t.face.index();
      if (k >= table.size() || !table[k]) throw PdfError("a text run uses a font that was not recorded");
      const std::size_t idx = table[k]->index;
      if (!names[i][idx].empty()) continue;
      const char* name = HPDF_Page_GetLocalFontName(page, font_dicts[idx]);
      doc.check("page font");
      if (!name) throw PdfError("libharu could not name a font");
      names[i][idx] = name;
    }
    const bool links_ok = add_links(pdf, page, ops, layout, pages, tagged[i].annots);
    doc.check("links");
    if (!links_ok) throw PdfError("libharu could not add the links of a page");
  }
  // Then the page contents, each page's on its own.
  std::vector<std::string> contents(layout.pages.size());
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    contents[i] = page_content(layout.pages[i].ops, H, table, names[i], &layout.tags, &tagged[i].mcid_nodes);
  }
  // With a core to spare, they are compressed there while this thread writes the outline,
  // the structure tree and libharu's file (the largest share of what is left to compress).
  std::vector<std::string> deflated(two_threads ? contents.size() : 0);
  std::optional<util::Helper> helper;
  if (two_threads) {
    helper.emplace([&contents, &deflated] {
      Deflater deflate;
      for (std::size_t i = 0; i < contents.size(); ++i) deflated[i] = deflate(contents[i]);
    });
  }

  const bool catalog_ok = add_catalog_objects(pdf, layout, pages, meta, out.raw, out.contents);
  doc.check("metadata and outline");
  if (!catalog_ok) throw PdfError("libharu could not add the metadata and outline");
  // Last: the structure elements are numbered after libharu's objects.
  const bool structure_ok = add_structure(pdf, layout, pages, tagged, out.raw);
  doc.check("structure tree");
  if (!structure_ok) throw PdfError("libharu could not add the structure tree");
  // The link annotations, complete now that they have their parent tree keys.
  for (const auto& page : tagged) {
    for (const auto& a : page.annots) out.raw.replaced.emplace_back(object_number(a.dict), link_annotation(a));
  }
  HPDF_SaveToStream(pdf);
  doc.check("save");
  HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
  out.pdf.assign(size, '\0');
  HPDF_UINT32 read = size;
  HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.pdf.data()), &read);
  // libharu reports the end of the stream as an error after a complete read.
  out.pdf.resize(read);
  if (helper) helper->wait();
  for (std::size_t i = 0; i < layout.pages.size(); ++i) {
    out.contents[content_object(pages[i])] =
        two_threads ? StreamData{std::move(deflated[i]), true} : StreamData{std::move(contents[i]), false};
  }
  return out;
}

}  // namespace okgen::render::pdf
