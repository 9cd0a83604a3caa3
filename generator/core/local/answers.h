// Answering a local agreement's open questions outside a text editor (`okgen serve`'s
// questionnaire), so that the file ends up exactly as if the author had followed the
// instructions at its top by hand: each answered <prompt> is replaced, where it stands, by a
// <body> with the answer; new local text for a regional section is a <local-section> placed
// before the revision history. Everything else in the file (comments, order, indentation,
// the XML declaration) stays byte for byte. Works on the file's text, not on the model, so
// nothing the loader would normalise is lost.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace okgen::local {

/// One <prompt> of a local agreement file, in document order.
struct OpenQuestion {
  int index = 0;             ///< its place among the file's prompts (0-based): the answer's key
  int line = 0;              ///< where it stands in the file (1-based)
  std::string question;      ///< the prompt's text
  std::string guidance;      ///< the comment just before it in its section (what the template asks), if any
  std::string section_id;    ///< the enclosing <section id> or the <local-section ref>
  std::string heading;       ///< the enclosing section's <heading> ("" for a local-section)
  bool regional = false;     ///< inside a <local-section> (text for a regional section)
  std::string action;        ///< that local-section's action (fill, extend, replace)
};

/// The prompts of a local agreement file; an empty list when the text is not well-formed XML
/// (the loader reports why).
std::vector<OpenQuestion> open_questions(const std::string& xml);

/// An answer to the prompt with this index (Markdown; CR LF is read as LF).
struct Answer {
  int index = 0;
  std::string text;
};

/// `xml` with each prompt that has a non-blank answer replaced by <body>answer</body>, indented
/// like the prompt (a one-line answer stays on one line). Unknown indexes are ignored; nullopt
/// when the text is not well-formed XML.
std::optional<std::string> apply_answers(const std::string& xml, const std::vector<Answer>& answers);

/// `xml` with a new <local-section ref action based-on> holding `text`, placed before the
/// <revision-history> (else before </agreement>). nullopt when the file already has local text
/// for `ref`, the text is blank, or the XML is not well-formed.
std::optional<std::string> add_local_section(const std::string& xml, const std::string& ref, const std::string& action,
                                             const std::string& based_on, const std::string& text);

/// The refs of the file's <local-section> elements.
std::vector<std::string> local_section_refs(const std::string& xml);

}  // namespace okgen::local
