// Body -> word/document.xml and word/footnotes.xml (WordprocessingML, written with pugixml).
// Tokens with the same formatting, link and revision become one run; revision marks become
// w:ins / w:del / w:moveFrom / w:moveTo around runs, on paragraph marks and on table rows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "render/docx/docx_body.h"

namespace okgen::render::docx {

/// The package's relationships from word/document.xml: fixed parts first, then one per
/// distinct external link, in order of first use (deterministic ids).
struct Relationships {
  struct Rel {
    std::string id, type, target;
    bool external = false;
  };
  std::vector<Rel> rels;
  std::string add(const std::string& type, const std::string& target, bool external = false);
  std::string link(const std::string& url);  ///< the id for an external hyperlink

 private:
  std::map<std::string, std::string> links_;
};

struct SectionSetup {
  int page_width = 11906, page_height = 16838;  ///< twips
  int margin_top = 1400, margin_bottom = 1280, margin_left = 1440, margin_right = 1280;
  int header_distance = 708, footer_distance = 708;
  std::string header_rel, footer_rel;  ///< relationship ids of the running header and footer
  std::string header_fill = "0b4f7c", row_header_fill = "eef3f7";  ///< table cell shading
};

struct RevisionAuthor {
  std::string author = "okgen";
  std::string date;  ///< ISO 8601 date-time, e.g. "2024-01-01T00:00:00Z"
};

struct DocumentParts {
  std::string document;
  std::string footnotes;
};

/// Serialises `body`. External links get relationships in `rels` (document.xml) and
/// `note_rels` (footnotes.xml).
DocumentParts write_document(const Body& body, const SectionSetup& setup, const RevisionAuthor& author,
                             Relationships& rels, Relationships& note_rels);

}  // namespace okgen::render::docx
