// The naive baseline for okgen's whole-process figures (issue 16): what a programmer writes
// in an afternoon with the same Debian libraries, cmark for Markdown and libharu for PDF.
// It reads each Markdown file, walks cmark's tree and sets headings, paragraphs, list items
// and table-free text with one embedded TrueType font in two sizes, breaking lines greedily
// at spaces (no hyphenation, no widow control, no tagging, no links, no notes, no table of
// contents) and starting a new page when the next line does not fit.
//
//   naive_pdf FONT.ttf BOLD.ttf OUT_DIR FILE.md...   writes OUT_DIR/<name>.pdf for each file
//
// One process for all files, as `okgen build` is one process for a folder.
#include <cmark.h>
#include <hpdf.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr float kWidth = 595.28f, kHeight = 841.89f, kMargin = 72;

struct Writer {
  HPDF_Doc pdf;
  HPDF_Font regular, bold;
  HPDF_Page page = nullptr;
  float y = 0;

  void new_page() {
    page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    y = kHeight - kMargin;
  }

  // Greedy line breaking: as many words as fit, then the next line.
  void paragraph(const std::string& text, HPDF_Font font, float size, float indent, float space_after) {
    std::istringstream words(text);
    std::string word, line;
    const float width = kWidth - 2 * kMargin - indent;
    auto flush = [&] {
      if (line.empty()) return;
      if (y - size * 1.3f < kMargin) new_page();
      y -= size * 1.3f;
      HPDF_Page_BeginText(page);
      HPDF_Page_SetFontAndSize(page, font, size);
      HPDF_Page_TextOut(page, kMargin + indent, y, line.c_str());
      HPDF_Page_EndText(page);
      line.clear();
    };
    HPDF_Page_SetFontAndSize(page, font, size);
    while (words >> word) {
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && HPDF_Page_TextWidth(page, candidate.c_str()) > width) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
    }
    flush();
    y -= space_after;
  }
};

std::string text_of(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    const cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) out += cmark_node_get_literal(n);
    if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) out += " ";
  }
  cmark_iter_free(it);
  return out;
}

void blocks(Writer& w, cmark_node* parent, int depth) {
  for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HEADING: {
        const int level = cmark_node_get_heading_level(n);
        w.paragraph(text_of(n), w.bold, level <= 1 ? 15 : 12.5f, 0, 6);
        break;
      }
      case CMARK_NODE_PARAGRAPH: w.paragraph(text_of(n), w.regular, 10.5f, 14.0f * static_cast<float>(depth), 6); break;
      case CMARK_NODE_LIST:
      case CMARK_NODE_ITEM:
      case CMARK_NODE_BLOCK_QUOTE: blocks(w, n, depth + (cmark_node_get_type(n) == CMARK_NODE_LIST ? 1 : 0)); break;
      default: {
        const std::string t = text_of(n);
        if (!t.empty()) w.paragraph(t, w.regular, 10.5f, 0, 6);
      }
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::cerr << "usage: naive_pdf FONT.ttf BOLD.ttf OUT_DIR FILE.md...\n";
    return 2;
  }
  for (int i = 4; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string md = ss.str();
    cmark_node* doc = cmark_parse_document(md.data(), md.size(), CMARK_OPT_DEFAULT);
    Writer w;
    w.pdf = HPDF_New(nullptr, nullptr);
    HPDF_SetCompressionMode(w.pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(w.pdf);
    w.regular = HPDF_GetFont(w.pdf, HPDF_LoadTTFontFromFile(w.pdf, argv[1], HPDF_TRUE), "UTF-8");
    w.bold = HPDF_GetFont(w.pdf, HPDF_LoadTTFontFromFile(w.pdf, argv[2], HPDF_TRUE), "UTF-8");
    w.new_page();
    blocks(w, doc, 0);
    std::string name = argv[i];
    name = name.substr(name.find_last_of('/') + 1);
    name = std::string(argv[3]) + "/" + name.substr(0, name.rfind('.')) + ".pdf";
    if (HPDF_SaveToFile(w.pdf, name.c_str()) != HPDF_OK) {
      std::cerr << "naive_pdf: cannot write " << name << "\n";
      return 1;
    }
    HPDF_Free(w.pdf);
    cmark_node_free(doc);
  }
  return 0;
}
