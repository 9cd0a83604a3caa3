// Plain-text agreements (see text_check.h).
#include "review/text_check.h"
#include "review/text_validity.h"

#include <algorithm>
#include <map>
#include <set>

#include "review/facets.h"
#include "review/text_dates.h"
#include "review/text_document.h"
#include "util/regex.h"
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

bool furniture(const std::string& t, const std::set<std::string>& repeated) {
  static const util::Regex kPage(R"(^(sida\s+)?\d+\s*(\(\d+\))?$|^\d+\s*\(\s*\d+\s*\)$)", util::Regex::icase);
  return repeated.count(t) || util::regex_match(t, kPage);
}

}  // namespace

std::vector<TextHeading> find_headings(const std::vector<std::string>& lines) {
  static const util::Regex kNumbered(R"(^\s{0,6}(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.{0,100})$)");
  static const util::Regex kMarkdown(R"(^(#{1,6})\s+(.+?)\s*#*\s*$)");
  // A place and a date ("Tierp 2011-xx-xx") under a signature line is not a heading.
  static const util::Regex kDateLike(R"(\d{4}[-.][\dxX_?]{1,2}[-.][\dxX_?]{1,2}|[ÅåYy]{4}-)");
  const auto repeated = repeated_lines(lines);
  std::vector<TextHeading> out;
  std::vector<int> outline;  // the last heading number at each level
  auto blank = [&](std::size_t i) { return i >= lines.size() || util::trim(lines[i]).empty(); };
  // A Markdown text marks its headings: a short line there is a lead-in or a label, not a
  // heading ("I planen står" before a list).
  const bool markdown = std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
    util::Match m;
    return util::regex_match(l, m, kMarkdown) && !util::starts_with(util::lower_sv(m[2].str()), "source:");
  });
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string t(util::trim(lines[i]));
    // A Markdown heading is a heading however often its words recur ("## Kommunens ansvar"
    // under each topic): only unmarked lines can be a running header.
    if (t.empty() || (furniture(t, repeated) && !util::regex_match(lines[i], kMarkdown))) continue;
    util::Match m;
    // "§ 4 Tvister": agreements written as numbered paragraphs.
    static const util::Regex kParagraph(R"(^\s{0,6}\xC2\xA7\s*(\d{1,2})\.?\s*(.{0,80})$)");
    if (util::regex_match(lines[i], m, kParagraph)) {
      const std::string title(util::trim(m[2].str()));
      if (title.empty() || (util::word_count(title) <= 10 && title.back() != '.' && title.back() != ',')) {
        out.push_back(TextHeading{static_cast<int>(i + 1), 1, m[1].str(), title.empty() ? "\xC2\xA7 " + m[1].str() : title});
        continue;
      }
    }
    if (util::regex_match(lines[i], m, kMarkdown)) {
      out.push_back(TextHeading{static_cast<int>(i + 1), static_cast<int>(m[1].length()), "", std::string(util::trim(m[2].str()))});
      continue;
    }
    // Numbered lines with no blank line between them are a list ("1. Berörda chefer ...",
    // "2. Därefter ..."), not a run of headings with nothing under them.
    auto numbered_neighbour = [&](std::size_t j) {
      return j < lines.size() && !util::trim(lines[j]).empty() && util::regex_match(lines[j], kNumbered);
    };
    const bool in_list = (i > 0 && numbered_neighbour(i - 1)) || numbered_neighbour(i + 1);
    if (!in_list && util::regex_match(lines[i], m, kNumbered)) {
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
          if (is_upper_line(next) && util::word_count(next) <= 8 && !util::regex_match(lines[j], kNumbered)) title += " " + next;
          break;
        }
        out.push_back(TextHeading{static_cast<int>(i + 1), static_cast<int>(n.size()), number, title});
        continue;
      }
    }
    if (markdown) continue;
    // Cells set apart by tabs are a table's row (its header, often), not a heading; so are
    // cells set apart by wide gaps (pdftotext -layout) when the next line has them too.
    if (t.find('\t') != std::string::npos) continue;
    if (t.find("    ") != std::string::npos) {
      std::size_t j = i + 1;
      while (j < lines.size() && util::trim(lines[j]).empty()) ++j;
      if (j < lines.size() && std::string(util::trim(lines[j])).find("    ") != std::string::npos) continue;
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
      return c == 0xE2 || c == 0xEF || (c >= 'A' && c <= 'Z') || c == 0xC3 || c == '*' || c == '-' ||
             (c >= '0' && c <= '9');  // bullet, capital, list number
    };
    // A question stands as a heading when blank lines set it apart ("Vem gör vad?").
    const bool question = last == '?' && words <= 9 && (i == 0 || blank(i - 1)) && blank(end_line + 1);
    // A short line right above a bullet list introduces it ("I planen skriver vi" / "- ..."),
    // unless it is set in capitals as headings in short versions are.
    const std::string next_line = end_line + 1 < lines.size() ? std::string(util::trim(lines[end_line + 1])) : "";
    const bool above_list = !next_line.empty() && (next_line[0] == '-' || next_line[0] == '*' ||
                                                   static_cast<unsigned char>(next_line[0]) == 0xE2) && !is_upper_line(title);
    if (above_list) continue;
    if (capital && words >= 1 && words <= (question ? 9 : 7) && last != '.' && last != ',' && last != ':' && last != ';' &&
        last != ')' && (last != '?' || question) && (i == 0 || blank(i - 1) || ends_sentence(lines[i - 1])) &&
        (blank(end_line + 1) || starts_block(end_line + 1)) && title.find("http") == std::string::npos &&
        title.find('|') == std::string::npos && !std::isdigit(static_cast<unsigned char>(last)) &&
        !util::regex_search(title, kDateLike)) {
      // Under a numbered outline an unnumbered heading is a sub-heading of the current
      // section ("Kommunens ansvar" under "5 Ansvarsfördelning"); elsewhere capitals rank first.
      const int level = !outline.empty() ? static_cast<int>(outline.size()) + 1 : is_upper_line(title) ? 1 : 2;
      out.push_back(TextHeading{static_cast<int>(i + 1), level, "", title});
      i = end_line;
    }
  }
  return out;
}

