// The section tree: numbering and lookup by id, shared by the loader and the local merge.
#pragma once

#include <string>
#include <vector>

#include "model/agreement.h"

namespace okgen::model {

/// Numbers the tree "1", "1.2", ... and sets depths (1 = top level), in document order.
void number_sections(std::vector<Section>& sections, const std::string& prefix = "", int depth = 1);

/// The section with this id anywhere in the tree, or nullptr.
Section* find_section(std::vector<Section>& sections, const std::string& id);
const Section* find_section(const std::vector<Section>& sections, const std::string& id);

}  // namespace okgen::model
