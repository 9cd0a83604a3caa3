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
  r.data = data::ReferenceData::load(root / "data", root / "templates" / "messages");
  r.lang = lang;
  return r;
}

load::LoadOptions Resources::load_options(const std::filesystem::path& content_root) const {
  load::LoadOptions lo;
  lo.content_root = content_root;
  lo.areas = data.area_ids();
  lo.standard_texts = templates.list("text/standard", ".md");
  return lo;
}

std::filesystem::path Resources::default_root() {
  if (const char* home = std::getenv("OKGEN_HOME"); home && *home) return home;
  return OKGEN_SOURCE_DIR;
}

}  // namespace okgen
