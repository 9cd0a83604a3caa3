// Reading dates and validity rules from a sentence (see text_dates.h).
#include "review/text_dates.h"
#include "util/regex.h"

#include <algorithm>
#include <map>

#include "util/text.h"

namespace okgen::review {

namespace {

const std::map<std::string, int>& months() {
  static const std::map<std::string, int> kMonths = {
      {"januari", 1}, {"februari", 2}, {"mars", 3},     {"april", 4},    {"maj", 5},      {"juni", 6},
      {"juli", 7},    {"augusti", 8},  {"september", 9}, {"oktober", 10}, {"november", 11}, {"december", 12},
      {"jan", 1},     {"feb", 2},      {"mar", 3},      {"apr", 4},      {"jun", 6},      {"jul", 7},
      {"aug", 8},     {"sep", 9},      {"sept", 9},     {"okt", 10},     {"nov", 11},     {"dec", 12}};
  return kMonths;
}

int number_of(const std::string& w) {
  static const std::map<std::string, int> kWords = {{"en", 1},  {"ett", 1},  {"två", 2},    {"tre", 3},   {"fyra", 4},
                                                    {"fem", 5}, {"sex", 6},  {"sju", 7},    {"åtta", 8},  {"nio", 9},
                                                    {"tio", 10}, {"elva", 11}, {"tolv", 12}, {"arton", 18}, {"tjugofyra", 24},
                                                    {"trettiosex", 36}};
  auto it = kWords.find(w);
  if (it != kWords.end()) return it->second;
  return std::atoi(w.c_str());
}

std::optional<util::Date> make(int y, int m, int d) {
  if (y < 1980 || y > 2100 || m < 1 || m > 12 || d < 1 || d > util::days_in_month(y, m)) return std::nullopt;
  return util::Date{y, m, d};
}

// Words just before a date that say what it is ("fr.o.m.", "till och med", "från den").
FoundDate::Role role_before(const std::string& lower, std::size_t at) {
  const std::size_t from = at > 40 ? at - 40 : 0;
  std::string before = lower.substr(from, at - from);
  // Only what follows the last date or sentence break counts.
  static const util::Regex kEnd(R"((t\.?\s?o\.?\s?m\.?|till och med|tom\b|till|giltig till|upphör\w*|löper ut|slutdatum|sista dag\w*|end date|end)\s*(den\s+)?:?\s*$)");
  static const util::Regex kStart(
      R"((fr\.?\s?o\.?\s?m\.?|från och med|from\b|från|gäller\s+(från\s+)?(och\s+med\s+)?|träder i kraft|ikraftträdande\w*|börjar gälla|giltig från|startdatum|gäller fr\.?\s?o\.?\s?m\.?|go[- ]live|start date)\s*(den\s+)?:?\s*$)");
  if (util::regex_search(before, kEnd)) return FoundDate::Role::end;
  if (util::regex_search(before, kStart)) return FoundDate::Role::start;
  return FoundDate::Role::plain;
}

}  // namespace

bool DateScan::has_start() const {
  return std::any_of(dates.begin(), dates.end(), [](const FoundDate& d) { return d.role == FoundDate::Role::start; });
}
bool DateScan::has_end() const {
  return std::any_of(dates.begin(), dates.end(), [](const FoundDate& d) { return d.role == FoundDate::Role::end; });
}

DateScan scan_dates(const std::string& sentence) {
  DateScan s;
  const std::string lower = util::lower_sv(sentence);
  // Placeholders first: their digits must not become dates ("2011-xx-xx" is not 2011-01-01).
  static const util::Regex kPlaceholder(
      R"((\b(19|20)\d\d-(xx|[x_]{1,2}|mm|\?\?)-(xx|[x_]{1,2}|dd|\?\?)\b)|(åååå|yyyy|\bxxxx)[-.](mm|xx)[-.](dd|xx)|\[\s*(datum|date|åå+|dd|xx)[^\]]{0,20}\]|\b20xx\b|\b(19|20)\d[x_]\b|_{2,}-_{2,}(-_{2,})?)");
  std::string masked = lower;
  // util::Regex is slow (a locale lookup per step): each pattern runs only where the words it
  // needs are present.
  auto has = [&](const char* needle) { return lower.find(needle) != std::string::npos; };
  const bool digits = lower.find_first_of("0123456789") != std::string::npos;
  const bool placeholder_like = has("xx") || has("åååå") || has("yyyy") || has("[") || has("__") || has("20x") ||
                                has("19x") || has("-mm-");
  for (auto it = placeholder_like ? util::RegexIterator(lower.begin(), lower.end(), kPlaceholder) : util::RegexIterator();
       it != util::RegexIterator(); ++it) {
    const auto p = static_cast<std::size_t>(it->position());
    const auto l = static_cast<std::size_t>(it->length());
    s.placeholders.push_back(DatePlaceholder{sentence.substr(p, l), p});
    std::fill(masked.begin() + static_cast<std::ptrdiff_t>(p), masked.begin() + static_cast<std::ptrdiff_t>(p + l), ' ');
  }

  // Full dates, each with its byte range.
  static const util::Regex kIso(R"(\b(\d{4})-(\d{1,2})-(\d{1,2})\b)");
  static const util::Regex kDotted(R"(\b(\d{4})\.(\d{1,2})\.(\d{1,2})\b)");
  static const util::Regex kWritten(
      R"(\b(\d{1,2})(:e|:a)?\s+(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?\s+(\d{4})\b)");
  static const util::Regex kMonthYear(
      R"(\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\s+(\d{4})\b)");
  static const util::Regex kSeason(R"(\b(våren|sommaren|hösten|vintern)\s+(\d{4})\b)");
  static const util::Regex kSlash(R"(\b(\d{1,2})/(\d{1,2})\s+(\d{4})\b)");
  std::vector<FoundDate> found;
  if (digits) {
    auto add = [&](std::optional<util::Date> d, std::size_t b, std::size_t e, bool day_known) {
      if (!d) return;
      for (const auto& f : found) {
        if (b < f.end && f.begin < e) return;  // already read as part of another form
      }
      FoundDate f;
      f.date = *d;
      f.begin = b;
      f.end = e;
      f.day_known = day_known;
      found.push_back(f);
    };
    for (auto it = util::RegexIterator(masked.begin(), masked.end(), kIso); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      add(make(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])), static_cast<std::size_t>(m.position()),
          static_cast<std::size_t>(m.position() + m.length()), true);
    }
    for (auto it = util::RegexIterator(masked.begin(), masked.end(), kDotted); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      add(make(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])), static_cast<std::size_t>(m.position()),
          static_cast<std::size_t>(m.position() + m.length()), true);
    }
    for (auto it = util::RegexIterator(masked.begin(), masked.end(), kWritten); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      add(make(std::stoi(m[4]), months().at(m[3]), std::stoi(m[1])), static_cast<std::size_t>(m.position()),
          static_cast<std::size_t>(m.position() + m.length()), true);
    }
    for (auto it = util::RegexIterator(masked.begin(), masked.end(), kSlash); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      add(make(std::stoi(m[3]), std::stoi(m[2]), std::stoi(m[1])), static_cast<std::size_t>(m.position()),
          static_cast<std::size_t>(m.position() + m.length()), true);
    }
    for (auto it = util::RegexIterator(masked.begin(), masked.end(), kMonthYear); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      add(make(std::stoi(m[2]), months().at(m[1]), 1), static_cast<std::size_t>(m.position()),
          static_cast<std::size_t>(m.position() + m.length()), false);
    }
    for (auto it = util::RegexIterator(masked.begin(), masked.end(), kSeason); it != util::RegexIterator(); ++it) {
      const auto& m = *it;
      static const std::map<std::string, int> kMonth = {{"våren", 3}, {"sommaren", 6}, {"hösten", 9}, {"vintern", 12}};
      add(make(std::stoi(m[2]), kMonth.at(m[1]), 1), static_cast<std::size_t>(m.position()),
          static_cast<std::size_t>(m.position() + m.length()), false);
    }
    std::sort(found.begin(), found.end(), [](const FoundDate& a, const FoundDate& b) { return a.begin < b.begin; });

    // Roles: words before a date, or a range "A – B" / "A till B".
    for (std::size_t i = 0; i < found.size(); ++i) found[i].role = role_before(masked, found[i].begin);
    for (std::size_t i = 0; i + 1 < found.size(); ++i) {
      const std::string between = masked.substr(found[i].end, found[i + 1].begin - found[i].end);
      static const util::Regex kRangeGap(
          R"(^\s*(–|—|-|till och med|t\.?\s?o\.?\s?m\.?|till|tom|och)\s*(den\s+)?$)");
      if (util::regex_match(between, kRangeGap) && found[i + 1].date > found[i].date &&
          !(util::trim(between) == "och" && found[i].role != FoundDate::Role::start)) {
        if (found[i].role == FoundDate::Role::plain) found[i].role = FoundDate::Role::start;
        found[i + 1].role = FoundDate::Role::end;
      }
    }
    // "... gäller 2020–2023": a range of years in a validity sentence.
    static const util::Regex kYears(R"((gäller|giltig\w*|period\w*|avtalstid\w*|löptid\w*)[^.]{0,40}?\b(20\d\d)\s*(–|—|-)\s*(20\d\d)\b)");
    util::Match ym;
    if (found.empty() && util::regex_search(masked, ym, kYears)) {
      const int a = std::stoi(ym[2]), b = std::stoi(ym[4]);
      if (b > a) {
        const auto p = static_cast<std::size_t>(ym.position(2));
        found.push_back(FoundDate{*make(a, 1, 1), FoundDate::Role::start, false, p, p + 4});
        const auto q = static_cast<std::size_t>(ym.position(4));
        found.push_back(FoundDate{*make(b, 12, 31), FoundDate::Role::end, false, q, q + 4});
      }
    }
  }
  s.dates = std::move(found);

  static const util::Regex kUntil(R"(tills vidare|tillsvidare|utan tidsgräns|utan tidsbegränsning|tills (vidare|någon|den)[^.]{0,20}säg)");
  util::Match m;
  if ((has("tills") || has("utan tids")) && util::regex_search(masked, m, kUntil)) {
    s.until_further_notice = true;
    s.until_at = static_cast<std::size_t>(m.position());
  }
  static const util::Regex kExtension(
      R"(förläng\w*[^.]{0,80}?\b(med|till)?\s*(\d+|ett|en|två|tre|fyra|sex|tolv|arton|tjugofyra)\s+(år|månader|månad)\b)");
  if (has("förläng") && util::regex_search(masked, m, kExtension)) {
    s.extension_months = number_of(m[2]) * (util::starts_with(m[3].str(), "år") ? 12 : 1);
    const std::string rest = masked.substr(static_cast<std::size_t>(m.position()));
    s.extension_repeats = rest.find("i taget") != std::string::npos || rest.find("åt gången") != std::string::npos;
    s.extension_if_revising = rest.find("revider") != std::string::npos && rest.find("påbörja") != std::string::npos;
  } else if (masked.find("förläng") != std::string::npos) {
    s.extension_months = 0;  // an extension rule without a period ("förlängs automatiskt")
  }
  static const util::Regex kNotice(
      R"((senast|minst)\s+(\d+|en|ett|två|tre|fyra|sex|nio|tolv|arton)\s+månader?\s+(innan|före)|(\d+|en|ett|två|tre|fyra|sex|nio|tolv)\s+månaders\s+(uppsägningstid|varsel))");
  if (has("månad") && util::regex_search(masked, m, kNotice)) {
    s.notice_months = number_of(m[2].matched ? m[2].str() : m[4].str());
    s.notice = true;
  }
  static const util::Regex kNoticeWord(R"(säg\w*\s+upp|uppsäg\w*|sägs upp)");
  if ((has("säg") || has("uppsäg")) && util::regex_search(masked, kNoticeWord)) s.notice = true;
  static const util::Regex kReview(R"(revider\w*|ses över|ser över|se över|översyn\w*|omprövas|omförhandl\w*|revision\w*|utvärderas inför|nya? överenskommelse\w* ska|går igenom|gå igenom)");
  if ((has("revi") || has("över") || has("igenom") || has("omprövas") || has("omförhandl") || has("utvärderas")) &&
      util::regex_search(masked, m, kReview)) {
    s.review = true;
    // Its interval, when the sentence gives one after the review word ("revideras vartannat
    // år", "ses över vart tredje år", "omprövas årligen", "var 4:e år").
    static const util::Regex kEvery(
        R"((?:^|\s)(varje\s+år|årligen|en\s+gång\s+(per|om|i)\s+år(?:et)?|vart\s*annat\s+år|vart\s+(tredje|fjärde|femte)\s+år|vart?\s+(\d)\s*:\s*e\s+år)\b)");
    util::Match e;
    const std::string rest = masked.substr(static_cast<std::size_t>(m.position()));
    if (util::regex_search(rest, e, kEvery)) {
      const std::string what = e[1].str();
      int years = 1;
      if (what.find("annat") != std::string::npos) years = 2;
      else if (e[3].matched) years = e[3].str() == "tredje" ? 3 : e[3].str() == "fjärde" ? 4 : 5;
      else if (e[4].matched) years = std::stoi(e[4].str());
      if (years > 0) s.review_months = years * 12;
    }
  }
  return s;
}

}  // namespace okgen::review
