// Loading of the shipped data files.
#include "data/reference_data.h"

#include <algorithm>
#include <cstdlib>

#include "util/text.h"
#include "util/tsv.h"

namespace okgen::data {

ReferenceData ReferenceData::load(const std::filesystem::path& data_dir) {
  ReferenceData d;
  for (const auto& row : util::read_tsv(data_dir / "areas.tsv")) {
    d.areas.push_back(Area{row.get("id"), row.get("level"), row.get("name_sv"), row.get("name_en"), row.get("source")});
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
  for (const auto& row : util::read_tsv(data_dir / "wording.tsv")) {
    d.wording.push_back(WordingRule{row.get("rule"), row.get("pattern"), row.get("correct"),
                                    util::Date::parse(row.get("from")), row.get("note"), row.get("needle"), row.get("unless"), row.line});
  }
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
  for (const auto& row : util::read_tsv(data_dir / "municipalities.tsv")) {
    d.municipalities.push_back(Municipality{row.get("region"), row.get("municipality"), row.get("kommunkod")});
  }
  return d;
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
