// Block layout: headings, paragraphs, lists, quotes, tables and groups -> Flow.
#pragma once

#include <string>

#include "compose/doc.h"
#include "render/pdf/flow.h"

namespace okgen::render::pdf {

class BlockLayout {
 public:
  /// `first_group`: where this layout's group ids start (flows made by two layouts and
  /// joined must not share ids).
  explicit BlockLayout(LayoutContext& ctx, int first_group = 0) : ctx_(ctx), group_(first_group) {}

  /// Appends `blocks` at horizontal offset `x` with `width`, in text style `style`.
  void blocks(Flow& flow, const model::Blocks& blocks, float x, float width, const std::string& style);

  /// A numbered section heading ("2.1  Målgrupp") with its anchor and bookmark.
  void heading(Flow& flow, const std::string& number, const std::string& text, int depth, const std::string& anchor,
               float width);
  /// A plain heading (table of contents, notes, signatures) with an optional anchor.
  void plain_heading(Flow& flow, const std::string& text, const std::string& style, const std::string& anchor,
                     float width, int outline_level);

  /// Lines of a paragraph as flow lines of one group, tagged as one new element of `role`
  /// (with Link and Reference elements for its links and note citations).
  void lines(Flow& flow, std::vector<LineBox> lines, float x, const std::string& role = "P");

  /// A new group id for lines that belong together.
  int next_group() { return ++group_; }

  /// A new structure element of `role` under the current parent; -1 without a tree.
  int tag(const std::string& role);
  /// Elements tagged while an Inside lives go under `node`.
  class Inside {
   public:
    Inside(BlockLayout& bl, int node) : bl_(bl), saved_(bl.parent_) { bl.parent_ = node; }
    ~Inside() { bl_.parent_ = saved_; }
    Inside(const Inside&) = delete;
    Inside& operator=(const Inside&) = delete;

   private:
    BlockLayout& bl_;
    int saved_;
  };

  /// A container (list body, table cell, note) whose content is one paragraph holds that
  /// paragraph's text itself, without a P inside: the next paragraph tagged directly
  /// under `node` is `node`. Call before laying out the container's blocks.
  void hold_single_paragraph(int node, const model::Blocks& content) {
    holder_ = content.size() == 1 && std::holds_alternative<model::Paragraph>(content.front().node)
                  ? node
                  : StructTree::kArtifact;
  }

  /// Marks every text run of `ops` as part of `node`.
  static void mark_all(Ops& ops, int node);

 private:
  void block(Flow& flow, const model::Block& b, float x, float width, const std::string& style, int list_depth);
  void list(Flow& flow, const model::List& l, float x, float width, const std::string& style, int depth);
  void table(Flow& flow, const model::Table& t, float x, float width);
  void signatories(Flow& flow, const model::Div& d, float x, float width);
  void ruled_group(Flow& flow, const model::Blocks& children, float x, float width, const std::string& style,
                   float indent, float rule_width, const Color& rule, int list_depth);
  void space(Flow& flow, float h);

  /// The inline elements open at the end of a line, continued by the next one.
  struct OpenInline {
    int link = StructTree::kArtifact;  ///< the open Link element
    std::string link_key;              ///< its target
    int span = StructTree::kArtifact;  ///< the open Span of a redline change or of another language
    const std::string* span_key = nullptr;  ///< its change (TextRun::edit)
    std::string span_lang;                  ///< its language (TextRun::lang)
  };
  /// Gives the runs of `ops` (one line of a paragraph tagged `node`) their elements; runs
  /// of a link go to a Link element (in a Reference for a note citation), runs of a redline
  /// change to a Span whose /ActualText says the change in words, words in another language
  /// to a Span with their /Lang, each continued from the previous line while `open` says so.
  void mark_line(Ops& ops, int node, OpenInline& open);

  LayoutContext& ctx_;
  int parent_ = StructTree::kRoot;
  int holder_ = StructTree::kArtifact;  // see hold_single_paragraph
  int group_ = 0;
  int list_depth_ = 0;
};

}  // namespace okgen::render::pdf
