// `okgen local init`: a municipality's local agreement file, prefilled from its regional
// agreement and the local-agreement template (data/local-template.tsv), written from
// templates/local/agreement.xml.mustache.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::local {

struct InitOptions {
  std::string region;                      ///< as typed: "Dalarna", "Region Dalarna", "dalarna"
  std::vector<std::string> municipalities;  ///< as typed: "Falun", "Falu kommun"; empty with all
  bool all = false;                        ///< every municipality of the region without a file
  bool force = false;                      ///< overwrite existing files
  std::filesystem::path content_dir = "content";
  util::Date today;
};

struct InitResult {
  std::vector<std::filesystem::path> written;
  std::vector<std::filesystem::path> skipped;  ///< existing files left alone (with `all`)
  bool usage_error = false;  ///< unknown region or municipality, or an existing file
};

/// Writes content/<region>/local/<municipality>.xml for each municipality. Nothing is
/// written unless every requested municipality can be (one run, one outcome).
InitResult init_local(const InitOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                      diag::SourceRegistry& sources);

/// Folder and file names: "Region Dalarna" -> "dalarna", "Västra Götalandsregionen" ->
/// "vastra-gotaland", "Malung-Sälen" -> "malung-salen".
std::string slug(const std::string& name);

}  // namespace okgen::local
