// The workspace: builds agreements in memory and keeps them current (see workspace.h).
#include "workspace.h"

#include <pugixml.hpp>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <atomic>
#include <exception>
#include <thread>

#include "diag/source_registry.h"
#include "text/catalog.h"
#include "util/fs.h"
#include "util/hash.h"
#include "util/parallel.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::serve {
namespace {

// How many rebuilds the change history remembers for pages that were away a while.
constexpr std::size_t kHistory = 64;

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec).lexically_normal();
  return ec ? p : a;
}

// The sections of an agreement file by line: (first line, last line, id, heading), so a
// finding can be shown under the section it lies in and link to it in the preview.
struct SectionLines {
  int first = 0, last = 0;
  std::string id, heading;
};

std::vector<SectionLines> section_lines(const std::string& xml) {
  std::vector<SectionLines> out;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size())) return out;
  // Line starts, to turn offsets into lines.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] == '\n') starts.push_back(i + 1);
  }
  auto line_of = [&](std::ptrdiff_t off) {
    return static_cast<int>(std::upper_bound(starts.begin(), starts.end(), static_cast<std::size_t>(std::max<std::ptrdiff_t>(off, 0))) -
                            starts.begin());
  };
  const int last_line = static_cast<int>(starts.size());
  for (const auto& x : doc.select_nodes("//section | //local-section")) {
    const pugi::xml_node s = x.node();
    SectionLines sl;
    sl.first = line_of(s.offset_debug());
    // It ends where the next node after it (a sibling, or an ancestor's sibling) begins.
    sl.last = last_line;
    for (pugi::xml_node n = s; n; n = n.parent()) {
      if (auto next = n.next_sibling()) {
        sl.last = line_of(next.offset_debug()) - 1;
        break;
      }
    }
    const bool local = std::strcmp(s.name(), "local-section") == 0;
    sl.id = local ? s.attribute("ref").value() : s.attribute("id").value();
    sl.heading = s.child("heading").text().get();
    out.push_back(std::move(sl));
  }
  return out;
}

// Calls fn(i) for i in [0, n) on new threads, one per core, at a lower priority (nice 10):
// work nobody is waiting for gives way to the requests of the open pages, and still uses
// every core the moment they are idle. Rethrows the first exception a call threw.
template <class Fn>
void in_background(std::size_t n, Fn fn) {
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::exception_ptr error;
  std::vector<std::thread> pool;
  const std::size_t threads = std::min<std::size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  for (std::size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      // Linux gives each thread its own nice value (setpriority on its thread id).
      ::setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
      try {
        for (std::size_t i; (i = next++) < n;) fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!error) error = std::current_exception();
      }
    });
  }
  for (auto& t : pool) t.join();
  if (error) std::rethrow_exception(error);
}

}  // namespace

std::string hash_text(const std::string& text) {
  return util::hex_digits(util::fnv1a64(text, util::kFnvBasisOkgen1));
}

Workspace::Workspace(fs::path content_dir, fs::path resources_root, std::string lang, util::Date as_of)
    : content_dir_(absolute_normal(content_dir)),
      resources_root_(absolute_normal(resources_root)),
      lang_(std::move(lang)),
      as_of_(as_of) {
  res_ = std::make_shared<const Resources>(Resources::load(resources_root_, lang_));
  // okgen.conf next to the content folder (or above it) sets severities as for `okgen check`.
  for (fs::path dir = content_dir_; !dir.empty(); dir = dir.parent_path()) {
    std::error_code ec;
    if (fs::is_regular_file(dir / "okgen.conf", ec)) {
      diag::DiagnosticSink ignored;
      review::read_config(dir / "okgen.conf", check_, ignored);
      break;
    }
    if (dir == dir.root_path()) break;
  }
}

std::string Workspace::key_of(const fs::path& file) const {
  return absolute_normal(file).lexically_relative(content_dir_).generic_string();
}

PipelineOptions Workspace::options_for(const fs::path& file, const std::string& format) const {
  PipelineOptions options;
  options.inputs = {file};
  options.formats = {format};
  options.as_of = as_of_;
  options.keep_going = true;
  options.content_root = content_dir_;
  options.check = check_;
  return options;
}

