// Helpers shared by the tests: resources from the source tree, loading agreements from
// strings, and reading diagnostics back as "line:col rule" strings.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "model/agreement.h"
#include "resources.h"

namespace okgen::test {

/// The source tree (where content/, templates/ and tests/ are).
std::filesystem::path source_dir();
/// Resources from the source tree, loaded once.
const Resources& resources();

/// A loaded agreement with everything the run reported.
struct Loaded {
  std::optional<model::Agreement> agreement;
  diag::DiagnosticSink sink;
  diag::SourceRegistry sources;
  /// "line:col rule" for each diagnostic, in order.
  std::vector<std::string> findings() const;
  /// Rule ids only.
  std::vector<std::string> rules() const;
  bool has(const std::string& rule) const;
};

/// Loads agreement XML given as a string, as if from `path` (relative <body src> resolve
/// from its folder; the content root is that folder).
Loaded load_string(const std::string& xml, const std::filesystem::path& path = "test/agreement.xml");
/// Loads a file.
Loaded load_file(const std::filesystem::path& path);

/// A minimal valid agreement with `sections` (XML) as its body, for focused tests.
std::string minimal_agreement(const std::string& sections, const std::string& extra_meta = "",
                              const std::string& back_matter = "");

/// Reads a whole file; fails the test when it cannot.
std::string read(const std::filesystem::path& path);

/// A fresh empty directory under the system temp dir, removed at exit of the process
/// (kept when OKGEN_KEEP_TEST_DIRS is set).
std::filesystem::path temp_dir(const std::string& name);

/// Runs a shell command, capturing stdout and stderr together; returns the exit code.
int run(const std::string& command, std::string* output = nullptr);

}  // namespace okgen::test
