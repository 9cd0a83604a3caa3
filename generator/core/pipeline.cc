// The build and check pipeline.
#include "pipeline.h"
#include "pipeline_internal.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>

#include "local/status.h"
#include "render/document_writer.h"
#include "render/html/html_writer.h"
#include "render/html/region_index.h"
#include "render/report/review_report.h"
#include "render/report/summary.h"
#include "util/fs.h"
#include "util/regex.h"
#include "util/staged_files.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen {
namespace {

// output/<path under content/ without .xml>.html, e.g. output/dalarna/regional.html.
fs::path output_path(const fs::path& source, const fs::path& content_root, const fs::path& out_dir,
                     const std::string& ext) {
  std::error_code ec;
  fs::path abs = fs::absolute(source, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(fs::absolute(content_root, ec).lexically_normal());
  if (rel.empty() || *rel.begin() == "..") rel = abs.filename();
  rel.replace_extension(ext);
  return out_dir / rel;
}

using detail::is_text_agreement;
using detail::Loaded;
using detail::Publish;
using detail::Reuse;
using detail::load_all;
using detail::load_reusing;
using detail::others_from_state;
using detail::plan_reuse;
using detail::relative_href;
using detail::save_state;

// The writers of a build's formats, in the registry's order (render/writers.cc).
struct ActiveWriter {
  const render::WriterInfo* info;
  std::unique_ptr<render::DocumentWriter> writer;
};

bool same_finding(const diag::Diagnostic& a, const diag::Diagnostic& b) {
  return a.rule == b.rule && a.span.file == b.span.file && a.span.line == b.span.line && a.span.column == b.span.column &&
         a.args == b.args;
}

// Adds the findings of `from` that `to` does not hold yet: several writers read the same
// style (docx and pdf read styles/pdf.xml) and see the same text.
void add_new(diag::DiagnosticSink& to, const diag::DiagnosticSink& from, std::size_t since = 0) {
  for (const auto& d : from.all()) {
    const auto& held = to.all();
    if (std::none_of(held.begin() + static_cast<std::ptrdiff_t>(std::min(since, held.size())), held.end(),
                     [&](const diag::Diagnostic& h) { return same_finding(h, d); })) {
      to.add(d);
    }
  }
}

// Sets up the writers of `formats` (unknown names are the command line's to refuse).
// False when one cannot be used: its problems are in `sink`, and nothing may be written.
bool make_writers(const std::vector<std::string>& formats, const Resources& res, diag::DiagnosticSink& sink,
                  diag::SourceRegistry& sources, std::vector<ActiveWriter>& active) {
  const std::size_t mark = sink.size();
  bool ok = true;
  for (const auto& info : render::writers()) {
    if (std::find(formats.begin(), formats.end(), info.name) == formats.end()) continue;
    diag::DiagnosticSink found;
    found.set_policy(sink.policy());
    auto writer = info.create(res, found, sources);
    add_new(sink, found, mark);
    if (!writer) ok = false;
    active.push_back({&info, std::move(writer)});
  }
  return ok;
}

// Writes one document in every active format: files to `stage` under path(extension), the
// writers' findings to `found` and their failures to l.write_failures. Returns the pages.
template <class Stage, class PathOf>
int write_document(Loaded& l, const compose::Doc& doc, std::vector<ActiveWriter>& active, diag::DiagnosticSink& found,
                   PathOf path, Stage stage) {
  int pages = 0;
  for (auto& a : active) {
    diag::DiagnosticSink seen;
    try {
      render::WrittenFile f = a.writer->write(doc, l.result.display_source, seen);
      add_new(found, seen);
      stage(*a.info, path(a.info->extension), std::move(f.bytes));
      if (f.pages > 0) pages = f.pages;
    } catch (const render::WriteError& e) {
      l.write_failures.emplace_back(a.info, e.what());
    }
  }
  return pages;
}

// Reports the writers' findings and failures of each agreement after its review's.
void report_published(Loaded& l, diag::DiagnosticSink& sink) {
  for (const auto& d : l.published.all()) sink.add(d);
  for (const auto& [writer, problem] : l.write_failures) {
    sink.report(writer->failure_rule, diag::SourceSpan{l.result.display_source, 0, 0},
                {{"format", writer->name}, {"problem", problem}});
    ++l.result.errors;
  }
}

// One page per regional agreement whose region is in the municipality registry, next to
// its HTML (output/dalarna/regional-kommuner.html): each municipality with the state of its
// local agreement. Returns path -> (regional HTML path, page).
std::map<fs::path, std::pair<fs::path, std::string>> region_pages(const std::vector<const Loaded*>& all,
                                                                 const PipelineOptions& options,
                                                                 const Resources& res) {
  std::map<fs::path, std::pair<fs::path, std::string>> pages;
  for (const Loaded* rp : all) {
    const Loaded& r = *rp;
    if (r.result.kind != "regional" || !r.entry || r.result.errors > 0) continue;
    const auto municipalities = res.data.municipalities_of(r.entry->region);
    if (municipalities.empty()) continue;
    const fs::path html = output_path(r.result.source, r.content_root, options.output_dir, ".html");
    fs::path page = html;
    page.replace_filename(html.stem().string() + "-kommuner.html");
    render::html::RegionIndex idx;
    idx.region = r.entry->region;
    idx.regional_title = r.entry->title;
    idx.regional_href = relative_href(html, page.parent_path());
    idx.regional_version = r.entry->version;
    idx.regional_diarienummer = r.entry->diarienummer;
    for (const auto* m : municipalities) {
      render::html::MunicipalityEntry me{m->name, m->code, std::nullopt};
      for (const Loaded* lp : all) {
        const Loaded& l = *lp;
        if (l.result.kind != "local" || l.result.parent_source != r.result.display_source) continue;
        if (l.result.municipality_code != m->code) continue;
        render::html::LocalEntry le;
        le.title = l.result.title;
        le.source = l.result.display_source;
        le.version = l.result.version;
        le.errors = l.result.errors > 0 || !l.result.local;
        if (!le.errors) {
          le.href = relative_href(l.entry ? options.output_dir / l.entry->href
                                          : output_path(l.result.source, l.content_root, options.output_dir, ".html"),
                                  page.parent_path());
          if (l.entry && !l.entry->consolidated_href.empty()) {
            le.consolidated_href = relative_href(options.output_dir / l.entry->consolidated_href, page.parent_path());
          }
          const local::LocalStatus& st = *l.result.local;
          le.draft = st.draft;
          le.prompts = static_cast<int>(st.prompt_count());
          le.missing_sections = static_cast<int>(st.missing_template.size() + st.empty_slots.size());
          le.parent_version = st.cited_version;
          le.parent_current = st.parent_current();
          le.changed_sections = static_cast<int>(st.changed.size());
          le.status_label = l.result.validity_label;
        }
        me.local = std::move(le);
        break;
      }
      idx.municipalities.push_back(std::move(me));
    }
    pages[page] = {html, render::html::render_region_index_html(idx, options.as_of.iso(), res)};
  }
  return pages;
}

}  // namespace

std::vector<fs::path> expand_inputs(const std::vector<fs::path>& inputs, diag::DiagnosticSink& sink, bool text_agreements) {
  std::vector<fs::path> files;
  for (const auto& in : inputs) {
    std::error_code ec;
    auto st = fs::status(in, ec);
    if (ec || !fs::exists(st)) {
      sink.report("file-unreadable", diag::SourceSpan{util::display_path(in), 0, 0}, {{"problem", "@io.not-found"}});
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> found, texts;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (it->path().extension() == ".xml") found.push_back(it->path());
        if (text_agreements && is_text_agreement(it->path())) texts.push_back(it->path());
      }
      // A Markdown file an agreement takes its body from (<body src="...">) is part of that
      // agreement, not an agreement of its own.
      std::set<std::string> bodies;
      static const util::Regex kSrc(R"re(<body[^>]*\bsrc="([^"]+)")re");
      for (const auto& x : texts.empty() ? std::vector<fs::path>{} : found) {
        std::string xml;
        if (util::read_file(x, xml) != util::ReadStatus::ok) continue;
        for (auto m = util::RegexIterator(xml.begin(), xml.end(), kSrc); m != util::RegexIterator(); ++m) {
          bodies.insert(fs::weakly_canonical(x.parent_path() / (*m)[1].str(), ec).string());
        }
      }
      for (const auto& t : texts) {
        if (!bodies.count(fs::weakly_canonical(t, ec).string())) found.push_back(t);
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        sink.report("no-agreements", diag::SourceSpan{util::display_path(in), 0, 0},
                    {{"path", util::display_path(in)}, {"text", text_agreements ? "1" : ""}});
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(in);
    }
  }
  return files;
}

PipelineResult check(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources) {
  PipelineResult out;
  for (auto& l : load_all(options, res, sink, sources, out, nullptr)) out.agreements.push_back(std::move(l.result));
  return out;
}

PipelineResult build(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources) {
  PipelineResult out;
  std::vector<ActiveWriter> active;
  if (!make_writers(options.formats, res, sink, sources, active)) {
    // A style or its fonts are broken: the content is still checked, nothing is written.
    for (auto& l : load_all(options, res, sink, sources, out, nullptr)) out.agreements.push_back(std::move(l.result));
    return out;
  }
  std::vector<fs::path> writer_files;  // what shapes the outputs besides styles/ and templates/
  for (const auto& a : active) {
    for (auto& f : a.writer->files_read()) writer_files.push_back(std::move(f));
  }
  const bool want_html = std::find(options.formats.begin(), options.formats.end(), "html") != options.formats.end();

  // Every output goes to a temporary file as soon as it exists and is moved into place
  // only when the whole build can be (see staged_files.h); documents are written on all cores.
  util::StagedFiles staged;
  // One form of one agreement in every format, named after the content file plus `suffix`
  // ("" or "-konsoliderad"). Returns the HTML's path.
  const auto emit = [&](Loaded& l, const compose::Doc& doc, const std::string& suffix, bool primary) {
    const auto path = [&](const std::string& ext) {
      fs::path p = output_path(l.result.source, l.content_root, options.output_dir, ext);
      // The suffix goes before the whole extension (".layout.txt" is one, not stem ".layout").
      if (!suffix.empty()) {
        const std::string name = p.filename().string();
        p.replace_filename(name.substr(0, name.size() - ext.size()) + suffix + ext);
      }
      return p;
    };
    // The writers' findings (fonts, layout) concern the text, which both forms share.
    diag::DiagnosticSink again;
    const int pages = write_document(l, doc, active, primary ? l.published : again, path,
                                     [&](const render::WriterInfo& info, const fs::path& p, std::string bytes) {
                                       l.rendered.push_back({info.name, p, std::move(bytes)});
                                     });
    if (primary && pages > 0) l.result.pages = pages;
    return path(".html");
  };
  Publish publish;
  publish.prepare = [&] {
    for (auto& a : active) {
      if (a.writer) a.writer->prepare();
    }
  };
  publish.render = [&](Loaded& l) {
    // A local agreement in its forms: its own document under the file's name, the
    // consolidated version beside it as NAME-konsoliderad; a regional one as it is.
    const bool consolidated = l.forms.empty() ||
                              std::find(l.forms.begin(), l.forms.end(), model::LocalForm::consolidated) != l.forms.end();
    fs::path html_path, consolidated_path;
    if (l.local_doc) html_path = emit(l, *l.local_doc, "", true);
    if (consolidated) {
      const fs::path p = emit(l, *l.doc, l.forms.empty() ? "" : "-konsoliderad", !l.local_doc);
      (l.local_doc ? consolidated_path : html_path) = p;
    }
    render::html::IndexEntry e;
    e.href = relative_href(html_path, options.output_dir);
    if (!consolidated_path.empty()) e.consolidated_href = relative_href(consolidated_path, options.output_dir);
    const compose::Doc& shown = l.local_doc ? *l.local_doc : *l.doc;
    e.title = shown.title;
    e.kind = shown.kind;
    e.kind_label = shown.kind_label;
    e.region = shown.region;
    e.version = shown.version;
    e.diarienummer = shown.diarienummer;
    e.status = model::to_string(shown.validity.state);
    e.status_label = shown.validity_label;
    e.source = l.result.display_source;
    if (l.result.local) {
      e.local_state = l.result.local->draft ? "draft" : "complete";
      e.needs_review = l.result.local->needs_review();
    }
    l.entry = std::move(e);
  };
  publish.stage = [&](Loaded& l) {
    for (auto& f : l.rendered) {
      staged.stage(f.path, f.bytes);
      l.result.outputs.push_back(f.path);
    }
    l.rendered.clear();
  };
  const std::size_t before_expand = sink.size();
  const std::vector<fs::path> files = expand_inputs(options.inputs, sink);
  if (sink.has_errors_since(before_expand)) out.inputs_unreadable = true;
  Reuse reuse;
  plan_reuse(options, res, writer_files, sink.policy(), files, reuse);
  const std::size_t records_begin = sink.size();  // before: findings of the whole build (style, inputs)
  std::vector<Loaded> all = load_reusing(options, res, sink, sources, out, publish, files, reuse);

  for (auto& l : all) {
    if (l.write_error) std::rethrow_exception(l.write_error);  // staged files are removed
    const std::size_t mark = sink.size();
    report_published(l, sink);
    l.published_at = {mark, sink.size()};
  }
  const bool any_errors = std::any_of(all.begin(), all.end(), [](const Loaded& l) { return l.result.errors > 0; });
  if (any_errors && !options.keep_going) {
    for (auto& l : all) out.agreements.push_back(std::move(l.result));
    return out;  // nothing is written; the staged files go with `staged`
  }
  // With the agreements this build does not read but an earlier one wrote here, in the
  // order a build of them all reads them.
  diag::DiagnosticSink stale;
  std::vector<Loaded> others = others_from_state(reuse, files, stale);
  for (const auto& d : stale.all()) sink.add(d);
  std::vector<const Loaded*> whole;
  for (const auto& l : all) whole.push_back(&l);
  for (const auto& l : others) whole.push_back(&l);
  std::stable_sort(whole.begin(), whole.end(),
                   [](const Loaded* a, const Loaded* b) { return a->result.source < b->result.source; });
  std::vector<render::html::IndexEntry> index;
  for (const Loaded* l : whole) {
    if (l->entry) index.push_back(*l->entry);
  }
  if (!index.empty() && want_html) {
    for (auto& [path, page] : region_pages(whole, options, res)) {
      // The main index links each region's page from its regional agreement's row.
      for (auto& e : index) {
        if (e.kind == "regional" && options.output_dir / e.href == page.first) {
          e.region_page = relative_href(path, options.output_dir);
        }
      }
      staged.stage(path, page.second);
    }
    // Regions in alphabetical order, the regional agreement first within each.
    std::stable_sort(index.begin(), index.end(), [](const render::html::IndexEntry& a, const render::html::IndexEntry& b) {
      if (a.region != b.region) return a.region < b.region;
      if (a.kind != b.kind) return a.kind == "regional";
      return a.title < b.title;
    });
    staged.stage(options.output_dir / "index.html", render::html::render_index_html(index, options.as_of.iso(), res));
  }
  // kontrollrapport.txt covers the whole folder: with others, its findings are put in the
  // order a build of them all reports them (findings of the whole build, then every
  // agreement's load, review and publish findings), the warnings about outdated ones last.
  std::optional<PipelineResult> whole_out;
  diag::DiagnosticSink report_sink;
  if (!others.empty()) {
    whole_out.emplace();
    for (const Loaded* l : whole) whole_out->agreements.push_back(l->result);
    for (std::size_t i = 0; i < records_begin; ++i) report_sink.add(sink.all()[i]);
    const auto add_range = [&](std::pair<std::size_t, std::size_t> r) {
      for (std::size_t i = r.first; i < r.second; ++i) report_sink.add(sink.all()[i]);
    };
    std::set<const Loaded*> from_state;
    for (const auto& l : others) from_state.insert(&l);
    for (std::size_t p = 0; p < 3; ++p) {
      for (const Loaded* l : whole) {
        const bool other = from_state.count(l) > 0;
        if (other) {
          for (const auto& d : l->cached->findings[p]) report_sink.add(d);
        } else {
          add_range(p < 2 ? l->phases[p] : l->published_at);
        }
      }
    }
    for (const auto& d : stale.all()) report_sink.add(d);
  }
  for (auto& l : all) out.agreements.push_back(std::move(l.result));
  // A PDF that failed means the build failed: write nothing, as for content errors.
  std::vector<fs::path> written = staged.destinations();
  for (std::size_t i = 0; i < all.size(); ++i) {
    const auto& outputs = out.agreements[i].outputs;
    if (all[i].cached) written.insert(written.end(), outputs.begin(), outputs.end());
  }
  if (written.empty() || (sink.has_errors() && !options.keep_going)) return out;

  const fs::path report = options.output_dir / "kontrollrapport.txt";
  out.written = written;
  out.written.push_back(report);
  if (whole_out) {
    whole_out->written = out.written;
    for (const auto& l : others) whole_out->written.insert(whole_out->written.end(), l.result.outputs.begin(), l.result.outputs.end());
  }
  const PipelineResult& reported = whole_out ? *whole_out : out;
  const diag::DiagnosticSink& findings = whole_out ? report_sink : sink;
  staged.stage(report, render::report::report_text(reported, findings, res.messages, options.as_of.iso(), options.output_dir) + "\n" +
                           render::report::review_text(reported, res, options.as_of.iso()));
  staged.commit();
  save_state(all, files, sink, sources, out.agreements, reuse);
  return out;
}

PipelineResult render_in_memory(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                                diag::SourceRegistry& sources, std::map<fs::path, RenderedAgreement>& rendered) {
  PipelineResult out;
  std::vector<ActiveWriter> active;
  // A writer that cannot be set up leaves its format out (its problems are in `sink`).
  make_writers(options.formats, res, sink, sources, active);
  active.erase(std::remove_if(active.begin(), active.end(), [](const ActiveWriter& a) { return !a.writer; }), active.end());
  Publish publish;
  publish.render = [&](Loaded& l) {
    // A local agreement: its own document first (as `build` names it), with the consolidated
    // version beside it, in the forms okgen.conf publishes.
    const auto no_path = [](const std::string&) { return fs::path(); };
    write_document(l, l.local_doc ? *l.local_doc : *l.doc, active, l.published, no_path,
                   [&](const render::WriterInfo& info, const fs::path&, std::string bytes) {
                     l.rendered.push_back({info.name, {}, std::move(bytes)});
                   });
    // The workspace shows the consolidated version as a page beside the local document.
    const bool has_html = std::any_of(l.rendered.begin(), l.rendered.end(), [](const auto& f) { return f.format == "html"; });
    if (l.local_doc && has_html) l.rendered.push_back({"consolidated-html", {}, render::html::render_html(*l.doc, res)});
  };
  std::mutex mutex;  // stage runs on the worker threads
  publish.stage = [&](Loaded& l) {
    RenderedAgreement r;
    for (auto& f : l.rendered) (f.format == "consolidated-html" ? r.consolidated_html : r.files[f.format]) = std::move(f.bytes);
    l.rendered.clear();
    std::lock_guard<std::mutex> lock(mutex);
    rendered[l.result.source] = std::move(r);
  };
  std::vector<Loaded> all = load_all(options, res, sink, sources, out, &publish);
  for (auto& l : all) {
    report_published(l, sink);
    if (!l.write_failures.empty()) rendered.erase(l.result.source);
    out.agreements.push_back(std::move(l.result));
  }
  return out;
}

int exit_code(const PipelineResult& result, const diag::DiagnosticSink& sink, diag::Severity fail_on) {
  if (result.inputs_unreadable) return kExitUsage;
  for (const auto& d : sink.all()) {
    if (d.severity >= fail_on && d.severity != diag::Severity::note) return kExitFindings;
  }
  return kExitOk;
}

}  // namespace okgen
