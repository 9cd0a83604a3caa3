// Calendar dates as agreements use them: full dates and dates known to the month or year.
#pragma once

#include <optional>
#include <string>

namespace okgen::util {

/// A proleptic Gregorian date. Value type; comparisons order chronologically.
struct Date {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31

  /// Parses "YYYY-MM-DD" and checks the day exists (2021-02-29 is rejected).
  static std::optional<Date> parse(const std::string& s);
  /// Date from days since 1970-01-01.
  static Date from_days(long long days);
  /// Days since 1970-01-01.
  long long days() const;

  std::string iso() const;  ///< "YYYY-MM-DD"
  /// The same day `months` later, clamped to the month's last day (2024-01-31 + 1 = 2024-02-29).
  Date add_months(int months) const;
  Date add_days(long long n) const { return from_days(days() + n); }

  friend bool operator==(const Date& a, const Date& b) { return a.days() == b.days(); }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) { return a.days() < b.days(); }
  friend bool operator<=(const Date& a, const Date& b) { return a.days() <= b.days(); }
  friend bool operator>(const Date& a, const Date& b) { return b < a; }
  friend bool operator>=(const Date& a, const Date& b) { return b <= a; }
};

/// A date known to the day, the month or only the year ("2025-06", "2016").
struct PartialDate {
  enum class Precision { year, month, day };
  Precision precision = Precision::day;
  Date date;  ///< unknown parts set to 1

  static std::optional<PartialDate> parse(const std::string& s);
  std::string iso() const;  ///< as written: "2025", "2025-06" or "2025-06-12"
};

int days_in_month(int year, int month);

}  // namespace okgen::util
