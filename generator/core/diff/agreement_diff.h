// The difference between two versions of an agreement, as a reader of a redline needs it:
// sections matched by id (then by heading and text), added, removed, moved and renamed;
// word-level changes inside paragraphs; responsibility matrices row by row and cell by
// cell; structured changes (validity, dispute ladder, follow-up, parties, legal
// references) stated in words from templates/labels; and a count of changes per area.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "data/reference_data.h"
#include "diff/word_diff.h"
#include "model/agreement.h"
#include "text/catalog.h"

namespace okgen::diff {

enum class Change { unchanged, changed, added, removed };
const char* to_string(Change c);

/// A paragraph (or list item, or ladder level) and what happened to it.
struct ParagraphDiff {
  Change change = Change::unchanged;
  WordDiff words;  ///< for changed ones; added/removed ones are one piece
};

/// A responsibility matrix compared row by row (topics) and cell by cell.
struct RowDiff {
  Change change = Change::unchanged;
  std::string topic;
  std::vector<WordDiff> cells;  ///< joint, municipality, region (items one per line)
};
struct TableDiff {
  std::string caption;
  std::vector<std::string> header;
  std::vector<RowDiff> rows;
};

struct SectionDiff {
  Change change = Change::unchanged;
  bool moved = false;
  bool renamed = false;
  std::string id, old_id;
  std::string number, old_number;
  std::string heading, old_heading;
  int depth = 1;
  std::vector<std::string> areas;       ///< area ids (new version's, else old)
  std::vector<std::string> statements;  ///< structured changes in words
  std::vector<ParagraphDiff> paragraphs;
  std::vector<TableDiff> tables;
  /// How many changes a reader sees here (statements, changed paragraphs and rows, and 1
  /// for an added, removed, moved or renamed section).
  int change_count() const;
};

struct AgreementDiff {
  std::string old_source, new_source;
  std::string old_title, new_title;
  std::string new_short_title, new_region;  ///< for the redline document's running header and title page
  std::string old_version, new_version;
  std::string old_date, new_date;  ///< the version's decision, else its latest history row ("" when neither)
  std::vector<std::string> meta;         ///< metadata changes in words
  std::vector<SectionDiff> sections;     ///< new document order; removed ones where they were
  std::vector<std::string> back_matter;  ///< legal references, documents, revision history
  /// Changes per area id ("" for sections that name no area), for the summary.
  std::map<std::string, int> per_area;
  bool identical() const;
  int total_changes() const;
};

/// Compares two agreements (any two: unrelated ones just differ a lot). `labels` holds the
/// [diff] wording; `data` names areas.
AgreementDiff diff_agreements(const model::Agreement& old_a, const model::Agreement& new_a, const text::Catalog& labels);

}  // namespace okgen::diff
