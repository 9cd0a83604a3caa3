// Loading for every command: read the agreements (on all cores), merge local agreements with
// their regional one, check them, and hand each to the build's Publish step. The steps of
// load_all, each named: read_agreements, Parents, plan_reviews, review_agreement,
// report_review.
#include "pipeline_internal.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include "compose/composer.h"
#include "diff/word_diff.h"
#include "load/agreement_loader.h"
#include "load/encoding.h"
#include "local/document.h"
#include "local/merge.h"
#include "local/regional_history.h"
#include "local/status.h"
#include "model/span.h"
#include "review/text_check.h"
#include "util/fs.h"
#include "util/git.h"
#include "util/parallel.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::detail {

std::string relative_href(const fs::path& target, const fs::path& from_dir) {
  return target.lexically_relative(from_dir).generic_string();
}

// Agreements that are not in okgen's format (pdftotext output, Markdown) can be checked.
bool is_text_agreement(const fs::path& file) {
  const std::string ext = util::ascii_lower(file.extension().string());
  return ext == ".txt" || ext == ".md";
}

namespace {

// Adds the errors and warnings reported since `mark` to the agreement's counts.
void count_findings(const diag::DiagnosticSink& sink, std::size_t mark, AgreementResult& r) {
  for (std::size_t i = mark; i < sink.size(); ++i) {
    const auto sev = sink.all()[i].severity;
    if (sev == diag::Severity::error) ++r.errors;
    if (sev == diag::Severity::warning) ++r.warnings;
  }
}

void check_text_file(Loaded& l, const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                     diag::SourceRegistry& sources, PipelineResult& out) {
  std::string text;
  auto status = util::read_file(l.result.source, text);
  if (status != util::ReadStatus::ok) {
    sink.report(status == util::ReadStatus::too_large ? "file-too-large" : "file-unreadable",
                diag::SourceSpan{l.result.display_source, 0, 0},
                {{"problem", status == util::ReadStatus::too_large ? "@io.too-large"
                             : status == util::ReadStatus::not_found ? "@io.not-found"
                                                                     : "@io.unreadable"},
                 {"limit", std::to_string(util::kMaxInputBytes / (1024 * 1024))}});
    out.inputs_unreadable = true;
    return;
  }
  const diag::SourceMap& map = sources.add(l.result.display_source, std::move(text));
  if (!load::check_encoding(map, sink)) {
    out.inputs_unreadable = true;
    return;
  }
  if (util::trim(map.text()).empty()) {
    sink.report("text-empty", diag::SourceSpan{l.result.display_source, 1, 1}, {});
    return;
  }
  review::CheckOptions co = options.check;
  co.as_of = options.as_of;
  l.result.kind = "text";
  l.result.report = review::check_text(l.result.display_source, map.text(), res.data, co, sink);
  l.result.title = l.result.report->title;
  l.result.version = l.result.report->version;
  if (l.result.report->validity) {
    l.result.validity = *l.result.report->validity;
    l.result.validity_label = compose::validity_label(l.result.validity, res.labels);
  }
}

// A regional agreement a local one names, as found among the inputs or read on demand.
struct Parent {
  const model::Agreement* agreement = nullptr;
  bool valid = false;  ///< read without errors
  std::string display;
  std::filesystem::path path;  ///< canonical
  bool outside = false;  ///< <parent href> leaves the content folder: not read
};

// Replaces a local agreement by its merge with the regional one; false when it cannot be
// merged (the reason is reported).
bool merge_with_parent(Loaded& l, const Parent& parent, diag::DiagnosticSink& sink) {
  const model::Agreement& a = *l.agreement;
  const diag::SourceSpan where = model::span_of(a, a.meta.parent->loc);
  if (parent.agreement) l.result.parent_source = parent.display;
  if (parent.outside) {
    sink.report("local-parent-outside-content", where,
                {{"src", a.meta.parent->href}, {"root", util::display_path(l.content_root)}});
    return false;
  }
  if (!parent.agreement) {
    sink.report("local-parent-missing", where, {{"href", a.meta.parent->href}});
    return false;
  }
  if (!parent.valid || parent.agreement->kind != model::AgreementKind::regional) {
    sink.report("local-parent-invalid", where, {{"href", a.meta.parent->href}});
    return false;
  }
  const std::size_t mark = sink.size();
  auto merged = local::merge_local(a, *parent.agreement, sink);
  if (!merged || sink.has_errors_since(mark)) return false;
  l.local_files = a.files.size();
  l.agreement = std::move(*merged);
  return true;
}

// A local text written against an older regional text: when git still has that version,
// the note shows what changed in the regional section as a word diff.
void show_regional_change(diag::Diagnostic& d, const Loaded& l, const load::LoadOptions& lo) {
  if (l.result.parent_source.empty() || d.notes.empty()) return;
  auto now = l.regional_now.find(d.arg("id"));
  if (now == l.regional_now.end()) return;
  const auto old_text = local::regional_text_at(l.result.parent_source, d.arg("id"), d.arg("based_on"), lo);
  if (!old_text) return;
  diag::Diagnostic& note = d.notes.front();
  note.rule = "local-regional-diff";
  note.args = {{"text", util::shorten(diff::marked_text(diff::diff_words(*old_text, now->second)), 900)}};
}

// Errors among an agreement's own findings (not those inside the regional text it carries).
bool has_own_errors(const diag::DiagnosticSink& found, const std::set<std::string>& regional_files) {
  for (const auto& d : found.all()) {
    if (d.severity == diag::Severity::error && !regional_files.count(d.span.file)) return true;
  }
  return false;
}

// What one load shares between its steps.
struct LoadRun {
  const PipelineOptions& options;
  const Resources& res;
  diag::DiagnosticSink& sink;
  diag::SourceRegistry& sources;
  PipelineResult& out;
  const Publish* publish;
  load::LoadOptions lo;
  review::CheckOptions co;
};

// Step 1: every file read, parsed on every core each into its own findings and sources,
// which are then gathered in input order; text agreements are checked here, in order.
std::vector<Loaded> read_agreements(LoadRun& run, const std::vector<fs::path>& files) {
  const PipelineOptions& options = run.options;
  diag::DiagnosticSink& sink = run.sink;
  diag::SourceRegistry& sources = run.sources;
  PipelineResult& out = run.out;
  const Resources& res = run.res;
  struct Read {
    diag::DiagnosticSink found;
    diag::SourceRegistry sources;
  };
  std::vector<Read> reads(files.size());
  std::vector<Loaded> all(files.size());
  util::parallel_for(files.size(), [&](std::size_t i) {
    Loaded& l = all[i];
    const fs::path& file = files[i];
    l.result.source = file;
    l.result.display_source = util::display_path(file);
    l.content_root = options.content_root.empty() ? util::default_content_root(file) : options.content_root;
    if (is_text_agreement(file)) return;  // checked below, in order
    reads[i].found.set_policy(sink.policy());
    load::LoadOptions flo = run.lo;
    flo.content_root = l.content_root;
    l.agreement = load::load_agreement(file, flo, reads[i].found, reads[i].sources);
  });
  std::map<std::string, std::string> ids;  // agreement id -> file
  for (std::size_t i = 0; i < files.size(); ++i) {
    Loaded& l = all[i];
    const std::size_t mark = sink.size();
    if (is_text_agreement(files[i])) {
      check_text_file(l, options, res, sink, sources, out);
      count_findings(sink, mark, l.result);
      continue;
    }
    for (const auto& d : reads[i].found.all()) sink.add(d);
    sources.absorb(std::move(reads[i].sources));
    if (l.agreement) {
      const model::Agreement& a = *l.agreement;
      l.result.loaded = true;
      l.result.files = a.files;
      l.result.id = a.id;
      l.result.title = a.meta.title;
      l.result.kind = model::to_string(a.kind);
      l.result.region = a.meta.region;
      l.result.version = a.meta.version;
      l.result.diarienummer = a.meta.diarienummer;
      if (a.meta.municipality) {
        l.result.municipality = a.meta.municipality->name;
        l.result.municipality_code = a.meta.municipality->code;
      }
      if (!a.id.empty()) {
        auto [it, inserted] = ids.emplace(a.id, l.result.display_source);
        if (!inserted) {
          sink.report("duplicate-agreement-id", diag::SourceSpan{l.result.display_source, 1, 1},
                      {{"id", a.id}, {"other", it->second}});
        }
      }
    } else {
      // Unreadable files (missing, too large, not text) are a usage problem, not content.
      for (std::size_t k = mark; k < sink.size(); ++k) {
        const std::string& rule = sink.all()[k].rule;
        if (rule == "file-unreadable" || rule == "file-too-large" || rule == "encoding") out.inputs_unreadable = true;
      }
    }
    count_findings(sink, mark, l.result);
    l.phases[0] = {mark, sink.size()};
  }
  return all;
}

// Step 2: the regional agreement each local one names, found among the inputs or read on
// demand (kept here), confined to the content folder.
class Parents {
 public:
  Parents(const std::vector<Loaded>& all, const load::LoadOptions& lo, std::map<std::string, fs::path> input_of)
      : lo_(lo), input_of_(std::move(input_of)) {
    for (const auto& l : all) {
      std::error_code ec;
      if (l.agreement) {
        const fs::path canonical = fs::weakly_canonical(l.result.source, ec);
        parents_[canonical.string()] = Parent{&*l.agreement, l.result.errors == 0, l.result.display_source, canonical};
      }
    }
  }

