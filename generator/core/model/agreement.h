// The agreement model: what an agreement says, as loaded from content/ (one closed model).
//
// Loaders produce it; the composer turns it into a renderable document (compose/doc.h);
// the checker reads it directly. Free text is rich text (model/rich_text.h). Every element
// carries a Loc so findings point back into the XML or Markdown source.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/rich_text.h"
#include "util/date.h"

namespace okgen::model {

/// Markdown text that was present in the source (possibly empty), with its position.
struct RichText {
  Blocks blocks;
  Loc loc;
};

// ----- Metadata -----

enum class AgreementKind { regional, local };
enum class PartyKind { region, municipality, user_organisation, other };
enum class PartyRole { principal, consulted, observer };

struct Party {
  std::string id;  ///< may be empty
  std::string name;
  PartyKind kind = PartyKind::other;
  PartyRole role = PartyRole::principal;
  std::string code;  ///< county code or kommunkod; may be empty
  Loc loc;
};

struct Decision {
  std::string body;
  util::PartialDate date;
  std::string reference;
  std::optional<RichText> note;
  Loc loc;
};

struct ParentRef {
  std::string href;
  std::string diarienummer;
  std::string version;
  Loc loc;
  // Set when a local agreement is merged with its regional one (local/merge.h).
  std::string current_title;
  std::string current_version;
  std::string current_diarienummer;
};

struct MunicipalityRef {
  std::string name;
  std::string code;
  Loc loc;
};

struct Meta {
  std::string title;
  std::string short_title;  ///< falls back to title when not given (set by the loader)
  std::string subtitle;
  std::string region;
  std::string version;
  std::string diarienummer;
  std::optional<Decision> decision;
  std::string keywords;
  std::vector<Party> parties;
  std::optional<ParentRef> parent;
  std::optional<MunicipalityRef> municipality;
  Loc loc;
};

// ----- Structured section content -----

struct Body {
  RichText text;
  std::string src;  ///< the referenced .md file as written, or "" for inline text
  Loc loc;
};

struct TargetGroup {
  std::string id;
  std::string name;
  RichText description;
  Loc loc;
};
struct TargetGroups {
  std::optional<RichText> intro;
  std::optional<int> min_age;
  std::vector<TargetGroup> groups;
  std::optional<RichText> children;  ///< where children are covered
  Loc loc;
};

struct Goals {
  std::optional<RichText> intro;
  std::vector<RichText> goals;
  Loc loc;
};

struct ResponsibilityTopic {
  std::string id;
  std::string name;
  std::vector<RichText> joint;
  std::vector<RichText> municipality;
  std::vector<RichText> region;
  Loc loc;
};
struct Responsibilities {
  std::optional<RichText> intro;
  std::string caption;
  std::vector<ResponsibilityTopic> topics;
  Loc loc;
};

enum class PlanContentKind { interventions, responsibilities, other_actors, lead_principal };
struct PlanContent {
  PlanContentKind kind;
  RichText text;
};
struct SipRoutine {
  std::optional<RichText> intro;
  std::optional<RichText> initiative;
  std::optional<RichText> consent;
  std::vector<PlanContent> plan_contents;
  std::optional<RichText> lead_responsibility;
  std::vector<RichText> steps;
  Loc loc;
};

enum class RoutineKind { discharge, compulsory_care, children_as_relatives, other };
struct Routine {
  std::string id;
  RoutineKind kind = RoutineKind::other;
  std::string title;
  std::optional<RichText> body;
  std::vector<RichText> steps;
  Loc loc;
};

enum class ExtensionCondition { no_notice, revision_started };
struct Extension {
  int months = 0;
  ExtensionCondition condition = ExtensionCondition::no_notice;
  bool repeat = false;
  Loc loc;
};
struct Validity {
  util::Date start;
  std::optional<util::Date> end;
  bool until_further_notice = false;
  std::optional<Extension> extension;
  std::optional<int> notice_months;
  std::optional<int> review_every_months;
  std::optional<RichText> body;
  Loc loc;
};

enum class DisputeScope { regional, local, individual };
struct DisputeLevel {
  std::string forum;
  RichText text;
  Loc loc;
};
struct DisputeLadder {
  std::string id;
  DisputeScope scope = DisputeScope::regional;
  std::optional<RichText> intro;
  std::vector<DisputeLevel> levels;
  std::optional<RichText> interim;
  std::optional<DisputeLevel> final_instance;
  Loc loc;
};

struct FollowUpPriority {
  std::string year;  ///< may be empty
  RichText text;
  Loc loc;
};
struct FollowUp {
  int every_months = 0;
  std::string forum;
  std::optional<RichText> body;
  std::vector<FollowUpPriority> priorities;
  Loc loc;
};

enum class ParticipationForm { unspecified, reference_group, working_group, consultation, dialogue };
struct ConsultedOrganisation {
  std::string name;
  std::optional<util::PartialDate> invited;
  ParticipationForm form = ParticipationForm::unspecified;
  RichText contribution;
  Loc loc;
};
struct UserParticipation {
  std::optional<RichText> intro;
  std::vector<ConsultedOrganisation> organisations;
  std::optional<RichText> outcome;
  Loc loc;
};

/// <standard-text name="...">: a standard wording from templates/text/standard/.
struct StandardText {
  std::string name;
  Loc loc;
};

/// <prompt>: a guiding question a local agreement has not answered yet.
struct Prompt {
  std::string question;
  Loc loc;
};

using SectionContent = std::variant<Body, TargetGroups, Goals, Responsibilities, SipRoutine, Routine, Validity,
                                    DisputeLadder, FollowUp, UserParticipation, StandardText, Prompt>;

/// What a local agreement may do with a regional section.
enum class LocalPolicy { locked, extend, replace, slot };
/// Where a section's text comes from once a local agreement is merged with its regional one.
enum class Origin { own, regional, regional_extended, local_replaced, local_filled };

struct Section {
  std::string id;
  std::string heading;
  std::vector<std::string> covers;  ///< area ids (data/areas.tsv)
  std::vector<SectionContent> content;
  std::vector<Section> children;
  std::string number;  ///< "1", "2.3", assigned by the loader from the tree
  int depth = 1;       ///< 1 for top-level sections
  LocalPolicy local = LocalPolicy::locked;  ///< regional: what local agreements may do
  std::string template_key;                 ///< local: the template section it answers
  // Set when a local agreement is merged with its regional one (local/merge.h):
  Origin origin = Origin::own;  ///< where the text comes from
  std::string fingerprint;      ///< the regional section's fingerprint, now
  std::string based_on;         ///< the fingerprint the local text was written against
  std::size_t local_from = 0;   ///< content[local_from..] is local text (extend), else all or none
  Loc local_loc;                ///< the <local-section> applied to it
  /// In a local agreement's own document (local/document.h): the regional section this local
  /// text belongs to ("" otherwise); `origin` tells whether it extends, replaces or fills it.
  std::string adds_to;
  Loc loc;
};

enum class LocalAction { extend, replace, fill };

/// <local-section>: a local agreement's text for a section of its regional agreement.
struct LocalSection {
  std::string ref;
  LocalAction action = LocalAction::extend;
  std::string based_on;  ///< fingerprint of the regional section the text was written against
  std::vector<SectionContent> content;
  Loc loc;
};

// ----- Back matter -----

struct LawRef {
  std::string id;
  std::string law;  ///< short name as written: HSL, SoL, ...
  std::string sfs;  ///< "2017:30"
  std::string chapter;
  std::string section;
  std::string title;  ///< explicit title, or "" to take it from data/laws.tsv
  std::optional<RichText> comment;
  Loc loc;
};
/// A <source>: a work the agreement cites (a report, a guideline), listed with the laws.
struct CitedWork {
  std::string id;
  std::string href;
  std::string text;
  Loc loc;
};
struct RelatedDocument {
  std::string id;
  std::string href;
  std::string diarienummer;
  std::string title;
  Loc loc;
};
struct Revision {
  std::string version;
  util::PartialDate date;
  std::string decided_by;
  RichText summary;
  bool draft = false;  ///< started by `okgen revise`, summary still to be written
  Loc loc;
};
struct Signatory {
  std::string party;  ///< party id
  std::string name;
  std::string title;
  Loc loc;
};
struct Signatures {
  std::string place;
  std::optional<util::Date> date;
  std::vector<Signatory> signatories;
  Loc loc;
};

// ----- The agreement -----

/// How a merged local agreement is published (local/document.h, okgen.conf [local] forms).
enum class LocalForm {
  none,          ///< not a merged local agreement
  consolidated,  ///< the regional text with its numbering, local text where it belongs, local sections in part "L"
  document,      ///< the local text only; regional sections named by their regional number
};

/// A section of the regional agreement as a local agreement's own document refers to it.
struct RegionalSectionRef {
  std::string id;
  std::string number;
  std::string heading;
};

struct Agreement {
  /// Source files in display form; Loc::file indexes this. files[0] is the XML file.
  std::vector<std::string> files;
  std::string id;
  AgreementKind kind = AgreementKind::regional;
  std::string lang = "sv";
  Meta meta;
  std::vector<Section> sections;
  std::vector<LocalSection> local_sections;  ///< local agreements only
  std::vector<LawRef> law_refs;
  std::vector<CitedWork> cited_works;  ///< the <source> elements
  std::vector<RelatedDocument> related;
  std::vector<Revision> revisions;
  std::optional<Signatures> signatures;
  LocalForm form = LocalForm::none;
  /// form == document: the regional agreement's sections (links to them go to
  /// `regional_href` + "#" + id, its published HTML page).
  std::vector<RegionalSectionRef> regional_sections;
  std::string regional_href;
  /// form == document: the validity of the regional text, which applies when the local text
  /// states none (model/validity_status.h find_validity).
  std::optional<Validity> inherited_validity;

  const std::string& path() const { return files.front(); }
  /// The party with this id, or nullptr.
  const Party* find_party(const std::string& id) const;
  /// The section with this id anywhere in the tree, or nullptr.
  const Section* find_section(const std::string& id) const;
};

const char* to_string(AgreementKind k);
const char* to_string(PartyKind k);
const char* to_string(PartyRole r);
const char* to_string(PlanContentKind k);
const char* to_string(RoutineKind k);
const char* to_string(ExtensionCondition c);
const char* to_string(DisputeScope s);
const char* to_string(ParticipationForm f);
const char* to_string(LocalPolicy p);
const char* to_string(LocalAction a);
const char* to_string(Origin o);

}  // namespace okgen::model
