// Facts okgen ships as data (data/*.tsv), never as code: the Meddelandeblad areas, the
// laws with their SFS numbers and repeal dates, the municipalities and regions.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "util/date.h"

namespace okgen::data {

struct Area {
  std::string id;
  std::string level;  ///< required | recommended | optional
  std::string name_sv;
  std::string name_en;
  std::string source;
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
};

struct Municipality {
  std::string region;
  std::string name;
  std::string code;  ///< kommunkod, 4 digits
};

struct ReferenceData {
  std::vector<Area> areas;
  std::vector<Law> laws;
  std::vector<Municipality> municipalities;

  /// Reads data/areas.tsv, data/laws.tsv and data/municipalities.tsv below `data_dir`.
  /// Throws util::IoError when a file is missing.
  static ReferenceData load(const std::filesystem::path& data_dir);

  std::vector<std::string> area_ids() const;
  const Area* find_area(const std::string& id) const;
  /// The law with this SFS number, or nullptr.
  const Law* find_law_by_sfs(const std::string& sfs) const;
};

}  // namespace okgen::data
