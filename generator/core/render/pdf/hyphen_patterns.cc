// Compiled hyphenation patterns (see hyphen_patterns.h). The image holds libhyphen's
// public structures (hyphen.h) field by field; reading it back checks every size, index and
// the payload's hash, so a damaged file is rebuilt rather than trusted.
#include "render/pdf/hyphen_patterns.h"

#include <fcntl.h>
#include <hyphen.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#include "util/fs.h"

namespace fs = std::filesystem;

namespace okgen::render::pdf {

namespace {

constexpr char kMagic[8] = {'O', 'K', 'G', 'H', 'Y', 'P', 'H', '\0'};
constexpr std::uint32_t kFormat = 2;  // 2: keys and payload hashed with util::digest64
constexpr std::uint32_t kNull = 0xFFFFFFFFu;
constexpr std::size_t kMaxLevels = 8;
constexpr std::int32_t kMaxStates = 1 << 24;

class ImageWriter {
 public:
  template <class T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  // A string of `n` bytes (which may hold NULs) and its terminating NUL; null as kNull.
  void str(const char* s, std::size_t n) {
    if (!s) return put(kNull);
    put(static_cast<std::uint32_t>(n));
    out.append(s, n);
    out.push_back('\0');
  }
  std::string out;
};

class ImageReader {
 public:
  explicit ImageReader(std::string_view bytes) : b_(bytes) {}
  template <class T>
  T get() {
    T v{};
    if (b_.size() - pos_ < sizeof v) {
      ok_ = false;
      return v;
    }
    std::memcpy(&v, b_.data() + pos_, sizeof v);
    pos_ += sizeof v;
    return v;
  }
  // A pointer into the image (which stays alive as long as the patterns), or null.
  char* str(std::size_t* length = nullptr) {
    const auto n = get<std::uint32_t>();
    if (length) *length = 0;
    if (!ok_ || n == kNull) return nullptr;
    if (b_.size() - pos_ <= n || b_[pos_ + n] != '\0') {
      ok_ = false;
      return nullptr;
    }
    char* s = const_cast<char*>(b_.data() + pos_);
    pos_ += std::size_t{n} + 1;
    if (length) *length = n;
    return s;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == b_.size(); }

