// Section fingerprints.
#include "model/fingerprint.h"

#include <cstdio>

#include "model/walk.h"

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
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : canonical_text(s)) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%012llx", static_cast<unsigned long long>(h & 0xFFFFFFFFFFFFULL));
  return buf;
}

}  // namespace okgen::model
