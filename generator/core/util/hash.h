// okgen's two non-cryptographic hashes. FNV-1a for short texts whose hashes are kept in
// content files and shown (section fingerprints, the workspace's versions), and a digest
// read eight bytes at a time for whole files (the incremental build's input stamps, cached
// hyphenation images, a PDF's /ID), where FNV-1a's byte at a time was a few per cent of a
// one-file build. Nothing here guards against an adversary; both only have to be stable.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace okgen::util {

/// FNV's 64-bit offset basis.
constexpr std::uint64_t kFnvBasis = 14695981039346656037ull;
/// The basis okgen's first hashes used (a digit short of FNV's). Section fingerprints are
/// stored in content files (`based-on`), so they and the hashes shown beside them keep it.
constexpr std::uint64_t kFnvBasisOkgen1 = 1469598103934665603ull;

/// FNV-1a 64 of `bytes`.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t basis = kFnvBasis);

/// A 128-bit digest of `bytes`: two lanes of multiply-and-shift over its little-endian
/// 64-bit words (the same on every machine), the last bytes one at a time.
struct Digest128 {
  std::uint64_t a = 0, b = 0;
};
Digest128 digest128(std::string_view bytes);

/// The digest folded to 64 bits.
inline std::uint64_t digest64(std::string_view bytes) {
  const Digest128 d = digest128(bytes);
  return d.a ^ d.b;
}

/// `value`'s lowest `digits` hex digits, lower case, zero-padded.
std::string hex_digits(std::uint64_t value, int digits = 16);

}  // namespace okgen::util
