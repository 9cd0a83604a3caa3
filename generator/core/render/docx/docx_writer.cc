// The DOCX package (see docx_writer.h): parts from templates/docx/ around the body.
#include "render/docx/docx_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "okgen_version.h"
#include "render/docx/docx_document.h"
#include "render/docx/docx_redline.h"
#include "text/template_engine.h"
#include "util/zip_writer.h"

namespace okgen::render::docx {
namespace {

using text::Value;

constexpr const char* kRelBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

int twips(float pt) { return static_cast<int>(std::lround(pt * 20.0f)); }

std::string hex(const pdf::Color& c) {
  auto byte = [](float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); };
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

// Templates start with a comment line; the XML declaration must be the part's first bytes.
std::string part(const Resources& res, const std::string& name, const Value& ctx) {
  std::string s = res.templates.render("docx/" + name, ctx, text::Escape::html);
  const std::size_t start = s.find('<');
  return start == std::string::npos ? s : s.substr(start);
}

std::string label(const Resources& res, const std::string& key, const Value& ctx = {}) {
  return text::render(res.labels.get("labels", key), ctx, text::Escape::none);
}

class Package {
 public:
  Package(const Resources& res, const pdf::PdfStyle& style) : res_(res), s_(style) {}

  BodyGeometry geometry() const {
    BodyGeometry g;
    g.text_width = twips(s_.content_width());
    g.list_indent = twips(s_.list_indent);
    g.signature_columns = s_.signature_columns;
    g.group_roles = s_.group_roles;
    return g;
  }

  std::string write(const compose::Doc& doc, const Body& body, const RevisionAuthor& author) {
    Relationships rels, note_rels;
    rels.add(std::string(kRelBase) + "styles", "styles.xml");
    rels.add(std::string(kRelBase) + "settings", "settings.xml");
    rels.add(std::string(kRelBase) + "numbering", "numbering.xml");
    rels.add(std::string(kRelBase) + "footnotes", "footnotes.xml");
    SectionSetup setup;
    setup.page_width = twips(s_.page_width);
    setup.page_height = twips(s_.page_height);
    setup.margin_top = twips(s_.margin_top);
    setup.margin_bottom = twips(s_.margin_bottom);
    setup.margin_left = twips(s_.margin_left);
    setup.margin_right = twips(s_.margin_right);
    setup.header_distance = std::max(0, setup.margin_top - twips(s_.header_gap) - twips(s_.style("running").leading));
    setup.footer_distance = std::max(0, setup.margin_bottom - twips(s_.footer_gap) - twips(s_.style("running").leading));
    setup.header_fill = hex(s_.table_header_fill);
    setup.row_header_fill = hex(s_.table_row_header_fill);
    setup.header_rel = rels.add(std::string(kRelBase) + "header", "header1.xml");
    setup.footer_rel = rels.add(std::string(kRelBase) + "footer", "footer1.xml");
    const DocumentParts parts = write_document(body, setup, author, rels, note_rels);

    std::vector<util::ZipEntry> entries;
    entries.push_back({"[Content_Types].xml", part(res_, "content-types.xml", Value{})});
    entries.push_back({"_rels/.rels", relationships({{"rId1", std::string(kRelBase) + "officeDocument", "word/document.xml", false},
                                                     {"rId2",
                                                      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                                                      "docProps/core.xml", false},
                                                     {"rId3", std::string(kRelBase) + "extended-properties", "docProps/app.xml", false},
                                                     {"rId4", std::string(kRelBase) + "custom-properties", "docProps/custom.xml", false}})});
    entries.push_back({"word/document.xml", parts.document});
    entries.push_back({"word/_rels/document.xml.rels", relationships(rels.rels)});
    entries.push_back({"word/styles.xml", part(res_, "styles.xml", styles(doc))});
    entries.push_back({"word/settings.xml", part(res_, "settings.xml", Value{}.set("lang", lang(doc)).set("tab_stop", "709"))});
    entries.push_back({"word/numbering.xml", part(res_, "numbering.xml", numbering(body))});
    entries.push_back({"word/footnotes.xml", parts.footnotes});
    entries.push_back({"word/_rels/footnotes.xml.rels", relationships(note_rels.rels)});
    entries.push_back({"word/header1.xml", part(res_, "header.xml", header(doc))});
    entries.push_back({"word/footer1.xml", part(res_, "footer.xml", footer(doc))});
    entries.push_back({"docProps/core.xml", part(res_, "core.xml", core(doc))});
    entries.push_back({"docProps/app.xml", part(res_, "app.xml", Value{}.set("application", std::string("okgen ") + OKGEN_VERSION).set("company", doc.region))});
    entries.push_back({"docProps/custom.xml", part(res_, "custom.xml", custom(doc))});
    return util::zip_package(entries);
  }

