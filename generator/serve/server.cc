// The workspace server: routes and request checks (see server.h).
#include "server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <sys/socket.h>

#include <algorithm>
#include <sstream>

#include "diff/agreement_diff.h"
#include "diff/versions.h"
#include "load/agreement_loader.h"
#include "local/answers.h"
#include "local/init.h"
#include "local/status.h"
#include "model/fingerprint.h"
#include "model/walk.h"
#include "pages.h"
#include "render/report/diff_report.h"
#include "security.h"
#include "text/catalog.h"
#include "util/fs.h"
#include "util/git.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::serve {
namespace {

// Takes "br" out of the request's Accept-Encoding (see the pre-routing handler).
void without_brotli(httplib::Request& req) {
  auto it = req.headers.find("Accept-Encoding");
  if (it == req.headers.end()) return;
  std::string kept;
  for (const auto& part : util::split(it->second, ',')) {
    const std::string coding = part.substr(0, part.find(';'));  // trim() views into it
    const std::string_view name = util::trim(coding);
    if (name == "br") continue;
    if (!kept.empty()) kept += ", ";
    kept += std::string(util::trim(part));
  }
  it->second = kept;
}

constexpr std::size_t kMaxBody = 1024 * 1024;
constexpr const char* kHtml = "text/html; charset=utf-8";

std::string cookie(const httplib::Request& req, const std::string& name) {
  for (const auto& part : util::split(req.get_header_value("Cookie"), ';')) {
    const std::string p(util::trim(part));
    if (p.rfind(name + "=", 0) == 0) return p.substr(name.size() + 1);
  }
  return {};
}

std::string param(const httplib::Request& req, const std::string& name) {
  return req.has_param(name.c_str()) ? req.get_param_value(name.c_str()) : std::string();
}

// Findings of loading `text` as the agreement at `file`, errors only.
std::vector<Finding> load_errors(const fs::path& file, const std::string& text, const Workspace& ws,
                                 const Resources& res) {
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  load::load_agreement_text(file, text, res.load_options(ws.content_dir()), sink, sources);
  std::vector<Finding> out;
  for (const auto& d : sink.all()) {
    if (d.severity != diag::Severity::error) continue;
    Finding f;
    f.severity = "error";
    f.rule = d.rule;
    f.file = d.span.file;
    f.line = d.span.line;
    f.column = d.span.column;
    f.message = text::format_diagnostic(res.messages, d);
    if (const auto* map = sources.find(d.span.file); map && d.span.line > 0) f.source_line = std::string(map->line_text(d.span.line));
    out.push_back(std::move(f));
  }
  return out;
}

// The regional agreement of a local one, loaded for the questionnaire (its sections' text).
std::optional<model::Agreement> load_parent(const Entry& e, const Workspace& ws, const Resources& res) {
  if (e.result.parent_source.empty()) return std::nullopt;
  const fs::path parent = fs::absolute(e.result.parent_source);
  if (!util::is_inside(parent, ws.content_dir())) return std::nullopt;
  diag::DiagnosticSink quiet;
  diag::SourceRegistry scratch;
  return load::load_agreement(parent, res.load_options(ws.content_dir()), quiet, scratch);
}

Questionnaire make_questionnaire(const Entry& e, const std::string& xml, const Workspace& ws, const Resources& res) {
  Questionnaire q;
  q.questions = local::open_questions(xml);
  q.file_hash = hash_text(xml);
  const auto refs = local::local_section_refs(xml);
  if (auto parent = load_parent(e, ws, res)) {
    model::for_each_section(parent->sections, [&](const model::Section& s) {
      if (s.local == model::LocalPolicy::locked) return;
      q.regional_text[s.id] = s.number + " " + local::regional_text(s);
      if (s.local == model::LocalPolicy::slot || std::find(refs.begin(), refs.end(), s.id) != refs.end()) return;
      OpenSection o;
      o.id = s.id;
      o.number = s.number;
      o.heading = s.heading;
      o.action = s.local == model::LocalPolicy::replace ? "replace" : "extend";
      o.fingerprint = model::fingerprint(s);
      o.regional_text = local::regional_text(s);
      q.open_sections.push_back(std::move(o));
    });
  }
  return q;
}

}  // namespace

