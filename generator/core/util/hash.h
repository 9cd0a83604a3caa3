// FNV-1a, the one non-cryptographic hash okgen uses: to tell whether a file's bytes changed
// (workspace, incremental build), to name cached hyphenation images and to fingerprint
// sections. Nothing here guards against an adversary; it only has to be stable.
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

/// `value`'s lowest `digits` hex digits, lower case, zero-padded.
std::string hex_digits(std::uint64_t value, int digits = 16);

}  // namespace okgen::util
