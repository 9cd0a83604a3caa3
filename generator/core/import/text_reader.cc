// Plain text and Markdown -> Imported (see readers.h), through the text checker's reading
// (review/text_document.h): running headers, footers, page numbers and the table of
// contents are dropped, words hyphenated at a line end joined, headings found by their
// numbering or Markdown marks. What is left is headings, paragraphs and list items.
#include <regex>

#include "import/readers.h"
#include "review/text_document.h"

namespace okgen::import {

ReadResult read_text(const std::string& path, const std::string& data, bool markdown) {
  ReadResult r;
  const review::TextDocument doc = review::read_text_document(path, data);
  Imported out;
  out.format = markdown ? "markdown" : "text";
  out.title = doc.title;
  // A list item as the text shows it: "- ", "* ", "• ", "– ", "1. ", "a) " at the start of
  // its first line; its indentation gives the level.
  static const std::regex kItem(R"(^(\s*)([-*]|\xE2\x80\xA2|\xE2\x80\x93|[0-9]{1,2}[.)]|[a-z][)])\s+)");
  std::size_t heading = 0;
  for (const auto& u : doc.units) {
    const int line = u.anchors.empty() ? 0 : u.anchors.front().second.line;
    Block b;
    b.origin = "rad " + std::to_string(line);
    if (u.heading) {
      b.kind = Block::Kind::heading;
      if (heading < doc.headings.size()) {
        const auto& h = doc.headings[heading++];
        b.level = h.level;
        b.number = h.number;
        b.runs.push_back(text_run(h.title));
        // Unnumbered headings get their level from Markdown marks or are guessed as 1.
        b.level_guessed = h.number.empty() && !markdown;
      } else {
        b.level = 1;
        b.level_guessed = true;
        b.runs.push_back(text_run(trim(u.text)));
      }
      out.blocks.push_back(std::move(b));
      continue;
    }
    std::string text = trim(u.text);
    if (text.empty()) continue;
    const std::string source_line = line > 0 && static_cast<std::size_t>(line) <= doc.lines.size()
                                        ? doc.lines[static_cast<std::size_t>(line - 1)]
                                        : std::string();
    std::smatch m;
    if (std::regex_search(source_line, m, kItem)) {
      b.kind = Block::Kind::list_item;
      b.level = std::min(8, static_cast<int>(m[1].length()) / 2);
      b.ordered = std::isdigit(static_cast<unsigned char>(m[2].str()[0])) != 0;
      // The unit's text may still start with the marker.
      std::smatch mt;
      if (std::regex_search(text, mt, kItem) && mt.position(0) == 0) text = text.substr(static_cast<std::size_t>(mt.length(0)));
    }
    // Markdown links stay links; other inline marks stay text (they are escaped).
    static const std::regex kLink(R"(\[([^\]]+)\]\(((?:https?://|mailto:|tel:)[^)\s]+)\))");
    std::size_t at = 0;
    if (markdown) {
      for (auto it = std::sregex_iterator(text.begin(), text.end(), kLink); it != std::sregex_iterator(); ++it) {
        const auto& link = *it;
        if (static_cast<std::size_t>(link.position(0)) > at) b.runs.push_back(text_run(text.substr(at, static_cast<std::size_t>(link.position(0)) - at)));
        b.runs.push_back(text_run(link[1].str(), false, false, link[2].str()));
        at = static_cast<std::size_t>(link.position(0) + link.length(0));
      }
    }
    if (at < text.size()) b.runs.push_back(text_run(text.substr(at)));
    out.blocks.push_back(std::move(b));
  }
  r.doc = std::move(out);
  return r;
}

}  // namespace okgen::import
