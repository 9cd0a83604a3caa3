// The workspace server's request checks, kept apart from HTTP so each can be tested alone:
// which Host headers are ours (DNS rebinding), secrets compared in constant time, random
// tokens, the Content-Security-Policy, and what a URL may name.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace okgen::serve {

/// 32 hex digits from the kernel's random source (getrandom).
std::string random_token();

/// True when `a` equals `b`, taking the same time wherever they differ.
bool same_secret(const std::string& a, const std::string& b);

/// The Host header values a server bound to `host`:`port` answers: that address, and on a
/// loopback address also "localhost", "127.0.0.1" and "[::1]" with the port. A name that
/// points at the server only through someone's DNS (rebinding) is not among them.
std::vector<std::string> allowed_hosts(const std::string& host, int port);
bool host_allowed(const std::string& host_header, const std::vector<std::string>& allowed);

/// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback(const std::string& host);

/// The Content-Security-Policy of every answer: scripts only from the server itself (no
/// inline script), styles from the server and the agreement pages' own <style>, nothing
/// from elsewhere, no framing by other sites, forms only to the server.
const std::string& content_security_policy();

/// The agreement key a URL path names after its prefix ("dalarna/local/falun.xml"), or nullopt
/// for anything that could mean another file: "..", ".", empty segments, backslashes, control
/// characters, a leading '/'. (A key is then looked up among the agreements found; this check
/// only keeps odd paths from reaching even that lookup.)
std::optional<std::string> agreement_key(const std::string& path_rest);

}  // namespace okgen::serve