// The validity clause the text states (text_validity.h): the period (the latest, when a
// history lists several).

TextValidity read_validity(const TextDocument& doc, const std::vector<DateScan>& scans,
                           const data::ReferenceData& data, const util::Date& fallback_start) {
  TextValidity out;
  // Candidates: each sentence that speaks of validity with dates. A period of this agreement
  // ("Överenskommelsen gäller ...", under a validity heading, full dates) beats one of an
  // action plan or an earlier version ("gällde då", "perioden 2016-2020").
  struct Candidate {
    std::optional<util::Date> start, end;
    int line = 0;
    int score = 0;
    int base = 0;  ///< what the sentence is about, without the bonus for full dates
  };
  std::vector<Candidate> candidates;
  bool until = false;
  int until_score = -100;
  model::Validity v;
  for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
    const auto& s = doc.sentences[k];
    const DateScan& d = scans[k];
    const bool own = data.lexicon.occurs("validity-word", s.tokens);
    const bool heading = data.lexicon.occurs("validity-word", s.context_tokens);
    if (!own && !heading) continue;
    const int line = doc.units[s.unit].at(s.begin).line;
    int score = 0;
    if (data.lexicon.occurs("agreement-subject", s.tokens) || heading) score += 2;
    if (data.lexicon.occurs("history", s.tokens)) score -= 3;
    Candidate c;
    c.line = line;
    bool full = true;
    for (const auto& f : d.dates) {
      if (f.role == FoundDate::Role::start && !c.start) c.start = f.date, full = full && f.day_known;
      if (f.role == FoundDate::Role::end && (!c.end || f.date > *c.end)) c.end = f.date, full = full && f.day_known;
    }
    if (c.start && c.end && *c.end <= *c.start) c.end.reset();
    if (c.start || c.end) {
      c.base = score;
      c.score = score + (full ? 2 : 0) + (c.start && c.end ? 1 : 0);
      candidates.push_back(c);
    }
    if (d.until_further_notice) {
      // "förlängs därefter tills vidare" is an extension, not a second period.
      if (d.extension_months) {
        v.extension = model::Extension{};
        v.extension->repeat = true;
      } else if (score > until_score) {
        until = true;
        until_score = score;
        out.until_line = line;
      }
    }
    if (d.extension_months && !v.extension && score >= 0) {
      model::Extension e;
      e.months = *d.extension_months;
      e.repeat = d.extension_repeats;
      e.condition = d.extension_if_revising ? model::ExtensionCondition::revision_started
                                            : model::ExtensionCondition::no_notice;
      if (e.months > 0) v.extension = e;
    }
    if (d.notice_months && !v.notice_months && score >= 0) v.notice_months = d.notice_months;
    if (d.review_months && !v.review_every_months && score >= 0) v.review_every_months = d.review_months;
  }
  // The best candidate; a start and an end stated in separate sentences ("Giltig fr.o.m.:",
  // "Giltig t.o.m.:") of equal standing are put together.
  std::optional<util::Date> start, end;
  int best = -100, best_base = -100;
  for (const auto& c : candidates) {
    const bool better = c.score > best || (c.score == best && c.end && end && *c.end > *end);
    if (!better) continue;
    best = c.score;
    best_base = c.base;
    start = c.start, end = c.end, out.line = c.line;
  }
  // The missing half from the best other candidate that is not about something else.
  for (int want = best; want >= 0 && (!start || !end); --want) {
    for (const auto& c : candidates) {
      if (c.score != want) continue;
      if (!start && c.start && (!end || *c.start < *end)) start = c.start;
      if (!end && c.end && (!start || *c.end > *start)) end = c.end;
    }
  }
  if (until && end && until_score < best_base) until = false;  // "tills vidare" of something else
  if (!start && !end && !until) return out;
  out.start_stated = start.has_value();
  out.contradiction = until && end.has_value();
  v.start = start ? *start : fallback_start;
  if (end) v.end = end;
  v.until_further_notice = until && !end;
  if (v.end && *v.end < v.start && out.start_stated) v.end.reset(), v.until_further_notice = true;
  if (!out.line) out.line = out.until_line;
  out.validity = v;
  return out;
}