 private:
  static std::string lang(const compose::Doc& doc) { return doc.lang.empty() || doc.lang == "sv" ? "sv-SE" : doc.lang; }

  std::string relationships(const std::vector<Relationships::Rel>& rels) const {
    Value::List list;
    for (const auto& r : rels) {
      list.push_back(Value{}.set("id", r.id).set("type", r.type).set("target", r.target).set("external", r.external));
    }
    return part(res_, "rels.xml", Value{}.set("rels", list));
  }

  Value props(const std::string& name, bool keep = false, const std::string& extra = {}) const {
    const pdf::TextStyle& t = s_.style(name);
    const pdf::FontFamily* fam = s_.family(t.family);
    const std::string font = fam ? (fam->office_name.empty() ? fam->name : fam->office_name) : t.family;
    return Value{}
        .set("font", font)
        .set("size", static_cast<int>(std::lround(t.size * 2)))
        .set("color", hex(t.color))
        .set("bold", t.bold)
        .set("italic", t.italic)
        .set("before", twips(t.space_before))
        .set("after", twips(t.space_after))
        .set("line", twips(t.leading))
        .set("justify", t.justify)
        .set("keep", keep)
        .set("ppr_extra", extra);
  }

  Value styles(const compose::Doc& doc) const {
    Value v;
    v.set("lang", lang(doc));
    v.set("body", props("body"));
    Value::List headings;
    for (int level = 1; level <= 6; ++level) {
      const std::string name = "h" + std::to_string(std::min(level, 5));
      headings.push_back(Value{}.set("level", level).set(
          "style", props(name, true, "<w:outlineLvl w:val=\"" + std::to_string(level - 1) + "\"/>")));
    }
    v.set("headings", headings);
    v.set("summary_heading", props("h2", true));  // the redline's first page: no outline level
    v.set("title", props("title", true));
    v.set("subtitle", props("subtitle", true));
    v.set("kind", props("title-kind", true));
    v.set("meta_label", props("meta-label"));
    v.set("meta", props("meta"));
    v.set("toc", props("toc"));
    v.set("toc_top", props("toc-top"));
    v.set("code", props("code"));
    v.set("caption", props("caption", true));
    v.set("table", props("table"));
    v.set("table_header", props("table-header", true));
    v.set("table_row_header", props("table-row-header"));
    v.set("footnote", props("footnote"));
    v.set("running", props("running"));
    Value::List continues;
    for (int i = 1; i <= 5; ++i) {
      continues.push_back(Value{}
                              .set("suffix", std::to_string(i))
                              .set("name_suffix", i == 1 ? std::string() : " " + std::to_string(i))
                              .set("indent", twips(s_.list_indent * static_cast<float>(i))));
    }
    v.set("continues", continues);
    v.set("list_item_space", twips(s_.list_item_space));
    v.set("quote_rule", hex(s_.quote_rule));
    v.set("quote_rule_size", static_cast<int>(std::lround(s_.quote_rule_width * 8)));  // eighths of a point
    v.set("quote_indent", twips(s_.quote_indent));
    v.set("group_rule", hex(s_.group_rule));
    v.set("group_rule_size", static_cast<int>(std::lround(s_.group_rule_width * 8)));
    v.set("group_indent", twips(s_.group_indent));
    v.set("table_rule", hex(s_.table_rule));
    v.set("table_rule_size", std::max(2, static_cast<int>(std::lround(s_.table_rule_width * 8))));
    v.set("table_padding", twips(s_.table_padding));
    v.set("furniture_rule", hex(s_.furniture_rule));
    v.set("signature_rule", hex(s_.signature_rule));
    v.set("signature_gap", twips(s_.signature_column_gap));
    v.set("signature_line_gap", twips(s_.signature_line_gap));
    v.set("note_indent", twips(s_.footnote_indent + 6));
    v.set("link_color", hex(s_.link_color));
    return v;
  }

