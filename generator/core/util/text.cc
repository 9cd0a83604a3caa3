// Text helpers.
#include "util/text.h"

#include <algorithm>
#include <cctype>

namespace okgen::util {

std::string_view trim(std::string_view s) {
  const char* ws = " \t\r\n";
  auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(ws);
  return s.substr(b, e - b + 1);
}

std::vector<std::string> split_ws(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r')) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string lower_sv(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      auto d = static_cast<unsigned char>(out[i + 1]);
      // U+00C0..U+00DE except U+00D7 (×): lower case is 0x20 higher, same lead byte.
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = static_cast<char>(d + 0x20);
      ++i;
    }
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  if (from.empty()) return;
  std::size_t pos = 0;
  while ((pos = s.find(from, pos)) != std::string::npos) {
    s.replace(pos, from.size(), to);
    pos += to.size();
  }
}

bool is_valid_utf8(std::string_view s, std::size_t* bad_offset) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    if (i + len > n) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

Dedented dedent(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (;;) {
    auto pos = s.find('\n', start);
    std::string_view line = s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  auto blank = [](std::string_view l) { return trim(l).empty(); };
  Dedented out;
  std::size_t first = 0;
  while (first < lines.size() && blank(lines[first])) ++first;
  std::size_t last = lines.size();
  while (last > first && blank(lines[last - 1])) --last;
  out.dropped_lines = static_cast<int>(first);
  if (first == last) return out;

  // The first line often follows the opening tag directly ("<body>Text ..."): it then has no
  // indentation of its own and must not force the common indentation to zero.
  std::string_view prefix;
  bool have_prefix = false;
  for (std::size_t i = first; i < last; ++i) {
    if (blank(lines[i])) continue;
    std::string_view l = lines[i];
    std::size_t w = 0;
    while (w < l.size() && (l[w] == ' ' || l[w] == '\t')) ++w;
    if (i == first && first == 0 && w == 0 && last - first > 1) continue;
    std::string_view lead = l.substr(0, w);
    if (!have_prefix) {
      prefix = lead;
      have_prefix = true;
    } else {
      std::size_t k = 0;
      while (k < prefix.size() && k < lead.size() && prefix[k] == lead[k]) ++k;
      prefix = prefix.substr(0, k);
    }
  }
  for (std::size_t i = first; i < last; ++i) {
    std::string_view l = lines[i];
    int removed = 0;
    if (starts_with(l, prefix)) {
      l.remove_prefix(prefix.size());
      removed = static_cast<int>(prefix.size());
    } else if (trim(l).empty()) {
      l = std::string_view();
    }
    out.removed.push_back(removed);
    out.text.append(l);
    out.text.push_back('\n');
  }
  return out;
}

std::string shorten(std::string_view s, std::size_t max_bytes) {
  std::string flat;
  for (const auto& w : split_ws(s)) flat += (flat.empty() ? "" : " ") + w;
  if (flat.size() <= max_bytes) return flat;
  std::size_t cut = flat.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut == 0) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;
  }
  return flat.substr(0, cut) + " …";
}

int word_count(std::string_view s) {
  int n = 0;
  bool in = false;
  for (unsigned char c : s) {
    const bool letter = std::isalnum(c) || c >= 0x80;
    if (letter && !in) ++n;
    in = letter;
  }
  return n;
}

bool lead_in(std::string_view line) {
  const std::string_view t = trim(line);
  return word_count(t) > 0 && t.back() != '.' && t.back() != '!' && t.back() != '?';
}

std::size_t tag_end(std::string_view xml, std::size_t from) {
  char quote = 0;
  for (std::size_t j = from; j < xml.size(); ++j) {
    const char c = xml[j];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return j;
    }
  }
  return std::string_view::npos;
}

}  // namespace okgen::util
