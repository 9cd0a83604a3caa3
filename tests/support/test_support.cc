// Test helpers.
#include "support/test_support.h"

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "load/agreement_loader.h"
#include "util/fs.h"

namespace fs = std::filesystem;

namespace okgen::test {

fs::path source_dir() { return OKGEN_SOURCE_DIR; }

const Resources& resources() {
  static const Resources kRes = Resources::load(source_dir());
  return kRes;
}

std::vector<std::string> Loaded::findings() const {
  std::vector<std::string> out;
  for (const auto& d : sink.all()) {
    out.push_back(std::to_string(d.span.line) + ":" + std::to_string(d.span.column) + " " + d.rule);
  }
  return out;
}

std::vector<std::string> Loaded::rules() const {
  std::vector<std::string> out;
  for (const auto& d : sink.all()) out.push_back(d.rule);
  return out;
}

bool Loaded::has(const std::string& rule) const {
  for (const auto& d : sink.all()) {
    if (d.rule == rule) return true;
  }
  return false;
}

static load::LoadOptions options_for(const fs::path& path) {
  load::LoadOptions o;
  o.content_root = util::default_content_root(path);
  o.areas = resources().data.area_ids();
  o.standard_texts = resources().templates.list("text/standard", ".md");
  return o;
}

Loaded load_string(const std::string& xml, const fs::path& path) {
  Loaded l;
  l.agreement = load::load_agreement_text(path, xml, options_for(path), l.sink, l.sources);
  return l;
}

Loaded load_file(const fs::path& path) {
  Loaded l;
  l.agreement = load::load_agreement(path, options_for(path), l.sink, l.sources);
  return l;
}

std::string minimal_agreement(const std::string& sections, const std::string& extra_meta,
                              const std::string& back_matter) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<agreement id=\"test\" kind=\"regional\">\n"
         "  <meta>\n"
         "    <title>Testöverenskommelse</title>\n"
         "    <region>Region Test</region>\n"
         "    <version>1.0</version>\n"
         "    <parties>\n"
         "      <party id=\"region-test\" kind=\"region\">Region Test</party>\n"
         "      <party id=\"testby\" kind=\"municipality\" code=\"9999\">Testby kommun</party>\n"
         "    </parties>\n" +
         extra_meta +
         "  </meta>\n" + sections + back_matter + "</agreement>\n";
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace {

// The process's folder of temporary directories, removed when the process ends (unless
// OKGEN_KEEP_TEST_DIRS is set, to look at what a failing test wrote).
struct TempRoot {
  fs::path dir = fs::temp_directory_path() / ("okgen-test-" + std::to_string(::getpid()));
  ~TempRoot() {
    if (std::getenv("OKGEN_KEEP_TEST_DIRS")) return;
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

}  // namespace

fs::path temp_dir(const std::string& name) {
  static const TempRoot root;
  fs::path dir = root.dir / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int run(const std::string& command, std::string* output) {
  std::string cmd = command + " 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) return -1;
  std::array<char, 4096> buf{};
  std::string out;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = ::pclose(pipe);
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace okgen::test
