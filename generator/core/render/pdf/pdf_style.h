// PdfStyle: the PDF look from styles/pdf.xml (page, fonts, text styles, tables, furniture).
// Nothing about the look is hard-coded in C++; every length and colour comes from here.
#pragma once

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"

namespace okgen::render::pdf {

struct Color {
  float r = 0, g = 0, b = 0;
  bool operator==(const Color& o) const { return r == o.r && g == o.g && b == o.b; }
};

/// Regular, bold, italic, bold-italic.
enum class FontVariant { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

struct FontFamily {
  std::string name;
  std::string office_name;  ///< the font's name where fonts are named, not embedded (DOCX)
  std::array<std::filesystem::path, 4> files;  ///< indexed by FontVariant
  diag::SourceSpan at;  ///< its <family> element in styles/pdf.xml, for findings about its files
};

struct TextStyle {
  std::string family = "serif";
  bool bold = false;
  bool italic = false;
  float size = 10;
  float leading = 13;
  float space_before = 0;
  float space_after = 0;
  Color color;
  bool justify = false;
  bool hyphenate = false;
};

struct PdfStyle {
  float page_width = 595.28f, page_height = 841.89f;
  float margin_top = 70, margin_bottom = 64, margin_left = 72, margin_right = 64;
  std::vector<FontFamily> families;
  std::map<std::string, TextStyle> text;
  float list_indent = 16, list_marker_gap = 5, list_item_space = 2, list_max_indent = 120;
  float quote_indent = 14, quote_rule_width = 2;
  Color quote_rule;
  float group_indent = 10, group_rule_width = 1.5f;
  Color group_rule;
  std::vector<std::string> group_roles;
  float table_padding = 4, table_rule_width = 0.5f, table_space_after = 8;
  Color table_rule, table_header_fill, table_row_header_fill;
  Color footnote_separator;
  float footnote_separator_width = 0.5f, footnote_separator_length = 120, footnote_gap = 8, footnote_indent = 14;
  float header_gap = 18, footer_gap = 24, furniture_rule_width = 0.5f;
  Color furniture_rule, link_color;
  Color inserted_color{0.106f, 0.369f, 0.125f}, deleted_color{0.643f, 0.149f, 0.173f};  ///< a redline's changes
  float change_rule_width = 0.7f;
  int signature_columns = 2;
  float signature_column_gap = 24, signature_row_gap = 18;
  float signature_line_gap = 36, signature_rule_width = 0.5f;
  Color signature_rule;
  std::filesystem::path hyphen_dictionary;
  /// The output intent's ICC profile and its registry name (PDF/A).
  std::filesystem::path icc_profile = "/usr/share/color/icc/sRGB.icc";
  std::string icc_identifier = "sRGB IEC61966-2.1";
  diag::SourceSpan icc_profile_at;  ///< the <output-intent> element, or the file when it has none
  int hyphen_left_min = 2, hyphen_right_min = 3, hyphen_min_word = 6;

  float content_width() const { return page_width - margin_left - margin_right; }
  /// The named text style; throws std::out_of_range for a name the code uses but the file
  /// lacks (the loader reports those first).
  const TextStyle& style(const std::string& name) const { return text.at(name); }
  const FontFamily* family(const std::string& name) const;

  /// Reads `path`. Problems (unreadable file, unknown names, bad numbers, missing font files,
  /// missing text styles) are reported to `sink`; returns nullopt when any was an error.
  static std::optional<PdfStyle> load(const std::filesystem::path& path, diag::DiagnosticSink& sink,
                                      diag::SourceRegistry& sources);
};

/// The text styles the layout uses; styles/pdf.xml must define all of them.
const std::vector<std::string>& required_text_styles();

}  // namespace okgen::render::pdf
