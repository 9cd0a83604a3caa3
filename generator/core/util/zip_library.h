// libzip, opened when the first zip package (DOCX, ODT) is read or written. Linked as a
// shared library it was mapped and relocated at every start of every okgen command, with
// OpenSSL's libcrypto and libbz2 behind it: 0.8 ms and 140 page faults of `okgen --version`,
// for the two commands that touch Word or OpenDocument files.
#pragma once

#include <zip.h>

namespace okgen::util {

/// The libzip functions okgen calls (the same names without "zip_").
struct ZipLibrary {
  decltype(&::zip_close) close;
  decltype(&::zip_discard) discard;
  decltype(&::zip_error_code_zip) error_code_zip;
  decltype(&::zip_error_init) error_init;
  decltype(&::zip_error_strerror) error_strerror;
  decltype(&::zip_fclose) fclose;
  decltype(&::zip_file_add) file_add;
  decltype(&::zip_file_set_dostime) file_set_dostime;
  decltype(&::zip_fopen_index) fopen_index;
  decltype(&::zip_fread) fread;
  decltype(&::zip_get_error) get_error;
  decltype(&::zip_get_name) get_name;
  decltype(&::zip_get_num_entries) get_num_entries;
  decltype(&::zip_name_locate) name_locate;
  decltype(&::zip_open_from_source) open_from_source;
  decltype(&::zip_set_file_compression) set_file_compression;
  decltype(&::zip_source_buffer) source_buffer;
  decltype(&::zip_source_buffer_create) source_buffer_create;
  decltype(&::zip_source_close) source_close;
  decltype(&::zip_source_error) source_error;
  decltype(&::zip_source_free) source_free;
  decltype(&::zip_source_keep) source_keep;
  decltype(&::zip_source_open) source_open;
  decltype(&::zip_source_read) source_read;
  decltype(&::zip_source_stat) source_stat;
  decltype(&::zip_stat_index) stat_index;
  decltype(&::zip_stat_init) stat_init;
};

/// libzip, loaded on the first call (from any thread). Throws std::runtime_error naming the
/// library file when it cannot be loaded or lacks a function: an installation without the
/// package the build was made with (Debian's libzip4).
const ZipLibrary& zip_library();

}  // namespace okgen::util