  Parent resolve(const Loaded& l) {
    const model::Agreement& local = *l.agreement;
    std::error_code ec;
    const fs::path base = fs::path(local.path()).parent_path();
    // Confined like <body src> (symlinks resolved): a local agreement cannot make okgen read
    // and republish a file from elsewhere on the computer.
    if (fs::path(local.meta.parent->href).is_absolute() || !util::is_inside(base / local.meta.parent->href, l.content_root)) {
      Parent outside;
      outside.outside = true;
      return outside;
    }
    const std::string key = fs::weakly_canonical(base / local.meta.parent->href, ec).string();
    if (auto it = parents_.find(key); it != parents_.end()) return it->second;
    diag::DiagnosticSink quiet;  // problems in the parent are reported when it is checked itself
    diag::SourceRegistry scratch;
    load::LoadOptions plo = lo_;
    plo.content_root = util::default_content_root(key);
    Parent p;
    const auto given = input_of_.find(key);
    const fs::path read_from = given != input_of_.end() ? given->second : fs::path(key);
    p.display = util::display_path(read_from);
    p.path = key;
    if (auto loaded = load::load_agreement(read_from, plo, quiet, scratch)) {
      extra_.push_back(std::make_unique<model::Agreement>(std::move(*loaded)));
      p.agreement = extra_.back().get();
      p.valid = !quiet.has_errors();
    }
    return parents_[key] = p;
  }

