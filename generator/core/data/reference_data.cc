// Loading of the shipped data files.
#include "data/reference_data.h"

#include <algorithm>
#include <cstdlib>

#include "diag/rules.h"
#include "text/catalog.h"
#include "util/fs.h"
#include "util/regex.h"
#include "util/text.h"
#include "util/tsv.h"

namespace okgen::data {

namespace {

// A line of a data file that okgen cannot use: the English sentence for logs, the phrase
// `problem` of [io] for the person who runs okgen; the error's path is the file and line.
[[noreturn]] void data_error(const std::string& where, const std::string& english, const char* problem,
                             util::IoError::Args args = {}) {
  throw util::IoError(where + ": " + english, where, problem, std::move(args));
}


// Facts the checker reads itself rather than from concepts (review/facets.cc).
bool known_special(const std::string& name) {
  static const std::vector<std::string> kSpecial = {"@date", "@start", "@end", "@rule", "@placeholder", "@front", "@single-region",
                                                    "@region-name", "@municipality-name", "@municipalities"};
  return std::find(kSpecial.begin(), kSpecial.end(), name) != kSpecial.end();
}

// Whether both message catalogues give rule `id` the texts every finding shows (message,
// summary, reason, fix): then a wording row may use it as a new kind of finding. Read only
// when a row names an id the rule table does not have.
class DeclaredRules {
 public:
  explicit DeclaredRules(std::filesystem::path dir) : dir_(std::move(dir)) {}
  bool declared(const std::string& id) {
    if (catalogues_.empty()) {
      for (const char* lang : {"sv.txt", "en.txt"}) {
        const auto file = dir_ / lang;
        catalogues_.push_back(std::filesystem::exists(file) ? text::Catalog::load(file) : text::Catalog{});
      }
    }
    return std::all_of(catalogues_.begin(), catalogues_.end(), [&](const text::Catalog& c) {
      return c.find(id, "message") && c.find(id, "summary") && c.find(id, "reason") && c.find(id, "fix");
    });
  }

