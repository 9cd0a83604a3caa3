// The content format as data: for every element type, its attributes, children and text.
//
// This is the loader's mirror of schema/agreement.xsd. One generic validator
// (xml_reader.h) walks it, so unknown names, missing or repeated children, wrong order and
// bad attribute values are reported the same way everywhere, with "did you mean".
// tests/bad-input checks that the schema and this table reject the same files.
#pragma once

#include <string>
#include <vector>

namespace okgen::load {

enum class AttrType {
  text,          ///< any non-empty text
  id,            ///< kebab-case id
  id_list,       ///< space-separated ids
  area_list,     ///< space-separated area ids (checked against data/areas.tsv)
  date,          ///< YYYY-MM-DD
  partial_date,  ///< YYYY, YYYY-MM or YYYY-MM-DD
  months,        ///< 1..240
  age,           ///< 0..120
  boolean,       ///< true | false
  choice,        ///< one of `values`
  pattern,       ///< digits/letters as described by `values[0]` (see xml_reader.cc)
  language,      ///< BCP 47 tag like "sv" or "sv-SE"
  uri,           ///< any URI text (links are checked for safe schemes when rendered)
};

struct AttrSpec {
  const char* name;
  AttrType type;
  bool required = false;
  std::vector<std::string> values = {};
};

enum class TextMode {
  none,      ///< only child elements (whitespace allowed)
  plain,     ///< plain text, must not be empty
  markdown,  ///< Markdown text, may be empty
};

struct ChildSpec {
  const char* name;
  int min;
  int max;    ///< -1 = unbounded
  int group;  ///< children must appear in non-decreasing group order
};

struct ElementSpec {
  const char* type;  ///< type name, for tests and messages
  std::vector<AttrSpec> attrs;
  std::vector<ChildSpec> children;
  TextMode text = TextMode::none;
};

/// The spec for each element type of the format (names as in the XSD's complexTypes).
namespace spec {
const ElementSpec& agreement();
const ElementSpec& meta();
const ElementSpec& plain_text();  ///< title, region, version, ...
const ElementSpec& decision();
const ElementSpec& parties();
const ElementSpec& party();
const ElementSpec& parent();
const ElementSpec& municipality_ref();
const ElementSpec& section();
const ElementSpec& local_section();
const ElementSpec& body();
const ElementSpec& markdown();  ///< goal, item, step, initiative, ...
const ElementSpec& target_groups();
const ElementSpec& group();
const ElementSpec& goals();
const ElementSpec& responsibilities();
const ElementSpec& topic();
const ElementSpec& items();
const ElementSpec& sip_routine();
const ElementSpec& plan_contents();
const ElementSpec& plan_content();
const ElementSpec& steps();
const ElementSpec& routine();
const ElementSpec& validity();
const ElementSpec& extension();
const ElementSpec& notice();
const ElementSpec& review();
const ElementSpec& dispute_ladder();
const ElementSpec& dispute_level();
const ElementSpec& follow_up();
const ElementSpec& priority();
const ElementSpec& user_participation();
const ElementSpec& organisation();
const ElementSpec& standard_text();
const ElementSpec& legal_references();
const ElementSpec& law_ref();
const ElementSpec& source();
const ElementSpec& related_documents();
const ElementSpec& document();
const ElementSpec& revision_history();
const ElementSpec& revision();
const ElementSpec& signatures();
const ElementSpec& signatory();
}  // namespace spec

/// The elements whose content may hold `child` (their type names, which are element names
/// where one type serves one element), sorted: where an element misplaced belongs.
std::vector<std::string> parents_of(const std::string& child);

/// Names of the content elements allowed in a <section> (for suggestions and dispatch).
const std::vector<std::string>& section_content_elements();

}  // namespace okgen::load
