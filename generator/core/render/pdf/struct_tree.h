// The logical structure of a laid-out document (what a tagged PDF's structure tree holds):
// Document, Sect, H1..H6, P, L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Caption, Note,
// Reference, Link, TOC/TOCI, BlockQuote, Div, Span (a redline change; words in another language). Layout creates the elements as it lays the
// document out and marks every text run and link with the element it belongs to (or -1:
// an artifact, such as running headers, page numbers and repeated table headers); the
// emitter turns the marks into marked content and writes the tree (pdf_structure.cc).
#pragma once

#include <string>
#include <vector>

namespace okgen::render::pdf {

struct StructNode {
  std::string role;   ///< standard structure type ("P", "H2", "TD", ...)
  int parent = -1;    ///< -1 for the root
  std::string scope;  ///< TH: "Column" or "Row"
  std::string id;     ///< Note: its element identifier ("fn-3")
  std::string target;  ///< Link and Reference: the anchor or URI they go to
  std::string actual_text;  ///< Span of a redline change: its words as read ("tillagt: …")
  std::string lang;         ///< Span of words in another language: its /Lang ("se")
};

class StructTree {
 public:
  /// A tree holding only its root, a `Document` element (id 0).
  StructTree() { nodes_.push_back(StructNode{"Document", -1, {}, {}, {}, {}, {}}); }

  static constexpr int kRoot = 0;
  static constexpr int kArtifact = -1;

  /// Adds an element under `parent` and returns its id.
  int add(const std::string& role, int parent) {
    nodes_.push_back(StructNode{role, parent, {}, {}, {}, {}, {}});
    return static_cast<int>(nodes_.size()) - 1;
  }
  StructNode& operator[](int id) { return nodes_[static_cast<std::size_t>(id)]; }
  const StructNode& operator[](int id) const { return nodes_[static_cast<std::size_t>(id)]; }
  int size() const { return static_cast<int>(nodes_.size()); }
  const std::vector<StructNode>& nodes() const { return nodes_; }

 private:
  std::vector<StructNode> nodes_;
};

}  // namespace okgen::render::pdf
