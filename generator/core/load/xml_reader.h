// XmlReader: validates pugixml elements against the format table and reads typed values,
// turning every problem into a diagnostic with file:line:col.
#pragma once

#include <pugixml.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_map.h"
#include "load/format_spec.h"
#include "model/rich_text.h"
#include "util/date.h"

namespace okgen::load {

class XmlReader {
 public:
  XmlReader(const diag::SourceMap& source, std::uint32_t file_index, diag::DiagnosticSink& sink,
            const std::vector<std::string>& known_areas);

  /// Checks attributes, children and text of `node` against `spec`; reports every problem.
  /// Returns false when something was wrong (the caller still reads what it can).
  bool validate(pugi::xml_node node, const ElementSpec& spec);

  model::Loc loc(pugi::xml_node node) const;
  model::Loc loc(pugi::xml_node node, const char* attribute) const;
  diag::SourceSpan span(pugi::xml_node node) const;
  diag::SourceSpan span(pugi::xml_node node, const char* attribute) const;
  diag::SourceSpan span(const model::Loc& loc) const;

  /// Attribute text, trimmed ("" when absent).
  std::string attr(pugi::xml_node node, const char* name) const;
  /// Typed attribute values; nullopt when absent or invalid (validate() reported it).
  std::optional<util::Date> date_attr(pugi::xml_node node, const char* name) const;
  std::optional<util::PartialDate> partial_date_attr(pugi::xml_node node, const char* name) const;
  std::optional<int> int_attr(pugi::xml_node node, const char* name) const;
  bool bool_attr(pugi::xml_node node, const char* name, bool fallback) const;

  /// The element's text content (all text and CDATA children joined), and the byte offset
  /// where it starts in the source (offset of the element itself when it has no text).
  struct TextContent {
    std::string text;
    std::size_t offset = 0;
    bool inline_start = true;  ///< text begins on the line of the opening tag
  };
  TextContent text(pugi::xml_node node) const;
  /// Trimmed plain text with runs of whitespace collapsed to one space.
  std::string plain(pugi::xml_node node) const;

  const diag::SourceMap& source() const { return source_; }
  std::uint32_t file_index() const { return file_index_; }
  diag::DiagnosticSink& sink() { return sink_; }

 private:
  bool check_attribute(pugi::xml_node node, const pugi::xml_attribute& a, const AttrSpec& spec);
  std::size_t attribute_offset(pugi::xml_node node, const char* name) const;

  const diag::SourceMap& source_;
  std::uint32_t file_index_;
  diag::DiagnosticSink& sink_;
  const std::vector<std::string>& known_areas_;
};

/// Element children of a node, skipping text and comments.
std::vector<pugi::xml_node> element_children(pugi::xml_node node);

}  // namespace okgen::load
