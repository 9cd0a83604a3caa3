// okgen import (see import.h).
#include "import/import.h"

#include "import/readers.h"
#include "load/agreement_loader.h"
#include "load/encoding.h"
#include "local/init.h"
#include "text/template_engine.h"
#include "util/fs.h"
#include "util/text.h"

namespace okgen::import {
namespace fs = std::filesystem;

namespace {

enum class Kind { docx, odt, text, markdown, pdf, unknown_zip, encrypted };

Kind kind_of(const fs::path& path, const std::string& data) {
  if (data.compare(0, 5, "%PDF-") == 0) return Kind::pdf;
  // An OLE compound file: an encrypted Word 2007+ document (its package is inside, as
  // "EncryptedPackage") or an old binary .doc.
  if (data.compare(0, 8, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") == 0) {
    static const char kName[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e";
    return data.find(std::string(kName, sizeof kName - 1)) != std::string::npos ? Kind::encrypted : Kind::unknown_zip;
  }
  if (data.compare(0, 2, "PK") == 0) {
    // Told by the parts, not the name: a .doc renamed .docx is still what it is.
    ZipReader zip(data);
    if (zip.has("word/document.xml") || zip.has("[Content_Types].xml")) return Kind::docx;
    if (zip.has("content.xml") || zip.has("mimetype")) return Kind::odt;
    return Kind::unknown_zip;
  }
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".docx" || ext == ".docm" || ext == ".odt") return Kind::unknown_zip;  // named so, but not a zip
  return ext == ".md" || ext == ".markdown" ? Kind::markdown : Kind::text;
}

bool has_text(const Imported& doc) {
  for (const auto& b : doc.blocks) {
    if (!util::trim(plain(b.runs)).empty()) return true;
    for (const auto& row : b.rows)
      for (const auto& c : row)
        if (!util::trim(plain(c)).empty()) return true;
  }
  return false;
}

}  // namespace

std::optional<ImportResult> import_file(const ImportOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                                        diag::SourceRegistry& sources) {
  const std::string shown = util::display_path(options.input);
  std::string data;
  const auto status = util::read_file(options.input, data, kMaxImportBytes);
  if (status != util::ReadStatus::ok) {
    sink.report(status == util::ReadStatus::too_large ? "file-too-large" : "file-unreadable", diag::SourceSpan{shown, 0, 0},
                {{"problem", status == util::ReadStatus::not_found ? "@io.not-found" : "@io.unreadable"},
                 {"limit", std::to_string(kMaxImportBytes / (1024 * 1024))}});
    return std::nullopt;
  }
  std::string ext = options.input.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".docm" || ext == ".dotm") {  // macro-enabled by its name: refused before it is opened
    sink.report("import-macros", diag::SourceSpan{shown, 0, 0}, {{"part", ext}});
    return std::nullopt;
  }

  ReadResult read;
  const Kind kind = kind_of(options.input, data);
  switch (kind) {
    case Kind::pdf:
      sink.report("import-unknown-format", diag::SourceSpan{shown, 0, 0}, {{"kind", "pdf"}});
      return std::nullopt;
    case Kind::unknown_zip:
      read.problem = "import-not-a-package";
      break;
    case Kind::encrypted:
      read.problem = "import-encrypted";
      break;
    case Kind::docx: read = read_docx(data); break;
    case Kind::odt: read = read_odt(data); break;
    case Kind::text:
    case Kind::markdown: {
      const diag::SourceMap& map = sources.add(shown, data);
      if (!load::check_encoding(map, sink)) return std::nullopt;  // Latin-1, UTF-16 or binary
      if (util::trim(map.text()).empty()) {
        sink.report("text-empty", diag::SourceSpan{shown, 1, 1}, {});
        return std::nullopt;
      }
      read = read_text(shown, map.text(), kind == Kind::markdown);
      break;
    }
  }
  if (!read.doc) {
    const std::string where = read.part.empty() ? shown : shown + " (" + read.part + ")";
    sink.report(read.problem, diag::SourceSpan{where, 0, 0},
                {{"part", read.part}, {"problem", read.detail.empty() ? "@xml.other" : read.detail}});
    return std::nullopt;
  }
  if (!has_text(*read.doc)) {
    sink.report("import-no-text", diag::SourceSpan{shown, 0, 0}, {});
    return std::nullopt;
  }

