// Plain-text agreements (see text_check.h).
#include "review/text_check.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "util/text.h"

namespace okgen::review {
namespace {

bool is_upper_line(const std::string& s) {
  int letters = 0, lower = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 'a' && c <= 'z') ++lower, ++letters;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == 0xC3 && i + 1 < s.size()) {
      auto d = static_cast<unsigned char>(s[i + 1]);
      ++letters;
      if (d >= 0xA0) ++lower;  // å ä ö é ...
    }
  }
  return letters >= 4 && lower == 0;
}

// Page furniture from PDF extraction: page numbers, "Sida 3 (27)", running headers.
std::set<std::string> repeated_lines(const std::vector<std::string>& lines) {
  std::map<std::string, int> count;
  for (const auto& l : lines) {
    std::string t(util::trim(l));
    if (!t.empty()) ++count[t];
  }
  std::set<std::string> out;
  for (const auto& [t, n] : count) {
    if (n >= 3 && util::word_count(t) >= 2) out.insert(t);
  }
  return out;
}

// Two blank lines in a row, or a list item next, end a paragraph whatever its last word.
bool blank_before_break(const std::vector<std::string>& lines, std::size_t i) {
  if (i + 1 >= lines.size()) return true;
  const std::string next(util::trim(lines[i + 1]));
  if (next.empty()) return true;
  auto c = static_cast<unsigned char>(next[0]);
  return c == 0xEF || c == 0xE2 || c == '-' || c == '*';  // private-use or bullet glyphs from PDFs, dashes
}

// A few words of `line` around the first match of `re`.
std::string excerpt(const std::string& line, const std::regex& re) {
  const std::string lower = util::lower_sv(line);
  std::smatch m;
  if (!std::regex_search(lower, m, re)) return std::string(util::trim(line)).substr(0, 30);
  std::size_t b = static_cast<std::size_t>(m.position());
  std::size_t e = b + static_cast<std::size_t>(m.length());
  // Widen to whole words, at most two more on each side.
  for (int k = 0; k < 2 && b > 0; ++k) {
    std::size_t p = line.rfind(' ', b - 1);
    if (p == std::string::npos || b - p > 20) break;
    b = p;
  }
  std::string out(util::trim(line.substr(b, e - b)));
  return out + (e < line.size() ? " …" : "");
}

bool furniture(const std::string& t, const std::set<std::string>& repeated) {
  static const std::regex kPage(R"(^(sida\s+)?\d+\s*(\(\d+\))?$|^\d+\s*\(\s*\d+\s*\)$)", std::regex::icase);
  return repeated.count(t) || std::regex_match(t, kPage);
}

}  // namespace