 private:
  const load::LoadOptions& lo_;
  std::map<std::string, fs::path> input_of_;              // canonical path -> the input path as found
  std::map<std::string, Parent> parents_;                 // canonical path -> regional agreement
  std::vector<std::unique_ptr<model::Agreement>> extra_;  // parents not among the inputs
};

// What the review of one agreement needs and finds; kept per agreement so the reviews can
// run on all cores and report in input order.
struct Work {
  bool active = false;
  bool local = false;
  Parent parent;
  std::optional<std::string> committed;
  std::set<std::string> regional_files;
  diag::DiagnosticSink found;
  // A local agreement: its <parent> and its date, kept for the findings reported after the
  // merged agreement is dropped.
  diag::SourceSpan parent_at;
  util::Date local_date;
  std::string local_date_text;  ///< as the decision gives it ("2026-10")
};

// Step 3, one at a time: what reads files or git (each local agreement's regional one, the
// committed text of changed files), for the agreements well-formed enough to review.
std::vector<Work> plan_reviews(LoadRun& run, std::vector<Loaded>& all, Parents& parents,
                               std::map<const model::Agreement*, Parent>& parent_of) {
  std::vector<Work> work(all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    Loaded& l = all[i];
    if (!l.agreement || l.result.errors > 0) continue;  // not read, or not well-formed enough to check
    Work& w = work[i];
    w.active = true;
    w.found.set_policy(run.sink.policy());
    w.local = l.agreement->kind == model::AgreementKind::local && l.agreement->meta.parent;
    if (w.local) parent_of[&*l.agreement] = w.parent = parents.resolve(l);
  }
  if (run.co.compare_with_git) {
    util::GitStatus git;
    std::vector<fs::path> tracked;
    std::vector<std::size_t> which;
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (work[i].active) tracked.push_back(all[i].result.source), which.push_back(i);
    }
    auto committed = git.committed_if_changed(tracked);
    for (std::size_t k = 0; k < which.size(); ++k) work[which[k]].committed = std::move(committed[k]);
  }
  return work;
}

