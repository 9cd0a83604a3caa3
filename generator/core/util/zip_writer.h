// A zip package in memory (DOCX is one), written with libzip so the container format is
// not hand-rolled. Deterministic: entries in the order given, every entry dated
// 1980-01-01 00:00 (the zip epoch), deflate at a fixed level, no extra fields, so the same
// entries give the same bytes.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace okgen::util {

struct ZipEntry {
  std::string name;  ///< path inside the package, "/" separated
  std::string data;
};

/// The zip file holding `entries`. Throws std::runtime_error when libzip fails (it only
/// fails on memory exhaustion here: nothing touches the file system).
std::string zip_package(const std::vector<ZipEntry>& entries);

}  // namespace okgen::util
