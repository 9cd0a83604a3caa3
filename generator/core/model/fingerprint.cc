// Section fingerprints.
#include "model/fingerprint.h"


#include "model/walk.h"
#include "util/hash.h"

namespace okgen::model {

std::string canonical_text(const Section& s) {
  std::string out = s.heading + "\n";
  for (const auto& c : s.content) {
    // The values that wording is generated from count as much as the author's text.
    std::visit(overloaded{
                   [&](const Validity& v) {
                     out += "validity " + v.start.iso() + " " + (v.end ? v.end->iso() : "tills vidare") + "\n";
                   },
                   [&](const DisputeLadder& d) {
                     for (const auto& l : d.levels) out += "level " + l.forum + "\n";
                     if (d.final_instance) out += "final " + d.final_instance->forum + "\n";
                   },
                   [&](const FollowUp& f) { out += "follow-up " + std::to_string(f.every_months) + " " + f.forum + "\n"; },
                   [&](const Prompt& p) { out += "prompt " + p.question + "\n"; },
                   [](const auto&) {},
               },
               c);
    for_each_rich_text(c, [&](const RichText& t) { out += plain_text(t.blocks) + "\n"; });
  }
  return out;
}

std::string fingerprint(const Section& s) {
  return util::hex_digits(util::fnv1a64(canonical_text(s), util::kFnvBasisOkgen1), 12);
}

}  // namespace okgen::model