  ImportResult out;
  out.format = read.doc->format;
  WriteOptions wo;
  wo.source = shown;
  wo.region = options.region;
  wo.as_of = options.as_of;
  out.xml = write_agreement(*read.doc, wo, res, out.summary);

  out.output = options.output;
  if (out.output.empty()) {
    // content/<region>/regional.xml, for a region the registry knows.
    const std::string region = options.region.empty() ? std::string() : options.region;
    std::string found;
    for (const auto& r : res.data.regions()) {
      if (out.xml.find("<region>" + text::escape_html(r) + "</region>") != std::string::npos) found = r;
    }
    if (found.empty()) {
      sink.report("import-no-region", diag::SourceSpan{shown, 0, 0}, {});
      return std::nullopt;
    }
    out.output = fs::path("content") / local::slug(found) / "regional.xml";
  }

  // The result must load as any agreement does; a failure here is okgen's, and nothing is
  // written.
  diag::DiagnosticSink check;
  diag::SourceRegistry check_sources;
  const fs::path root = util::default_content_root(out.output);
  auto loaded = load::load_agreement_text(out.output, out.xml, res.load_options(root), check, check_sources);
  if (!loaded || check.has_errors()) {
    std::string first;
    for (const auto& d : check.all())
      if (d.severity == diag::Severity::error) {
        first = d.rule + " " + std::to_string(d.span.line) + ":" + std::to_string(d.span.column);
        break;
      }
    sink.report("import-invalid-result", diag::SourceSpan{shown, 0, 0}, {{"problem", first}});
    return std::nullopt;
  }
  std::error_code ec;
  if (fs::exists(out.output, ec) && !options.force) {
    sink.report("import-exists", diag::SourceSpan{util::display_path(out.output), 0, 0}, {{"path", util::display_path(out.output)}});
    return std::nullopt;
  }
  util::write_file_atomic(out.output, out.xml);
  return out;
}

std::string import_report(const ImportResult& r, const Resources& res) {
  const ImportSummary& s = r.summary;
  text::Value ctx;
  ctx.set("output", util::display_path(r.output));
  ctx.set("format", r.format);
  ctx.set("sections", s.sections);
  ctx.set("paragraphs", s.paragraphs);
  ctx.set("list_items", s.list_items);
  ctx.set("tables", s.tables);
  ctx.set("matrices", s.matrices);
  ctx.set("party_lists", s.party_lists);
  // Mustache takes a number, 0 too, as true: the sections are guarded by flags.
  ctx.set("has_matrices", s.matrices > 0);
  ctx.set("has_party_lists", s.party_lists > 0);
  ctx.set("dispute_ladders", s.dispute_ladders);
  ctx.set("has_dispute_ladders", s.dispute_ladders > 0);
  ctx.set("notes", s.notes);
  ctx.set("law_refs", s.law_refs);
  ctx.set("prompts", s.prompts);
  ctx.set("insertions", s.insertions);
  ctx.set("deletions", s.deletions);
  ctx.set("tracked", s.insertions + s.deletions > 0);
  text::Value::List areas, comments, found, missing;
  auto item = [](text::Value::List& list, const std::string& name) {
    list.push_back(text::Value{}.set("sep", list.empty() ? std::string() : std::string(", ")).set("name", name));
  };
  for (const auto& a : s.areas) {
    std::string name = a;
    for (const auto& area : res.data.areas)
      if (area.id == a) name = area.name_sv;
    item(areas, name);
  }
  for (const auto& c : s.comments) comments.push_back(text::Value{}.set("text", c));
  for (const auto& m : s.metadata) item(found, res.labels.get("import", "meta." + m));
  for (const auto& m : s.missing) item(missing, res.labels.get("import", "meta." + m));
  ctx.set("areas", areas);
  ctx.set("area_count", static_cast<int>(s.areas.size()));
  ctx.set("comments", comments);
  ctx.set("has_comments", !comments.empty());
  ctx.set("found", found);
  ctx.set("missing", missing);
  ctx.set("has_missing", !missing.empty());
  std::string report = res.templates.render("import/report.txt", ctx, text::Escape::none);
  report.erase(0, report.find_first_not_of('\n'));  // the template's comment line leaves one
  return report;
}

}  // namespace okgen::import
