// The workspace behind `okgen serve`: every agreement under one content folder, checked and
// rendered in memory, kept current as files change.
//
//   files on disk --(watcher: changed paths)--> Workspace::changed()
//       -> which agreements depend on them (dependency map recorded at each build)
//       -> render_in_memory() for each of those, one agreement at a time
//       -> new Entry (findings, HTML, or the last good HTML when it now has errors)
//       -> generation + 1, listeners woken (the server's Server-Sent Events)
//
// A change to templates/, styles/ or data/ reloads the resources and rebuilds everything.
// Entries are immutable once published (shared_ptr<const Entry>), so pages render from a
// snapshot while a rebuild runs.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "pipeline.h"
#include "resources.h"
#include "review/check_options.h"
#include "util/date.h"

namespace okgen::serve {

/// A finding as a page shows it.
struct Finding {
  std::string severity;     ///< error, warning, info
  std::string rule;
  std::string file;         ///< display path
  int line = 0, column = 0;
  std::string message;
  std::string source_line;  ///< the line quoted, "" when unknown
  std::string section_id;   ///< the section it lies in (an anchor in the preview), "" when none
  std::string section_heading;
};

/// One agreement of the content folder as last built.
struct Entry {
  std::string key;               ///< path below the content folder, '/'-separated ("dalarna/local/falun.xml")
  std::filesystem::path file;    ///< absolute
  AgreementResult result;        ///< the last check
  std::vector<Finding> findings;
  std::vector<std::string> coverage_sections;  ///< per result.report->coverage: the section id there ("" none)
  std::string html;              ///< the preview: current, or the last good one (see `current`)
  std::string consolidated_html; ///< a local agreement's consolidated version, kept like `html` ("" otherwise)
  bool current = false;          ///< `html` shows the file as it is now
  std::set<std::filesystem::path> depends;  ///< absolute paths it was read from
  std::uint64_t generation = 0;  ///< the workspace generation that built it
  std::string file_hash;         ///< of the XML file's bytes when built (see hash_text)
};

/// 16 hex digits (FNV-1a 64) of `text`: tells whether a file changed since a form showed it.
std::string hash_text(const std::string& text);

class Workspace {
 public:
  /// `content_dir` must exist; `resources_root` holds templates/, styles/, data/.
  Workspace(std::filesystem::path content_dir, std::filesystem::path resources_root, std::string lang,
            util::Date as_of);

  /// Finds and builds every agreement (XML) under the content folder.
  void load_all();

  /// Rebuilds what depends on `paths` (absolute; created, changed or removed files). Returns
  /// the keys of the entries rebuilt, added or removed.
  std::vector<std::string> changed(const std::vector<std::filesystem::path>& paths);

  /// The entry for `key`, or nullptr: the only way a request names a file (a key that is not an
  /// agreement found under the content folder reaches nothing).
  std::shared_ptr<const Entry> entry(const std::string& key) const;
  /// Every entry, in key order.
  std::vector<std::shared_ptr<const Entry>> entries() const;

  /// The PDF of `key` as the file is now, built on demand (cached per generation); nullopt
  /// when it has errors.
  std::optional<std::string> pdf(const std::string& key);

  /// The resources in use (replaced, not changed, when templates/styles/data change).
  std::shared_ptr<const Resources> resources() const;

  const std::filesystem::path& content_dir() const { return content_dir_; }
  const std::filesystem::path& resources_root() const { return resources_root_; }
  const util::Date& as_of() const { return as_of_; }
  const std::string& lang() const { return lang_; }

  /// The current generation (raised by every rebuild).
  std::uint64_t generation() const;
  /// Waits until the generation passes `seen` or `timeout` elapses; returns the keys changed
  /// after `seen` (all keys, when that history is gone) and sets `seen` to the generation now.
  std::vector<std::string> wait_for_change(std::uint64_t& seen, std::chrono::milliseconds timeout);
  /// Wakes every waiter and makes later waits return at once (the server is stopping).
  void close();

  /// Serialises writes of content files by the server with the rebuild they cause.
  std::mutex& write_mutex() { return write_mutex_; }

 private:
  std::shared_ptr<const Entry> build_one(const std::filesystem::path& file, const Resources& res,
                                         std::shared_ptr<const Entry> previous, std::uint64_t generation) const;
  std::string key_of(const std::filesystem::path& file) const;
  /// One file rendered in memory in `format`, checked as the workspace checks.
  PipelineOptions options_for(const std::filesystem::path& file, const std::string& format) const;
  void publish(std::map<std::string, std::shared_ptr<const Entry>> updates, std::vector<std::string> removed);

  std::filesystem::path content_dir_;
  std::filesystem::path resources_root_;
  std::string lang_;
  util::Date as_of_;
  review::CheckOptions check_;

  mutable std::mutex mutex_;
  std::condition_variable changed_cv_;
  std::shared_ptr<const Resources> res_;
  std::map<std::string, std::shared_ptr<const Entry>> entries_;
  std::uint64_t generation_ = 0;
  bool closed_ = false;
  std::deque<std::pair<std::uint64_t, std::vector<std::string>>> history_;  ///< recent changes
  std::map<std::string, std::pair<std::uint64_t, std::string>> pdf_cache_;   ///< key -> (generation, pdf)
  std::mutex rebuild_mutex_;  ///< one rebuild at a time
  std::mutex write_mutex_;
};

}  // namespace okgen::serve
