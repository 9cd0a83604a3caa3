// The mstch adapter. mstch's one piece of writable global state is its escape function
// (`nm libmstch.a`: config::escape, and the constant null_node); it is set once, to a
// function that escapes as the calling thread's render asked, so renders on several
// threads (a batch's documents, the workspace's requests) run at once. Results are cached
// per thread (see render()).
#include "text/template_engine.h"

#include <mstch/mstch.hpp>

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::text {
namespace {

mstch::node to_mstch(const Value& value) {
  return std::visit(
      [](const auto& x) -> mstch::node {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return std::string();
        } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool>) {
          return x;
        } else if constexpr (std::is_same_v<T, Value::List>) {
          mstch::array a;
          for (const auto& item : x) a.push_back(to_mstch(item));
          return a;
        } else {
          mstch::map m;
          for (const auto& [k, v] : x) m.insert_or_assign(k, to_mstch(v));
          return m;
        }
      },
      value.v);
}

// How the current thread's render escapes values.
thread_local Escape current_escape = Escape::html;

std::string escape_as_asked(const std::string& s) {
  switch (current_escape) {
    case Escape::html: return escape_html(s);
    case Escape::markdown: return escape_markdown(s);
    case Escape::none: break;
  }
  return s;
}

class EscapeScope {
 public:
  explicit EscapeScope(Escape e) : saved_(current_escape) {
    static std::once_flag once;
    std::call_once(once, [] { mstch::config::escape = escape_as_asked; });
    current_escape = e;
  }
  ~EscapeScope() { current_escape = saved_; }
  EscapeScope(const EscapeScope&) = delete;
  EscapeScope& operator=(const EscapeScope&) = delete;

 private:
  Escape saved_;
};

}  // namespace

Value& Value::set(const std::string& key, Value value) {
  if (!std::holds_alternative<Object>(v)) v = Object{};
  auto& obj = std::get<Object>(v);
  for (auto& [k, existing] : obj) {
    if (k == key) {
      existing = std::move(value);
      return *this;
    }
  }
  obj.emplace_back(key, std::move(value));
  return *this;
}

std::string escape_markdown(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '&': case '!': case '#': case '~': case '|':
        out.push_back('\\');
        break;
      default:
        break;
    }
    out.push_back(c);
  }
  return out;
}

std::string escape_html(const std::string& s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

namespace {

// A context as bytes, for the render cache's key: every value tagged and length-prefixed
// so that different contexts never give the same key.
void serialize(const Value& value, std::string& out) {
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          out.push_back('n');
        } else if constexpr (std::is_same_v<T, std::string>) {
          out.push_back('s');
          out += std::to_string(x.size());
          out.push_back(':');
          out += x;
        } else if constexpr (std::is_same_v<T, bool>) {
          out.push_back(x ? 't' : 'f');
        } else if constexpr (std::is_same_v<T, Value::List>) {
          out.push_back('[');
          for (const auto& item : x) serialize(item, out);
          out.push_back(']');
        } else {
          out.push_back('{');
          for (const auto& [k, v] : x) {
            out += std::to_string(k.size());
            out.push_back(':');
            out += k;
            serialize(v, out);
          }
          out.push_back('}');
        }
      },
      value.v);
}

}  // namespace

std::string render(const std::string& tmpl, const Value& context, Escape escape,
                   const std::map<std::string, std::string>& partials) {
  // mstch parses the template on every call and keeps its escape function in one global,
  // so calls are serialised. The same template is rendered with the same values again and
  // again (labels, and every local agreement carries its regional agreement's sections),
  // so results are remembered per thread; templates with partials are not (their
  // partials would have to be part of the key).
  thread_local std::unordered_map<std::string, std::string> cache;
  std::string key;
  if (partials.empty()) {
    // The template by its hash and length (templates are large and few; their text in
    // every key would multiply the cache's memory), the values in full.
    key.push_back(static_cast<char>('0' + static_cast<int>(escape)));
    key += std::to_string(std::hash<std::string>{}(tmpl));
    key.push_back('/');
    key += std::to_string(tmpl.size());
    key.push_back(':');
    serialize(context, key);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
  }
  std::string out;
  {
    EscapeScope scope(escape);
    out = mstch::render(tmpl, to_mstch(context), partials);
  }
  // Only small renders are remembered: a whole page (a document's HTML) is rendered once
  // and would only take memory.
  if (!key.empty() && key.size() + out.size() < 8192) {
    if (cache.size() > 8000) cache.clear();  // bounded: a long batch does not grow without end
    cache.emplace(std::move(key), out);
  }
  return out;
}

TemplateSet::TemplateSet(fs::path root) : root_(std::move(root)) {}

namespace {
// Template sets read files on first use and are shared by the threads of a build; the
// maps only grow and their elements never move, so references stay valid after the lock.
std::recursive_mutex& template_files_mutex() {
  static std::recursive_mutex mutex;
  return mutex;
}
}  // namespace

const std::string& TemplateSet::source(const std::string& name) const {
  std::lock_guard<std::recursive_mutex> lock(template_files_mutex());
  auto it = cache_.find(name);
  if (it != cache_.end()) return it->second;
  std::string text;
  const fs::path file = root_ / (name + ".mustache");
  if (util::read_file(file, text) != util::ReadStatus::ok) throw util::IoError("template not found", file, "template-missing");
  return cache_.emplace(name, std::move(text)).first->second;
}

bool TemplateSet::exists(const std::string& name) const {
  std::error_code ec;
  {
    std::lock_guard<std::recursive_mutex> lock(template_files_mutex());
    if (cache_.count(name)) return true;
  }
  return fs::is_regular_file(root_ / (name + ".mustache"), ec);
}

std::vector<std::string> TemplateSet::list(const std::string& subdir, const std::string& suffix) const {
  std::vector<std::string> names;
  std::error_code ec;
  const std::string ext = suffix + ".mustache";
  for (const auto& entry : fs::directory_iterator(root_ / subdir, ec)) {
    std::string file = entry.path().filename().string();
    if (util::ends_with(file, ext)) names.push_back(file.substr(0, file.size() - ext.size()));
  }
  std::sort(names.begin(), names.end());
  return names;
}

const std::map<std::string, std::string>& TemplateSet::partials_for(const std::string& name) const {
  std::lock_guard<std::recursive_mutex> lock(template_files_mutex());
  const std::string dir = fs::path(name).parent_path().string();
  auto it = partials_.find(dir);
  if (it != partials_.end()) return it->second;
  std::map<std::string, std::string> partials;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(root_ / dir, ec)) {
    std::string file = entry.path().filename().string();
    if (!util::ends_with(file, ".mustache")) continue;
    std::string partial = file.substr(0, file.size() - 9);
    partials[partial] = source((fs::path(dir) / partial).string());
  }
  return partials_.emplace(dir, std::move(partials)).first->second;
}

std::string TemplateSet::render(const std::string& name, const Value& context, Escape escape) const {
  const std::string& tmpl = source(name);
  // mstch parses every partial it is given on every call, so they are passed only to
  // templates that use one ({{> name}}).
  static const std::map<std::string, std::string> kNone;
  const bool uses_partials = tmpl.find("{{>") != std::string::npos;
  return text::render(tmpl, context, escape, uses_partials ? partials_for(name) : kNone);
}

}  // namespace okgen::text
