// Section tree helpers.
#include "model/tree.h"

namespace okgen::model {

void number_sections(std::vector<Section>& sections, const std::string& prefix, int depth) {
  int n = 0;
  for (auto& s : sections) {
    s.number = prefix + std::to_string(++n);
    s.depth = depth;
    number_sections(s.children, s.number + ".", depth + 1);
  }
}

Section* find_section(std::vector<Section>& sections, const std::string& id) {
  for (auto& s : sections) {
    if (s.id == id) return &s;
    if (Section* c = find_section(s.children, id)) return c;
  }
  return nullptr;
}

const Section* find_section(const std::vector<Section>& sections, const std::string& id) {
  return find_section(const_cast<std::vector<Section>&>(sections), id);
}

}  // namespace okgen::model
