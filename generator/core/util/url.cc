// Link target checks shared by the loader and every writer (see url.h).
#include "util/url.h"

#include "util/text.h"

namespace okgen::util {

bool is_safe_url(std::string_view url) {
  std::string cleaned;
  for (char c : url) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) continue;
    cleaned.push_back(c);
  }
  auto colon = cleaned.find(':');
  auto slash = cleaned.find_first_of("/?#");
  if (colon == std::string::npos || (slash != std::string::npos && slash < colon)) return true;  // relative
  std::string scheme = ascii_lower(cleaned.substr(0, colon));
  return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
}

std::string safe_href(std::string_view url) { return is_safe_url(url) ? std::string(url) : std::string(); }

}  // namespace okgen::util
