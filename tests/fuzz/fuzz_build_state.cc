// Fuzz target: the incremental build's state reader. The state file lives in the user's
// cache and may be damaged, cut short or written by another version; reading it must never
// crash, and whatever it accepts must write back and read again to the same bytes (one
// description of the format reads and writes it, see incremental/state_xml.cc).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "fuzz_common.h"
#include "incremental/build_state.h"
#include "util/fs.h"

using namespace okgen;
namespace fs = std::filesystem;

namespace {

const fs::path& scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("okgen-fuzz-state-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path input = scratch() / "input.xml", first = scratch() / "first.xml", second = scratch() / "second.xml";
  {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto state = incremental::read_state(input);
  if (!state) return 0;
  // What was accepted writes back, and that reads to the same state (its bytes again).
  if (!incremental::write_state(first, *state)) std::abort();
  auto again = incremental::read_state(first);
  if (!again) std::abort();
  if (!incremental::write_state(second, *again)) std::abort();
  if (slurp(first) != slurp(second)) std::abort();
  return 0;
}