Server::Server(Workspace& ws, ServerOptions options)
    : ws_(ws), options_(std::move(options)), http_(std::make_unique<httplib::Server>()), csrf_(random_token()) {
  // Event streams hold a thread each while a page is open: room for many tabs.
  http_->new_task_queue = [] { return new httplib::ThreadPool(48); };
  http_->set_payload_max_length(kMaxBody);
  http_->set_read_timeout(10, 0);
  // An idle keep-alive connection holds a worker until it times out, and stop() waits for
  // the workers: a short timeout keeps Ctrl-C prompt.
  http_->set_keep_alive_timeout(1);
  http_->set_keep_alive_max_count(100);
  // SO_REUSEADDR only: httplib's default is SO_REUSEPORT, with which a second server on the
  // same port would start without a word and take half of the requests.
  http_->set_socket_options([this](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = sock;
  });
  routes();
}

Server::~Server() { stop(); }

bool Server::bind(std::string& error) {
  if (!is_loopback(options_.host) && options_.token.empty()) {
    error = "--host " + options_.host + " gör arbetsytan nåbar från andra datorer och kräver --token";
    return false;
  }
  port_ = options_.port == 0 ? http_->bind_to_any_port(options_.host) : (http_->bind_to_port(options_.host, options_.port) ? options_.port : -1);
  if (port_ < 0) {
    error = "kunde inte lyssna på " + options_.host + ":" + std::to_string(options_.port) +
            " (upptagen port eller okänd adress; välj en annan med --port)";
    return false;
  }
  allowed_hosts_ = allowed_hosts(options_.host, port_);
  // httplib listens with a backlog of 5: a page with its style, script and event stream,
  // or a burst of requests, would find connections refused. Listening again raises it.
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  return true;
}

void Server::run() { http_->listen_after_bind(); }

void Server::stop() {
  if (stopping_.exchange(true)) return;
  ws_.close();
  if (http_) http_->stop();
}

std::string Server::url() const {
  const bool v6 = options_.host.find(':') != std::string::npos;
  std::string u = "http://" + (v6 ? "[" + options_.host + "]" : options_.host) + ":" + std::to_string(port_) + "/";
  if (!options_.token.empty()) u += "?token=" + options_.token;
  return u;
}

