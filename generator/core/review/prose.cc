// Prose rules (see prose.h).
#include "model/span.h"
#include "review/prose.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <mutex>

#include "model/walk.h"
#include "util/regex.h"
#include "util/text.h"

namespace okgen::review {

using namespace okgen::model;

diag::SourceSpan ProseUnit::at(std::size_t offset) const {
  if (anchors.empty()) return {};
  auto it = anchors.begin();
  for (auto next = anchors.begin(); next != anchors.end() && next->first <= offset; ++next) it = next;
  diag::SourceSpan s = it->second;
  const std::string between = text.substr(it->first, offset - it->first);
  if (between.find('\n') == std::string::npos && s.column > 0) {
    int chars = 0;
    for (unsigned char c : between) chars += (c & 0xC0) != 0x80;
    s.column += chars;
  }
  return s;
}

namespace {

using model::span_of;

// Appends inline text to a unit, recording where each text node starts.
void append_inlines(const Agreement& a, const Inlines& ins, ProseUnit& u) {
  for (const auto& in : ins) {
    std::visit(overloaded{
                   [&](const Text& t) {
                     u.anchors.emplace_back(u.text.size(), span_of(a, in.loc));
                     u.text += t.text;
                   },
                   [&](const Emph& e) { append_inlines(a, e.children, u); },
                   [&](const Strong& s) { append_inlines(a, s.children, u); },
                   [&](const Code& c) { u.text += c.text; },
                   [&](const Link& l) { append_inlines(a, l.children, u); },
                   [&](const SoftBreak&) { u.text += ' '; },
                   [&](const LineBreak&) { u.text += ' '; },
                   [&](const Citation&) {},
                   [&](const CrossRef& x) { append_inlines(a, x.children, u); },
                   [&](const Edit& e) { append_inlines(a, e.children, u); },
                   [&](const Lang& l) { append_inlines(a, l.children, u); },
               },
               in.node);
  }
}

void blocks_to_units(const Agreement& a, const Blocks& blocks, const std::string& section, std::vector<ProseUnit>& out) {
  for (const auto& b : blocks) {
    std::visit(overloaded{
                   [&](const Paragraph& p) {
                     ProseUnit u;
                     u.section = section;
                     append_inlines(a, p.content, u);
                     if (u.anchors.empty()) u.anchors.emplace_back(0, span_of(a, b.loc));
                     out.push_back(std::move(u));
                   },
                   [&](const List& l) {
                     for (const auto& item : l.items) blocks_to_units(a, item, section, out);
                   },
                   [&](const BlockQuote& q) { blocks_to_units(a, q.children, section, out); },
                   [&](const CodeBlock&) {},
                   [&](const ThematicBreak&) {},
                   [&](const Table& t) {
                     for (const auto& row : t.body)
                       for (const auto& cell : row.cells) blocks_to_units(a, cell.content, section, out);
                   },
                   [&](const Div& d) { blocks_to_units(a, d.children, section, out); },
               },
               b.node);
  }
}

void section_units(const Agreement& a, const Section& s, std::vector<ProseUnit>& out) {
  ProseUnit h;
  h.text = s.heading;
  h.section = s.id;
  h.heading = true;
  h.anchors.emplace_back(0, span_of(a, model::text_loc(s)));
  const bool regional = s.origin == model::Origin::regional || s.origin == model::Origin::regional_extended;
  h.inherited = regional;
  out.push_back(std::move(h));
  // Structured elements' text is prose too.
  for (std::size_t i = 0; i < s.content.size(); ++i) {
    const std::size_t first = out.size();
    for_each_rich_text(s.content[i], [&](const RichText& t) { blocks_to_units(a, t.blocks, s.id, out); });
    const bool inherited = s.origin == model::Origin::regional || (s.origin == model::Origin::regional_extended && i < s.local_from);
    for (std::size_t k = first; k < out.size(); ++k) out[k].inherited = inherited;
  }
  for (const auto& child : s.children) section_units(a, child, out);
}


// Whether `lower` contains one of the '|'-separated alternatives in `needles`.
bool contains_any(const std::string& lower, const std::string& needles) {
  for (std::size_t start = 0;;) {
    const std::size_t bar = needles.find('|', start);
    const std::string_view alt = std::string_view(needles).substr(start, bar == std::string::npos ? bar : bar - start);
    if (!alt.empty() && lower.find(alt) != std::string::npos) return true;
    if (bar == std::string::npos) return false;
    start = bar + 1;
  }
}

// Whether the '.' at `i` ends a sentence: followed by a space and a capital (or the end),
// not an abbreviation's dot ("f.d. landstingsråd", "t.ex.").
bool sentence_end(const std::string& text, std::size_t i) {
  if (i + 1 >= text.size()) return true;
  if (text[i + 1] != ' ') return false;
  std::size_t j = i + 1;
  while (j < text.size() && text[j] == ' ') ++j;
  if (j >= text.size()) return true;
  const auto c = static_cast<unsigned char>(text[j]);
  const bool lower = (c >= 'a' && c <= 'z') || (c == 0xC3 && j + 1 < text.size() && static_cast<unsigned char>(text[j + 1]) >= 0xA0);
  return !lower;
}

// The sentence around byte `pos` (`text` as written, so capitals show where sentences begin).
std::string sentence_at(const std::string& text, std::size_t pos, std::size_t len) {
  std::size_t b = 0;
  for (std::size_t i = pos; i-- > 0;) {
    if (text[i] == '.' && sentence_end(text, i)) {
      b = i + 1;
      break;
    }
  }
  std::size_t e = std::string::npos;
  for (std::size_t i = pos + len; i < text.size(); ++i) {
    if (text[i] == '.' && sentence_end(text, i)) {
      e = i;
      break;
    }
  }
  return text.substr(b, e == std::string::npos ? std::string::npos : e - b);
}

// Whether `sentence` names a year before `year` (not as part of an SFS number "2001:453").
bool mentions_earlier_year(const std::string& sentence, int year) {
  static const util::Regex kYear(R"((^|[^\d:])((19|20)\d\d)(?![\d:]))");
  for (auto it = util::RegexIterator(sentence.begin(), sentence.end(), kYear); it != util::RegexIterator(); ++it) {
    if (std::stoi((*it)[2].str()) < year) return true;
  }
  return false;
}

// Whether byte `pos` lies inside quotation marks ("...", “...”, ”...”, «...») in its sentence.
bool inside_quotes(const std::string& sentence_before) {
  int straight = 0, open = 0;
  for (std::size_t i = 0; i < sentence_before.size(); ++i) {
    if (sentence_before[i] == '"') ++straight;
    if (sentence_before.compare(i, 3, "\xE2\x80\x9C") == 0 || sentence_before.compare(i, 2, "\xC2\xAB") == 0) ++open;
    if (sentence_before.compare(i, 3, "\xE2\x80\x9D") == 0) open = open > 0 ? open - 1 : 1;  // ” opens and closes in Swedish
    if (sentence_before.compare(i, 2, "\xC2\xBB") == 0 && open > 0) --open;
  }
  return straight % 2 == 1 || open > 0;
}

}  // namespace

// Compiled patterns, shared by every agreement of a run.
const util::Regex& compiled_pattern(const std::string& pattern, bool icase) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, bool>, util::Regex> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto key = std::make_pair(pattern, icase);
  auto it = cache.find(key);
  if (it == cache.end()) {
    unsigned flags = util::Regex::none;
    if (icase) flags |= util::Regex::icase;
    it = cache.emplace(key, util::Regex(pattern, flags)).first;
  }
  return it->second;
}

