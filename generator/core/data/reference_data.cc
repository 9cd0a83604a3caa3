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