// Drops what was rendered of an agreement the review does not let through.
void withdraw(Loaded& l) {
  l.rendered.clear();
  l.entry.reset();
  l.published = diag::DiagnosticSink();
  l.write_failures.clear();
  l.write_error = nullptr;
}

// Step 4, on the worker threads: merge, review, compose and publish one agreement, its
// findings kept in w.found (the check's first, then the composer's, whichever ran first).
// With a core to spare (`spare_core`: fewer agreements than cores, as in `okgen build
// FILE`), the check runs on a thread of its own while the agreement is composed and
// rendered; its outputs are staged only once the check has let them through.
void review_agreement(const LoadRun& run, Loaded& l, Work& w, const review::ParentResolver& parent, bool spare_core) {
  const util::SpareCore spare(spare_core);  // the writers may use it too (pdf_finish.h)
  const PipelineOptions& options = run.options;
  const Resources& res = run.res;
  const Publish* publish = run.publish;
  const review::CheckOptions& co = run.co;
  if (w.local) {
    if (!merge_with_parent(l, w.parent, w.found)) {
      w.active = false;
      return;
    }
    w.regional_files.insert(l.agreement->files.begin() + static_cast<std::ptrdiff_t>(l.local_files),
                            l.agreement->files.end());
    l.result.local = local::local_status(*l.agreement, res.data);
    w.parent_at = model::span_of(*l.agreement, l.agreement->meta.parent->loc);
    w.local_date = review::document_date(*l.agreement, options.as_of);
    w.local_date_text = l.agreement->meta.decision ? l.agreement->meta.decision->date.iso() : w.local_date.iso();
    l.result.provenance = local::provenance(*l.agreement);
    l.result.files = l.agreement->files;  // with the regional files now
  }
  diag::DiagnosticSink checked, composed;
  checked.set_policy(w.found.policy());
  composed.set_policy(w.found.policy());
  std::exception_ptr check_failed;
  const auto check = [&] {
    try {
      l.result.report = review::check_agreement(*l.agreement, res.data, co, parent, checked);
      if (w.committed) review::check_unrecorded_change(*l.agreement, *w.committed, checked);
    } catch (...) {
      check_failed = std::current_exception();
    }
  };
  const bool beside = publish && spare_core;
  // On a helper thread, joined however this scope is left (an exception while composing
  // must not leave the check running).
  std::optional<util::Helper> checker;
  if (beside) {
    checker.emplace([&] {
      try {
        if (publish->prepare) publish->prepare();
      } catch (...) {
        // Only a head start: the writer loads what it needs itself, and reports it.
      }
      check();
    });
  } else {
    check();
  }
  // Compose even for `check`: templates cite references and can report problems too. A
  // merged local agreement is mostly regional text, composed (and checked) with the
  // regional agreement; `check` composes only what it builds on its own.
  if (publish || l.local_files == 0) {
    compose::ComposeOptions opts{options.as_of};
    l.doc = compose::compose(*l.agreement, res, opts, composed);
    if (publish && w.local && l.doc) {
      l.forms = co.forms_for(w.parent.path.parent_path().filename().string());
      if (std::find(l.forms.begin(), l.forms.end(), model::LocalForm::document) != l.forms.end()) {
        // Where the regional agreement is published, seen from the local one: outputs
        // mirror the content folder, so the sources' relative path is the outputs' one.
        std::error_code ec;
        const fs::path from = fs::weakly_canonical(l.result.source, ec).parent_path();
        fs::path regional_html = w.parent.path;
        regional_html.replace_extension(".html");
        const auto document = local::local_document(*l.agreement, l.local_files, relative_href(regional_html, from),
                                                    res.labels.get("labels", "local.additions"));
        diag::DiagnosticSink same_text;  // the consolidated version reported this text's problems
        l.local_doc = compose::compose(document, res, opts, same_text);
      }
    }
  }
  // A step of publishing that fails (a writer, a full disk) is kept and rethrown on the
  // calling thread: this may be a worker thread, where an exception would end the program.
  const auto guarded = [&](const std::function<void(Loaded&)>& step) {
    try {
      step(l);
    } catch (...) {
      l.write_error = std::current_exception();
    }
  };
  const auto render = [&] { guarded(publish->render); };
  const auto clean = [&](const diag::DiagnosticSink& found) { return !has_own_errors(found, w.regional_files); };
  const bool rendered_early = beside && l.doc && l.result.errors == 0 && clean(w.found) && clean(composed);
  if (rendered_early) render();
  if (checker) checker->wait();
  if (check_failed) std::rethrow_exception(check_failed);
  for (const auto& d : checked.all()) w.found.add(d);
  for (const auto& d : composed.all()) w.found.add(d);
  if (l.doc) {
    l.result.validity = l.doc->validity;
    l.result.validity_label = l.doc->validity_label;
  } else if (l.result.report && l.result.report->validity) {
    l.result.validity = *l.result.report->validity;
    l.result.validity_label = compose::validity_label(l.result.validity, res.labels);
  }
  if (co.compare_with_git) {
    for (const auto& d : w.found.all()) {
      if (d.rule != "local-regional-changed") continue;
      if (const model::Section* now = l.agreement->find_section(d.arg("id"))) {
        l.regional_now[d.arg("id")] = local::regional_text(*now);
      }
    }
  }
  if (publish && l.doc && l.result.errors == 0 && clean(w.found)) {
    if (!rendered_early) render();
    if (publish->stage && !l.write_error) guarded(publish->stage);
  } else {
    withdraw(l);
  }
  // A national batch is 311 agreements: each is dropped once done with (what the build
  // and the reports need is in its result and index entry). Regional ones stay until
  // all local agreements are merged with them.
  l.doc.reset();
  l.local_doc.reset();
  if (w.local) l.agreement.reset();
}

