// Area verdicts from facets (see facets.h).
#include "review/facets.h"
#include "util/regex.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "util/text.h"

namespace okgen::review {

namespace {

bool letter_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

// Whether `name` occurs in `s` as a word (a genitive "s" may follow: "Skövdes").
bool has_word(const std::string& s, const std::string& name) {
  for (std::size_t at = s.find(name); at != std::string::npos; at = s.find(name, at + 1)) {
    if (at > 0 && letter_byte(s[at - 1])) continue;
    const std::size_t e = at + name.size();
    if (e == s.size() || !letter_byte(s[e])) return true;
    if (s[e] == 's' && (e + 1 == s.size() || !letter_byte(s[e + 1]))) return true;
  }
  return false;
}

// Names of regions and municipalities from data/municipalities.tsv, as texts write them.
class Names {
 public:
  explicit Names(const data::ReferenceData& data) : data_(data) {
    for (const auto& region : data.regions()) {
      std::string core = util::lower_sv(region);
      if (util::starts_with(core, "region ")) core = core.substr(7);
      if (util::ends_with(core, " län")) core = core.substr(0, core.size() - std::string(" län").size());
      if (util::ends_with(core, "regionen")) core = core.substr(0, core.size() - 8);  // västra götaland
      const std::string first = core.substr(0, core.find(' '));
      const std::string genitive = util::ends_with(first, "s") ? first : first + "s";
      const std::size_t municipalities = data.municipalities_of(region).size();
      for (const std::string& p : {util::lower_sv(region), "region " + core, "landstinget " + core, "landstinget i " + core,
                                   genitive + " läns landsting", core + "sregionen", "regionen " + core}) {
        region_patterns_.emplace_back(p, municipalities);
      }
    }
    for (const auto& m : data.municipalities) municipality_names_.push_back(m.name);
  }

  /// A region named in the (lower-case) sentence; `single` when it is one municipality too.
  bool region(const std::string& lower, bool* single = nullptr) const {
    for (const auto& [p, count] : region_patterns_) {
      if (has_word(lower, p)) {
        if (single) *single = count == 1;
        return true;
      }
    }
    return false;
  }

  /// Municipalities named in the sentence as written (names are matched with their capital
  /// letter: "Vara" and "Mark" are names, "vara" and "mark" are words).
  int municipalities(const std::string& written_in) const {
    // A region's name can hold a municipality's ("Region Jämtland Härjedalen"): names of
    // regions are taken out first.
    std::string written = written_in;
    for (const auto& region : data_.regions()) {
      for (std::size_t at; (at = written.find(region)) != std::string::npos;) written.replace(at, region.size(), " ");
    }
    int n = 0;
    for (const auto& name : municipality_names_) n += has_word(written, name) ? 1 : 0;
    if (n == 0) {
      // "Falu kommun", "Bollnäs kommun": the form before "kommun" that the registry knows.
      static const util::Regex kForm(R"(([A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?) kommun)");
      for (auto it = util::RegexIterator(written.begin(), written.end(), kForm); it != util::RegexIterator(); ++it) {
        if (data_.find_municipality((*it)[1].str() + " kommun")) ++n;
      }
    }
    return n;
  }

 private:
  const data::ReferenceData& data_;
  std::vector<std::pair<std::string, std::size_t>> region_patterns_;
  std::vector<std::string> municipality_names_;
};

bool county_municipalities(const std::string& lower) {
  static const util::Regex kCounty(
      R"((länets|regionens|samtliga|alla)\s+((\d+|[a-zåäö]+)\s+)?kommuner|kommunerna\s+i\s+(\S+\s+)?län(et)?|\b(\d+|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|tjugo\w*|fyrtio\w*)\s+kommuner)");
  return util::regex_search(lower, kCounty);
}

class Judge {
 public:
  Judge(const TextDocument& doc, const std::vector<DateScan>& scans, const data::ReferenceData& data)
      : doc_(doc), scans_(scans), data_(data), names_(data) {
    for (const auto& s : doc.sentences) {
      lower_.push_back(util::lower_sv(s.text));
      lead_tokens_.push_back(text::tokenize(s.lead_in));
    }
    heading_tokens_.reserve(doc.headings.size());
    for (const auto& h : doc.headings) heading_tokens_.push_back(text::tokenize(h.title));
    for (const auto& e : doc.toc) toc_tokens_.push_back(text::tokenize(e.title));
  }

