// FNV-1a and its hex form (see hash.h).
#include "util/hash.h"

namespace okgen::util {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string hex_digits(std::uint64_t value, int digits) {
  static const char* hex = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = hex[value & 15];
  return out;
}

}  // namespace okgen::util
