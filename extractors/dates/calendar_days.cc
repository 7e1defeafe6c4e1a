// newskb/extractors/dates/calendar_days.cc
#include "extractors/dates/calendar_days.h"

#include <cstdio>
#include <cstdlib>
#include <string>

#include "pipeline/normalize/chinese_calendar.h"

namespace newskb {
namespace {

std::optional<CivilDate> InYear(const CalendarDay& d, int year) {
  switch (d.kind) {
    case CalendarDay::Kind::kLunar:
      return LunarToGregorian(year, d.month, d.day);
    case CalendarDay::Kind::kLunarNewYearsEve:
      return LunarNewYearsEve(year);
    case CalendarDay::Kind::kGregorian:
      if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(year, d.month)) return std::nullopt;
      return CivilDate{year, d.month, d.day};
  }
  return std::nullopt;
}

ResolvedDate Iso(const CivilDate& c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  ResolvedDate r;
  r.iso = buf;
  return r;
}

ResolvedDate Fail(const char* note, bool undated = false) {
  ResolvedDate r;
  r.note = note;
  r.undated = undated;
  return r;
}

}  // namespace

std::optional<CalendarDay> ParseCalendarDay(std::string_view spec) {
  CalendarDay d;
  if (spec == "eve") {
    d.kind = CalendarDay::Kind::kLunarNewYearsEve;
    return d;
  }
  char kind[16] = {0};
  std::string s(spec);
  if (std::sscanf(s.c_str(), "%15s %d %d", kind, &d.month, &d.day) != 3) return std::nullopt;
  std::string k(kind);
  if (k == "lunar") d.kind = CalendarDay::Kind::kLunar;
  else if (k == "gregorian") d.kind = CalendarDay::Kind::kGregorian;
  else return std::nullopt;
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) return std::nullopt;
  return d;
}

ResolvedDate ResolveCalendarDay(const CalendarDay& d, int year, std::string_view published) {
  if (year) {
    std::optional<CivilDate> c = InYear(d, year);
    return c ? Iso(*c) : Fail("no such day in that year's calendar");
  }
  int py = 0, pm = 0, pd = 0;
  std::string pub(published);
  int n = std::sscanf(pub.c_str(), "%d-%d-%d", &py, &pm, &pd);
  if (n < 1 || py < 1) return Fail("relative date; the article has no publication date", true);
  if (n < 2) pm = 7;  // only a year: its middle
  if (n < 3) pd = 1;
  long pz = DaysFromCivil(py, pm, pd);
  std::optional<CivilDate> best;
  long best_dist = 0;
  for (int y = py - 1; y <= py + 1; ++y) {
    std::optional<CivilDate> c = InYear(d, y);
    if (!c) continue;
    long dist = std::labs(DaysFromCivil(c->year, c->month, c->day) - pz);
    if (!best || dist < best_dist) { best = c; best_dist = dist; }
  }
  return best ? Iso(*best) : Fail("no such day near the publication date");
}

}  // namespace newskb
