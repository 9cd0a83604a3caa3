// Registry of source texts.
#include "diag/source_registry.h"

namespace okgen::diag {

const SourceMap& SourceRegistry::add(std::string display_path, std::string text) {
  maps_.emplace_back(std::move(display_path), std::move(text));
  return maps_.back();
}

const SourceMap* SourceRegistry::find(const std::string& display_path) const {
  // Newest first: a file read twice (tests) shows its latest text.
  for (auto it = maps_.rbegin(); it != maps_.rend(); ++it) {
    if (it->path() == display_path) return &*it;
  }
  return nullptr;
}

void SourceRegistry::absorb(SourceRegistry&& other) {
  for (auto& m : other.maps_) maps_.push_back(std::move(m));
  other.maps_.clear();
}

}  // namespace okgen::diag
