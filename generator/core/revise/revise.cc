// Starting a new version (see revise.h).
#include "revise/revise.h"


#include "util/fs.h"
#include "util/regex.h"

namespace okgen::revise {

std::string revised_text(const std::string& xml, const std::string& version, const std::string& row) {
  std::string out = xml;
  // The first <version> is the one in <meta> (the format has no other).
  static const util::Regex kVersion("<version>[^<]*</version>");
  util::Match m;
  if (util::regex_search(out, m, kVersion)) {
    out.replace(static_cast<std::size_t>(m.position()), static_cast<std::size_t>(m.length()),
                "<version>" + version + "</version>");
  }
  // The row goes last in the history, indented like the rows before it.
  const auto close = out.rfind("</revision-history>");
  if (close != std::string::npos) {
    const auto line_start = out.rfind('\n', close) + 1;
    const std::string indent = out.substr(line_start, close - line_start);
    out.insert(line_start, indent + "  " + row + "\n");
    return out;
  }
  // No history yet: one before the signatures, else at the end.
  auto at = out.find("<signatures");
  if (at == std::string::npos) at = out.rfind("</agreement>");
  const auto line_start = out.rfind('\n', at) + 1;
  out.insert(line_start, "  <revision-history>\n    " + row + "\n  </revision-history>\n\n");
  return out;
}

Result revise(const std::filesystem::path& file, const std::string& version, const util::Date& date,
              const load::LoadOptions& options, const Resources& res, diag::DiagnosticSink& sink,
              diag::SourceRegistry& sources) {
  const std::size_t mark = sink.size();
  auto a = load::load_agreement(file, options, sink, sources);
  if (!a) return Result::unreadable;
  if (sink.has_errors_since(mark)) return Result::invalid;
  const diag::SourceSpan where{a->path(), a->meta.loc.line, a->meta.loc.column};
  bool known = a->meta.version == version;
  for (const auto& r : a->revisions) known = known || r.version == version;
  if (known) {
    sink.report("revise-version-exists", where, {{"version", version}, {"current", a->meta.version}});
    return Result::invalid;
  }
  std::string xml;
  if (util::read_file(file, xml) != util::ReadStatus::ok) return Result::unreadable;
  text::Value ctx;
  ctx.set("version", version);
  ctx.set("previous", a->meta.version);
  ctx.set("date", date.iso());
  std::string row = res.templates.render("revise/revision.xml", ctx, text::Escape::html);
  while (!row.empty() && (row.front() == '\n' || row.front() == ' ')) row.erase(0, 1);
  while (!row.empty() && (row.back() == '\n' || row.back() == ' ')) row.pop_back();
  const std::string out = revised_text(xml, version, row);
  // The result must load as cleanly as the original did before it replaces it.
  diag::DiagnosticSink check;
  diag::SourceRegistry scratch;
  auto again = load::load_agreement_text(file, out, options, check, scratch);
  if (!again || check.has_errors() || again->meta.version != version) {
    sink.report("revise-failed", where, {{"version", version}});
    return Result::invalid;
  }
  util::rewrite_file_atomic(file, out);
  return Result::written;
}

}  // namespace okgen::revise
