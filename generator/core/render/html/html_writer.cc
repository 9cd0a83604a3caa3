// Model blocks -> HTML, and the page and index templates.
#include "render/html/html_writer.h"

#include <mutex>

#include "okgen_version.h"
#include "text/template_engine.h"
#include "util/fs.h"
#include "util/url.h"

namespace okgen::render::html {

using model::Block;
using model::Blocks;
using model::Inlines;
using text::escape_html;
using text::Value;

namespace {

class HtmlOut {
 public:
  explicit HtmlOut(const text::Catalog& labels) : labels_(labels) {}

  void blocks(const Blocks& bs) {
    for (const auto& b : bs) block(b);
  }

  std::string take() { return std::move(out_); }

  // Tight list items and table cells with one paragraph hold their text directly.
  void compact(const Blocks& bs) {
    if (bs.size() == 1) {
      if (const auto* p = std::get_if<model::Paragraph>(&bs[0].node)) {
        inlines(p->content);
        return;
      }
    }
    out_ += "\n";
    blocks(bs);
  }

 private:
  void inlines(const Inlines& ins) {
    for (std::size_t i = 0; i < ins.size(); ++i) {
      const model::Inline& in = ins[i];
      // Notes cited together read "4,5": the comma is written only between adjacent
      // citations (a CSS sibling rule would also fire across the text between two notes).
      const bool after_note = i > 0 && std::holds_alternative<model::Citation>(ins[i - 1].node);
      std::visit(model::overloaded{
                     [&](const model::Text& t) { out_ += escape_html(t.text); },
                     [&](const model::Emph& e) {
                       out_ += "<em>";
                       inlines(e.children);
                       out_ += "</em>";
                     },
                     [&](const model::Strong& s) {
                       out_ += "<strong>";
                       inlines(s.children);
                       out_ += "</strong>";
                     },
                     [&](const model::Code& c) { out_ += "<code>" + escape_html(c.text) + "</code>"; },
                     [&](const model::Link& l) {
                       const std::string href = util::safe_href(l.href);
                       if (href.empty()) return inlines(l.children);  // an unsafe target keeps its words only
                       out_ += "<a href=\"" + escape_html(href) + "\">";
                       inlines(l.children);
                       out_ += "</a>";
                     },
                     [&](const model::SoftBreak&) { out_ += "\n"; },
                     [&](const model::LineBreak&) { out_ += "<br>\n"; },
                     [&](const model::Citation& c) {
                       const std::string n = std::to_string(c.number);
                       out_ += std::string("<sup class=\"noteref\">") + (after_note ? "<span class=\"notesep\">,</span>" : "") +
                               "<a id=\"" + escape_html(c.anchor) + "\" href=\"#fn-" + n +
                               "\" role=\"doc-noteref\" aria-label=\"" + escape_html(labels_.get("labels", "html.note")) +
                               " " + n + "\">" + n + "</a></sup>";
                     },
                     [&](const model::CrossRef& x) {
                       out_ += "<a href=\"#" + escape_html(x.target) + "\">";
                       inlines(x.children);
                       out_ += "</a>";
                     },
                     [&](const model::Edit& e) {
                       const char* tag = e.kind == model::Edit::Kind::inserted ? "ins" : "del";
                       out_ += std::string("<") + tag + ">";
                       if (!e.spoken.empty()) out_ += "<span class=\"vh\">" + escape_html(e.spoken) + " </span>";
                       inlines(e.children);
                       out_ += std::string("</") + tag + ">";
                     },
                     // The tag was checked when loaded (letters, digits, hyphens).
                     [&](const model::Lang& l) {
                       out_ += "<span lang=\"" + escape_html(l.lang) + "\">";
                       inlines(l.children);
                       out_ += "</span>";
                     },
                 },
                 in.node);
    }
  }

  void block(const Block& b) {
    std::visit(model::overloaded{
                   [&](const model::Paragraph& p) {
                     out_ += "<p>";
                     inlines(p.content);
                     out_ += "</p>\n";
                   },
                   [&](const model::List& l) {
                     if (l.ordered) {
                       out_ += l.start != 1 ? "<ol start=\"" + std::to_string(l.start) + "\">\n" : "<ol>\n";
                     } else {
                       out_ += "<ul>\n";
                     }
                     for (const auto& item : l.items) {
                       out_ += "<li>";
                       if (l.tight) {
                         compact(item);
                       } else {
                         out_ += "\n";
                         blocks(item);
                       }
                       out_ += "</li>\n";
                     }
                     out_ += l.ordered ? "</ol>\n" : "</ul>\n";
                   },
                   [&](const model::BlockQuote& q) {
                     out_ += "<blockquote>\n";
                     blocks(q.children);
                     out_ += "</blockquote>\n";
                   },
                   [&](const model::CodeBlock& c) { out_ += "<pre><code>" + escape_html(c.text) + "</code></pre>\n"; },
                   [&](const model::ThematicBreak&) { out_ += "<hr>\n"; },
                   [&](const model::Table& t) { table(t); },
                   [&](const model::Div& d) {
                     out_ += "<div class=\"" + escape_html(d.role) + "\">\n";
                     blocks(d.children);
                     out_ += "</div>\n";
                   },
               },
               b.node);
  }

