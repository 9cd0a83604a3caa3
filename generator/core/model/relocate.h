// Moving model nodes between agreements: when a local agreement is merged with its regional
// one, the regional nodes' source files get new indices in the merged file table.
#pragma once

#include <cstdint>

#include "model/agreement.h"

namespace okgen::model {

/// Adds `offset` to the file index of every Loc in `s` (content, children, rich text).
void shift_files(Section& s, std::uint32_t offset);
void shift_files(SectionContent& c, std::uint32_t offset);
void shift_files(Blocks& blocks, std::uint32_t offset);

}  // namespace okgen::model
