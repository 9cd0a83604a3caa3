// Local agreement status (see status.h).
#include "local/status.h"

#include <set>

#include "model/fingerprint.h"
#include "model/span.h"
#include "model/walk.h"

namespace okgen::local {

using namespace okgen::model;

namespace {

bool has_local_text(const Section& s) {
  return s.origin == Origin::regional_extended || s.origin == Origin::local_replaced || s.origin == Origin::local_filled;
}

}  // namespace

std::string regional_text(const Section& s) {
  if (s.origin == Origin::regional) return canonical_text(s);
  Section regional = s;
  regional.content.resize(s.origin == Origin::regional_extended ? s.local_from : 0);
  return canonical_text(regional);
}

std::size_t LocalStatus::prompt_count() const {
  std::size_t n = 0;
  for (const auto& p : prompts) n += p.count;
  return n;
}

LocalStatus local_status(const Agreement& merged, const data::ReferenceData& data) {
  LocalStatus st;
  if (merged.meta.parent) {
    st.cited_version = merged.meta.parent->version;
    st.current_version = merged.meta.parent->current_version;
  }
  std::set<std::string> answered_templates;
  for_each_section(merged.sections, [&](const Section& s) {
    if (!s.template_key.empty()) answered_templates.insert(s.template_key);
    // Questions count where local text is: the local sections and the texts applied.
    if (s.origin != Origin::regional) {
      PromptsLeft p{s.id, s.number, s.heading, 0, {}};
      for (std::size_t i = s.origin == Origin::regional_extended ? s.local_from : 0; i < s.content.size(); ++i) {
        if (const auto* q = std::get_if<Prompt>(&s.content[i])) {
          if (p.count++ == 0) p.where = span_of(merged, q->loc);
        }
      }
      if (p.count) st.prompts.push_back(std::move(p));
    }
    if (has_local_text(s) && s.based_on != s.fingerprint) {
      ChangedSection c;
      c.id = s.id;
      c.number = s.number;
      c.heading = s.heading;
      c.based_on = s.based_on;
      c.current = s.fingerprint;
      c.local_text = span_of(merged, s.local_loc);
      c.regional_text = span_of(merged, s.loc);
      c.regional_plain = regional_text(s);
      st.changed.push_back(std::move(c));
    }
    if (s.local == LocalPolicy::slot && s.origin == Origin::regional) st.empty_slots.push_back({s.id, s.heading});
  });
  for (const auto& t : data.local_template) {
    if (!answered_templates.count(t.key)) st.missing_template.push_back({t.key, t.heading});
  }
  st.draft = !st.prompts.empty() || !st.missing_template.empty() || !st.empty_slots.empty();
  return st;
}

std::vector<Provenance> provenance(const Agreement& merged) {
  std::vector<Provenance> out;
  for_each_section(merged.sections, [&](const Section& s) {
    Provenance p{s.number, s.heading, s.id, s.origin, span_of(merged, s.loc), {}};
    if (has_local_text(s)) p.local = span_of(merged, s.local_loc);
    out.push_back(std::move(p));
  });
  out.shrink_to_fit();  // kept in the build's results for the report: 290 in a national batch
  return out;
}

}  // namespace okgen::local