std::shared_ptr<const Entry> Workspace::build_one(const fs::path& file, const Resources& res,
                                                  std::shared_ptr<const Entry> previous,
                                                  std::uint64_t generation) const {
  auto e = std::make_shared<Entry>();
  e->key = key_of(file);
  e->file = file;
  e->generation = generation;
  std::string bytes;
  if (util::read_file(file, bytes) == util::ReadStatus::ok) e->file_hash = hash_text(bytes);

  PipelineOptions options = options_for(file, "html");
  diag::DiagnosticSink sink;
  sink.set_policy(&options.check.policy);
  diag::SourceRegistry sources;
  std::map<fs::path, RenderedAgreement> rendered;
  PipelineResult r = render_in_memory(options, res, sink, sources, rendered);
  if (!r.agreements.empty()) e->result = std::move(r.agreements.front());

  std::map<std::string, std::vector<SectionLines>> sections;  // by display path
  // The sections of a file the check read: from this run's sources, or (a local agreement's
  // regional one, read on the side) from disk.
  auto sections_of = [&](const std::string& display) -> const std::vector<SectionLines>& {
    auto it = sections.find(display);
    if (it != sections.end()) return it->second;
    std::string text;
    if (const auto* map = sources.find(display)) text = std::string(map->text());
    else if (util::read_file(display, text) != util::ReadStatus::ok) text.clear();
    return sections.emplace(display, section_lines(text)).first->second;
  };
  for (const auto& d : sink.all()) {
    if (d.severity == diag::Severity::note) continue;
    Finding f;
    f.severity = diag::severity_keyword(d.severity);
    f.rule = d.rule;
    f.file = d.span.file;
    f.line = d.span.line;
    f.column = d.span.column;
    f.message = text::format_diagnostic(res.messages, d);
    if (const auto* map = sources.find(d.span.file); map && d.span.line > 0) {
      f.source_line = std::string(map->line_text(d.span.line));
      // The innermost section holding the line (the list is in document order: later = deeper).
      for (const auto& s : sections_of(d.span.file)) {
        if (s.first <= d.span.line && d.span.line <= s.last) f.section_id = s.id, f.section_heading = s.heading;
      }
    }
    e->findings.push_back(std::move(f));
  }
  if (e->result.report) {
    for (const auto& c : e->result.report->coverage) {
      std::string id;
      if (!c.where.file.empty() && c.where.line > 0) {
        for (const auto& s : sections_of(c.where.file)) {
          if (s.first <= c.where.line && c.where.line <= s.last) id = s.id;
        }
      }
      e->coverage_sections.push_back(id);
    }
  }
  e->depends.insert(absolute_normal(file));
  for (const auto& f : e->result.files) e->depends.insert(absolute_normal(f));

  if (auto it = rendered.find(file); it != rendered.end()) {
    e->html = std::move(it->second.files["html"]);
    e->consolidated_html = std::move(it->second.consolidated_html);
    e->current = true;
  } else if (previous) {
    e->html = previous->html;  // the last good preview stays one click away
    e->consolidated_html = previous->consolidated_html;
  }
  return e;
}

void Workspace::load_all() {
  std::lock_guard<std::mutex> one_at_a_time(rebuild_mutex_);
  diag::DiagnosticSink ignored;
  const auto files = expand_inputs({content_dir_}, ignored);
  const auto res = resources();
  std::map<std::string, std::shared_ptr<const Entry>> updates;
  const std::uint64_t gen = generation() + 1;
  for (const auto& f : files) {
    // A link inside the folder that points out of it is not part of the workspace.
    if (!util::is_inside(f, content_dir_)) continue;
    auto e = build_one(f, *res, nullptr, gen);
    updates[e->key] = std::move(e);
  }
  std::vector<std::string> removed;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, _] : entries_) {
      if (!updates.count(key)) removed.push_back(key);
    }
  }
  publish(std::move(updates), std::move(removed));
}

