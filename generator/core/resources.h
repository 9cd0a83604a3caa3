// Resources: everything okgen reads besides the content itself (templates, styles, data,
// message catalogues), found below one root directory (the source tree by default).
#pragma once

#include <filesystem>
#include <string>

#include "data/reference_data.h"
#include "load/agreement_loader.h"
#include "text/catalog.h"
#include "text/template_engine.h"

namespace okgen {

struct Resources {
  std::filesystem::path root;
  text::TemplateSet templates;
  text::Catalog labels;    ///< templates/labels/<lang>.txt
  text::Catalog messages;  ///< templates/messages/<lang>.txt
  data::ReferenceData data;
  std::string lang = "sv";  ///< the language of `messages`

  /// Loads resources below `root` with messages in `lang` ("sv" or "en"). Throws
  /// util::IoError naming the missing file when the tree is incomplete.
  static Resources load(const std::filesystem::path& root, const std::string& lang = "sv");

  /// The default root: $OKGEN_HOME when set, else the source tree okgen was built from.
  static std::filesystem::path default_root();

  /// How agreements are read with these resources: the known areas and standard texts,
  /// with <body src> confined to `content_root`.
  load::LoadOptions load_options(const std::filesystem::path& content_root = {}) const;

  std::filesystem::path styles_dir() const { return root / "styles"; }
  std::filesystem::path data_dir() const { return root / "data"; }
};

}  // namespace okgen
