// A local agreement as the municipality's own document.
//
// The consolidated version (merge.h) is the whole regional text with the local text in it.
// The local document is what the municipality itself decides: its own sections, numbered
// from 1, followed by a part with each local text written for a regional section (extended,
// replaced or filled), which names that section by its regional number. Links to regional
// sections, from those texts or from the municipality's own, go to the published regional
// agreement, so "4.1 in the regional agreement" keeps pointing at 4.1.
#pragma once

#include <string>

#include "model/agreement.h"

namespace okgen::local {

/// The local document made from a consolidated local agreement (merge_local's result), whose
/// first `local_files` files are the local agreement's. `regional_href` is where the regional agreement is published, relative to the local one
/// ("../regional.html"); `additions_heading` heads the part with the local texts for regional
/// sections (left out when there are none).
model::Agreement local_document(const model::Agreement& consolidated, std::size_t local_files, const std::string& regional_href,
                                const std::string& additions_heading);

}  // namespace okgen::local
