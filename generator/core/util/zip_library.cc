// zip_library (see zip_library.h): dlopen of the libzip the program was built against
// (OKGEN_LIBZIP_SONAME, found by CMake), each function looked up once.
#include "util/zip_library.h"

#include <dlfcn.h>

#include <stdexcept>
#include <string>
#include <type_traits>

#ifndef OKGEN_LIBZIP_SONAME
#define OKGEN_LIBZIP_SONAME "libzip.so.4"
#endif

namespace okgen::util {
namespace {

ZipLibrary load() {
  // Never closed: libzip stays for the rest of the process, as a linked library would.
  void* handle = ::dlopen(OKGEN_LIBZIP_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    throw std::runtime_error(std::string("cannot load " OKGEN_LIBZIP_SONAME " (Debian package libzip4), needed for "
                                         "Word and OpenDocument files: ") +
                             (why ? why : "unknown reason"));
  }
  ZipLibrary z{};
  const auto get = [&](auto& fn, const char* name) {
    void* sym = ::dlsym(handle, name);
    if (!sym) throw std::runtime_error(std::string(OKGEN_LIBZIP_SONAME " has no function ") + name);
    fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(sym);
  };
  get(z.close, "zip_close");
  get(z.discard, "zip_discard");
  get(z.error_code_zip, "zip_error_code_zip");
  get(z.error_init, "zip_error_init");
  get(z.error_strerror, "zip_error_strerror");
  get(z.fclose, "zip_fclose");
  get(z.file_add, "zip_file_add");
  get(z.file_set_dostime, "zip_file_set_dostime");
  get(z.fopen_index, "zip_fopen_index");
  get(z.fread, "zip_fread");
  get(z.get_error, "zip_get_error");
  get(z.get_name, "zip_get_name");
  get(z.get_num_entries, "zip_get_num_entries");
  get(z.name_locate, "zip_name_locate");
  get(z.open_from_source, "zip_open_from_source");
  get(z.set_file_compression, "zip_set_file_compression");
  get(z.source_buffer, "zip_source_buffer");
  get(z.source_buffer_create, "zip_source_buffer_create");
  get(z.source_close, "zip_source_close");
  get(z.source_error, "zip_source_error");
  get(z.source_free, "zip_source_free");
  get(z.source_keep, "zip_source_keep");
  get(z.source_open, "zip_source_open");
  get(z.source_read, "zip_source_read");
  get(z.source_stat, "zip_source_stat");
  get(z.stat_index, "zip_stat_index");
  get(z.stat_init, "zip_stat_init");
  return z;
}

}  // namespace

const ZipLibrary& zip_library() {
  // A failed load throws out of the initialisation, so the next call tries again.
  static const ZipLibrary z = load();
  return z;
}

}  // namespace okgen::util
