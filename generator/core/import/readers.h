// The readers: a file's bytes -> Imported, or the rule id of why not (see imported.h).
// Each format is one file: docx_reader.cc, odt_reader.cc, text_reader.cc.
#pragma once

#include <optional>
#include <string>

#include "import/imported.h"
#include "import/zip_reader.h"

namespace pugi {
class xml_node;
}

namespace okgen::import {

struct ReadResult {
  std::optional<Imported> doc;
  std::string problem;  ///< rule id (diag/rules.cc) when doc is empty
  std::string part;     ///< the package part it concerns, if any
  std::string detail;   ///< e.g. the XML parser's message
};

ReadResult read_docx(const std::string& data);
ReadResult read_odt(const std::string& data);
/// Plain text (e.g. `pdftotext -layout` of a published PDF) or Markdown, UTF-8.
ReadResult read_text(const std::string& path, const std::string& data, bool markdown);

// Shared by the readers.
/// Whether element `n` is named `name` ("w:p", "text:h").
bool is(const pugi::xml_node& n, const char* name);
std::string zip_problem_rule(ZipProblem p);
bool has_doctype(const std::string& xml);
std::string trim(const std::string& s);
/// Runs without white space at either end (and empty runs dropped).
Runs trim_runs(Runs runs);

/// An entry of the source's table of contents.
struct ContentsEntry {
  std::string number;  ///< "3.2" or ""
  std::string title;
  std::string origin;  ///< where it is in the source ("rad 36", "stycke 4")
};
/// An entry of a contents field or line as written ("3.2 Tvister\t7", "Tvister ..... 7"):
/// its number and title, the page number and leaders gone; nullopt when no title is left.
std::optional<ContentsEntry> contents_entry(const std::string& text, const std::string& origin);
/// Sections the table of contents names that the text does not have (by number, nor by
/// title; `more_text` are further lines that count as text, such as a text file's lines)
/// become headings without text (Block::contents_only) where the contents list puts them:
/// before the heading of the next entry the text has, else at the end.
void add_contents_only(const std::vector<ContentsEntry>& contents, const std::vector<std::string>& more_text,
                       std::vector<Block>& blocks);

}  // namespace okgen::import