  AreaCoverage judge(const data::Area& area) {
    AreaCoverage c;
    c.area = area.id;
    const data::AreaFacet* heading = nullptr;
    const data::AreaFacet* topic = nullptr;
    std::vector<const data::AreaFacet*> facets;
    for (const auto& f : data_.facets) {
      if (f.area != area.id) continue;
      if (f.id == "heading") heading = &f;
      else if (f.id == "topic") topic = &f;
      else facets.push_back(&f);
    }
    // Where the area's text is.
    std::vector<bool> heading_hit(doc_.headings.size(), false);
    int first_heading = -1;
    for (std::size_t h = 0; h < doc_.headings.size() && heading; ++h) {
      if (satisfied(*heading, heading_tokens_[h], {}, nullptr, {})) {
        heading_hit[h] = true;
        if (first_heading < 0) first_heading = static_cast<int>(h);
      }
    }
    const std::size_t n = doc_.sentences.size();
    std::vector<bool> is_topic(n, false), in_scope(n, false);
    std::set<int> topic_blocks;
    for (std::size_t k = 0; k < n && topic; ++k) {
      const auto& s = doc_.sentences[k];
      if (satisfied(*topic, s.tokens, s.context_tokens, &k, {}) ||
          (!s.lead_in.empty() && satisfied(*topic, lead_tokens_[k], {}, nullptr, {}))) {
        is_topic[k] = true;
        topic_blocks.insert(s.block);
      }
    }
    std::vector<int> under_heading(n, -1);  // the area heading a sentence is under, if any
    for (std::size_t k = 0; k < n; ++k) {
      const auto& s = doc_.sentences[k];
      for (int h = s.heading; h >= 0 && under_heading[k] < 0; h = doc_.parent[static_cast<std::size_t>(h)]) {
        if (heading_hit[static_cast<std::size_t>(h)]) under_heading[k] = h;
      }
      in_scope[k] = under_heading[k] >= 0 || topic_blocks.count(s.block) > 0;
    }
    // Evidence is looked for where a reader looks first: under the area's own heading, then
    // in sentences about the area, then in the rest of its text.
    std::vector<std::size_t> order;
    for (int pass = 0; pass < 3; ++pass) {
      for (std::size_t k = 0; k < n; ++k) {
        const bool first = under_heading[k] >= 0, second = !first && is_topic[k];
        if ((pass == 0 && first) || (pass == 1 && second) || (pass == 2 && !first && !second)) order.push_back(k);
      }
    }
    std::vector<std::size_t> scope;
    for (std::size_t k = 0; k < n; ++k) {
      if (in_scope[k]) scope.push_back(k);
    }
    // Each facet: the first sentence that states it.
    bool any = first_heading >= 0 || !topic_blocks.empty();
    bool all_required = true;
    std::set<std::size_t> evidence;  // sentences that state a facet
    for (const data::AreaFacet* f : facets) {
      FacetFinding ff;
      ff.id = f->id;
      ff.label_sv = f->label_sv;
      ff.label_en = f->label_en;
      ff.required = f->required == "yes";
      if (f->required != "yes" && f->required != "no" && f->required != "-") {
        for (std::size_t k : scope) {
          if (data_.lexicon.occurs(f->required, doc_.sentences[k].tokens)) ff.required = true;
        }
      }
      for (std::size_t k : order) {
        if (ff.found) break;
        if (!f->anywhere && !in_scope[k]) continue;
        const auto& s = doc_.sentences[k];
        if (satisfied(*f, s.tokens, s.context_tokens, &k, scope)) {
          ff.found = true;
          evidence.insert(k);
          ff.where = doc_.units[s.unit].at(s.begin);
          ff.quote = util::shorten(s.text, 220);
        }
      }
      any = any || ff.found;
      if (ff.required && !ff.found) all_required = false;
      c.facets.push_back(std::move(ff));
    }
    // Where the area is: the heading with the most evidence under it, else the first one.
    std::map<int, int> evidence_under;
    for (std::size_t k : evidence) {
      if (under_heading[k] >= 0) ++evidence_under[under_heading[k]];
    }
    int best_count = 0;
    for (const auto& [h, count] : evidence_under) {
      if (count > best_count) best_count = count, first_heading = h;
    }
    if (first_heading >= 0) {
      const auto& h = doc_.headings[static_cast<std::size_t>(first_heading)];
      c.where = diag::SourceSpan{doc_.units.empty() ? "" : path_of_doc(), h.line, 1};
      c.where_text = doc_.heading_text(first_heading);
    } else {
      for (std::size_t k = 0; k < n; ++k) {
        if (!is_topic[k] && !evidence.count(k)) continue;
        c.where = doc_.units[doc_.sentences[k].unit].at(doc_.sentences[k].begin);
        c.where_text = "\xE2\x80\x9C" + util::shorten(doc_.sentences[k].text, 60) + "\xE2\x80\x9D";
        break;
      }
    }
    if (any && all_required && !facets.empty()) {
      c.status = Coverage::covered;
    } else if (any) {
      c.status = Coverage::partial;
    } else {
      // Only a table-of-contents line: the document promises a section it does not have.
      for (const auto& e : doc_.toc) {
        if (heading && satisfied(*heading, toc_tokens_[static_cast<std::size_t>(&e - doc_.toc.data())], {}, nullptr, {})) {
          c.status = Coverage::partial;
          c.toc_only = true;
          c.where = diag::SourceSpan{path_of_doc(), e.line, 1};
          c.where_text = (e.number.empty() ? "" : e.number + " ") + e.title;
          break;
        }
      }
    }
    return c;
  }

 private:
  std::string path_of_doc() const {
    for (const auto& u : doc_.units) {
      if (!u.anchors.empty()) return u.anchors.front().second.file;
    }
    return "";
  }

