// Document-level objects (see pdf_catalog.h).
#include "render/pdf/pdf_catalog.h"

#include "render/pdf/pdf_objects.h"
#include "text/template_engine.h"

namespace okgen::render::pdf {
namespace {

// The document date as a whole day: "2021-06" is "2021-06-01"; "" when there is none.
// PDF/A wants the Info dictionary's dates and the XMP dates to be the same instant, so
// both are written in full, at midnight UTC.
std::string full_date(const std::string& iso) {
  if (iso.size() == 4) return iso + "-01-01";
  if (iso.size() == 7) return iso + "-01";
  if (iso.size() == 10) return iso;
  return "";
}

// "2021-06-01" -> "D:20210601000000Z", the PDF date form.
std::string pdf_date(const std::string& iso) {
  const std::string day = full_date(iso);
  if (day.empty()) return "";
  std::string digits;
  for (char c : day) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return "D:" + digits + "000000Z";
}

}  // namespace

std::string xmp_packet(const PdfMetadata& m) {
  const std::string day = full_date(m.date);
  const std::string date = day.empty() ? "" : day + "T00:00:00Z";
  std::string x =
      "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
      "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
      "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
      "<dc:format>application/pdf</dc:format>\n"
      "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + text::escape_html(m.title) + "</rdf:li>"
      "<rdf:li xml:lang=\"" + text::escape_html(m.lang) + "\">" + text::escape_html(m.title) + "</rdf:li></rdf:Alt></dc:title>\n"
      "<dc:creator><rdf:Seq><rdf:li>" + text::escape_html(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n"
      "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + text::escape_html(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n"
      "<dc:language><rdf:Bag><rdf:li>" + text::escape_html(m.lang) + "</rdf:li></rdf:Bag></dc:language>\n"
      "<pdf:Keywords>" + text::escape_html(m.keywords) + "</pdf:Keywords>\n"
      "<pdf:Producer>" + text::escape_html(m.producer) + "</pdf:Producer>\n"
      "<xmp:CreatorTool>" + text::escape_html(m.creator) + "</xmp:CreatorTool>\n";
  if (!date.empty()) {
    x += "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
         "</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
  }
  x += "</rdf:Description>\n";
  // The standards the file claims: PDF/A-2 level A and PDF/UA-1. PDF/A only knows the
  // schemas it predefines; PDF/UA's identification schema is declared in an extension.
  x += "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
       "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n</rdf:Description>\n"
       "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
       "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n"
       "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
       "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
       "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
       "<pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>\n"
       "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
       "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
       "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
       "<pdfaProperty:name>part</pdfaProperty:name>\n<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
       "<pdfaProperty:category>internal</pdfaProperty:category>\n"
       "<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>\n"
       "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
       "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n</rdf:Description>\n";
  x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
  return x;
}


namespace {

bool add_info(HPDF_Doc pdf, const PdfMetadata& meta) {
  // libharu keeps its own Info dictionary (with its name as Producer) and puts it in the
  // trailer when saving: it is created through the API, then filled here.
  if (!pdf->info && HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "okgen") != HPDF_OK) return false;
  HPDF_Dict info = pdf->info;
  if (!info) return false;
  HPDF_Dict_Add(info, "Title", new_text_string(pdf, meta.title));
  HPDF_Dict_Add(info, "Subject", new_text_string(pdf, meta.subject));
  HPDF_Dict_Add(info, "Author", new_text_string(pdf, meta.author));
  HPDF_Dict_Add(info, "Keywords", new_text_string(pdf, meta.keywords));
  HPDF_Dict_Add(info, "Creator", new_text_string(pdf, meta.creator));
  HPDF_Dict_Add(info, "Producer", new_text_string(pdf, meta.producer));
  const std::string date = pdf_date(meta.date);
  if (!date.empty()) {
    HPDF_Dict_Add(info, "CreationDate", HPDF_String_New(pdf->mmgr, date.c_str(), nullptr));
    HPDF_Dict_Add(info, "ModDate", HPDF_String_New(pdf->mmgr, date.c_str(), nullptr));
  }
  return true;
}

// The PDF/A output intent: the colour space the document's device colours mean (sRGB),
// with its ICC profile embedded.
bool add_output_intent(HPDF_Doc pdf, const PdfMetadata& meta, std::unordered_map<std::uint64_t, StreamData>& streams) {
  const std::string& icc = *meta.icc_profile;
  const std::string& identifier = meta.icc_identifier;
  HPDF_Dict profile = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!profile) return false;
  HPDF_Dict_AddNumber(profile, "N", icc.compare(16, 4, "GRAY") == 0 ? 1 : 3);
  if (meta.icc_deflated) {
    streams[object_number(profile)] = StreamData{*meta.icc_deflated, true};
  } else {
    HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc.data()), static_cast<HPDF_UINT>(icc.size()));
  }
  HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
  if (!intent) return false;
  HPDF_Dict_AddName(intent, "Type", "OutputIntent");
  HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
  HPDF_Dict_Add(intent, "OutputConditionIdentifier", new_text_string(pdf, identifier));
  HPDF_Dict_Add(intent, "Info", new_text_string(pdf, identifier));
  HPDF_Dict_Add(intent, "DestOutputProfile", profile);
  HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
  HPDF_Array_Add(intents, intent);
  return HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents) == HPDF_OK;
}

