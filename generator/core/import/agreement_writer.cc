// Imported -> okgen XML (see agreement_writer.h). Sentences okgen writes into the file
// (prompts, comments) come from templates/labels [import].
#include "import/agreement_writer.h"
#include "import/element_reading.h"
#include "import/readers.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <optional>
#include <set>

#include "local/init.h"
#include "review/text_decision.h"
#include "review/check_options.h"
#include "review/text_check.h"
#include "review/text_validity.h"
#include "text/lexicon.h"
#include "text/swedish.h"
#include "text/template_engine.h"
#include "util/regex.h"
#include "util/text.h"
#include "util/url.h"

namespace okgen::import {
namespace {

using text::Value;

std::string xml_escape(const std::string& s) { return text::escape_html(s); }

// XML comments may not contain "--".
std::string comment_safe(std::string s) {
  util::replace_all(s, "--", "- -");
  return s;
}

// Text on one line: tabs and line breaks inside a run become spaces.
std::string one_line(std::string s) {
  for (char& c : s)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return s;
}

// Text as Markdown that reads as the author wrote it: only what CommonMark would take as
// markup is escaped (emphasis, links, code, HTML, entities), not every punctuation mark.
std::string escape_inline(const std::string& t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const char next = i + 1 < t.size() ? t[i + 1] : '\0';
    const bool markup = c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<' ||
                        (c == '&' && (std::isalnum(static_cast<unsigned char>(next)) || next == '#')) || (c == '!' && next == '[');
    if (markup) out += '\\';
    out += c;
  }
  return out;
}

// A paragraph that starts like a block of another kind ("# ", "> ", "- ", "1. ") is escaped
// at its start so it stays a paragraph.
std::string escape_start(const std::string& md) {
  static const util::Regex kBlockStart(R"(^(?:[#>+=-]|\d{1,9}[.)](?:\s|$)))");
  if (!util::regex_search(md, kBlockStart)) return md;
  std::size_t digits = 0;
  while (digits < md.size() && std::isdigit(static_cast<unsigned char>(md[digits]))) ++digits;
  return md.substr(0, digits) + "\\" + md.substr(digits);
}

// Markdown for runs: emphasis markers hug the words (spaces stay outside), notes become
// citations, safe links stay links.
std::string markdown(const Runs& runs, const std::map<std::string, std::string>& note_ids) {
  std::string out;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const Run& r = runs[i];
    if (r.kind == Run::Kind::line_break) {
      if (!out.empty() && i + 1 < runs.size()) out += "\\\n";
      continue;
    }
    if (r.kind == Run::Kind::note) {
      auto it = note_ids.find(r.text);
      if (it != note_ids.end()) out += "[^" + it->second + "]";
      continue;
    }
    std::string t = one_line(r.text);
    const std::size_t b = t.find_first_not_of(' ');
    if (b == std::string::npos) {
      out += t;
      continue;
    }
    const std::size_t e = t.find_last_not_of(' ');
    std::string core = escape_inline(t.substr(b, e - b + 1));
    if (r.italic) core = "*" + core + "*";
    if (r.bold) core = "**" + core + "**";
    if (!r.href.empty() && !util::safe_href(r.href).empty()) core = "[" + core + "](" + r.href + ")";
    out += t.substr(0, b) + core + t.substr(e + 1);
  }
  // Runs of spaces (from layout) collapse; Markdown would too, this keeps the file tidy.
  std::string tidy;
  for (char c : out) {
    if (c == ' ' && !tidy.empty() && tidy.back() == ' ') continue;
    tidy += c;
  }
  return trim(tidy);
}

struct Section {
  std::string id, heading, number, origin;
  int level = 1;
  bool level_guessed = false;
  std::vector<const Block*> blocks;
  std::vector<std::string> prompts;
  std::set<std::string> covers;
  std::string validity;  ///< a <validity> element read from the text, or ""
  int first_line = 0, last_line = 0;  ///< in the text given to the checker
  /// Party lists folded into this section's responsibilities: (party, section) in order.
  std::vector<std::pair<std::string, const Section*>> party_lists;
  /// Lists and running text read as a dispute ladder: the first step's index in `blocks`,
  /// each step's forum (the last one's is the final instance's when `final_step`); with
  /// `interim`, the block after the steps says what holds while the dispute lasts.
  struct Ladder {
    std::size_t first = 0;
    std::vector<std::string> forums;
    bool final_step = false;
    bool interim = false;
  };
  std::vector<Ladder> ladders;
  bool folded = false;  ///< a party list that now stands in its parent's responsibilities
};

class Writer {
 public:
  Writer(const Imported& doc, const WriteOptions& o, const Resources& res, ImportSummary& s)
      : doc_(doc), o_(o), res_(res), s_(s) {}

  std::string run() {
    s_.insertions = doc_.insertions;
    s_.deletions = doc_.deletions;
    s_.comments = doc_.comments;
    notes();
    sections();
    covers();
    party_lists();
    dispute_ladders();
    validity();
    metadata();
    return xml();
  }

 private:
  std::string label(const std::string& key, const Value& ctx = {}) const {
    return text::render(res_.labels.get("import", key), ctx, text::Escape::none);
  }

  void notes() {
    int n = 0;
    for (const auto& [key, runs] : doc_.notes) note_ids_[key] = "not-" + std::to_string(++n);
    s_.notes = n;
  }

