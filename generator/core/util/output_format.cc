// Output format from --format and the file's extension (see output_format.h).
#include "util/output_format.h"

#include <algorithm>
#include <filesystem>

#include "util/text.h"

namespace okgen::util {

OutputFormat output_format(const std::string& given, const std::string& file, const std::vector<std::string>& known,
                           const std::string& fallback) {
  std::string by_extension;
  if (!file.empty() && file != "-") {
    std::string ext = ascii_lower(std::filesystem::path(file).extension().string());
    if (!ext.empty()) ext = ext.substr(1);
    if (ext == "htm") ext = "html";
    if (ext == "txt") ext = "text";
    if (std::find(known.begin(), known.end(), ext) != known.end()) by_extension = ext;
  }
  if (!given.empty() && !by_extension.empty() && given != by_extension) {
    return {"", by_extension};
  }
  if (!given.empty()) return {given, ""};
  if (!by_extension.empty()) return {by_extension, ""};
  return {fallback, ""};
}

}  // namespace okgen::util
