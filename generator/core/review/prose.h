// Prose: the running text of an agreement as units a reviewer reads (headings, paragraphs,
// list items), with positions, and the rules that read it: wording (outdated names, wrong
// law titles, "ska" for "bör", draft leftovers), law citations in the text, readability.
// The same rules serve agreements in okgen's format and plain-text agreements.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "review/check_options.h"
#include "data/reference_data.h"
#include "diag/diagnostic.h"
#include "model/agreement.h"
#include "util/regex.h"

namespace okgen::review {

/// A piece of text with the source position of its characters.
struct ProseUnit {
  std::string text;
  std::vector<std::pair<std::size_t, diag::SourceSpan>> anchors;  ///< offset -> position, ascending
  std::string section;  ///< the section (id or heading) it belongs to
  bool heading = false;
  /// Regional text inside a merged local agreement: judged once, with the regional agreement.
  bool inherited = false;
  /// The title of a <source> or <document>: a name, which wording rules marked
  /// `quoted: skip` leave alone as they do quoted text.
  bool title = false;
  /// The position of byte `offset` (the nearest anchor at or before it, moved by the
  /// characters in between when they are on the same line).
  diag::SourceSpan at(std::size_t offset) const;
};

/// Headings, paragraphs and list items of an agreement, in document order.
std::vector<ProseUnit> prose_of(const model::Agreement& a);

/// A regular expression (ECMAScript) compiled once per run and shared: data files name the
/// same patterns for every agreement. Thread-safe.
const util::Regex& compiled_pattern(const std::string& pattern, bool icase);

/// The titles of an agreement's references (<source>, <document>) written in `file` (a
/// local agreement's own file: the regional ones are judged with the regional agreement).
std::vector<ProseUnit> reference_titles(const model::Agreement& a, const std::string& file);

/// The units an agreement's own authors wrote (all but `inherited` ones).
std::vector<ProseUnit> own_prose(const std::vector<ProseUnit>& units);

/// What prose rules need to know about the agreement being read.
struct ProseContext {
  const data::ReferenceData& data;
  const CheckOptions& options;
  util::Date document_date;  ///< decision date, else validity start, else the check date
};

/// Wording rules from data/wording.tsv.
void check_wording(const std::vector<ProseUnit>& units, const ProseContext& ctx, diag::DiagnosticSink& sink);

/// Law citations written in the text ("8 a § HSL", "16 kap. 3 § hälso- och sjukvårdslagen").
void check_cited_laws(const std::vector<ProseUnit>& units, const ProseContext& ctx, diag::DiagnosticSink& sink);

/// LIX readability per section (info above the threshold).
void check_readability(const std::vector<ProseUnit>& units, const ProseContext& ctx, diag::DiagnosticSink& sink);

/// LIX of a text: words per sentence + percentage of words longer than six letters.
double lix(const std::string& text, int* words = nullptr);

/// A statute reference, from a <law-ref> or found in text.
struct LawCitation {
  std::string law;      ///< short name: HSL, SoL, ...
  std::string sfs;      ///< "" when the text gives none
  std::string chapter;  ///< "" when none
  std::string section;  ///< "8 a", "3"
  std::string written;  ///< as written, for messages
};

/// Reports what is wrong with a citation given the agreement's date (law-repealed,
/// law-chapter-missing, law-section-mismatch, law-section-near-miss, law-unverified).
void check_citation(const LawCitation& c, const diag::SourceSpan& where, const ProseContext& ctx,
                    diag::DiagnosticSink& sink);

}  // namespace okgen::review
