// Reading a text agreement into headings, paragraphs and sentences (see text_document.h).
#include "review/text_document.h"
#include "util/regex.h"

#include <algorithm>
#include <map>
#include <set>

#include "util/text.h"

namespace okgen::review {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "Sida 3 (27)" and "Region X | Samverkan    Sida 3 av 6" become one shape per document.
std::string shape(const std::string& line) {
  std::string out;
  bool space = false;
  for (char c : util::trim(line)) {
    if (c == ' ' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    if (is_digit(c)) {
      if (out.empty() || out.back() != '#') out.push_back('#');
      continue;
    }
    out.push_back(c);
  }
  return util::lower_sv(out);
}

bool page_number_line(const std::string& lower) {
  static const util::Regex kPage(
      R"(^(sida|s\.|page)?\s*\d{1,3}\s*(\(\s*\d{1,3}\s*\)|(av|of|/)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$)");
  return lower.size() < 24 && util::regex_match(lower, kPage);
}

// A table-of-contents line: a title, then dotted leaders (or a wide gap) and a page number.
bool toc_leader_line(const std::string& t) {
  static const util::Regex kLeader(R"((\.\s?){4,}\s*\d{1,3}$|(…\s?){2,}\s*\d{1,3}$|(_\s?){4,}\s*\d{1,3}$)");
  return util::regex_search(t, kLeader);
}

bool toc_title_line(const std::string& lower) {
  static const util::Regex kToc(R"(^(innehåll|innehållsförteckning|innehåll och disposition|table of contents)\s*:?$)");
  return util::regex_match(lower, kToc);
}

// A TOC line without leaders: "3.1 Målgrupp        4" (numbered, short, page number last).
bool toc_plain_line(const std::string& raw) {
  static const util::Regex kPlain(R"(^\s*(\d{1,2}(\.\d{1,2}){0,3}\.?\s+)?\S.{0,90}?(\s{2,}|\t)\d{1,3}\s*$)");
  return util::regex_match(raw, kPlain);
}

TocEntry toc_entry(int line, const std::string& t) {
  static const util::Regex kEntry(R"(^(\d{1,2}(?:\.\d{1,2}){0,3})?\.?\s*(.*?)[\s._…]*\d{1,3}$)");
  util::Match m;
  TocEntry e;
  e.line = line;
  if (util::regex_match(t, m, kEntry)) {
    e.number = m[1];
    e.title = std::string(util::trim(m[2].str()));
  } else {
    e.title = t;
  }
  return e;
}

bool starts_lower(const std::string& t) {
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  if (c >= 'a' && c <= 'z') return true;
  // å ä ö é ü (C3 A0..BF)
  return c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) >= 0xA0;
}

bool starts_upper_or_digit(const std::string& t) {
  if (t.empty()) return false;
  const auto c = static_cast<unsigned char>(t[0]);
  if ((c >= 'A' && c <= 'Z') || is_digit(static_cast<char>(c))) return true;
  return c == 0xC3 && t.size() > 1 && static_cast<unsigned char>(t[1]) >= 0x80 && static_cast<unsigned char>(t[1]) < 0xA0;
}

// A list item: bullets as Word, pdftotext and Markdown write them, "1." / "a)" numbering.
// Returns the length of the marker (0 = not an item).
std::size_t bullet_length(const std::string& t) {
  static const char* kBullets[] = {"- ", "* ", "+ ", "\xE2\x80\xA2", "\xE2\x80\x93 ", "\xE2\x80\x94 ", "\xC2\xB7",
                                   "\xE2\x97\x8F", "\xE2\x96\xAA", "\xE2\x97\xA6", "o\t", "\xEF\x82\xB7", "\xEF\x82\xA7"};
  for (const char* b : kBullets) {
    const std::string m(b);
    if (util::starts_with(t, m)) return m.size();
  }
  const auto c = static_cast<unsigned char>(t.empty() ? 0 : t[0]);
  if (c == 0xEF && t.size() >= 3) return 3;  // private-use glyphs of Symbol/Wingdings bullets
  static const util::Regex kNumbered(R"(^(\d{1,2}|[a-zåäö])[.)]\s+)");
  util::Match m;
  if (util::regex_search(t, m, kNumbered)) return static_cast<std::size_t>(m.length());
  return 0;
}

// "Fastställd av: X", "Giltig t.o.m.: 2024-06-30": a label line stands on its own.
bool label_line(const std::string& t) {
  const auto colon = t.find(": ");
  if (colon == std::string::npos || colon == 0 || colon > 40) return false;
  return util::word_count(t.substr(0, colon)) <= 4 && t.substr(0, colon).find('.') == std::string::npos
             ? true
             : t.substr(0, colon).find("o.m") != std::string::npos;
}

// A row of a table: Markdown pipes, or cells set apart by wide gaps as pdftotext writes them.
bool table_row(const std::string& raw) {
  const std::string t(util::trim(raw));
  if (std::count(t.begin(), t.end(), '|') >= 2 || (t.find('|') != std::string::npos && t.find('|') > 0)) return true;
  if (t.find('\t') != std::string::npos) return true;
  static const util::Regex kGaps(R"(\S\s{3,}\S.*\S\s{3,}\S|\S {4,}\S)");
  return util::regex_search(t, kGaps);
}

bool table_rule(const std::string& t) {
  return !t.empty() && t.find_first_not_of("|-:+= \t") == std::string::npos && t.find('-') != std::string::npos;
}

// The words that end a sentence with a period but are abbreviations.
bool abbreviation_before(const std::string& text, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && text[b - 1] != ' ' && text[b - 1] != '(') --b;
  const std::string word = util::lower_sv(text.substr(b, dot - b + 1));
  static const std::set<std::string> kAbbrev = {"t.ex.", "bl.a.", "m.m.", "s.k.", "dvs.", "d.v.s.", "o.s.v.", "resp.",
                                                "jfr.",  "ca.",   "nr.",  "dnr.", "t.o.m.", "fr.o.m.", "f.d.", "kl.",
                                                "st.",   "tel.",  "p.g.a.", "kap.", "enl.", "inkl.", "exkl.", "fr.",
                                                "t.", "o.", "m.", "e.", "sk.", "tf.", "t.f.", "adm.", "avd."};
  if (kAbbrev.count(word)) return true;
  // "8 a §." or a single letter: "a." in "punkt a. och b."
  return word.size() <= 2 && word[0] >= 'a' && word[0] <= 'z';
}

