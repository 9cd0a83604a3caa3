// SourceRegistry: the texts of all files read in one run, so printers can quote lines.
#pragma once

#include <deque>
#include <string>

#include "diag/source_map.h"

namespace okgen::diag {

class SourceRegistry {
 public:
  /// Stores a file's text and returns a reference that stays valid for the registry's life.
  const SourceMap& add(std::string display_path, std::string text);
  /// The file with this display path, or nullptr.
  const SourceMap* find(const std::string& display_path) const;
  /// Takes over every file of `other` (used to gather what parallel loads registered).
  void absorb(SourceRegistry&& other);

 private:
  std::deque<SourceMap> maps_;
};

}  // namespace okgen::diag
