// Dates: parsing, calendar validity, arithmetic.
#include <catch2/catch.hpp>

#include "util/date.h"

using okgen::util::Date;
using okgen::util::PartialDate;

TEST_CASE("dates parse only when they exist in the calendar", "[date]") {
  CHECK(Date::parse("2021-07-01"));
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2021-02-29"));
  CHECK_FALSE(Date::parse("2021-13-01"));
  CHECK_FALSE(Date::parse("2021-04-31"));
  CHECK_FALSE(Date::parse("2021-7-1"));
  CHECK_FALSE(Date::parse("21-07-01"));
  CHECK_FALSE(Date::parse("2021-07-01T00:00"));
  CHECK_FALSE(Date::parse(""));
  CHECK_FALSE(Date::parse("abcd-ef-gh"));
}

TEST_CASE("day numbers round-trip", "[date]") {
  for (const char* s : {"1970-01-01", "2000-02-29", "2021-07-01", "2100-12-31", "1900-03-01"}) {
    Date d = *Date::parse(s);
    CHECK(Date::from_days(d.days()).iso() == s);
  }
  CHECK(Date::parse("1970-01-02")->days() == 1);
}

TEST_CASE("adding months clamps to the end of the month", "[date]") {
  CHECK(Date::parse("2024-01-31")->add_months(1).iso() == "2024-02-29");
  CHECK(Date::parse("2021-07-01")->add_months(12).iso() == "2022-07-01");
  CHECK(Date::parse("2021-12-31")->add_months(24).iso() == "2023-12-31");
  CHECK(Date::parse("2021-12-31")->add_months(-12).iso() == "2020-12-31");
  CHECK(Date::parse("2021-03-15")->add_months(-3).iso() == "2020-12-15");
}

TEST_CASE("partial dates keep their precision", "[date]") {
  CHECK(PartialDate::parse("2025-06")->iso() == "2025-06");
  CHECK(PartialDate::parse("2016")->iso() == "2016");
  CHECK(PartialDate::parse("2025-06-12")->iso() == "2025-06-12");
  CHECK_FALSE(PartialDate::parse("2025-13"));
  CHECK_FALSE(PartialDate::parse("2025-06-31"));
  CHECK_FALSE(PartialDate::parse("juni 2025"));
}
