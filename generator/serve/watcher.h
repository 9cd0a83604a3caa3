// Watching folders for saved files: inotify (Linux), or polling file times and sizes where
// inotify is not available (network drives, containers without it, OKGEN_SERVE_POLL=1).
// Bursts of events (an editor writes a temporary file, renames it, touches the folder) are
// gathered for a short quiet time and reported as one set of paths.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <thread>
#include <vector>

namespace okgen::serve {

class Watcher {
 public:
  using Callback = std::function<void(const std::vector<std::filesystem::path>& changed)>;

  /// Watches every folder of `roots` recursively (folders created later too) and calls
  /// `on_change` on the watcher's own thread. `poll` forces the polling fallback.
  Watcher(std::vector<std::filesystem::path> roots, Callback on_change, bool poll = false);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  /// True when inotify is in use, false when polling.
  bool uses_inotify() const { return inotify_fd_ >= 0; }
  /// Stops the thread (also done by the destructor).
  void stop();

 private:
  void run_inotify();
  void run_polling();
  void add_watches(const std::filesystem::path& dir);
  std::map<std::filesystem::path, std::pair<std::filesystem::file_time_type, std::uintmax_t>> snapshot() const;

  std::vector<std::filesystem::path> roots_;
  Callback on_change_;
  int inotify_fd_ = -1;
  int stop_pipe_[2] = {-1, -1};
  std::map<int, std::filesystem::path> watches_;  ///< watch descriptor -> folder
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace okgen::serve
