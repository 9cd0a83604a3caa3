// Locating and loading resources.
#include "resources.h"

#include <cstdlib>

namespace okgen {

Resources Resources::load(const std::filesystem::path& root, const std::string& lang) {
  Resources r{root, text::TemplateSet(root / "templates"), {}, {}, {}};
  // Documents are written in Swedish whatever the message language: the agreements are
  // Swedish public documents. Only diagnostics follow --lang.
  r.labels = text::Catalog::load(root / "templates" / "labels" / "sv.txt");
  r.messages = text::Catalog::load(root / "templates" / "messages" / (lang + ".txt"));
  r.data = data::ReferenceData::load(root / "data");
  return r;
}

std::filesystem::path Resources::default_root() {
  if (const char* home = std::getenv("OKGEN_HOME"); home && *home) return home;
  return OKGEN_SOURCE_DIR;
}

}  // namespace okgen
