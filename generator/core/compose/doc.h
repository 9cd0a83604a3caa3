// Doc: an agreement composed for rendering. Structured elements have become generic rich
// text through the templates, citations are numbered, cross references have their text,
// and metadata is laid out as labelled rows. Writers (HTML, PDF) consume only this.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/rich_text.h"
#include "model/validity_status.h"

namespace okgen::compose {

struct DocSection {
  std::string id;
  std::string number;  ///< "2.1"
  std::string heading;
  int depth = 1;
  std::string origin;  ///< local agreements: own, regional, extended, replaced, filled ("" otherwise)
  model::Blocks blocks;
  std::vector<DocSection> children;
};

/// A footnote: a legal reference, source or document cited in the text.
struct Note {
  int number = 0;
  std::string id;                     ///< the reference's id; the anchor is "fn-<number>"
  model::Blocks text;
  std::vector<std::string> backrefs;  ///< anchors of the citations, in order
  std::string href;                   ///< the reference's link, if any (for PDF link annotations)
};

/// One row of the metadata block ("Version", "Diarienummer", ...).
struct MetaRow {
  std::string key;    ///< stable key, e.g. "version", used for styling and tests
  std::string label;  ///< from templates/labels
  model::Blocks value;
};

struct Doc {
  std::string id;
  std::string lang;
  std::string kind;        ///< "regional" | "local"
  std::string kind_label;  ///< "Regional överenskommelse"
  std::string title;
  std::string short_title;
  std::string subtitle;
  std::string region;
  std::string version;
  std::string diarienummer;
  std::string keywords;
  std::string date;  ///< the document's date (decision or latest revision), ISO, may be ""
  std::vector<MetaRow> meta;
  model::ValidityStatus validity;
  std::string validity_label;  ///< status in words, e.g. "Gäller (till 2024-07-01)"
  std::vector<DocSection> sections;
  std::vector<Note> notes;
  std::optional<model::Table> revisions;
  model::Blocks signatures;  ///< empty when the agreement has no signatories
};

}  // namespace okgen::compose
