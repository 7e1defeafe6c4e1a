// newskb/extractors/dates/date_resolver.cc
#include "extractors/dates/date_resolver.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "extractors/figures/numeral.h"

namespace newskb {
namespace {

}  // namespace

// Days since 1970-01-01 (H. Hinnant's algorithm).
long DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

namespace {

void CivilFromDays(long z, int* y, int* m, int* d) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long yy = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

struct Pub {
  int y = 0, m = 0, d = 0;  // 0: not given
};

Pub ParsePub(std::string_view s) {
  Pub p;
  if (s.size() >= 4) p.y = std::atoi(std::string(s.substr(0, 4)).c_str());
  if (s.size() >= 7 && s[4] == '-') p.m = std::atoi(std::string(s.substr(5, 2)).c_str());
  if (s.size() >= 10 && s[7] == '-') p.d = std::atoi(std::string(s.substr(8, 2)).c_str());
  if (p.y <= 0) return Pub{};
  if (p.m < 1 || p.m > 12) p.m = p.d = 0;
  if (p.d < 1 || p.d > 31) p.d = 0;
  return p;
}

// An integer from numerals, or -1.
int Int(const std::string& s) {
  if (s == "元") return 1;
  std::optional<Numeral> n = ParseNumeralEx(s);
  if (!n || n->more || n->value < 0 || n->value != std::floor(n->value) || n->value > 1e6) return -1;
  return static_cast<int>(n->value);
}

std::string Iso(int y, int m = 0, int d = 0) {
  char buf[32];
  if (d) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}

const char kUndated[] = "relative date; the article has no publication date";

ResolvedDate Fail(std::string note) {
  ResolvedDate r;
  r.undated = note == kUndated;
  r.note = std::move(note);
  return r;
}

}  // namespace

namespace {

// A day (and month) with no year, nearest to the publication date +
// near_day, on the given weekday if any (date_resolver.h).
ResolvedDate ResolveNear(const DateParts& p, const Pub& pub) {
  if (!pub.d) return Fail(kUndated);
  int day = Int(p.day), month = p.month.empty() ? 0 : Int(p.month);
  if (day < 1 || day > 31) return Fail("not a day");
  if (!p.month.empty() && (month < 1 || month > 12)) return Fail("not a month");
  long target = DaysFromCivil(pub.y, pub.m, pub.d) + *p.near_day;
  int ty, tm, td;
  CivilFromDays(target, &ty, &tm, &td);
  int base = ty * 12 + tm - 1, by = 0, bm = 0;
  long best = -1;
  for (int k = -13; k <= 13; ++k) {
    int y = (base + k) / 12, m = (base + k) % 12 + 1;
    if ((month && m != month) || day > DaysInMonth(y, m)) continue;
    if (p.weekday && Weekday(y, m, day) != p.weekday) continue;
    long dist = std::labs(DaysFromCivil(y, m, day) - target);
    if (best < 0 || dist < best) { best = dist; by = y; bm = m; }
  }
  if (best < 0) return Fail(p.weekday ? "weekday and day disagree near the publication date" : "no such day");
  ResolvedDate r;
  r.iso = Iso(by, bm, day);
  return r;
}

}  // namespace

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

int Weekday(int y, int m, int d) {
  long z = DaysFromCivil(y, m, d);  // 1970-01-01 was a Thursday (4)
  long w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

ResolvedDate ResolveDate(const DateParts& p, std::string_view published) {
  const Pub pub = ParsePub(published);
  ResolvedDate r;

  // Day-level relative dates: 今天, 昨天, 下下周日.
  if (p.rel_day || (p.rel_week && p.weekday)) {
    if (!pub.d) return Fail(kUndated);
    long z = DaysFromCivil(pub.y, pub.m, pub.d);
    if (p.rel_day) z += *p.rel_day;
    if (p.rel_week && p.weekday) {
      int wd = Weekday(pub.y, pub.m, pub.d);
      z += -(wd - 1) + 7L * *p.rel_week + (p.weekday - 1);
    }
    int y, m, d;
    CivilFromDays(z, &y, &m, &d);
    r.iso = Iso(y, m, d);
    return r;
  }
  if (p.rel_week) return Fail("a week is not a date at ISO precision");
  if (p.near_day && p.year.empty() && !p.day.empty() && !p.era_first) return ResolveNear(p, pub);

  // Year.
  int year = 0;
  bool year_known = false;
  if (!p.year.empty()) {
    int n = Int(p.year);
    if (n < 0) return Fail("unreadable year");
    if (p.era_first) {
      if (n < 1) return Fail("unreadable era year");
      year = p.era_first + n - 1;
    } else if (n < 100) {
      int pivot = pub.y ? pub.y % 100 + 10 : 30;
      year = n <= pivot ? 2000 + n : 1900 + n;
    } else if (n >= 1000 && n <= 9999) {
      year = n;
    } else {
      return Fail("not a year");
    }
    year_known = true;
  } else if (p.rel_year) {
    if (!pub.y) return Fail(kUndated);
    year = pub.y + *p.rel_year;
    year_known = true;
  }

  // Month.
  int month = 0;
  if (!p.month.empty()) {
    month = Int(p.month);
    if (month < 1 || month > 12) return Fail("not a month");
  } else if (p.rel_month) {
    if (!pub.m) return Fail(kUndated);
    int idx = pub.y * 12 + (pub.m - 1) + *p.rel_month;
    year = idx / 12;
    month = idx % 12 + 1;
    year_known = true;
  }

  // Day.
  int day = 0;
  if (!p.day.empty()) {
    day = Int(p.day);
    if (day < 1 || day > 31) return Fail("not a day");
  }

  if (!year_known) {
    if (month) {
      if (!pub.y) return Fail(kUndated);
      year = pub.y;
      // Months ahead of the publication month are read as this year's up
      // to kAheadPlain (kAheadFuture with a word that looks ahead), else
      // as last year's: news tells what happened more than what is planned.
      constexpr int kAheadPlain = 3, kAheadFuture = 6;
      int ahead = month - pub.m;
      if (pub.m && (ahead > (p.future ? kAheadFuture : kAheadPlain) || (p.past && month > pub.m))) --year;
    } else if (day) {
      // A bare day: 8日, 周二(8日).
      if (!pub.d) return Fail(kUndated);
      int cand[3][2] = {{pub.y, pub.m}, {0, 0}, {0, 0}};
      int pidx = pub.y * 12 + pub.m - 1 - 1, nidx = pub.y * 12 + pub.m - 1 + 1;
      cand[1][0] = pidx / 12; cand[1][1] = pidx % 12 + 1;
      cand[2][0] = nidx / 12; cand[2][1] = nidx % 12 + 1;
      long pz = DaysFromCivil(pub.y, pub.m, pub.d);
      int best = -1;
      long best_dist = 0;
      for (int k = 0; k < 3; ++k) {
        int y = cand[k][0], m = cand[k][1];
        if (day > DaysInMonth(y, m)) continue;
        if (p.weekday) {
          if (Weekday(y, m, day) != p.weekday) continue;
        } else if (k != (day - pub.d > 14 ? 1 : 0)) {
          continue;
        }
        long dist = std::labs(DaysFromCivil(y, m, day) - pz);
        if (best < 0 || dist < best_dist) { best = k; best_dist = dist; }
      }
      if (best < 0) return Fail(p.weekday ? "weekday and day disagree near the publication date" : "not a day");
      r.iso = Iso(cand[best][0], cand[best][1], day);
      return r;
    } else {
      return Fail("no date parts");
    }
  }
  if (year < 1 || year > 9999) return Fail("year out of range");
  if (day && !month) return Fail("a day without a month");
  if (day && day > DaysInMonth(year, month)) return Fail("no such day");
  if (day && p.weekday && Weekday(year, month, day) != p.weekday) {
    r.note = "weekday disagrees with the date";
  }
  r.iso = Iso(year, month, day);
  return r;
}

}  // namespace newskb