  void table(const model::Table& t) {
    // Wide tables scroll inside their own focusable region instead of the whole page
    // (WCAG 1.4.10 reflow); the region is named by the caption.
    const std::string cap_id = "tbl-" + std::to_string(++tables_);
    out_ += "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-labelledby=\"" + cap_id + "\">\n";
    out_ += "<table class=\"" + escape_html(t.role) + "\">\n<caption id=\"" + cap_id + "\">";
    inlines(t.caption);
    out_ += "</caption>\n";
    if (!t.widths.empty()) {
      int total = 0;
      for (int w : t.widths) total += w;
      out_ += "<colgroup>";
      for (int w : t.widths) out_ += "<col style=\"width:" + std::to_string(total ? w * 100 / total : 0) + "%\">";
      out_ += "</colgroup>\n";
    }
    auto rows = [&](const std::vector<model::TableRow>& rs, bool head) {
      for (const auto& row : rs) {
        out_ += "<tr>";
        for (const auto& cell : row.cells) {
          if (cell.header) {
            out_ += head ? "<th scope=\"col\">" : "<th scope=\"row\">";
          } else {
            out_ += "<td>";
          }
          compact(cell.content);
          out_ += cell.header ? "</th>" : "</td>";
        }
        out_ += "</tr>\n";
      }
    };
    if (!t.head.empty()) {
      out_ += "<thead>\n";
      rows(t.head, true);
      out_ += "</thead>\n";
    }
    out_ += "<tbody>\n";
    rows(t.body, false);
    out_ += "</tbody>\n</table>\n</div>\n";
  }

