// Watcher: inotify with a polling fallback (see watcher.h).
#include "watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <climits>

namespace fs = std::filesystem;

namespace okgen::serve {
namespace {

// Quiet time that ends a burst of events; short enough that a save feels instant.
constexpr int kSettleMs = 10;
constexpr auto kPollInterval = std::chrono::milliseconds(300);

// okgen's own temporary files (".name.tmp-XXXXXX") and editors' (".name.swp", "name~",
// "#name#") are not saves of anything okgen reads.
bool ignored(const fs::path& p) {
  const std::string name = p.filename().string();
  return name.empty() || name[0] == '.' || name[0] == '#' || name.back() == '~';
}

}  // namespace

Watcher::Watcher(std::vector<fs::path> roots, Callback on_change, bool poll)
    : roots_(std::move(roots)), on_change_(std::move(on_change)) {
  if (pipe(stop_pipe_) != 0) stop_pipe_[0] = stop_pipe_[1] = -1;
  if (!poll) inotify_fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_fd_ >= 0) {
    for (const auto& r : roots_) add_watches(r);
    thread_ = std::thread([this] { run_inotify(); });
  } else {
    thread_ = std::thread([this] { run_polling(); });
  }
}

Watcher::~Watcher() {
  stop();
  if (inotify_fd_ >= 0) close(inotify_fd_);
  for (int fd : stop_pipe_) {
    if (fd >= 0) close(fd);
  }
}

void Watcher::stop() {
  if (stopping_.exchange(true)) return;
  if (stop_pipe_[1] >= 0) {
    const char c = 'x';
    [[maybe_unused]] auto n = write(stop_pipe_[1], &c, 1);
  }
  if (thread_.joinable()) thread_.join();
}

void Watcher::add_watches(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF;
  const int wd = inotify_add_watch(inotify_fd_, dir.c_str(), mask);
  if (wd >= 0) watches_[wd] = dir;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec) && !ignored(it->path())) add_watches(it->path());
  }
}

void Watcher::run_inotify() {
  alignas(struct inotify_event) char buf[64 * 1024];
  std::set<fs::path> pending;
  for (;;) {
    pollfd fds[2] = {{inotify_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    // Waiting for the first event of a burst: no timeout; within a burst: the settle time.
    const int n = ::poll(fds, 2, pending.empty() ? -1 : kSettleMs);
    if (stopping_) return;
    if (n < 0 && errno != EINTR) return;
    if (n == 0) {
      std::vector<fs::path> changed(pending.begin(), pending.end());
      pending.clear();
      on_change_(changed);
      continue;
    }
    if (!(fds[0].revents & POLLIN)) continue;
    for (;;) {
      const ssize_t len = read(inotify_fd_, buf, sizeof buf);
      if (len <= 0) break;
      for (char* p = buf; p < buf + len;) {
        const auto* ev = reinterpret_cast<const struct inotify_event*>(p);
        p += sizeof(struct inotify_event) + ev->len;
        auto it = watches_.find(ev->wd);
        if (it == watches_.end()) continue;
        if (ev->mask & (IN_DELETE_SELF | IN_IGNORED)) {
          watches_.erase(it);
          continue;
        }
        const fs::path path = ev->len ? it->second / ev->name : it->second;
        if (ev->len && ignored(path)) continue;
        if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) {
          add_watches(path);
          // Files may already be inside a folder moved in: report them as new.
          std::error_code ec;
          for (fs::recursive_directory_iterator r(path, ec), end; !ec && r != end; r.increment(ec)) {
            if (r->is_regular_file(ec)) pending.insert(r->path());
          }
          continue;
        }
        pending.insert(path);
      }
    }
  }
}

std::map<fs::path, std::pair<fs::file_time_type, std::uintmax_t>> Watcher::snapshot() const {
  std::map<fs::path, std::pair<fs::file_time_type, std::uintmax_t>> out;
  for (const auto& root : roots_) {
    std::error_code ec;
    for (fs::recursive_directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
      if (ignored(it->path())) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      out[it->path()] = {it->last_write_time(ec), it->file_size(ec)};
    }
  }
  return out;
}

void Watcher::run_polling() {
  auto before = snapshot();
  while (!stopping_) {
    pollfd fds[1] = {{stop_pipe_[0], POLLIN, 0}};
    ::poll(fds, stop_pipe_[0] >= 0 ? 1 : 0, static_cast<int>(kPollInterval.count()));
    if (stopping_) return;
    auto now = snapshot();
    std::vector<fs::path> changed;
    for (const auto& [path, stamp] : now) {
      auto it = before.find(path);
      if (it == before.end() || it->second != stamp) changed.push_back(path);
    }
    for (const auto& [path, _] : before) {
      if (!now.count(path)) changed.push_back(path);
    }
    before = std::move(now);
    if (!changed.empty()) on_change_(changed);
  }
}

}  // namespace okgen::serve
