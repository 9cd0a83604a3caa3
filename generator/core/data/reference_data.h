// Facts okgen ships as data (data/*.tsv), never as code: the Meddelandeblad areas, the
// laws with their SFS numbers and repeal dates, the municipalities and regions.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "text/lexicon.h"
#include "util/date.h"

namespace okgen::data {

struct Area {
  std::string id;
  std::string level;  ///< required | recommended | optional
  std::string name_sv;
  std::string name_en;
  std::string basis;  ///< what makes it an area: "Meddelandeblad 1/2010", a law, "praxis"
};

struct Law {
  std::string short_name;  ///< HSL, SoL, ...
  std::string title;       ///< "Hälso- och sjukvårdslag"
  std::string sfs;         ///< "2017:30"
  std::optional<util::Date> in_force;
  std::optional<util::Date> repealed;
  std::string replaced_by;
  std::string verified;  ///< yes | partly | no
  std::string note;
  bool chapters = false;  ///< divided into chapters: sections are cited "16 kap. 3 §"
};

/// A provision behind a duty, for one version of a law (data/law-sections.tsv).
struct LawSection {
  std::string law;
  std::string sfs;
  std::string chapter;
  std::string section;
  std::string topic;
  bool verified = true;
};

/// A wording rule (data/wording.tsv): a pattern in running text a reviewer flags.
struct WordingRule {
  std::string rule;
  std::string pattern;
  std::string correct;
  std::optional<util::Date> from;
  std::string note;     ///< why, in Swedish (the finding's reason)
  std::string note_en;  ///< why, in English
  std::string needle;  ///< lower-case text that must occur before the pattern is tried
  std::string unless;  ///< pattern that excuses a match in the same sentence
  bool skip_quoted = false;  ///< a match inside quotation marks is a quoted title, not a finding
  int line = 0;
};

/// How an area is recognised in text agreements (data/area-keywords.tsv).
struct AreaKeywords {
  std::string area;
  std::string heading;
  std::vector<std::string> terms;
  int min_terms = 1;
  std::string required;  ///< must also match for "covered"; "" = nothing more
  int min_words = 40;
  bool union_sections = false;  ///< judge all matching sections together
  std::string hint;             ///< without a heading, text matching this makes the area partial
};

/// One part of a facet's condition (data/area-facets.tsv): a concept of data/concepts.tsv
/// that must occur in the sentence ("!" before it: must not), optionally "*N": N different
/// matches in all of the area's text; or a fact okgen reads itself ("@date", "@start",
/// "@end", "@rule", "@region-name", "@municipality-name", "@municipalities").
struct FacetAtom {
  std::string concept;
  bool negated = false;
  int count = 0;
};

/// What a careful reviewer needs to see of an area (data/area-facets.tsv). The facets
/// "heading" (words of a heading about the area) and "topic" (a sentence about it) mark
/// where the area's text is; the others are what the text must state.
struct AreaFacet {
  std::string area;
  std::string id;
  std::string required;  ///< "yes", "no", or a concept: required when the area's text has it
  std::vector<std::vector<FacetAtom>> needs;  ///< alternatives, each all of its atoms
  bool anywhere = false;  ///< found in any sentence of the text, not only the area's
  std::string label_sv;
  std::string label_en;
  int line = 0;
};

struct Municipality {
  std::string region;
  std::string name;
  std::string code;  ///< kommunkod, 4 digits
};

/// One section of the local-agreement template (data/local-template.tsv).
struct TemplateItem {
  std::string describe;
  std::vector<std::string> questions;
};
struct TemplateSection {
  std::string key;
  std::string heading;
  std::vector<TemplateItem> items;
  std::string holds;  ///< "dispute-ladder", "follow-up" or "": what local init prefills here
};

struct ReferenceData {
  std::vector<Area> areas;
  std::vector<Law> laws;
  std::vector<Municipality> municipalities;
  std::vector<LawSection> law_sections;
  std::vector<WordingRule> wording;
  std::vector<AreaKeywords> area_keywords;
  std::vector<TemplateSection> local_template;
  text::Lexicon lexicon;          ///< data/concepts.tsv
  std::vector<AreaFacet> facets;  ///< data/area-facets.tsv, in file order

  /// Reads the data files below `data_dir`. Throws util::IoError when a file is missing or
  /// a line is wrong. A wording rule whose id is not in the rule table is a new kind of
  /// finding when `messages_dir` (default: templates/messages beside `data_dir`) gives it
  /// its texts in sv.txt and en.txt; it is then declared (diag::register_data_rule).
  static ReferenceData load(const std::filesystem::path& data_dir, const std::filesystem::path& messages_dir = {});

  std::vector<std::string> area_ids() const;
  const Area* find_area(const std::string& id) const;
  /// The law with this SFS number, or nullptr.
  const Law* find_law_by_sfs(const std::string& sfs) const;
  /// The law in force on `date` with this short name (HSL, SoL, ...), or nullptr.
  const Law* find_law_in_force(const std::string& short_name, const util::Date& date) const;
  /// The municipality with this kommunkod, or nullptr.
  const Municipality* find_municipality_by_code(const std::string& code) const;
  /// The municipality a name means, written as people write it: "Falun", "Falu kommun",
  /// "falun", "Östersunds kommun", "Malung-Sälen". nullptr when none (or several) match.
  const Municipality* find_municipality(const std::string& name, const std::string& region = "") const;
  /// The municipalities of a region, in registry order.
  std::vector<const Municipality*> municipalities_of(const std::string& region) const;
  /// Region names, in registry order.
  std::vector<std::string> regions() const;
  /// The template section with this key, or nullptr.
  const TemplateSection* find_template_section(const std::string& key) const;
};

}  // namespace okgen::data
