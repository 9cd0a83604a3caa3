// FNV-1a, the word digest and the hex form (see hash.h).
#include "util/hash.h"

#include <cstring>

namespace okgen::util {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

Digest128 digest128(std::string_view bytes) {
  std::uint64_t a = 0x9e3779b97f4a7c15ull ^ bytes.size(), b = 0xc2b2ae3d27d4eb4full;
  auto mix = [&](std::uint64_t w) {
    a = (a ^ w) * 0xff51afd7ed558ccdull;
    a ^= a >> 29;
    b = (b + w) * 0xc4ceb9fe1a85ec53ull;
    b ^= b >> 32;
  };
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    // One load; big-endian machines swap, so every machine reads the same words.
    std::uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    mix(w);
  }
  for (; i < bytes.size(); ++i) mix(static_cast<unsigned char>(bytes[i]) | 0x100u);
  mix(a ^ b);
  return {a, b};
}

std::string hex_digits(std::uint64_t value, int digits) {
  static const char* hex = "0123456789abcdef";
  std::string out(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = hex[value & 15];
  return out;
}

}  // namespace okgen::util
