// Running independent work items on every core. Items are taken in order by whichever
// thread is free; callers keep results per item and use them in item order afterwards, so
// what okgen writes never depends on the threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <utility>
#include <vector>

#include "util/allocator.h"

namespace okgen::util {

/// Calls fn(i) for i in [0, n) on up to `max_threads` threads (the calling one included).
template <class Fn>
void parallel_for(std::size_t n, Fn fn, std::size_t max_threads = 8) {
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next++) < n;) fn(i);
  };
  const std::size_t threads =
      std::max<std::size_t>(1, std::min<std::size_t>({std::thread::hardware_concurrency(), max_threads, n}));
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& t : pool) t.join();
}

/// Runs `fn` on a second thread beside the calling one (which goes on with its own share of
/// the work) on the calling thread's allocator arena (util/allocator.h). wait() joins it and
/// rethrows what it threw; the destructor joins it however the caller leaves.
class Helper {
 public:
  template <class Fn>
  explicit Helper(Fn fn)
      : thread_([this, fn = std::move(fn)]() mutable {
          try {
            share_main_arena();
            fn();
          } catch (...) {
            error_ = std::current_exception();
          }
        }) {}
  ~Helper() {
    if (thread_.joinable()) thread_.join();
  }
  Helper(const Helper&) = delete;
  Helper& operator=(const Helper&) = delete;
  void wait() {
    if (thread_.joinable()) thread_.join();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  std::exception_ptr error_;  // before thread_: set by the thread, which starts last
  std::thread thread_;
};

/// Whether the calling thread may start a helper thread for its own work: true inside a
/// SpareCore scope opened with `spare` (one agreement built on a machine with a core to
/// spare), false elsewhere, so that a batch's workers, which keep every core busy already,
/// do not start threads of their own (that cost a batch a tenth of its time).
class SpareCore {
 public:
  explicit SpareCore(bool spare) : saved_(flag()) { flag() = spare; }
  ~SpareCore() { flag() = saved_; }
  SpareCore(const SpareCore&) = delete;
  SpareCore& operator=(const SpareCore&) = delete;
  static bool here() { return flag(); }

 private:
  static bool& flag() {
    thread_local bool spare = false;
    return spare;
  }
  bool saved_;
};

}  // namespace okgen::util
