// newskb/pipeline/normalize/chinese_calendar.cc
#include "pipeline/normalize/chinese_calendar.h"

#include <unicode/ucal.h>

#include <memory>

namespace newskb {
namespace {

// ICU's extended year of the Chinese calendar counts from 2637 BCE: the
// lunar year starting in Gregorian year Y is extended year Y + 2637.
constexpr int kChineseEpochOffset = 2637;
constexpr double kMsPerDay = 86400000.0;

struct CalendarCloser {
  void operator()(UCalendar* c) const { ucal_close(c); }
};
using Calendar = std::unique_ptr<UCalendar, CalendarCloser>;

// Both calendars in UTC, so a day of one is the same day of the other.
Calendar Open(const char* locale, UCalendarType type) {
  UErrorCode st = U_ZERO_ERROR;
  static const UChar kUtc[] = {'U', 'T', 'C', 0};
  Calendar c(ucal_open(kUtc, -1, locale, type, &st));
  if (U_FAILURE(st)) return nullptr;
  return c;
}

std::optional<CivilDate> FromMillis(UDate t) {
  Calendar g = Open("en@calendar=gregorian", UCAL_GREGORIAN);
  if (!g) return std::nullopt;
  UErrorCode st = U_ZERO_ERROR;
  ucal_setGregorianChange(g.get(), -8.64e15, &st);  // proleptic Gregorian
  st = U_ZERO_ERROR;
  ucal_setMillis(g.get(), t, &st);
  CivilDate d;
  d.year = ucal_get(g.get(), UCAL_EXTENDED_YEAR, &st);
  d.month = ucal_get(g.get(), UCAL_MONTH, &st) + 1;
  d.day = ucal_get(g.get(), UCAL_DATE, &st);
  if (U_FAILURE(st)) return std::nullopt;
  return d;
}

}  // namespace

std::optional<CivilDate> LunarToGregorian(int lunar_year, int month, int day, bool leap) {
  if (lunar_year < 1900 || lunar_year > 2100 || month < 1 || month > 12 || day < 1 || day > 30) return std::nullopt;
  Calendar c = Open("zh@calendar=chinese", UCAL_DEFAULT);
  if (!c) return std::nullopt;
  // Lenient fields would roll a 30th of a 29-day month into the next month;
  // strict ones make it an error, which is what "no such day" is.
  ucal_setAttribute(c.get(), UCAL_LENIENT, 0);
  ucal_clear(c.get());
  ucal_set(c.get(), UCAL_EXTENDED_YEAR, lunar_year + kChineseEpochOffset);
  ucal_set(c.get(), UCAL_MONTH, month - 1);
  ucal_set(c.get(), UCAL_IS_LEAP_MONTH, leap ? 1 : 0);
  ucal_set(c.get(), UCAL_DATE, day);
  UErrorCode st = U_ZERO_ERROR;
  UDate t = ucal_getMillis(c.get(), &st);
  if (U_FAILURE(st)) return std::nullopt;
  // Read the fields back: a leap month the year lacks comes back changed.
  if (ucal_get(c.get(), UCAL_IS_LEAP_MONTH, &st) != (leap ? 1 : 0) || ucal_get(c.get(), UCAL_DATE, &st) != day ||
      ucal_get(c.get(), UCAL_MONTH, &st) != month - 1 || U_FAILURE(st))
    return std::nullopt;
  return FromMillis(t);
}

std::optional<CivilDate> LunarNewYearsEve(int year) {
  std::optional<CivilDate> first = LunarToGregorian(year, 1, 1);
  if (!first) return std::nullopt;
  Calendar c = Open("zh@calendar=chinese", UCAL_DEFAULT);
  if (!c) return std::nullopt;
  ucal_clear(c.get());
  ucal_set(c.get(), UCAL_EXTENDED_YEAR, year + kChineseEpochOffset);
  ucal_set(c.get(), UCAL_MONTH, 0);
  ucal_set(c.get(), UCAL_IS_LEAP_MONTH, 0);
  ucal_set(c.get(), UCAL_DATE, 1);
  UErrorCode st = U_ZERO_ERROR;
  UDate t = ucal_getMillis(c.get(), &st);
  if (U_FAILURE(st)) return std::nullopt;
  return FromMillis(t - kMsPerDay);
}

}  // namespace newskb