namespace {

// The date a text speaks from, which decides what is stale: a date label ("Datum:"), else
// the latest decision, else the start of validity, else the newest year near the top.
struct DocumentDate {
  std::optional<util::Date> date;
  std::string how;  ///< label | decision | validity | year
};

DocumentDate document_date_of(const TextDocument& doc, const std::vector<DateScan>& scans,
                              const data::ReferenceData& data, const TextValidity& validity) {
  DocumentDate out;
  static const util::Regex kLabel(R"(^(datum|date|dokumentdatum|beslutsdatum|daterad|upprättad)\b)", util::Regex::icase);
  std::optional<util::Date> label, decision;
  for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
    const auto& s = doc.sentences[k];
    const auto& d = scans[k];
    if (d.dates.empty()) continue;
    if (!label && util::regex_search(s.text, kLabel)) label = d.dates.front().date;
    if (data.lexicon.occurs("adopt-verb", s.tokens) && !data.lexicon.occurs("adopt-future", s.tokens) &&
        !data.lexicon.occurs("history", s.tokens)) {
      for (const auto& f : d.dates) {
        if (!decision || f.date > *decision) decision = f.date;
      }
    }
  }
  // The latest of what the text states: a text decided in March that takes effect in June
  // must cite the law as it stands in June.
  for (const auto& [d, how] : {std::make_pair(label, "label"), std::make_pair(decision, "decision"),
                               std::make_pair(validity.validity && validity.start_stated
                                                  ? std::optional<util::Date>(validity.validity->start)
                                                  : std::nullopt,
                                              "validity")}) {
    if (d && (!out.date || *d > *out.date)) out = {d, how};
  }
  if (out.date) return out;
  static const util::Regex kYear(R"(\b(20[0-4]\d|199\d)\b)");
  int newest = 0;
  for (std::size_t i = 0; i < doc.lines.size() && i < 40; ++i) {
    if (doc.furniture[i]) continue;
    const std::string& l = doc.lines[i];
    if (l.find("\xC2\xA7") != std::string::npos || l.find(':') != std::string::npos) continue;  // SFS numbers, not years
    for (auto it = util::RegexIterator(l.begin(), l.end(), kYear); it != util::RegexIterator(); ++it) {
      newest = std::max(newest, std::atoi((*it)[1].str().c_str()));
    }
  }
  if (newest) return {util::Date{newest, 1, 1}, "year"};
  return out;
}

std::string missing_facets(const AreaCoverage& c, bool english) {
  std::string out;
  std::vector<const FacetFinding*> missing;
  for (const auto& f : c.facets) {
    if (f.required && !f.found) missing.push_back(&f);
  }
  for (std::size_t i = 0; i < missing.size(); ++i) {
    if (i) out += i + 1 == missing.size() ? (english ? " and " : " och ") : ", ";
    out += english ? missing[i]->label_en : missing[i]->label_sv;
  }
  return out;
}

