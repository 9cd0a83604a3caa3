// Helper programs (see process.h): posix_spawn, pipes served with poll (standard input is
// written while output is read, so neither side can block the other on a full pipe).
#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace okgen::util {

namespace {

struct Pipe {
  int fd[2] = {-1, -1};
  bool open() { return pipe2(fd, O_CLOEXEC) == 0; }
  void close_both() {
    for (int& f : fd) {
      if (f >= 0) close(f);
      f = -1;
    }
  }
};

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                          const std::string* input) {
  ProcessResult r;
  if (argv.empty()) return r;
  Pipe out, err, in;
  if (!out.open() || !err.open() || (input && !in.open())) {
    out.close_both(), err.close_both(), in.close_both();
    return r;
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::string dir = cwd.string();
  // posix_spawn, not fork: glibc starts the child with vfork semantics, so okgen's pages
  // are neither copied into the child's page tables nor turned copy-on-write for okgen
  // itself (after a fork every page okgen then writes faults once: milliseconds).
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  if (input) {
    posix_spawn_file_actions_adddup2(&actions, in.fd[0], 0);
  } else {
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  }
  if (!dir.empty()) posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  pid_t pid = -1;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) pid = -1;
  posix_spawn_file_actions_destroy(&actions);
  close(out.fd[1]), out.fd[1] = -1;
  close(err.fd[1]), err.fd[1] = -1;
  if (input) close(in.fd[0]), in.fd[0] = -1;
  if (pid < 0) {
    out.close_both(), err.close_both(), in.close_both();
    return r;
  }
  // A program that exits before reading all its input must not kill okgen with SIGPIPE. The
  // signal a write raises goes to the writing thread: block it here, and take a pending one
  // back before unblocking (changing the process-wide handler would race other threads).
  sigset_t pipe_only, old_mask;
  sigemptyset(&pipe_only);
  sigaddset(&pipe_only, SIGPIPE);
  if (input) pthread_sigmask(SIG_BLOCK, &pipe_only, &old_mask);
  if (input) fcntl(in.fd[1], F_SETFL, fcntl(in.fd[1], F_GETFL) | O_NONBLOCK);
  std::size_t written = 0;
  if (input && input->empty()) close(in.fd[1]), in.fd[1] = -1;
  pollfd fds[3] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}, {input ? in.fd[1] : -1, POLLOUT, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  char buf[65536];
  while (fds[0].fd >= 0 || fds[1].fd >= 0 || fds[2].fd >= 0) {
    if (poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
      }
    }
    if (fds[2].fd >= 0 && (fds[2].revents & (POLLOUT | POLLHUP | POLLERR))) {
      const ssize_t n = write(fds[2].fd, input->data() + written, input->size() - written);
      if (n > 0) written += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == input->size()) {
        close(fds[2].fd);  // done, or the program stopped reading
        fds[2].fd = -1;
      }
    }
  }
  in.fd[1] = -1;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (input) {
    sigset_t pending;
    sigpending(&pending);
    if (sigismember(&pending, SIGPIPE) && !sigismember(&old_mask, SIGPIPE)) {
      const timespec zero{0, 0};
      sigtimedwait(&pipe_only, nullptr, &zero);
    }
    pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
  }
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

int exec_sibling(const std::string& name, const std::vector<std::string>& argv) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path program = self.parent_path() / name;
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  if (!ec) execv(program.c_str(), args.data());
  std::fprintf(stderr, "okgen: error: %s kunde inte startas (%s): bygg det med cmake --build build\n",
               program.c_str(), ec ? ec.message().c_str() : std::strerror(errno));
  return 2;
}

}  // namespace okgen::util