  Value numbering(const Body& body) const {
    static const char* kBullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x96\xAA"};  // • – ▪
    static const char* kFormats[] = {"decimal", "lowerLetter", "lowerRoman"};
    Value::List levels;
    for (int i = 0; i < 9; ++i) {
      const int indent = twips(std::min(s_.list_indent * static_cast<float>(i + 1), s_.list_max_indent));
      levels.push_back(Value{}
                           .set("ilvl", i)
                           .set("level", i + 1)
                           .set("left", indent + twips(s_.list_indent))
                           .set("hanging", twips(s_.list_indent))
                           .set("bullet", kBullets[i % 3])
                           .set("bullet_font", "Liberation Sans")
                           .set("number_format", kFormats[i % 3]));
    }
    Value::List nums;
    for (std::size_t i = 0; i < body.lists.size(); ++i) {
      const auto& l = body.lists[i];
      nums.push_back(Value{}
                         .set("id", static_cast<int>(i) + 1)
                         .set("abstract", l.ordered ? 2 : 1)
                         .set("ordered", l.ordered)
                         .set("ilvl", l.level)
                         .set("start", l.start));
    }
    return Value{}.set("levels", levels).set("nums", nums);
  }

  Value header(const compose::Doc& doc) const {
    return Value{}
        .set("title", doc.short_title.empty() ? doc.title : doc.short_title)
        .set("status", doc.validity_label)
        .set("right_tab", twips(s_.content_width()))
        .set("rule", hex(s_.furniture_rule));
  }

  Value footer(const compose::Doc& doc) const {
    // "Sida {{page}} ({{pages}})" with the two numbers as fields: the label is rendered with
    // markers, and the words between them become runs.
    const std::string page = label(res_, "pdf.page", Value{}.set("page", "\x01").set("pages", "\x02"));
    std::string xml;
    auto text_run = [&](const std::string& t) {
      if (!t.empty()) xml += "<w:r><w:t xml:space=\"preserve\">" + text::escape_html(t) + "</w:t></w:r>";
    };
    auto field = [&](const char* instr) {
      xml += std::string("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> ") + instr +
             " </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r>"
             "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
    };
    std::string pending;
    for (char c : page) {
      if (c == '\x01' || c == '\x02') {
        text_run(pending);
        pending.clear();
        field(c == '\x01' ? "PAGE" : "NUMPAGES");
      } else {
        pending += c;
      }
    }
    text_run(pending);
    Value date_ctx;
    date_ctx.set("date", doc.date).set("diarienummer", doc.diarienummer);
    return Value{}
        .set("left", label(res_, "pdf.footer", date_ctx))
        .set("page", xml)
        .set("right_tab", twips(s_.content_width()))
        .set("rule", hex(s_.furniture_rule));
  }