std::vector<TextHeading> find_headings(const std::vector<std::string>& lines) {
  static const std::regex kNumbered(R"(^\s{0,6}(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,100})$)");
  static const std::regex kMarkdown(R"(^(#{1,6})\s+(.+?)\s*#*\s*$)");
  const auto repeated = repeated_lines(lines);
  std::vector<TextHeading> out;
  std::vector<int> outline;  // the last heading number at each level
  auto blank = [&](std::size_t i) { return i >= lines.size() || util::trim(lines[i]).empty(); };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string t(util::trim(lines[i]));
    if (t.empty() || furniture(t, repeated)) continue;
    std::smatch m;
    if (std::regex_match(lines[i], m, kMarkdown)) {
      out.push_back(TextHeading{static_cast<int>(i + 1), static_cast<int>(m[1].length()), "", std::string(util::trim(m[2].str()))});
      continue;
    }
    if (std::regex_match(lines[i], m, kNumbered)) {
      std::string number = m[1];
      std::string title(util::trim(m[2].str()));
      // Headings are short and do not end like sentences; footnotes ("3 Enligt 16 kap ...")
      // and list items are weeded out by the outline: a heading number must follow the last.
      const auto parts = util::split(number, '.');
      std::vector<int> n;
      for (const auto& p : parts) n.push_back(std::atoi(p.c_str()));
      bool plausible = util::word_count(title) <= 14 && title.back() != ',' && title.back() != ';' &&
                       title.back() != '.' && title.back() != '?' && title.back() != '!' &&
                       ((title[0] >= 'A' && title[0] <= 'Z') || static_cast<unsigned char>(title[0]) == 0xC3) &&
                       title.find("http") == std::string::npos && title.find("\xC2\xA7") == std::string::npos;
      if (plausible) {
        const std::size_t level = n.size();
        if (level == 1) {
          plausible = outline.empty() ? n[0] == 1 : n[0] == outline[0] + 1;
        } else {
          plausible = outline.size() >= level - 1 && n[level - 2] == outline[level - 2] &&
                      std::equal(n.begin(), n.end() - 1, outline.begin()) &&
                      (outline.size() < level ? n[level - 1] == 1 : n[level - 1] == outline[level - 1] + 1);
        }
      }
      if (plausible) {
        outline.assign(n.begin(), n.end());
        // A heading in capitals often goes on over the next line ("5 KOMMUNENS OCH REGION
        // JÄMTLAND" / "HÄRJEDALENS ANSVAR").
        for (std::size_t j = i + 1; j < lines.size() && j <= i + 2 && is_upper_line(title); ++j) {
          const std::string next(util::trim(lines[j]));
          if (next.empty()) continue;
          if (is_upper_line(next) && util::word_count(next) <= 8 && !std::regex_match(lines[j], kNumbered)) title += " " + next;
          break;
        }
        out.push_back(TextHeading{static_cast<int>(i + 1), static_cast<int>(n.size()), number, title});
        continue;
      }
    }
    // Unnumbered headings: a short line starting with a capital, without a sentence
    // ending, that follows a blank line or a finished sentence and comes before a blank
    // line, a list or a new sentence (as pdftotext writes headings).
    std::string title = t;
    std::size_t end_line = i;
    if (title.back() == ',' && i + 1 < lines.size()) {
      // "Spridning, genomförande, uppföljning," / "utvärdering"
      const std::string next(util::trim(lines[i + 1]));
      if (!next.empty() && util::word_count(next) <= 3 && next.back() != '.') {
        title += " " + next;
        end_line = i + 1;
      }
    }
    const int words = util::word_count(title);
    const auto first = static_cast<unsigned char>(title[0]);
    const bool capital = (first >= 'A' && first <= 'Z') ||
                         (first == 0xC3 && title.size() > 1 && static_cast<unsigned char>(title[1]) >= 0x80 &&
                          static_cast<unsigned char>(title[1]) <= 0x9E);
    const char last = title.back();
    // A line that ends in a function word is a sentence going on, not a heading
    // ("Målgruppen för denna samverkansöverenskommelse är personer från").
    static const std::set<std::string> kGoesOn = {"och", "eller", "att", "av", "för", "från", "med", "som", "i", "på",
                                                  "till", "om", "är", "en", "ett", "den", "det", "de", "vid", "inom",
                                                  "mellan", "under", "när", "ska", "kan", "har", "samt", "så"};
    const std::string last_word = util::lower_sv(title.substr(title.find_last_of(' ') == std::string::npos ? 0 : title.find_last_of(' ') + 1));
    if (kGoesOn.count(last_word)) continue;
    auto ends_sentence = [](const std::string& l) {
      std::string x(util::trim(l));
      return x.empty() || x.back() == '.' || x.back() == ':' || x.back() == '!' || x.back() == '?';
    };
    auto starts_block = [&](std::size_t j) {
      if (j >= lines.size()) return true;
      const std::string x(util::trim(lines[j]));
      if (x.empty()) return true;
      const auto c = static_cast<unsigned char>(x[0]);
      return c == 0xE2 || c == 0xEF || (c >= 'A' && c <= 'Z') || c == 0xC3;  // bullet, capital
    };
    if (capital && words >= 1 && words <= 7 && last != '.' && last != ',' && last != ':' && last != ';' &&
        last != ')' && last != '?' && (i == 0 || blank(i - 1) || ends_sentence(lines[i - 1])) &&
        (blank(end_line + 1) || starts_block(end_line + 1)) && title.find("http") == std::string::npos &&
        title.find('|') == std::string::npos && !std::isdigit(static_cast<unsigned char>(last))) {
      out.push_back(TextHeading{static_cast<int>(i + 1), is_upper_line(title) ? 1 : 2, "", title});
      i = end_line;
    }
  }
  return out;
}