// The outline's items are written as PDF text (libharu keeps an empty dictionary for each,
// for its number; pdf_finish puts the text in place), as the link annotations are.
bool add_outline(HPDF_Doc pdf, const Layout& layout, const std::vector<HPDF_Page>& pages, RawObjects& raw) {
  if (layout.outline.empty()) return true;
  struct Item {
    HPDF_Dict obj;
    int level;
    const std::string* title = nullptr;
    HPDF_Page page = nullptr;
    float top = 0;
    int parent = -1, first = -1, last = -1, prev = -1, next = -1;
    int count = 0;  // its descendants
  };
  std::vector<Item> items{{new_indirect_dict(pdf), 0}};  // the root
  if (!items[0].obj) return false;
  std::vector<int> stack{0};
  auto close_top = [&] {
    const int n = stack.back();
    stack.pop_back();
    items[static_cast<std::size_t>(stack.back())].count += items[static_cast<std::size_t>(n)].count;
  };
  for (const auto& e : layout.outline) {
    auto where = layout.anchors.find(e.target);
    if (where == layout.anchors.end() || where->second.first < 0 ||
        static_cast<std::size_t>(where->second.first) >= pages.size()) {
      continue;
    }
    while (stack.size() > 1 && items[static_cast<std::size_t>(stack.back())].level >= e.level) close_top();
    const int parent = stack.back();
    Item item{new_indirect_dict(pdf), e.level};
    if (!item.obj) return false;
    item.title = &e.title;
    item.page = pages[static_cast<std::size_t>(where->second.first)];
    item.top = layout.height - where->second.second + 4;
    item.parent = parent;
    const int index = static_cast<int>(items.size());
    Item& p = items[static_cast<std::size_t>(parent)];
    if (p.last < 0) {
      p.first = index;
    } else {
      items[static_cast<std::size_t>(p.last)].next = index;
      item.prev = p.last;
    }
    p.last = index;
    p.count += 1;
    items.push_back(item);
    stack.push_back(index);
  }
  while (stack.size() > 1) close_top();
  auto ref = [&](std::string& out, const char* key, int k) {
    if (k < 0) return;
    out += key;
    append_reference(out, object_number(items[static_cast<std::size_t>(k)].obj));
  };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    std::string text = "<<";
    if (k == 0) {
      text += "/Type/Outlines";
    } else {
      text += "/Title";
      append_text_string(text, *it.title);
      ref(text, "/Parent ", it.parent);
      text += "/Dest";
      append_destination(text, it.page, it.top);
    }
    ref(text, "/First ", it.first);
    ref(text, "/Last ", it.last);
    ref(text, "/Prev ", it.prev);
    ref(text, "/Next ", it.next);
    // Top-level entries open, deeper levels shown on demand: a positive count on the root
    // and on the items whose children are top-level entries.
    if (k == 0 || it.count > 0) {
      text += "/Count ";
      append_integer(text, it.count);
    }
    text += ">>";
    raw.replaced.emplace_back(object_number(it.obj), std::move(text));
  }
  HPDF_Dict_Add(pdf->catalog, "Outlines", items[0].obj);
  HPDF_Dict_AddName(pdf->catalog, "PageMode", "UseOutlines");
  return true;
}

}  // namespace

bool add_catalog_objects(HPDF_Doc pdf, const Layout& layout, const std::vector<HPDF_Page>& pages,
                         const PdfMetadata& meta, RawObjects& raw,
                         std::unordered_map<std::uint64_t, StreamData>& streams) {
  if (!add_info(pdf, meta)) return false;
  HPDF_Dict catalog = pdf->catalog;
  HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(pdf->mmgr, meta.lang.c_str(), nullptr));
  HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
  HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
  // XMP stays uncompressed so archive tools can find it without decoding (PDF/A practice).
  HPDF_Dict metadata = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!metadata) return false;
  HPDF_Dict_AddName(metadata, "Type", "Metadata");
  HPDF_Dict_AddName(metadata, "Subtype", "XML");
  const std::string x = xmp_packet(meta);
  HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(x.data()), static_cast<HPDF_UINT>(x.size()));
  HPDF_Dict_Add(catalog, "Metadata", metadata);
  if (meta.icc_profile && !add_output_intent(pdf, meta, streams)) return false;
  return add_outline(pdf, layout, pages, raw);
}

}  // namespace okgen::render::pdf
