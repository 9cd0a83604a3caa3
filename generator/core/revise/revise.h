// `okgen revise FILE --version X.Y`: starts a new version of an agreement in its file. The
// version in <meta> is raised and a row is added to the revision history with the date and
// draft="true", its summary left for the author (templates/revise/revision.xml.mustache);
// the checker asks for the summary until it is written. The file is edited as text, so the
// author's layout and comments stay as they were, and written atomically.
#pragma once

#include <filesystem>
#include <string>

#include "diag/diagnostic.h"
#include "diag/source_registry.h"
#include "load/agreement_loader.h"
#include "resources.h"
#include "util/date.h"

namespace okgen::revise {

enum class Result { written, invalid, unreadable };

Result revise(const std::filesystem::path& file, const std::string& version, const util::Date& date,
              const load::LoadOptions& options, const Resources& res, diag::DiagnosticSink& sink,
              diag::SourceRegistry& sources);

/// The edited text (exposed for tests): `xml` with <version> set and the row added.
std::string revised_text(const std::string& xml, const std::string& version, const std::string& row);

}  // namespace okgen::revise
