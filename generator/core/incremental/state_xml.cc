// The state file of incremental builds (build_state.h) as XML, read with pugixml. One
// description per type serves both directions (`io` below), so what is written is what
// is read back. The file is a cache: anything unexpected makes read_state give up, and
// the build then starts from scratch.
#include <pugixml.hpp>


#include "incremental/build_state.h"
#include "util/fs.h"

namespace fs = std::filesystem;

namespace okgen::incremental {
namespace {

constexpr const char* kFormat = "okgen-build-state/1";

// Writes fields as attributes and lists as child elements.
struct Out {
  pugi::xml_node node;
  static constexpr bool reading = false;
  void field(const char* k, std::string& v) {
    if (!v.empty()) node.append_attribute(k).set_value(v.c_str());
  }
  void field(const char* k, fs::path& v) {
    std::string s = v.string();
    field(k, s);
  }
  void field(const char* k, long long& v) {
    if (v != 0) node.append_attribute(k).set_value(v);
  }
  void field(const char* k, unsigned long long& v) {
    if (v != 0) node.append_attribute(k).set_value(v);
  }
  void field(const char* k, bool& v) {
    if (v) node.append_attribute(k).set_value(true);
  }
  void field(const char* k, util::Date& v) {
    if (v.year != 0) node.append_attribute(k).set_value(v.iso().c_str());
  }
  void field(const char* k, std::optional<util::Date>& v) {
    if (v) field(k, *v);
  }
  // Text that may be long or hold line breaks: the element's text.
  void text(std::string& v) {
    if (!v.empty()) node.text().set(v.c_str());
  }
  template <class T, class F>
  void list(const char* tag, std::vector<T>& items, F f) {
    for (auto& item : items) {
      Out child{node.append_child(tag)};
      f(child, item);
    }
  }
  template <class T, class F>
  void optional(const char* tag, std::optional<T>& v, F f) {
    if (v) child(tag, *v, f);
  }
  template <class T, class F>
  void child(const char* tag, T& v, F f) {
    Out c{node.append_child(tag)};
    f(c, v);
  }
};

// Reads what Out wrote; `ok` turns false on anything it does not expect.
struct In {
  pugi::xml_node node;
  bool* ok;
  static constexpr bool reading = true;
  void field(const char* k, std::string& v) { v = node.attribute(k).as_string(); }
  void field(const char* k, fs::path& v) { v = node.attribute(k).as_string(); }
  void field(const char* k, long long& v) { v = node.attribute(k).as_llong(); }
  void field(const char* k, unsigned long long& v) { v = node.attribute(k).as_ullong(); }
  void field(const char* k, bool& v) { v = node.attribute(k).as_bool(); }
  void field(const char* k, util::Date& v) {
    const pugi::xml_attribute a = node.attribute(k);
    if (!a) return;
    if (auto d = util::Date::parse(a.as_string())) {
      v = *d;
    } else {
      *ok = false;
    }
  }
  void field(const char* k, std::optional<util::Date>& v) {
    if (!node.attribute(k)) return;
    util::Date d;
    field(k, d);
    v = d;
  }
  void text(std::string& v) { v = node.text().as_string(); }
  template <class T, class F>
  void list(const char* tag, std::vector<T>& items, F f) {
    for (pugi::xml_node c = node.child(tag); c; c = c.next_sibling(tag)) {
      In child{c, ok};
      f(child, items.emplace_back());
    }
  }
  template <class T, class F>
  void optional(const char* tag, std::optional<T>& v, F f) {
    if (pugi::xml_node c = node.child(tag)) {
      In child{c, ok};
      f(child, v.emplace());
    }
  }
  template <class T, class F>
  void child(const char* tag, T& v, F f) {
    if (pugi::xml_node c = node.child(tag)) {
      In in{c, ok};
      f(in, v);
    } else {
      *ok = false;
    }
  }
};

// Numbers and enumerations of any integer type, through the widest one.
template <class T, bool = std::is_enum_v<T>>
struct IntegerOf {
  using type = T;
};
template <class T>
struct IntegerOf<T, true> {
  using type = std::underlying_type_t<T>;
};

template <class IO, class T>
void number(IO& io, const char* k, T& v) {
  if constexpr (std::is_signed_v<typename IntegerOf<T>::type>) {
    long long x = static_cast<long long>(v);
    io.field(k, x);
    if constexpr (IO::reading) v = static_cast<T>(x);
  } else {
    unsigned long long x = static_cast<unsigned long long>(v);
    io.field(k, x);
    if constexpr (IO::reading) v = static_cast<T>(x);
  }
}
// A place as one string, "line:column:file" (a state holds tens of thousands of them);
// "" for none.
std::string place_text(const diag::SourceSpan& s) {
  if (s.file.empty() && s.line == 0 && s.column == 0) return {};
  return std::to_string(s.line) + ':' + std::to_string(s.column) + ':' + s.file;
}

bool parse_place(const std::string& text, diag::SourceSpan& s) {
  if (text.empty()) return true;
  const auto a = text.find(':');
  const auto b = a == std::string::npos ? a : text.find(':', a + 1);
  if (b == std::string::npos) return false;
  s.line = std::atoi(text.c_str());
  s.column = std::atoi(text.c_str() + a + 1);
  s.file = text.substr(b + 1);
  return true;
}

template <class IO>
void span(IO& io, const char* k, diag::SourceSpan& s) {
  std::string text;
  if constexpr (!IO::reading) text = place_text(s);
  io.field(k, text);
  if constexpr (IO::reading) {
    if (!parse_place(text, s)) *io.ok = false;
  }
}

template <class IO>
void pairs(IO& io, const char* tag, std::vector<std::pair<std::string, std::string>>& v) {
  io.list(tag, v, [](auto& c, std::pair<std::string, std::string>& p) {
    c.field("a", p.first);
    c.field("b", p.second);
  });
}

template <class IO>
void diagnostic(IO& io, diag::Diagnostic& d) {
  number(io, "severity", d.severity);
  io.field("rule", d.rule);
  span(io, "at", d.span);
  io.list("arg", d.args, [](auto& c, std::pair<std::string, std::string>& p) {
    c.field("name", p.first);
    c.text(p.second);
  });
  io.list("note", d.notes, [](auto& c, diag::Diagnostic& n) { diagnostic(c, n); });
}

template <class IO>
void validity(IO& io, model::ValidityStatus& v) {
  number(io, "state", v.state);
  io.field("as-of", v.as_of);
  io.field("start", v.start);
  io.field("original-end", v.original_end);
  io.field("current-end", v.current_end);
  io.field("notice-deadline", v.notice_deadline);
  io.field("next-review", v.next_review);
  number(io, "extensions", v.extensions);
}

template <class IO>
void check_report(IO& io, review::CheckReport& r) {
  io.field("source", r.source);
  io.field("title", r.title);
  io.field("kind", r.kind);
  io.list("area", r.coverage, [](auto& c, review::AreaCoverage& a) {
    c.field("area", a.area);
    number(c, "status", a.status);
    span(c, "where", a.where);
    c.field("where-text", a.where_text);
    c.field("toc-only", a.toc_only);
    c.list("facet", a.facets, [](auto& f, review::FacetFinding& x) {
      f.field("id", x.id);
      f.field("label-sv", x.label_sv);
      f.field("label-en", x.label_en);
      f.field("required", x.required);
      f.field("found", x.found);
      span(f, "where", x.where);
      f.field("quote", x.quote);
    });
  });
  io.optional("validity", r.validity, [](auto& c, model::ValidityStatus& v) { validity(c, v); });
  io.list("date", r.dates, [](auto& c, std::pair<std::string, util::Date>& p) {
    c.field("name", p.first);
    c.field("date", p.second);
  });
}

template <class IO>
void local_status(IO& io, local::LocalStatus& s) {
  io.field("draft", s.draft);
  io.list("prompts", s.prompts, [](auto& c, local::PromptsLeft& p) {
    c.field("id", p.id);
    c.field("number", p.number);
    c.field("heading", p.heading);
    number(c, "count", p.count);
    span(c, "where", p.where);
  });
  io.list("changed", s.changed, [](auto& c, local::ChangedSection& x) {
    c.field("id", x.id);
    c.field("number", x.number);
    c.field("heading", x.heading);
    c.field("based-on", x.based_on);
    c.field("current", x.current);
    span(c, "local-text", x.local_text);
    span(c, "regional-text", x.regional_text);
    c.text(x.regional_plain);
  });
  pairs(io, "missing-template", s.missing_template);
  pairs(io, "empty-slot", s.empty_slots);
  io.field("cited-version", s.cited_version);
  io.field("current-version", s.current_version);
}

// Where each section of a local agreement comes from: one line per section, fields apart
// by tabs (a local agreement has some sixty sections, a national batch 300 of them).
std::string escape_field(const std::string& v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') out += "\\\\";
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\t') {
      fields.emplace_back();
    } else if (line[i] == '\\' && i + 1 < line.size()) {
      const char n = line[++i];
      fields.back() += n == 't' ? '\t' : n == 'n' ? '\n' : n;
    } else {
      fields.back() += line[i];
    }
  }
  return fields;
}