// A sentence's words without its web addresses: a URL's path ("/ansvar-och-uppdrag") is
// not something the text says.
std::string without_urls(const std::string& s) {
  static const util::Regex kUrl(R"((https?://|www\.)\S+)");
  if (s.find("http") == std::string::npos && s.find("www.") == std::string::npos) return s;
  return util::regex_replace(s, kUrl, " ");
}

}  // namespace

std::string TextDocument::heading_text(int h) const {
  if (h < 0 || static_cast<std::size_t>(h) >= headings.size()) return "";
  const auto& x = headings[static_cast<std::size_t>(h)];
  return x.number.empty() ? x.title : x.number + " " + x.title;
}

std::vector<std::string> source_lines(const std::string& text, std::vector<int>* pages) {
  std::vector<std::string> lines;
  int p = 0;
  for (auto l : util::split(text, '\n')) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    if (l.find('\f') != std::string::npos) {
      ++p;
      l.erase(std::remove(l.begin(), l.end(), '\f'), l.end());
    }
    lines.push_back(std::move(l));
    if (pages) pages->push_back(p);
  }
  return lines;
}

std::vector<std::pair<std::size_t, std::size_t>> sentence_spans(const std::string& t) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t b = 0;
  for (std::size_t k = 0; k < t.size(); ++k) {
    const char c = t[k];
    if (c != '.' && c != '!' && c != '?') continue;
    if (k + 1 < t.size() && t[k + 1] != ' ') continue;
    if (c == '.' && abbreviation_before(t, k)) continue;
    std::size_t next = k + 1;
    while (next < t.size() && t[next] == ' ') ++next;
    if (next < t.size() && !starts_upper_or_digit(t.substr(next)) && t[next] != '"' &&
        static_cast<unsigned char>(t[next]) != 0xE2 && t[next] != '(') {
      continue;
    }
    spans.emplace_back(b, k + 1);
    b = next;
  }
  if (b < t.size()) spans.emplace_back(b, t.size());
  return spans;
}

