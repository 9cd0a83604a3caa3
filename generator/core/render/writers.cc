// The registry of document writers (see document_writer.h). A new writer: its folder under
// render/ with a DocumentWriter and a factory, and one row here.
#include <algorithm>

#include "render/document_writer.h"
#include "render/docx/docx_writer.h"
#include "render/html/html_writer.h"
#include "render/pdf/pdf_writer.h"
#include "text/catalog.h"

namespace okgen::render {
namespace {

std::vector<WriterInfo>& table() {
  // In the order a build writes a document's files.
  static std::vector<WriterInfo> kWriters = {
      {"html", ".html", true, GoldenScope::all, "output-failed", html::make_writer},
      {"docx", ".docx", true, GoldenScope::none, "output-failed", docx::make_writer},
      {"pdf", ".pdf", true, GoldenScope::none, "pdf-failed", pdf::make_writer},
      // The PDF's layout as text, for tests and for seeing why a page breaks where it does.
      {"layout", ".layout.txt", false, GoldenScope::regional, "pdf-failed", pdf::make_layout_writer},
  };
  return kWriters;
}

}  // namespace

const std::vector<WriterInfo>& writers() { return table(); }

const WriterInfo* find_writer(std::string_view name) {
  for (const auto& w : table()) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

void add_writer(WriterInfo info) {
  remove_writer(info.name);
  table().push_back(std::move(info));
}

void remove_writer(std::string_view name) {
  auto& t = table();
  t.erase(std::remove_if(t.begin(), t.end(), [&](const WriterInfo& w) { return w.name == name; }), t.end());
}

std::string format_list(const text::Catalog& cli) {
  std::string out;
  for (const auto& w : table()) {
    if (!w.listed) continue;
    if (!out.empty()) out += ", ";
    out += w.name;
    if (const std::string* note = cli.find("help", "format." + w.name)) out += " (" + *note + ")";
  }
  return out;
}

}  // namespace okgen::render
