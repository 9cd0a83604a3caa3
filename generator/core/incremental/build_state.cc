// Stamps, the build fingerprint and where the state is kept (see build_state.h); the state
// file's format is in state_xml.cc.
#include "incremental/build_state.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <sstream>

#include "render/pdf/hyphen_patterns.h"
#include "util/fs.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace okgen::incremental {
namespace {

// Length and modification time of `path` (following symlinks) as text, "-" when missing.
std::string file_identity(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return "-";
  const std::int64_t ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return std::to_string(st.st_size) + "@" + std::to_string(ns) + "#" + std::to_string(st.st_ino);
}

fs::path absolute_of(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return ec ? p : a.lexically_normal();
}

}  // namespace

CachedAgreement* BuildState::find(const std::string& source) {
  for (auto& a : agreements) {
    if (a.source == source) return &a;
  }
  return nullptr;
}

fs::path state_file(const fs::path& output_dir) {
  const fs::path dir = render::pdf::default_cache_dir();
  if (dir.empty()) return {};
  return dir / "builds" / (util::hex_digits(util::fnv1a64(absolute_of(output_dir).string())) + ".xml");
}

std::string fingerprint(const PipelineOptions& options, const Resources& res, const std::vector<fs::path>& extra_files,
                        const diag::SeverityPolicy* policy) {
  std::ostringstream d;
  d << "okgen-build-state 2\n";  // 2: input stamps hashed with util::digest64
  // okgen itself: a new binary may make different outputs from the same input.
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  d << "binary " << self.string() << ' ' << file_identity(self) << '\n';
  // The resource tree: every file below templates/, styles/ and data/, in name order.
  for (const char* part : {"templates", "styles", "data"}) {
    std::vector<std::string> lines;
    for (auto it = fs::recursive_directory_iterator(res.root / part, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      if (it->is_regular_file(ec)) lines.push_back(it->path().string() + ' ' + file_identity(it->path()));
    }
    if (ec) return {};
    std::sort(lines.begin(), lines.end());
    for (const auto& l : lines) d << l << '\n';
  }
  for (const auto& f : extra_files) d << "file " << f.string() << ' ' << file_identity(f) << '\n';
  d << "lang " << res.lang << '\n';
  // The options, all of them: a new one must be added here.
  d << "cwd " << fs::current_path(ec).string() << '\n';
  d << "formats";
  for (const auto& f : options.formats) d << ' ' << f;
  d << "\nas-of " << options.as_of.iso() << "\nkeep-going " << options.keep_going << "\noutput "
    << absolute_of(options.output_dir).string() << "\ncontent-root "
    << (options.content_root.empty() ? std::string() : absolute_of(options.content_root).string()) << '\n';
  const review::CheckOptions& c = options.check;
  d << "check git=" << c.compare_with_git << " lix=" << c.lix_threshold << " words=" << c.min_words
    << " soon=" << c.soon_days << " final=" << c.final << " forms=";
  for (auto f : c.local_forms) d << static_cast<int>(f) << ',';
  for (const auto& [region, forms] : c.local_forms_by_region) {
    d << ' ' << region << '=';
    for (auto f : forms) d << static_cast<int>(f) << ',';
  }
  d << '\n';
  for (const diag::SeverityPolicy* p : {&c.policy, policy}) {
    d << "policy";
    if (p) {
      for (const auto& [rule, sev] : p->overrides()) d << ' ' << rule << '=' << (sev ? static_cast<int>(*sev) : -1);
    }
    d << '\n';
  }
  return util::hex_digits(util::fnv1a64(d.str()));
}

const std::optional<InputStamp>& InputFiles::stamp(const std::string& path) {
  auto [it, fresh] = files_.try_emplace(path);
  if (fresh) {
    std::string bytes;
    if (util::read_file(path, bytes) == util::ReadStatus::ok) {
      it->second.stamp = InputStamp{path, bytes.size(), util::digest64(bytes)};
      it->second.text = std::move(bytes);
    }
  }
  return it->second.stamp;
}

const std::string* InputFiles::text(const std::string& path) const {
  auto it = files_.find(path);
  return it != files_.end() && it->second.stamp ? &it->second.text : nullptr;
}

std::optional<OutputStamp> output_stamp(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return OutputStamp{path.string(), static_cast<std::uint64_t>(st.st_size),
                     static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec};
}

bool inputs_unchanged(const CachedAgreement& cached, InputFiles& inputs) {
  for (const auto& in : cached.inputs) {
    const auto& now = inputs.stamp(in.path);
    if (!now || now->size != in.size || now->hash != in.hash) return false;
  }
  return !cached.inputs.empty();
}

bool outputs_unchanged(const CachedAgreement& cached) {
  for (const auto& out : cached.outputs) {
    const auto now = output_stamp(out.path);
    if (!now || now->size != out.size || now->mtime_ns != out.mtime_ns) return false;
  }
  return !cached.outputs.empty();
}

bool still_valid(const CachedAgreement& cached, InputFiles& inputs) {
  return inputs_unchanged(cached, inputs) && outputs_unchanged(cached);
}

}  // namespace okgen::incremental