template <class IO>
void provenance(IO& io, std::vector<local::Provenance>& all) {
  std::string text;
  std::optional<std::string> box;
  if constexpr (!IO::reading) {
    if (all.empty()) return;
    for (auto& p : all) {
      text += escape_field(p.number) + '\t' + escape_field(p.heading) + '\t' + escape_field(p.id) + '\t' +
              std::to_string(static_cast<int>(p.origin)) + '\t' + escape_field(place_text(p.source)) + '\t' +
              escape_field(place_text(p.local)) + '\n';
    }
    box = text;
  }
  io.optional("provenance", box, [](auto& c, std::string& t) { c.text(t); });
  if constexpr (IO::reading) {
    if (!box) return;
    std::size_t start = 0;
    while (start < box->size()) {
      std::size_t end = box->find('\n', start);
      if (end == std::string::npos) end = box->size();
      const auto f = split_fields(box->substr(start, end - start));
      start = end + 1;
      if (f.size() != 6) {
        *io.ok = false;
        return;
      }
      local::Provenance p;
      p.number = f[0];
      p.heading = f[1];
      p.id = f[2];
      p.origin = static_cast<model::Origin>(std::atoi(f[3].c_str()));
      if (!parse_place(f[4], p.source) || !parse_place(f[5], p.local)) {
        *io.ok = false;
        return;
      }
      all.push_back(std::move(p));
    }
  }
}

