// jemalloc's settings for the okgen program, chosen from the command line before jemalloc
// starts. Compiled only when the program is linked with jemalloc (OKGEN_JEMALLOC).
//
// One agreement at a time (`okgen build FILE`, `okgen check FILE`): "thp:always", so the heap
// grows in transparent huge pages. Such a command touches some 10 MB of fresh heap; in 4 KB
// pages that was 2 600 of the 26-page build's 4 100 page faults, and the command took 3–4 ms
// longer (bench/README.md). A batch (a folder, the default `content/`, or as many files as
// cores) keeps 4 KB pages: its workers reuse their heap, so huge pages gained it no time, and
// its peak memory grew by 5–14 MB (2 MB at a time).
//
// Why here: jemalloc reads `malloc_conf` once, at its first allocation, which comes before
// main and before any constructor of this program (the C++ runtime allocates as it starts).
// A function in .preinit_array runs before all of them and gets argc/argv. It must not
// allocate, so it only looks at the arguments' names: the CLI's own parsing comes much later.
#include <unistd.h>

#include <cstring>

extern "C" {
// visibility("default"): jemalloc finds the setting among the program's dynamic symbols.
__attribute__((visibility("default"), used)) const char* malloc_conf = "";
}

namespace {

bool names_agreement(const char* arg) {
  const std::size_t n = std::strlen(arg);
  return n > 4 && std::strcmp(arg + n - 4, ".xml") == 0;
}

// Agreements named one by one, fewer than the cores: the pipeline then builds them one per
// core with a core to spare (pipeline_load.cc, spare_core). No file named means `content/`.
void choose_malloc_conf(int argc, char** argv, char**) {
  int files = 0;
  for (int i = 1; i < argc; ++i) files += names_agreement(argv[i]) ? 1 : 0;
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  if (files > 0 && files < (cores > 1 ? cores : 1)) malloc_conf = "thp:always";
}

__attribute__((section(".preinit_array"), used)) void (*const preinit)(int, char**, char**) = choose_malloc_conf;

}  // namespace