void Server::routes() {
  auto& http = *http_;
  const fs::path assets = ws_.resources_root() / "templates" / "serve";

  auto info_for = [this](const std::string& live) {
    PageInfo i;
    i.csrf = csrf_;
    i.content_dir = util::display_path(ws_.content_dir());
    i.live_key = live;
    return i;
  };
  auto send_page = [](httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, kHtml);
  };
  auto not_found = [this, info_for, send_page](httplib::Response& res) {
    const auto r = ws_.resources();
    send_page(res, 404,
              message_page("Finns inte", "Det finns ingen överenskommelse med den adressen i arbetsytan.", *r, info_for("")));
  };

  // A form that did not come from this workspace (no or another CSRF token, another origin).
  auto refused_form = [info_for](const Resources& r) {
    return message_page("Formuläret kan inte tas emot",
                        "Formuläret kom inte från den här arbetsytan, eller arbetsytan har startats om sedan "
                        "sidan öppnades. Ladda om sidan och försök igen.",
                        r, info_for(""));
  };
  // Host, access token and (on writes) Origin. Requests with a body are checked in their
  // handler, after httplib has read the body: a refusal before that would leave the body
  // unread on a keep-alive connection and break the browser's next request.
  auto admitted = [this, info_for, send_page, refused_form](const httplib::Request& req, httplib::Response& res) {
    const auto r = ws_.resources();
    if (!host_allowed(req.get_header_value("Host"), allowed_hosts_)) {
      send_page(res, 421,
                message_page("Fel adress", "Arbetsytan svarar bara på den adress den startades med.", *r, info_for("")));
      return false;
    }
    if (!options_.token.empty()) {
      const std::string given = param(req, "token");
      if (!given.empty() && same_secret(given, options_.token) && req.method == "GET") {
        // Remember the token in a cookie and drop it from the address bar.
        res.set_header("Set-Cookie", "okgen_token=" + options_.token + "; HttpOnly; SameSite=Strict; Path=/");
        res.set_redirect(req.path, 303);
        return false;
      }
      if (!same_secret(cookie(req, "okgen_token"), options_.token)) {
        send_page(res, 401,
                  message_page("Åtkomstnyckel saknas", "Öppna adressen som okgen serve skrev ut, med ?token=.", *r,
                               info_for("")));
        return false;
      }
    }
    if (req.method == "POST") {
      // Browsers send Origin on every form POST; "null" (a sandboxed or file page) and
      // other sites are refused. A client that sends none still needs the CSRF token.
      const std::string origin = req.get_header_value("Origin");
      const bool origin_ok =
          origin.empty() || std::any_of(allowed_hosts_.begin(), allowed_hosts_.end(),
                                        [&](const std::string& h) { return origin == "http://" + h; });
      if (!origin_ok) {
        send_page(res, 403, refused_form(*r));
        return false;
      }
    }
    return true;
  };
  // The CSRF token travels in the form body: each POST handler asks first.
  auto form_allowed = [this, admitted, refused_form, send_page](const httplib::Request& req, httplib::Response& res) {
    if (!admitted(req, res)) return false;
    if (same_secret(param(req, "csrf"), csrf_)) return true;
    send_page(res, 403, refused_form(*ws_.resources()));
    return false;
  };

  // same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form
  // posts, and the Origin check could not tell the workspace's own forms from a stranger's.
  http.set_default_headers({{"Content-Security-Policy", content_security_policy()},
                            {"X-Content-Type-Options", "nosniff"},
                            {"Referrer-Policy", "same-origin"},
                            {"Cache-Control", "no-store"},
                            // Only the workspace's own page of a local agreement's two forms frames it.
                            {"X-Frame-Options", "SAMEORIGIN"}});

  http.set_pre_routing_handler([admitted](const httplib::Request& req, httplib::Response& res) {
    // httplib compresses with Brotli whenever a browser accepts it, at Brotli's slowest
    // quality: 90 ms for a 26-page preview, against 4 ms with gzip. Answers leave as gzip.
    // (The request is httplib's own, not const: the handler type only promises not to change it.)
    without_brotli(const_cast<httplib::Request&>(req));
    if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH") return httplib::Server::HandlerResponse::Unhandled;
    return admitted(req, res) ? httplib::Server::HandlerResponse::Unhandled : httplib::Server::HandlerResponse::Handled;
  });
  http.set_error_handler([this, info_for, send_page](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    const auto r = ws_.resources();
    const std::string text = res.status == 413 ? "Det som skickades är för stort (högst 1 MiB)."
                             : res.status == 404 ? "Sidan finns inte."
                                                 : "Begäran kunde inte tas emot.";
    send_page(res, res.status, message_page("Kan inte visas", text, *r, info_for("")));
  });
  http.set_exception_handler([this, info_for, send_page](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    const auto r = ws_.resources();
    send_page(res, 500, message_page("Internt fel", "okgen kunde inte visa sidan (rapportera gärna felet).", *r, info_for("")));
  });

  // Static assets of the workspace itself.
  http.Get("/_okgen/(live\\.js|serve\\.css)", [assets](const httplib::Request& req, httplib::Response& res) {
    std::string body;
    if (util::read_file(assets / req.matches[1].str(), body) != util::ReadStatus::ok) {
      res.status = 404;
      return;
    }
    res.set_content(body, req.matches[1].str() == "live.js" ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
  });

  http.Get("/", [this, info_for, send_page](const httplib::Request&, httplib::Response& res) {
    const auto r = ws_.resources();
    send_page(res, 200, overview_page(ws_.entries(), *r, info_for("*")));
  });

  // Server-Sent Events: one "change" event per rebuild, with the keys it touched.
  http.Get("/events", [this](const httplib::Request&, httplib::Response& res) {
    auto seen = std::make_shared<std::uint64_t>(ws_.generation());
    auto first = std::make_shared<bool>(true);
    res.set_chunked_content_provider("text/event-stream", [this, seen, first](std::size_t, httplib::DataSink& sink) {
      if (stopping_) return false;
      if (*first) {
        *first = false;
        const std::string hello = "retry: 1000\nevent: hello\ndata: " + std::to_string(*seen) + "\n\n";
        return sink.write(hello.data(), hello.size());
      }
      const auto keys = ws_.wait_for_change(*seen, std::chrono::seconds(15));
      if (stopping_) return false;
      std::string msg;
      if (keys.empty()) {
        msg = ": ping\n\n";  // keeps proxies and the browser from closing a quiet stream
      } else {
        const nlohmann::json data = {{"generation", *seen}, {"keys", keys}};
        msg = "event: change\ndata: " + data.dump() + "\n\n";
      }
      return sink.write(msg.data(), msg.size());
    });
  });

  http.Get("/preview/(.+)", [this, info_for, send_page, not_found](const httplib::Request& req, httplib::Response& res) {
    auto key = agreement_key(req.matches[1].str());
    // A local agreement's own document links to the regional page as it is published
    // ("../regional.html#4-1"): the same agreement in the workspace.
    if (key && util::ends_with(*key, ".html")) {
      const std::string xml = key->substr(0, key->size() - 5) + ".xml";
      if (ws_.entry(xml)) return res.set_redirect("/preview/" + url_path(xml), 303);
    }
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e) return not_found(res);
    const auto r = ws_.resources();
    const bool last_good = param(req, "senaste") == "1";
    const bool consolidated = param(req, "form") == "konsoliderad";
    if (e->current || (last_good && !e->html.empty())) {
      return send_page(res, 200, preview_page(*e, *r, !e->current, consolidated));
    }
    send_page(res, 200, problems_page(*e, *r, info_for(e->key)));
  });

  http.Get("/forms/(.+)", [this, info_for, send_page, not_found](const httplib::Request& req, httplib::Response& res) {
    const auto key = agreement_key(req.matches[1].str());
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e || e->consolidated_html.empty()) return not_found(res);
    send_page(res, 200, forms_page(*e, *ws_.resources(), info_for(e->key)));
  });

  http.Get("/pdf/(.+)", [this, info_for, send_page, not_found](const httplib::Request& req, httplib::Response& res) {
    const auto key = agreement_key(req.matches[1].str());
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e) return not_found(res);
    auto pdf = ws_.pdf(e->key);
    if (!pdf) {
      const auto r = ws_.resources();
      return send_page(res, 409, problems_page(*e, *r, info_for(e->key)));
    }
    res.set_content(*pdf, "application/pdf");
    const std::string name = fs::path(e->key).stem().string() + ".pdf";
    res.set_header("Content-Disposition", "inline; filename=\"" + name + "\"");
  });

  http.Get("/check/(.+)", [this, info_for, send_page, not_found](const httplib::Request& req, httplib::Response& res) {
    const auto key = agreement_key(req.matches[1].str());
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e) return not_found(res);
    const auto r = ws_.resources();
    std::string severity = param(req, "niva");
    if (severity != "error" && severity != "warning" && severity != "info") severity.clear();
    send_page(res, 200, check_page(*e, *r, info_for(e->key), severity, param(req, "regel")));
  });

  http.Get("/questions/(.+)", [this, info_for, send_page, not_found](const httplib::Request& req, httplib::Response& res) {
    const auto key = agreement_key(req.matches[1].str());
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e || e->result.kind != "local") return not_found(res);
    std::string xml;
    if (util::read_file(e->file, xml) != util::ReadStatus::ok) return not_found(res);
    const auto r = ws_.resources();
    Questionnaire q = make_questionnaire(*e, xml, ws_, *r);
    q.notice = param(req, "klart");
    send_page(res, 200, questionnaire_page(*e, q, *r, info_for("")));
  });

  http.Post("/questions/(.+)", [this, info_for, send_page, not_found, form_allowed](const httplib::Request& req,
                                                                                    httplib::Response& res) {
    if (!form_allowed(req, res)) return;
    const auto key = agreement_key(req.matches[1].str());
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e || e->result.kind != "local") return not_found(res);
    const auto r = ws_.resources();
    std::lock_guard<std::mutex> writing(ws_.write_mutex());
    std::string xml;
    if (util::read_file(e->file, xml) != util::ReadStatus::ok) return not_found(res);
    Questionnaire q = make_questionnaire(*e, xml, ws_, *r);

    std::vector<local::Answer> answers;
    std::vector<std::pair<std::string, std::string>> shown;  // question, answer (for a conflict)
    for (const auto& oq : q.questions) {
      const std::string a = param(req, "svar-" + std::to_string(oq.index));
      if (util::trim(a).empty()) continue;
      answers.push_back({oq.index, a});
      shown.emplace_back(oq.question, a);
    }
    std::vector<std::pair<const OpenSection*, std::string>> additions;
    for (const auto& s : q.open_sections) {
      const std::string t = param(req, "tillagg-" + s.id);
      if (util::trim(t).empty()) continue;
      additions.emplace_back(&s, t);
      shown.emplace_back(s.number + " " + s.heading, t);
    }
    // Someone changed the file since the form was opened: never write over their edit.
    if (param(req, "hash") != q.file_hash) {
      return send_page(res, 409, conflict_page(*e, xml, shown, *r, info_for("")));
    }
    auto updated = local::apply_answers(xml, answers);
    for (const auto& [s, t] : additions) {
      if (!updated) break;
      updated = local::add_local_section(*updated, s->id, "extend", s->fingerprint, t);
    }
    if (!updated) {
      q.errors = load_errors(e->file, xml, ws_, *r);
      return send_page(res, 422, questionnaire_page(*e, q, *r, info_for("")));
    }
    if (*updated == xml) {
      res.set_redirect("/questions/" + url_path(e->key) + "?klart=inget", 303);
      return;
    }
    // The new file must load as well as the old one did; otherwise it is not written.
    const auto before = load_errors(e->file, xml, ws_, *r);
    auto after = load_errors(e->file, *updated, ws_, *r);
    if (after.size() > before.size()) {
      q.errors = std::move(after);
      for (const auto& a : answers) q.kept_answers[a.index] = a.text;
      return send_page(res, 422, questionnaire_page(*e, q, *r, info_for("")));
    }
    util::rewrite_file_atomic(e->file, *updated);
    ws_.changed({e->file});  // now, so the page that follows shows the new state
    res.set_redirect("/questions/" + url_path(e->key) + "?klart=sparat", 303);
  });

  http.Get("/init", [this, info_for, send_page](const httplib::Request& req, httplib::Response& res) {
    const auto r = ws_.resources();
    send_page(res, 200, init_page(ws_.entries(), param(req, "region"), {}, *r, info_for("")));
  });

  http.Post("/init", [this, info_for, send_page, form_allowed](const httplib::Request& req, httplib::Response& res) {
    if (!form_allowed(req, res)) return;
    const auto r = ws_.resources();
    std::lock_guard<std::mutex> writing(ws_.write_mutex());
    local::InitOptions io;
    io.region = param(req, "region");
    io.municipalities = {param(req, "municipality")};
    io.content_dir = ws_.content_dir();
    io.today = ws_.as_of();
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const auto result = local::init_local(io, *r, sink, sources);
    if (result.written.empty()) {
      std::vector<Finding> errors;
      for (const auto& d : sink.all()) {
        Finding f;
        f.message = text::format_diagnostic(r->messages, d);
        errors.push_back(std::move(f));
      }
      if (errors.empty()) errors.push_back(Finding{"error", "", "", 0, 0, "Filen finns redan.", "", "", ""});
      return send_page(res, 422, init_page(ws_.entries(), io.region, errors, *r, info_for("")));
    }
    ws_.changed(result.written);
    const std::string key = fs::absolute(result.written.front()).lexically_normal().lexically_relative(ws_.content_dir()).generic_string();
    res.set_redirect("/questions/" + url_path(key), 303);
  });

  http.Get("/diff/(.+)", [this, info_for, send_page, not_found](const httplib::Request& req, httplib::Response& res) {
    const auto key = agreement_key(req.matches[1].str());
    const auto e = key ? ws_.entry(*key) : nullptr;
    if (!e) return not_found(res);
    const auto r = ws_.resources();
    // The commits that touched the file (newest first); only these can be asked for.
    std::vector<std::pair<std::string, std::string>> commits;
    std::string problem;
    const auto top = util::git_toplevel(e->file.parent_path(), &problem);
    if (util::starts_with(problem, "@")) problem = r->messages.get("phrases", problem.substr(1));  // "@git.missing"
    if (top) {
      const std::string rel = fs::weakly_canonical(e->file).lexically_relative(fs::weakly_canonical(*top)).generic_string();
      auto log = util::run_git({"log", "-n", "50", "--format=%H%x09%ad%x09%s", "--date=short", "--end-of-options", "HEAD", "--", rel},
                               *top);
      if (log.exit_code != 0) problem = std::string(util::trim(log.err));
      for (const auto& line : util::split(log.out, '\n')) {
        const auto parts = util::split(line, '\t');
        if (parts.size() < 3 || parts[0].size() != 40) continue;
        commits.emplace_back(parts[0], parts[1] + " " + parts[0].substr(0, 8) + " – " + parts[2]);
      }
      if (commits.empty() && problem.empty()) problem = "Filen finns inte i någon incheckning ännu.";
    }
    const std::string rev = param(req, "rev");
    const bool known = std::any_of(commits.begin(), commits.end(), [&](const auto& c) { return c.first == rev; });
    if (rev.empty() || !known) {
      return send_page(res, rev.empty() ? 200 : 404, revisions_page(*e, commits, problem, *r, info_for("")));
    }
    diag::DiagnosticSink sink;
    diag::SourceRegistry sources;
    const auto lo = r->load_options(ws_.content_dir());
    auto old_a = diff::load_version(rev + ":" + e->file.string(), lo, sink, sources);
    auto new_a = load::load_agreement(e->file, lo, sink, sources);
    if (!old_a || !new_a || sink.has_errors()) {
      return send_page(res, 200, problems_page(*e, *r, info_for(e->key)));
    }
    const auto d = diff::diff_agreements(*old_a, *new_a, r->labels);
    send_page(res, 200, redline_page(*e, render::report::diff_html(d, *r), *r));
  });
}

}  // namespace okgen::serve