std::vector<ProseUnit> reference_titles(const Agreement& a, const std::string& file) {
  std::vector<ProseUnit> out;
  const auto add = [&](const std::string& text, const model::Loc& loc) {
    const diag::SourceSpan at = span_of(a, loc);
    if (text.empty() || at.file != file) return;
    ProseUnit u;
    u.text = text;
    u.section = "references";
    u.title = true;
    u.anchors.emplace_back(0, at);
    out.push_back(std::move(u));
  };
  for (const auto& s : a.cited_works) add(s.text, s.loc);
  for (const auto& d : a.related) add(d.title, d.loc);
  return out;
}

std::vector<ProseUnit> own_prose(const std::vector<ProseUnit>& units) {
  std::vector<ProseUnit> out;
  for (const auto& u : units) {
    if (!u.inherited) out.push_back(u);
  }
  return out;
}

std::vector<ProseUnit> prose_of(const Agreement& a) {
  std::vector<ProseUnit> out;
  for (const auto& s : a.sections) section_units(a, s, out);
  return out;
}

namespace {

// "SKR (SKL)", "regionen (landstinget)": the old name in brackets right after the correct
// one explains it to a reader who knows the old one; it is not the text's own wording.
bool explains_correct_name(const std::string& text, std::size_t pos, const std::string& correct) {
  if (correct.empty()) return false;
  std::string_view before = util::trim(std::string_view(text).substr(0, pos));
  if (before.empty() || before.back() != '(') return false;
  before = util::trim(before.substr(0, before.size() - 1));
  const std::string lower_before = util::lower_sv(std::string(before)), lower_correct = util::lower_sv(correct);
  // The correct name may be inflected ("regionen", "regionerna").
  const std::size_t at = lower_before.rfind(lower_correct);
  return at != std::string::npos && at + lower_correct.size() + 4 >= lower_before.size() &&
         lower_before.find(' ', at + lower_correct.size()) == std::string::npos;
}

}  // namespace

