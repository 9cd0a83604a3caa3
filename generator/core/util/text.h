// Small text helpers shared by the loader, templates and writers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace okgen::util {

std::string_view trim(std::string_view s);
std::vector<std::string> split_ws(std::string_view s);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool starts_with(std::string_view s, std::string_view prefix);
bool ends_with(std::string_view s, std::string_view suffix);
std::string ascii_lower(std::string_view s);
/// Lower case for Swedish text: ASCII and the Latin-1 capitals (Å Ä Ö É ...) in UTF-8, with
/// byte offsets unchanged (each lower-case letter has the same UTF-8 length).
std::string lower_sv(std::string_view s);
void replace_all(std::string& s, std::string_view from, std::string_view to);
/// Words in running text: runs of letters and digits (any non-ASCII byte counts as a letter,
/// so å, ä, ö and Sámi letters are part of words).
int word_count(std::string_view s);
/// A line that leads into what follows rather than ending a sentence ("Kommunen ansvarar
/// för:", "MÅL"): it has words and does not end with ".", "!" or "?".
bool lead_in(std::string_view line);

/// White space collapsed to single spaces and, beyond `max_bytes`, cut at a word boundary
/// (never inside a UTF-8 character) with " …" appended: for quoting text in messages.
std::string shorten(std::string_view s, std::size_t max_bytes);

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
/// On failure `bad_offset` is the byte offset of the first bad sequence.
bool is_valid_utf8(std::string_view s, std::size_t* bad_offset = nullptr);

/// Removes the indentation common to all non-blank lines, and blank lines at the start and
/// end, so Markdown can be indented with the XML around it. Reports how many leading lines
/// were dropped and how many characters were removed from each kept line, so positions in
/// the result can be mapped back to the source.
struct Dedented {
  std::string text;
  int dropped_lines = 0;
  std::vector<int> removed;  ///< per line of `text`: characters removed at its start
};
Dedented dedent(std::string_view s);

/// XML as text: the offset of the '>' that ends the tag starting at or after `from`, skipping
/// quoted attribute values; npos when the text ends first.
std::size_t tag_end(std::string_view xml, std::size_t from);

}  // namespace okgen::util
