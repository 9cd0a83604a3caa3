// Walking the model without hand-written recursion (cmark's iterator, in callback form).
#pragma once

#include <functional>

#include "model/agreement.h"

namespace okgen::model {

/// Calls `fn` for every RichText of the agreement, in document order, with the section it
/// belongs to (nullptr for metadata and back matter).
void for_each_rich_text(const Agreement& a, const std::function<void(const RichText&, const Section*)>& fn);

/// Calls `fn` for every RichText inside one section content element.
void for_each_rich_text(const SectionContent& content, const std::function<void(const RichText&)>& fn);

/// Calls `fn` for every inline in `blocks`, depth first, including nested ones.
void for_each_inline(const Blocks& blocks, const std::function<void(const Inline&)>& fn);

/// Mutable variant, for stages that annotate inlines (the composer numbers citations).
void for_each_inline_mut(Blocks& blocks, const std::function<void(Inline&)>& fn);

/// Calls `fn` for every section, depth first, in document order.
void for_each_section(const std::vector<Section>& sections, const std::function<void(const Section&)>& fn);

}  // namespace okgen::model
