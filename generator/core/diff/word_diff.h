// Word-level differences between two texts: what a redline shows inside a changed paragraph.
#pragma once

#include <string>
#include <vector>

#include "diff/sequence_diff.h"

namespace okgen::diff {

/// A run of text that is the same in both versions, deleted, or inserted.
struct Piece {
  Op op = Op::same;
  std::string text;
};
using WordDiff = std::vector<Piece>;

/// Words, white space and punctuation as separate tokens (so "mål," and "mål" share "mål").
std::vector<std::string> tokenize(const std::string& text);

/// The word diff of two texts, adjacent pieces of the same kind merged. White space that
/// only separates changed words is kept with them, so "<del>a b</del>" reads as one change.
WordDiff diff_words(const std::string& old_text, const std::string& new_text);

/// The diff as plain text, git's --word-diff style: "[-deleted-]{+inserted+}".
std::string marked_text(const WordDiff& d);

/// True when the diff has insertions or deletions.
bool has_changes(const WordDiff& d);

/// Share of the longer text's words that are unchanged (1 = same, 0 = nothing in common).
double similarity(const std::string& a, const std::string& b);

}  // namespace okgen::diff
