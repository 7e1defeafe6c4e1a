// newskb/extractors/dates/calendar_days.h
//
// Days the Chinese calendar or custom names rather than numbers: lunar dates
// (农历八月十五, 腊月二十三, 大年初一, 除夕) and festivals, those on the lunar
// calendar (春节, 元宵, 端午, 七夕, 中秋, 重阳: through ICU's Chinese
// calendar, pipeline/normalize/chinese_calendar.h) and those on a fixed
// Gregorian day (元旦, 劳动节, 国庆节, 圣诞). Which word is which day is data
// (date_words.tsv, table `festival`: "lunar M D", "gregorian M D" or
// "eve"); this file turns such a day and a year into an ISO date.
//
//   CalendarDay d = *ParseCalendarDay("lunar 8 15");          // 中秋
//   ResolveCalendarDay(d, 2024, "").iso == "2024-09-17"        // 2024年中秋
//   ResolveCalendarDay(d, 0, "2023-09-20").iso == "2023-09-29" // 中秋 alone
//
// Year: the lunar year for a lunar day (农历2015年十月初一 is of lunar year
// 2015; 腊月 of lunar year 2024 is in January 2025), the Gregorian year for
// a fixed day, and for 除夕 the year of the 春节 it precedes (2024年除夕 is
// 9 February 2024). With no year (0), the occurrence nearest the
// publication date (春节 in a December article is the coming one); no
// publication date: unresolved, `undated`.
//
// Thread safety: pure functions. Cost: one ICU calendar a lunar day.
#pragma once

#include <optional>
#include <string_view>

#include "extractors/dates/date_resolver.h"

namespace newskb {

struct CalendarDay {
  enum class Kind { kLunar, kGregorian, kLunarNewYearsEve };
  Kind kind = Kind::kGregorian;
  int month = 0, day = 0;  // 1-based; unused for kLunarNewYearsEve
};

// "lunar 8 15", "gregorian 10 1", "eve"; nullopt for anything else.
std::optional<CalendarDay> ParseCalendarDay(std::string_view spec);

// `year` 0: the occurrence nearest `published` (YYYY[-MM[-DD]]).
ResolvedDate ResolveCalendarDay(const CalendarDay& d, int year, std::string_view published);

}  // namespace newskb
