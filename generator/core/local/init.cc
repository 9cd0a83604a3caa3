// Local agreement skeletons (see init.h).
#include "local/init.h"

#include <optional>

#include "diag/suggest.h"
#include "load/agreement_loader.h"
#include "local/merge.h"
#include "model/fingerprint.h"
#include "model/walk.h"
#include "util/fs.h"
#include "util/text.h"

namespace fs = std::filesystem;

namespace okgen::local {

using model::Agreement;
using text::Value;

std::string slug(const std::string& name) {
  std::string s = util::lower_sv(util::trim(name));
  if (util::starts_with(s, "region ")) s = s.substr(7);
  for (const char* suffix : {"sregionen", "regionen"}) {
    if (util::ends_with(s, suffix) && s.size() > std::string(suffix).size()) {
      s = s.substr(0, s.size() - std::string(suffix).size());
      break;
    }
  }
  static const std::vector<std::pair<std::string, std::string>> kFold = {
      {"å", "a"}, {"ä", "a"}, {"ö", "o"}, {"é", "e"}, {"ü", "u"}, {"æ", "ae"}, {"ø", "o"}};
  for (const auto& [from, to] : kFold) util::replace_all(s, from, to);
  std::string out;
  for (char c : s) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

namespace {

// XML comments may not contain "--".
std::string comment_safe(std::string s) {
  while (s.find("--") != std::string::npos) util::replace_all(s, "--", "- -");
  return s;
}

std::optional<std::string> find_region(const std::string& typed, const data::ReferenceData& data) {
  for (const auto& r : data.regions()) {
    if (slug(r) == slug(typed)) return r;
  }
  return std::nullopt;
}

struct Parent {
  fs::path file;
  Agreement agreement;
};

Value party_value(const std::string& id, const std::string& name, const std::string& code) {
  Value v;
  v.set("id", id);
  v.set("name", name);
  v.set("code", code.empty() ? Value{false} : Value{code});
  return v;
}

Value context(const Parent& p, const data::Municipality& m, const data::ReferenceData& data, const util::Date& today) {
  const Agreement& a = p.agreement;
  Value ctx;
  ctx.set("id", slug(m.region) + "-" + slug(m.name));
  ctx.set("today", today.iso());
  // content/<region>/local/<name>.xml, with the schema beside content/ as in this repository.
  ctx.set("schema", "../../../schema/agreement.xsd");

  // Names as the regional agreement writes them ("Falu kommun"), else from the registry.
  std::string region_id = slug(m.region), region_name = m.region, region_code = m.code.substr(0, 2);
  std::string muni_id = slug(m.name), muni_party = m.name + " kommun";
  for (const auto& party : a.meta.parties) {
    if (party.kind == model::PartyKind::region) {
      if (!party.id.empty()) region_id = party.id;
      region_name = party.name;
      if (!party.code.empty()) region_code = party.code;
    } else if (party.kind == model::PartyKind::municipality && party.code == m.code) {
      if (!party.id.empty()) muni_id = party.id;
      muni_party = party.name;
    }
  }
  ctx.set("region", party_value(region_id, region_name, region_code));
  Value muni = party_value(muni_id, m.name, m.code);
  muni.set("party", muni_party);
  ctx.set("municipality", muni);
  // Region Gotland: one organisation with both roles, so one party.
  ctx.set("one_organisation", data.municipalities_of(m.region).size() == 1);

  Value parent;
  parent.set("href", "../regional.xml");
  parent.set("title", a.meta.title);
  parent.set("version", a.meta.version);
  parent.set("diarienummer", a.meta.diarienummer.empty() ? Value{false} : Value{a.meta.diarienummer});
  ctx.set("parent", parent);

  // What the regional agreement says about local disputes and follow-up.
  const model::DisputeLadder* ladder = nullptr;
  const model::FollowUp* follow_up = nullptr;
  Value::List extendable, slots;
  model::for_each_section(a.sections, [&](const model::Section& s) {
    for (const auto& c : s.content) {
      if (const auto* d = std::get_if<model::DisputeLadder>(&c); d && d->scope == model::DisputeScope::local && !ladder) ladder = d;
      if (const auto* f = std::get_if<model::FollowUp>(&c); f && !follow_up) follow_up = f;
    }
    if (s.local == model::LocalPolicy::locked) return;
    Value v;
    v.set("id", s.id);
    v.set("number", s.number);
    v.set("heading", comment_safe(s.heading));
    v.set("fingerprint", model::fingerprint(s));
    // The other actions the section's policy allows (merge.h allows()), named in the comment.
    Value::List others;
    for (auto action : {model::LocalAction::extend, model::LocalAction::replace, model::LocalAction::fill}) {
      const bool shown = action == (s.local == model::LocalPolicy::slot ? model::LocalAction::fill : model::LocalAction::extend);
      if (!shown && allows(s.local, action)) others.push_back(Value{std::string(model::to_string(action))});
    }
    v.set("has_other_actions", !others.empty());
    v.set("other_actions", std::move(others));
    (s.local == model::LocalPolicy::slot ? slots : extendable).push_back(std::move(v));
  });
  ctx.set("has_extendable", !extendable.empty());
  ctx.set("extendable", std::move(extendable));
  ctx.set("slots", std::move(slots));

  Value::List sections;
  for (const auto& t : data.local_template) {
    Value s;
    s.set("id", "lokal-" + t.key);
    s.set("key", t.key);
    s.set("heading", t.heading);
    Value::List items;
    for (const auto& item : t.items) {
      Value iv;
      iv.set("describe", comment_safe(item.describe));
      Value::List qs;
      for (const auto& q : item.questions) qs.push_back(Value{}.set("text", q));
      iv.set("questions", std::move(qs));
      items.push_back(std::move(iv));
    }
    s.set("items", std::move(items));
    if (t.holds == "dispute-ladder" && ladder) {
      Value l;
      l.set("id", "lokal-" + (ladder->id.empty() ? std::string("tvistetrappa") : ladder->id));
      Value::List levels;
      for (const auto& lv : ladder->levels) {
        levels.push_back(Value{}.set("forum", lv.forum).set("text", model::plain_text(lv.text.blocks)));
      }
      l.set("levels", std::move(levels));
      l.set("interim", ladder->interim ? Value{model::plain_text(ladder->interim->blocks)} : Value{false});
      if (ladder->final_instance) {
        l.set("final", Value{}.set("forum", ladder->final_instance->forum)
                           .set("text", model::plain_text(ladder->final_instance->text.blocks)));
      } else {
        l.set("final", false);
      }
      s.set("ladder", std::move(l));
    } else {
      s.set("ladder", false);
    }
    if (t.holds == "follow-up" && follow_up) {
      s.set("follow_up", Value{}.set("every_months", follow_up->every_months).set("forum", follow_up->forum));
    } else {
      s.set("follow_up", false);
    }
    sections.push_back(std::move(s));
  }
  ctx.set("sections", std::move(sections));
  return ctx;
}

}  // namespace

InitResult init_local(const InitOptions& o, const Resources& res, diag::DiagnosticSink& sink,
                      diag::SourceRegistry& sources) {
  InitResult result;
  const data::ReferenceData& data = res.data;
  const diag::SourceSpan cli{"okgen local init", 0, 0};
  const std::optional<std::string> region = find_region(o.region, data);
  if (!region) {
    // Compare with the names people type: "Dalarna" rather than "Region Dalarna".
    std::vector<std::string> short_names;
    for (const auto& r : data.regions()) short_names.push_back(util::starts_with(r, "Region ") ? r.substr(7) : r);
    std::string typed = o.region;
    if (util::starts_with(typed, "Region ")) typed = typed.substr(7);
    const std::string near = diag::suggest(typed, short_names);
    std::string suggestion;
    for (const auto& r : data.regions()) {
      if (!near.empty() && (r == near || r == "Region " + near)) suggestion = r;
    }
    sink.report("init-unknown-region", cli, {{"region", o.region}, {"suggestion", suggestion}});
    result.usage_error = true;
    return result;
  }

  // Which municipalities: as named (each must exist, in this region), or all of the region.
  std::vector<const data::Municipality*> wanted;
  std::vector<std::string> names;
  for (const auto& m : data.municipalities) names.push_back(m.name);
  for (const auto& typed : o.municipalities) {
    const data::Municipality* m = data.find_municipality(typed, *region);
    if (!m) m = data.find_municipality(typed);
    if (!m) {
      std::vector<std::string> in_region;
      for (const auto* x : data.municipalities_of(*region)) in_region.push_back(x->name);
      std::string suggestion = diag::suggest(typed, in_region);
      if (suggestion.empty()) suggestion = diag::suggest(typed, names);
      sink.report("init-unknown-municipality", cli, {{"municipality", typed}, {"suggestion", suggestion}});
      result.usage_error = true;
      continue;
    }
    if (m->region != *region) {
      sink.report("init-wrong-region", cli, {{"municipality", m->name}, {"region", *region}, {"actual", m->region}});
      result.usage_error = true;
      continue;
    }
    wanted.push_back(m);
  }
  if (o.all) wanted = data.municipalities_of(*region);
  if (result.usage_error) return result;

  const fs::path region_dir = o.content_dir / slug(*region);
  const fs::path regional = region_dir / "regional.xml";
  std::error_code ec;
  if (!fs::exists(regional, ec)) {
    sink.report("init-no-regional", cli, {{"region", *region}, {"path", util::display_path(regional)}});
    result.usage_error = true;
    return result;
  }
  load::LoadOptions lo = res.load_options();
  lo.content_root = o.content_dir;
  const std::size_t mark = sink.size();
  auto loaded = load::load_agreement(regional, lo, sink, sources);
  if (!loaded || sink.has_errors_since(mark) || loaded->kind != model::AgreementKind::regional) {
    sink.report("init-regional-invalid", diag::SourceSpan{util::display_path(regional), 0, 0}, {});
    return result;
  }
  Parent parent{regional, std::move(*loaded)};

  // Render everything first: either every requested file is written or none.
  std::vector<std::pair<fs::path, std::string>> files;
  for (const auto* m : wanted) {
    const fs::path target = region_dir / "local" / (slug(m->name) + ".xml");
    if (fs::exists(target, ec) && !o.force) {
      if (o.all) {
        result.skipped.push_back(target);
        continue;
      }
      sink.report("init-exists", diag::SourceSpan{util::display_path(target), 0, 0}, {{"municipality", m->name}});
      result.usage_error = true;
      continue;
    }
    files.emplace_back(target, res.templates.render("local/agreement.xml", context(parent, *m, data, o.today),
                                                    text::Escape::html));
  }
  if (result.usage_error) return result;
  for (const auto& [path, text] : files) {
    util::write_file_atomic(path, text);
    result.written.push_back(path);
  }
  return result;
}

}  // namespace okgen::local
