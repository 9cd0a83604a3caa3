// okgen serve without a browser: the server in process on a copy of a region's content,
// spoken to over real sockets (raw requests where a client library would tidy the request
// up). Traversal, tokens, Host, CSRF, body limits, writes and their conflicts, concurrent
// requests while files change, the event stream, and the watcher.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <thread>

#include "local/answers.h"
#include "serve/security.h"
#include "serve/server.h"
#include "serve/watcher.h"
#include "serve/workspace.h"
#include "support/test_support.h"
#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;
using namespace okgen;

namespace {

// A copy of content/dalarna with its regional agreement and two local ones.
fs::path make_content(const std::string& name) {
  const fs::path dir = test::temp_dir(name) / "content";
  fs::create_directories(dir / "dalarna/local");
  const fs::path src = test::source_dir() / "content/dalarna";
  fs::copy_file(src / "regional.xml", dir / "dalarna/regional.xml");
  for (const char* f : {"avesta.xml", "falun.xml"}) fs::copy_file(src / "local" / f, dir / "dalarna/local" / f);
  return dir;
}

struct Running {
  serve::Workspace ws;
  serve::Server server;
  std::thread thread;
  Running(const fs::path& content, serve::ServerOptions options = {"127.0.0.1", 0, ""})
      : ws(content, test::source_dir(), "sv", *util::Date::parse("2026-11-23")), server((ws.load_all(), ws), options) {
    std::string error;
    REQUIRE(server.bind(error));
    thread = std::thread([this] { server.run(); });
  }
  ~Running() {
    server.stop();
    thread.join();
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", server.port());
    c.set_connection_timeout(2);
    c.set_read_timeout(5);
    return c;
  }
};

// A TCP connection to the server on this computer, or -1.
int connect_local(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Sends `request` as it is and returns the status code of the answer (0: no answer).
int raw_status(int port, const std::string& request) {
  const int fd = connect_local(port);
  if (fd < 0) return 0;
  [[maybe_unused]] auto w = write(fd, request.data(), request.size());
  char buf[64] = {};
  const ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n < 12) return 0;
  return std::atoi(buf + 9);  // "HTTP/1.1 404 ..."
}

// Sends each request on one connection, as a browser reuses it: the next one after the
// answer to the previous has arrived. Returns the status of every answer (0: none).
std::vector<int> statuses_on_one_connection(int port, const std::vector<std::string>& requests) {
  std::vector<int> out;
  const int fd = connect_local(port);
  if (fd < 0) return out;
  timeval tv{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  for (const auto& request : requests) {
    // Head and body in two packets, as browsers send a form: a server that answered
    // before reading the body would find the body where the next request should be.
    const size_t head = request.find("\r\n\r\n") + 4;
    [[maybe_unused]] auto w = write(fd, request.data(), head);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (head < request.size()) w = write(fd, request.data() + head, request.size() - head);
    std::string got;
    char buf[4096];
    int status = 0;
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) {
      got.append(buf, static_cast<size_t>(n));
      const size_t head_end = got.find("\r\n\r\n");
      const size_t length_at = got.find("Content-Length: ");
      if (head_end == std::string::npos || length_at == std::string::npos) continue;
      if (got.size() >= head_end + 4 + std::stoul(got.substr(length_at + 16))) {
        status = std::atoi(got.c_str() + 9);
        break;
      }
    }
    out.push_back(status);
  }
  close(fd);
  return out;
}

std::string get_request(const std::string& path, int port) {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\nConnection: close\r\n\r\n";
}

std::string file_text(const fs::path& p) { return test::read(p); }

}  // namespace

