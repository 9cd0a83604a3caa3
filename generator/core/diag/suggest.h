// "Did you mean ...?": the closest known name to a misspelt one (ninja's SpellcheckString).
#pragma once

#include <string>
#include <vector>

namespace okgen::diag {

/// Edit distance (insert, delete, substitute, transpose) between two UTF-8 strings,
/// compared case-insensitively for ASCII letters.
int edit_distance(const std::string& a, const std::string& b);

/// The candidate closest to `word`, or "" when none is close enough to be a plausible typo
/// (at most a third of the word's length, and at most 3 edits).
std::string suggest(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace okgen::diag