  const text::Catalog& labels_;
  std::string out_;
  int tables_ = 0;
};

std::string heading_tag(int depth) { return "h" + std::to_string(std::min(6, depth + 1)); }

void sections_html(const std::vector<compose::DocSection>& sections, HtmlOut& out, std::string& html) {
  for (const auto& s : sections) {
    const std::string h = heading_tag(s.depth);
    html += "<section aria-labelledby=\"" + escape_html(s.id) + "\"" +
            (s.origin.empty() ? std::string() : " class=\"origin-" + escape_html(s.origin) + "\"") + ">\n";
    html += "<" + h + " id=\"" + escape_html(s.id) + "\"><span class=\"secno\">" + escape_html(s.number) +
            "</span> " + escape_html(s.heading) + "</" + h + ">\n";
    out.blocks(s.blocks);
    html += out.take();
    sections_html(s.children, out, html);
    html += "</section>\n";
  }
}

void toc_html(const std::vector<compose::DocSection>& sections, std::string& html) {
  if (sections.empty()) return;
  html += "<ol>\n";
  for (const auto& s : sections) {
    html += "<li><a href=\"#" + escape_html(s.id) + "\"><span class=\"secno\">" + escape_html(s.number) + "</span> " +
            escape_html(s.heading) + "</a>";
    if (!s.children.empty()) {
      html += "\n";
      toc_html(s.children, html);
    }
    html += "</li>\n";
  }
  html += "</ol>\n";
}

}  // namespace

std::string stylesheet(const Resources& res) {
  std::string css;
  if (util::read_file(res.styles_dir() / "agreement.css", css) != util::ReadStatus::ok) {
    throw util::IoError("cannot read stylesheet", res.styles_dir() / "agreement.css", "cannot-read-stylesheet");
  }
  return css;
}

std::string render_html_blocks(const Blocks& blocks, const text::Catalog& labels) {
  HtmlOut out(labels);
  out.blocks(blocks);
  return out.take();
}

std::string render_html(const compose::Doc& doc, const Resources& res) { return render_html(doc, res, stylesheet(res)); }

std::string render_html(const compose::Doc& doc, const Resources& res, const std::string& css) {
  HtmlOut out(res.labels);
  Value ctx;
  ctx.set("lang", doc.lang);
  ctx.set("title", doc.title);
  ctx.set("short_title", doc.short_title);
  ctx.set("subtitle", doc.subtitle.empty() ? Value{""} : Value{doc.subtitle});
  ctx.set("kind", doc.kind);
  ctx.set("kind_label", doc.kind_label);
  ctx.set("region", doc.region);
  ctx.set("version", doc.version);
  ctx.set("diarienummer", doc.diarienummer.empty() ? Value{""} : Value{doc.diarienummer});
  ctx.set("keywords", doc.keywords.empty() ? Value{""} : Value{doc.keywords});
  ctx.set("validity_label", doc.validity_label);
  ctx.set("validity_state", std::string(model::to_string(doc.validity.state)));
  ctx.set("css", css);
  ctx.set("generator", std::string("okgen ") + OKGEN_VERSION);

  Value::List meta;
  for (const auto& row : doc.meta) {
    Value r;
    r.set("key", row.key);
    r.set("label", row.label);
    out.compact(row.value);
    r.set("html", out.take());
    meta.push_back(std::move(r));
  }
  ctx.set("meta", meta);

  std::string toc;
  toc_html(doc.sections, toc);
  ctx.set("toc", toc);
  std::string body;
  sections_html(doc.sections, out, body);
  ctx.set("body", body);

  Value::List notes;
  for (const auto& n : doc.notes) {
    Value nv;
    nv.set("number", n.number);
    out.compact(n.text);
    nv.set("html", out.take());
    Value::List backrefs;
    int k = 0;
    for (const auto& anchor : n.backrefs) {
      Value b;
      b.set("anchor", anchor);
      b.set("index", ++k);
      b.set("several", n.backrefs.size() > 1);
      backrefs.push_back(std::move(b));
    }
    nv.set("backrefs", backrefs);
    notes.push_back(std::move(nv));
  }
  ctx.set("has_notes", !notes.empty());
  ctx.set("notes", notes);

  if (doc.revisions) {
    Blocks b;
    b.push_back(Block{*doc.revisions, {}});
    out.blocks(b);
    ctx.set("revisions", out.take());
  } else {
    ctx.set("revisions", false);
  }
  if (!doc.signatures.empty()) {
    out.blocks(doc.signatures);
    ctx.set("signatures", out.take());
  } else {
    ctx.set("signatures", false);
  }
  return res.templates.render("html/page.html", ctx, text::Escape::html);
}

std::string render_index_html(const std::vector<IndexEntry>& entries, const std::string& as_of, const Resources& res) {
  Value ctx;
  Value::List regions;
  for (std::size_t i = 0; i < entries.size();) {
    const std::string region = entries[i].region;
    std::string region_page;
    Value::List rows;
    for (; i < entries.size() && entries[i].region == region; ++i) {
      const IndexEntry& e = entries[i];
      Value r;
      r.set("href", e.href);
      r.set("consolidated_href", e.consolidated_href.empty() ? Value{false} : Value{e.consolidated_href});
      r.set("title", e.title);
      r.set("kind", e.kind);
      r.set("kind_label", e.kind_label);
      r.set("version", e.version);
      r.set("diarienummer", e.diarienummer.empty() ? Value{""} : Value{e.diarienummer});
      r.set("status", e.status);
      r.set("status_label", e.status_label);
      r.set("source", e.source);
      r.set("draft", e.local_state == "draft");
      r.set("complete", e.local_state == "complete");
      r.set("needs_review", e.needs_review);
      if (!e.region_page.empty()) region_page = e.region_page;
      rows.push_back(std::move(r));
    }
    Value rv;
    rv.set("region", region);
    rv.set("region_page", region_page.empty() ? Value{false} : Value{region_page});
    rv.set("agreements", rows);
    regions.push_back(std::move(rv));
  }
  ctx.set("regions", regions);
  ctx.set("count", static_cast<int>(entries.size()));
  ctx.set("as_of", as_of);
  ctx.set("css", stylesheet(res));
  ctx.set("generator", std::string("okgen ") + OKGEN_VERSION);
  return res.templates.render("html/index.html", ctx, text::Escape::html);
}

namespace {

class HtmlWriter : public DocumentWriter {
 public:
  explicit HtmlWriter(const Resources& res) : res_(res) {}
  WrittenFile write(const compose::Doc& doc, const std::string&, diag::DiagnosticSink&) override {
    // The style sheet every page inlines, read once per writer (a batch writes hundreds of
    // pages); a failed read throws and is tried again by the next page.
    std::call_once(css_read_, [&] { css_ = stylesheet(res_); });
    return {render_html(doc, res_, css_), 0};
  }

 private:
  const Resources& res_;
  std::once_flag css_read_;
  std::string css_;
};

}  // namespace

std::unique_ptr<DocumentWriter> make_writer(const Resources& res, diag::DiagnosticSink&, diag::SourceRegistry&) {
  return std::make_unique<HtmlWriter>(res);  // nothing to load ahead: render_html reads what it needs
}

}  // namespace okgen::render::html