  // A fact okgen reads itself, in sentence `k`.
  bool special(const std::string& name, std::size_t k) const {
    const DateScan& d = scans_[k];
    const std::string& written = doc_.sentences[k].text;
    if (name == "@date") return !d.dates.empty();
    if (name == "@front") {
      // The title block: before the first heading, near the top (a cover page in a PDF).
      const int line = doc_.units[doc_.sentences[k].unit].at(doc_.sentences[k].begin).line;
      // The title block: short lines near the top, before the first heading (not a preamble
      // that tells how the text was drafted).
      // A Markdown title ("# Överenskommelse ...") heads the title block too.
      const bool under_title = doc_.sentences[k].heading == 0 && doc_.headings.front().line <= 5;
      return line <= 30 && doc_.sentences[k].tokens.size() <= 16 &&
             (doc_.headings.empty() || line < doc_.headings.front().line || doc_.sentences[k].heading < 0 || under_title);
    }
    if (name == "@start") return d.has_start();
    if (name == "@end") return d.has_end() || d.until_further_notice;
    if (name == "@rule") return d.extension_months.has_value() || d.notice || d.review;
    if (name == "@placeholder") return !d.placeholders.empty();
    if (name == "@region-name") return names_.region(lower_[k]);
    if (name == "@single-region") {
      // Region Gotland: one organisation with a municipality's and a region's duties, whose
      // parties are two of its own committees or administrations.
      bool single = false;
      return names_.region(lower_[k], &single) && single;
    }
    if (name == "@municipality-name") {
      bool single = false;
      return names_.municipalities(written) > 0 || (names_.region(lower_[k], &single) && single);
    }
    if (name == "@municipalities") return county_municipalities(lower_[k]) || names_.municipalities(written) >= 3;
    return false;
  }

  // Whether `concept` occurs in a token list of the document (sentences, contexts, headings):
  // remembered, since every area asks about the same sentences many times.
  // Every non-empty list passed here is owned by the document or this judge (stable addresses).
  bool occurs(const std::string& concept, const std::vector<text::Token>& tokens) const {
    if (tokens.empty()) return false;
    auto& per_list = memo_[concept];
    auto it = per_list.find(&tokens);
    if (it != per_list.end()) return it->second;
    const bool hit = data_.lexicon.occurs(concept, tokens);
    per_list.emplace(&tokens, hit);
    return hit;
  }

  int distinct(const std::string& concept, const std::vector<std::size_t>& scope) const {
    std::set<std::string> seen;
    for (std::size_t k : scope) {
      const auto& toks = doc_.sentences[k].tokens;
      for (const auto& m : data_.lexicon.find(concept, toks)) {
        std::string key;
        for (std::size_t i = m.first; i <= m.last; ++i) key += toks[i].stem + " ";
        seen.insert(key);
      }
    }
    return static_cast<int>(seen.size());
  }

  // Whether some alternative of `f` holds: every atom in the sentence or its context, at
  // least one in the sentence itself; "!" atoms not in the sentence; "*N" over the scope.
  bool satisfied(const data::AreaFacet& f, const std::vector<text::Token>& tokens,
                 const std::vector<text::Token>& context, const std::size_t* k, const std::vector<std::size_t>& scope) const {
    for (const auto& alt : f.needs) {
      bool ok = true, own = false;
      for (const auto& a : alt) {
        if (a.concept[0] == '@' && a.count > 0) {
          // A fact stated in some sentence of the area's text (a list of parties, one per item).
          int n = 0;
          for (std::size_t j : scope) n += special(a.concept, j) ? 1 : 0;
          if (n < a.count) ok = false;
        } else if (a.concept[0] == '@') {
          const bool has = k && special(a.concept, *k);
          if (a.negated ? has : !has) ok = false;
          own = own || (has && !a.negated);
        } else if (a.count > 0) {
          if (distinct(a.concept, scope) < a.count) ok = false;
        } else if (a.negated) {
          if (occurs(a.concept, tokens)) ok = false;
        } else if (occurs(a.concept, tokens)) {
          own = true;
        } else if (!occurs(a.concept, context)) {
          ok = false;
        }
        if (!ok) break;
      }
      if (ok && own) return true;
    }
    return false;
  }

  const TextDocument& doc_;
  const std::vector<DateScan>& scans_;
  const data::ReferenceData& data_;
  Names names_;
  std::vector<std::string> lower_;
  std::vector<std::vector<text::Token>> lead_tokens_;
  std::vector<std::vector<text::Token>> heading_tokens_;
  std::vector<std::vector<text::Token>> toc_tokens_;
  mutable std::unordered_map<std::string, std::unordered_map<const void*, bool>> memo_;
};

}  // namespace

std::vector<AreaCoverage> judge_areas(const TextDocument& doc, const std::vector<DateScan>& scans,
                                      const data::ReferenceData& data, const std::set<std::string>* only) {
  Judge judge(doc, scans, data);
  std::vector<AreaCoverage> out;
  for (const auto& area : data.areas)
    if (!only || only->count(area.id)) out.push_back(judge.judge(area));
  return out;
}

}  // namespace okgen::review
