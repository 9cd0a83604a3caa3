// Validity on a given day: in force, extended, expired, until further notice.
#include <catch2/catch.hpp>

#include "model/validity_status.h"

using namespace okgen::model;
using okgen::util::Date;

namespace {

Date d(const char* s) { return *Date::parse(s); }

Validity period(const char* start, const char* end) {
  Validity v;
  v.start = d(start);
  v.end = d(end);
  return v;
}

}  // namespace

TEST_CASE("a fixed period without extension", "[validity]") {
  Validity v = period("2021-07-01", "2024-07-01");
  CHECK(validity_status(v, d("2021-06-30")).state == ValidityState::not_yet_in_force);
  CHECK(validity_status(v, d("2021-07-01")).state == ValidityState::in_force);
  CHECK(validity_status(v, d("2024-07-01")).state == ValidityState::in_force);
  auto s = validity_status(v, d("2024-07-02"));
  CHECK(s.state == ValidityState::expired);
  CHECK(s.current_end->iso() == "2024-07-01");
}

TEST_CASE("Östergötland: two years at a time unless notice 12 months before", "[validity]") {
  Validity v = period("2018-01-01", "2021-12-31");
  v.extension = Extension{24, ExtensionCondition::no_notice, true, {}};
  v.notice_months = 12;
  auto in_force = validity_status(v, d("2020-06-01"));
  CHECK(in_force.state == ValidityState::in_force);
  CHECK(in_force.notice_deadline->iso() == "2020-12-31");
  auto ext = validity_status(v, d("2026-11-23"));
  CHECK(ext.state == ValidityState::extended);
  CHECK(ext.extensions == 3);
  CHECK(ext.current_end->iso() == "2027-12-31");
  CHECK(ext.notice_deadline->iso() == "2026-12-31");
}

TEST_CASE("Dalarna: 12 months only if a revision has started, once", "[validity]") {
  Validity v = period("2021-07-01", "2024-07-01");
  v.extension = Extension{12, ExtensionCondition::revision_started, false, {}};
  auto during = validity_status(v, d("2025-01-15"));
  CHECK(during.state == ValidityState::extended_if_revising);
  CHECK(during.current_end->iso() == "2025-07-01");
  auto after = validity_status(v, d("2025-07-02"));
  CHECK(after.state == ValidityState::expired);
}

TEST_CASE("until further notice with a review cycle", "[validity]") {
  Validity v;
  v.start = d("2025-07-01");
  v.until_further_notice = true;
  v.review_every_months = 24;
  auto s = validity_status(v, d("2026-11-23"));
  CHECK(s.state == ValidityState::until_further_notice);
  CHECK(s.next_review->iso() == "2027-07-01");
  CHECK(validity_status(v, d("2027-07-02")).next_review->iso() == "2029-07-01");
}
