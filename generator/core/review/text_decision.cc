// Reading a decision from text (see text_decision.h).
#include "review/text_decision.h"

#include <vector>

#include "review/text_dates.h"
#include "util/regex.h"
#include "util/text.h"

namespace okgen::review {
namespace {

// Past forms of the verbs a decision is stated with ("ska beslutas" is not one).
const util::Regex& verb() {
  static const util::Regex re(
      R"(\b(beslutad|beslutade|beslutades|beslutats|beslutat|fastställd|fastställdes|fastställts|antagen|antogs|antagits|godkänd|godkändes|godkänts)\b)");
  return re;
}

// The body: a phrase naming a board, committee, council or group ("regionstyrelsen",
// "Länsledningsgruppen för psykiatri", "kommunfullmäktige i Falun").
const util::Regex& forum() {
  static const util::Regex re(
      R"((styrelse|nämnd|fullmäktige|råd|ledningsgrupp|ledning|beredning|direktion|utskott|forum|grupp|presidi|delegation))");
  return re;
}

// Where a body's name ends: a date, a clause boundary, "den 3 maj", "i april".
const util::Regex& stop() {
  static const util::Regex re(
      R"(\s+(den|på|vid sammanträde|genom|samt|och respektive|med)\b|\s*[,.;:(]|\s+\d|\s+(i\s+)?(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b)");
  return re;
}

// The body's name at the start of `phrase`: up to a date or a clause boundary, at most
// eight words and naming a forum; "" when it is none.
std::string body_name(std::string phrase) {
  util::Match e;
  if (util::regex_search(phrase, e, stop())) phrase = phrase.substr(0, static_cast<std::size_t>(e.position(0)));
  std::string body(util::trim(phrase));
  const std::size_t words = util::word_count(body);
  if (words == 0 || words > 8 || !util::regex_search(util::lower_sv(body), forum())) return {};
  return body;
}

// The body after "av"/"i" that follows a decision verb.
std::string body_after(const std::string& s, std::size_t from) {
  static const util::Regex by(R"(^\s*(?:har\s+)?(?:av|i|vid)\s+)");
  util::Match m;
  const std::string rest = s.substr(from);
  if (!util::regex_search(rest, m, by)) return {};
  return body_name(rest.substr(static_cast<std::size_t>(m.length(0))));
}

struct Candidate {
  std::string body;
  util::PartialDate date;
};

}  // namespace

std::optional<TextDecision> read_decision(const std::string& text, const util::Date& as_of) {
  // Sentences: a line, cut after ". " before a capital or a digit.
  std::vector<std::string> sentences;
  static const util::Regex cut(R"([.;]\s+(?=[A-ZÅÄÖ0-9]))");
  for (const auto& line : util::split(text, '\n')) {
    std::string l(util::trim(line));
    // Only lines with a decision verb's stem are read further (regular expressions are slow,
    // and an agreement has thousands of lines).
    const std::string low = util::lower_sv(l);
    if (low.find("beslut") == std::string::npos && low.find("fastst") == std::string::npos &&
        low.find("antag") == std::string::npos && low.find("antog") == std::string::npos &&
        low.find("godk") == std::string::npos) {
      continue;
    }
    std::size_t at = 0;
    for (auto it = util::RegexIterator(l.begin(), l.end(), cut); it != util::RegexIterator(); ++it) {
      sentences.push_back(l.substr(at, static_cast<std::size_t>(it->position(0)) + 1 - at));
      at = static_cast<std::size_t>(it->position(0) + it->length(0));
    }
    if (at < l.size()) sentences.push_back(l.substr(at));
  }
  std::optional<Candidate> best;
  auto consider = [&](const std::string& body, const FoundDate& d) {
    if (body.empty() || as_of < d.date) return;
    util::PartialDate pd;
    pd.date = d.date;
    pd.precision = d.day_known ? util::PartialDate::Precision::day : util::PartialDate::Precision::month;
    if (!best || best->date.date < pd.date) best = Candidate{body, pd};
  };
  // Labels on a cover page, each on its own line: the body and the date may be apart.
  static const util::Regex body_label(R"(^(beslutad av|beslutande( organ)?|beslutsinstans|fastställd av|antagen av|godkänd av)\s*:\s*(.+)$)");
  static const util::Regex date_label(R"(^(beslutsdatum|beslutad|fastställd|antagen|godkänd)( den| datum)?\s*:)");
  std::string label_body;
  std::optional<FoundDate> label_date;
  for (const auto& s : sentences) {
    const std::string lower = util::lower_sv(s);
    util::Match m;
    if (util::regex_search(lower, m, body_label)) {
      // "Fastställd av: Regionalt samverkansråd Blekinge, 2022-05-20": the body up to a
      // clause boundary or the date, and the date when the line gives one.
      if (std::string b = body_name(s.substr(static_cast<std::size_t>(m.position(3)))); !b.empty()) label_body = b;
      const DateScan scan = scan_dates(s);
      if (!scan.dates.empty()) label_date = scan.dates.front();
      continue;
    }
    if (util::regex_search(lower, m, date_label)) {
      const DateScan scan = scan_dates(s);
      if (!scan.dates.empty()) label_date = scan.dates.front();
      continue;
    }
    // A sentence: verb, body, date (in either order around the body).
    for (auto it = util::RegexIterator(lower.begin(), lower.end(), verb()); it != util::RegexIterator(); ++it) {
      const std::size_t after = static_cast<std::size_t>(it->position(0) + it->length(0));
      const std::string body = body_after(s, after);
      if (body.empty()) continue;
      const DateScan scan = scan_dates(s);
      if (scan.dates.empty()) continue;
      // The date nearest the verb: sentences name one decision.
      const FoundDate* nearest = &scan.dates.front();
      auto distance = [&](const FoundDate& d) {
        const auto p = static_cast<long>(it->position(0));
        return std::labs(static_cast<long>(d.begin) - p);
      };
      for (const auto& d : scan.dates) {
        if (distance(d) < distance(*nearest)) nearest = &d;
      }
      consider(body, *nearest);
      break;
    }
  }
  if (!label_body.empty() && label_date) consider(label_body, *label_date);
  if (!best) return std::nullopt;
  return TextDecision{best->body, best->date};
}

}  // namespace okgen::review