  static std::string strip_number(std::string& heading) {
    static const util::Regex kNumber(R"(^\s*((?:\d+\.)*\d+)\.?\s+)");
    util::Match m;
    if (util::regex_search(heading, m, kNumber)) {
      std::string number = m[1].str();
      heading = heading.substr(static_cast<std::size_t>(m.length(0)));
      return number;
    }
    return {};
  }

  std::string unique_id(const std::string& heading) {
    std::string id = local::slug(heading);
    if (id.size() > 40) id = id.substr(0, id.find_last_of('-', 40) == std::string::npos ? 40 : id.find_last_of('-', 40));
    if (id.empty() || !(id[0] >= 'a' && id[0] <= 'z')) id = "avsnitt" + (id.empty() ? std::string() : "-" + id);
    std::string out = id;
    for (int k = 2; !ids_.insert(out).second; ++k) out = id + "-" + std::to_string(k);
    return out;
  }

  void sections() {
    // Text before the first heading (a preface, the cover's lines) is kept in a section of
    // its own, which the author moves or deletes.
    int depth = 0;
    std::vector<int> open;  // source levels of the headings enclosing the next one
    for (const auto& b : doc_.blocks) {
      if (b.kind == Block::Kind::heading) {
        // Nesting follows the source's levels (a document that starts at Heading 2 nests
        // its Heading 3s one deep, not deeper and deeper).
        while (!open.empty() && open.back() >= b.level) open.pop_back();
        depth = static_cast<int>(open.size());
        // A level skipped under its parent (a heading 3 right under a heading 1) is a guess.
        const bool skipped = !open.empty() && b.level > open.back() + 1;
        open.push_back(b.level);
        Section s;
        s.heading = trim(one_line(plain(b.runs)));
        // A number typed into the heading comes off (okgen numbers sections itself); a number
        // the source's numbering gave is only remembered, for the comment.
        const std::string typed = strip_number(s.heading);
        s.number = b.number.empty() ? typed : b.number;
        if (s.heading.empty()) s.heading = s.number;
        // Levels are made consecutive (a heading 3 right under a heading 1 becomes 2) and at
        // most five deep, as the format allows.
        s.level = std::clamp(depth + 1, 1, 5);
        s.level_guessed = b.level_guessed || skipped || depth + 1 > 5;
        depth = s.level;
        s.origin = b.origin;
        s.id = unique_id(s.heading);
        if (b.contents_only) s.prompts.push_back(label("contents-only.prompt", Value{}.set("origin", b.origin)));
        sections_.push_back(std::move(s));
        continue;
      }
      if (sections_.empty()) {
        Section s;
        first_origin_ = b.origin;
        s.heading = label("preface.heading");
        s.id = unique_id(s.heading);
        s.origin = b.origin;
        s.prompts.push_back(label("preface.prompt"));
        sections_.push_back(std::move(s));
        depth = 1;
      }
      sections_.back().blocks.push_back(&b);
    }
    if (sections_.empty()) {
      Section s;
      s.heading = label("preface.heading");
      s.id = unique_id(s.heading);
      sections_.push_back(std::move(s));
    }
    for (auto& s : sections_) {
      if (s.level_guessed) s.prompts.push_back(label("level.prompt", Value{}.set("level", s.level)));
      for (const Block* b : s.blocks) {
        if (b->kind == Block::Kind::table) {
          ++s_.tables;
          if (matrix_columns(res_.data.lexicon, *b)) {
            ++s_.matrices;
            s.prompts.push_back(label("matrix.prompt", Value{}.set("origin", b->origin)));
          } else if (assignment_parties(res_.data.lexicon, *b)) {
            ++s_.matrices;
            s.prompts.push_back(label("assignment.prompt", Value{}.set("origin", b->origin)));
          } else {
            s.prompts.push_back(label("table.prompt", Value{}.set("origin", b->origin)));
          }
        }
        s_.paragraphs += b->kind == Block::Kind::paragraph;
        s_.list_items += b->kind == Block::Kind::list_item;
      }
    }
    s_.sections = static_cast<int>(sections_.size());
  }

  // The areas as the text checker judges them, on the imported text laid out as Markdown
  // headings and paragraphs; each area goes to the sections its evidence is in.
  void covers() {
    std::string text;
    int line = 0;
    auto add = [&](const std::string& l) {
      text += l + "\n";
      ++line;
    };
    for (auto& s : sections_) {
      // Markdown headings: the checker takes them as headings whatever their words, where a
      // numbered line must look like a heading (a title of twenty words is taken for prose,
      // and the outline under it breaks).
      add("");
      s.first_line = line + 1;
      add(std::string(static_cast<std::size_t>(s.level), '#') + " " + s.heading);
      add("");
      for (std::size_t k = 0; k < s.blocks.size(); ++k) {
        const Block* b = s.blocks[k];
        if (b->kind == Block::Kind::table) {
          for (const auto& row : b->rows) {
            std::string r;
            for (const auto& c : row) r += (r.empty() ? "" : " ") + one_line(plain(c));
            add(r);
          }
        } else {
          add((b->kind == Block::Kind::list_item ? "- " : "") + one_line(plain(b->runs)));
        }
        // A paragraph leading into a list stays right above it, as the XML checker lays
        // it out (review/coverage.cc): the list's lead-in.
        const bool list_next = k + 1 < s.blocks.size() && s.blocks[k + 1]->kind == Block::Kind::list_item;
        if (!(b->kind == Block::Kind::paragraph && list_next && util::lead_in(plain(b->runs)))) add("");
      }
      s.last_line = line;
    }
    diag::DiagnosticSink ignored;
    review::CheckOptions co;
    co.as_of = o_.as_of;
    const review::CheckReport report = review::check_text("import", text, res_.data, co, ignored, &validity_read_);
    for (const auto& a : report.coverage) {
      if (a.status == review::Coverage::missing || a.toc_only) continue;
      std::set<Section*> where;
      for (const auto& f : a.facets)
        if (f.found)
          if (Section* s = section_at(f.where.line)) where.insert(s);
      if (where.empty())
        if (Section* s = section_at(a.where.line)) where.insert(s);
      for (Section* s : where) s->covers.insert(a.area);
      if (!where.empty()) s_.areas.push_back(a.area);
    }
  }

