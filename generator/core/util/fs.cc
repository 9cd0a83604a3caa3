// Bounded reads and atomic writes.
#include "util/fs.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace okgen::util {

ReadStatus read_file(const fs::path& path, std::string& out, std::size_t max_bytes) {
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return ReadStatus::not_found;
  if (!fs::is_regular_file(st)) return ReadStatus::not_a_file;
  auto size = fs::file_size(path, ec);
  if (ec) return ReadStatus::unreadable;
  if (size > max_bytes) return ReadStatus::too_large;
  std::ifstream in(path, std::ios::binary);
  if (!in) return ReadStatus::unreadable;
  out.assign(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(out.data(), static_cast<std::streamsize>(size))) return ReadStatus::unreadable;
  return ReadStatus::ok;
}

IoError::Args os_reason(int err) {
  const char* key = err == ENOSPC || err == EDQUOT ? "no-space"
                    : err == EACCES || err == EPERM ? "no-permission"
                    : err == EROFS                  ? "read-only"
                    : err == ENOENT                 ? "no-folder"
                    : err == ENOTDIR                ? "not-a-folder"
                    : err == EISDIR                 ? "is-folder"
                    : err == ENAMETOOLONG           ? "name-too-long"
                    : err == EIO                    ? "device-error"
                                                    : nullptr;
  IoError::Args args{{"reason", std::strerror(err)}};
  if (key) args.emplace_back("reason_key", std::string("reason.") + key);
  return args;
}

fs::path write_temp_beside(const fs::path& path, const std::string& data, bool flush) {
  std::error_code ec;
  const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
  fs::create_directories(dir, ec);
  if (ec) throw IoError("cannot create directory: " + ec.message(), dir, "cannot-create-dir", os_reason(ec.value()));

  std::string tmpl = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    const int err = errno;
    throw IoError(std::string("cannot create temporary file: ") + std::strerror(err), path, "cannot-write", os_reason(err));
  }
  const fs::path tmp = tmpl;
  auto fail = [&](const std::string& what, const char* problem) {
    int err = errno;
    ::close(fd);
    fs::remove(tmp, ec);
    throw IoError(what + ": " + std::strerror(err), path, problem, os_reason(err));
  };
  std::size_t written = 0;
  while (written < data.size()) {
    ssize_t n = ::write(fd, data.data() + written, data.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write", "cannot-write");
    }
    written += static_cast<std::size_t>(n);
  }
  // Outputs are published documents: readable by everyone, like files made by a normal umask.
  if (::fchmod(fd, 0644) != 0) fail("cannot set permissions", "cannot-set-permissions");
  if (flush && ::fsync(fd) != 0) fail("cannot flush to disk", "cannot-flush");
  if (::close(fd) != 0) {
    const int err = errno;
    fs::remove(tmp, ec);
    throw IoError(std::string("cannot close: ") + std::strerror(err), path, "cannot-write", os_reason(err));
  }
  return tmp;
}

void replace_with_temp(const fs::path& tmp, const fs::path& path) {
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    std::error_code ec;
    fs::remove(tmp, ec);
    throw IoError(std::string("cannot replace file: ") + std::strerror(err), path, "cannot-replace", os_reason(err));
  }
}

void write_file_atomic(const fs::path& path, const std::string& data) {
  replace_with_temp(write_temp_beside(path, data), path);
}

void rewrite_file_atomic(const fs::path& path, const std::string& data) {
  struct stat old {};
  if (::stat(path.c_str(), &old) != 0) return write_file_atomic(path, data);
  const fs::path tmp = write_temp_beside(path, data);
  // Owner first: chown clears set-id bits, which the mode then restores.
  if (::chown(tmp.c_str(), old.st_uid, old.st_gid) != 0) {
    (void)!::chown(tmp.c_str(), static_cast<uid_t>(-1), old.st_gid);  // at least the group, if ours
  }
  if (::chmod(tmp.c_str(), old.st_mode & 07777) != 0) {
    const int err = errno;
    std::error_code ec;
    fs::remove(tmp, ec);
    throw IoError(std::string("cannot set permissions: ") + std::strerror(err), path, "cannot-set-permissions",
                  os_reason(err));
  }
  replace_with_temp(tmp, path);
}

bool is_inside(const fs::path& path, const fs::path& root) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec) return false;
  fs::path r = fs::weakly_canonical(root, ec);
  if (ec) return false;
  auto [pe, re] = std::mismatch(p.begin(), p.end(), r.begin(), r.end());
  (void)pe;
  return re == r.end();
}

fs::path default_content_root(const fs::path& file) {
  std::error_code ec;
  const fs::path abs = fs::absolute(file, ec).lexically_normal();
  for (fs::path p = abs.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (p.filename() == "content") return p;
  }
  const fs::path dir = abs.parent_path();
  if (dir.filename() == "local" && dir.has_parent_path()) return dir.parent_path();
  return dir;
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec || path.is_relative()) return path.lexically_normal().string();
  fs::path rel = path.lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") return path.lexically_normal().string();
  return rel.string();
}

}  // namespace okgen::util