  static Value core(const compose::Doc& doc) {
    Value v;
    v.set("title", doc.title);
    v.set("subject", doc.kind_label);
    v.set("creator", doc.region.empty() ? std::string("okgen") : doc.region);
    v.set("keywords", doc.keywords);
    v.set("lang", lang(doc));
    v.set("version", doc.version);
    v.set("date", doc.date.empty() ? std::string() : doc.date + "T00:00:00Z");
    return v;
  }

  Value custom(const compose::Doc& doc) const {
    Value::List list;
    int pid = 2;
    auto add = [&](const std::string& key, const std::string& value) {
      if (!value.empty()) list.push_back(Value{}.set("pid", pid++).set("name", label(res_, key)).set("value", value));
    };
    add("meta.diarienummer", doc.diarienummer);
    add("meta.version", doc.version);
    return Value{}.set("props", list);
  }

  const Resources& res_;
  const pdf::PdfStyle& s_;
};

}  // namespace

std::string render_docx(const compose::Doc& doc, const Resources& res, const pdf::PdfStyle& style) {
  Package pkg(res, style);
  const Body body = build_body(doc, res.labels, pkg.geometry());
  return pkg.write(doc, body, RevisionAuthor{});
}

std::string render_docx_redline(const compose::Doc& old_doc, const compose::Doc& new_doc, const compose::Doc& front,
                                const std::string& date, const Resources& res, const pdf::PdfStyle& style) {
  Package pkg(res, style);
  const BodyGeometry g = pkg.geometry();
  Body body = redline_body(build_body(old_doc, res.labels, g), build_body(new_doc, res.labels, g));
  // The first page (in neither version, so not tracked, and left out by a reader that
  // compares versions: every style on it is based on OkgenChangeSummary), then the
  // document from its title page.
  Body first;
  first.lists = std::move(body.lists);
  std::vector<Item> items;
  auto line = [&](const std::string& para_style, const std::string& text) {
    if (text.empty()) return;
    Para p;
    p.style = para_style;
    Tok t;
    t.text = text;
    p.toks.push_back(std::move(t));
    items.emplace_back(std::move(p));
  };
  line("OkgenChangeSummaryKind", front.kind_label);
  line("OkgenChangeSummaryTitle", front.title);
  line("OkgenChangeSummary", front.subtitle);
  if (!front.sections.empty()) {
    const compose::DocSection& summary = front.sections.front();
    line("OkgenChangeSummaryHeading", summary.heading);
    for (auto& it : build_blocks(summary.blocks, "OkgenChangeSummary", first, res.labels, g)) {
      // Every paragraph of the page, list items too, in the one style that says "summary".
      if (auto* p = std::get_if<Para>(&it)) p->style = "OkgenChangeSummary";
      items.push_back(std::move(it));
    }
  }
  body.lists = std::move(first.lists);
  if (!items.empty())
    if (auto* p = std::get_if<Para>(&items.back())) p->section_end = true;
  body.items.insert(body.items.begin(), std::make_move_iterator(items.begin()), std::make_move_iterator(items.end()));
  RevisionAuthor author;
  author.date = (date.empty() ? std::string("2000-01-01") : date) + "T00:00:00Z";
  return pkg.write(new_doc, body, author);
}

namespace {

class DocxWriter : public DocumentWriter {
 public:
  DocxWriter(const Resources& res, pdf::PdfStyle style) : res_(res), style_(std::move(style)) {}
  WrittenFile write(const compose::Doc& doc, const std::string&, diag::DiagnosticSink&) override {
    return {render_docx(doc, res_, style_), 0};
  }

 private:
  const Resources& res_;
  const pdf::PdfStyle style_;
};

}  // namespace

std::unique_ptr<DocumentWriter> make_writer(const Resources& res, diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  // Page, fonts, sizes and colours come from the PDF style.
  auto style = pdf::PdfStyle::load(res.styles_dir() / "pdf.xml", sink, sources);
  if (!style) return nullptr;
  return std::make_unique<DocxWriter>(res, std::move(*style));
}

}  // namespace okgen::render::docx
