// newskb/pipeline/normalize/chinese_calendar.h
//
// The Chinese lunisolar calendar (农历/農曆), as ICU computes it
// (icu::ChineseCalendar through ucal, "zh@calendar=chinese"): a lunar
// month and day of a given year as a Gregorian date, for the date
// extractor's lunar dates (农历八月十五, 腊月二十三, 大年初一) and the
// festivals defined on them (春节, 中秋, 端午 ...). This module owns ICU;
// nothing of ICU crosses this header.
//
//   std::optional<CivilDate> d = LunarToGregorian(2024, 8, 15);   // 中秋 2024
//   d->year == 2024 && d->month == 9 && d->day == 17
//   LunarNewYearsEve(2024) == CivilDate{2024, 2, 9}                // 除夕 before 春节 2024
//
// Years: `lunar_year` is the Chinese year whose first day (正月初一) falls
// in that Gregorian year (the year of the Dragon that starts on 10 Feb 2024
// is 2024), so 腊月 of lunar year 2024 lies in January 2025.
// Accuracy: ICU's astronomy is an approximation; where a new moon falls
// within minutes of midnight in Beijing, a month can start a day off the
// official tables: of 春节 2000-2030, ICU 72 differs from the Hong Kong
// Observatory's tables in 2027 (7 February, not 6) and 2030 (2 February,
// not 3) (tests/unit/calendar_days_test.cc). newskb takes ICU's answer.
//
// Thread safety: every call opens its own calendar; safe from any thread.
// Cost: a few microseconds (ICU computes new moons); the extractor calls it
// only for a lunar match.
#pragma once

#include <optional>

namespace newskb {

struct CivilDate {
  int year = 0, month = 0, day = 0;  // Gregorian, month 1..12
  bool operator==(const CivilDate& o) const { return year == o.year && month == o.month && day == o.day; }
};

// Day `day` (1..30) of lunar month `month` (1..12; `leap`: the intercalary
// month that follows it, 闰月) of lunar year `lunar_year` (1900..2100), as a
// Gregorian date; nullopt when that day does not exist (a 30th of a short
// month, a leap month the year lacks) or the year is out of range.
std::optional<CivilDate> LunarToGregorian(int lunar_year, int month, int day, bool leap = false);

// 除夕: the last day of the lunar year before 春节 of Gregorian year
// `year` (the eve of 正月初一 of lunar year `year`).
std::optional<CivilDate> LunarNewYearsEve(int year);

}  // namespace newskb
