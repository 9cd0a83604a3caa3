// Helper programs and finding a repository: arguments pass unquoted, standard input and the
// working folder reach the program, a missing program is told apart from a failing one, and
// outside a repository no git process is started. Helper threads: their work and errors
// reach the caller, and only a spare core lets a thread start one.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/test_support.h"
#include "util/git.h"
#include "util/parallel.h"
#include "util/process.h"

using namespace okgen;
namespace fs = std::filesystem;

TEST_CASE("process: arguments, input, folder and exit code reach and come back from the program", "[util]") {
  const fs::path dir = test::temp_dir("process");
  fs::create_directories(dir);
  auto r = util::run_process({"sh", "-c", "pwd; cat; echo fel >&2; exit 3", "x; rm -rf /"}, dir, nullptr);
  CHECK(r.exit_code == 3);
  CHECK(r.out == fs::canonical(dir).string() + "\n");
  CHECK(r.err == "fel\n");
  const std::string input(200000, 'a');  // more than a pipe holds: written while output is read
  r = util::run_process({"cat"}, {}, &input);
  CHECK(r.exit_code == 0);
  CHECK(r.out == input);
  r = util::run_process({"echo", "$HOME", "a b;c"});
  CHECK(r.out == "$HOME a b;c\n");
}

TEST_CASE("process: a program that does not exist, or a folder that does not, cannot start", "[util][bad-input]") {
  CHECK(util::run_process({"okgen-finns-inte-program"}).exit_code == -1);
  CHECK(util::run_process({"true"}, test::temp_dir("process") / "finns-inte").exit_code == -1);
  CHECK(util::run_process({}).exit_code == -1);
}

TEST_CASE("git: the repository's top folder is found from the file system", "[util]") {
  const fs::path dir = test::temp_dir("find-git");
  fs::remove_all(dir);
  fs::create_directories(dir / "repo/content/region");
  fs::create_directories(dir / "plain/content");
  REQUIRE(util::run_process({"git", "init", "-q", (dir / "repo").string()}).exit_code == 0);
  CHECK(util::find_git_toplevel(dir / "repo/content/region") == dir / "repo");
  CHECK(util::git_toplevel(dir / "repo/content/region") == fs::canonical(dir / "repo"));
  // A work tree whose .git is a file (git worktree, submodules) counts too.
  fs::create_directories(dir / "linked/content");
  std::ofstream(dir / "linked/.git") << "gitdir: " << (dir / "repo/.git").string() << "\n";
  CHECK(util::find_git_toplevel(dir / "linked/content") == dir / "linked");
  // Under /tmp with no .git above: no repository (and no git process to ask).
  if (!util::find_git_toplevel(fs::temp_directory_path())) {
    CHECK_FALSE(util::find_git_toplevel(dir / "plain/content"));
  } else {
    WARN("skipped: the temporary folder is inside a git repository");
  }
}

TEST_CASE("a helper thread's work is done when waited for, and its exception reaches the caller", "[threads]") {
  std::vector<int> filled(1000, 0);
  {
    util::Helper helper([&] {
      for (std::size_t i = 0; i < filled.size(); i += 2) filled[i] = 1;
    });
    for (std::size_t i = 1; i < filled.size(); i += 2) filled[i] = 1;
    helper.wait();
    CHECK(std::count(filled.begin(), filled.end(), 1) == 1000);
  }
  util::Helper failing([] { throw std::runtime_error("the helper's problem"); });
  CHECK_THROWS_WITH(failing.wait(), "the helper's problem");
  CHECK_NOTHROW(failing.wait());  // reported once; the thread is joined
  // Not waited for: the destructor joins (a joinable std::thread would end the program).
  { util::Helper unwaited([&] { filled[0] = 2; }); }
  CHECK(filled[0] == 2);
}

TEST_CASE("only a SpareCore scope opened with a spare core lets its thread start helpers", "[threads]") {
  CHECK_FALSE(util::SpareCore::here());
  {
    const util::SpareCore spare(true);
    CHECK(util::SpareCore::here());
    {
      const util::SpareCore busy(false);
      CHECK_FALSE(util::SpareCore::here());
    }
    CHECK(util::SpareCore::here());
    bool elsewhere = true;
    std::thread([&] { elsewhere = util::SpareCore::here(); }).join();
    CHECK_FALSE(elsewhere);  // the scope is the thread's own
  }
  CHECK_FALSE(util::SpareCore::here());
}
