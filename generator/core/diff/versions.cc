// Loading the versions to compare (see versions.h).
#include "diff/versions.h"

#include <cstdlib>
#include <unistd.h>

#include "util/fs.h"
#include "util/git.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::diff {

namespace {

// The most files of one folder a version brings along (an agreement, its Markdown bodies and
// its local agreements are a few dozen; a hostile tree could hold millions).
constexpr std::size_t kMaxVersionFiles = 2000;

// A private temporary folder, removed when it goes out of scope.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "okgen-diff-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

std::string first_line(const std::string& s) {
  std::string t(util::trim(s));
  return t.substr(0, t.find('\n'));
}

}  // namespace

std::optional<model::Agreement> load_version(const std::string& spec, load::LoadOptions options,
                                             diag::DiagnosticSink& sink, diag::SourceRegistry& sources) {
  std::error_code ec;
  const auto colon = spec.find(':');
  if (fs::exists(spec, ec) || colon == std::string::npos || colon == 0) {
    return load::load_agreement(spec, options, sink, sources);
  }
  const std::string rev = spec.substr(0, colon);
  const fs::path path = spec.substr(colon + 1);
  const diag::SourceSpan where{spec, 0, 0};
  // The repository is the one the path (or its nearest existing folder) is in.
  fs::path probe = fs::absolute(path, ec).parent_path();
  while (!probe.empty() && !fs::exists(probe, ec)) probe = probe.parent_path();
  std::string problem;
  const auto top = util::git_toplevel(probe, &problem);
  if (!top) {
    sink.report("diff-git", where, {{"file", spec}, {"problem", problem}});
    return std::nullopt;
  }
  const fs::path root = fs::weakly_canonical(*top, ec);
  const fs::path rel = fs::weakly_canonical(fs::absolute(path, ec), ec).lexically_relative(root);
  TempDir tmp;
  if (tmp.path.empty()) {
    sink.report("diff-git", where, {{"file", spec}, {"problem", "@io.no-temp-dir"}});
    return std::nullopt;
  }
  // The file's folder at that revision: Markdown bodies beside it are part of the version.
  // Objects are read as stored (ls-tree, cat-file): `git archive` would run the repository's
  // smudge filters.
  const std::string folder = rel.parent_path().empty() ? "." : rel.parent_path().generic_string();
  auto tree = util::run_git({"ls-tree", "-r", "-z", "--full-name", "--end-of-options", rev, "--", folder}, root);
  if (tree.exit_code != 0) {
    sink.report("diff-git", where, {{"file", spec}, {"problem", first_line(tree.err)}});
    return std::nullopt;
  }
  std::vector<std::string> names, paths;
  for (const auto& entry : util::split(tree.out, '\0')) {
    // "<mode> blob <oid>\t<path>"; only regular files (no links, no submodules), within reason.
    const auto tab = entry.find('\t');
    if (tab == std::string::npos || !util::starts_with(entry, "100") || entry.find(" blob ") == std::string::npos) continue;
    const std::string file = entry.substr(tab + 1);
    const fs::path p = fs::path(file).lexically_normal();
    if (p.is_absolute() || p.empty() || *p.begin() == "..") continue;
    names.push_back(entry.substr(entry.find(" blob ") + 6, tab - entry.find(" blob ") - 6));
    paths.push_back(file);
    if (names.size() >= kMaxVersionFiles) break;
  }
  const auto blobs = util::git_read_blobs(names, root);
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    if (!blobs[i]) continue;
    try {
      fs::create_directories((tmp.path / paths[i]).parent_path());
      util::write_file_atomic(tmp.path / paths[i], *blobs[i]);
    } catch (const std::exception&) {
      sink.report("diff-git", where, {{"file", spec}, {"problem", "@io.no-temp-dir"}});
      return std::nullopt;
    }
  }
  const fs::path file = tmp.path / rel;
  if (!fs::exists(file, ec)) {
    sink.report("diff-git", where, {{"file", spec}, {"problem", "@git.not-in-revision"}, {"rev", rev}});
    return std::nullopt;
  }
  options.content_root = tmp.path;
  diag::DiagnosticSink found;
  diag::SourceRegistry scratch;
  auto a = load::load_agreement(file, options, found, scratch);
  // Name the version as the user did, not by the temporary folder.
  const std::string tmp_prefix = util::display_path(tmp.path);
  auto rename = [&](std::string& f) {
    if (util::starts_with(f, tmp_prefix)) f = rev + ":" + fs::path(f.substr(tmp_prefix.size() + 1)).generic_string();
  };
  for (auto d : found.all()) {
    rename(d.span.file);
    for (auto& n : d.notes) rename(n.span.file);
    sink.add(std::move(d));
  }
  if (a) {
    for (auto& f : a->files) rename(f);
    // Keep the texts so findings can quote the lines.
    for (const auto& f : a->files) {
      std::string text;
      const fs::path real = tmp.path / f.substr(rev.size() + 1);
      if (util::read_file(real, text) == util::ReadStatus::ok) sources.add(f, std::move(text));
    }
  }
  return a;
}

}  // namespace okgen::diff