  Section* section_at(int l) {
    for (auto& s : sections_)
      if (l >= s.first_line && l <= s.last_line) return &s;
    return nullptr;
  }

  // A validity clause the text states clearly (a start, and an end or "tills vidare", no
  // contradiction) becomes <validity> in the section that states it; the sentence stays in
  // the text, and a prompt says the two now say the same thing.
  void validity() {
    const review::TextValidity& tv = validity_read_;  // as covers() had the checker read it
    if (!tv.validity || !tv.start_stated || tv.contradiction) return;
    const model::Validity& v = *tv.validity;
    if (!v.end && !v.until_further_notice) return;
    Section* s = section_at(tv.line);
    if (!s) return;
    std::string x = "<validity start=\"" + v.start.iso() + "\"";
    if (v.end) x += " end=\"" + v.end->iso() + "\"";
    else x += " until-further-notice=\"true\"";
    x += ">";
    if (v.extension) {
      x += "<extension months=\"" + std::to_string(v.extension->months) + "\" condition=\"" +
           model::to_string(v.extension->condition) + "\"" + (v.extension->repeat ? " repeat=\"true\"" : "") + "/>";
    }
    if (v.notice_months) x += "<notice months=\"" + std::to_string(*v.notice_months) + "\"/>";
    if (v.review_every_months) x += "<review every-months=\"" + std::to_string(*v.review_every_months) + "\"/>";
    x += "</validity>";
    s->validity = x;
    s->covers.insert("validity");
    s->prompts.push_back(label("validity.prompt"));
    s_.metadata.push_back("validity");
  }

  void metadata() {
    // What the text says about itself: the title (a title style, the file's properties, else
    // the first heading-like line), the region, diarienummer, version, parties.
    pool_ = doc_.title + "\n" + doc_.subtitle + "\n";
    for (const auto& c : doc_.cover) pool_ += c + "\n";
    // Table rows read "Diarienummer: RD21/00517", as a label table on a cover page says it.
    auto block_text = [](const Block& b) {
      std::string t = plain(b.runs) + "\n";
      for (const auto& row : b.rows) {
        std::string line;
        for (const auto& c : row) line += (line.empty() ? "" : ": ") + one_line(plain(c));
        t += line + "\n";
      }
      return t;
    };
    if (!sections_.empty() && sections_.front().origin == first_origin_)
      for (const Block* b : sections_.front().blocks) pool_ += block_text(*b);
    std::string all = pool_;
    for (const auto& b : doc_.blocks) all += block_text(b);

    title_ = trim(one_line(doc_.title));
    if (title_.empty() && !doc_.cover.empty()) title_ = doc_.cover.front();
    if (title_.empty()) {
      title_ = label("missing.title");
      s_.missing.push_back("title");
    } else {
      s_.metadata.push_back("title");
    }
    // The region: as given, else the registry's region the text names most.
    const auto regions = res_.data.regions();
    if (!o_.region.empty()) {
      for (const auto& r : regions)
        if (local::slug(r) == local::slug(o_.region)) region_ = r;
      if (region_.empty()) region_ = o_.region;
    } else {
      std::size_t best = 0;
      for (const auto& r : regions) {
        std::size_t n = 0;
        for (std::size_t p = all.find(r); p != std::string::npos; p = all.find(r, p + 1)) ++n;
        if (n > best) best = n, region_ = r;
      }
    }
    if (region_.empty()) {
      region_ = label("missing.region");
      s_.missing.push_back("region");
    } else {
      s_.metadata.push_back("region");
    }
    static const util::Regex kDnr(R"((?:Dnr|Diarienr|Diarienummer)\.?:?\s*([A-ZÅÄÖa-zåäö]{0,8}\s?\d[0-9A-Za-z/.:-]*\d))");
    util::Match m;
    if (util::regex_search(all, m, kDnr)) {
      diarienummer_ = m[1].str();
      s_.metadata.push_back("diarienummer");
    }
    static const util::Regex kVersion(R"((?:^|\s)[Vv]ersion:?\s+(\d+(?:\.\d+)*))");
    if (util::regex_search(pool_, m, kVersion) || util::regex_search(all, m, kVersion)) {
      version_ = m[1].str();
      s_.metadata.push_back("version");
    } else {
      version_ = label("missing.version");
      s_.missing.push_back("version");
    }
    // The decision: who decided it and when, as a sentence or the cover page's labels say.
    if (auto d = review::read_decision(all, o_.as_of)) {
      decision_ = *d;
      s_.metadata.push_back("decision");
    }
    // Parties: the region, and the municipalities of that region the text names.
    // "Falu kommun", "Malung-Sälens kommun": names as the text writes them, through the
    // registry's own reading of such names.
    // (UTF-8 letters spelled out: util::Regex reads bytes, and Å is two.)
    static const util::Regex kKommun(R"(((?:[A-Z]|Å|Ä|Ö)(?:[a-zé]|å|ä|ö)+(?:-(?:[A-Z]|Å|Ä|Ö)(?:[a-zé]|å|ä|ö)+)?) kommun)");
    for (auto it = util::RegexIterator(all.begin(), all.end(), kKommun); it != util::RegexIterator(); ++it) {
      const auto* mu = res_.data.find_municipality((*it)[0].str(), region_);
      if (mu && mu->region == region_ && std::find(municipalities_.begin(), municipalities_.end(), mu) == municipalities_.end()) {
        municipalities_.push_back(mu);
        party_names_[mu] = (*it)[0].str();  // "Falu kommun", as the text writes it
      }
    }
    for (const auto* mu : res_.data.municipalities_of(region_)) {
      if (std::find(municipalities_.begin(), municipalities_.end(), mu) != municipalities_.end()) continue;
      static const util::Regex kWord("[A-Za-zÅÄÖåäöÉé-]");
      for (std::size_t p = all.find(mu->name); p != std::string::npos; p = all.find(mu->name, p + 1)) {
        const bool start = p == 0 || !util::regex_match(all.substr(p - 1, 1), kWord);
        const std::size_t e = p + mu->name.size();
        const bool end = e >= all.size() || !util::regex_match(all.substr(e, 1), kWord) || all.compare(e, 1, "s") == 0;
        if (start && end) {
          municipalities_.push_back(mu);
          break;
        }
      }
    }
    if (!municipalities_.empty()) s_.metadata.push_back("parties");
    if (!s_.missing.empty() && !sections_.empty()) {
      std::string names;
      for (const auto& k : s_.missing) names += (names.empty() ? "" : ", ") + label("meta." + k);
      sections_.front().prompts.insert(sections_.front().prompts.begin(), label("missing.prompt", Value{}.set("names", names)));
    }
  }

