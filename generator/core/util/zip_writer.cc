// zip_package (see zip_writer.h): libzip (loaded on first use, zip_library.h) writing into a
// memory source.
#include "util/zip_writer.h"

#include "util/zip_library.h"

#include <memory>
#include <stdexcept>

namespace okgen::util {
namespace {

[[noreturn]] void fail(const char* what, zip_error_t* e) {
  const ZipLibrary& zl = zip_library();
  std::string msg = std::string("zip: ") + what + (e ? std::string(": ") + zl.error_strerror(e) : "");
  throw std::runtime_error(msg);
}

}  // namespace

std::string zip_package(const std::vector<ZipEntry>& entries) {
  const ZipLibrary& zl = zip_library();
  zip_error_t error;
  zl.error_init(&error);
  zip_source_t* buffer = zl.source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("buffer", &error);
  zl.source_keep(buffer);  // read back after zip_close
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> keep(buffer, zl.source_free);
  zip_t* archive = zl.open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) fail("open", &error);
  for (const auto& e : entries) {
    // The data lives in `entries` until zip_close has written it (freep = 0: not copied).
    zip_source_t* src = zl.source_buffer(archive, e.data.data(), e.data.size(), 0);
    if (!src) fail("source", zl.get_error(archive));
    const zip_int64_t index = zl.file_add(archive, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zl.source_free(src);
      fail("add", zl.get_error(archive));
    }
    // 1980-01-01 00:00 in DOS form (date: day 1 | month 1 << 5 | (1980-1980) << 9).
    if (zl.file_set_dostime(archive, static_cast<zip_uint64_t>(index), 0, 0x21, 0) < 0 ||
        zl.set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6) < 0) {
      fail("entry", zl.get_error(archive));
    }
  }
  if (zl.close(archive) < 0) {
    zip_error_t* e = zl.get_error(archive);
    zl.discard(archive);
    fail("close", e);
  }
  zip_stat_t st;
  if (zl.source_open(buffer) < 0 || zl.source_stat(buffer, &st) < 0) fail("read back", zl.source_error(buffer));
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zl.source_read(buffer, out.data(), st.size);
  zl.source_close(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail("read back", zl.source_error(buffer));
  return out;
}

}  // namespace okgen::util