 private:
  std::string_view b_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// Bytes of a NOHYPHEN list: libhyphen keeps it as nohyphenl + 1 NUL-separated strings.
std::size_t nohyphen_bytes(const HyphenDict& d) {
  const char* p = d.nohyphen;
  for (int i = 0; i <= d.nohyphenl; ++i) p += std::strlen(p) + 1;
  return static_cast<std::size_t>(p - d.nohyphen) - 1;
}

}  // namespace

fs::path default_cache_dir() {
  if (const char* d = std::getenv("OKGEN_CACHE_DIR"); d && *d) return d;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return fs::path(x) / "okgen";
  if (const char* h = std::getenv("HOME"); h && *h) return fs::path(h) / ".cache" / "okgen";
  return {};
}

std::string HyphenPatterns::image(std::uint64_t source_hash) const {
  ImageWriter w;
  std::size_t levels = 0;
  for (const HyphenDict* d = dict_; d && levels < kMaxLevels; d = d->nextlevel) {
    ++levels;
    w.put(d->lhmin), w.put(d->rhmin), w.put(d->clhmin), w.put(d->crhmin);
    w.put(static_cast<std::int32_t>(d->nohyphenl)), w.put(static_cast<std::int32_t>(d->utf8));
    w.out.append(d->cset, sizeof d->cset);
    w.str(d->nohyphen, d->nohyphen ? nohyphen_bytes(*d) : 0);
    std::int64_t transitions = 0;
    for (int s = 0; s < d->num_states; ++s) transitions += d->states[s].num_trans;
    w.put(static_cast<std::int32_t>(d->num_states)), w.put(transitions);
    for (int s = 0; s < d->num_states; ++s) {
      const HyphenState& st = d->states[s];
      w.put(static_cast<std::int32_t>(st.fallback_state)), w.put(static_cast<std::int32_t>(st.num_trans));
      w.put(st.replindex), w.put(st.replcut);
      w.str(st.match, st.match ? std::strlen(st.match) : 0);
      w.str(st.repl, st.repl ? std::strlen(st.repl) : 0);
      for (int t = 0; t < st.num_trans; ++t) w.put(st.trans[t].ch), w.put(static_cast<std::int32_t>(st.trans[t].new_state));
    }
  }
  ImageWriter head;
  head.out.append(kMagic, sizeof kMagic);
  head.put(kFormat), head.put(static_cast<std::uint32_t>(levels));
  head.put(source_hash), head.put(static_cast<std::uint64_t>(w.out.size())), head.put(digest64(w.out));
  return head.out + w.out;
}

std::unique_ptr<HyphenPatterns> HyphenPatterns::from_image(std::string_view bytes, std::uint64_t source_hash) {
  std::unique_ptr<HyphenPatterns> p(new HyphenPatterns);
  // Strings are used in place: keep the bytes in storage that lives with the patterns.
  p->image_.resize(bytes.size() / 8 + 1);
  std::memcpy(p->image_.data(), bytes.data(), bytes.size());
  if (!p->parse(std::string_view(reinterpret_cast<const char*>(p->image_.data()), bytes.size()), source_hash)) {
    return nullptr;
  }
  return p;
}

bool HyphenPatterns::parse(std::string_view all, std::uint64_t source_hash) {
  HyphenPatterns* p = this;
  ImageReader r(all);
  char magic[8];
  for (char& c : magic) c = r.get<char>();
  const auto format = r.get<std::uint32_t>();
  const auto levels = r.get<std::uint32_t>();
  const auto hash = r.get<std::uint64_t>();
  const auto payload_size = r.get<std::uint64_t>();
  const auto payload_hash = r.get<std::uint64_t>();
  const std::size_t header = sizeof kMagic + 2 * 4 + 3 * 8;
  if (!r.ok() || std::memcmp(magic, kMagic, sizeof kMagic) != 0 || format != kFormat || hash != source_hash ||
      levels == 0 || levels > kMaxLevels || payload_size != all.size() - header ||
      payload_hash != digest64(all.substr(header))) {
    return false;
  }
  for (std::uint32_t l = 0; l < levels; ++l) {
    auto d = std::make_unique<HyphenDict>();
    std::memset(d.get(), 0, sizeof(HyphenDict));
    d->lhmin = r.get<char>(), d->rhmin = r.get<char>(), d->clhmin = r.get<char>(), d->crhmin = r.get<char>();
    d->nohyphenl = r.get<std::int32_t>();
    d->utf8 = r.get<std::int32_t>();
    for (char& c : d->cset) c = r.get<char>();
    d->cset[sizeof d->cset - 1] = '\0';
    std::size_t nohyphen_length = 0;
    d->nohyphen = r.str(&nohyphen_length);
    d->num_states = r.get<std::int32_t>();
    const auto transitions = r.get<std::int64_t>();
    if (!r.ok() || d->nohyphenl < 0 || d->num_states < 1 || d->num_states > kMaxStates || transitions < 0 ||
        transitions > kMaxStates) {
      return false;
    }
    // libhyphen walks nohyphenl + 1 strings: they must all lie inside this one.
    if (d->nohyphen && std::count(d->nohyphen, d->nohyphen + nohyphen_length + 1, '\0') != d->nohyphenl + 1) {
      return false;
    }
    auto& states = p->states_.emplace_back(static_cast<std::size_t>(d->num_states));
    auto& trans = p->trans_.emplace_back(static_cast<std::size_t>(transitions));
    std::size_t next_trans = 0;
    for (HyphenState& st : states) {
      st.fallback_state = r.get<std::int32_t>();
      st.num_trans = r.get<std::int32_t>();
      st.replindex = r.get<signed char>();
      st.replcut = r.get<signed char>();
      st.match = r.str();
      st.repl = r.str();
      if (!r.ok() || st.fallback_state < -1 || st.fallback_state >= d->num_states || st.num_trans < 0 ||
          static_cast<std::size_t>(st.num_trans) > trans.size() - next_trans) {
        return false;
      }
      st.trans = st.num_trans ? &trans[next_trans] : nullptr;
      for (int t = 0; t < st.num_trans; ++t, ++next_trans) {
        trans[next_trans].ch = r.get<char>();
        trans[next_trans].new_state = r.get<std::int32_t>();
        if (trans[next_trans].new_state < 0 || trans[next_trans].new_state >= d->num_states) return false;
      }
    }
    if (!r.ok() || next_trans != trans.size()) return false;
    d->states = states.data();
    if (!p->levels_.empty()) p->levels_.back()->nextlevel = d.get();
    p->levels_.push_back(std::move(d));
  }
  if (!r.at_end()) return false;
  p->dict_ = p->levels_.front().get();
  p->origin_ = Origin::cache_image;
  return true;
}

std::unique_ptr<HyphenPatterns> HyphenPatterns::load(const fs::path& dictionary, const fs::path& cache_dir) {
  std::string text;
  if (util::read_file(dictionary, text) != util::ReadStatus::ok) return nullptr;
  const std::uint64_t hash = digest64(text);
  char name[32];
  std::snprintf(name, sizeof name, "hyph-%016llx.bin", static_cast<unsigned long long>(hash));
  const fs::path image_path = cache_dir.empty() ? fs::path() : cache_dir / name;
  if (!image_path.empty()) {
    // Mapped, not read: the kernel maps the file's cached pages a run at a time, where a
    // copy would first zero and then fill half a megabyte of fresh pages.
    const int fd = ::open(image_path.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && ::fstat(fd, &st) == 0 && st.st_size > 0 && st.st_size < (std::int64_t{1} << 28)) {
      void* map = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (map != MAP_FAILED) {
        std::unique_ptr<HyphenPatterns> p(new HyphenPatterns);
        p->map_ = map;
        p->map_size_ = static_cast<std::size_t>(st.st_size);
        if (p->parse(std::string_view(static_cast<const char*>(map), p->map_size_), hash)) {
          ::close(fd);
          return p;
        }
      }
    }
    if (fd >= 0) ::close(fd);
  }
  std::unique_ptr<HyphenPatterns> p(new HyphenPatterns);
  p->dict_ = hnj_hyphen_load(dictionary.c_str());
  if (!p->dict_) return nullptr;
  p->owned_by_libhyphen_ = true;
  if (!image_path.empty()) {
    // The cache is only a speed-up: a read-only or full disk leaves the patterns as read.
    try {
      fs::create_directories(cache_dir);
      util::write_file_atomic(image_path, p->image(hash));
    } catch (const std::exception&) {
    }
  }
  return p;
}

HyphenPatterns::~HyphenPatterns() {
  if (owned_by_libhyphen_ && dict_) hnj_hyphen_free(dict_);
  if (map_) ::munmap(map_, map_size_);
}

}  // namespace okgen::render::pdf