  // The party whose duties a section is a plain list of: its heading names one party and
  // speaks of responsibility ("Kommunens ansvar", "Regionens åtaganden", "Gemensamt
  // ansvar"), and its text is list items and nothing else, none nested. "" otherwise: a
  // section with prose, sub-lists or subsections stays as it is.
  std::string party_list(std::size_t k) const {
    const Section& s = sections_[k];
    if (s.blocks.empty() || !s.validity.empty()) return {};
    if (k + 1 < sections_.size() && sections_[k + 1].level > s.level) return {};
    for (const Block* b : s.blocks)
      if (b->kind != Block::Kind::list_item || b->level != 0) return {};
    if (!res_.data.lexicon.occurs("responsibility-word", text::tokenize(s.heading))) return {};
    return party_of(res_.data.lexicon, s.heading);
  }

  // Sibling sections that are each one party's list of duties, at least two parties, become
  // the responsibility matrix of their parent: one topic named by the parent's heading, each
  // list under its party. Their headings only named the party, which the matrix's columns
  // now say; every item is kept. Anything less clear stays prose.
  void party_lists() {
    for (std::size_t p = 0; p < sections_.size(); ++p) {
      std::vector<std::pair<std::string, std::size_t>> lists;
      std::set<std::string> parties;
      bool other_child = false;
      for (std::size_t k = p + 1; k < sections_.size() && sections_[k].level > sections_[p].level; ++k) {
        if (sections_[k].level != sections_[p].level + 1) continue;
        const std::string who = party_list(k);
        if (who.empty() || !parties.insert(who).second) {
          other_child = other_child || !who.empty();  // a party twice: not one matrix
          continue;
        }
        lists.emplace_back(who, k);
      }
      if (lists.size() < 2 || other_child) continue;
      Section& parent = sections_[p];
      std::string headings;
      for (const auto& [who, k] : lists) {
        Section& child = sections_[k];
        child.folded = true;
        parent.party_lists.emplace_back(who, &child);
        parent.covers.insert(child.covers.begin(), child.covers.end());
        headings += std::string(headings.empty() ? "" : ", ") + "\"" + child.heading + "\"";
      }
      parent.covers.insert("responsibilities");
      parent.prompts.push_back(label("party-lists.prompt", Value{}.set("headings", headings).set("topic", parent.heading)));
      ++s_.party_lists;
    }
    for (const auto& s : sections_) s_.sections -= s.folded;
  }

