// Catalog: translatable texts in a simple INI-like file, for messages and labels.
//
//   # comment
//   [unknown-element]
//   message = Elementet <{{element}}> finns inte i <{{parent}}>.
//   fix = Kontrollera stavningen ...
//       continuation lines are indented and joined with a space
//
// templates/messages/<lang>.txt holds one section per rule (message, summary, reason, fix)
// and a [phrases] section; templates/labels/<lang>.txt holds the [labels] of documents.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"

namespace okgen::text {

class Catalog {
 public:
  /// Parses catalogue text; malformed lines are ignored (tests check the shipped files).
  static Catalog parse(const std::string& text);
  /// Reads a catalogue file; throws util::IoError when it cannot be read.
  static Catalog load(const std::filesystem::path& path);

  /// The text for section/key, or nullptr.
  const std::string* find(const std::string& section, const std::string& key) const;
  /// The text for section/key, or "[section.key]" so a missing text is visible, not silent.
  std::string get(const std::string& section, const std::string& key) const;
  std::vector<std::string> sections() const;
  /// The keys of one section, sorted ({} when there is no such section).
  std::vector<std::string> keys(const std::string& section) const;

 private:
  std::map<std::string, std::map<std::string, std::string>> entries_;
};

/// Renders field `field` ("message", "reason", "fix", "summary") of a diagnostic's rule
/// with its arguments. An argument whose value starts with '@' names a [phrases] entry,
/// which is rendered first (so "@xml.bad-attribute" becomes a sentence in the language).
std::string format_diagnostic(const Catalog& messages, const diag::Diagnostic& d, const std::string& field = "message");

}  // namespace okgen::text
