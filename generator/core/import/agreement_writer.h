// Imported -> okgen XML (see imported.h): the section tree from the headings (levels made
// consecutive, numbers typed into headings taken off), Markdown bodies, footnotes as
// references (a note naming a law in data/laws.tsv becomes a <law-ref>), metadata where the
// text states it, each section's `covers` from the text checker's judgement of the areas,
// a <prompt> wherever okgen was unsure, and a comment naming each section's place in the
// source. Nothing is invented and no text is dropped.
#pragma once

#include <string>
#include <vector>

#include "import/imported.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::import {

struct WriteOptions {
  std::string source;  ///< the file imported, as shown to the user
  std::string region;  ///< --region (a name the registry knows), "" to find it in the text
  util::Date as_of;    ///< the day of the import (the checker's reference date)
};

/// What the import did, for its one-screen report.
struct ImportSummary {
  int sections = 0, paragraphs = 0, list_items = 0, tables = 0, notes = 0, law_refs = 0, prompts = 0;
  int matrices = 0;  ///< tables read as the responsibility matrix
  int party_lists = 0;  ///< groups of per-party duty lists read as the responsibility matrix
  int dispute_ladders = 0;  ///< lists read as a dispute ladder
  std::vector<std::string> areas;        ///< area ids found
  std::vector<std::string> metadata;     ///< "title", "region", ... found in the text
  std::vector<std::string> missing;      ///< required metadata the text does not state
  std::vector<std::string> comments;     ///< reviewers' comments in the source (not imported)
  int insertions = 0, deletions = 0;     ///< tracked changes, taken as accepted
};

/// The agreement as okgen XML.
std::string write_agreement(const Imported& doc, const WriteOptions& options, const Resources& res,
                            ImportSummary& summary);

}  // namespace okgen::import
