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

  /// Lines of a paragraph as flow lines of one group.
  void lines(Flow& flow, std::vector<LineBox> lines, float x);

  /// A new group id for lines that belong together.
  int next_group() { return ++group_; }

 private:
  void block(Flow& flow, const model::Block& b, float x, float width, const std::string& style, int list_depth);
  void list(Flow& flow, const model::List& l, float x, float width, const std::string& style, int depth);
  void table(Flow& flow, const model::Table& t, float x, float width);
  void signatories(Flow& flow, const model::Div& d, float x, float width);
  void ruled_group(Flow& flow, const model::Blocks& children, float x, float width, const std::string& style,
                   float indent, float rule_width, const Color& rule, int list_depth);
  void space(Flow& flow, float h);

  LayoutContext& ctx_;
  int group_ = 0;
  int list_depth_ = 0;
};

}  // namespace okgen::render::pdf