std::vector<std::string> Workspace::changed(const std::vector<fs::path>& paths) {
  std::lock_guard<std::mutex> one_at_a_time(rebuild_mutex_);
  bool resources_changed = false;
  std::set<fs::path> touched;
  for (const auto& p : paths) {
    const fs::path a = absolute_normal(p);
    for (const char* dir : {"templates", "styles", "data"}) {
      const fs::path rel = a.lexically_relative(resources_root_ / dir);
      if (!rel.empty() && *rel.begin() != "..") resources_changed = true;
    }
    touched.insert(a);
  }
  if (resources_changed) {
    try {
      auto fresh = std::make_shared<const Resources>(Resources::load(resources_root_, lang_));
      std::lock_guard<std::mutex> lock(mutex_);
      res_ = std::move(fresh);
    } catch (const std::exception&) {
      // A template or data file half-saved or broken: keep the resources that worked; the
      // next save tries again.
    }
  }
  const auto res = resources();
  const auto current = entries();

  // What to rebuild: agreements that read a touched file (or everything after a resource
  // change), the local agreements of a rebuilt regional one, and new agreement files.
  std::set<fs::path> rebuild;
  std::vector<std::string> removed;
  std::set<fs::path> regional_dirs;
  for (const auto& e : current) {
    std::error_code ec;
    if (!fs::exists(e->file, ec)) {
      removed.push_back(e->key);
      continue;
    }
    const bool hit = resources_changed || std::any_of(e->depends.begin(), e->depends.end(),
                                                      [&](const fs::path& d) { return touched.count(d) > 0; });
    if (hit) {
      rebuild.insert(e->file);
      if (e->result.kind == "regional" || e->result.kind.empty()) regional_dirs.insert(e->file.parent_path());
    }
  }
  for (const auto& e : current) {
    if (e->result.kind != "local") continue;
    std::error_code ec;
    const fs::path parent = e->result.parent_source.empty()
                                ? e->file.parent_path().parent_path()
                                : absolute_normal(e->result.parent_source).parent_path();
    if (regional_dirs.count(parent) && fs::exists(e->file, ec)) rebuild.insert(e->file);
  }
  for (const auto& t : touched) {
    std::error_code ec;
    if (t.extension() == ".xml" && util::is_inside(t, content_dir_) && fs::is_regular_file(t, ec) &&
        !entry(key_of(t))) {
      const std::string name = t.filename().string();
      if (!name.empty() && name[0] != '.') rebuild.insert(t);
    }
  }

  // Two rounds: the agreements whose own file was saved first, published at once so the page
  // the author is looking at reloads; then what depends on them (a regional agreement's local
  // ones). Both build on every core, the second at a lower priority, so the open page's
  // request for its new text is answered at once instead of after the round.
  std::vector<fs::path> first, then;
  for (const auto& f : rebuild) (touched.count(absolute_normal(f)) ? first : then).push_back(f);
  if (first.empty()) first.swap(then);
  std::vector<std::string> keys;
  for (auto* round : {&first, &then}) {
    if (round->empty()) continue;
    const std::uint64_t gen = generation() + 1;
    std::vector<std::shared_ptr<const Entry>> built(round->size());
    const auto build_at = [&](std::size_t i) { built[i] = build_one((*round)[i], *res, entry(key_of((*round)[i])), gen); };
    if (round == &first) {
      util::parallel_for(round->size(), build_at);
    } else {
      in_background(round->size(), build_at);
    }
    std::map<std::string, std::shared_ptr<const Entry>> updates;
    for (auto& e : built) {
      keys.push_back(e->key);
      updates[e->key] = std::move(e);
    }
    publish(std::move(updates), round == &first ? removed : std::vector<std::string>{});
  }
  if (first.empty() && then.empty() && (!removed.empty() || resources_changed)) publish({}, removed);
  keys.insert(keys.end(), removed.begin(), removed.end());
  return keys;
}

void Workspace::publish(std::map<std::string, std::shared_ptr<const Entry>> updates, std::vector<std::string> removed) {
  std::vector<std::string> keys;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++generation_;
    for (auto& [k, e] : updates) {
      keys.push_back(k);
      entries_[k] = std::move(e);
      pdf_cache_.erase(k);
    }
    for (const auto& k : removed) {
      keys.push_back(k);
      entries_.erase(k);
      pdf_cache_.erase(k);
    }
    history_.emplace_back(generation_, keys);
    while (history_.size() > kHistory) history_.pop_front();
  }
  changed_cv_.notify_all();
}

std::shared_ptr<const Entry> Workspace::entry(const std::string& key) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  return it == entries_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<const Entry>> Workspace::entries() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::shared_ptr<const Entry>> out;
  for (const auto& [_, e] : entries_) out.push_back(e);
  return out;
}

std::shared_ptr<const Resources> Workspace::resources() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return res_;
}

std::optional<std::string> Workspace::pdf(const std::string& key) {
  auto e = entry(key);
  if (!e || !e->current) return std::nullopt;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = pdf_cache_.find(key); it != pdf_cache_.end() && it->second.first == e->generation) return it->second.second;
  }
  PipelineOptions options = options_for(e->file, "pdf");
  diag::DiagnosticSink sink;
  sink.set_policy(&options.check.policy);
  diag::SourceRegistry sources;
  std::map<fs::path, RenderedAgreement> rendered;
  const auto res = resources();
  render_in_memory(options, *res, sink, sources, rendered);
  auto it = rendered.find(e->file);
  if (it == rendered.end() || it->second.files["pdf"].empty()) return std::nullopt;
  const std::string& pdf = it->second.files["pdf"];
  std::lock_guard<std::mutex> lock(mutex_);
  pdf_cache_[key] = {e->generation, pdf};
  return pdf;
}

std::uint64_t Workspace::generation() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return generation_;
}

std::vector<std::string> Workspace::wait_for_change(std::uint64_t& seen, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_cv_.wait_for(lock, timeout, [&] { return generation_ != seen || closed_; });
  std::vector<std::string> keys;
  if (generation_ == seen) return keys;
  const bool complete = !history_.empty() && history_.front().first <= seen + 1;
  if (complete) {
    std::set<std::string> unique;
    for (const auto& [gen, ks] : history_) {
      if (gen > seen) unique.insert(ks.begin(), ks.end());
    }
    keys.assign(unique.begin(), unique.end());
  } else {
    for (const auto& [k, _] : entries_) keys.push_back(k);
  }
  seen = generation_;
  return keys;
}

void Workspace::close() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_cv_.notify_all();
}

}  // namespace okgen::serve
