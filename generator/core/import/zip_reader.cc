// ZipReader (see zip_reader.h), on libzip loaded at first use (util/zip_library.h).
#include "import/zip_reader.h"

#include "util/zip_library.h"

#include <algorithm>

namespace okgen::import {

using util::ZipLibrary;
using util::zip_library;

struct ZipReader::Impl {
  zip_t* archive = nullptr;
};

ZipReader::ZipReader(const std::string& data, ZipLimits limits) : impl_(std::make_unique<Impl>()), limits_(limits) {
  if (data.size() < 4 || data.compare(0, 2, "PK") != 0) {
    problem_ = ZipProblem::not_zip;
    return;
  }
  const ZipLibrary& zl = zip_library();
  zip_error_t err;
  zl.error_init(&err);
  zip_source_t* src = zl.source_buffer_create(data.data(), data.size(), 0, &err);
  if (!src) {
    problem_ = ZipProblem::damaged;
    return;
  }
  impl_->archive = zl.open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  if (!impl_->archive) {
    zl.source_free(src);
    problem_ = zl.error_code_zip(&err) == ZIP_ER_NOZIP ? ZipProblem::not_zip : ZipProblem::damaged;
    return;
  }
  const zip_int64_t n = zl.get_num_entries(impl_->archive, 0);
  if (n < 0 || static_cast<std::size_t>(n) > limits_.max_entries) {
    problem_ = ZipProblem::too_many_entries;
    return;
  }
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zl.get_name(impl_->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    names_.push_back(name ? name : "");
  }
}

ZipReader::~ZipReader() {
  if (impl_->archive) zip_library().discard(impl_->archive);
}

bool ZipReader::has(const std::string& name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

std::optional<std::string> ZipReader::read(const std::string& name) {
  if (!impl_->archive || problem_ != ZipProblem::none) return std::nullopt;
  const ZipLibrary& zl = zip_library();
  const zip_int64_t index = zl.name_locate(impl_->archive, name.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t st;
  zl.stat_init(&st);
  if (zl.stat_index(impl_->archive, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    problem_ = ZipProblem::damaged;
    problem_part_ = name;
    return std::nullopt;
  }
  auto fail = [&](ZipProblem p) -> std::optional<std::string> {
    problem_ = p;
    problem_part_ = name;
    return std::nullopt;
  };
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) return fail(ZipProblem::encrypted);
  // The declared sizes first: most bombs say what they are.
  if ((st.valid & ZIP_STAT_SIZE) && st.size > limits_.max_part) return fail(ZipProblem::too_large);
  if ((st.valid & ZIP_STAT_SIZE) && total_ + st.size > limits_.max_total) return fail(ZipProblem::too_large);
  if ((st.valid & ZIP_STAT_SIZE) && (st.valid & ZIP_STAT_COMP_SIZE) && st.size > 1024 * 1024 &&
      static_cast<double>(st.size) > limits_.max_ratio * static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1))) {
    return fail(ZipProblem::bomb);
  }
  zip_file_t* f = zl.fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0);
  if (!f) return fail(zl.error_code_zip(zl.get_error(impl_->archive)) == ZIP_ER_NOPASSWD ? ZipProblem::encrypted
                                                                                             : ZipProblem::damaged);
  // Then while inflating: never more than the limit, whatever the header said.
  std::string out;
  char buf[65536];
  for (;;) {
    const zip_int64_t got = zl.fread(f, buf, sizeof buf);
    if (got < 0) {
      zl.fclose(f);
      return fail(ZipProblem::damaged);
    }
    if (got == 0) break;
    out.append(buf, static_cast<std::size_t>(got));
    if (out.size() > limits_.max_part || total_ + out.size() > limits_.max_total) {
      zl.fclose(f);
      return fail(ZipProblem::too_large);
    }
  }
  zl.fclose(f);
  total_ += out.size();
  return out;
}

}  // namespace okgen::import