  // A list that clearly is a dispute ladder, in a section about disputes (the checker's
  // judgement, or its heading): two items or more, none nested, every one naming a body (forum_in), and
  // ordered or speaking of taking the question further ("lyfts till", "i andra hand") or of
  // disagreement, in its items or the paragraph before it. The last step is the final
  // instance when it says so ("ytterst", "avgör", "domstol"). A list with a step that names
  // no body stays a list: okgen does not invent a forum.
  void dispute_ladders() {
    const auto& lex = res_.data.lexicon;
    for (auto& s : sections_) {
      // The checker names one section per area; a heading about disputes says it too.
      const bool disputes = s.covers.count("disputes") || lex.occurs("disagreement", text::tokenize(s.heading));
      if (!disputes || s.folded) continue;
      for (std::size_t i = 0; i < s.blocks.size();) {
        if (s.blocks[i]->kind != Block::Kind::list_item) {
          ++i;
          continue;
        }
        std::size_t end = i;
        bool nested = false, ordered = true, escalates = false;
        if (i > 0 && s.blocks[i - 1]->kind == Block::Kind::paragraph) {
          const auto lead = text::tokenize(plain(s.blocks[i - 1]->runs));
          escalates = lex.occurs("escalate", lead) || lex.occurs("disagreement", lead);
        }
        Section::Ladder ladder;
        ladder.first = i;
        std::vector<text::Token> tokens;  // of the item last read: the final step's, at the end
        for (; end < s.blocks.size() && s.blocks[end]->kind == Block::Kind::list_item; ++end) {
          const Block& item = *s.blocks[end];
          const std::string text = plain(item.runs);
          nested = nested || item.level != 0;
          ordered = ordered && item.ordered;
          tokens = text::tokenize(text);
          escalates = escalates || lex.occurs("escalate", tokens) || lex.occurs("disagreement", tokens);
          ladder.forums.push_back(forum_in(res_.data.lexicon, text, tokens));
        }
        const bool every_forum = std::none_of(ladder.forums.begin(), ladder.forums.end(), [](const std::string& f) { return f.empty(); });
        if (end - i >= 2 && !nested && every_forum && (ordered || escalates)) {
          ladder.final_step = lex.occurs("final-instance", tokens);
          // The paragraph after the list, when it says what holds meanwhile.
          if (end < s.blocks.size() && s.blocks[end]->kind == Block::Kind::paragraph) {
            const auto sentences = prose_sentences(res_.data.lexicon, *s.blocks[end]);
            ladder.interim = !sentences.empty() && sentences.front().kind == ProseSentence::interim;
          }
          s.prompts.push_back(
              label("ladder.prompt", Value{}.set("origin", s.blocks[i]->origin).set("interim", ladder.interim)));
          end += ladder.interim;
          s.ladders.push_back(std::move(ladder));
          ++s_.dispute_ladders;
        }
        i = end;
      }
      prose_ladders(s);
    }
  }