// The validity the text states, checked as an XML agreement's would be: a validity that
// gives no start (only "tills vidare") speaks from the document's date.
void check_text_validity(const std::string& path, TextValidity& tv, const DocumentDate& dated,
                         const CheckOptions& options, CheckReport& r, diag::DiagnosticSink& sink) {
  if (tv.validity && !tv.start_stated) {
    // No start stated: the text speaks from its own date (never after its stated end).
    util::Date start = dated.date ? *dated.date : options.as_of;
    if (tv.validity->end && *tv.validity->end < start) start = *tv.validity->end;
    tv.validity->start = start;
  }
  if (tv.validity) {
    model::Validity v = *tv.validity;
    if (!tv.line) tv.line = 1;
    model::Agreement a;
    a.files = {path};
    model::Section sec;
    v.loc = model::Loc{0, tv.line, 1};
    sec.content.push_back(v);
    a.sections.push_back(std::move(sec));
    r.validity = check_validity(a, options, r.dates, sink);
  }
  if (tv.contradiction) {
    sink.report("text-validity-contradiction", diag::SourceSpan{path, tv.until_line, 1},
                {{"end", tv.validity && tv.validity->end ? tv.validity->end->iso() : ""}});
  }
  if (!dated.date) sink.report("text-undated", diag::SourceSpan{path, 1, 1}, {{"date", options.as_of.iso()}});
}

// Draft leftovers where a date should be ("den xx 2025").
void report_date_placeholders(const TextDocument& doc, const std::vector<DateScan>& scans, diag::DiagnosticSink& sink) {
  for (std::size_t k = 0; k < doc.sentences.size(); ++k) {
    for (const auto& p : scans[k].placeholders) {
      const auto& s = doc.sentences[k];
      sink.report("date-placeholder", doc.units[s.unit].at(s.begin + p.begin), {{"text", p.text}});
    }
  }
}

// Coverage findings, in words that fit a text (no covers="..." to add).
void report_text_coverage(const std::string& path, const std::vector<AreaCoverage>& coverage,
                          const data::ReferenceData& data, diag::DiagnosticSink& sink) {
  for (const auto& c : coverage) {
    const data::Area* area = data.find_area(c.area);
    if (!area) continue;
    if (c.toc_only) {
      sink.report("text-area-toc-only", c.where, {{"area", area->name_sv}, {"area_id", area->id}, {"heading", c.where_text}});
    } else if (c.status == Coverage::partial) {
      sink.report("text-area-partial", c.where.line ? c.where : diag::SourceSpan{path, 1, 1},
                  {{"area", area->name_sv}, {"area_id", area->id}, {"heading", c.where_text},
                   {"missing", missing_facets(c, false)}, {"missing_en", missing_facets(c, true)}});
    }
  }
  std::vector<AreaCoverage> missing_only;
  for (const auto& c : coverage) {
    if (c.status == Coverage::missing) missing_only.push_back(c);
  }
  report_coverage(missing_only, data, diag::SourceSpan{path, 1, 1}, sink, true);
}

}  // namespace

CheckReport check_text(const std::string& path, const std::string& text, const data::ReferenceData& data,
                       const CheckOptions& options, diag::DiagnosticSink& sink, TextValidity* validity_read) {
  CheckReport r;
  r.source = path;
  r.kind = "text";
  const TextDocument doc = read_text_document(path, text);
  std::vector<DateScan> scans;
  scans.reserve(doc.sentences.size());
  for (const auto& s : doc.sentences) scans.push_back(scan_dates(s.text));
  // No title found: reports name the file (the first heading, "Inledning", names nothing).
  r.title = doc.title;
  r.version = doc.version;

  // Areas, from what the text says.
  r.coverage = judge_areas(doc, scans, data);
  // Validity and the date the text speaks from.
  TextValidity tv = read_validity(doc, scans, data, options.as_of);
  if (validity_read) *validity_read = tv;
  const DocumentDate dated = document_date_of(doc, scans, data, tv);
  check_text_validity(path, tv, dated, options, r, sink);
  report_date_placeholders(doc, scans, sink);
  report_text_coverage(path, r.coverage, data, sink);

  // Prose: law citations, wording and readability, judged as of the text's own date.
  ProseContext ctx{data, options, dated.date ? *dated.date : options.as_of};
  check_cited_laws(doc.units, ctx, sink);
  check_wording(doc.units, ctx, sink);
  check_readability(doc.units, ctx, sink);
  return r;
}

}  // namespace okgen::review
