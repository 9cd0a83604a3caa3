// zip_package (see zip_writer.h): libzip writing into a memory source.
#include "util/zip_writer.h"

#include <zip.h>

#include <memory>
#include <stdexcept>

namespace okgen::util {
namespace {

[[noreturn]] void fail(const char* what, zip_error_t* e) {
  std::string msg = std::string("zip: ") + what + (e ? std::string(": ") + zip_error_strerror(e) : "");
  throw std::runtime_error(msg);
}

}  // namespace

std::string zip_package(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) fail("buffer", &error);
  zip_source_keep(buffer);  // read back after zip_close
  std::unique_ptr<zip_source_t, void (*)(zip_source_t*)> keep(buffer, zip_source_free);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) fail("open", &error);
  for (const auto& e : entries) {
    // The data lives in `entries` until zip_close has written it (freep = 0: not copied).
    zip_source_t* src = zip_source_buffer(archive, e.data.data(), e.data.size(), 0);
    if (!src) fail("source", zip_get_error(archive));
    const zip_int64_t index = zip_file_add(archive, e.name.c_str(), src, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
    if (index < 0) {
      zip_source_free(src);
      fail("add", zip_get_error(archive));
    }
    // 1980-01-01 00:00 in DOS form (date: day 1 | month 1 << 5 | (1980-1980) << 9).
    if (zip_file_set_dostime(archive, static_cast<zip_uint64_t>(index), 0, 0x21, 0) < 0 ||
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 6) < 0) {
      fail("entry", zip_get_error(archive));
    }
  }
  if (zip_close(archive) < 0) {
    zip_error_t* e = zip_get_error(archive);
    zip_discard(archive);
    fail("close", e);
  }
  zip_stat_t st;
  if (zip_source_open(buffer) < 0 || zip_source_stat(buffer, &st) < 0) fail("read back", zip_source_error(buffer));
  std::string out(static_cast<std::size_t>(st.size), '\0');
  const zip_int64_t n = zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) fail("read back", zip_source_error(buffer));
  return out;
}

}  // namespace okgen::util
