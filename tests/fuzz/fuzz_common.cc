// Shared pieces of the fuzz targets (see fuzz_common.h).
#include "fuzz_common.h"

namespace okgen::fuzz {

const Resources& resources() {
  static const Resources res = Resources::load(OKGEN_SOURCE_DIR);
  return res;
}

std::string text_of(const uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size < 200000 ? size : 200000);
}

}  // namespace okgen::fuzz
