// Shared by the libFuzzer targets: the project's resources, loaded once, and the shipped
// example agreement that inputs are combined with (diff, merge).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "resources.h"

namespace okgen::fuzz {

const Resources& resources();
/// The bytes as text, capped so one input stays quick (the loader refuses 16 MB anyway).
std::string text_of(const uint8_t* data, std::size_t size);

}  // namespace okgen::fuzz
