// Loading of the shipped data files.
#include "data/reference_data.h"

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
    d.laws.push_back(std::move(law));
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

const Law* ReferenceData::find_law_by_sfs(const std::string& sfs) const {
  for (const auto& l : laws) {
    if (l.sfs == sfs) return &l;
  }
  return nullptr;
}

}  // namespace okgen::data
