// Golden-file comparison with an update switch (pandoc --accept, typst --update):
// OKGEN_UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing.
#pragma once

#include <filesystem>
#include <string>

namespace okgen::test {

/// True when OKGEN_UPDATE_GOLDEN=1 is set.
bool updating_golden();

/// Compares `actual` with the file `expected`. When updating, writes it instead and returns
/// true. Otherwise returns whether they are equal; on a difference `diff` describes the first
/// differing line.
bool matches_golden(const std::filesystem::path& expected, const std::string& actual, std::string* diff);

}  // namespace okgen::test
