// iCalendar export.
#include "render/report/calendar.h"

#include <set>

#include "text/template_engine.h"

namespace okgen::render::report {
namespace {

std::string ics_date(const util::Date& d) {
  std::string s = d.iso();
  return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2);
}

// TEXT values escape backslash, semicolon, comma and newline (RFC 5545 3.3.11).
std::string ics_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

// Folds a content line at 75 octets without splitting a UTF-8 character.
std::string fold(const std::string& line) {
  std::string out;
  std::size_t col = 0;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = 1;
    auto c = static_cast<unsigned char>(line[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (col + len > 75) {
      out += "\r\n ";
      col = 1;
    }
    out.append(line, i, len);
    col += len;
    i += len;
  }
  return out + "\r\n";
}

}  // namespace

std::string calendar_ics(const PipelineResult& result, const Resources& res, const util::Date& as_of) {
  std::string out;
  out += fold("BEGIN:VCALENDAR");
  out += fold("VERSION:2.0");
  out += fold("PRODID:-//okgen//samverkansöverenskommelser//SV");
  out += fold("CALSCALE:GREGORIAN");
  out += fold("X-WR-CALNAME:" + ics_text(text::render(res.messages.get("calendar", "name"), {}, text::Escape::none)));
  std::set<std::string> uids;  // RFC 5545: one event per UID (two agreements may share an id)
  for (const auto& a : result.agreements) {
    if (!a.report) continue;
    for (const auto& [what, date] : a.report->dates) {
      if (what == "start" || date < as_of) continue;  // only what is still ahead
      const std::string uid = (a.id.empty() ? a.display_source : a.id) + "-" + what + "-" + ics_date(date) + "@okgen";
      if (!uids.insert(uid).second) continue;
      text::Value ctx;
      ctx.set("title", a.title.empty() ? a.display_source : a.title);
      ctx.set("date", date.iso());
      ctx.set("source", a.display_source);
      const std::string summary = text::render(res.messages.get("calendar", what), ctx, text::Escape::none);
      const std::string description = text::render(res.messages.get("calendar", "description"), ctx, text::Escape::none);
      const util::Date next = date.add_days(1);
      out += fold("BEGIN:VEVENT");
      out += fold("UID:" + uid);
      out += fold("DTSTAMP:" + ics_date(as_of) + "T000000Z");
      out += fold("DTSTART;VALUE=DATE:" + ics_date(date));
      out += fold("DTEND;VALUE=DATE:" + ics_date(next));
      out += fold("SUMMARY:" + ics_text(summary));
      out += fold("DESCRIPTION:" + ics_text(description));
      out += fold("TRANSP:TRANSPARENT");
      out += fold("END:VEVENT");
    }
  }
  out += fold("END:VCALENDAR");
  return out;
}

}  // namespace okgen::render::report