template <class IO>
void result(IO& io, AgreementResult& r) {
  io.field("source", r.source);
  io.field("display-source", r.display_source);
  io.field("id", r.id);
  io.field("title", r.title);
  io.field("kind", r.kind);
  io.field("region", r.region);
  io.field("version", r.version);
  io.field("diarienummer", r.diarienummer);
  io.field("validity-label", r.validity_label);
  number(io, "errors", r.errors);
  number(io, "warnings", r.warnings);
  io.field("loaded", r.loaded);
  number(io, "pages", r.pages);
  io.field("municipality", r.municipality);
  io.field("municipality-code", r.municipality_code);
  io.field("parent-source", r.parent_source);
  io.child("validity", r.validity, [](auto& c, model::ValidityStatus& v) { validity(c, v); });
  io.optional("report", r.report, [](auto& c, review::CheckReport& x) { check_report(c, x); });
  io.optional("local", r.local, [](auto& c, local::LocalStatus& x) { local_status(c, x); });
  provenance(io, r.provenance);
  io.list("output", r.outputs, [](auto& c, fs::path& p) { c.field("path", p); });
  io.list("file", r.files, [](auto& c, std::string& f) { c.field("path", f); });
}

template <class IO>
void index_entry(IO& io, render::html::IndexEntry& e) {
  io.field("href", e.href);
  io.field("consolidated-href", e.consolidated_href);
  io.field("title", e.title);
  io.field("kind", e.kind);
  io.field("kind-label", e.kind_label);
  io.field("region", e.region);
  io.field("version", e.version);
  io.field("diarienummer", e.diarienummer);
  io.field("status", e.status);
  io.field("status-label", e.status_label);
  io.field("source", e.source);
  io.field("region-page", e.region_page);
  io.field("local-state", e.local_state);
  io.field("needs-review", e.needs_review);
}

template <class IO>
void agreement(IO& io, CachedAgreement& a) {
  io.field("source", a.source);
  io.field("content-root", a.content_root);
  io.field("id", a.id);
  io.list("input", a.inputs, [](auto& c, InputStamp& s) {
    c.field("path", s.path);
    number(c, "size", s.size);
    number(c, "hash", s.hash);
  });
  io.list("written", a.outputs, [](auto& c, OutputStamp& s) {
    c.field("path", s.path);
    number(c, "size", s.size);
    number(c, "mtime", s.mtime_ns);
  });
  io.child("result", a.result, [](auto& c, AgreementResult& r) { result(c, r); });
  io.child("entry", a.entry, [](auto& c, render::html::IndexEntry& e) { index_entry(c, e); });
  static const char* const phases[] = {"load", "review", "publish"};
  for (std::size_t p = 0; p < a.findings.size(); ++p) {
    io.list(phases[p], a.findings[p], [](auto& c, diag::Diagnostic& d) { diagnostic(c, d); });
  }
}

}  // namespace

std::optional<BuildState> read_state(const fs::path& file) {
  std::string bytes;
  if (file.empty() || util::read_file(file, bytes, std::size_t{1} << 30) != util::ReadStatus::ok) return std::nullopt;
  pugi::xml_document doc;
  if (!doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_utf8)) return std::nullopt;
  const pugi::xml_node root = doc.child("okgen-build-state");
  if (std::string(root.attribute("format").as_string()) != kFormat) return std::nullopt;
  BuildState state;
  state.fingerprint = root.attribute("fingerprint").as_string();
  bool ok = true;
  In in{root, &ok};
  in.list("agreement", state.agreements, [](auto& c, CachedAgreement& a) { agreement(c, a); });
  if (!ok || state.fingerprint.empty()) return std::nullopt;
  return state;
}

bool write_state(const fs::path& file, BuildState& state) {
  if (file.empty()) return false;
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("okgen-build-state");
  root.append_attribute("format").set_value(kFormat);
  root.append_attribute("fingerprint").set_value(state.fingerprint.c_str());
  Out out{root};
  out.list("agreement", state.agreements, [](auto& c, CachedAgreement& a) { agreement(c, a); });
  // Saved straight into one string (a national batch's state is some 4 MB): an ostringstream
  // grew its buffer by doubling and then copied it out, the build's peak memory.
  struct ToString : pugi::xml_writer {
    std::string text;
    void write(const void* data, size_t size) override { text.append(static_cast<const char*>(data), size); }
  } text;
  text.text.reserve(state.agreements.size() * 16 * 1024);
  doc.save(text, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  doc.reset();  // the tree is not needed while the file is written
  try {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    util::write_file_atomic(file, text.text);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace okgen::incremental
