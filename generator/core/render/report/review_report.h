// Review reports: what `okgen check` prints and writes after the findings themselves.
//   text   coverage table (one agreement) or matrix (several), validity summary
//   json   everything, for programs (schema: docs/report-json.md)
//   sarif  SARIF 2.1.0, so code-review platforms show findings inline
//   html   a page with the findings and the coverage matrix
#pragma once

#include <string>

#include "diag/diagnostic.h"
#include "pipeline.h"
#include "resources.h"

namespace okgen::render::report {

std::string review_text(const PipelineResult& result, const Resources& res, const std::string& as_of);
std::string review_json(const PipelineResult& result, const diag::DiagnosticSink& sink, const Resources& res,
                        const std::string& as_of, const std::string& lang);
std::string review_sarif(const PipelineResult& result, const diag::DiagnosticSink& sink, const Resources& res);
std::string review_html(const PipelineResult& result, const diag::DiagnosticSink& sink, const Resources& res,
                        const std::string& as_of);

}  // namespace okgen::render::report
