// `okgen serve`: the workspace over HTTP (cpp-httplib, Debian libcpp-httplib-dev).
//
//   GET  /                      overview of every agreement
//   GET  /preview/KEY           the agreement's page (or its errors), reloaded live
//   GET  /pdf/KEY               its PDF, built on demand
//   GET  /check/KEY             coverage with evidence, findings by section (?niva=&regel=)
//   GET  /questions/KEY         a local agreement's open questions as a form
//   POST /questions/KEY         answers written into the local XML file
//   GET  /init, POST /init      okgen local init from the browser
//   GET  /diff/KEY[?rev=COMMIT] revision picker / redline against the working file
//   GET  /events                Server-Sent Events: "change" with the keys rebuilt
//   GET  /_okgen/live.js, /_okgen/serve.css
//
// KEY is an agreement's path below the content folder; it is only ever looked up among the
// agreements found there. Every answer carries the CSP of security.h; requests with a Host
// that is not the server's are refused (DNS rebinding), every POST needs the session's CSRF
// token, bodies are limited to 1 MiB, and a server on another address than loopback needs an
// access token.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "workspace.h"

namespace httplib {
class Server;
}

namespace okgen::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8420;           ///< 0: any free port
  std::string token;         ///< access token ("" = none; required off loopback)
};

class Server {
 public:
  Server(Workspace& ws, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the socket; returns false (with `error`) when the address is taken or invalid.
  bool bind(std::string& error);
  /// Serves until stop(); call bind() first.
  void run();
  /// Ends run(): open event streams are closed, requests in progress finish.
  void stop();

  int port() const { return port_; }
  /// The address to open, with the access token when there is one.
  std::string url() const;
  const std::string& csrf_token() const { return csrf_; }

 private:
  void routes();

  Workspace& ws_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> http_;
  std::vector<std::string> allowed_hosts_;
  std::string csrf_;
  int port_ = 0;
  int listen_socket_ = -1;
  std::atomic<bool> stopping_{false};
};

}  // namespace okgen::serve
