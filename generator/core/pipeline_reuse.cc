// Incremental builds inside the pipeline (see pipeline_internal.h and
// incremental/build_state.h): which agreements the last build already made, loading only the
// others, the agreements of the folder this build does not read, and the state for the next.
#include <algorithm>
#include <set>

#include "pipeline_internal.h"
#include "util/fs.h"
#include "util/hash.h"

namespace fs = std::filesystem;

namespace okgen::detail {
namespace {

// Adds `from` to the sink as the next findings of `l` in `phase`, noting where they went.
template <class Range>
void replay(const Range& from, diag::DiagnosticSink& sink, Loaded& l, int phase) {
  const std::size_t mark = sink.size();
  for (const auto& d : from) sink.add(d);
  l.phases[static_cast<std::size_t>(phase)] = {mark, sink.size()};
}

void add_sources_of(const diag::Diagnostic& d, const incremental::InputFiles& inputs, diag::SourceRegistry& sources) {
  if (!sources.find(d.span.file)) {
    if (const std::string* text = inputs.text(d.span.file)) sources.add(d.span.file, *text);
  }
  for (const auto& n : d.notes) add_sources_of(n, inputs, sources);
}

}  // namespace

void plan_reuse(const PipelineOptions& options, const Resources& res, const std::vector<fs::path>& pdf_files,
                const diag::SeverityPolicy* policy, const std::vector<fs::path>& files, Reuse& reuse) {
  reuse.cached.assign(files.size(), nullptr);
  // With git the findings depend on the repository too (revision-not-recorded).
  if (!(options.incremental || options.keep_state) || options.check.compare_with_git) return;
  reuse.fingerprint = incremental::fingerprint(options, res, pdf_files, policy);
  reuse.state_path = incremental::state_file(options.output_dir);
  if (reuse.fingerprint.empty() || reuse.state_path.empty()) return;
  reuse.previous = incremental::read_state(reuse.state_path);
  if (!reuse.previous) return;
  // The state of another kind of build is of no use (others_from_state and save_state
  // read only a state of the same build); nor is what it says of a file this build makes
  // again. A national batch's state is some 14 MB: it is not kept through the build.
  if (reuse.previous->fingerprint != reuse.fingerprint) {
    reuse.previous.reset();
    return;
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    incremental::CachedAgreement* c = reuse.previous->find(files[i].string());
    if (!c) continue;
    if (options.incremental && incremental::still_valid(*c, reuse.inputs)) {
      reuse.cached[i] = c;
    } else {
      incremental::CachedAgreement known;  // by its source and id only
      known.source = std::move(c->source);
      known.id = std::move(c->id);
      *c = std::move(known);
    }
  }
}

// load_all for the files the last build did not make already; the others come from the
// state, and every finding reaches the sink in the order a full build reports it (all
// agreements' load findings, then all their review findings).
std::vector<Loaded> load_reusing(const PipelineOptions& options, const Resources& res, diag::DiagnosticSink& sink,
                                 diag::SourceRegistry& sources, PipelineResult& out, const Publish& publish,
                                 const std::vector<fs::path>& files, Reuse& reuse) {
  for (;;) {
    std::vector<fs::path> some;
    std::vector<std::size_t> where;
    for (std::size_t i = 0; i < files.size(); ++i) {
      if (!reuse.cached[i]) some.push_back(files[i]), where.push_back(i);
    }
    if (some.size() == files.size()) return load_all(options, res, sink, sources, out, &publish, &files, &files);
    diag::DiagnosticSink found;
    found.set_policy(sink.policy());
    diag::SourceRegistry read;
    PipelineResult part;
    std::vector<Loaded> fresh = load_all(options, res, found, read, part, &publish, &some, &files);
    // An agreement id belongs to one file, and a full build reports the later one: when a
    // new file has the id of a reused one, both are loaded together (outputs staged for the
    // first try are staged again).
    std::set<std::string> ids;
    for (const auto& l : fresh) {
      if (!l.result.id.empty()) ids.insert(l.result.id);
    }
    bool again = false;
    for (auto& c : reuse.cached) {
      if (c && ids.count(c->id)) c = nullptr, again = true;
    }
    if (again) continue;

    std::vector<Loaded> all(files.size());
    for (std::size_t k = 0; k < where.size(); ++k) all[where[k]] = std::move(fresh[k]);
    for (std::size_t i = 0; i < files.size(); ++i) {
      incremental::CachedAgreement* c = reuse.cached[i];
      if (!c) continue;
      Loaded& l = all[i];
      l.cached = c;
      l.result = std::move(c->result);  // save_state records it again from the build's result
      l.entry = std::move(c->entry);
      l.content_root = c->content_root;
      for (const auto& d : c->findings[incremental::kPublish]) l.published.add(d);
      for (const auto& phase : c->findings) {
        for (const auto& d : phase) add_sources_of(d, reuse.inputs, sources);
      }
      ++out.reused;
    }
    for (int phase : {incremental::kLoad, incremental::kReview}) {
      for (auto& l : all) {
        if (l.cached) {
          replay(l.cached->findings[static_cast<std::size_t>(phase)], sink, l, phase);
        } else {
          const auto [begin, end] = l.phases[static_cast<std::size_t>(phase)];
          replay(std::vector<diag::Diagnostic>(found.all().begin() + static_cast<std::ptrdiff_t>(begin),
                                               found.all().begin() + static_cast<std::ptrdiff_t>(end)),
                 sink, l, phase);
        }
      }
    }
    sources.absorb(std::move(read));
    out.inputs_unreadable = out.inputs_unreadable || part.inputs_unreadable;
    return all;
  }
}

// Agreements an earlier build wrote into this output folder that this build does not read
// (`okgen build content/dalarna` after `okgen build content`): their rows in the index, the
// region pages and kontrollrapport come from the state, so building a part keeps the whole
// folder's index true. One whose outputs are gone or were changed by hand is left out; one
// whose files changed since is kept as it was built, with a warning (output-outdated).
std::vector<Loaded> others_from_state(Reuse& reuse, const std::vector<fs::path>& files, diag::DiagnosticSink& stale) {
  std::vector<Loaded> others;
  if (!reuse.previous || reuse.previous->fingerprint != reuse.fingerprint) return others;
  const std::set<fs::path> now(files.begin(), files.end());
  for (auto& c : reuse.previous->agreements) {
    std::error_code ec;
    if (now.count(c.source) || !fs::is_regular_file(c.source, ec)) continue;
    if (!incremental::outputs_unchanged(c)) continue;
    Loaded l;
    l.cached = &c;
    l.result = c.result;
    l.entry = c.entry;
    l.content_root = c.content_root;
    for (const auto& d : c.findings[incremental::kPublish]) l.published.add(d);
    const bool same = incremental::inputs_unchanged(c, reuse.inputs);
    if (!same) {
      stale.report("output-outdated", diag::SourceSpan{c.result.display_source, 0, 0},
                   {{"output", util::display_path(c.outputs.front().path)}});
    }
    others.push_back(std::move(l));
  }
  return others;
}

// After a build has been written: what the next one may reuse. Each agreement is recorded
// with the bytes it was read from (as read, where this run kept them), its outputs as they
// are now on disk, and its findings as reported. `results` (the build's, one per input
// file) lend their contents to the state while it is written.
void save_state(const std::vector<Loaded>& all, const std::vector<fs::path>& files, const diag::DiagnosticSink& sink,
                const diag::SourceRegistry& sources, std::vector<AgreementResult>& results, Reuse& reuse) {
  if (reuse.fingerprint.empty() || results.size() != all.size()) return;
  const bool same_build = reuse.previous && reuse.previous->fingerprint == reuse.fingerprint;
  if (same_build && std::all_of(all.begin(), all.end(), [](const Loaded& l) { return l.cached != nullptr; })) {
    return;  // the state already says all this
  }
  incremental::BuildState state;
  state.fingerprint = reuse.fingerprint;
  if (same_build) {
    // Agreements this build did not read (one file built into the same folder) stay
    // recorded for the next build of them all.
    std::set<std::string> now;
    for (const auto& f : files) now.insert(f.string());
    for (auto& c : reuse.previous->agreements) {
      if (!now.count(c.source)) state.agreements.push_back(std::move(c));
    }
  }
  const std::size_t carried = state.agreements.size();
  std::vector<std::size_t> lent;
  // Each file hashed once: every local agreement of a region lists the regional agreement's
  // files too (the national batch hashed 29 MB of regional text for its 290 local ones).
  std::map<std::string, incremental::InputStamp> hashed;
  for (std::size_t i = 0; i < all.size(); ++i) {
    const Loaded& l = all[i];
    const AgreementResult& r = results[i];
    if (!l.entry || r.errors > 0 || r.outputs.empty()) continue;
    incremental::CachedAgreement c;
    bool complete = true;
    if (l.cached) {
      c.inputs = l.cached->inputs;
      c.outputs = l.cached->outputs;
    } else {
      complete = !r.files.empty();
      std::set<std::string> seen;
      for (const auto& f : r.files) {
        if (!seen.insert(f).second) continue;
        if (const diag::SourceMap* map = sources.find(f)) {
          auto known = hashed.find(f);
          if (known == hashed.end()) {
            known = hashed.emplace(f, incremental::InputStamp{f, map->text().size(), util::digest64(map->text())}).first;
          }
          c.inputs.push_back(known->second);
        } else if (const auto& now = reuse.inputs.stamp(f)) {
          c.inputs.push_back(*now);
        } else {
          complete = false;
        }
      }
      for (const auto& o : r.outputs) {
        if (auto now = incremental::output_stamp(o)) {
          c.outputs.push_back(*now);
        } else {
          complete = false;
        }
      }
    }
    if (!complete) continue;
    c.source = files[i].string();
    c.content_root = l.content_root.string();
    c.id = r.id;
    c.entry = *l.entry;
    for (std::size_t p = 0; p < 2; ++p) {
      c.findings[p].assign(sink.all().begin() + static_cast<std::ptrdiff_t>(l.phases[p].first),
                           sink.all().begin() + static_cast<std::ptrdiff_t>(l.phases[p].second));
    }
    c.findings[incremental::kPublish] = l.published.all();
    c.result = std::move(results[i]);
    lent.push_back(i);
    state.agreements.push_back(std::move(c));
  }
  incremental::write_state(reuse.state_path, state);
  for (std::size_t k = 0; k < lent.size(); ++k) results[lent[k]] = std::move(state.agreements[carried + k].result);
}

}  // namespace okgen::detail
