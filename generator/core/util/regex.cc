// PCRE2 behind okgen's regular expression interface (see regex.h).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "util/regex.h"

#include <pcre2.h>

#include <mutex>

namespace okgen::util {

struct Regex::Code {
  pcre2_code* code = nullptr;
  std::size_t groups = 0;  ///< capture groups, not counting group 0
  /// The JIT compiles a pattern when it is first matched: a pattern compiled only to be
  /// checked (data/wording.tsv at start-up) or never used by a command costs no JIT time.
  mutable std::once_flag jit;
  ~Code() { pcre2_code_free(code); }
};

namespace {

// ECMAScript's line terminators for `.` on bytes are "\n" and "\r"; PCRE2's ANYCRLF newline
// convention excludes exactly those from `.`.
pcre2_compile_context* compile_context() {
  static pcre2_compile_context* ctx = [] {
    pcre2_compile_context* c = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(c, PCRE2_NEWLINE_ANYCRLF);
    return c;
  }();
  return ctx;
}

// Match data reused by a thread for patterns with few groups (all of okgen's): a search
// then allocates nothing.
constexpr std::uint32_t kPairs = 24;

struct MatchData {
  pcre2_match_data* data = pcre2_match_data_create(kPairs, nullptr);
  ~MatchData() { pcre2_match_data_free(data); }
};

}  // namespace

Regex::Regex(std::string_view pattern, unsigned flags) : code_(std::make_unique<Code>()) {
  int error = 0;
  PCRE2_SIZE offset = 0;
  std::uint32_t options = PCRE2_DOLLAR_ENDONLY;
  if (flags & icase) options |= PCRE2_CASELESS;
  code_->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(), options, &error, &offset,
                              compile_context());
  if (!code_->code) {
    PCRE2_UCHAR message[256];
    pcre2_get_error_message(error, message, sizeof message);
    throw RegexError(std::string(reinterpret_cast<const char*>(message)) + " (at character " + std::to_string(offset) +
                     ")");
  }
  std::uint32_t count = 0;
  pcre2_pattern_info(code_->code, PCRE2_INFO_CAPTURECOUNT, &count);
  code_->groups = count;
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

const SubMatch& Match::operator[](std::size_t i) const { return i < groups_.size() ? groups_[i] : none_; }

std::ptrdiff_t Match::position(std::size_t i) const {
  const SubMatch& g = (*this)[i];
  return g.matched ? static_cast<std::ptrdiff_t>(g.begin_) : -1;
}

bool find_at(const Regex& re, std::string_view s, std::size_t from, unsigned options, Match* m) {
  if (from > s.size()) return false;
  const Regex::Code& c = re.code();
  // The JIT makes matching several times faster; where it is not available the interpreter
  // gives the same results. Every match passes here first, so nobody matches while the
  // code is being compiled.
  std::call_once(c.jit, [&] { pcre2_jit_compile(c.code, PCRE2_JIT_COMPLETE); });
  thread_local MatchData shared;
  pcre2_match_data* data = shared.data;
  pcre2_match_data* own = nullptr;
  if (c.groups + 1 > kPairs) data = own = pcre2_match_data_create_from_pattern(c.code, nullptr);
  // An empty subject has no valid data pointer to give; any non-null one will do.
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(s.empty() ? "" : s.data());
  int rc = pcre2_match(c.code, subject, s.size(), from, options, data, nullptr);
  if (rc == PCRE2_ERROR_JIT_STACKLIMIT) rc = pcre2_match(c.code, subject, s.size(), from, options | PCRE2_NO_JIT, data, nullptr);
  // No match, and also a pattern that gives up on a hostile subject (match or depth limit):
  // that text simply does not have the pattern.
  const bool found = rc > 0;
  if (found && m) {
    const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(data);
    m->groups_.assign(c.groups + 1, SubMatch{});
    for (std::size_t i = 0; i <= c.groups; ++i) {
      SubMatch& g = m->groups_[i];
      g.subject_ = s;
      if (i < static_cast<std::size_t>(rc) && ov[2 * i] != PCRE2_UNSET) {
        g.matched = true;
        g.begin_ = ov[2 * i];
        g.end_ = ov[2 * i + 1];
      }
    }
  }
  if (own) pcre2_match_data_free(own);
  return found;
}

bool regex_match(std::string_view s, const Regex& re) { return find_at(re, s, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, nullptr); }

bool regex_match(std::string_view s, Match& m, const Regex& re) {
  return find_at(re, s, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, &m);
}

std::string regex_replace(std::string_view s, const Regex& re, std::string_view with, bool first_only) {
  std::string out;
  std::size_t copied = 0;
  Match m;
  std::size_t at = 0;
  while (at <= s.size() && find_at(re, s, at, 0, &m)) {
    const auto begin = static_cast<std::size_t>(m.position(0));
    const auto end = begin + static_cast<std::size_t>(m.length(0));
    out.append(s.substr(copied, begin - copied));
    out.append(with);
    copied = end;
    if (first_only) break;
    at = end > begin ? end : end + 1;  // an empty match moves on by one byte
    if (end == begin && begin < s.size()) {
      out.push_back(s[begin]);
      copied = begin + 1;
    }
  }
  if (copied < s.size()) out.append(s.substr(copied));
  return out;
}

RegexIterator::RegexIterator(std::string::const_iterator begin, std::string::const_iterator end, const Regex& re)
    : re_(&re), s_(begin == end ? std::string_view() : std::string_view(&*begin, static_cast<std::size_t>(end - begin))) {
  if (!find_at(re, s_, 0, 0, &m_)) re_ = nullptr;
  else at_ = static_cast<std::size_t>(m_.position(0));
}

RegexIterator& RegexIterator::operator++() {
  if (!re_) return *this;
  const auto begin = static_cast<std::size_t>(m_.position(0));
  const auto end = begin + static_cast<std::size_t>(m_.length(0));
  bool found = false;
  if (end == begin) {
    // After an empty match: a non-empty one right there, else search on from the next byte.
    found = find_at(*re_, s_, end, PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED, &m_) ||
            (end < s_.size() && find_at(*re_, s_, end + 1, 0, &m_));
  } else {
    found = find_at(*re_, s_, end, 0, &m_);
  }
  if (!found) re_ = nullptr;
  else at_ = static_cast<std::size_t>(m_.position(0));
  return *this;
}

}  // namespace okgen::util
