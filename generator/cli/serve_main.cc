// okgen-serve: `okgen serve`, a program of its own so that the HTTP library (and the TLS and
// compression libraries Debian builds it with) is loaded only by the one command that needs
// it; `okgen serve …` runs this program with the same arguments. Parses the command line,
// starts workspace, watcher and server, and stops them cleanly on Ctrl-C (SIGINT/SIGTERM are
// taken by a thread of their own, so no handler runs inside the server's threads).
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "okgen_version.h"
#include "pipeline.h"
#include "serve/server.h"
#include "serve/security.h"
#include "serve/watcher.h"
#include "cli_help.h"
#include "serve/workspace.h"
#include "util/fs.h"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  // Help in the language of --lang (templates/cli/<lang>.txt, [serve] and CLI11's headings).
  const okgen::cli::Help h(argc, argv);
  const auto t = [&](const std::string& key) { return h.catalog().get("serve", key); };
  CLI::App app{t("description")};
  app.name("okgen serve");
  h.prepare(app, h("okgen.help"), t("more-help"));
  std::string content = "content";
  int port = 8420;
  std::string host = "127.0.0.1";
  std::string token;
  std::string lang = "sv";
  std::string resources_dir;
  std::string date;
  bool poll = std::getenv("OKGEN_SERVE_POLL") != nullptr;
  app.add_option("content", content, t("content"));
  app.add_option("--port", port, t("port"))->check(CLI::Range(0, 65535));
  app.add_option("--host", host, t("host"));
  app.add_option("--token", token, t("token"));
  app.add_option("--lang", lang, h("okgen.lang"))->check(CLI::IsMember({"sv", "en"}));
  app.add_option("--resources", resources_dir, h("okgen.resources"));
  app.add_option("--date", date, h("common.date"));
  app.add_flag("--poll", poll, t("poll"));
  app.footer(t("footer") + "\n" + t("exit"));
  h.finish(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? okgen::kExitOk : okgen::kExitUsage;
  }

  std::error_code ec;
  if (!fs::is_directory(content, ec)) {
    std::cerr << h.error("no-folder", okgen::text::Value{}.set("folder", content)) << "\n";
    return okgen::kExitUsage;
  }
  okgen::util::Date as_of;
  if (!date.empty()) {
    auto d = okgen::util::Date::parse(date);
    if (!d) {
      std::cerr << h.error("bad-date", okgen::text::Value{}.set("date", date)) << "\n";
      return okgen::kExitUsage;
    }
    as_of = *d;
  } else {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    as_of = okgen::util::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
  }
  if (token == "auto" || (token.empty() && !okgen::serve::is_loopback(host))) {
    token = okgen::serve::random_token();
  }

  // Ctrl-C and kill: blocked here, before any thread starts, and taken by sigwait below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a closed browser tab is not a reason to stop

  try {
    const fs::path root = resources_dir.empty() ? okgen::Resources::default_root() : fs::path(resources_dir);
    okgen::serve::Workspace ws(content, root, lang, as_of);
    std::cerr << h.say("serve-reading", okgen::text::Value{}.set("folder", okgen::util::display_path(content))) << "\n";
    ws.load_all();
    okgen::serve::Server server(ws, {host, port, token});
    std::string error;
    if (!server.bind(error)) {
      std::cerr << h.prefixed(error) << "\n";
      return okgen::kExitOutput;
    }
    okgen::serve::Watcher watcher({ws.content_dir(), root / "templates", root / "styles", root / "data"},
                                  [&ws](const std::vector<fs::path>& changed) { ws.changed(changed); }, poll);
    std::thread signals([&] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      server.stop();
    });
    std::cout << h.say("serve-ready", okgen::text::Value{}
                                          .set("count", static_cast<int>(ws.entries().size()))
                                          .set("folder", okgen::util::display_path(content))
                                          .set("polling", !watcher.uses_inotify()))
              << "\n"
              << h.say("serve-open", okgen::text::Value{}.set("url", server.url())) << "\n"
              << std::flush;
    server.run();
    watcher.stop();
    // If run() ended by itself, the signal thread is still waiting: wake it.
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
    std::cout << h.say("serve-stopped") << "\n";
    return okgen::kExitOk;
  } catch (const okgen::util::IoError& e) {
    std::cerr << h.error("io", okgen::text::Value{}.set("what", h.io_problem(e)).set("path", okgen::util::display_path(e.path())))
              << "\n";
    return okgen::kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << h.internal_error(e.what()) << "\n";
    return okgen::kExitInternal;
  }
}
