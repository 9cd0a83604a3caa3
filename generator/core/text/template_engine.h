// Templates: all wording generated from structured data lives in templates/, filled by a
// Mustache engine, so changing a sentence never needs a C++ change.
//
// The engine is mstch (Debian libmstch-dev), kept behind this interface: only
// template_engine.cc includes it (it pulls in Boost), and the rest of okgen builds
// contexts from the small Value type below.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace okgen::text {

/// A Mustache context value: text, a flag, a list, or an object (ordered key/value pairs).
struct Value {
  using List = std::vector<Value>;
  using Object = std::vector<std::pair<std::string, Value>>;
  std::variant<std::monostate, std::string, bool, List, Object> v;

  Value() = default;
  Value(std::string s) : v(std::move(s)) {}          // NOLINT: implicit by design
  Value(const char* s) : v(std::string(s)) {}        // NOLINT
  Value(bool b) : v(b) {}                            // NOLINT
  Value(int n) : v(std::to_string(n)) {}             // NOLINT
  Value(List l) : v(std::move(l)) {}                 // NOLINT
  Value(Object o) : v(std::move(o)) {}               // NOLINT

  /// Adds a key to an object value (turning an empty value into an object).
  Value& set(const std::string& key, Value value);
};

/// How {{name}} values are escaped; {{{name}}} is never escaped.
enum class Escape {
  html,      ///< & < > " '
  markdown,  ///< CommonMark punctuation that would change the meaning of the text
  none,      ///< plain text (messages, reports)
};

/// Escapes text so CommonMark reads it literally.
std::string escape_markdown(const std::string& s);
/// Escapes text for HTML element content and attribute values.
std::string escape_html(const std::string& s);

/// Renders a template text with `context`; `partials` maps names to template texts.
std::string render(const std::string& tmpl, const Value& context, Escape escape,
                   const std::map<std::string, std::string>& partials = {});

/// A directory of templates (files named NAME.mustache, e.g. "text/validity.md").
class TemplateSet {
 public:
  /// `root` is the templates/ directory. Files are read lazily and cached.
  explicit TemplateSet(std::filesystem::path root);

  /// Renders templates/NAME.mustache. Other templates in the same directory are
  /// available as partials ({{> other.md}}). Throws util::IoError when missing.
  std::string render(const std::string& name, const Value& context, Escape escape) const;
  bool exists(const std::string& name) const;
  /// Names of templates in a subdirectory, without ".mustache" and sorted
  /// (e.g. list("text/standard", ".md") -> {"legal-basis"}).
  std::vector<std::string> list(const std::string& subdir, const std::string& suffix) const;
  const std::string& source(const std::string& name) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  const std::map<std::string, std::string>& partials_for(const std::string& name) const;

  std::filesystem::path root_;
  mutable std::map<std::string, std::string> cache_;
  mutable std::map<std::string, std::map<std::string, std::string>> partials_;
};

}  // namespace okgen::text
