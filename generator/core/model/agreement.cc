// Lookups and names for the agreement model.
#include "model/agreement.h"

#include "model/tree.h"

namespace okgen::model {

const Party* Agreement::find_party(const std::string& party_id) const {
  for (const auto& p : meta.parties) {
    if (!p.id.empty() && p.id == party_id) return &p;
  }
  return nullptr;
}

const Section* Agreement::find_section(const std::string& section_id) const {
  return model::find_section(sections, section_id);
}

// These names are the XML attribute values, so the loader, the schema and the template
// contexts agree on one spelling.
const char* to_string(AgreementKind k) { return k == AgreementKind::regional ? "regional" : "local"; }

const char* to_string(PartyKind k) {
  switch (k) {
    case PartyKind::region: return "region";
    case PartyKind::municipality: return "municipality";
    case PartyKind::user_organisation: return "user-organisation";
    case PartyKind::other: return "other";
  }
  return "other";
}

const char* to_string(PartyRole r) {
  switch (r) {
    case PartyRole::principal: return "principal";
    case PartyRole::consulted: return "consulted";
    case PartyRole::observer: return "observer";
  }
  return "principal";
}

const char* to_string(PlanContentKind k) {
  switch (k) {
    case PlanContentKind::interventions: return "interventions";
    case PlanContentKind::responsibilities: return "responsibilities";
    case PlanContentKind::other_actors: return "other-actors";
    case PlanContentKind::lead_principal: return "lead-principal";
  }
  return "interventions";
}

const char* to_string(RoutineKind k) {
  switch (k) {
    case RoutineKind::discharge: return "discharge";
    case RoutineKind::compulsory_care: return "compulsory-care";
    case RoutineKind::children_as_relatives: return "children-as-relatives";
    case RoutineKind::other: return "other";
  }
  return "other";
}

const char* to_string(ExtensionCondition c) {
  return c == ExtensionCondition::no_notice ? "no-notice" : "revision-started";
}

const char* to_string(DisputeScope s) {
  switch (s) {
    case DisputeScope::regional: return "regional";
    case DisputeScope::local: return "local";
    case DisputeScope::individual: return "individual";
  }
  return "regional";
}

const char* to_string(ParticipationForm f) {
  switch (f) {
    case ParticipationForm::unspecified: return "";
    case ParticipationForm::reference_group: return "reference-group";
    case ParticipationForm::working_group: return "working-group";
    case ParticipationForm::consultation: return "consultation";
    case ParticipationForm::dialogue: return "dialogue";
  }
  return "";
}

const char* to_string(LocalPolicy p) {
  switch (p) {
    case LocalPolicy::locked: return "locked";
    case LocalPolicy::extend: return "extend";
    case LocalPolicy::replace: return "replace";
    case LocalPolicy::slot: return "slot";
  }
  return "locked";
}

const char* to_string(LocalAction a) {
  switch (a) {
    case LocalAction::extend: return "extend";
    case LocalAction::replace: return "replace";
    case LocalAction::fill: return "fill";
  }
  return "extend";
}

const char* to_string(Origin o) {
  switch (o) {
    case Origin::own: return "local";
    case Origin::regional: return "regional";
    case Origin::regional_extended: return "regional-extended";
    case Origin::local_replaced: return "local-replaced";
    case Origin::local_filled: return "local-filled";
  }
  return "local";
}

}  // namespace okgen::model
