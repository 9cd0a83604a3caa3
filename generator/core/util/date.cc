// Date arithmetic with Howard Hinnant's civil-days algorithms (public domain).
#include "util/date.h"

#include <cstdio>

namespace okgen::util {
namespace {

bool all_digits(const std::string& s, std::size_t from, std::size_t len) {
  if (from + len > s.size()) return false;
  for (std::size_t i = from; i < from + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int number(const std::string& s, std::size_t from, std::size_t len) {
  int v = 0;
  for (std::size_t i = from; i < from + len; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::optional<Date> Date::parse(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 0, 4) || !all_digits(s, 5, 2) ||
      !all_digits(s, 8, 2)) {
    return std::nullopt;
  }
  Date d{number(s, 0, 4), number(s, 5, 2), number(s, 8, 2)};
  if (d.year < 1900 || d.year > 2200) return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

long long Date::days() const {
  long long y = year - (month <= 2 ? 1 : 0);
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long mp = (month + 9) % 12;
  const long long doy = (153 * mp + 2) / 5 + day - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long long z) {
  z += 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  Date d;
  d.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  d.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  d.year = static_cast<int>(yoe + era * 400 + (d.month <= 2 ? 1 : 0));
  return d;
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

Date Date::add_months(int months) const {
  int total = year * 12 + (month - 1) + months;
  Date d;
  d.year = total / 12;
  d.month = total % 12 + 1;
  d.day = day;
  int dim = days_in_month(d.year, d.month);
  if (d.day > dim) d.day = dim;
  return d;
}

std::optional<PartialDate> PartialDate::parse(const std::string& s) {
  PartialDate p;
  if (s.size() == 10) {
    auto d = Date::parse(s);
    if (!d) return std::nullopt;
    p.date = *d;
    p.precision = Precision::day;
    return p;
  }
  if (s.size() == 7 && s[4] == '-' && all_digits(s, 0, 4) && all_digits(s, 5, 2)) {
    int m = number(s, 5, 2);
    int y = number(s, 0, 4);
    if (m < 1 || m > 12 || y < 1900 || y > 2200) return std::nullopt;
    p.date = Date{y, m, 1};
    p.precision = Precision::month;
    return p;
  }
  if (s.size() == 4 && all_digits(s, 0, 4)) {
    int y = number(s, 0, 4);
    if (y < 1900 || y > 2200) return std::nullopt;
    p.date = Date{y, 1, 1};
    p.precision = Precision::year;
    return p;
  }
  return std::nullopt;
}

std::string PartialDate::iso() const {
  std::string full = date.iso();
  switch (precision) {
    case Precision::year: return full.substr(0, 4);
    case Precision::month: return full.substr(0, 7);
    case Precision::day: return full;
  }
  return full;
}

}  // namespace okgen::util
