// qpdf post-processing (see pdf_finish.h).
#include "render/pdf/pdf_finish.h"

// qpdf 11: use std::shared_ptr everywhere instead of the old PointerHolder.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <zlib.h>

#include <cstdio>
#include <set>

#include "render/pdf/pdf_emit.h"

namespace okgen::render::pdf {
namespace {

std::string deflate(const std::string& in) {
  uLongf size = compressBound(static_cast<uLong>(in.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(in.data()),
                static_cast<uLong>(in.size()), Z_BEST_COMPRESSION) != Z_OK) {
    throw PdfError("zlib could not compress a stream");
  }
  out.resize(size);
  return out;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

// "2021-06" -> "D:202106", the PDF date form; "" when there is no date.
std::string pdf_date(const std::string& iso) {
  std::string digits;
  for (char c : iso) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits.empty() ? "" : "D:" + digits;
}

std::string xmp(const PdfMetadata& m) {
  std::string date = m.date.size() == 4 || m.date.size() == 7 || m.date.size() == 10 ? m.date : "";
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
      "<dc:format>application/pdf</dc:format>\n"
      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.title) + "</rdf:li></rdf:Alt></dc:title>\n"
      "<dc:creator><rdf:Seq><rdf:li>" + xml_escape(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
      "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escape(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n"
      "<dc:language><rdf:Bag><rdf:li>" + xml_escape(m.lang) + "</rdf:li></rdf:Bag></dc:language>\n"
      "<pdf:Keywords>" + xml_escape(m.keywords) + "</pdf:Keywords>\n"
      "<pdf:Producer>" + xml_escape(m.producer) + "</pdf:Producer>\n"
      "<xmp:CreatorTool>" + xml_escape(m.creator) + "</xmp:CreatorTool>\n";
  if (!date.empty()) x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
  x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}

}  // namespace

std::string identity_to_unicode_cmap(const std::vector<int>& blocks) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // bfrange entries may only vary in the last byte, so each 256-code block is one entry;
  // at most 100 entries per section. Surrogates (D8..DF) are not characters.
  std::vector<int> b;
  for (int hi : blocks) {
    if (hi >= 0 && hi <= 0xFF && !(hi >= 0xD8 && hi <= 0xDF)) b.push_back(hi);
  }
  for (std::size_t i = 0; i < b.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, b.size() - i);
    s += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = i; k < i + n; ++k) {
      char line[64];
      std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", b[k], b[k], b[k]);
      s += line;
    }
    s += "endbfrange\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

std::string finish_pdf(const std::string& pdf, const PdfMetadata& meta, const Layout& layout) {
  try {
    QPDF q;
    q.setSuppressWarnings(true);
    q.processMemoryFile("okgen", pdf.data(), pdf.size());

    // Which 256-code blocks the text uses, from the layout.
    std::set<int> blocks;
    for (const auto& page : layout.pages) {
      for (const auto& t : page.ops.text) {
        for (std::size_t i = 0; i < t.text.size();) blocks.insert(static_cast<int>(next_codepoint(t.text, i) >> 8));
      }
    }
    const std::string cmap = identity_to_unicode_cmap({blocks.begin(), blocks.end()});
    const int max_cid = blocks.empty() ? 0 : (*blocks.rbegin() << 8) | 0xFF;
    for (auto& obj : q.getAllObjects()) {
      if (!obj.isDictionary() || !obj.hasKey("/Subtype")) continue;
      QPDFObjectHandle subtype = obj.getKey("/Subtype");
      if (!subtype.isName()) continue;
      // The fonts' existing ToUnicode streams get the correct map (new streams would cost
      // qpdf a walk over every object each).
      if (subtype.getName() == "/Type0" && obj.getKey("/ToUnicode").isStream()) {
        obj.getKey("/ToUnicode").replaceStreamData(deflate(cmap), QPDFObjectHandle::newName("/FlateDecode"),
                                                   QPDFObjectHandle::newNull());
      }
      // libharu maps all 65 536 CIDs to glyphs (128 KB per font); CIDs above the highest
      // code point in use are never shown, and a shorter map means they map to glyph 0.
      // The embedded font programs, which libharu left uncompressed.
      if (subtype.getName() == "/CIDFontType2" && obj.getKey("/FontDescriptor").isDictionary()) {
        QPDFObjectHandle file = obj.getKey("/FontDescriptor").getKey("/FontFile2");
        if (file.isStream() && !file.getDict().getKey("/Filter").isName()) {
          auto raw = file.getRawStreamData();
          file.replaceStreamData(deflate(std::string(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize())),
                                 QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
        }
      }
      if (subtype.getName() == "/CIDFontType2" && obj.getKey("/CIDToGIDMap").isStream()) {
        QPDFObjectHandle map = obj.getKey("/CIDToGIDMap");
        auto data = map.getStreamData(qpdf_dl_generalized);
        const std::size_t keep = std::min<std::size_t>(data->getSize(), static_cast<std::size_t>(max_cid + 1) * 2);
        map.replaceStreamData(deflate(std::string(reinterpret_cast<const char*>(data->getBuffer()), keep)),
                              QPDFObjectHandle::newName("/FlateDecode"), QPDFObjectHandle::newNull());
      }
    }

    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(meta.title));
    info.replaceKey("/Subject", QPDFObjectHandle::newUnicodeString(meta.subject));
    info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(meta.author));
    info.replaceKey("/Keywords", QPDFObjectHandle::newUnicodeString(meta.keywords));
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(meta.creator));
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(meta.producer));
    if (!pdf_date(meta.date).empty()) {
      info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date(meta.date)));
      info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date(meta.date)));
    }
    q.getTrailer().replaceKey("/Info", q.makeIndirectObject(info));

    QPDFObjectHandle root = q.getRoot();
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(meta.lang));
    QPDFObjectHandle prefs = QPDFObjectHandle::newDictionary();
    prefs.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
    root.replaceKey("/ViewerPreferences", prefs);
    // XMP stays uncompressed so archive tools can find it without decoding (PDF/A practice).
    QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&q, xmp(meta));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    root.replaceKey("/Metadata", metadata);

    // Bookmarks mirroring the section tree.
    std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(q).getAllPages();
    if (!layout.outline.empty()) {
      QPDFObjectHandle outlines = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
      outlines.replaceKey("/Type", QPDFObjectHandle::newName("/Outlines"));
      struct Node {
        QPDFObjectHandle obj;
        int level;
        int count = 0;
        QPDFObjectHandle last;
      };
      std::vector<Node> stack{{outlines, 0, 0, QPDFObjectHandle::newNull()}};
      auto close_top = [&] {
        Node n = stack.back();
        stack.pop_back();
        if (n.count > 0) n.obj.replaceKey("/Count", QPDFObjectHandle::newInteger(n.count));
        stack.back().count += n.count;
      };
      for (const auto& e : layout.outline) {
        auto where = layout.anchors.find(e.target);
        if (where == layout.anchors.end()) continue;
        while (stack.size() > 1 && stack.back().level >= e.level) close_top();
        Node& parent = stack.back();
        QPDFObjectHandle item = q.makeIndirectObject(QPDFObjectHandle::newDictionary());
        item.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(e.title));
        item.replaceKey("/Parent", parent.obj);
        QPDFObjectHandle dest = QPDFObjectHandle::newArray();
        dest.appendItem(pages.at(static_cast<std::size_t>(where->second.first)).getObjectHandle());
        dest.appendItem(QPDFObjectHandle::newName("/XYZ"));
        dest.appendItem(QPDFObjectHandle::newInteger(0));
        dest.appendItem(QPDFObjectHandle::newReal(static_cast<double>(layout.height - where->second.second + 4), 1));
        dest.appendItem(QPDFObjectHandle::newNull());
        item.replaceKey("/Dest", dest);
        if (parent.last.isNull()) {
          parent.obj.replaceKey("/First", item);
        } else {
          parent.last.replaceKey("/Next", item);
          item.replaceKey("/Prev", parent.last);
        }
        parent.obj.replaceKey("/Last", item);
        parent.last = item;
        parent.count += 1;
        stack.push_back(Node{item, e.level, 0, QPDFObjectHandle::newNull()});
      }
      while (stack.size() > 1) close_top();
      // Top-level entries open, deeper levels shown on demand: positive counts for the
      // root's children only.
      outlines.replaceKey("/Count", QPDFObjectHandle::newInteger(stack.back().count));
      root.replaceKey("/Outlines", outlines);
      root.replaceKey("/PageMode", QPDFObjectHandle::newName("/UseOutlines"));
    }

    QPDFWriter w(q);
    w.setOutputMemory();
    w.setDeterministicID(true);
    // libharu compressed the streams already; decoding and re-encoding them would double
    // the work.
    w.setStreamDataMode(qpdf_s_preserve);
    w.setObjectStreamMode(qpdf_o_generate);
    w.setMinimumPDFVersion("1.6");
    w.write();
    auto buf = w.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception& e) {
    throw PdfError(std::string("qpdf could not finish the PDF: ") + e.what());
  }
}

}  // namespace okgen::render::pdf