// Step 5, in input order: an agreement's review findings into the run's sink. Findings inside
// the regional text are the regional agreement's: reported once, for it, not again for each
// of its local agreements. Except a law repealed after the regional agreement was made but
// before the local one that publishes its text: the regional agreement is not at fault, the
// local one is (reported once, for it, at the regional line).
void report_review(LoadRun& run, Loaded& l, Work& w) {
  const PipelineOptions& options = run.options;
  diag::DiagnosticSink& sink = run.sink;
  const review::CheckOptions& co = run.co;
  const load::LoadOptions& lo = run.lo;
  const std::size_t mark = sink.size();
  const util::Date regional_date = w.local && w.parent.agreement
                                       ? review::document_date(*w.parent.agreement, options.as_of)
                                       : util::Date{};
  const std::string regional_date_text = w.local && w.parent.agreement && w.parent.agreement->meta.decision
                                             ? w.parent.agreement->meta.decision->date.iso()
                                             : regional_date.iso();
  const auto republished_repealed = [&](const diag::Diagnostic& d) {
    if (d.rule != "law-repealed" || !w.parent.agreement) return false;
    const auto repealed = util::Date::parse(d.arg("repealed"));
    return repealed && regional_date < *repealed;
  };
  // Those are gathered per repealed act: one finding each, at its first line.
  std::vector<std::pair<std::string, std::vector<const diag::Diagnostic*>>> republished;
  for (const auto& d : w.found.all()) {
    if (!w.regional_files.count(d.span.file) || !republished_repealed(d)) continue;
    auto it = std::find_if(republished.begin(), republished.end(), [&](const auto& g) { return g.first == d.arg("sfs"); });
    if (it == republished.end()) it = republished.insert(republished.end(), {d.arg("sfs"), {}});
    it->second.push_back(&d);
  }
  for (auto d : w.found.all()) {
    if (w.regional_files.count(d.span.file)) continue;
    if (d.rule == "local-regional-changed" && co.compare_with_git) show_regional_change(d, l, lo);
    sink.add(std::move(d));
  }
  for (const auto& [sfs, found] : republished) {
    const diag::Diagnostic& first = *found.front();
    diag::Diagnostic d;
    d.severity = diag::Severity::warning;
    d.rule = "local-law-repealed";
    d.span = first.span;
    d.args = {{"sfs", sfs},
              {"repealed", first.arg("repealed")},
              {"replacement", first.arg("replacement")},
              {"count", std::to_string(found.size())},
              {"many", found.size() > 1 ? "1" : ""},
              {"local_date", w.local_date_text}};
    diag::Diagnostic note;
    note.severity = diag::Severity::note;
    note.rule = "local-law-repealed-decision";
    note.span = w.parent_at;
    note.args = {{"local_date", w.local_date_text}, {"regional_date", regional_date_text}};
    d.notes.push_back(std::move(note));
    sink.add(std::move(d));
  }
  count_findings(sink, mark, l.result);
  l.phases[1] = {mark, sink.size()};
}

}  // namespace