namespace {

struct TextSection {
  const TextHeading* heading;
  int first = 0, last = 0;  // line range of the body, 1-based inclusive
  std::string text;         // lower case
  int words = 0;
};

// Extracts the validity clause: dates, "tills vidare", extension and notice. `first` and
// `last` bound the lines searched (the validity section when there is one); among several
// periods (history of earlier versions) the one that ends last is the current one.
std::optional<model::Validity> extract_validity(const std::vector<std::string>& lines, int first, int last,
                                                int& line_out) {
  static const std::regex kRange(
      R"((?:från och med|fr\.?\s?o\.?\s?m\.?|från)\s*(?:\(förslag\)\s*)?(\d{4}-\d{2}-\d{2})\s*(?:till och med|t\.?\s?o\.?\s?m\.?|till|–|-)\s*(\d{4}-\d{2}-\d{2}))",
      std::regex::icase);
  static const std::regex kUntilFurther(R"(tills vidare)", std::regex::icase);
  static const std::regex kExtension(
      R"(förläng\w*[^.]{0,80}?med\s+(\d+|ett|en|två|tre|tolv|sex)\s+(år|månader))", std::regex::icase);
  static const std::regex kNotice(R"((?:senast|minst)\s+(\d+|tolv|sex|tre)\s+månader\s+(?:innan|före))", std::regex::icase);
  static const std::map<std::string, int> kNumbers = {{"ett", 1}, {"en", 1}, {"två", 2}, {"tre", 3}, {"sex", 6}, {"tolv", 12}};
  auto number = [&](const std::string& s) {
    auto it = kNumbers.find(util::lower_sv(s));
    return it != kNumbers.end() ? it->second : std::atoi(s.c_str());
  };
  // One line of text with single spaces, so a clause broken over (double-spaced) lines is
  // still found; `starts` maps offsets back to lines.
  std::string text;
  std::vector<std::pair<std::size_t, int>> starts;
  for (int i = first; i <= last && i <= static_cast<int>(lines.size()); ++i) {
    const std::string t(util::trim(lines[static_cast<std::size_t>(i - 1)]));
    if (t.empty()) continue;
    starts.emplace_back(text.size(), i);
    for (char c : t) {
      if ((c == ' ' || c == '\t') && !text.empty() && text.back() == ' ') continue;
      text.push_back(c == '\t' ? ' ' : c);
    }
    text += ' ';
  }
  auto line_at = [&](std::size_t off) {
    int line = first;
    for (const auto& [o, l] : starts) {
      if (o > off) break;
      line = l;
    }
    return line;
  };
  model::Validity v;
  bool found = false;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kRange); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    auto s = util::Date::parse(m[1]);
    auto e = util::Date::parse(m[2]);
    if (!s || !e || *e < *s || (found && *e <= *v.end)) continue;
    v = model::Validity{};
    v.start = *s;
    v.end = *e;
    found = true;
    line_out = line_at(static_cast<std::size_t>(m.position()));
    const std::string after = text.substr(static_cast<std::size_t>(m.position()), 900);
    std::smatch x;
    if (std::regex_search(after, x, kExtension)) {
      model::Extension ext;
      ext.months = number(x[1]) * (util::lower_sv(x[2].str()).rfind("år", 0) == 0 ? 12 : 1);
      ext.repeat = after.find("i taget") != std::string::npos;
      ext.condition = after.find("revider") != std::string::npos && after.find("sagt upp") == std::string::npos
                          ? model::ExtensionCondition::revision_started
                          : model::ExtensionCondition::no_notice;
      v.extension = ext;
    }
    if (std::regex_search(after, x, kNotice)) v.notice_months = number(x[1]);
  }
  std::smatch m;
  if (!found && std::regex_search(text, m, kUntilFurther)) {
    v.until_further_notice = true;
    found = true;
    line_out = line_at(static_cast<std::size_t>(m.position()));
  }
  if (!found) return std::nullopt;
  return v;
}

}  // namespace

