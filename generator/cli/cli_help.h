// Help in the language of --lang for okgen's command-line programs (okgen, okgen-serve):
// descriptions, CLI11's own headings and the lines under --help come from
// templates/cli/<lang>.txt, read before the parser is built (the parser's texts are fixed
// when options are added). Without the file the keys show ("[help.build]").
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "text/catalog.h"
#include "text/template_engine.h"
#include "util/fs.h"

namespace okgen::cli {

class Help {
 public:
  /// Reads templates/cli/<lang>.txt for the --lang and --resources among `argv`.
  Help(int argc, char** argv);

  /// A description: section [help], key `key`.
  std::string operator()(const std::string& key) const { return text_.get("help", key); }
  const text::Catalog& catalog() const { return text_; }

  /// An error for the terminal: "okgen: fel: " and line `key` of [errors] with `values`.
  std::string error(const std::string& key, const text::Value& values = {}) const;
  /// "okgen: fel: " and `message` (a sentence already in the language).
  std::string prefixed(const std::string& message) const;
  /// What an IoError says, in the language: line `problem` of [io] with its arguments (an
  /// operating-system error in okgen's words where [io] has them), else its English what().
  std::string io_problem(const util::IoError& e) const;
  /// An exception okgen did not expect, with the request to report it.
  std::string internal_error(const std::string& what) const;
  /// A line of [terminal] (what a command reports when it is done) with `values`.
  std::string say(const std::string& key, const text::Value& values = {}) const;
  /// CLI11's own error sentence in the language ("The following argument was not expected"
  /// becomes "okänt argument"); a sentence it does not know, such as okgen's own checks of
  /// an option (already in the language), comes back as it is.
  std::string parse_error(const CLI::Error& e) const;

  /// Before options are added: CLI11's headings, the default option group, the help flag's
  /// description and the hint a usage error ends with.
  void prepare(CLI::App& app, const std::string& help_flag, const std::string& more_help) const;
  /// After all commands are added: their group and help flags in the language too.
  void finish(CLI::App& app) const;

 private:
  std::string cli11(const std::string& word) const;
  std::string line(const std::string& section, const std::string& key, const text::Value& values) const;
  text::Catalog text_;
};

/// The value of `--NAME VALUE` or `--NAME=VALUE` among the arguments, before parsing.
std::string early_option(int argc, char** argv, const std::string& name, const std::string& fallback);

}  // namespace okgen::cli