 private:
  std::filesystem::path dir_;
  std::vector<text::Catalog> catalogues_;
};

// Reads data/wording.tsv, checking each row: a misspelt rule id would otherwise become a
// finding with no message, a bad pattern an exception in the middle of a check. An id that
// is not in the rule table but has its texts in both catalogues is a new kind of wording
// finding (a warning of the review stage, adjustable in okgen.conf like any rule); it is
// declared once every row has been read, so a file with a wrong line declares nothing.
std::vector<WordingRule> load_wording(const std::vector<util::TsvRow>& rows, const std::string& file,
                                      const std::filesystem::path& messages_dir) {
  std::vector<WordingRule> out;
  DeclaredRules catalogues(messages_dir);
  std::vector<std::string> new_kinds;
  for (const auto& row : rows) {
    const std::string where = file + ":" + std::to_string(row.line);
    WordingRule w{row.get("rule"), row.get("pattern"), row.get("correct"), util::Date::parse(row.get("from")),
                  row.get("note"), row.get("note_en"), row.get("needle"), row.get("unless"),
                  row.get("quoted") == "skip", row.line};
    if (!diag::find_rule(w.rule)) {
      if (w.rule.empty() || !catalogues.declared(w.rule)) {
        data_error(where,
                   "unknown rule \"" + w.rule + "\" (okgen rules lists them; a new kind needs [" + w.rule +
                       "] with message, summary, reason and fix in " + (messages_dir / "sv.txt").string() + " and en.txt)",
                   "wording-unknown-rule", {{"rule", w.rule}, {"messages", messages_dir.string()}});
      }
      new_kinds.push_back(w.rule);
    }
    if (w.pattern.empty()) data_error(where, "the rule needs a pattern", "wording-no-pattern");
    for (const std::string* pattern : {&w.pattern, &w.unless}) {
      if (pattern->empty()) continue;
      try {
        const util::Regex compiles(*pattern);  // throws with PCRE2's reason
      } catch (const util::RegexError& e) {
        data_error(where, "the pattern \"" + *pattern + "\" is not a regular expression (" + e.what() + ")",
                   "wording-bad-pattern", {{"pattern", *pattern}, {"reason", e.what()}});
      }
    }
    if (!row.get("from").empty() && !w.from) {
      data_error(where, "from is a date (yyyy-mm-dd), not \"" + row.get("from") + "\"", "wording-bad-from",
                 {{"value", row.get("from")}});
    }
    if (!row.get("quoted").empty() && !w.skip_quoted) {
      data_error(where, "quoted is empty or skip, not \"" + row.get("quoted") + "\"", "wording-bad-quoted",
                 {{"value", row.get("quoted")}});
    }
    if (w.note.empty() || w.note_en.empty()) {
      data_error(where, "the rule needs its reason in Swedish and English (note, note_en)", "wording-no-notes");
    }
    out.push_back(std::move(w));
  }
  for (const auto& id : new_kinds) diag::register_data_rule(id, diag::Severity::warning, diag::Stage::review);
  return out;
}

// Reads data/area-facets.tsv, checking every area, concept and column against what exists:
// a misspelt name is an error when okgen starts, naming the line.
std::vector<AreaFacet> load_facets(const std::vector<util::TsvRow>& rows, const std::string& file,
                                   const ReferenceData& d) {
  std::vector<AreaFacet> out;
  for (const auto& row : rows) {
    const std::string where = file + ":" + std::to_string(row.line);
    AreaFacet f;
    f.area = row.get("area");
    f.id = row.get("facet");
    f.required = row.get("required");
    f.anywhere = row.get("where") == "anywhere";
    f.label_sv = row.get("sv");
    f.label_en = row.get("en");
    f.line = row.line;
    if (!d.find_area(f.area)) data_error(where, "unknown area \"" + f.area + "\"", "facet-unknown-area", {{"area", f.area}});
    if (f.id.empty()) data_error(where, "a facet needs a name", "facet-no-name");
    if (row.get("where") != "area" && row.get("where") != "anywhere") {
      data_error(where, "column where is \"area\" or \"anywhere\", not \"" + row.get("where") + "\"", "facet-bad-where",
                 {{"value", row.get("where")}});
    }
    if (f.id != "heading" && f.id != "topic" && (f.label_sv.empty() || f.label_en.empty())) {
      data_error(where, "the facet \"" + f.id + "\" needs a label in Swedish and English (sv, en)", "facet-no-labels",
                 {{"facet", f.id}});
    }
    if (f.required != "yes" && f.required != "no" && f.required != "-" && !d.lexicon.has(f.required)) {
      data_error(where, "required is yes, no or a concept; \"" + f.required + "\" is none", "facet-bad-required",
                 {{"value", f.required}});
    }
    for (const auto& alt : util::split(row.get("needs"), '|')) {
      std::vector<FacetAtom> atoms;
      for (const auto& raw : util::split(alt, '+')) {
        std::string a(util::trim(raw));
        FacetAtom atom;
        if (!a.empty() && a[0] == '!') atom.negated = true, a = a.substr(1);
        const auto star = a.find('*');
        if (star != std::string::npos) atom.count = std::atoi(a.c_str() + star + 1), a = a.substr(0, star);
        atom.concept = a;
        if (a.empty()) data_error(where, "an empty condition in needs", "facet-empty-condition");
        if (a[0] == '@' ? !known_special(a) : !d.lexicon.has(a)) {
          data_error(where, "unknown concept \"" + a + "\" (data/concepts.tsv)", "facet-unknown-concept", {{"concept", a}});
        }
        atoms.push_back(atom);
      }
      if (std::all_of(atoms.begin(), atoms.end(), [](const FacetAtom& x) { return x.negated || x.count > 0; })) {
        data_error(where, "each alternative needs one condition the sentence itself must meet", "facet-no-own-condition");
      }
      f.needs.push_back(std::move(atoms));
    }
    if (f.needs.empty()) data_error(where, "a facet needs a condition (column needs)", "facet-no-condition");
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

ReferenceData ReferenceData::load(const std::filesystem::path& data_dir, const std::filesystem::path& messages_dir) {
  ReferenceData d;
  for (const auto& row : util::read_tsv(data_dir / "areas.tsv")) {
    d.areas.push_back(Area{row.get("id"), row.get("level"), row.get("name_sv"), row.get("name_en"), row.get("basis")});
  }
  for (const auto& row : util::read_tsv(data_dir / "laws.tsv")) {
    Law law;
    law.short_name = row.get("short");
    law.title = row.get("title");
    law.sfs = row.get("sfs");
    law.in_force = util::Date::parse(row.get("in_force"));
    law.repealed = util::Date::parse(row.get("repealed"));
    law.replaced_by = row.get("replaced_by");
    law.verified = row.get("verified");
    law.note = row.get("note");
    law.chapters = row.get("chapters") == "yes";
    d.laws.push_back(std::move(law));
  }
  for (const auto& row : util::read_tsv(data_dir / "law-sections.tsv")) {
    d.law_sections.push_back(LawSection{row.get("law"), row.get("sfs"), row.get("chapter"), row.get("section"),
                                        row.get("topic"), row.get("verified") != "no"});
  }
  d.wording = load_wording(util::read_tsv(data_dir / "wording.tsv"), (data_dir / "wording.tsv").string(),
                           messages_dir.empty() ? data_dir.parent_path() / "templates" / "messages" : messages_dir);
  for (const auto& row : util::read_tsv(data_dir / "area-keywords.tsv")) {
    AreaKeywords k;
    k.area = row.get("area");
    k.heading = row.get("heading");
    k.terms = util::split(row.get("terms"), '|');
    k.min_terms = std::max(1, std::atoi(row.get("min_terms").c_str()));
    k.required = row.get("required");
    k.min_words = std::atoi(row.get("min_words").c_str());
    k.union_sections = row.get("union") == "yes";
    k.hint = row.get("hint");
    d.area_keywords.push_back(std::move(k));
  }
  d.lexicon = text::Lexicon::load(util::read_tsv(data_dir / "concepts.tsv"), (data_dir / "concepts.tsv").string());
  d.facets = load_facets(util::read_tsv(data_dir / "area-facets.tsv"), (data_dir / "area-facets.tsv").string(), d);
  for (const auto& row : util::read_tsv(data_dir / "municipalities.tsv")) {
    d.municipalities.push_back(Municipality{row.get("region"), row.get("municipality"), row.get("kommunkod")});
  }
  for (const auto& row : util::read_tsv(data_dir / "local-template.tsv")) {
    if (d.local_template.empty() || d.local_template.back().key != row.get("key")) {
      d.local_template.push_back(TemplateSection{row.get("key"), row.get("section"), {}, ""});
    }
    if (!row.get("holds").empty()) d.local_template.back().holds = row.get("holds");
    auto& items = d.local_template.back().items;
    if (items.empty() || items.back().describe != row.get("item")) items.push_back(TemplateItem{row.get("item"), {}});
    items.back().questions.push_back(row.get("question"));
  }
  return d;
}

namespace {

// "Falu kommun" -> "falu", "Östersunds kommun" -> "östersunds", "Region Gotland" -> "gotland".
std::string name_key(const std::string& name) {
  std::string n = util::lower_sv(util::trim(name));
  for (const char* suffix : {" kommun", " stad", " municipality"}) {
    if (util::ends_with(n, suffix)) n = n.substr(0, n.size() - std::string(suffix).size());
  }
  if (util::starts_with(n, "region ")) n = n.substr(7);
  return std::string(util::trim(n));
}

}  // namespace

const Municipality* ReferenceData::find_municipality(const std::string& name, const std::string& region) const {
  const std::string key = name_key(name);
  if (key.empty()) return nullptr;
  const Municipality* found = nullptr;
  for (const auto& m : municipalities) {
    if (!region.empty() && m.region != region) continue;
    const std::string k = name_key(m.name);
    // The genitive forms used before "kommun": Falun -> Falu, Östersund -> Östersunds.
    const bool match = key == k || key + "n" == k || key == k + "s";
    if (!match) continue;
    if (found) return nullptr;  // ambiguous without a region
    found = &m;
  }
  return found;
}

std::vector<const Municipality*> ReferenceData::municipalities_of(const std::string& region) const {
  std::vector<const Municipality*> out;
  for (const auto& m : municipalities) {
    if (m.region == region) out.push_back(&m);
  }
  return out;
}

std::vector<std::string> ReferenceData::regions() const {
  std::vector<std::string> out;
  for (const auto& m : municipalities) {
    if (std::find(out.begin(), out.end(), m.region) == out.end()) out.push_back(m.region);
  }
  return out;
}

const TemplateSection* ReferenceData::find_template_section(const std::string& key) const {
  for (const auto& t : local_template) {
    if (t.key == key) return &t;
  }
  return nullptr;
}

std::vector<std::string> ReferenceData::area_ids() const {
  std::vector<std::string> ids;
  for (const auto& a : areas) ids.push_back(a.id);
  return ids;
}

const Area* ReferenceData::find_area(const std::string& id) const {
  for (const auto& a : areas) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

const Law* ReferenceData::find_law_in_force(const std::string& short_name, const util::Date& date) const {
  for (const auto& l : laws) {
    if (l.short_name != short_name) continue;
    if (l.in_force && date < *l.in_force) continue;
    if (l.repealed && date >= *l.repealed) continue;
    return &l;
  }
  return nullptr;
}

const Municipality* ReferenceData::find_municipality_by_code(const std::string& code) const {
  for (const auto& m : municipalities) {
    if (m.code == code) return &m;
  }
  return nullptr;
}

const Law* ReferenceData::find_law_by_sfs(const std::string& sfs) const {
  for (const auto& l : laws) {
    if (l.sfs == sfs) return &l;
  }
  return nullptr;
}

}  // namespace okgen::data
