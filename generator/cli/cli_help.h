// Help in the language of --lang for okgen's command-line programs (okgen, okgen-serve):
// descriptions, CLI11's own headings and the lines under --help come from
// templates/cli/<lang>.txt, read before the parser is built (the parser's texts are fixed
// when options are added). Without the file the keys show ("[help.build]").
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "text/catalog.h"

namespace okgen::cli {

class Help {
 public:
  /// Reads templates/cli/<lang>.txt for the --lang and --resources among `argv`.
  Help(int argc, char** argv);

  /// A description: section [help], key `key`.
  std::string operator()(const std::string& key) const { return text_.get("help", key); }
  const text::Catalog& catalog() const { return text_; }

  /// Before options are added: CLI11's headings, the default option group, the help flag's
  /// description and the hint a usage error ends with.
  void prepare(CLI::App& app, const std::string& help_flag, const std::string& more_help) const;
  /// After all commands are added: their group and help flags in the language too.
  void finish(CLI::App& app) const;

 private:
  std::string cli11(const std::string& word) const;
  text::Catalog text_;
};

/// The value of `--NAME VALUE` or `--NAME=VALUE` among the arguments, before parsing.
std::string early_option(int argc, char** argv, const std::string& name, const std::string& fallback);

}  // namespace okgen::cli