TEST_CASE("serve: request checks in isolation", "[serve]") {
  CHECK(serve::agreement_key("dalarna/local/falun.xml") == std::optional<std::string>("dalarna/local/falun.xml"));
  for (const char* bad : {"../etc/passwd", "dalarna/../../x.xml", "/etc/passwd", "dalarna//regional.xml", "./x.xml",
                          "a\\b.xml", "c:/x.xml", "", "a/\n.xml"}) {
    INFO(bad);
    CHECK_FALSE(serve::agreement_key(bad));
  }
  const auto allowed = serve::allowed_hosts("127.0.0.1", 8420);
  CHECK(serve::host_allowed("127.0.0.1:8420", allowed));
  CHECK(serve::host_allowed("LOCALHOST:8420", allowed));
  CHECK_FALSE(serve::host_allowed("127.0.0.1:8421", allowed));
  CHECK_FALSE(serve::host_allowed("attacker.example:8420", allowed));  // DNS rebinding
  CHECK_FALSE(serve::host_allowed("", allowed));
  CHECK_FALSE(serve::host_allowed("localhost:8420", serve::allowed_hosts("192.168.1.5", 8420)));
  CHECK(serve::same_secret("abc", "abc"));
  CHECK_FALSE(serve::same_secret("abc", "abd"));
  CHECK_FALSE(serve::same_secret("abc", "ab"));
  const auto t1 = serve::random_token(), t2 = serve::random_token();
  CHECK(t1.size() == 32);
  CHECK(t1 != t2);
  CHECK(serve::content_security_policy().find("script-src 'self';") != std::string::npos);
}

