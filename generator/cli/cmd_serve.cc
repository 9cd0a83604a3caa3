// okgen serve: runs the program okgen-serve beside okgen, so that only the workspace loads
// the HTTP library (docs/serve.md); its options and --help are okgen-serve's.
#include "command.h"
#include "pipeline.h"
#include "util/process.h"

namespace okgen::cli {
namespace {

class ServeCommand : public Command {
 public:
  void add_to(CLI::App& app, const Help& h) override {
    cmd_ = app.add_subcommand("serve", h("command.serve"));
    cmd_->prefix_command();
    cmd_->set_help_flag();  // --help goes to okgen-serve
  }

  int run(const Invocation& inv) override {
    std::vector<std::string> args{"okgen-serve"};
    if (!inv.resources_dir.empty()) args.insert(args.end(), {"--resources", inv.resources_dir});
    if (inv.lang != "sv") args.insert(args.end(), {"--lang", inv.lang});
    for (const auto& a : cmd_->remaining()) args.push_back(a);
    return util::exec_sibling("okgen-serve", args);  // returns only when it cannot run it
  }

 private:
};

}  // namespace

std::unique_ptr<Command> make_serve_command() { return std::make_unique<ServeCommand>(); }

}  // namespace okgen::cli