CheckReport check_text(const std::string& path, const std::string& text, const data::ReferenceData& data,
                       const CheckOptions& options, diag::DiagnosticSink& sink) {
  CheckReport r;
  r.source = path;
  r.kind = "text";
  std::vector<std::string> lines = util::split(text, '\n');
  for (auto& l : lines) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    // pdftotext writes a form feed between pages.
    l.erase(std::remove(l.begin(), l.end(), '\f'), l.end());
  }
  const auto repeated = repeated_lines(lines);
  const std::vector<TextHeading> headings = find_headings(lines);

  // Headings that name an area; an unnumbered heading's section runs on over the
  // headings that name none (sub-headings such as "Systemnivå" under "Brukarmedverkan").
  std::vector<std::regex> area_headings;
  for (const auto& k : data.area_keywords) area_headings.emplace_back(k.heading, std::regex::icase);
  auto names_area = [&](const TextHeading& h) {
    const std::string t = util::lower_sv(h.title);
    return std::any_of(area_headings.begin(), area_headings.end(), [&](const std::regex& re) { return std::regex_search(t, re); });
  };
  // Sections: from a heading to the next heading at the same or a higher level.
  std::vector<TextSection> sections;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    TextSection s;
    s.heading = &headings[h];
    s.first = headings[h].line + 1;
    s.last = static_cast<int>(lines.size());
    for (std::size_t k = h + 1; k < headings.size(); ++k) {
      const bool ends = headings[h].number.empty()
                            ? !headings[k].number.empty() || names_area(headings[k]) || headings[k].level < headings[h].level
                            : headings[k].level <= headings[h].level;
      if (ends) {
        s.last = headings[k].line - 1;
        break;
      }
    }
    for (int i = s.first; i <= s.last; ++i) {
      const std::string t(util::trim(lines[static_cast<std::size_t>(i - 1)]));
      if (t.empty() || furniture(t, repeated)) continue;
      s.text += util::lower_sv(t) + " ";
    }
    s.words = util::word_count(s.text);
    sections.push_back(std::move(s));
  }
  if (!headings.empty()) r.title = headings.front().title;

  // Coverage.
  for (const auto& area : data.areas) {
    AreaCoverage c;
    c.area = area.id;
    const data::AreaKeywords* k = nullptr;
    for (const auto& kw : data.area_keywords) {
      if (kw.area == area.id) k = &kw;
    }
    if (!k) {
      r.coverage.push_back(c);
      continue;
    }
    const std::regex heading_re(k->heading, std::regex::icase);
    auto judge = [&](const std::string& body, int words) {
      int terms = 0;
      for (const auto& t : k->terms) terms += std::regex_search(body, compiled_pattern(t, true)) ? 1 : 0;
      const bool required = k->required.empty() || std::regex_search(body, compiled_pattern(k->required, true));
      return words >= k->min_words && terms >= k->min_terms && required ? 2 : 1;
    };
    int best = 0;  // 0 missing, 1 partial, 2 covered
    std::string all_text;
    int all_words = 0;
    for (std::size_t si = 0; si < sections.size(); ++si) {
      const auto& s = sections[si];
      if (!std::regex_search(util::lower_sv(s.heading->title), heading_re)) continue;
      // A heading that names several areas ("4 Implementering och uppföljning") gives way
      // to a sub-section that names this one ("4.1 Implementering"): that is where it is.
      int areas_named = 0;
      for (const auto& re : area_headings) areas_named += std::regex_search(util::lower_sv(s.heading->title), re) ? 1 : 0;
      bool child_matches = false;
      for (std::size_t sj = si + 1; areas_named >= 2 && sj < sections.size() && sections[sj].heading->line <= s.last; ++sj) {
        child_matches = child_matches || (!s.heading->number.empty() &&
                                          std::regex_search(util::lower_sv(sections[sj].heading->title), heading_re));
      }
      if (child_matches) continue;
      all_text += s.text;
      all_words += s.words;
      const int status = judge(s.text, s.words);
      if (status > best) {
        best = status;
        c.where = diag::SourceSpan{path, s.heading->line, 1};
        c.where_text = (s.heading->number.empty() ? "" : s.heading->number + " ") + s.heading->title;
      }
    }
    // An area spread over several sub-sections is judged on all of them together.
    if (best == 1 && k->union_sections && judge(all_text, all_words) == 2) best = 2;
    if (best == 0) {
      // No heading: the area is at most partial, and only when the text speaks of it
      // clearly (the heading words twice in one section, not a stray keyword) or the
      // area's own hint is found (a validity clause in the preamble, say).
      for (const auto& s : sections) {
        auto it = std::sregex_iterator(s.text.begin(), s.text.end(), heading_re);
        if (std::distance(it, std::sregex_iterator()) >= 2) {
          best = 1;
          c.where = diag::SourceSpan{path, s.heading->line, 1};
          c.where_text = (s.heading->number.empty() ? "" : s.heading->number + " ") + s.heading->title;
          break;
        }
      }
      if (best == 0 && !k->hint.empty()) {
        const std::regex hint(k->hint, std::regex::icase);
        for (std::size_t i = 0; i < lines.size(); ++i) {
          if (std::regex_search(util::lower_sv(lines[i]), hint)) {
            best = 1;
            c.where = diag::SourceSpan{path, static_cast<int>(i + 1), 1};
            // The words around the match, not the whole line: enough to find it.
            c.where_text = "\xE2\x80\x9C" + excerpt(lines[i], hint) + "\xE2\x80\x9D";
            break;
          }
        }
      }
    }
    c.status = best == 2 ? Coverage::covered : best == 1 ? Coverage::partial : Coverage::missing;
    r.coverage.push_back(c);
  }

  // Validity clause.
  int validity_line = 0;
  std::optional<model::Validity> validity;
  for (const auto& sec : sections) {
    if (!validity && std::regex_search(util::lower_sv(sec.heading->title), std::regex("giltighet|ikraftträdande"))) {
      validity = extract_validity(lines, sec.first, sec.last, validity_line);
    }
  }
  if (!validity) validity = extract_validity(lines, 1, static_cast<int>(lines.size()), validity_line);
  util::Date doc_date = options.as_of;
  if (validity) {
    doc_date = validity->start.year ? validity->start : options.as_of;

    model::Agreement a;
    a.files = {path};
    model::Section s;
    validity->loc = model::Loc{0, validity_line, 1};
    s.content.push_back(*validity);
    a.sections.push_back(std::move(s));
    if (validity->until_further_notice) {
      // The date it speaks from: the newest year mentioned near the top of the document.
      static const std::regex kYear(R"(\b(20[0-4]\d)\b)");
      int newest = 0;
      for (std::size_t i = 0; i < lines.size() && i < 40; ++i) {
        for (auto it = std::sregex_iterator(lines[i].begin(), lines[i].end(), kYear); it != std::sregex_iterator(); ++it) {
          newest = std::max(newest, std::atoi((*it)[1].str().c_str()));
        }
      }
      if (newest) doc_date = util::Date{newest, 1, 1};
      a.sections.back().content.clear();
      validity->start = doc_date;
      a.sections.back().content.push_back(*validity);
    }
    r.validity = check_validity(a, options, r.dates, sink);
  }
  report_coverage(r.coverage, data, diag::SourceSpan{path, 1, 1}, sink);

  // Prose: paragraphs of body text, with a position for every line.
  std::vector<ProseUnit> prose;
  ProseUnit current;
  std::size_t next_heading = 0;
  auto flush = [&] {
    if (!current.text.empty()) prose.push_back(std::move(current));
    current = ProseUnit{};
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const int line = static_cast<int>(i + 1);
    if (next_heading < headings.size() && headings[next_heading].line == line) {
      flush();
      ProseUnit h;
      h.text = headings[next_heading].title;
      h.heading = true;
      h.anchors.emplace_back(0, diag::SourceSpan{path, line, 1});
      prose.push_back(std::move(h));
      ++next_heading;
      continue;
    }
    const std::string& raw = lines[i];
    const std::string t(util::trim(raw));
    if (t.empty()) {
      // pdftotext -layout often puts a blank line after every line: a sentence that has
      // not ended goes on in the next line.
      const char last = current.text.empty() ? '.' : current.text.back();
      if (last == '.' || last == ':' || last == '!' || last == '?' || blank_before_break(lines, i)) flush();
      continue;
    }
    if (furniture(t, repeated)) continue;
    const int indent = static_cast<int>(raw.find_first_not_of(" \t"));
    if (!current.text.empty()) current.text += ' ';
    current.anchors.emplace_back(current.text.size(), diag::SourceSpan{path, line, indent + 1});
    current.text += t;
  }
  flush();
  ProseContext ctx{data, options, doc_date};
  check_cited_laws(prose, ctx, sink);
  check_wording(prose, ctx, sink);
  check_readability(prose, ctx, sink);
  return r;
}

}  // namespace okgen::review
