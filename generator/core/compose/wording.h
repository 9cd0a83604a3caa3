// Internal to the composer: template contexts for the structured elements.
//
// Each function turns one model element into the Mustache context its template in
// templates/text/ expects. Author text goes in as fragment markers (fragments.h); all
// other values are plain strings, escaped for Markdown by the engine. docs/templates.md
// lists the keys each template receives.
#pragma once

#include "compose/fragments.h"
#include "model/agreement.h"
#include "model/validity_status.h"
#include "text/catalog.h"
#include "text/template_engine.h"

namespace okgen::compose {

class Wording {
 public:
  Wording(const model::Agreement& a, const text::Catalog& labels, Fragments& fragments)
      : a_(a), labels_(labels), fragments_(fragments) {}

  /// Values every template can use: the agreement's title, region, parties, law references.
  text::Value agreement() const;

  text::Value target_groups(const model::TargetGroups& t);
  text::Value goals(const model::Goals& g);
  text::Value sip_routine(const model::SipRoutine& s);
  text::Value routine(const model::Routine& r);
  text::Value validity(const model::Validity& v) const;
  text::Value dispute_ladder(const model::DisputeLadder& d);
  text::Value follow_up(const model::FollowUp& f);
  text::Value user_participation(const model::UserParticipation& u);
  text::Value law_ref(const model::LawRef& l, const std::string& law_title);
  text::Value validity_status(const model::ValidityStatus& s) const;
  text::Value signatory(const model::Signatory& s) const;

  /// A fragment marker for author text, or false when absent (so {{#x}} sections skip it).
  text::Value frag(const std::optional<model::RichText>& t);
  text::Value frag(const model::RichText& t);
  /// A list of {text: fragment} for goals, steps and similar lists of author text.
  text::Value::List texts(const std::vector<model::RichText>& items);
  text::Value date(const util::Date& d) const;

 private:
  const model::Agreement& a_;
  const text::Catalog& labels_;
  Fragments& fragments_;
};

}  // namespace okgen::compose
