// Regular expressions through PCRE2 (Debian libpcre2-8), with the part of <regex>'s interface
// okgen uses: regex_search, regex_match, regex_replace, an iterator over all matches, and
// match results whose position(), length(), str() and sub-matches read like std::smatch.
//
// Why not std::regex: libstdc++ compiles a pattern slowly (its bracket expressions build a
// 256-entry table through the locale), and `okgen check` of one agreement spent a fifth of
// its instructions compiling the checker's ~90 patterns and another fifth running them.
// PCRE2 compiles in microseconds and matches with its JIT.
//
// The semantics are kept those of std::regex's ECMAScript grammar on bytes, which okgen's
// patterns were written for: `^` and `$` only at the ends of the subject (never at a line
// break inside it), `.` matches neither "\n" nor "\r", case-blind matching folds ASCII
// letters only, and \w, \d, \s and \b are ASCII (UTF-8 letters are bytes that patterns
// name literally, as in "[åäö]"). Thread-safe: a Regex is immutable after construction;
// each search has its own match data.
#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace okgen::util {

/// A pattern that does not compile; what() has PCRE2's reason and the offset.
class RegexError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Regex {
 public:
  enum Flag : unsigned { none = 0, icase = 1 };
  /// Compiles `pattern`; throws RegexError when it is not a valid pattern.
  explicit Regex(std::string_view pattern, unsigned flags = none);
  ~Regex();
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  struct Code;  ///< the compiled pattern (PCRE2), defined in regex.cc

  const Code& code() const { return *code_; }

 private:
  std::unique_ptr<Code> code_;
};

class Match;
bool find_at(const Regex& re, std::string_view s, std::size_t from, unsigned options, Match* m);

/// One capture group of a match: like std::ssub_match, converts to std::string.
class SubMatch {
 public:
  bool matched = false;
  std::string str() const { return matched ? std::string(subject_.substr(begin_, end_ - begin_)) : std::string(); }
  std::ptrdiff_t length() const { return matched ? static_cast<std::ptrdiff_t>(end_ - begin_) : 0; }
  operator std::string() const { return str(); }  // NOLINT: as std::ssub_match does

 private:
  friend class Match;
  friend bool find_at(const Regex&, std::string_view, std::size_t, unsigned, Match*);
  std::string_view subject_;
  std::size_t begin_ = 0, end_ = 0;
};

/// The result of a search or match: group 0 is the whole match. Refers to the subject, which
/// must outlive it (as util::Match refers to its string).
class Match {
 public:
  std::size_t size() const { return groups_.size(); }
  bool empty() const { return groups_.empty(); }
  const SubMatch& operator[](std::size_t i) const;
  /// Offset of group `i` from the start of the subject (of the whole string searched).
  std::ptrdiff_t position(std::size_t i = 0) const;
  std::ptrdiff_t length(std::size_t i = 0) const { return (*this)[i].length(); }
  std::string str(std::size_t i = 0) const { return (*this)[i].str(); }

 private:
  friend bool find_at(const Regex&, std::string_view, std::size_t, unsigned, Match*);
  std::vector<SubMatch> groups_;
  SubMatch none_;
};

/// The first match of `re` in `s` at or after `from` (`options` are PCRE2 match options);
/// fills `m` when given. The building block of everything below.
bool find_at(const Regex& re, std::string_view s, std::size_t from, unsigned options, Match* m);

/// Is there a match of `re` anywhere in `s`?
inline bool regex_search(std::string_view s, const Regex& re) { return find_at(re, s, 0, 0, nullptr); }
inline bool regex_search(std::string_view s, Match& m, const Regex& re) { return find_at(re, s, 0, 0, &m); }
/// Does `re` match the whole of `s`?
bool regex_match(std::string_view s, const Regex& re);
bool regex_match(std::string_view s, Match& m, const Regex& re);
/// `s` with the first (or every) match of `re` replaced by `with` (literal text, no $1).
std::string regex_replace(std::string_view s, const Regex& re, std::string_view with, bool first_only = false);

/// Every match of `re` in a string, left to right, not overlapping; an empty match moves on
/// by one byte, as std::sregex_iterator does. Use as std::sregex_iterator:
///   for (auto it = RegexIterator(s.begin(), s.end(), re); it != RegexIterator(); ++it)
class RegexIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = Match;
  using difference_type = std::ptrdiff_t;
  using pointer = const Match*;
  using reference = const Match&;

  RegexIterator() = default;
  RegexIterator(std::string::const_iterator begin, std::string::const_iterator end, const Regex& re);
  const Match& operator*() const { return m_; }
  const Match* operator->() const { return &m_; }
  RegexIterator& operator++();
  bool operator==(const RegexIterator& o) const { return re_ == o.re_ && (!re_ || at_ == o.at_); }
  bool operator!=(const RegexIterator& o) const { return !(*this == o); }

 private:
  const Regex* re_ = nullptr;  ///< nullptr: the end
  std::string_view s_;
  std::size_t at_ = 0;  ///< where the current match starts
  Match m_;
};

}  // namespace okgen::util
