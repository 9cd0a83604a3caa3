// The result of PDF layout: pages of positioned drawing operations, before any PDF exists.
//
// Coordinates are points with the origin at the page's top-left corner and y growing
// downwards (as a reader reads); the emitter converts to PDF's bottom-left origin. Text
// positions are baselines. This is also what the layout dump (the golden format) prints.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "render/pdf/font_set.h"
#include "render/pdf/pdf_style.h"
#include "render/pdf/struct_tree.h"

namespace okgen::render::pdf {

struct TextRun {
  float x = 0, y = 0;  ///< left end of the baseline
  FaceKey face;
  float size = 10;
  Color color;
  std::string text;
  float width = 0;  ///< advance width in points
  int node = -1;    ///< the structure element it belongs to; -1: an artifact (see struct_tree.h)
  int link = -1;    ///< index of the link (in the same Ops) it is the text of, or -1
  /// A redline change it is part of: the change in words ("tillagt: …"), shared by the
  /// change's runs (the pointer tells one change from the next); null for other text.
  std::shared_ptr<const std::string> edit;
  /// The language of words in another language than the document's (model::Lang), or "".
  std::string lang;
};

struct RuleOp {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  Color color;
};

struct RectOp {
  float x = 0, y = 0, w = 0, h = 0;  ///< top-left corner and size
  Color fill;
};

/// A clickable area: an external URI or an internal target (an anchor id).
struct LinkOp {
  float x = 0, y = 0, w = 0, h = 0;
  std::string uri;
  std::string target;
  int node = -1;  ///< its Link structure element
};

/// A named place (section heading, footnote) that links and bookmarks can go to.
struct AnchorOp {
  std::string id;
  float y = 0;
};

/// Drawing operations; blocks build them at (0, 0) and are moved into place.
struct Ops {
  std::vector<TextRun> text;
  std::vector<RuleOp> rules;
  std::vector<RectOp> rects;
  std::vector<LinkOp> links;
  std::vector<AnchorOp> anchors;

  /// Appends `other` moved by (dx, dy).
  void append(const Ops& other, float dx, float dy);
  /// The same, taking `other`'s text instead of copying it (a line's ops placed once).
  void append(Ops&& other, float dx, float dy);
  bool empty() const { return text.empty() && rules.empty() && rects.empty() && links.empty() && anchors.empty(); }
};

struct Page {
  Ops ops;
  bool title_page = false;
};

/// A bookmark in the PDF outline.
struct OutlineEntry {
  std::string title;
  int level = 1;
  std::string target;  ///< anchor id
};

struct Layout {
  float width = 0, height = 0;
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  /// Where each anchor landed: page index and y.
  std::map<std::string, std::pair<int, float>> anchors;
  /// The logical structure; text runs and links name its elements.
  StructTree tags;
};

}  // namespace okgen::render::pdf
