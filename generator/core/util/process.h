// Running a helper program (git, tar) without a shell: arguments are passed as they are,
// so file names and revisions need no quoting and cannot inject commands.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace okgen::util {

struct ProcessResult {
  int exit_code = -1;  ///< -1 when the program could not be started
  std::string out;     ///< standard output
  std::string err;     ///< standard error
};

/// Runs argv[0] (searched in PATH) with the arguments in `cwd` ("" = current directory).
/// `input`, when given, is written to the program's standard input (otherwise /dev/null).
ProcessResult run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {},
                          const std::string* input = nullptr);

/// Replaces this process with the program `name` that lies beside the running executable
/// (build/okgen-serve beside build/okgen), with `argv`. Returns only when that fails: prints
/// why and returns exit code 2.
int exec_sibling(const std::string& name, const std::vector<std::string>& argv);

}  // namespace okgen::util