TEST_CASE("serve: pages answer, odd paths reach nothing", "[serve]") {
  const fs::path content = make_content("serve-paths");
  // A link inside the content folder to an agreement outside it is not served.
  const fs::path outside = content.parent_path() / "outside";
  fs::create_directories(outside);
  fs::copy_file(test::source_dir() / "content/dalarna/regional.xml", outside / "secret.xml");
  fs::create_symlink(outside / "secret.xml", content / "dalarna/secret.xml");
  Running r(content);
  auto c = r.client();
  auto res = c.Get("/");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->get_header_value("Content-Security-Policy") == serve::content_security_policy());
  CHECK(res->body.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(res->body.find("dalarna/local/falun.xml") != std::string::npos);
  CHECK(res->body.find("secret.xml") == std::string::npos);
  for (const char* path : {"/preview/dalarna/regional.xml", "/check/dalarna/regional.xml", "/questions/dalarna/local/avesta.xml",
                           "/init", "/diff/dalarna/regional.xml", "/check/dalarna/regional.xml?niva=warning&regel=lix-high"}) {
    INFO(path);
    CHECK(raw_status(r.server.port(), get_request(path, r.server.port())) == 200);
  }
  const int port = r.server.port();
  for (const char* path : {"/preview/../../../etc/passwd", "/preview/%2e%2e/%2e%2e/etc/passwd", "/preview/dalarna%2f..%2f..%2fx.xml",
                           "/preview/dalarna/secret.xml", "/preview//etc/passwd", "/preview/dalarna/regional.xml%00.html",
                           "/pdf/..%5c..%5cetc%5cpasswd", "/questions/dalarna/regional.xml", "/nothing-here",
                           "/_okgen/../../CMakeLists.txt"}) {
    INFO(path);
    const int status = raw_status(port, get_request(path, port));
    CHECK((status == 404 || status == 400));
  }
  // A request without a Host header, or with someone else's, is refused.
  CHECK(raw_status(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n") == 421);
  CHECK(raw_status(port, "GET / HTTP/1.1\r\nHost: rebind.example:" + std::to_string(port) + "\r\nConnection: close\r\n\r\n") == 421);
  // The PDF is built on demand.
  auto pdf = c.Get("/pdf/dalarna/regional.xml");
  REQUIRE(pdf);
  CHECK(pdf->status == 200);
  CHECK(pdf->body.rfind("%PDF-", 0) == 0);
}

TEST_CASE("serve: an access token off loopback, checked on every request", "[serve]") {
  const fs::path content = make_content("serve-token");
  {
    serve::Workspace ws(content, test::source_dir(), "sv", *util::Date::parse("2026-11-23"));
    serve::Server open_to_all(ws, {"0.0.0.0", 0, ""});
    std::string error;
    CHECK_FALSE(open_to_all.bind(error));  // another address needs --token
    CHECK(error.find("--token") != std::string::npos);
  }
  Running r(content, {"127.0.0.1", 0, "s3cret-token-0123456789abcdef012"});
  auto c = r.client();
  CHECK(c.Get("/")->status == 401);
  CHECK(c.Get("/?token=wrong")->status == 401);
  auto in = c.Get("/?token=s3cret-token-0123456789abcdef012");
  REQUIRE(in);
  CHECK(in->status == 303);
  const std::string cookie = in->get_header_value("Set-Cookie");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(c.Get("/", {{"Cookie", "okgen_token=s3cret-token-0123456789abcdef012"}})->status == 200);
  CHECK(c.Get("/", {{"Cookie", "okgen_token=s3cret-token-0123456789abcdef013"}})->status == 401);
}

TEST_CASE("serve: answers are written into the local file, refused without CSRF or over a newer file", "[serve]") {
  const fs::path content = make_content("serve-write");
  const fs::path file = content / "dalarna/local/avesta.xml";
  Running r(content);
  auto c = r.client();
  const std::string before = file_text(file);
  const auto questions = local::open_questions(before);
  REQUIRE(questions.size() > 3);
  const std::string hash = serve::hash_text(before);
  const std::string url = "/questions/dalarna/local/avesta.xml";

  SECTION("no CSRF token, a wrong one, or another origin: 403, nothing written") {
    CHECK(c.Post(url.c_str(), httplib::Params{{"hash", hash}, {"svar-0", "Svar."}})->status == 403);
    CHECK(c.Post(url.c_str(), httplib::Params{{"csrf", "0000"}, {"hash", hash}, {"svar-0", "Svar."}})->status == 403);
    CHECK(c.Post(url.c_str(), httplib::Headers{{"Origin", "http://evil.example"}},
                 httplib::Params{{"csrf", r.server.csrf_token()}, {"hash", hash}, {"svar-0", "Svar."}})->status == 403);
    // A sandboxed page or a file: URL sends "Origin: null".
    CHECK(c.Post(url.c_str(), httplib::Headers{{"Origin", "null"}},
                 httplib::Params{{"csrf", r.server.csrf_token()}, {"hash", hash}, {"svar-0", "Svar."}})->status == 403);
    CHECK(file_text(file) == before);
  }
  SECTION("a refused form leaves the browser's connection usable") {
    // The browser keeps the connection open: a refusal before the body was read would
    // leave it in the stream and break the next request.
    const std::string host = "Host: 127.0.0.1:" + std::to_string(r.server.port()) + "\r\n";
    const std::string body = "csrf=" + r.server.csrf_token() + "&hash=" + hash + "&svar-0=Svar.";
    const std::string post = "POST " + url + " HTTP/1.1\r\n" + host +
                             "Origin: http://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                             "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    const std::string then_get = "GET / HTTP/1.1\r\n" + host + "\r\n";
    CHECK(statuses_on_one_connection(r.server.port(), {post, then_get}) == std::vector<int>{403, 200});
    CHECK(file_text(file) == before);
  }
  SECTION("the workspace's own page as Origin is accepted") {
    const std::string origin = "http://127.0.0.1:" + std::to_string(r.server.port());
    auto res = c.Post(url.c_str(), httplib::Headers{{"Origin", origin}},
                      httplib::Params{{"csrf", r.server.csrf_token()}, {"hash", hash}, {"svar-1", "Svar från sidan."}});
    REQUIRE(res);
    CHECK(res->status == 303);
    CHECK(file_text(file).find("Svar från sidan.") != std::string::npos);
  }
  SECTION("a body over 1 MiB: 413, nothing written") {
    const std::string huge(2 * 1024 * 1024, 'a');
    auto res = c.Post(url.c_str(), "csrf=" + r.server.csrf_token() + "&hash=" + hash + "&svar-0=" + huge,
                      "application/x-www-form-urlencoded");
    if (res) CHECK(res->status == 413);  // or the connection is closed before the body is read
    CHECK(file_text(file) == before);
  }
  SECTION("a saved answer is the same XML an editor would give, and the workspace is rebuilt") {
    const int prompts_before = static_cast<int>(questions.size());
    auto res = c.Post(url.c_str(), httplib::Params{{"csrf", r.server.csrf_token()}, {"hash", hash},
                                                   {"svar-1", "Samordnaren i Avesta & Region Dalarna."}, {"svar-3", ""}});
    REQUIRE(res);
    CHECK(res->status == 303);
    CHECK(res->get_header_value("Location") == url + "?klart=sparat");
    const std::string after = file_text(file);
    CHECK(after == *local::apply_answers(before, {{1, "Samordnaren i Avesta & Region Dalarna."}}));
    CHECK(static_cast<int>(local::open_questions(after).size()) == prompts_before - 1);
    const auto e = r.ws.entry("dalarna/local/avesta.xml");
    REQUIRE(e);
    CHECK(e->file_hash == serve::hash_text(after));
    CHECK(c.Get((url + "?klart=sparat").c_str())->body.find("Svaren är sparade") != std::string::npos);
  }
  SECTION("the file changed on disk since the form was opened: 409, the other edit kept") {
    const std::string edited = before + "<!-- ändrad i en texteditor -->\n";
    util::write_file_atomic(file, edited);
    auto res = c.Post(url.c_str(), httplib::Params{{"csrf", r.server.csrf_token()}, {"hash", hash}, {"svar-0", "Mitt svar."}});
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(res->body.find("Mitt svar.") != std::string::npos);           // the answer, to copy
    CHECK(res->body.find("ändrad i en texteditor") != std::string::npos);  // and the file as it is
    CHECK(file_text(file) == edited);
  }
  SECTION("an answer that would make the file invalid is refused with the reason") {
    // Bytes that are not UTF-8 (a hostile or broken client): the file would no longer load.
    auto res = c.Post(url.c_str(), "csrf=" + r.server.csrf_token() + "&hash=" + hash + "&svar-0=Svar+%FF%FE+h%C3%A4r",
                      "application/x-www-form-urlencoded");
    REQUIRE(res);
    CHECK(res->status == 422);
    CHECK(res->body.find("Svaren sparades inte") != std::string::npos);
    CHECK(res->body.find("avesta.xml:") != std::string::npos);  // where, with the message
    CHECK(file_text(file) == before);
  }
  SECTION("local text for a regional section open to it") {
    const auto q = c.Get(url.c_str());
    REQUIRE(q);
    REQUIRE(q->body.find("name=\"tillagg-boende\"") != std::string::npos);
    auto res = c.Post(url.c_str(), httplib::Params{{"csrf", r.server.csrf_token()}, {"hash", hash},
                                                   {"tillagg-boende", "Avesta har ett eget stödboende."}});
    REQUIRE(res);
    CHECK(res->status == 303);
    const std::string after = file_text(file);
    CHECK(after.find("<local-section ref=\"boende\" action=\"extend\" based-on=\"") != std::string::npos);
    CHECK(after.find("<body>Avesta har ett eget stödboende.</body>") != std::string::npos);
    const auto e = r.ws.entry("dalarna/local/avesta.xml");
    REQUIRE(e);
    CHECK(e->result.errors == 0);
    CHECK(e->html.find("Avesta har ett eget stödboende.") != std::string::npos);
  }
}

TEST_CASE("serve: a broken file shows its errors, the last good preview stays", "[serve]") {
  const fs::path content = make_content("serve-broken");
  const fs::path file = content / "dalarna/regional.xml";
  Running r(content);
  auto c = r.client();
  const std::string good = file_text(file);
  std::string broken = good;
  broken.replace(broken.find("<heading>"), 9, "<heading><oops>");
  util::write_file_atomic(file, broken);
  const auto keys = r.ws.changed({file});
  // The regional agreement and its local agreements are rebuilt.
  CHECK(std::find(keys.begin(), keys.end(), "dalarna/regional.xml") != keys.end());
  CHECK(std::find(keys.begin(), keys.end(), "dalarna/local/falun.xml") != keys.end());
  auto res = c.Get("/preview/dalarna/regional.xml");
  REQUIRE(res);
  CHECK(res->body.find("kan inte visas just nu") != std::string::npos);
  CHECK(res->body.find("regional.xml:") != std::string::npos);
  CHECK(res->body.find("?senaste=1") != std::string::npos);
  auto last = c.Get("/preview/dalarna/regional.xml?senaste=1");
  REQUIRE(last);
  CHECK(last->body.find("Senaste fungerande förhandsvisning") != std::string::npos);
  CHECK(c.Get("/pdf/dalarna/regional.xml")->status == 409);
  util::write_file_atomic(file, good);
  r.ws.changed({file});
  CHECK(r.ws.entry("dalarna/regional.xml")->current);
}

TEST_CASE("serve: 100 concurrent requests while a file keeps changing", "[serve]") {
  const fs::path content = make_content("serve-load");
  const fs::path file = content / "dalarna/local/falun.xml";
  Running r(content);
  const std::string original = file_text(file);
  std::atomic<bool> done{false};
  std::thread writer([&] {
    for (int i = 0; !done; ++i) {
      util::write_file_atomic(file, original + "<!-- " + std::to_string(i) + " -->\n");
      r.ws.changed({file});
    }
  });
  std::atomic<int> ok{0}, bad{0};
  std::mutex failures_mutex;
  std::vector<std::string> failures;
  std::vector<std::thread> clients;
  const char* paths[] = {"/", "/preview/dalarna/local/falun.xml", "/check/dalarna/local/falun.xml",
                         "/questions/dalarna/local/falun.xml", "/preview/dalarna/regional.xml"};
  for (int i = 0; i < 100; ++i) {
    clients.emplace_back([&, i] {
      auto c = r.client();
      auto res = c.Get(paths[i % 5]);
      if (res && res->status == 200) {
        ++ok;
      } else {
        ++bad;
        std::lock_guard<std::mutex> lock(failures_mutex);  // Catch's macros are not for threads
        failures.push_back(std::to_string(i) + ": " + (res ? std::to_string(res->status) : httplib::to_string(res.error())));
      }
    });
  }
  for (auto& t : clients) t.join();
  done = true;
  writer.join();
  INFO(util::join(failures, "\n"));
  CHECK(ok == 100);
  CHECK(bad == 0);
}

TEST_CASE("serve: the event stream tells which agreements were rebuilt", "[serve]") {
  const fs::path content = make_content("serve-events");
  const fs::path file = content / "dalarna/local/falun.xml";
  Running r(content);
  std::string received;
  std::atomic<bool> got{false};
  std::thread listener([&] {
    auto c = r.client();
    c.Get("/events", [&](const char* data, std::size_t n) {
      received.append(data, n);
      if (received.find("event: change") != std::string::npos && received.find("\n\n", received.find("event: change")) != std::string::npos) {
        got = true;
        return false;
      }
      return true;
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  util::write_file_atomic(file, file_text(file) + "<!-- sparad -->\n");
  r.ws.changed({file});
  for (int i = 0; i < 50 && !got; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(got);
  listener.join();
  CHECK(received.find("event: hello") != std::string::npos);
  CHECK(received.find("\"keys\":[\"dalarna/local/falun.xml\"]") != std::string::npos);
}

TEST_CASE("serve: the watcher reports saves, with inotify and by polling", "[serve]") {
  for (bool poll : {false, true}) {
    INFO((poll ? "polling" : "inotify"));
    const fs::path dir = test::temp_dir(poll ? "watch-poll" : "watch-inotify");
    fs::create_directories(dir / "a");
    std::mutex m;
    std::vector<fs::path> seen;
    serve::Watcher w({dir}, [&](const std::vector<fs::path>& changed) {
      std::lock_guard<std::mutex> lock(m);
      seen.insert(seen.end(), changed.begin(), changed.end());
    }, poll);
    CHECK(w.uses_inotify() == !poll);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    util::write_file_atomic(dir / "a/x.xml", "<x/>");  // temp file + rename, as editors save
    fs::create_directories(dir / "b");                  // a new folder is watched too
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    util::write_file_atomic(dir / "b/y.md", "text");
    bool found = false;
    for (int i = 0; i < 100 && !found; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      std::lock_guard<std::mutex> lock(m);
      const bool x = std::find(seen.begin(), seen.end(), dir / "a/x.xml") != seen.end();
      const bool y = std::find(seen.begin(), seen.end(), dir / "b/y.md") != seen.end();
      found = x && y;
    }
    CHECK(found);
    std::lock_guard<std::mutex> lock(m);
    for (const auto& p : seen) CHECK(p.filename().string().rfind(".", 0) != 0);  // no temp files
  }
}

TEST_CASE("serve: a regional save is published before its local agreements are rebuilt", "[serve]") {
  // The author looking at the regional agreement should not wait for its fifteen local ones.
  const fs::path content = make_content("serve-rounds");
  fs::create_directories(content / "ostergotland");
  fs::copy_file(test::source_dir() / "content/ostergotland/regional.xml", content / "ostergotland/regional.xml");
  serve::Workspace ws(content, test::source_dir(), "sv", *util::Date::parse("2026-11-23"));
  ws.load_all();
  const fs::path regional = content / "dalarna/regional.xml";
  const auto locals_before = ws.entry("dalarna/local/avesta.xml");
  REQUIRE(locals_before);
  std::uint64_t seen = ws.generation();
  util::write_file_atomic(regional, file_text(regional) + "<!-- sparad -->\n");
  const auto keys = ws.changed({regional});
  CHECK(std::find(keys.begin(), keys.end(), "dalarna/local/avesta.xml") != keys.end());
  CHECK(ws.generation() == seen + 2);  // two rounds
  std::uint64_t after_first = seen + 1;
  // The history holds both rounds: the first names the regional agreement only.
  std::uint64_t probe = seen;
  const auto both = ws.wait_for_change(probe, std::chrono::milliseconds(0));
  CHECK(std::find(both.begin(), both.end(), "dalarna/regional.xml") != both.end());
  CHECK(std::find(both.begin(), both.end(), "dalarna/local/avesta.xml") != both.end());
  const auto second = ws.wait_for_change(after_first, std::chrono::milliseconds(0));
  CHECK(std::find(second.begin(), second.end(), "dalarna/regional.xml") == second.end());
  CHECK(std::find(second.begin(), second.end(), "dalarna/local/avesta.xml") != second.end());
  // Nothing else in the content folder was rebuilt (Östergötland's agreement keeps its entry).
  const auto other = ws.entry("ostergotland/regional.xml");
  REQUIRE(other);
  CHECK(other->generation <= seen);
  CHECK(ws.entry("dalarna/local/avesta.xml")->generation == seen + 2);
}

TEST_CASE("serve: a local agreement's own document and its consolidated version, side by side", "[serve]") {
  Running r(make_content("serve-forms"));
  auto c = r.client();
  const auto own = c.Get("/preview/dalarna/local/falun.xml");
  REQUIRE(own);
  CHECK(own->status == 200);
  CHECK(own->body.find("Lokal text till den regionala överenskommelsens avsnitt") != std::string::npos);
  CHECK(own->body.find("href=\"../regional.html#sip\"") != std::string::npos);
  CHECK(own->body.find("href=\"/forms/dalarna/local/falun.xml\"") != std::string::npos);  // in the bar
  const auto consolidated = c.Get("/preview/dalarna/local/falun.xml?form=konsoliderad");
  REQUIRE(consolidated);
  CHECK(consolidated->body.find("konsoliderad version") != std::string::npos);
  CHECK(consolidated->body.find("Regional text, gemensam för") != std::string::npos);
  const auto both = c.Get("/forms/dalarna/local/falun.xml");
  REQUIRE(both);
  CHECK(both->status == 200);
  CHECK(both->body.find("<iframe src=\"/preview/dalarna/local/falun.xml\"") != std::string::npos);
  CHECK(both->body.find("<iframe src=\"/preview/dalarna/local/falun.xml?form=konsoliderad\"") != std::string::npos);
  CHECK(both->get_header_value("X-Frame-Options") == "SAMEORIGIN");
  // The own document's link to the regional page finds it in the workspace.
  const auto link = c.Get("/preview/dalarna/regional.html");
  REQUIRE(link);
  CHECK(link->status == 303);
  CHECK(link->get_header_value("Location") == "/preview/dalarna/regional.xml");
  CHECK(c.Get("/forms/dalarna/regional.xml")->status == 404);  // one form only
  // The check page links a local agreement's sections into the consolidated version.
  const auto check = c.Get("/check/dalarna/local/avesta.xml");  // its open questions, by section
  REQUIRE(check);
  CHECK(check->body.find("/preview/dalarna/local/avesta.xml?form=konsoliderad#") != std::string::npos);
  // Also where the evidence for an area is regional text, read beside the local file.
  const auto coverage = c.Get("/check/dalarna/local/falun.xml");
  REQUIRE(coverage);
  CHECK(coverage->body.find("/preview/dalarna/local/falun.xml?form=konsoliderad#") != std::string::npos);
}
