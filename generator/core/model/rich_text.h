// Generic rich text: the blocks and inlines that Markdown bodies and generated wording
// become. Writers render only these (plus the section tree), so a new writer needs to know
// nothing about agreement semantics.
//
// Node kinds are closed std::variants; writers visit them with an `overloaded` visitor that
// has no catch-all, so adding a kind is a compile error in every writer that forgot it.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace okgen::model {

/// Where a node came from: an index into Agreement::files plus 1-based line and column.
struct Loc {
  std::uint32_t file = 0;
  int line = 0;
  int column = 0;
};

struct Inline;
using Inlines = std::vector<Inline>;
struct Block;
using Blocks = std::vector<Block>;

struct Text { std::string text; };
struct Emph { Inlines children; };
struct Strong { Inlines children; };
struct Code { std::string text; };
/// An external link; only safe schemes survive loading (http, https, mailto, tel).
struct Link { std::string href; Inlines children; };
struct SoftBreak {};
struct LineBreak {};
/// `[^id]`: a note pointing to a legal reference, source or related document.
/// `number` and `anchor` are assigned when the document is composed (0 / "" before).
struct Citation {
  std::string target;
  int number = 0;
  std::string anchor;
};
/// `[](#id)` or `[text](#id)`: a link inside the document. With no children the composer
/// writes the target's number and heading.
struct CrossRef {
  std::string target;
  Inlines children;
};

/// A change in a redline: inserted or deleted words. Writers draw it underlined or struck
/// through and let assistive technology say `spoken` ("tillagt:") before the words, since
/// neither colour nor a line is heard.
struct Edit {
  enum class Kind { inserted, deleted };
  Kind kind = Kind::inserted;
  std::string spoken;
  Inlines children;
};
/// Words in another language than the document's (`[Buorre beaivi]{lang=se}` in Markdown):
/// screen readers switch voice, so writers mark them (HTML `lang`, the PDF's `Span` with
/// `/Lang`, Word's `w:lang`). `lang` is a BCP 47 tag, checked when loaded.
struct Lang {
  std::string lang;
  Inlines children;
};
struct Inline {
  std::variant<Text, Emph, Strong, Code, Link, SoftBreak, LineBreak, Citation, CrossRef, Edit, Lang> node;
  Loc loc;
};

struct Paragraph { Inlines content; };
struct List {
  bool ordered = false;
  int start = 1;
  bool tight = true;
  std::vector<Blocks> items;
};
struct BlockQuote { Blocks children; };
struct CodeBlock { std::string text; };
struct ThematicBreak {};

/// A table; only generated (responsibility matrix, revision history), never from Markdown.
struct TableCell {
  Blocks content;
  bool header = false;  ///< a header cell: column header in the head, row header in the body
};
struct TableRow { std::vector<TableCell> cells; };
struct Table {
  std::string role;  ///< semantic class, e.g. "responsibilities", used for styling
  Inlines caption;
  std::vector<TableRow> head;
  std::vector<TableRow> body;
  std::vector<int> widths;  ///< relative column widths (sum arbitrary); empty = equal
};

/// A generated group with a semantic role ("validity", "dispute-ladder", "signature").
/// Writers map roles to styles; unknown roles render as a plain group.
struct Div {
  std::string role;
  Blocks children;
};

struct Block {
  std::variant<Paragraph, List, BlockQuote, CodeBlock, ThematicBreak, Table, Div> node;
  Loc loc;
};

/// Helper for std::visit with lambdas.
template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

/// Concatenated plain text of inlines (for titles, search, word counts).
std::string plain_text(const Inlines& inlines);
/// Concatenated plain text of blocks, paragraphs separated by blank lines.
std::string plain_text(const Blocks& blocks);

}  // namespace okgen::model
