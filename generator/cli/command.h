// One okgen command: its options on the parser and what it does when chosen. main.cc makes
// the parser from the list in commands.cc and runs the command the user chose; each command
// lives in a file of its own (cmd_*.cc) that only wires options to one library call and
// prints what comes back.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli_help.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::cli {

/// What every command gets: the help texts in the run's language and the global options.
struct Invocation {
  explicit Invocation(const Help& h) : help(h) {}
  const Help& help;
  std::string lang = "sv";
  std::string resources_dir;  ///< --resources, empty = okgen's own

  /// The folder templates/, data/ and styles/ are read from.
  std::filesystem::path resources_root() const;
  /// Loads the resources; on failure prints why and returns nothing (exit 2).
  std::optional<Resources> load_resources() const;
  /// The day validity is judged on: `given` (--date), else SOURCE_DATE_EPOCH (reproducible
  /// builds), else today in local time. A date that cannot be read is printed as an error.
  std::optional<util::Date> date(const std::string& given) const;
  /// What most commands need first: the resources and the day (date()); nothing when either
  /// fails, its reason printed (exit 2).
  struct Prepared {
    Resources res;
    util::Date as_of;
  };
  std::optional<Prepared> prepare(const std::string& given_date) const;
  /// "--format X" and "-o FILE" disagree: prints the error, returns exit code 2.
  int format_contradicts(const std::string& format, const std::string& file, const std::string& by_extension) const;
};

class Command {
 public:
  virtual ~Command() = default;
  /// Adds the command and its options to `app` (in the order --help lists them) and keeps
  /// the subcommand in `cmd_`.
  virtual void add_to(CLI::App& app, const Help& h) = 0;
  /// Runs it and returns the exit code (docs/exit-codes.md). Environment failures come as
  /// util::IoError, caught once in main.
  virtual int run(const Invocation& inv) = 0;
  /// Whether the parsed command line chose this command.
  bool chosen() const { return cmd_ && bool(*cmd_); }

 protected:
  CLI::App* cmd_ = nullptr;
};

/// Every command, in the order of --help.
std::vector<std::unique_ptr<Command>> all_commands();

// The commands' factories (one per cmd_*.cc).
std::unique_ptr<Command> make_build_command();
std::unique_ptr<Command> make_check_command();
std::unique_ptr<Command> make_calendar_command();
std::unique_ptr<Command> make_rules_command();
std::unique_ptr<Command> make_local_command();
std::unique_ptr<Command> make_diff_command();
std::unique_ptr<Command> make_import_command();
std::unique_ptr<Command> make_serve_command();
std::unique_ptr<Command> make_revise_command();

/// Writes report text to -o FILE (atomically) or, for none or "-", standard output.
void emit(const std::string& text, const std::string& output);

}  // namespace okgen::cli