std::vector<Loaded> load_all(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                             diag::SourceRegistry& sources, PipelineResult& out, const Publish* publish,
                             const std::vector<fs::path>* only, const std::vector<fs::path>* inputs) {
  LoadRun run{options, res, sink, sources, out, publish, res.load_options(), options.check};
  run.co.as_of = options.as_of;
  std::vector<fs::path> files;
  if (only) {
    files = *only;
  } else {
    const std::size_t before_expand = sink.size();
    files = expand_inputs(options.inputs, sink, publish == nullptr);
    if (sink.has_errors_since(before_expand)) out.inputs_unreadable = true;
  }
  std::map<std::string, fs::path> input_of;  // canonical path -> the input path as found
  for (const auto& f : inputs ? *inputs : files) {
    std::error_code ec;
    input_of.emplace(fs::weakly_canonical(f, ec).string(), f);
  }

  std::vector<Loaded> all = read_agreements(run, files);
  Parents parents(all, run.lo, std::move(input_of));
  std::map<const model::Agreement*, Parent> parent_of;  // stays valid: the merge replaces in place
  std::vector<Work> work = plan_reviews(run, all, parents, parent_of);
  const review::ParentResolver parent = [&](const model::Agreement& local) -> const model::Agreement* {
    auto it = parent_of.find(&local);
    return it != parent_of.end() && it->second.valid ? it->second.agreement : nullptr;
  };
  // parallel_for gives each agreement a core while there are more agreements than cores.
  const auto active = static_cast<std::size_t>(std::count_if(work.begin(), work.end(), [](const Work& w) { return w.active; }));
  const bool spare_core = active < std::max(1u, std::thread::hardware_concurrency());
  util::parallel_for(all.size(), [&](std::size_t i) {
    if (work[i].active) review_agreement(run, all[i], work[i], parent, spare_core);
  });
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (!all[i].result.loaded || (all[i].result.errors > 0 && !work[i].active)) continue;
    report_review(run, all[i], work[i]);
  }
  for (auto& l : all) l.agreement.reset();
  return all;
}

}  // namespace okgen::detail
