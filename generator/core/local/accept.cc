// okgen local accept (see accept.h).
#include "local/accept.h"

#include <pugixml.hpp>

#include <algorithm>

#include "load/agreement_loader.h"
#include "local/merge.h"
#include "local/status.h"
#include "model/span.h"
#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::local {

std::optional<std::string> set_based_on(const std::string& xml, const std::string& ref, const std::string& value) {
  pugi::xml_document doc;
  if (!doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return std::nullopt;
  for (pugi::xml_node n : doc.document_element().children("local-section")) {
    if (ref != n.attribute("ref").as_string()) continue;
    // The start tag in the text: from its name (pugixml's offset) to the ">" outside quotes.
    const std::size_t name_at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, n.offset_debug()));
    const std::size_t end = util::tag_end(xml, name_at);
    if (end == std::string::npos) return std::nullopt;
    const std::string tag = xml.substr(name_at, end - name_at);
    std::string out = xml;
    // An existing based-on="…": its value replaced, its quotes kept.
    for (std::size_t at = tag.find("based-on"); at != std::string::npos; at = tag.find("based-on", at + 1)) {
      const bool starts_name = at > 0 && std::isspace(static_cast<unsigned char>(tag[at - 1]));
      std::size_t eq = at + 8;
      while (eq < tag.size() && std::isspace(static_cast<unsigned char>(tag[eq]))) ++eq;
      if (!starts_name || eq >= tag.size() || tag[eq] != '=') continue;
      std::size_t open = eq + 1;
      while (open < tag.size() && std::isspace(static_cast<unsigned char>(tag[open]))) ++open;
      if (open >= tag.size() || (tag[open] != '"' && tag[open] != '\'')) return std::nullopt;
      const std::size_t close = tag.find(tag[open], open + 1);
      if (close == std::string::npos) return std::nullopt;
      out.replace(name_at + open + 1, close - open - 1, value);
      return out;
    }
    // None yet: added as the last attribute.
    std::size_t insert = end;
    if (insert > name_at && xml[insert - 1] == '/') --insert;
    while (insert > name_at && std::isspace(static_cast<unsigned char>(xml[insert - 1]))) --insert;
    out.insert(insert, " based-on=\"" + value + "\"");
    return out;
  }
  return std::nullopt;
}

std::optional<AcceptResult> accept_regional_changes(const fs::path& file, const std::vector<std::string>& sections,
                                                    bool all, const Resources& res, diag::DiagnosticSink& sink,
                                                    diag::SourceRegistry& sources) {
  const std::size_t mark = sink.size();
  const fs::path root = util::default_content_root(file);
  const auto local = load::load_agreement(file, res.load_options(root), sink, sources);
  if (!local || sink.has_errors_since(mark)) return std::nullopt;
  const diag::SourceSpan where = model::span_of(*local, local->meta.loc);
  if (local->kind != model::AgreementKind::local || !local->meta.parent) {
    sink.report("accept-not-local", where, {});
    return std::nullopt;
  }
  // The regional agreement as the pipeline finds it: <parent href>, inside the content folder.
  const fs::path href = fs::path(local->path()).parent_path() / local->meta.parent->href;
  const diag::SourceSpan parent_at = model::span_of(*local, local->meta.parent->loc);
  if (fs::path(local->meta.parent->href).is_absolute() || !util::is_inside(href, root)) {
    sink.report("local-parent-outside-content", parent_at,
                {{"src", local->meta.parent->href}, {"root", util::display_path(root)}});
    return std::nullopt;
  }
  diag::DiagnosticSink regional_found;
  diag::SourceRegistry regional_sources;
  const auto regional = load::load_agreement(href, res.load_options(root), regional_found, regional_sources);
  if (!regional || regional_found.has_errors()) {
    sink.report("local-parent-invalid", parent_at, {{"href", local->meta.parent->href}});
    return std::nullopt;
  }
  const auto merged = merge_local(*local, *regional, sink);
  if (!merged || sink.has_errors_since(mark)) return std::nullopt;
  const LocalStatus status = local_status(*merged, res.data);

  std::string xml;
  if (util::read_file(file, xml) != util::ReadStatus::ok) return std::nullopt;
  const auto refs = [&] {
    std::vector<std::string> out;
    for (const auto& ls : local->local_sections) out.push_back(ls.ref);
    return out;
  }();
  for (const auto& id : sections) {
    if (std::find(refs.begin(), refs.end(), id) == refs.end()) {
      sink.report("accept-no-local-text", where, {{"id", id}});
    }
  }
  if (sink.has_errors_since(mark)) return std::nullopt;

  AcceptResult result;
  for (const auto& c : status.changed) {
    if (!all && std::find(sections.begin(), sections.end(), c.id) == sections.end()) continue;
    auto next = set_based_on(xml, c.id, c.current);
    if (!next) return std::nullopt;
    xml = std::move(*next);
    result.accepted.push_back({c.id, c.number, c.heading, c.based_on, c.current});
  }
  for (const auto& id : sections) {
    const bool changed = std::any_of(status.changed.begin(), status.changed.end(),
                                     [&](const ChangedSection& c) { return c.id == id; });
    if (!changed) result.current.push_back(id);
  }
  if (result.accepted.empty()) return result;
  // The new text must load as the old one did before it replaces it.
  diag::DiagnosticSink again;
  diag::SourceRegistry scratch;
  if (!load::load_agreement_text(file, xml, res.load_options(root), again, scratch) || again.has_errors()) {
    sink.report("accept-failed", where, {});
    return std::nullopt;
  }
  util::rewrite_file_atomic(file, xml);
  return result;
}

}  // namespace okgen::local
