// The region page: every municipality of a region (from the municipality registry) with the
// state of its local agreement, so a region sees at a glance who is missing, who is still
// drafting, and whose agreement needs review after a regional revision.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "resources.h"

namespace okgen::render::html {

struct LocalEntry {
  std::string href;  ///< relative to the region page; "" when not built
  std::string consolidated_href;  ///< the consolidated version, when published beside it
  std::string title;
  std::string source;
  std::string version;
  bool errors = false;  ///< could not be built (see the check report)
  bool draft = false;
  int prompts = 0;
  int missing_sections = 0;
  std::string parent_version;  ///< the regional version it names
  bool parent_current = true;
  int changed_sections = 0;
  std::string status_label;  ///< validity
};

struct MunicipalityEntry {
  std::string name;
  std::string code;
  std::optional<LocalEntry> local;  ///< nullopt: no local agreement yet
};

struct RegionIndex {
  std::string region;
  std::string regional_title;
  std::string regional_href;
  std::string regional_version;
  std::string regional_diarienummer;
  std::vector<MunicipalityEntry> municipalities;  ///< registry order
};

/// Renders templates/html/region-index.html.
std::string render_region_index_html(const RegionIndex& index, const std::string& as_of, const Resources& res);

}  // namespace okgen::render::html
