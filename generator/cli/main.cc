// okgen: the command line. Builds the parser from the commands (commands.cc, one cmd_*.cc
// per command), runs the chosen one and turns what escapes into an exit code; nothing else.
#include <CLI/CLI.hpp>

#include <cctype>
#include <iostream>

#include "cli_help.h"
#include "command.h"
#include "okgen_version.h"
#include "pipeline.h"
#include "util/fs.h"

namespace {

// The examples, exit codes and documentation under --help (templates/cli [examples]).
std::string help_footer(const okgen::text::Catalog& c) {
  std::string out = c.get("examples", "title") + "\n";
  for (const auto& key : c.keys("examples")) {
    // ex01, ex02, ...: not "exit", which follows them.
    if (key.size() < 3 || key.rfind("ex", 0) != 0 || !std::isdigit(static_cast<unsigned char>(key[2]))) continue;
    const std::string line = c.get("examples", key);
    const auto bar = line.find(" | ");
    const std::string cmd = line.substr(0, bar), what = bar == std::string::npos ? "" : line.substr(bar + 3);
    out += "  " + cmd;
    if (cmd.size() < 34) {
      out += std::string(36 - cmd.size(), ' ') + what + "\n";
    } else {
      out += "\n" + std::string(38, ' ') + what + "\n";
    }
  }
  return out + "\n" + c.get("examples", "exit") + "\n" + c.get("examples", "docs");
}

}  // namespace

int main(int argc, char** argv) {
  // Help in the language of --lang (templates/cli/<lang>.txt), CLI11's headings too.
  const okgen::cli::Help h(argc, argv);
  CLI::App app{h("okgen")};
  h.prepare(app, h("okgen.help"), h("okgen.more-help"));
  app.footer(help_footer(h.catalog()));
  app.set_version_flag("--version", std::string("okgen ") + OKGEN_VERSION, h("okgen.version"));
  app.require_subcommand(1);

  okgen::cli::Invocation inv(h);
  app.add_option("--lang", inv.lang, h("okgen.lang"))->check(CLI::IsMember({"sv", "en"}));
  app.add_option("--resources", inv.resources_dir, h("okgen.resources"));
  auto commands = okgen::cli::all_commands();
  for (auto& command : commands) command->add_to(app, h);

  h.finish(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? okgen::kExitOk : okgen::kExitUsage;
  }

  try {
    for (auto& command : commands) {
      if (command->chosen()) return command->run(inv);
    }
    return okgen::kExitUsage;  // require_subcommand(1) makes this unreachable
  } catch (const okgen::util::IoError& e) {
    std::cerr << h.error("not-written",
                         okgen::text::Value{}.set("what", h.io_problem(e)).set("path", okgen::util::display_path(e.path())))
              << "\n";
    return okgen::kExitOutput;
  } catch (const std::exception& e) {
    std::cerr << h.internal_error(e.what()) << "\n";
    return okgen::kExitInternal;
  }
}