void check_wording(const std::vector<ProseUnit>& units, const ProseContext& ctx, diag::DiagnosticSink& sink) {
  for (const auto& u : units) {
    const std::string lower = util::lower_sv(u.text);
    for (const auto& rule : ctx.data.wording) {
      if (rule.from && ctx.document_date < *rule.from) continue;
      if (!rule.needle.empty() && !contains_any(lower, rule.needle)) continue;
      // A pattern written with capitals ("SKL", "SoU") means exactly those letters; any
      // other is matched against the lowered text, which makes it case-blind for å, ä and ö
      // too (a case-blind pattern folds ASCII letters only).
      const bool exact = std::any_of(rule.pattern.begin(), rule.pattern.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
      const std::string& subject = exact ? u.text : lower;
      const util::Regex& re = compiled_pattern(rule.pattern, false);
      for (auto it = util::RegexIterator(subject.begin(), subject.end(), re); it != util::RegexIterator(); ++it) {
        std::size_t pos = static_cast<std::size_t>(it->position());
        std::size_t len = static_cast<std::size_t>(it->length());
        while (len > 0 && (u.text[pos] == ' ' || u.text[pos] == '\n' || u.text[pos] == '\t')) ++pos, --len;  // "(^|\s)XX"
        if (explains_correct_name(u.text, pos, rule.correct)) continue;
        if (!rule.unless.empty() && util::regex_search(util::lower_sv(sentence_at(u.text, pos, len)), compiled_pattern(rule.unless, false))) {
          continue;
        }
        if (rule.from && mentions_earlier_year(sentence_at(u.text, pos, len), rule.from->year)) {
          continue;  // "tecknades 2011 av Landstinget Sörmland": a sentence about that time
        }
        if (rule.skip_quoted && u.title) continue;  // a document's title is its name
        if (rule.skip_quoted) {
          const std::string sentence = sentence_at(u.text, pos, len);
          const std::size_t start = u.text.rfind(sentence.substr(0, std::min<std::size_t>(sentence.size(), 20)), pos);
          if (start != std::string::npos && inside_quotes(u.text.substr(start, pos - start))) continue;
        }
        sink.report(rule.rule, u.at(pos),
                    {{"text", u.text.substr(pos, len)},
                     {"correct", rule.correct},
                     {"note", rule.note},
                     {"note_en", rule.note_en}});
      }
    }
  }
}

namespace {

bool same_section(const std::string& a, const std::string& b) {
  auto norm = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  return norm(a) == norm(b);
}

const data::LawSection* find_provision(const data::ReferenceData& d, const std::string& law, const std::string& sfs,
                                       const std::string& chapter, const std::string& section) {
  for (const auto& p : d.law_sections) {
    if (p.law == law && p.sfs == sfs && p.chapter == chapter && same_section(p.section, section)) return &p;
  }
  return nullptr;
}

std::string provision_text(const data::LawSection& p) {
  return (p.chapter.empty() ? "" : p.chapter + " kap. ") + p.section + " § " + p.law + " (" + p.sfs + ")";
}

}  // namespace

void check_citation(const LawCitation& c, const diag::SourceSpan& where, const ProseContext& ctx,
                    diag::DiagnosticSink& sink) {
  const auto& d = ctx.data;
  const data::Law* version = c.sfs.empty() ? d.find_law_in_force(c.law, ctx.document_date) : d.find_law_by_sfs(c.sfs);
  if (!version) {
    if (!c.sfs.empty()) sink.report("law-unknown", where, {{"citation", c.written}, {"sfs", c.sfs}});
    return;
  }
  // A cited version that was repealed before the agreement was made.
  if (version->repealed && *version->repealed <= ctx.document_date) {
    sink.report("law-repealed", where,
                {{"citation", c.written}, {"sfs", version->sfs}, {"repealed", version->repealed->iso()},
                 {"replacement", version->replaced_by}});
    return;
  }
  if (c.section.empty()) return;
  if (c.chapter.empty() && version->chapters) {
    // "8 a § HSL" in an agreement made under HSL 2017:30: a provision of the old law?
    for (const auto& p : d.law_sections) {
      if (p.law != c.law || p.sfs == version->sfs || !p.chapter.empty() || !same_section(p.section, c.section)) continue;
      const data::LawSection* now = nullptr;
      for (const auto& q : d.law_sections) {
        if (q.law == c.law && q.sfs == version->sfs && q.topic == p.topic) now = &q;
      }
      sink.report("law-repealed", where,
                  {{"citation", c.written}, {"sfs", p.sfs}, {"repealed", d.find_law_by_sfs(p.sfs) && d.find_law_by_sfs(p.sfs)->repealed
                                                                                ? d.find_law_by_sfs(p.sfs)->repealed->iso()
                                                                                : ""},
                   {"replacement", now ? provision_text(*now) : version->sfs}});
      return;
    }
    sink.report("law-chapter-missing", where, {{"citation", c.written}, {"law", c.law}, {"sfs", version->sfs}});
    return;
  }
  if (c.chapter.empty()) return;
  if (const auto* p = find_provision(d, c.law, version->sfs, c.chapter, c.section)) {
    if (util::starts_with(p->topic, "mistaken:")) {
      const std::string meant = p->topic.substr(9);
      for (const auto& q : d.law_sections) {
        if (q.law == c.law && q.sfs == version->sfs && q.topic == meant) {
          sink.report("law-section-near-miss", where, {{"citation", c.written}, {"suggestion", provision_text(q)}});
        }
      }
      return;
    }
    if (!p->verified) sink.report("law-unverified", where, {{"citation", c.written}, {"sfs", version->sfs}});
    return;
  }
  // The numbers belong to another version of the same law.
  for (const auto& p : d.law_sections) {
    if (p.law == c.law && p.sfs != version->sfs && p.chapter == c.chapter && same_section(p.section, c.section)) {
      sink.report("law-section-mismatch", where,
                  {{"citation", c.written}, {"sfs", version->sfs}, {"other", p.sfs}});
      return;
    }
  }
  // "5 kap. 8 § SoL" where the duty is 5 kap. 8 a §: known confusions are listed in
  // data/law-sections.tsv with the topic "mistaken:<duty>".
  (void)0;
}

void check_cited_laws(const std::vector<ProseUnit>& units, const ProseContext& ctx, diag::DiagnosticSink& sink) {
  static const util::Regex kCitation(
      R"((?:(\d+)\s*kap\.?\s*)?(\d+)\s?([a-z])?\s?§\s*(?:i\s+)?(hsl|sol|lss|lpt|lrv|psl|hälso- och sjukvårdslagen|socialtjänstlagen))",
      util::Regex::none);
  static const util::Regex kSfs(R"(\((\d{4}:\d+)\))");
  // A law named with its SFS number and no section ("hälso- och sjukvårdslagen (1982:763)",
  // "HSL (1982:763)", "SFS 2001:453"), and a section in brackets after the law ("SoL (5 kap.
  // 8 a §)"): checked for a repealed version as of the text's date.
  static const util::Regex kNamedSfs(
      R"((hälso- och sjukvårdslag(?:en)?|socialtjänstlag(?:en)?|\bhsl|\bsol|\blss|\blpt|\blrv|\bsfs|\blag(?:en)?)\s*,?\s*(?:\w+,\s*)?\(?\s*(?:sfs\s*)?(\d{4}:\d+)\)?)",
      util::Regex::none);
  static const util::Regex kBracketed(R"(\b(hsl|sol)\s*\(\s*(\d+)\s*kap\.?\s*(\d+)\s?([a-z])?\s?§\s*\))",
                                     util::Regex::none);
  static const std::map<std::string, std::string> kShortNames = {
      {"hsl", "HSL"}, {"hälso- och sjukvårdslagen", "HSL"}, {"hälso- och sjukvårdslag", "HSL"}, {"sol", "SoL"},
      {"socialtjänstlagen", "SoL"}, {"socialtjänstlag", "SoL"}, {"lss", "LSS"}, {"lpt", "LPT"}, {"lrv", "LRV"}};
  for (const auto& u : units) {
    const std::string lower = util::lower_sv(u.text);
    std::vector<std::pair<std::size_t, std::size_t>> taken;  // byte ranges already read as citations
    auto overlaps = [&](std::size_t b, std::size_t e) {
      return std::any_of(taken.begin(), taken.end(), [&](const auto& r) { return b < r.second && r.first < e; });
    };
    // util::Regex is slow: each pattern runs only where what it needs is present.
    const bool has_kap = lower.find("kap") != std::string::npos;
    bool has_sfs = false;
    for (std::size_t c = lower.find(':'); c != std::string::npos && !has_sfs; c = lower.find(':', c + 1)) {
      has_sfs = c >= 4 && c + 1 < lower.size() && std::isdigit(static_cast<unsigned char>(lower[c - 1])) &&
                std::isdigit(static_cast<unsigned char>(lower[c + 1]));
    }
    for (auto it = has_kap ? util::RegexIterator(lower.begin(), lower.end(), kBracketed) : util::RegexIterator();
         it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      LawCitation c;
      c.law = kShortNames.at(m[1]);
      c.chapter = m[2];
      c.section = std::string(m[3]) + (m[4].matched ? " " + std::string(m[4]) : "");
      const auto pos = static_cast<std::size_t>(m.position()), len = static_cast<std::size_t>(m.length());
      c.written = u.text.substr(pos, len);
      taken.emplace_back(pos, pos + len);
      check_citation(c, u.at(pos), ctx, sink);
    }
    if (u.text.find("\xC2\xA7") != std::string::npos) {
    for (auto it = util::RegexIterator(lower.begin(), lower.end(), kCitation); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      LawCitation c;
      static const std::map<std::string, std::string> kShort = {
          {"hsl", "HSL"}, {"hälso- och sjukvårdslagen", "HSL"}, {"sol", "SoL"}, {"socialtjänstlagen", "SoL"},
          {"lss", "LSS"}, {"lpt", "LPT"}, {"lrv", "LRV"}, {"psl", "PSL"}};
      c.law = kShort.at(m[4]);
      c.chapter = m[1];
      c.section = std::string(m[2]) + (m[3].matched ? " " + std::string(m[3]) : "");
      const std::size_t pos = static_cast<std::size_t>(m.position());
      const std::size_t len = static_cast<std::size_t>(m.length());
      // The law's short name must end there ("SoL", not "Solna").
      if (pos + len < lower.size()) {
        auto next = static_cast<unsigned char>(lower[pos + len]);
        if ((next >= 'a' && next <= 'z') || (next >= '0' && next <= '9') || next >= 0x80) continue;
      }
      c.written = u.text.substr(pos, len);
      if (overlaps(pos, pos + len)) continue;
      // An SFS number right after the law's name says which version is meant.
      util::Match sfs;
      const std::string after = lower.substr(pos + len, 30);
      std::size_t end = pos + len;
      if (util::regex_search(after, sfs, kSfs) && sfs.position() < 12) {
        c.sfs = sfs[1];
        end += static_cast<std::size_t>(sfs.position() + sfs.length());
      }
      taken.emplace_back(pos, end);
      check_citation(c, u.at(pos), ctx, sink);
    }
    }
    for (auto it = has_sfs ? util::RegexIterator(lower.begin(), lower.end(), kNamedSfs) : util::RegexIterator();
         it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      const auto pos = static_cast<std::size_t>(m.position()), len = static_cast<std::size_t>(m.length());
      if (overlaps(pos, pos + len)) continue;
      const data::Law* law = ctx.data.find_law_by_sfs(m[2]);
      if (!law) continue;  // any other statute: nothing okgen knows to check
      const std::string name = m[1];
      auto known = kShortNames.find(name);
      if (known != kShortNames.end() && known->second != law->short_name) continue;  // "HSL (2001:453)": a typo, not ours to guess
      LawCitation c;
      c.law = law->short_name;
      c.sfs = law->sfs;
      c.written = u.text.substr(pos, len);
      taken.emplace_back(pos, pos + len);
      if (law->repealed && *law->repealed <= ctx.document_date) check_citation(c, u.at(pos), ctx, sink);
    }
  }
}

double lix(const std::string& text, int* words_out) {
  int words = 0, long_words = 0, sentences = 0;
  int letters = 0;
  auto end_word = [&] {
    if (letters == 0) return;
    ++words;
    if (letters > 6) ++long_words;
    letters = 0;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0xC0 || (c >= 0x80 && c < 0xC0);
    if (letter) {
      if ((c & 0xC0) != 0x80) ++letters;
      continue;
    }
    end_word();
    if (c == '.' || c == '!' || c == '?' || c == ':') ++sentences;
  }
  end_word();
  if (words_out) *words_out = words;
  if (words == 0) return 0;
  sentences = std::max(sentences, 1);
  return static_cast<double>(words) / sentences + 100.0 * long_words / words;
}

void check_readability(const std::vector<ProseUnit>& units, const ProseContext& ctx, diag::DiagnosticSink& sink) {
  std::string text;
  const ProseUnit* head = nullptr;
  auto flush = [&] {
    int words = 0;
    double value = lix(text, &words);
    const long rounded = std::lround(value);  // compared as shown, so "60" is never "over 60"
    if (head && words >= 50 && rounded > ctx.options.lix_threshold) {
      sink.report("lix-high", head->at(0),
                  {{"section", head->text}, {"lix", std::to_string(rounded)}, {"threshold", std::to_string(ctx.options.lix_threshold)}});
    }
    text.clear();
  };
  for (const auto& u : units) {
    if (u.heading) {
      flush();
      head = &u;
      continue;
    }
    text += u.text + " ";
  }
  flush();
}

}  // namespace okgen::review