TextDocument read_text_document(const std::string& path, const std::string& text) {
  TextDocument d;
  std::vector<int> page;  // per line
  d.lines = source_lines(text, &page);
  for (auto& l : d.lines) {
    // Markdown emphasis and quotes say nothing about the words.
    for (const char* mark : {"**", "__"}) {
      for (std::size_t at; (at = l.find(mark)) != std::string::npos;) l.erase(at, 2);
    }
  }
  const std::size_t n = d.lines.size();
  d.furniture.assign(n, false);
  std::vector<std::string> trimmed(n), lower(n);
  for (std::size_t i = 0; i < n; ++i) {
    trimmed[i] = std::string(util::trim(d.lines[i]));
    if (util::starts_with(trimmed[i], "> ")) trimmed[i] = trimmed[i].substr(2);
    lower[i] = util::lower_sv(trimmed[i]);
  }

  // Front matter: a YAML block, or a first line naming where the text came from.
  std::map<std::string, std::string> front;
  {
    std::size_t i = 0;
    while (i < n && trimmed[i].empty()) ++i;
    if (i < n && trimmed[i] == "---") {
      std::size_t j = i + 1;
      while (j < n && trimmed[j] != "---" && j < i + 40) ++j;
      if (j < n && trimmed[j] == "---") {
        for (std::size_t k = i; k <= j; ++k) {
          d.furniture[k] = true;
          const auto colon = trimmed[k].find(':');
          if (colon != std::string::npos) {
            front[util::lower_sv(util::trim(trimmed[k].substr(0, colon)))] =
                std::string(util::trim(trimmed[k].substr(colon + 1)));
          }
        }
      }
    }
    static const util::Regex kSource(R"(^(#+\s*)?(source|källa|url|hämtad|hämtat|downloaded|original|fil|file)\s*:)");
    for (std::size_t k = 0; k < n && k < 5; ++k) {
      if (util::regex_search(lower[k], kSource)) d.furniture[k] = true;
    }
  }

  // Page furniture: page numbers, and lines of the same shape repeated on several pages (a
  // running header "Region X | Samverkansöverenskommelse   Sida 3 (6)"), or at the top or
  // foot of most pages.
  {
    static const util::Regex kAtxHeading(R"(^#{1,6}\s+\S)");
    const int pages = page.empty() ? 0 : page.back() + 1;
    std::map<std::string, int> count;
    std::map<std::string, std::set<int>> on_pages;
    std::vector<std::string> shapes(n);
    for (std::size_t i = 0; i < n; ++i) {
      if (trimmed[i].empty()) continue;
      shapes[i] = shape(trimmed[i]);
      ++count[shapes[i]];
      on_pages[shapes[i]].insert(page[i]);
    }
    // First and last lines of each page.
    std::set<std::size_t> edges;
    for (int p = 0; p < pages; ++p) {
      std::size_t firsts = 0, lasts = 0;
      for (std::size_t i = 0; i < n && firsts < 2; ++i) {
        if (page[i] == p && !trimmed[i].empty()) edges.insert(i), ++firsts;
      }
      for (std::size_t i = n; i-- > 0 && lasts < 2;) {
        if (page[i] == p && !trimmed[i].empty()) edges.insert(i), ++lasts;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (trimmed[i].empty()) continue;
      // A Markdown heading ("## Kommunens ansvar") is the author's own structure, however
      // often its words recur (the same party heading under several topics); pages have no
      // running headers in Markdown.
      if (util::regex_search(trimmed[i], kAtxHeading)) continue;
      const int words = util::word_count(trimmed[i]);
      const std::string& s = shapes[i];
      if (page_number_line(lower[i])) {
        d.furniture[i] = true;
      } else if (count[s] >= 3 && words >= 2 && words <= 14) {
        d.furniture[i] = true;
      } else if (pages >= 2 && edges.count(i) && on_pages[s].size() >= 2 && words <= 14 &&
                 (s.find('#') != std::string::npos || count[s] >= 2)) {
        d.furniture[i] = true;
      }
    }
  }

  // The table of contents.
  {
    bool in_toc = false;
    int blank_run = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (d.furniture[i]) continue;
      const std::string& t = trimmed[i];
      if (toc_title_line(lower[i]) || toc_title_line(util::lower_sv(util::trim(t.substr(t.find_first_not_of("# ") == std::string::npos ? 0 : t.find_first_not_of("# ")))))) {
        d.furniture[i] = true;
        in_toc = true;
        blank_run = 0;
        continue;
      }
      if (t.empty()) {
        if (in_toc && ++blank_run > 3) in_toc = false;
        continue;
      }
      if (toc_leader_line(t) || (in_toc && toc_plain_line(d.lines[i]))) {
        d.furniture[i] = true;
        d.toc.push_back(toc_entry(static_cast<int>(i + 1), t));
        in_toc = true;
        blank_run = 0;
        continue;
      }
      in_toc = false;
    }
  }

  // Headings, on the text without furniture.
  std::vector<std::string> clean(n);
  for (std::size_t i = 0; i < n; ++i) clean[i] = d.furniture[i] ? std::string() : d.lines[i];
  d.headings = find_headings(clean);
  std::vector<int> heading_at(n + 1, -1);  // line (1-based) -> heading index
  for (std::size_t h = 0; h < d.headings.size(); ++h) heading_at[static_cast<std::size_t>(d.headings[h].line)] = static_cast<int>(h);
  d.parent.assign(d.headings.size(), -1);
  for (std::size_t h = 0; h < d.headings.size(); ++h) {
    for (std::size_t k = h; k-- > 0;) {
      if (d.headings[k].level < d.headings[h].level) {
        d.parent[h] = static_cast<int>(k);
        break;
      }
    }
  }

  // The title: a Markdown H1 or YAML title, else the first line that names the document.
  if (front.count("title")) d.title = front["title"];
  for (std::size_t i = 0; i < n && i < 60 && d.title.empty(); ++i) {
    if (d.furniture[i] || trimmed[i].empty()) continue;
    const std::string& l = lower[i];
    if (l.find("överenskommelse") != std::string::npos || l.find("avtal") != std::string::npos ||
        l.find("samverkan") != std::string::npos) {
      std::string t = trimmed[i];
      if (util::starts_with(t, "#")) t = std::string(util::trim(t.substr(t.find_first_not_of('#'))));
      // A title set over two lines goes on in lower case ("Samverkansöverenskommelse om
      // personer med" / "psykisk funktionsnedsättning").
      for (std::size_t j = i + 1; j < n && j <= i + 2; ++j) {
        if (trimmed[j].empty() || d.furniture[j]) break;
        if (starts_lower(trimmed[j]) && util::word_count(trimmed[j]) <= 8) t += " " + trimmed[j];
        break;
      }
      if (util::word_count(t) <= 25) d.title = t;
      break;
    }
  }

  // The version, as a cover page or a running footer gives it ("Version 5.0", "Version: 2"):
  // a short line among the first ones; a sentence that mentions a version is not one.
  if (front.count("version")) d.version = front["version"];
  static const util::Regex version_line(R"((^|[\s#*|])versio(n|nsnummer)\s*:?\s*(\d+(\.\d+){0,3})\b)");
  for (std::size_t i = 0; i < n && i < 60 && d.version.empty(); ++i) {
    if (trimmed[i].empty() || util::word_count(trimmed[i]) > 8) continue;
    util::Match m;
    if (util::regex_search(lower[i], m, version_line)) d.version = m[3].str();
  }

  // Paragraphs, list items, table rows and label lines, with their positions.
  int current_heading = -1;
  std::string lead_in;      // the last lead-in sentence (ends with ':'), while its list goes on
  bool in_list = false;
  ProseUnit cur;
  bool cur_item = false;    // the unit being built is a list item or table row
  std::vector<int> unit_heading;
  std::vector<std::string> unit_lead;
  std::vector<int> unit_block;
  int block = 0;
  bool blank_seen = false;
  auto flush = [&] {
    if (!cur.text.empty()) {
      cur.section = current_heading >= 0 ? d.heading_text(current_heading) : "";
      d.units.push_back(std::move(cur));
      unit_heading.push_back(current_heading);
      unit_block.push_back(block);
      unit_lead.push_back(cur_item ? lead_in : std::string());
      // A paragraph ending in a colon introduces what follows.
      const std::string& last = d.units.back().text;
      if (!cur_item) {
        in_list = !last.empty() && last.back() == ':';
        if (in_list) {
          const auto b = last.find_last_of(".!?", last.size() - 2);
          lead_in = std::string(util::trim(last.substr(b == std::string::npos ? 0 : b + 1)));
        } else if (util::lead_in(last) && util::word_count(last) <= 12) {
          // A short line that ends no sentence ("Kommunen ansvarar för", "MÅL") leads into
          // a list below it, a blank line between or not (the next paragraph clears it).
          lead_in = std::string(util::trim(last));
        } else {
          lead_in.clear();
        }
      }
    }
    cur = ProseUnit{};
    cur_item = false;
  };
  auto ends_sentence = [](const std::string& t) {
    if (t.empty()) return true;
    const char c = t.back();
    return c == '.' || c == '!' || c == '?' || c == ':';
  };
  for (std::size_t i = 0; i < n; ++i) {
    const int line = static_cast<int>(i + 1);
    if (heading_at[static_cast<std::size_t>(line)] >= 0) {
      flush();
      current_heading = heading_at[static_cast<std::size_t>(line)];
      lead_in.clear();
      in_list = false;
      ProseUnit h;
      h.text = d.headings[static_cast<std::size_t>(current_heading)].title;
      h.heading = true;
      h.section = d.heading_text(current_heading);
      h.anchors.emplace_back(0, diag::SourceSpan{path, line, 1});
      d.units.push_back(std::move(h));
      unit_heading.push_back(current_heading);
      unit_lead.emplace_back();
      unit_block.push_back(++block);
      ++block;
      blank_seen = false;
      // A heading in capitals set over two lines: the second line is part of it.
      if (i + 1 < n && !d.headings[static_cast<std::size_t>(current_heading)].title.empty() &&
          d.headings[static_cast<std::size_t>(current_heading)].title.find(trimmed[i + 1]) != std::string::npos &&
          !trimmed[i + 1].empty()) {
        ++i;
      }
      continue;
    }
    if (d.furniture[i]) continue;
    std::string t = trimmed[i];
    if (t.empty()) {
      // pdftotext -layout often leaves a blank line after every line: a sentence that has
      // not ended goes on in the next line.
      std::size_t j = i + 1;
      while (j < n && (trimmed[j].empty() || d.furniture[j])) ++j;
      // A line that starts in lower case, or with a dash and a number ("– 2020-12-31"), goes on.
      const bool continues_next = j < n && (starts_lower(trimmed[j]) || ((util::starts_with(trimmed[j], "\xE2\x80\x93") ||
                                                                         util::starts_with(trimmed[j], "- ")) &&
                                                                        trimmed[j].find_first_of("0123456789") < 6));
      const bool goes_on = !cur.text.empty() && !ends_sentence(cur.text) && continues_next && j - i <= 4 &&
                           heading_at[j + 1] < 0;
      if (!goes_on) flush(), blank_seen = true;
      continue;
    }
    if (table_rule(t)) continue;
    const int indent = static_cast<int>(d.lines[i].find_first_not_of(" \t"));
    std::size_t bullet = bullet_length(t);
    // "– 2020-12-31" after "gäller från 2017-06-01": a range going on, not a list item.
    if (bullet && (t[0] == '-' || util::starts_with(t, "\xE2\x80\x93")) && bullet < t.size() &&
        t.find_first_of("0123456789", bullet) == bullet + t.substr(bullet).find_first_not_of(' ') && !cur.text.empty() &&
        !ends_sentence(cur.text)) {
      bullet = 0;
    }
    const bool row = table_row(d.lines[i]);
    const bool label = label_line(t);
    const bool continues = !cur.text.empty() && !bullet && !label && !ends_sentence(cur.text) &&
                           (starts_lower(t) || (!row && !cur_item) || (cur_item && starts_lower(t)));
    const bool item_continues = cur_item && !bullet && !row && !label && starts_lower(t) && !cur.text.empty();
    if (!(continues || item_continues)) {
      // A paragraph that stops without a full stop right before a list introduces it
      // ("Vi ska vara extra uppmärksamma på" / "- unga vuxna ...").
      const bool opens_list = (bullet > 0 || row) && !cur_item && !cur.text.empty() && lead_in.empty() &&
                              cur.text.back() != '.' && cur.text.back() != '!' && cur.text.back() != '?';
      std::string opener;
      if (opens_list) {
        const auto b = cur.text.find_last_of(".!?");
        opener = std::string(util::trim(cur.text.substr(b == std::string::npos ? 0 : b + 1)));
      }
      flush();
      if (opens_list) lead_in = opener, in_list = true;
      cur_item = bullet > 0 || row;
      // A blank line starts a new block, except between a lead-in and its list.
      if (blank_seen && !(cur_item && !lead_in.empty())) ++block;
      blank_seen = false;
    }
    std::string piece = t;
    int col = indent + 1;
    if (bullet && cur.text.empty()) {
      piece = std::string(util::trim(t.substr(bullet)));
      col += static_cast<int>(bullet);
    }
    if (row) {
      // Cells become one line: "Boende | Kommunen ansvarar ... | ..." reads as a row.
      std::string cells;
      for (auto cell : util::split(piece, '|')) {
        const std::string c(util::trim(cell));
        if (!c.empty()) cells += (cells.empty() ? "" : " | ") + c;
      }
      if (!cells.empty()) piece = cells;
    }
    if (!cur.text.empty()) {
      const std::string& so_far = cur.text;
      const bool hyphen = so_far.size() >= 2 && so_far.back() == '-' && so_far[so_far.size() - 2] != ' ';
      static const std::set<std::string> kAfterHyphen = {"och", "eller", "samt", "respektive", "resp.", "till", "som", "men"};
      const std::string first_word = util::lower_sv(piece.substr(0, piece.find(' ')));
      if (hyphen && starts_lower(piece) && !kAfterHyphen.count(first_word)) {
        // "sam-" + "verkan": the hyphen was the line break's, unless the first part is an
        // abbreviation in capitals ("SIP-" + "möte").
        std::size_t b = so_far.size() - 1;
        while (b > 0 && so_far[b - 1] != ' ') --b;
        const std::string part = so_far.substr(b, so_far.size() - 1 - b);
        const bool caps = !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!caps) cur.text.pop_back();
      } else {
        cur.text += ' ';
      }
    }
    cur.anchors.emplace_back(cur.text.size(), diag::SourceSpan{path, line, col});
    cur.text += piece;
  }
  flush();

  // Sentences.
  for (std::size_t u = 0; u < d.units.size(); ++u) {
    const ProseUnit& unit = d.units[u];
    if (unit.heading) continue;
    const std::string& t = unit.text;
    const auto spans = sentence_spans(t);
    // The headings above, innermost first, then the list's lead-in, are the context.
    std::string context;
    for (int h = unit_heading[u]; h >= 0; h = d.parent[static_cast<std::size_t>(h)]) {
      context += d.headings[static_cast<std::size_t>(h)].title + " . ";
    }
    context += unit_lead[u];
    // A label line ("Parter: ...", "Giltighetstid: ...") is about what its label says.
    const auto colon = t.find(": ");
    if (unit_lead[u].empty() && label_line(t) && colon != std::string::npos) context += " . " + t.substr(0, colon);
    const auto context_tokens = text::tokenize(context);
    for (const auto& [sb, se] : spans) {
      TextSentence s;
      s.unit = u;
      s.begin = sb;
      s.end = se;
      s.heading = unit_heading[u];
      s.block = unit_block[u];
      s.lead_in = unit_lead[u];
      s.text = t.substr(sb, se - sb);
      s.tokens = text::tokenize(without_urls(s.text));
      s.context_tokens = context_tokens;
      if (!s.tokens.empty()) d.sentences.push_back(std::move(s));
    }
  }
  return d;
}

}  // namespace okgen::review
