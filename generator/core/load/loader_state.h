// Internal to the loader: the state shared by the files that read one agreement.
#pragma once

#include <pugixml.hpp>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/source_registry.h"
#include "load/agreement_loader.h"
#include "load/xml_reader.h"
#include "model/agreement.h"

namespace okgen::load {

class LoaderState {
 public:
  LoaderState(const std::filesystem::path& path, const LoadOptions& options, diag::DiagnosticSink& sink,
              diag::SourceRegistry& sources, XmlReader& reader, model::Agreement& agreement)
      : path_(path), options_(options), sink_(sink), sources_(sources), reader_(reader), agreement_(agreement) {}

  XmlReader& reader() { return reader_; }
  diag::DiagnosticSink& sink() { return sink_; }
  model::Agreement& agreement() { return agreement_; }
  const LoadOptions& options() const { return options_; }

  /// Markdown text of an element (its text content), positioned in the source.
  model::RichText markdown(pugi::xml_node node);
  /// The same without validating the element (for elements with their own spec).
  model::RichText text_of(pugi::xml_node node);
  std::optional<model::RichText> optional_markdown(pugi::xml_node parent, const char* child);
  std::vector<model::RichText> markdown_list(pugi::xml_node parent, const char* child);
  /// A <body>: inline Markdown, or the file named by src="...".
  model::Body body(pugi::xml_node node);
  /// The text of a structured element's optional introductory <body>.
  std::optional<model::RichText> leading_body(pugi::xml_node parent);
  /// The <step>s of an optional <steps> child.
  std::vector<model::RichText> steps(pugi::xml_node parent);
  /// Records an id; a second use of the same id is reported as duplicate-id.
  void declare_id(const std::string& id, pugi::xml_node node);
  /// The file `relative` names (relative to this file's folder) when it lies inside the
  /// content folder, symlinks resolved; otherwise reports `rule` at the attribute `attr`
  /// and returns nothing. Every path an agreement names (<body src>, <parent href>) passes here.
  std::optional<std::filesystem::path> confined(const std::string& relative, pugi::xml_node node, const char* attr,
                                                const char* rule);

  /// Reads a <section> tree (section_loader.cc).
  model::Section section(pugi::xml_node node, int depth);
  /// Reads a <local-section> (section_loader.cc).
  model::LocalSection local_section(pugi::xml_node node);

 private:
  model::SectionContent content(pugi::xml_node node);

  const std::filesystem::path& path_;
  const LoadOptions& options_;
  diag::DiagnosticSink& sink_;
  diag::SourceRegistry& sources_;
  XmlReader& reader_;
  model::Agreement& agreement_;
  std::map<std::string, model::Loc> ids_;
};

}  // namespace okgen::load
