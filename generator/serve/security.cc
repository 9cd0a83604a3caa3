// Request checks of the workspace server (see security.h).
#include "security.h"

#include <sys/random.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "util/text.h"

namespace okgen::serve {

std::string random_token() {
  unsigned char bytes[16];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0) throw std::runtime_error("no random numbers from the system (getrandom)");
    got += static_cast<std::size_t>(n);
  }
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += hex[b >> 4];
    out += hex[b & 15];
  }
  return out;
}

bool same_secret(const std::string& a, const std::string& b) {
  // Length is not secret (tokens have one length); the content is compared in full.
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host == "[::1]" || host.rfind("127.", 0) == 0;
}

std::vector<std::string> allowed_hosts(const std::string& host, int port) {
  const std::string p = ":" + std::to_string(port);
  std::vector<std::string> out;
  const bool v6 = host.find(':') != std::string::npos && host.front() != '[';
  out.push_back((v6 ? "[" + host + "]" : host) + p);
  if (is_loopback(host)) {
    for (const char* h : {"localhost", "127.0.0.1", "[::1]"}) out.push_back(h + p);
  }
  return out;
}

bool host_allowed(const std::string& host_header, const std::vector<std::string>& allowed) {
  std::string h = host_header;
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(allowed.begin(), allowed.end(), h) != allowed.end();
}

const std::string& content_security_policy() {
  static const std::string csp =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      "connect-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'self'; "
      "frame-src 'self'";
  return csp;
}

std::optional<std::string> agreement_key(const std::string& path_rest) {
  if (path_rest.empty() || path_rest.size() > 512 || path_rest.front() == '/') return std::nullopt;
  for (unsigned char c : path_rest) {
    if (c < 0x20 || c == 0x7f || c == '\\' || c == ':') return std::nullopt;
  }
  for (const auto& seg : util::split(path_rest, '/')) {
    if (seg.empty() || seg == "." || seg == "..") return std::nullopt;
  }
  return path_rest;
}

}  // namespace okgen::serve