  // A dispute ladder written as running text: from the paragraph whose sentence first takes
  // the question to a body, through the paragraphs that go on with a step or the interim
  // rule, at least two steps naming two bodies. Its sentences become the ladder's steps (a
  // step with the sentences after it), the interim rule, and what came before the first step
  // stays a paragraph before it. Every word stays; a paragraph that does not go on ends it.
  void prose_ladders(Section& s) {
    for (std::size_t i = 0; i < s.blocks.size(); ++i) {
      const bool in_ladder = std::any_of(s.ladders.begin(), s.ladders.end(), [&](const Section::Ladder& l) {
        return i >= l.first && i < l.first + l.forums.size() + l.interim;
      });
      if (in_ladder || s.blocks[i]->kind != Block::Kind::paragraph) continue;
      struct Piece {
        const Block* block;
        ProseSentence sentence;
      };
      std::vector<Piece> lead, pieces;
      std::size_t j = i;
      for (; j < s.blocks.size() && s.blocks[j]->kind == Block::Kind::paragraph; ++j) {
        const auto sentences = prose_sentences(res_.data.lexicon, *s.blocks[j]);
        if (j > i && (sentences.empty() || sentences.front().kind == ProseSentence::other)) break;
        for (const auto& p : sentences) (pieces.empty() && p.kind != ProseSentence::step ? lead : pieces).push_back({s.blocks[j], p});
        if (pieces.empty()) break;  // no step in the first paragraph: not a ladder here
      }
      // Steps with the sentences that follow them, and the interim rule.
      std::vector<std::vector<const Piece*>> steps;
      std::vector<const Piece*> interim;
      std::vector<const Piece*>* last = nullptr;
      for (const auto& p : pieces) {
        if (p.sentence.kind == ProseSentence::step) last = &steps.emplace_back();
        else if (p.sentence.kind == ProseSentence::interim) last = &interim;
        last->push_back(&p);
      }
      std::set<std::string> bodies;
      for (const auto& st : steps) bodies.insert(util::lower_sv(st.front()->sentence.forum));
      if (steps.size() < 2 || bodies.size() < 2) continue;

      auto join = [&](const std::vector<const Piece*>& ps) {
        Block b;
        b.kind = Block::Kind::paragraph;
        b.origin = ps.front()->block->origin;
        for (const Piece* p : ps) {
          if (!b.runs.empty()) b.runs.push_back(text_run(" "));
          const Runs part = slice_runs(p->block->runs, p->sentence.begin, p->sentence.end);
          b.runs.insert(b.runs.end(), part.begin(), part.end());
        }
        return &made_.emplace_back(std::move(b));
      };
      std::vector<const Block*> now;
      if (!lead.empty()) {
        std::vector<const Piece*> ps;
        for (const auto& p : lead) ps.push_back(&p);
        now.push_back(join(ps));
      }
      Section::Ladder ladder;
      ladder.first = i + now.size();
      for (const auto& st : steps) {
        now.push_back(join(st));
        ladder.forums.push_back(st.front()->sentence.forum);
      }
      ladder.final_step = steps.back().front()->sentence.final_step;
      if (!interim.empty()) now.push_back(join(interim)), ladder.interim = true;
      s.prompts.push_back(label("ladder.prose.prompt", Value{}.set("origin", s.blocks[i]->origin).set("interim", ladder.interim)));
      // Ladders after this place move with the blocks.
      const std::ptrdiff_t shift = static_cast<std::ptrdiff_t>(now.size()) - static_cast<std::ptrdiff_t>(j - i);
      for (auto& l : s.ladders)
        if (l.first >= j) l.first = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(l.first) + shift);
      s.blocks.erase(s.blocks.begin() + static_cast<std::ptrdiff_t>(i), s.blocks.begin() + static_cast<std::ptrdiff_t>(j));
      s.blocks.insert(s.blocks.begin() + static_cast<std::ptrdiff_t>(i), now.begin(), now.end());
      i += now.size() - 1;
      s.ladders.push_back(std::move(ladder));
      ++s_.dispute_ladders;
    }
  }

  // A ladder (dispute_ladders) as <dispute-ladder>: each item's whole text as its step.
  std::string dispute_ladder(const Section& s, const Section::Ladder& l, const std::string& ind) const {
    const std::string heading = util::lower_sv(s.heading);
    const char* scope = heading.find("lokal") != std::string::npos ? "local"
                        : heading.find("enskild") != std::string::npos || heading.find("individ") != std::string::npos
                            ? "individual"
                            : "regional";
    std::string x = ind + "<dispute-ladder scope=\"" + scope + "\">\n";
    auto text = [&](std::size_t k) { return xml_escape(trim(markdown(s.blocks[l.first + k]->runs, note_ids_))); };
    const std::size_t levels = l.forums.size() - l.final_step;  // the format: levels, interim, final
    for (std::size_t k = 0; k < levels; ++k) {
      x += ind + "  <level forum=\"" + xml_escape(l.forums[k]) + "\">" + text(k) + "</level>\n";
    }
    if (l.interim) x += ind + "  <interim>" + text(l.forums.size()) + "</interim>\n";
    if (l.final_step) x += ind + "  <final forum=\"" + xml_escape(l.forums.back()) + "\">" + text(levels) + "</final>\n";
    return x + ind + "</dispute-ladder>\n";
  }

  // An assignment table (assignment_parties) as one topic named by its section: each row's
  // first cell an item of the party its second cell names.
  std::string assignments(const Block& t, const std::vector<std::string>& parties, const Section& s,
                          const std::string& ind) {
    Topic topic{s.heading, {}};
    for (std::size_t r = 1; r < t.rows.size(); ++r) topic.items[parties[r - 1]].push_back(trim(markdown(t.rows[r][0], note_ids_)));
    return topics_xml({topic}, ind);
  }

  // A cell's duties: one item per paragraph or line of the cell; a cell that only holds a
  // dash says "nothing here" and gives none.
  std::vector<std::string> items(const Runs& cell) const {
    std::vector<std::string> out;
    Runs line;
    auto flush = [&] {
      const std::string md = trim(markdown(line, note_ids_));
      line.clear();
      if (md.empty() || md.find_first_not_of("-\xE2\x80\x93\x94 ") == std::string::npos) return;
      out.push_back(md);
    };
    for (const auto& r : cell) {
      if (r.kind == Run::Kind::line_break || is_cell_break(r)) flush();
      else line.push_back(r);
    }
    flush();
    return out;
  }

  // The matrix as <responsibilities>: a topic per row (a row without a topic continues the
  // one above, as a merged cell does), its cells as the parties' items in the schema's
  // order. Every cell's text is kept.
  std::string responsibilities(const Block& t, const std::vector<std::string>& party, const std::string& ind) {
    std::vector<Topic> topics;
    for (std::size_t r = 1; r < t.rows.size(); ++r) {
      const std::string name = trim(one_line(plain(t.rows[r][0])));
      if (!name.empty() || topics.empty()) topics.push_back({name, {}});
      for (std::size_t c = 1; c < party.size(); ++c)
        for (auto& item : items(t.rows[r][c])) topics.back().items[party[c]].push_back(std::move(item));
    }
    return topics_xml(topics, ind);
  }

  // The party lists folded into a section (party_lists) as one topic of <responsibilities>.
  std::string responsibilities(const Section& s, const std::string& ind) {
    Topic topic{s.heading, {}};
    for (const auto& [party, list] : s.party_lists)
      for (const Block* b : list->blocks) topic.items[party].push_back(trim(markdown(b->runs, note_ids_)));
    return topics_xml({topic}, ind);
  }

  // A topic of the responsibility matrix: its name and each party's items (Markdown).
  struct Topic {
    std::string name;
    std::map<std::string, std::vector<std::string>> items;
  };

  // Topics as <responsibilities>, each one's parties in the schema's order. Every way the
  // import reads a matrix (a table of parties, an assignment table, per-party lists) ends here.
  std::string topics_xml(const std::vector<Topic>& topics, const std::string& ind) {
    std::string x = ind + "<responsibilities>\n";
    for (const auto& topic : topics) {
      x += ind + "  <topic id=\"" + unique_id("topic " + topic.name) + "\" name=\"" + xml_escape(topic.name) + "\">\n";
      for (const char* who : {"joint", "municipality", "region"}) {
        auto it = topic.items.find(who);
        if (it == topic.items.end()) continue;
        x += ind + "    <" + who + ">";
        for (const auto& item : it->second) x += "<item>" + xml_escape(item) + "</item>";
        x += "</" + std::string(who) + ">\n";
      }
      x += ind + "  </topic>\n";
    }
    return x + ind + "</responsibilities>\n";
  }

  std::string body(const std::vector<const Block*>& blocks, const std::string& indent) const {
    std::string md;
    std::vector<int> columns;  // content column of each open list level
    bool in_list = false;
    for (const Block* b : blocks) {
      if (b->kind == Block::Kind::list_item) {
        if (!in_list && !md.empty()) md += "\n";
        const int level = std::min<int>(b->level, static_cast<int>(columns.size()));
        columns.resize(static_cast<std::size_t>(level));
        const int col = columns.empty() ? 0 : columns.back();
        const std::string marker = b->ordered ? "1. " : "- ";
        md += std::string(static_cast<std::size_t>(col), ' ') + marker + escape_start(markdown(b->runs, note_ids_)) + "\n";
        columns.push_back(col + static_cast<int>(marker.size()));
        in_list = true;
        continue;
      }
      if (!md.empty()) md += "\n";
      columns.clear();
      in_list = false;
      if (b->kind == Block::Kind::table) {
        // The format has no free tables (only the responsibility matrix): each row becomes a
        // list item, cells named by the header row, so every cell's text stays.
        const auto& rows = b->rows;
        std::size_t first = 0;
        std::vector<std::string> head;
        if (!rows.empty() && b->header_row) {
          for (const auto& c : rows[0]) head.push_back(markdown(c, note_ids_));
          first = 1;
        }
        for (std::size_t r = first; r < rows.size(); ++r) {
          std::string item;
          for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string cell = markdown(rows[r][c], note_ids_);
            if (cell.empty()) continue;
            if (!item.empty()) item += "; ";
            if (c < head.size() && !head[c].empty()) item += "**" + head[c] + ":** ";
            item += cell;
          }
          if (!item.empty()) md += "- " + item + "\n";
        }
        if (first == 1 && rows.size() == 1) {  // a header alone
          std::string line;
          for (const auto& h : head) line += (line.empty() ? "" : "; ") + h;
          md += line + "\n";
        }
        continue;
      }
      md += escape_start(markdown(b->runs, note_ids_)) + "\n";
    }
    // Indented to sit under <body>; the loader removes the common indentation.
    std::string out;
    std::size_t start = 0;
    while (start < md.size()) {
      const std::size_t nl = md.find('\n', start);
      const std::string l = md.substr(start, nl - start);
      out += (l.empty() ? "" : indent + xml_escape(l)) + "\n";
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return out;
  }

  std::string xml() {
    std::string x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    x += "<!-- " + comment_safe(label("file.comment", Value{}.set("source", o_.source).set("format", doc_.format).set("date", o_.as_of.iso()))) + " -->\n";
    const std::string id = local::slug(region_) + "-regional";
    x += "<agreement id=\"" + xml_escape(id.empty() || !(id[0] >= 'a' && id[0] <= 'z') ? "importerad" : id) +
         "\" kind=\"regional\" lang=\"sv\">\n";
    x += "  <meta>\n";
    x += "    <title>" + xml_escape(title_) + "</title>\n";
    if (!doc_.subtitle.empty()) x += "    <subtitle>" + xml_escape(one_line(doc_.subtitle)) + "</subtitle>\n";
    x += "    <region>" + xml_escape(region_) + "</region>\n";
    x += "    <version>" + xml_escape(version_) + "</version>\n";
    if (!diarienummer_.empty()) x += "    <diarienummer>" + xml_escape(diarienummer_) + "</diarienummer>\n";
    if (decision_) {
      x += "    <decision body=\"" + xml_escape(decision_->body) + "\" date=\"" + decision_->date.iso() + "\"/>\n";
    }
    x += "    <parties>\n";
    std::string code;
    if (!municipalities_.empty()) code = municipalities_.front()->code.substr(0, 2);
    x += "      <party id=\"" + xml_escape(local::slug(region_).empty() ? "region" : "region-" + local::slug(region_)) +
         "\" kind=\"region\"" + (code.empty() ? "" : " code=\"" + code + "\"") + ">" + xml_escape(region_) + "</party>\n";
    for (const auto* m : municipalities_) {
      x += "      <party id=\"" + xml_escape(local::slug(m->name)) + "\" kind=\"municipality\" code=\"" + m->code + "\">" +
           xml_escape(party_names_.count(m) ? party_names_.at(m) : m->name + " kommun") + "</party>\n";
    }
    x += "    </parties>\n  </meta>\n";
    // Sections nest by level.
    std::vector<int> open;
    for (const auto& s : sections_) {
      if (s.folded) continue;
      while (!open.empty() && open.back() >= s.level) {
        x += std::string(static_cast<std::size_t>(open.size()) * 2, ' ') + "</section>\n";
        open.pop_back();
      }
      const std::string ind(static_cast<std::size_t>(open.size() + 1) * 2, ' ');
      if (!s.origin.empty() || !s.number.empty()) {
        x += "\n" + ind + "<!-- " +
             comment_safe(label("section.comment", Value{}.set("origin", s.origin).set("number", s.number))) + " -->\n";
      }
      std::string covers;
      for (const auto& a : s.covers) covers += (covers.empty() ? "" : " ") + a;
      x += ind + "<section id=\"" + s.id + "\"" + (covers.empty() ? "" : " covers=\"" + covers + "\"") + ">\n";
      x += ind + "  <heading>" + xml_escape(s.heading) + "</heading>\n";
      // The body in the source's order, with a responsibility matrix where its table was.
      std::vector<const Block*> run;
      auto flush = [&] {
        const std::string md = body(run, ind + "    ");
        if (!trim(md).empty()) x += ind + "  <body>\n" + md + ind + "  </body>\n";
        run.clear();
      };
      for (std::size_t i = 0; i < s.blocks.size(); ++i) {
        const Block* b = s.blocks[i];
        const auto ladder = std::find_if(s.ladders.begin(), s.ladders.end(), [&](const Section::Ladder& l) { return l.first == i; });
        if (ladder != s.ladders.end()) {
          flush();
          x += dispute_ladder(s, *ladder, ind + "  ");
          i += ladder->forums.size() + ladder->interim - 1;
          continue;
        }
        const auto columns = b->kind == Block::Kind::table ? matrix_columns(res_.data.lexicon, *b) : std::nullopt;
        const auto parties = b->kind == Block::Kind::table && !columns ? assignment_parties(res_.data.lexicon, *b) : std::nullopt;
        if (!columns && !parties) {
          run.push_back(b);
          continue;
        }
        flush();
        x += columns ? responsibilities(*b, *columns, ind + "  ") : assignments(*b, *parties, s, ind + "  ");
      }
      flush();
      if (!s.party_lists.empty()) x += responsibilities(s, ind + "  ");
      if (!s.validity.empty()) x += ind + "  " + s.validity + "\n";
      for (const auto& p : s.prompts) {
        x += ind + "  <prompt>" + xml_escape(p) + "</prompt>\n";
        ++s_.prompts;
      }
      open.push_back(s.level);
    }
    while (!open.empty()) {
      x += std::string(static_cast<std::size_t>(open.size()) * 2, ' ') + "</section>\n";
      open.pop_back();
    }
    if (!doc_.notes.empty()) {
      x += "\n  <legal-references>\n";
      for (const auto& [key, runs] : doc_.notes) x += "    " + reference(note_ids_.at(key), runs) + "\n";
      x += "  </legal-references>\n";
    }
    x += "</agreement>\n";
    return x;
  }

  // A note that names a law of data/laws.tsv by its SFS number is a law reference (the note
  // text stays, as its comment); any other note is a source.
  std::string reference(const std::string& id, const Runs& runs) {
    const std::string text = trim(one_line(plain(runs)));
    static const util::Regex kSfs(R"((?:SFS\s*)?\(?\b((?:19|20)\d\d:\d{1,4})\b)");
    static const util::Regex kChapter(R"((\d{1,2})\s*kap\.?\s*(\d{1,3}(?:\s?[a-z])?)\s*§)");
    static const util::Regex kSection(R"((\d{1,3}(?:\s?[a-z])?)\s*§)");
    util::Match m;
    if (util::regex_search(text, m, kSfs)) {
      const std::string sfs = m[1].str();
      for (const auto& law : res_.data.laws) {
        if (law.sfs != sfs) continue;
        std::string attrs = " law=\"" + xml_escape(law.short_name) + "\" sfs=\"" + sfs + "\"";
        util::Match c;
        if (util::regex_search(text, c, kChapter)) attrs += " chapter=\"" + c[1].str() + "\" section=\"" + c[2].str() + "\"";
        else if (!law.chapters && util::regex_search(text, c, kSection)) attrs += " section=\"" + c[1].str() + "\"";
        ++s_.law_refs;
        return "<law-ref id=\"" + id + "\"" + attrs + ">" + xml_escape(markdown(runs, {})) + "</law-ref>";
      }
    }
    std::string href;
    for (const auto& r : runs)
      if (!r.href.empty() && !util::safe_href(r.href).empty()) href = r.href;
    std::string body = xml_escape(markdown(runs, {}));
    if (body.empty()) body = xml_escape(label("note.empty"));
    return "<source id=\"" + id + "\"" + (href.empty() ? "" : " href=\"" + xml_escape(href) + "\"") + ">" + body + "</source>";
  }

  const Imported& doc_;
  const WriteOptions& o_;
  const Resources& res_;
  ImportSummary& s_;
  std::map<std::string, std::string> note_ids_;
  std::vector<Section> sections_;
  std::deque<Block> made_;  ///< blocks the writer made of others (a ladder's steps); stable addresses
  std::set<std::string> ids_;
  std::string pool_, title_, region_, version_, diarienummer_;
  std::optional<review::TextDecision> decision_;
  review::TextValidity validity_read_;
  std::string first_origin_ = "-";  ///< the preface section's origin, when there is one
  std::vector<const data::Municipality*> municipalities_;
  std::map<const data::Municipality*, std::string> party_names_;
};

}  // namespace

std::string write_agreement(const Imported& doc, const WriteOptions& options, const Resources& res,
                            ImportSummary& summary) {
  return Writer(doc, options, res, summary).run();
}

}  // namespace okgen::import
