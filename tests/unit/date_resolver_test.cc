// Tests for extractors/dates/date_resolver: absolute, era, two-digit,
// relative and weekday dates against a publication date; tables plus
// programmatic sweeps over the calendar.

#include "extractors/dates/date_resolver.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>
#include <string>

#include "extractors/figures/numeral.h"

namespace newskb {
namespace {

struct Case {
  const char* year; const char* month; const char* day;
  int era_first;
  int rel_year, rel_month, rel_day, rel_week;  // 99: absent
  int weekday;
  const char* pub;
  const char* want;  // "" = unresolved
};

constexpr int X = 99;

DateParts Parts(const Case& c) {
  DateParts p;
  p.year = c.year; p.month = c.month; p.day = c.day; p.era_first = c.era_first;
  if (c.rel_year != X) p.rel_year = c.rel_year;
  if (c.rel_month != X) p.rel_month = c.rel_month;
  if (c.rel_day != X) p.rel_day = c.rel_day;
  if (c.rel_week != X) p.rel_week = c.rel_week;
  p.weekday = c.weekday;
  return p;
}

TEST(DateResolver, Table) {
  const Case kCases[] = {
      // absolute
      {"2026", "2", "2", 0, X, X, X, X, 0, "", "2026-02-02"},
      {"2026", "2", "2", 0, X, X, X, X, 0, "2020-01-01", "2026-02-02"},
      {"2025", "4", "", 0, X, X, X, X, 0, "", "2025-04"},
      {"2025", "", "", 0, X, X, X, X, 0, "", "2025"},
      {"2010", "10", "31", 0, X, X, X, X, 0, "", "2010-10-31"},
      {"二〇二六", "二", "二", 0, X, X, X, X, 0, "", "2026-02-02"},
      {"二零二六", "十二", "三十一", 0, X, X, X, X, 0, "", "2026-12-31"},
      {"一九九七", "七", "一", 0, X, X, X, X, 0, "", "1997-07-01"},
      {"2024", "2", "29", 0, X, X, X, X, 0, "", "2024-02-29"},
      {"2019", "2", "29", 0, X, X, X, X, 0, "", ""},
      {"2000", "2", "29", 0, X, X, X, X, 0, "", "2000-02-29"},
      {"1900", "2", "29", 0, X, X, X, X, 0, "", ""},
      {"2026", "13", "", 0, X, X, X, X, 0, "", ""},
      {"2026", "0", "", 0, X, X, X, X, 0, "", ""},
      {"2026", "4", "31", 0, X, X, X, X, 0, "", ""},
      {"2026", "4", "30", 0, X, X, X, X, 0, "", "2026-04-30"},
      {"2026", "", "5", 0, X, X, X, X, 0, "", ""},
      // two-digit years
      {"08", "", "", 0, X, X, X, X, 0, "2017-03-22", "2008"},
      {"零八", "", "", 0, X, X, X, X, 0, "2017-03-22", "2008"},
      {"99", "", "", 0, X, X, X, X, 0, "2017-03-22", "1999"},
      {"27", "", "", 0, X, X, X, X, 0, "2017-03-22", "2027"},
      {"28", "", "", 0, X, X, X, X, 0, "2017-03-22", "1928"},
      {"98", "3", "", 0, X, X, X, X, 0, "", "1998-03"},
      {"05", "", "", 0, X, X, X, X, 0, "", "2005"},
      {"123", "", "", 0, X, X, X, X, 0, "", ""},
      // eras
      {"115", "", "", 1912, X, X, X, X, 0, "", "2026"},
      {"一百一十五", "", "", 1912, X, X, X, X, 0, "", "2026"},
      {"三", "", "", 1912, X, X, X, X, 0, "", "1914"},
      {"元", "", "", 1912, X, X, X, X, 0, "", "1912"},
      {"114", "10", "1", 1912, X, X, X, X, 0, "", "2025-10-01"},
      {"三", "五", "", 1662, X, X, X, X, 0, "", "1664-05"},
      {"20", "9", "", 1662, X, X, X, X, 0, "", "1681-09"},
      {"二十三", "十二", "", 1723, X, X, X, X, 0, "", "1745-12"},
      {"元", "十一", "", 705, X, X, X, X, 0, "", "0705-11"},
      // relative years
      {"", "", "", 0, -1, X, X, X, 0, "2026-02-18", "2025"},
      {"", "", "", 0, 0, X, X, X, 0, "2026-02-18", "2026"},
      {"", "", "", 0, 1, X, X, X, 0, "2026-02-18", "2027"},
      {"", "", "", 0, -2, X, X, X, 0, "2026-02-18", "2024"},
      {"", "", "", 0, 2, X, X, X, 0, "2026-02-18", "2028"},
      {"", "", "", 0, -1, X, X, X, 0, "2026", "2025"},
      {"", "", "", 0, -1, X, X, X, 0, "", ""},
      {"", "10", "", 0, -1, X, X, X, 0, "2026-02-18", "2025-10"},
      {"", "10", "", 0, -1, X, X, X, 0, "", ""},
      {"", "3", "8", 0, 1, X, X, X, 0, "2026-02-18", "2027-03-08"},
      {"", "2", "30", 0, 0, X, X, X, 0, "2026-02-18", ""},
      // relative months
      {"", "", "", 0, X, 0, X, X, 0, "2026-02-18", "2026-02"},
      {"", "", "", 0, X, -1, X, X, 0, "2026-02-18", "2026-01"},
      {"", "", "", 0, X, -1, X, X, 0, "2026-01-05", "2025-12"},
      {"", "", "", 0, X, 1, X, X, 0, "2026-12-05", "2027-01"},
      {"", "", "", 0, X, 0, X, X, 0, "2026", ""},
      {"", "", "", 0, X, 0, X, X, 0, "", ""},
      {"", "", "十", 0, X, 0, X, X, 0, "2017-03-22", "2017-03-10"},
      {"", "", "31", 0, X, -1, X, X, 0, "2017-03-22", ""},
      // relative days
      {"", "", "", 0, X, X, 0, X, 0, "2019-08-28", "2019-08-28"},
      {"", "", "", 0, X, X, 1, X, 0, "2019-08-28", "2019-08-29"},
      {"", "", "", 0, X, X, 2, X, 0, "2018-09-18", "2018-09-20"},
      {"", "", "", 0, X, X, -1, X, 0, "2026-03-01", "2026-02-28"},
      {"", "", "", 0, X, X, -2, X, 0, "2024-03-01", "2024-02-28"},
      {"", "", "", 0, X, X, 1, X, 0, "2025-12-31", "2026-01-01"},
      {"", "", "", 0, X, X, 1, X, 0, "", ""},
      {"", "", "", 0, X, X, 1, X, 0, "2025-12", ""},
      // weeks
      {"", "", "", 0, X, X, X, 2, 7, "2024-11-15", "2024-12-01"},
      {"", "", "", 0, X, X, X, 0, 1, "2024-11-15", "2024-11-11"},
      {"", "", "", 0, X, X, X, -1, 5, "2024-11-15", "2024-11-08"},
      {"", "", "", 0, X, X, X, 1, 3, "2024-11-15", "2024-11-20"},
      {"", "", "", 0, X, X, X, -1, 0, "2024-11-15", ""},
      // month-day without year
      {"", "2", "18", 0, X, X, X, X, 0, "2026-02-18", "2026-02-18"},
      {"", "2", "2", 0, X, X, X, X, 0, "2026-02-18", "2026-02-02"},
      {"", "10", "20", 0, X, X, X, X, 0, "2026-02-18", "2025-10-20"},
      {"", "1", "", 0, X, X, X, X, 0, "2026-02-25", "2026-01"},
      {"", "2", "", 0, X, X, X, X, 0, "2026-02-25", "2026-02"},
      // five months ahead with no word that looks ahead: last year's (a July article's 12月)
      {"", "12", "", 0, X, X, X, X, 0, "2026-07-01", "2025-12"},
      {"", "10", "", 0, X, X, X, X, 0, "2026-07-01", "2026-10"},
      {"", "2", "18", 0, X, X, X, X, 0, "", ""},
      {"", "2", "18", 0, X, X, X, X, 0, "2026", "2026-02-18"},
      {"", "2", "30", 0, X, X, X, X, 0, "2020-03-22", ""},
      // bare day and weekday(day)
      {"", "", "8", 0, X, X, X, X, 0, "2026-02-18", "2026-02-08"},
      {"", "", "20", 0, X, X, X, X, 0, "2026-02-18", "2026-02-20"},
      {"", "", "28", 0, X, X, X, X, 0, "2026-03-02", "2026-02-28"},
      {"", "", "8", 0, X, X, X, X, 0, "", ""},
      {"", "", "8", 0, X, X, X, X, 0, "2026-02", ""},
      {"", "", "8", 0, X, X, X, X, 2, "2022-02-10", "2022-02-08"},
      {"", "", "30", 0, X, X, X, X, 7, "2025-12-02", "2025-11-30"},
      {"", "", "2", 0, X, X, X, X, 5, "2026-01-29", "2026-01-02"},
      {"", "", "8", 0, X, X, X, X, 3, "2022-02-10", ""},
  };
  int n = 0;
  for (const Case& c : kCases) {
    ResolvedDate r = ResolveDate(Parts(c), c.pub);
    EXPECT_EQ(r.iso, c.want) << "case " << n << ": " << c.year << "|" << c.month << "|" << c.day
                             << " pub " << c.pub << " note " << r.note;
    if (r.iso.empty()) EXPECT_FALSE(r.note.empty()) << "case " << n;
    ++n;
  }
}

// A month with no year after the publication month: this year's up to three
// months ahead, up to six when the words around it look ahead (parts.future:
// 将于5月7日, 9月15日前), else last year's; every publication month and
// every month after it.
TEST(DateResolver, MonthAheadOfPublication) {
  for (int pm = 1; pm <= 12; ++pm)
    for (int m = pm; m <= 12; ++m)
      for (bool future : {false, true}) {
        DateParts p;
        p.month = std::to_string(m);
        p.future = future;
        char pub[16], want[16];
        std::snprintf(pub, sizeof pub, "2020-%02d-15", pm);
        std::snprintf(want, sizeof want, "%d-%02d", m - pm > (future ? 6 : 3) ? 2019 : 2020, m);
        EXPECT_EQ(ResolveDate(p, pub).iso, want) << "month " << m << " pub " << pub << " future " << future;
      }
}

// Weekday() agrees with the C library for every day of 1970..2037.
TEST(DateResolver, WeekdaySweep) {
  for (int y = 1970; y < 2038; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        std::tm t{};
        t.tm_year = y - 1900; t.tm_mon = m - 1; t.tm_mday = d; t.tm_hour = 12;
        time_t s = timegm(&t);
        std::tm* g = gmtime(&s);
        int want = g->tm_wday == 0 ? 7 : g->tm_wday;
        ASSERT_EQ(Weekday(y, m, d), want) << y << "-" << m << "-" << d;
      }
}

// Absolute dates written in Arabic and in Chinese numerals resolve to
// themselves, for every day of 1990..2035; invalid days are refused.
TEST(DateResolver, AbsoluteSweep) {
  char buf[16];
  for (int y = 1990; y <= 2035; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= 31; ++d) {
        DateParts p;
        p.year = std::to_string(y); p.month = std::to_string(m); p.day = std::to_string(d);
        ResolvedDate r = ResolveDate(p, "");
        if (d > DaysInMonth(y, m)) { ASSERT_FALSE(r.ok()); continue; }
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        ASSERT_EQ(r.iso, buf);
        DateParts c;
        static const char* const kD[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        for (char ch : std::to_string(y)) c.year += kD[ch - '0'];
        c.month = WriteChineseNumeral(m); c.day = WriteChineseNumeral(d);
        ASSERT_EQ(ResolveDate(c, "").iso, buf) << c.year << c.month << c.day;
      }
}

// Relative days and months against every publication day of 2023..2026
// agree with plain calendar arithmetic.
TEST(DateResolver, RelativeSweep) {
  char buf[16];
  for (int y = 2023; y <= 2026; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        std::string pub = buf;
        for (int off : {-2, -1, 0, 1, 2}) {
          std::tm t{};
          t.tm_year = y - 1900; t.tm_mon = m - 1; t.tm_mday = d + off; t.tm_hour = 12;
          time_t s = timegm(&t);
          std::tm* g = gmtime(&s);
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", g->tm_year + 1900, g->tm_mon + 1, g->tm_mday);
          DateParts p; p.rel_day = off;
          ASSERT_EQ(ResolveDate(p, pub).iso, buf) << pub << " " << off;
        }
        DateParts lm; lm.rel_month = -1;
        std::snprintf(buf, sizeof buf, "%04d-%02d", m == 1 ? y - 1 : y, m == 1 ? 12 : m - 1);
        ASSERT_EQ(ResolveDate(lm, pub).iso, buf);
        DateParts ly; ly.rel_year = -1; ly.month = "10";
        std::snprintf(buf, sizeof buf, "%04d-10", y - 1);
        ASSERT_EQ(ResolveDate(ly, pub).iso, buf);
        // This week's Monday..Sunday contains the publication day.
        int wd = Weekday(y, m, d);
        DateParts w; w.rel_week = 0; w.weekday = wd;
        ASSERT_EQ(ResolveDate(w, pub).iso, pub);
        // A bare day equal to the publication day is that day.
        DateParts bd; bd.day = std::to_string(d);
        ASSERT_EQ(ResolveDate(bd, pub).iso, pub);
        DateParts bw; bw.day = std::to_string(d); bw.weekday = wd;
        ASSERT_EQ(ResolveDate(bw, pub).iso, pub);
      }
}

// near_day: a bracketed day after a relative day lies in the month of that
// relative day, across month and year ends; a month-day with its weekday and
// no year is the nearest year where the weekday agrees.
TEST(DateResolver, NearDayCrossesMonthAndYearEnds) {
  DateParts p; p.day = "2"; p.near_day = 2;           // 后天（2日）
  EXPECT_EQ(ResolveDate(p, "2021-09-30").iso, "2021-10-02");
  p.day = "31"; p.near_day = -1;                      // 昨天（31日）
  EXPECT_EQ(ResolveDate(p, "2022-01-01").iso, "2021-12-31");
  p = {}; p.month = "1"; p.day = "1"; p.weekday = 6; p.near_day = 0;  // 1月1日（星期六）
  EXPECT_EQ(ResolveDate(p, "2021-12-28").iso, "2022-01-01");
  p.weekday = 5;                                      // 2021-01-01 was a Friday
  EXPECT_EQ(ResolveDate(p, "2021-12-28").iso, "2021-01-01");
  p.weekday = 0;
  EXPECT_EQ(ResolveDate(p, "2021-12-28").iso, "2022-01-01");  // 4 days ahead, not 361 back
  p.day = "30"; p.month = "2";
  EXPECT_FALSE(ResolveDate(p, "2021-12-28").ok());
  EXPECT_FALSE(ResolveDate(p, "").ok());
}

}  // namespace
}  // namespace newskb
