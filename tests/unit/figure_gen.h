// newskb/tests/unit/figure_gen.h
//
// A generator of figures and dates as Chinese news writes them, for property
// tests: a random value (integers up to 10^13, decimals, percentages,
// shares in 成/折, fractions, money, measures, multiples, ranges, dates)
// rendered in a random style (Arabic, Arabic with commas, full-width digits,
// Chinese numerals, financial numerals, mixed 3.5万 / 4万5千, Chinese
// decimals 六点五), in Simplified or Traditional script, with an optional
// qualifier, inside a random sentence frame. Each case knows what a perfect
// extractor returns: the span (code points), value or low/high, unit,
// qualifier, or the ISO date.
//
//   std::mt19937_64 rng(42);
//   GenCase c = GenerateCase(rng);
//   std::string why = CheckCase(c, ctx);   // empty when extraction is right
//
// Used by tests/unit/figures_property_test.cc (thousands of cases, fixed
// seed, in ctest) and bench/property_fuzz.cc (millions, not in ctest).
#pragma once

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "extractors/figures/numeral.h"
#include "pipeline/process/process.h"

namespace newskb {
namespace gen {

struct GenCase {
  std::string text;          // the article
  std::string published;     // its date ("" for none)
  std::string span;          // the figure or date as written
  size_t start = 0;          // code points of text
  bool is_date = false;
  bool range = false;
  double value = 0, low = 0, high = 0;
  std::string unit, qualifier, date;
  std::string style;         // what was generated, for failure messages
  std::string tail;          // text right after the span (两年 + 前)
  bool no_date = false;      // a figure that must not also be read as a date (28日 of 约28日)
};

inline size_t CountCp(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Simplified -> Traditional for the characters the generator writes.
// s with each UTF-8 character that is the first of a pair in `map` replaced
// by that pair's second (the generators' Simplified -> Traditional tables).
template <size_t N>
inline std::string MapChars(const std::string& s, const std::pair<const char*, const char*> (&map)[N]) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t n = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) n = 4; else if (c >= 0xE0) n = 3; else if (c >= 0xC0) n = 2;
    std::string ch = s.substr(i, n);
    for (const auto& [a, b] : map)
      if (ch == a) { ch = b; break; }
    out += ch;
    i += n;
  }
  return out;
}

inline std::string ToTrad(const std::string& s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"万", "萬"}, {"亿", "億"}, {"两", "兩"}, {"贰", "貳"}, {"叁", "參"}, {"陆", "陸"}, {"点", "點"},
      {"个", "個"}, {"吨", "噸"}, {"亩", "畝"}, {"时", "時"}, {"欧", "歐"}, {"币", "幣"}, {"约", "約"},
      {"过", "過"}, {"余", "餘"}, {"这", "這"}, {"说", "說"}, {"该", "該"}, {"报", "報"}, {"总", "總"},
      {"额", "額"}, {"为", "為"}, {"达", "達"}, {"据", "據"}, {"导", "導"}, {"预", "預"}, {"计", "計"},
      {"连", "連"}, {"观", "觀"}, {"众", "眾"}, {"职", "職"}, {"毕", "畢"}, {"担", "擔"}, {"游", "遊"},
      {"产", "產"}, {"业", "業"}, {"亚", "亞"}, {"东", "東"}, {"国", "國"}, {"资", "資"}, {"规", "規"},
      {"模", "模"}, {"项", "項"}, {"间", "間"}, {"调", "調"}, {"查", "查"}, {"显", "顯"}, {"示", "示"},
      {"发", "發"}, {"电", "電"}, {"长", "長"}, {"积", "積"}, {"约", "約"}, {"双", "雙"}, {"单", "單"},
      {"营", "營"}, {"议", "議"}, {"实", "實"}, {"现", "現"}, {"经", "經"}, {"济", "濟"}, {"会", "會"},
      {"员", "員"}, {"称", "稱"}, {"个", "個"}, {"礼", "禮"}, {"后", "後"}, {"号", "號"}, {"岁", "歲"},
      {"钟", "鐘"}, {"头", "頭"}, {"种", "種"}, {"镑", "鎊"}, {"卢", "盧"}, {"圆", "圓"}, {"韩", "韓"},
      {"门", "門"}, {"场", "場"}, {"机", "機"}, {"车", "車"}, {"辆", "輛"}, {"务", "務"}, {"际", "際"},
      {"于", "於"}, {"续", "續"}, {"创", "創"}, {"历", "歷"}, {"纪", "紀"}, {"录", "錄"}, {"较", "較"},
      {"减", "減"}, {"涨", "漲"}, {"与", "與"}, {"财", "財"}, {"政", "政"}, {"年", "年"}, {"标", "標"},
      {"准", "準"}, {"价", "價"}, {"划", "劃"}, {"础", "礎"}, {"关", "關"}, {"当", "當"}, {"设", "設"}, {"格", "格"}, {"览", "覽"}, {"届", "屆"}, {"体", "體"}, {"广", "廣"},
      {"层", "層"}, {"笔", "筆"}, {"册", "冊"}, {"轮", "輪"}, {"桩", "樁"}, {"盏", "盞"}, {"将", "將"},
      {"赞", "贊"}, {"持", "持"}, {"购", "購"}, {"回", "回"}, {"费", "費"}, {"租", "租"}, {"罗", "羅"},
      {"来", "來"}, {"内", "內"}, {"拜", "拜"}, {"阅", "閱"}, {"订", "訂"}, {"辆", "輛"}, {"艘", "艘"},
  };
  return MapChars(s, kMap);
}

inline std::string FullWidth(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += std::string("\xEF\xBC") + static_cast<char>(0x90 + (c - '0'));
    else if (c == '.') out += "\xEF\xBC\x8E";
    else if (c == '%') out += "\xEF\xBC\x85";
    else out += c;
  }
  return out;
}

inline std::string WithCommas(long long n) {
  std::string d = std::to_string(n), out;
  int k = 0;
  for (int i = static_cast<int>(d.size()) - 1; i >= 0; --i) {
    out.insert(out.begin(), d[i]);
    if (++k % 3 == 0 && i > 0) out.insert(out.begin(), ',');
  }
  return out;
}

class Gen {
 public:
  explicit Gen(std::mt19937_64& rng) : rng_(rng) {}
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  long long Big(long long lo, long long hi) { return std::uniform_int_distribution<long long>(lo, hi)(rng_); }
  bool Coin(double p = 0.5) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  template <typename T> const T& Pick(const std::vector<T>& v) { return v[Int(0, static_cast<int>(v.size()) - 1)]; }

  // A random integer, spread over magnitudes 1 .. 10^13.
  long long Magnitude(int max_digits = 13) {
    int digits = Int(1, max_digits);
    long long hi = 1;
    for (int i = 0; i < digits; ++i) hi *= 10;
    long long v = Big(hi / 10, hi - 1);
    // Round numbers are common in news: keep 1..4 significant digits often.
    if (Coin(0.6) && digits > 2) {
      int keep = Int(1, std::min(4, digits));
      long long p = 1;
      for (int i = 0; i < digits - keep; ++i) p *= 10;
      v = v / p * p;
    }
    return v;
  }

  // An integer in one of the integer styles. Sets *style.
  std::string RenderInt(long long n, std::string* style) {
    switch (Int(0, 6)) {
      case 0: *style = "arabic"; return std::to_string(n);
      case 1: *style = "commas"; return WithCommas(n);
      case 2: *style = "fullwidth"; return FullWidth(std::to_string(n));
      case 3: *style = "chinese"; return WriteChineseNumeral(n, false);
      case 4: *style = "financial"; return WriteChineseNumeral(n, true);
      case 5: {  // mixed: 1234万5678, 3亿5000万
        *style = "mixed";
        if (n >= 100000000 && n % 10000 == 0) {
          long long yi = n / 100000000, wan = n / 10000 % 10000;
          return std::to_string(yi) + "亿" + (wan ? std::to_string(wan) + "万" : "");
        }
        if (n >= 10000) {
          long long wan = n / 10000, rest = n % 10000;
          if (wan >= 10000 || (rest && rest < 1000)) return std::to_string(n);
          return std::to_string(wan) + "万" + (rest ? std::to_string(rest) : "");
        }
        return std::to_string(n);
      }
      default: {  // decimal with a scale: 3.5万, 1.25亿
        *style = "scaled";
        for (long long scale : {100000000LL, 10000LL}) {
          if (n >= scale && (n * 100) % scale == 0) {
            double v = static_cast<double>(n) / scale;
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.2f", v);
            std::string s = buf;
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
            return s + (scale == 10000 ? "万" : "亿");
          }
        }
        *style = "arabic";
        return std::to_string(n);
      }
    }
  }

  // A decimal with 1-2 places (value *v), Arabic or Chinese (六点五).
  std::string RenderDecimal(double* v, std::string* style) {
    int ip = Int(0, 999), fp = Int(1, 99);
    if (fp % 10 == 0) fp /= 10;
    std::string f = std::to_string(fp);
    *v = ip + std::stod("0." + f);
    if (Coin()) { *style = "decimal"; return std::to_string(ip) + "." + f; }
    *style = "cn_decimal";
    static const char* kD[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::string s = WriteChineseNumeral(ip) + "点";
    for (char c : f) s += kD[c - '0'];
    return s;
  }

  std::mt19937_64& rng_;
};

struct Unit { const char* word; const char* unit; bool scaled_ok; };

inline const std::vector<Unit>& Currencies() {
  static const std::vector<Unit> k = {
      {"美元", "USD", true}, {"美金", "USD", true}, {"欧元", "EUR", true}, {"日元", "JPY", true},
      {"日圆", "JPY", true}, {"港元", "HKD", true}, {"港币", "HKD", true}, {"新台币", "TWD", true},
      {"人民币", "CNY", true}, {"英镑", "GBP", true}, {"澳元", "AUD", true}, {"韩元", "KRW", true},
      {"元人民币", "CNY", true}, {"瑞士法郎", "CHF", true}, {"加元", "CAD", true}, {"元美金", "USD", true}};
  return k;
}

inline const std::vector<Unit>& Measures() {
  static const std::vector<Unit> k = {
      {"公吨", "t", true},   {"吨", "t", true},       {"公斤", "kg", true},    {"千克", "kg", true},
      {"公里", "km", true},  {"千米", "km", true},    {"米", "m", true},       {"公尺", "m", true},
      {"平方公里", "km2", true}, {"平方米", "m2", true}, {"平方公尺", "m2", true}, {"公顷", "ha", true},
      {"亩", "mu", true},    {"坪", "ping", true},    {"立方米", "m3", true},  {"公升", "L", true},
      {"升", "L", true},     {"千瓦时", "kWh", true},   {"瓦", "W", true},
      {"千瓦", "kW", true},  {"兆瓦", "MW", true},    {"吉瓦", "GW", true},
      {"年", "year", false}, {"个月", "month", false}, {"天", "day", false},  {"小时", "hour", false},
      {"分钟", "minute", false}, {"周", "week", false}, {"个季度", "quarter", false},
      {"家", "count", true}, {"人", "count", true},    {"艘", "count", true},   {"辆", "count", true},
      {"人次", "count", true}, {"户", "count", true},  {"张", "count", true}};
  return k;
}

struct Frame { const char* before; const char* after; };

inline const std::vector<Frame>& Frames() {
  static const std::vector<Frame> k = {
      {"", ""},
      {"该公司表示，总额为", "。"},
      {"据报导，这项计划规模达", "，为历史新高。"},
      {"报告显示，", "，较上一季减少。"},
      {"他说：", "。"},
      {"调查显示，相关支出为", "，与预计相当。"},
      {"政府宣布投入", "，用于基础建设。"},
      {"会员称：", "！"},
      {"（", "）"},
      {"业者估计为", "，东亚市场为主。"},
  };
  return k;
}

// Civil date <-> day number (H. Hinnant's algorithm), written here apart from
// the resolver so the test does not check the code with itself.
inline long DayNumber(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
inline std::string IsoOfDay(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
  return buf;
}

// Relative and calendar-specific dates, against a random publication date.
inline void GenerateRelativeDate(Gen& g, bool trad, GenCase* c, std::string* s) {
  int py = g.Int(2015, 2030), pm = g.Int(1, 12), pd = g.Int(1, 28);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", py, pm, pd);
  c->published = buf;
  long today = DayNumber(py, pm, pd);
  static const char* kWd[] = {"一", "二", "三", "四", "五", "六", "日"};
  std::string st;
  switch (g.Int(0, 5)) {
    case 0: {  // N天后/前: a date; N周后/前: a length of N weeks (real-news gold: 兩周前 is 兩周)
      int n = g.Int(2, 60);
      bool after = g.Coin();
      bool week = g.Coin(0.3);
      *s = g.RenderInt(n, &st);
      if (st == "mixed" || st == "scaled" || st == "financial") *s = WriteChineseNumeral(n);
      std::string dir = after ? (g.Coin() ? "后" : "之后") : (g.Coin() ? "前" : "以前");
      if (week) {
        *s += g.Coin() ? "周" : "个星期";
        c->tail = dir;
        c->is_date = false;
        c->value = n;
        c->unit = "week";
        c->style = "duration_before_after/week";
        break;
      }
      *s += "天" + dir;
      c->date = IsoOfDay(today + (after ? 1 : -1) * n);
      c->style = "date/rel_day";
      break;
    }
    case 1: {  // N个月后/前, N年后/前: a length (FORMAT.md has no such date)
      int n = g.Int(2, 30);
      bool after = g.Coin(), year = g.Coin();
      *s = g.Coin() ? std::to_string(n) : WriteChineseNumeral(n);
      *s += year ? "年" : "个月";
      c->tail = after ? "后" : "前";
      c->is_date = false;
      c->value = n;
      c->unit = year ? "year" : "month";
      c->style = std::string("duration_before_after/") + (year ? "year" : "month");
      break;
    }
    case 2: {  // a weekday alone: the nearest to the publication date
      int wd = g.Int(1, 7);
      static const std::vector<const char*> kPre = {"周", "星期", "礼拜"};
      *s = std::string(g.Pick(kPre)) + (wd == 7 && g.Coin() ? "天" : kWd[wd - 1]);
      long z = today;
      int pub_wd = static_cast<int>(((today + 3) % 7 + 7) % 7) + 1;
      int diff = wd - pub_wd;
      if (diff > 3) diff -= 7;
      if (diff < -3) diff += 7;
      c->date = IsoOfDay(z + diff);
      c->style = "date/weekday";
      break;
    }
    case 3: {  // 上上周三, 下周日, 下下个月, 上上个月
      if (g.Coin()) {
        static const std::vector<std::pair<const char*, int>> kW = {{"上上", -2}, {"上", -1}, {"本", 0}, {"下", 1}, {"下下", 2}};
        auto& w = g.Pick(kW);
        int wd = g.Int(1, 7);
        *s = std::string(w.first) + "周" + kWd[wd - 1];
        int pub_wd = static_cast<int>(((today + 3) % 7 + 7) % 7) + 1;
        c->date = IsoOfDay(today - (pub_wd - 1) + 7L * w.second + (wd - 1));
        c->style = "date/rel_week";
      } else {
        static const std::vector<std::pair<const char*, int>> kM = {{"上上个月", -2}, {"上个月", -1}, {"下个月", 1}, {"下下个月", 2}};
        auto& w = g.Pick(kM);
        *s = w.first;
        int idx = py * 12 + pm - 1 + w.second;
        std::snprintf(buf, sizeof buf, "%04d-%02d", idx / 12, idx % 12 + 1);
        c->date = buf;
        c->style = "date/rel_month";
      }
      break;
    }
    case 4: {  // ROC years in Traditional text: 民國113年3月7日, 113年3月7日
      if (!trad) { GenerateRelativeDate(g, trad, c, s); return; }
      int y = g.Int(100, 119), m = g.Int(1, 12), d = g.Int(1, 28);
      bool era = g.Coin();
      *s = std::string(era ? "民国" : "") + std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日";
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1911 + y, m, d);
      c->date = buf;
      c->style = std::string("date/roc") + (era ? "_era" : "");
      break;
    }
    default: {  // day-first or month-first where only one reading exists
      int y = g.Int(1990, 2035), m = g.Int(1, 12), d = g.Int(13, 28);
      const char* sep = g.Coin() ? "/" : "-";
      bool day_first = g.Coin();
      *s = day_first ? std::to_string(d) + sep + std::to_string(m) + sep + std::to_string(y)
                     : std::to_string(m) + sep + std::to_string(d) + sep + std::to_string(y);
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      c->date = buf;
      c->style = std::string("date/") + (day_first ? "dmy" : "mdy");
    }
  }
}

// A number 1..n-1 in Arabic or Chinese words (for small counts after a cue).
inline std::string SmallNumber(Gen& g, int n, std::string* style) {
  if (g.Coin()) { *style = "arabic"; return std::to_string(n); }
  *style = "chinese";
  return WriteChineseNumeral(n, false);
}

// Lengths and counts written around their number (second round on real
// articles): centuries counted (半个世纪, 两个半世纪), quarters after a run
// word (连续17季), lengths in two units (4年9个月), pay in K after a pay word (月薪最高46K), a scaled number
// of people a noun names (超过10亿用户), days after a stay word (持续五日).
// Fills *c except its frame; returns the words before the span that belong
// to the sentence (月薪), or "".
inline std::string GenerateRoundTwoFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  std::string st;
  int form = g.Int(0, 5);
  if (form == 5) {  // 4年9个月 = 57 month, 1小时15分 = 75 minute
    std::string st2;
    bool years = g.Coin();
    int a = g.Int(1, years ? 30 : 12), b = g.Int(1, years ? 11 : 59);
    std::string joint = g.Coin(0.2) ? "零" : "";
    // In the smaller unit, whole (held-out 4's gold: 2小时26分 = 146 minute).
    if (years) { *s = SmallNumber(g, a, &st) + "年" + joint + SmallNumber(g, b, &st2) + "个月"; c->value = a * 12 + b; c->unit = "month"; }
    else {
      *s = SmallNumber(g, a, &st) + (g.Coin() ? "小时" : "个小时") + joint + SmallNumber(g, b, &st2) + (g.Coin() ? "分钟" : "分");
      c->value = a * 60 + b; c->unit = "minute";
    }
    c->style = std::string("compound/") + c->unit + "/" + st + "/" + st2;
  } else if (form == 0) {
    int n = g.Int(1, 9);
    int half = g.Int(0, 2);  // 0: N个世纪, 1: N个半世纪, 2: 半个世纪
    if (half == 2) { *s = g.Coin() ? "半个世纪" : "半世纪"; c->value = 50; }
    else { *s = SmallNumber(g, n, &st) + "个" + (half ? "半" : "") + "世纪"; c->value = n * 100 + (half ? 50 : 0); }
    c->unit = "year";
    c->style = "century/" + std::to_string(half);
  } else if (form == 1) {
    static const std::vector<const char*> kRun = {"连续", "连", "过去"};
    int n = g.Int(2, 40);
    *s = std::string(g.Pick(kRun)) + SmallNumber(g, n, &st) + "季";
    c->value = n;
    c->unit = "quarter";
    c->style = "quarters/" + st;
  } else if (form == 2) {
    static const std::vector<const char*> kPay = {"月薪", "起薪", "年薪", "薪资", "待遇"};
    int n = g.Int(10, 300);
    *s = std::to_string(n) + (g.Coin() ? "K" : "k");
    c->value = n * 1000.0;
    c->unit = "CUR?";  // no 元 written: FORMAT.md's 8000多萬資金
    if (g.Coin()) { *s += "以上"; c->qualifier = "more_than"; }
    c->style = "salary_k";
    return std::string(g.Pick(kPay)) + (g.Coin() ? "约在" : "为");
  } else if (form == 3) {
    static const std::vector<const char*> kWho = {"用户", "人口", "观众", "会员", "居民", "游客", "员工"};
    int n = g.Int(1, 999);
    bool yi = g.Coin();
    *s = std::to_string(n) + (yi ? "亿" : "万") + (g.Coin() ? "名" : "") + g.Pick(kWho);
    c->value = n * (yi ? 1e8 : 1e4);
    c->unit = "count";
    c->style = "population";
  } else {
    static const std::vector<const char*> kStay = {"持续", "停留", "逗留", "为期", "连续"};
    int n = g.Int(2, 30);
    *s = std::string(g.Pick(kStay)) + SmallNumber(g, n, &st) + "日";
    c->value = n;
    c->unit = "day";
    c->style = "stay_days/" + st;
  }
  return "";
}

// Ranges of months and days and bare years (second round): the end of a
// month range takes its start's year (2019年7月至11月 -> 11月 = 2019-11),
// a range written with one 月 gives its start (2025年1—2月份 -> 2025年1),
// the end of a day range takes its start's month (3月3日至5日), a relative
// day with its date in brackets is one date (今天（6月16日）), a year
// without 年 before a verb of an event (2009到印度). Returns the words
// before the span that belong to the date (2019年7月至).
inline std::string GenerateRoundTwoDate(Gen& g, GenCase* c, std::string* s) {
  static const std::vector<const char*> kTo = {"至", "到", "—", "-", "~"};
  int y = g.Int(1950, 2035), m1 = g.Int(1, 11), m2 = g.Int(m1 + 1, 12), d1 = g.Int(1, 26), d2 = g.Int(d1 + 1, 28);
  std::string to = g.Pick(kTo);
  bool cn = g.Coin();
  auto month = [&](int m) { return cn ? WriteChineseNumeral(m) : std::to_string(m); };
  auto day = [&](int d) { return cn ? WriteChineseNumeral(d) : std::to_string(d); };
  char buf[32];
  int form = g.Int(0, 4);
  std::string prefix;
  if (form == 4) {  // 今天（6月16日）, 昨晚(8日): one date, the bracket's
    static const std::vector<std::pair<const char*, int>> kRel = {
        {"今天", 0}, {"今日", 0}, {"今早", 0}, {"昨天", -1}, {"昨晚", -1}, {"前天", -2}, {"明天", 1}};
    const auto& rel = g.Pick(kRel);
    int py = g.Int(2015, 2030), pm = g.Int(1, 12), pd = g.Int(3, 27);
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", py, pm, pd);
    c->published = buf;
    std::string iso = IsoOfDay(DayNumber(py, pm, pd) + rel.second);
    int m = std::atoi(iso.substr(5, 2).c_str()), d = std::atoi(iso.substr(8, 2).c_str());
    bool full = g.Coin();
    *s = std::string(rel.first) + (full ? "（" : "(") + (g.Coin() ? month(m) + "月" : "") + day(d) + "日" + (full ? "）" : ")");
    c->date = iso;
    c->style = std::string("date_range/rel_bracket") + (cn ? "/cn" : "");
    return "";
  }
  if (form == 0) {
    prefix = std::to_string(y) + "年" + month(m1) + "月" + to;
    *s = month(m2) + "月" + (g.Coin() ? "份" : "");
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m2);
  } else if (form == 1) {
    *s = std::to_string(y) + "年" + month(m1);
    c->tail = to + month(m2) + "月份";
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m1);
  } else if (form == 2) {
    prefix = std::to_string(y) + "年" + month(m1) + "月" + day(d1) + "日" + to;
    *s = day(d2) + (g.Coin() ? "日" : "号");
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m1, d2);
  } else {
    static const std::vector<const char*> kVerb = {"到", "入职", "加入", "成立", "毕业", "移居", "退休", "起担任"};
    y = g.Int(1900, 2099);
    *s = std::to_string(y);
    std::string verb = g.Pick(kVerb);
    c->tail = verb;
    if (verb == "起担任") c->qualifier = "after";
    std::snprintf(buf, sizeof buf, "%04d", y);
  }
  c->date = buf;
  c->style = "date_range/" + std::to_string(form) + "/" + to + (cn ? "/cn" : "");
  return prefix;
}


// Third round, classes the first held-out real set showed: numbers with
// spaces between their parts (3808 萬 9 千股, 1 億 2000 萬元, 12 %), a
// currency named before a scaled number with no 元 (約新台幣7,282億, 港幣3億,
// 人民幣 120 萬), a bare scale after a qualifier (近萬人, 逾千家, 近百亿元),
// halving and doubling (減半 = 50 %, 翻倍 = 2 times, 翻兩番 = 4), counts
// with the measure words of jieba's q list that FORMAT.md counts (股, 票,
// 例, 方, 層, 份, 列, 架次 ...), speeds after 时速 (km/hour), in every
// numeral style and both scripts.
// Fills *c except its frame; returns the words before the span that belong
// to the sentence ("").
inline std::string SpacedNumber(Gen& g, long long n, std::string* style) {
  // 3808 万 9 千, 1 亿 2000 万, 3 千 5 百: Arabic parts, a space around each scale.
  std::string out;
  struct Part { long long scale; const char* word; };
  static const Part kParts[] = {{100000000LL, "亿"}, {10000, "万"}, {1000, "千"}};
  long long rest = n;
  bool any = false;
  for (const Part& p : kParts) {
    if (p.scale == 1000 && !any) break;  // 千 only after a larger part (3808 万 9 千)
    long long k = rest / p.scale;
    if (!k) continue;
    if (p.scale == 1000 && k >= 10) break;
    out += (any ? " " : "") + std::to_string(k) + " " + p.word;
    rest %= p.scale;
    any = true;
  }
  if (!any) { *style = "spaced_arabic"; return std::to_string(n); }
  if (rest) {
    if (rest >= 1000 && out.substr(out.size() - 3) == "千") return SpacedNumber(g, n - rest, style);
    out += " " + std::to_string(rest);
  }
  *style = "spaced";
  return out;
}

inline std::string GenerateRoundThreeFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  std::string st;
  int form = g.Int(0, 13);
  static const std::vector<std::pair<const char*, const char*>> kPre = {
      {"约", "approx"}, {"近", "approx"}, {"将近", "approx"}, {"逾", "more_than"}, {"超过", "more_than"}};
  if (form == 0) {  // spaced parts: 3808 万 9 千股, 1 亿 2000 万元, 12 %
    int what = g.Int(0, 3);
    if (what == 3) {
      int v = g.Int(1, 999);
      *s = std::to_string(v) + " %";
      c->value = v; c->unit = "%";
    } else {
      long long n = g.Magnitude(12);
      if (n < 10000) n = n * 10000 + g.Int(0, 9) * 1000;
      if (g.Coin(0.6)) {
        *s = SpacedNumber(g, n, &st);
      } else {  // any numeral style, a space after each 万/亿 inside it: 3亿 5000万, 三亿 五千万
        std::string r = g.RenderInt(n, &st);
        st = "spaced_" + st;
        for (size_t at = 0; at + 3 < r.size(); ++at) {
          std::string ch = r.substr(at, 3);
          if (ch == "万" || ch == "亿") { r.insert(at + 3, " "); at += 3; }
        }
        *s = r;
      }
      c->value = static_cast<double>(n);
      static const std::vector<Unit> kU = {{"股", "count", true}, {"元", "", true}, {"人", "count", true}, {"美元", "USD", true}};
      const Unit& u = g.Pick(kU);
      *s += std::string(g.Coin() ? " " : "") + u.word;
      c->unit = *u.unit ? u.unit : (trad ? "CUR?" : "CNY");
    }
    c->style = "spaced/" + std::to_string(what) + "/" + st;
  } else if (form == 1) {  // a currency named before a scaled number, no 元 after it
    static const std::vector<Unit> kCur = {{"新台币", "TWD", true}, {"港币", "HKD", true}, {"人民币", "CNY", true},
                                          {"美金", "USD", true}, {"美元", "USD", true}, {"欧元", "EUR", true}};
    const Unit& u = g.Pick(kCur);
    long long n = g.Int(1, 9999);
    bool yi = g.Coin();
    std::string num;
    int style = g.Int(0, 3);
    if (style == 0) num = std::to_string(n);
    else if (style == 1) num = WithCommas(n);
    else if (style == 2) num = FullWidth(std::to_string(n));
    else num = WriteChineseNumeral(n, g.Coin(0.3));
    *s = std::string(u.word) + (g.Coin(0.3) ? " " : "") + num + (g.Coin(0.3) && style != 3 ? " " : "") + (yi ? "亿" : "万");
    c->value = n * (yi ? 1e8 : 1e4);
    c->unit = u.unit;
    if (g.Coin(0.4)) { const auto& q = g.Pick(kPre); *s = q.first + *s; c->qualifier = q.second; }
    c->style = "cur_before/" + std::to_string(style);
  } else if (form == 2) {  // a bare scale after a qualifier: 近万人, 逾千家, 近百亿元
    static const std::vector<std::pair<const char*, double>> kScale = {
        {"百", 100}, {"千", 1000}, {"万", 1e4}, {"百万", 1e6}, {"千万", 1e7}, {"亿", 1e8}, {"百亿", 1e10}, {"千亿", 1e11}};
    static const std::vector<Unit> kU = {{"人", "count", true}, {"家", "count", true}, {"名", "count", true},
                                        {"美元", "USD", true}, {"元", "", true}, {"吨", "t", true}, {"股", "count", true},
                                        {"票", "count", true}, {"年", "year", false}};
    const Unit& u = g.Pick(kU);
    const auto& sc = u.scaled_ok ? g.Pick(kScale) : kScale[g.Int(0, 1)];
    const auto& q = g.Pick(kPre);
    *s = std::string(q.first) + sc.first + u.word;
    c->value = sc.second;
    c->unit = *u.unit ? u.unit : (trad ? "CUR?" : "CNY");
    c->qualifier = q.second;
    c->style = std::string("bare_scale/") + u.unit;
  } else if (form == 3) {  // halving and doubling
    static const char* kD[] = {"", "一", "两", "三", "四"};
    int k = g.Int(0, 4);
    if (k == 0) { *s = "减半"; c->value = 50; c->unit = "%"; }
    else if (k == 1) { *s = g.Coin() ? "翻倍" : "翻番"; c->value = 2; c->unit = "times"; }
    else {
      int n = g.Int(1, 4);
      *s = std::string("翻") + (g.Coin() ? "了" : "") + (g.Coin(0.7) ? kD[n] : std::to_string(n).c_str()) + "番";
      c->value = std::pow(2.0, n); c->unit = "times";
    }
    c->style = "change/" + std::to_string(k);
  } else if (form == 8) {  // a noun of number before a scaled number: 死亡人数13万, 储户总数2,700多万
    static const std::vector<const char*> kNoun = {"总数为", "人数", "户数达", "总人口约为", "用户数"};
    long long n = g.Int(1, 9999);
    bool yi = g.Coin(0.3);
    std::string num = g.Pick(std::vector<std::string>{std::to_string(n), WithCommas(n), FullWidth(std::to_string(n)),
                                                      WriteChineseNumeral(n)});
    *s = num + (yi ? "亿" : "万");
    c->value = n * (yi ? 1e8 : 1e4);
    c->unit = "count";
    if (g.Coin(0.3)) { const auto& q = g.Pick(kPre); *s = q.first + *s; c->qualifier = q.second; }
    c->style = "count_noun";
    return g.Pick(kNoun);
  } else if (form == 7) {  // the top N: 前十大国家, 前20大企业 (a count, without 前)
    long long n = g.Int(10, 100);
    std::string num = g.RenderInt(n, &st);
    if (st == "mixed" || st == "scaled") num = std::to_string(n);
    *s = num + "大";
    c->value = static_cast<double>(n);
    c->unit = "count";
    c->tail = g.Coin() ? "企业" : "国家";
    c->style = "top/" + st;
    return "全球前";
  } else if (form == 6) {  // a speed: 时速350公里, 每小时6公里 (km/hour)
    long long n = g.Int(2, 999);
    std::string num = g.RenderInt(n, &st);
    if (st == "mixed" || st == "scaled") num = std::to_string(n);
    *s = num + (g.Coin() || n < 10 ? "公里" : "千米");  // 五千米 is 5000 m (a numeral's 千)
    c->value = static_cast<double>(n);
    c->unit = "km/hour";
    if (g.Coin(0.3)) { const auto& q = g.Pick(kPre); *s = q.first + *s; c->qualifier = q.second; }
    c->style = "speed/" + st;
    return g.Coin() ? "时速" : (g.Coin() ? "每小时" : "时速可达");
  } else if (form == 9) {  // N日 as a length after a word that measures time: 接种后3日, 相隔28日, 两日
    static const std::vector<const char*> kCue = {"接种后", "入院之后", "相隔", "间隔", "每月只有", "足足", "整整", "搞了", "花了", "拖了"};
    long long n = g.Int(2, 90);
    std::string num = g.RenderInt(n, &st);
    if (st != "arabic" && st != "chinese" && st != "fullwidth") { num = std::to_string(n); st = "arabic"; }
    bool two = g.Coin(0.2);
    if (two) { n = 2; num = "两"; st = "two"; }
    // In Chinese numerals with no month before it, N日 is a length with no cue
    // (访问台湾三日): a day of the month in words follows its month.
    bool bare = !two && g.Coin(0.3);
    if (bare) { num = WriteChineseNumeral(n); st = "chinese_bare"; }
    *s = num + "日";
    c->value = static_cast<double>(n);
    c->unit = "day";
    c->style = "days_cue/" + st;
    return (two && g.Coin()) || bare ? "" : g.Pick(kCue);
  } else if (form == 10) {  // a range of days with 内: 2至12日内, 十到十五日内
    long long lo = g.Int(1, 30), hi = lo + g.Int(1, 30);
    bool cn = g.Coin(0.3);
    static const char* kTo[] = {"至", "到", "-"};
    *s = (cn ? WriteChineseNumeral(lo) : std::to_string(lo)) + kTo[g.Int(0, cn ? 1 : 2)] +
         (cn ? WriteChineseNumeral(hi) : std::to_string(hi)) + "日" + (g.Coin() ? "内" : "之内");
    c->range = true;
    c->low = static_cast<double>(lo);
    c->high = static_cast<double>(hi);
    c->unit = "day";
    c->qualifier = "at_most";
    c->style = std::string("day_range_within/") + (cn ? "chinese" : "arabic");
    return g.Coin() ? "须于" : "";
  } else if (form == 11) {  // a currency the sentence named before: 人民币 4.28亿元，其中专项债达 2.53亿元
    static const std::vector<Unit> kCur = {{"人民币", "CNY", true}, {"美元", "USD", true}, {"港币", "HKD", true},
                                          {"新台币", "TWD", true}, {"欧元", "EUR", true}};
    const Unit& u = g.Pick(kCur);
    long long a = g.Int(1, 9999), b = g.Int(1, 9999);
    bool yi = g.Coin();
    const char* sc = yi ? "亿元" : "万元";
    std::string sp = g.Coin(0.3) ? " " : "";
    *s = std::to_string(b) + sp + sc;
    c->value = b * (yi ? 1e8 : 1e4);
    // Simplified text: a bare 元 is CNY whatever the sentence named (FORMAT.md).
    c->unit = trad ? u.unit : "CNY";
    c->style = std::string("currency_named_before/") + u.unit;
    static const std::vector<const char*> kJoin = {"，其中专项债达", "，较上年的", "，包含新增项目", "，另有"};
    return std::string(u.word) + sp + std::to_string(a) + sp + sc + g.Pick(kJoin);
  } else if (form == 12) {  // a money noun after a scaled number: 700亿工程拨款, 3亿的投资, 5000万储备
    static const std::vector<const char*> kNoun = {"工程拨款", "的工程", "防疫开支", "储备", "的资金", "经费"};
    long long n = g.Int(1, 9999);
    bool yi = g.Coin();
    std::string num = g.Pick(std::vector<std::string>{std::to_string(n), WithCommas(n), WriteChineseNumeral(n)});
    *s = num + (yi ? "亿" : "万");
    c->value = n * (yi ? 1e8 : 1e4);
    c->unit = "CUR?";
    c->tail = g.Pick(kNoun);
    c->style = "money_noun_after";
    return "";
  } else if (form == 13) {  // people, then a scaled number: 工友有35万, 选民有450万
    static const std::vector<const char*> kNoun = {"工友有", "选民有", "员工达", "居民共有", "用户多达", "学生"};
    long long n = g.Int(1, 9999);
    *s = g.Pick(std::vector<std::string>{std::to_string(n), WithCommas(n), WriteChineseNumeral(n)}) + "万";
    c->value = n * 1e4;
    c->unit = "count";
    c->style = "people_noun";
    return g.Pick(kNoun);
  } else {  // counts with measure words FORMAT.md counts
    static const std::vector<const char*> kWord = {"股", "票", "例", "方", "层", "份", "本", "封", "桶", "杯", "幢", "册",
                                                   "轮", "瓶", "箱", "袋", "笔", "列", "架次", "辆次", "家次", "班次", "幅", "部"};
    const char* w = g.Pick(kWord);
    long long n = g.Magnitude(7);
    if (n < 10) n += 10;  // small counts in words only size a noun phrase
    *s = g.RenderInt(n, &st) + w;
    if (std::string(w) == "方") {  // parties: one or two Arabic digits (十方, 10万方 are no parties)
      n = g.Int(2, 99);
      st = "arabic";
      *s = std::to_string(n) + w;
    }
    c->value = static_cast<double>(n);
    c->unit = "count";
    if (g.Coin(0.3)) { const auto& q = g.Pick(kPre); *s = q.first + *s; c->qualifier = q.second; }
    c->style = std::string("measure_word/") + st;
  }
  return "";
}

// The fifth round's classes, from the misses of held-out set 3: rates whose
// 每+unit comes before the amount, with words between (每公里造价预计接近
// 12亿元人民币 = CNY/km, 每月 4.99 美元, 一年 4.99 美元, 每天有约130人 =
// count/day); count ranges with a scale on both ends (2.5万至3.3万支);
// counts before a people noun with no measure word (330员工); one period
// after a word that opens a span (过去一周, 未来一年多, 两个多月); upwards of
// a bare scale (上百款 = more than 100); a bare $ in Hong Kong text (HKD).
// Fills *c except its frame; returns the words before the span.
inline std::string GenerateRoundFourFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  std::string st;
  static const std::vector<std::pair<const char*, const char*>> kPre = {
      {"约", "approx"}, {"近", "approx"}, {"接近", "approx"}, {"逾", "more_than"}, {"超过", "more_than"},
      {"不会超过", "at_most"}, {"最多", "at_most"}, {"至少", "at_least"}};
  // An amount in any integer style; 4-digit Arabic years are avoided where
  // the rule reads them as years.
  auto amount = [&](long long n) {
    std::string r = g.RenderInt(n, &st);
    return r;
  };
  auto named = [&]() -> const Unit& {
    static const std::vector<Unit> k = {{"美元", "USD", true}, {"欧元", "EUR", true}, {"港元", "HKD", true},
                                        {"新台币", "TWD", true}, {"元人民币", "CNY", true}, {"人民币", "CNY", true},
                                        {"日元", "JPY", true}, {"英镑", "GBP", true}};
    return g.Pick(k);
  };
  int form = g.Int(0, 9);
  if (form == 0) {  // money per physical unit, a cost noun between: 每公里造价预计接近12亿元人民币
    static const std::vector<Unit> kPer = {{"公里", "km", true}, {"公斤", "kg", true}, {"吨", "t", true},
                                           {"平方米", "m2", true}, {"亩", "mu", true}, {"立方米", "m3", true}};
    static const std::vector<const char*> kGap = {"造价", "造价预计", "成本只有", "售价", "价格一般都", "平均成本"};
    const Unit& per = g.Pick(kPer);
    const Unit& cur = named();
    long long n = g.Magnitude(11);
    if (n == 0) n = 9;
    *s = std::string("每") + per.word + g.Pick(kGap);
    if (g.Coin(0.5)) { const auto& q = g.Pick(kPre); *s += q.first; c->qualifier = q.second; }
    *s += amount(n) + (g.Coin(0.3) ? " " : "") + cur.word;
    c->value = static_cast<double>(n);
    c->unit = std::string(cur.unit) + "/" + per.unit;
    c->style = "rate_cost/" + st;
    return "";
  }
  if (form == 1) {  // a price per period: 每月 4.99 美元, 每年收费1200元, 一年 4.99 美元
    static const std::vector<Unit> kEvery = {{"月", "month", true}, {"年", "year", true}, {"天", "day", true},
                                             {"周", "week", true}, {"小时", "hour", true}, {"个月", "month", true}};
    static const std::vector<Unit> kOne = {{"年", "year", true}, {"个月", "month", true}, {"天", "day", true},
                                           {"周", "week", true}};
    bool every = g.Coin(0.6);
    const Unit& per = every ? g.Pick(kEvery) : g.Pick(kOne);
    const Unit& cur = named();
    std::string num;
    double v;
    if (g.Coin()) { num = g.RenderDecimal(&v, &st); }
    else { long long n = g.Magnitude(8); if (n == 0) n = 5; num = amount(n); v = static_cast<double>(n); }
    std::string sp = g.Coin(0.4) ? " " : "";
    *s = std::string(every ? "每" : "一") + per.word + sp;
    if (every && g.Coin(0.4)) *s += g.Pick(std::vector<std::string>{"收费", "租金", "只要", "费用为"});
    if (g.Coin(0.3)) { const auto& q = kPre[g.Int(0, 4)]; *s += q.first; c->qualifier = q.second; }
    *s += num + sp + cur.word;
    c->value = v;
    c->unit = std::string(cur.unit) + "/" + per.unit;
    c->style = std::string(every ? "rate_period/every/" : "rate_period/one/") + st;
    return g.Coin() ? "会员价格为" : "";
  }
  if (form == 2) {  // a count per period: 每天有约130人, 每月约有1.2万人次
    static const std::vector<Unit> kPer = {{"天", "day", true}, {"日", "day", true}, {"月", "month", true},
                                           {"年", "year", true}, {"周", "week", true}};
    static const std::vector<const char*> kWord = {"人", "宗", "例", "人次", "架次", "辆", "艘"};
    const Unit& per = g.Pick(kPer);
    long long n = g.Magnitude(7);
    if (n < 10) n += 10;
    std::string num = amount(n);
    if (st == "arabic" && n >= 1000 && n <= 2999) num = WithCommas(n);
    *s = std::string("每") + per.word;
    int q = g.Int(0, 2);
    if (q == 0) *s += "有";
    else if (q == 1) { const auto& p = kPre[g.Int(0, 1)]; *s += std::string("有") + p.first; c->qualifier = p.second; }
    else { const auto& p = kPre[g.Int(0, 1)]; *s += std::string(p.first) + "有"; c->qualifier = p.second; }
    *s += num + g.Pick(kWord);
    c->value = static_cast<double>(n);
    c->unit = std::string("count/") + per.unit;
    c->style = "count_per_time/" + st;
    return g.Coin() ? "平均" : "";
  }
  if (form == 3) {  // a count range with a scale on both ends: 2.5万至3.3万支, 三千到五千名
    static const std::vector<const char*> kWord = {"支", "名", "人", "家", "辆", "套", "件", "头", "台"};
    static const std::vector<const char*> kTo = {"至", "到", "-", "~"};
    long long lo = g.Int(11, 499), hi = lo + g.Int(1, 400);  // in thousands
    bool wan = g.Coin();
    auto render = [&](long long k) -> std::string {
      long long n = k * 1000;
      if (wan) {
        if (st == "chinese") return WriteChineseNumeral(n);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", n / 1e4);
        return std::string(buf) + "万";
      }
      return st == "chinese" ? WriteChineseNumeral(n) : WithCommas(n);
    };
    st = g.Coin(0.3) ? "chinese" : "arabic";
    *s = render(lo) + g.Pick(kTo) + render(hi) + g.Pick(kWord);
    c->range = true;
    c->low = lo * 1000.0;
    c->high = hi * 1000.0;
    c->unit = "count";
    c->style = std::string("count_range_scaled/") + st + (wan ? "/wan" : "");
    // 约有 is a qualifier with 有 (twelfth round): in the span, approx.
    if (g.Coin()) { *s = "约有" + *s; c->qualifier = "approx"; return "目前库存"; }
    return "";
  }
  if (form == 4) {  // a people noun right after two or more Arabic digits: 330员工
    static const std::vector<const char*> kNoun = {"员工", "学生", "游客", "用户", "居民", "患者", "观众", "会员"};
    long long n = g.Int(10, 99999);
    if (n >= 1000 && n <= 2999) n += 2000;  // a 4-digit 1000..2999 reads as a year
    *s = g.Coin(0.3) ? WithCommas(n) : std::to_string(n);
    *s += g.Pick(kNoun);
    c->value = static_cast<double>(n);
    c->unit = "count";
    if (g.Coin(0.3)) { const auto& q = kPre[g.Int(0, 4)]; *s = q.first + *s; c->qualifier = q.second; }
    c->style = "people_digits";
    return g.Coin() ? "原有" : "";
  }
  if (form == 5) {  // one period after a span word, or with 多: 过去一周, 未来一年多, 两个多月
    static const std::vector<Unit> kUnit = {{"年", "year", true}, {"个月", "month", true}, {"周", "week", true},
                                            {"天", "day", true}, {"个星期", "week", true}};
    static const std::vector<const char*> kCue = {"过去", "未来", "最近", "今后", "接下来的"};
    const Unit& u = g.Pick(kUnit);
    std::string w = u.word;
    int n = 1;
    std::string cue;
    int kind = g.Int(0, 2);
    if (kind == 0) {  // 过去一周, 未来一年半
      cue = g.Pick(kCue);
      *s = "一" + w;
      if (w == "年" && g.Coin(0.3)) { *s += "半"; c->value = 1.5; } else c->value = 1;
    } else if (kind == 1) {  // 未来一年多, 一个多月
      cue = g.Coin() ? g.Pick(kCue) : "";
      if (w.rfind("个", 0) == 0) *s = "一个多" + w.substr(3);
      else *s = "一" + w + "多";
      c->value = 1; c->qualifier = "more_than";
    } else {  // 两个多月, 3个多小时
      n = g.Int(2, 30);
      static const std::vector<Unit> kMany = {{"个月", "month", true}, {"个小时", "hour", true}, {"个星期", "week", true}};
      const Unit& m = g.Pick(kMany);
      std::string num = g.Coin() ? std::to_string(n) : (n == 2 ? "两" : WriteChineseNumeral(n));
      *s = num + "个多" + std::string(m.word).substr(3);
      c->value = n; c->qualifier = "more_than";
      c->unit = m.unit;
      c->style = "duration_cue/many";
      return g.Coin() ? "持续了" : "";
    }
    c->unit = u.unit;
    c->style = std::string("duration_cue/") + std::to_string(kind);
    return cue;
  }
  if (form == 6) {  // upwards of a bare scale: 上百款, 上千万元, 上万人
    static const std::vector<std::pair<const char*, double>> kScale = {
        {"百", 100}, {"千", 1000}, {"万", 1e4}, {"百万", 1e6}, {"千万", 1e7}, {"亿", 1e8}};
    static const std::vector<Unit> kU = {{"款", "count", true}, {"人", "count", true}, {"家", "count", true},
                                        {"名", "count", true}, {"件", "count", true}, {"美元", "USD", true},
                                        {"元", "", true}, {"欧元", "EUR", true}};
    const auto& sc = g.Pick(kScale);
    const Unit& u = g.Pick(kU);
    *s = std::string("上") + sc.first + u.word;
    c->value = sc.second;
    c->unit = *u.unit ? u.unit : (trad ? "CUR?" : "CNY");
    c->qualifier = "more_than";
    c->style = std::string("upward/") + (*u.unit ? u.unit : "yuan");
    return "";
  }
  if (form == 8) {  // 、 between Chinese digits, a vague range: 十四、五岁, 三、四十人, 五、六千公里
    static const char* kD[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    static const std::vector<Unit> kU = {{"岁", "year", true}, {"年", "year", true}, {"人", "count", true},
                                        {"家", "count", true}, {"公里", "km", true}, {"吨", "t", true}};
    const Unit& u = g.Pick(kU);
    int a = g.Int(1, 8);
    if (g.Coin(0.3)) {  // a small range of time: 一两天, 三四年, 一、两星期, 两三个月
      static const std::vector<Unit> kT = {{"天", "day", true}, {"年", "year", true}, {"星期", "week", true},
                                          {"个月", "month", true}, {"个小时", "hour", true}};
      const Unit& t = g.Pick(kT);
      if (std::string(t.unit) == "year") a = g.Int(1, 3);  // 四五年 up is a year of the 1940s-90s
      auto d = [&](int x) { return std::string(x == 2 && g.Coin() ? "两" : kD[x]); };
      *s = d(a) + (g.Coin(0.3) ? "、" : "") + d(a + 1) + t.word;
      c->low = a; c->high = a + 1;
      c->range = true;
      c->unit = t.unit;
      c->style = std::string("vague_comma/small/") + t.unit;
      return g.Coin() ? "大约要等" : "";
    }
    if (g.Coin(0.25)) {  // two Arabic digits around 、: 5、6个, 3、4米, 2、3天
      static const std::vector<Unit> kA = {{"个", "count", true}, {"张", "count", true}, {"米", "m", true},
                                          {"天", "day", true}, {"小时", "hour", true}, {"公斤", "kg", true}};
      const Unit& ua = g.Pick(kA);
      *s = std::to_string(a) + "、" + std::to_string(a + 1) + ua.word;
      c->low = a; c->high = a + 1;
      c->range = true;
      c->unit = ua.unit;
      c->style = std::string("vague_comma/arabic/") + ua.unit;
      return g.Coin() ? "只有" : "";
    }
    if (g.Coin()) {  // 十四、五: the tens stay
      *s = std::string("十") + kD[a] + "、" + kD[a + 1];
      c->low = 10 + a; c->high = 11 + a;
    } else {  // 三、四十 / 三、四千: the unit of the second names both
      bool k = g.Coin(0.3) && std::string(u.unit) != "year";
      *s = std::string(kD[a]) + "、" + kD[a + 1] + (k ? "千" : "十");
      double m = k ? 1000 : 10;
      c->low = a * m; c->high = (a + 1) * m;
    }
    *s += u.word;
    c->range = true;
    c->unit = u.unit;
    c->style = std::string("vague_comma/") + u.unit;
    if (g.Coin()) { *s = "约有" + *s; c->qualifier = "approx"; return "现场"; }
    return "";
  }
  if (form == 9) {  // a price for one period, the currency before its number: 1小时不到台币100元
    static const std::vector<Unit> kPer = {{"小时", "hour", true}, {"个月", "month", true}, {"年", "year", true},
                                           {"天", "day", true}};
    static const std::vector<Unit> kCur = {{"台币", "TWD", true}, {"新台币", "TWD", true}, {"港币", "HKD", true},
                                           {"人民币", "CNY", true}, {"美元", "USD", true}};
    const Unit& per = g.Pick(kPer);
    const Unit& cur = g.Pick(kCur);
    long long n = g.Magnitude(6);
    if (n == 0) n = 4;
    *s = std::string(g.Coin() ? "1" : "一") + per.word;
    if (g.Coin(0.4)) { const auto& q = g.Pick(kPre); *s += q.first; c->qualifier = q.second; }
    *s += std::string(cur.word) + amount(n) + (g.Coin() ? "元" : "");
    c->value = static_cast<double>(n);
    c->unit = std::string(cur.unit) + "/" + per.unit;
    c->style = "rate_period/cur_first/" + st;
    return "只能赚到";
  }
  // A bare $: HKD in Traditional text that names Hong Kong, USD in Simplified text.
  long long n = g.Magnitude(7);
  if (n == 0) n = 8;
  std::string num = g.Coin() ? WithCommas(n) : std::to_string(n);
  if (g.Coin(0.3) && n < 10000) { num += "万"; n *= 10000; }
  *s = "$" + num;
  c->value = static_cast<double>(n);
  c->unit = trad ? "HKD" : "USD";
  if (g.Coin(0.3)) { const auto& q = kPre[g.Int(0, 1)]; *s = q.first + *s; c->qualifier = q.second; }
  c->style = "hk_dollar";
  return "香港这项计划的总额为";
}

// A year's quarter or half (2024年第三季度, 今年上半年, 去年前三季): the date
// is the year, its span covering the part (FORMAT.md has no quarter value).
inline void GenerateQuarterDate(Gen& g, GenCase* c, std::string* s) {
  static const char* kQ[] = {"一", "二", "三", "四"};
  std::string part;
  switch (g.Int(0, 4)) {
    case 0: part = std::string("第") + kQ[g.Int(0, 3)] + (g.Coin() ? "季度" : "季"); break;
    case 1: part = std::string("第") + std::to_string(g.Int(1, 4)) + "季"; break;
    case 2: part = std::string(kQ[g.Int(0, 3)]) + "季度"; break;
    case 3: part = g.Coin() ? "上半年" : "下半年"; break;
    default: part = g.Coin() ? "首季" : std::string("前") + (g.Coin() ? "三" : "两") + "季";
  }
  char buf[16];
  if (g.Coin()) {
    int y = g.Int(1990, 2035);
    *s = std::to_string(y) + "年" + part;
    std::snprintf(buf, sizeof buf, "%04d", y);
    c->style = "quarter_date/year";
  } else {
    static const std::vector<std::pair<const char*, int>> kRel = {{"去年", -1}, {"今年", 0}, {"明年", 1}};
    const auto& r = g.Pick(kRel);
    int py = g.Int(2015, 2030);
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", py, g.Int(1, 12), g.Int(1, 28));
    c->published = buf;
    *s = std::string(r.first) + part;
    std::snprintf(buf, sizeof buf, "%04d", py + r.second);
    c->style = "quarter_date/relative";
  }
  c->date = buf;
}

// The sixth round: classes of Chinese figure grammar, each a family drawn
// from the grammar (not from a sentence), in every numeral style and both
// scripts. Held-out set 4 showed the first eight; the rest had no test yet.
//   range_high   a range whose scale and unit stand on its high end only:
//                3.2～3.3兆元, 三至五千万元, 20—30万人 (the low end takes them)
//   range_open   a range with an open end: 4～5%以上, 3至5年以上, 10-20万元左右
//   neighbours   two neighbouring numbers listed: 17、18次, 十七、八次
//   scale_more   多/余 after a scale: 2亿多巴基斯坦人民, 人口有1.7万多, 新台币2亿多
//   compound     a length in two units, in the smaller one: 2小时26分 = 146
//                minute, 1年3个月 = 15 month, 3分20秒 = 200 second
//   ma           Taiwanese rate steps: 降息1码 = 0.25 %, 半码 = 0.125 %
//   big_noun     a count of a noun after 大: 5 大层级, 12大产业 (digits only)
//   share        成 with Arabic digits and qualifiers: 7成5, 两成多, 4成以上
//   per_mille    ‰ and 千分之: 5‰, 0.8‰, 千分之五
//   points       percentage points: 0.5个百分点, 3百分点, 零点五个百分点
//   multiple     multiples: 增长两倍, 1.5倍, 近三倍, 超过3倍, 翻一番
//   approx       approximate words before and after: 近, 约, 逾, 超过, 不到,
//                上下, 左右, 余, 来 (十来个, 20来岁)
//   money_order  a currency word before or after the amount: 人民币5亿元,
//                5亿元人民币, 新台币3万元, 港元, 港币, 美金
//   cn_zero      Chinese numerals with 零 and mixed scales: 一千零五十万元,
//                3千5百万元, 两亿零三百万元, 1亿零500万元
//   negative     negative numbers: -3.5%, 负3.5%, 负增长1.2% (= -1.2 %)
//   classifier   counts with the common classifiers: 家 个 名 位 艘 架 辆 套
//                座 项 宗 起 批, and 组, 标箱 (the real-news sample)
//   people       people counted by one character or as N个人 (3死5伤,
//                53男15女, 39个人: FORMAT.md's 30死)
//   sample       classes the real-news samples showed: 7到10倍, 2、3成, 10年间,
//                判1年2月 (a prison term in months), 100坡元 (SGD), 4、5万美元
// Fills *c except its frame; returns the words before the span.
inline std::string GenerateRoundSixFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  std::string st;
  static const char* kD[] = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九"};
  static const std::vector<std::pair<const char*, const char*>> kPre = {
      {"约", "approx"}, {"近", "approx"}, {"逾", "more_than"}, {"超过", "more_than"}, {"不到", "less_than"}};
  auto local = [&]() { return std::string(trad ? "CUR?" : "CNY"); };
  // An integer 1..n in Arabic, full width or Chinese numerals.
  auto small = [&](long long n) {
    int k = g.Int(0, 2);
    if (k == 0) { st = "arabic"; return std::to_string(n); }
    if (k == 1) { st = "fullwidth"; return FullWidth(std::to_string(n)); }
    st = "chinese";
    return WriteChineseNumeral(n);
  };
  int form = g.Int(0, 17);
  if (form == 16) {  // from the real-news sample: 7到10倍, 2、3成, 10年间, 判1年2月, 100坡元
    int k = g.Int(0, 4);
    c->style = "r6_sample/" + std::to_string(k);
    static const std::vector<const char*> kTo = {"至", "到", "-", "~"};
    if (k == 0) {  // a range of multiples
      int lo = g.Int(2, 9), hi = lo + g.Int(1, 10);
      std::string a = small(lo);
      std::string to = st == "chinese" ? "至" : g.Pick(kTo);
      *s = a + to + small(hi) + "倍";
      c->range = true; c->low = lo; c->high = hi; c->unit = "times";
      return "增长了";
    }
    if (k == 1) {  // Arabic neighbours before 成
      int lo = g.Int(1, 8);
      *s = std::to_string(lo) + "、" + std::to_string(lo + 1) + "成";
      c->range = true; c->low = lo * 10; c->high = lo * 10 + 10; c->unit = "%";
      return "维持在";
    }
    if (k == 2) {  // N年间, N个月间: 间 outside the span
      static const std::vector<Unit> kU = {{"年", "year", true}, {"个月", "month", true}, {"天", "day", true}};
      const Unit& u = g.Pick(kU);
      int n = g.Int(2, 99);
      *s = std::to_string(n) + u.word;
      c->value = n; c->unit = u.unit; c->tail = "间";
      return "在过去";
    }
    if (k == 3) {  // a prison term N年M月
      int a = g.Int(1, 30), b = g.Int(1, 11);
      *s = std::to_string(a) + "年" + std::to_string(b) + "月";
      c->value = a * 12 + b; c->unit = "month";
      return g.Pick(std::vector<std::string>{"判处有期徒刑", "判", "各判", "改判"});
    }
    if (g.Coin()) {  // Arabic neighbours before a scale and a currency: 4、5万元
      int lo = g.Int(1, 8);
      bool wan = g.Coin();
      *s = std::to_string(lo) + "、" + std::to_string(lo + 1) + (wan ? "万" : "千") + "美元";
      double k = wan ? 1e4 : 1e3;
      c->range = true; c->low = lo * k; c->high = (lo + 1) * k; c->unit = "USD";
      c->style = "r6_sample/5";
      return "学费动辄";
    }
    long long n = g.Int(1, 9999);  // Singapore dollars
    *s = std::to_string(n) + "坡元";
    c->value = static_cast<double>(n); c->unit = "SGD";
    return "可获发";
  }
  if (form == 15) {  // people: 3死5伤, 53男15女 (the second), 39个人
    int a = g.Int(1, 999), b = g.Int(1, 999);
    int k = g.Int(0, 2);
    c->value = b;
    c->unit = "count";
    c->style = "r6_people/" + std::to_string(k);
    if (k == 2) { *s = std::to_string(b) + "个人"; return "现场有"; }
    const char* w1 = k == 0 ? "死" : "男";
    const char* w2 = k == 0 ? (g.Coin() ? "伤" : "亡") : "女";
    *s = std::to_string(b) + w2;
    // The first count stands in the lead only as words (其中男的...): one figure a case.
    (void)a;
    (void)w1;
    return k == 0 ? "车祸造成" : "拘捕多人，包括";
  }
  if (form == 0) {  // range_high
    static const std::vector<std::pair<const char*, double>> kScale = {
        {"万", 1e4}, {"亿", 1e8}, {"兆", 1e12}, {"百万", 1e6}, {"千万", 1e7}};
    static const std::vector<Unit> kU = {{"元", "", true}, {"美元", "USD", true}, {"人", "count", true},
                                        {"吨", "t", true}, {"家", "count", true}, {"欧元", "EUR", true}};
    static const std::vector<const char*> kTo = {"至", "到", "-", "～", "~", "—"};
    const Unit& u = g.Pick(kU);
    const auto& sc = *u.unit && std::string(u.unit) != "USD" && std::string(u.unit) != "EUR" ? kScale[g.Int(0, 1)] : g.Pick(kScale);
    const char* to = g.Pick(kTo);
    bool cn = g.Coin(0.3);
    long long lo = g.Int(1, 98), hi = lo + g.Int(1, std::min(20LL, 9 * lo));  // 一至十亿, not 一至二十一亿
    if (std::string(sc.first).size() > 3 && hi > 9) { lo = g.Int(1, 5); hi = lo + g.Int(1, 4); }  // 三至五百万, not 十八百万
    std::string a, b;
    double lv = lo, hv = hi;
    if (cn) { a = WriteChineseNumeral(lo); b = WriteChineseNumeral(hi); if (std::string(to) != "至" && std::string(to) != "到") to = "至"; }
    else if (g.Coin(0.3) && hi < 99) { int f1 = g.Int(1, 9), f2 = g.Int(1, 9); a = std::to_string(lo) + "." + std::to_string(f1);
                                      b = std::to_string(hi) + "." + std::to_string(f2); lv = lo + f1 / 10.0; hv = hi + f2 / 10.0; }
    else { a = std::to_string(lo); b = std::to_string(hi); }
    *s = a + to + b + sc.first + u.word;
    c->range = true;
    c->low = lv * sc.second;
    c->high = hv * sc.second;
    c->unit = *u.unit ? u.unit : local();
    c->style = std::string("r6_range_high/") + (cn ? "chinese" : "arabic") + "/" + to;
    return g.Coin() ? "预计要有" : "";
  }
  if (form == 1) {  // range_open
    static const std::vector<std::pair<const char*, const char*>> kPost = {
        {"以上", "more_than"}, {"以下", "less_than"}, {"左右", "approx"}, {"上下", "approx"}};
    static const std::vector<const char*> kTo = {"至", "到", "-", "～", "~"};
    const auto& q = g.Pick(kPost);
    const char* to = g.Pick(kTo);
    int lo = g.Int(1, 60), hi = lo + g.Int(1, 30);
    int k = g.Int(0, 2);
    if (k == 0) { *s = std::to_string(lo) + to + std::to_string(hi) + (g.Coin() ? "%" : "％"); c->unit = "%"; c->low = lo; c->high = hi; }
    else if (k == 1) { *s = std::to_string(lo) + to + std::to_string(hi) + "万元"; c->unit = local(); c->low = lo * 1e4; c->high = hi * 1e4; }
    else { lo = g.Int(2, 9); hi = lo + g.Int(1, 5); *s = std::to_string(lo) + to + std::to_string(hi) + "年"; c->unit = "year"; c->low = lo; c->high = hi; }
    *s += q.first;
    c->qualifier = q.second;
    c->range = true;
    c->style = std::string("r6_range_open/") + std::to_string(k);
    return k == 0 && g.Coin() ? "平均每年" : "需要";
  }
  if (form == 2) {  // neighbours
    static const std::vector<Unit> kU = {{"次", "count", true}, {"个", "count", true}, {"家", "count", true},
                                        {"人", "count", true}, {"天", "day", true}, {"岁", "year", true}};
    const Unit& u = g.Pick(kU);
    int lo = g.Int(11, 98);
    if (lo % 10 == 9) lo -= 1;
    if (lo % 10 == 0) lo += 1;
    if (g.Coin(0.7)) { *s = std::to_string(lo) + "、" + std::to_string(lo + 1) + u.word; st = "arabic"; }
    else { *s = WriteChineseNumeral(lo) + "、" + kD[(lo + 1) % 10] + u.word; st = "chinese"; }
    if (st == "chinese" && lo % 10 == 1 && (lo + 1) % 10 == 2) *s = WriteChineseNumeral(lo) + "、二" + u.word;
    c->range = true;
    c->low = lo;
    c->high = lo + 1;
    c->unit = u.unit;
    c->style = "r6_neighbours/" + st;
    return g.Coin() ? "开了" : "";
  }
  if (form == 3) {  // scale_more
    bool yi = g.Coin();
    std::string num;
    double v;
    if (g.Coin()) { int a = g.Int(1, 99), f = g.Int(1, 9); num = std::to_string(a) + "." + std::to_string(f); v = a + f / 10.0; }
    else { int a = g.Int(1, 999); num = g.Coin(0.7) ? std::to_string(a) : WriteChineseNumeral(a); v = a; }
    *s = num + (yi ? "亿" : "万") + (g.Coin() ? "多" : "余");
    c->value = v * (yi ? 1e8 : 1e4);
    c->qualifier = "more_than";
    int k = g.Int(0, 3);
    c->style = "r6_scale_more/" + std::to_string(k);
    if (k == 0) {
      static const std::vector<const char*> kWho = {"巴基斯坦人民", "中国人民", "印尼民众", "香港市民", "台湾同胞"};
      c->unit = "count";
      c->tail = g.Pick(kWho);
      return "友谊植根于";
    }
    if (k == 1) { c->unit = "count"; return g.Pick(std::vector<std::string>{"人口有", "用户数达", "总人数"}); }
    if (k == 2) {
      static const std::vector<Unit> kCur = {{"新台币", "TWD", true}, {"人民币", "CNY", true}, {"港币", "HKD", true}, {"美元", "USD", true}};
      const Unit& u = g.Pick(kCur);
      *s = u.word + *s;
      c->unit = u.unit;
      c->tail = "的";
      return "投入";
    }
    c->unit = "CUR?";
    c->tail = "资金";
    return "筹得";
  }
  if (form == 4) {  // compound
    int k = g.Int(0, 2);
    std::string st2;
    if (k == 0) {
      int a = g.Int(1, 23), b = g.Int(1, 59);
      *s = small(a) + (g.Coin() ? "小时" : "个小时");
      std::string s1 = st;
      *s += (g.Coin(0.2) ? "零" : "") + small(b) + (g.Coin() ? "分" : "分钟");
      c->value = a * 60 + b; c->unit = "minute"; st2 = s1 + "/" + st;
    } else if (k == 1) {
      int a = g.Int(1, 30), b = g.Int(1, 11);
      *s = small(a) + "年";
      std::string s1 = st;
      *s += (g.Coin(0.2) ? "零" : "") + small(b) + "个月";
      c->value = a * 12 + b; c->unit = "month"; st2 = s1 + "/" + st;
    } else {
      int a = g.Int(1, 59), b = g.Int(1, 59);
      *s = small(a) + (g.Coin() ? "分" : "分钟");
      std::string s1 = st;
      *s += small(b) + "秒";
      c->value = a * 60 + b; c->unit = "second"; st2 = s1 + "/" + st;
    }
    c->style = "r6_compound/" + c->unit + "/" + st2;
    return g.Pick(std::vector<std::string>{"最快", "全程需", "用了", "只花"});
  }
  if (form == 5) {  // ma
    static const std::vector<const char*> kCue = {"降息", "升息", "调降", "调升", "宣布降息", "央行升息", "利率调降"};
    int k = g.Int(0, 4);
    if (k == 0) { *s = "半码"; c->value = 0.125; st = "half"; }
    else { int n = g.Int(1, 4); *s = (g.Coin() ? std::to_string(n) : std::string(kD[n])) + "码"; c->value = n * 0.25; st = "n"; }
    c->unit = "%";
    c->style = "r6_ma/" + st;
    return g.Pick(kCue);
  }
  if (form == 6) {  // big_noun
    static const std::vector<const char*> kNoun = {"层级", "产业", "方向", "领域", "建设", "原则", "重点", "指标"};
    int n = g.Int(2, 30);
    *s = (g.Coin() ? std::to_string(n) : FullWidth(std::to_string(n))) + (g.Coin(0.3) ? " " : "") + "大";
    c->value = n;
    c->unit = "count";
    c->tail = g.Pick(kNoun);
    c->style = "r6_big_noun";
    return g.Coin() ? "落实" : "";
  }
  if (form == 7) {  // share
    int a = g.Int(1, 9), b = g.Int(1, 9);
    int k = g.Int(0, 3);
    if (k == 0) { *s = std::to_string(a) + "成" + std::to_string(b); c->value = a * 10 + b; }
    else if (k == 1) { *s = std::string(kD[a]) + "成多"; c->value = a * 10; c->qualifier = "more_than"; }
    else if (k == 2) { *s = std::to_string(a) + "成以上"; c->value = a * 10; c->qualifier = "more_than"; }
    else { *s = std::string("近") + (g.Coin() ? kD[a] : std::to_string(a).c_str()) + "成"; c->value = a * 10; c->qualifier = "approx"; }
    c->unit = "%";
    c->style = "r6_share/" + std::to_string(k);
    return "占比";
  }
  if (form == 8) {  // per_mille
    int k = g.Int(0, 2);
    if (k == 0) { int n = g.Int(1, 99); *s = std::to_string(n) + "‰"; c->value = n / 10.0; }
    else if (k == 1) { int n = g.Int(1, 9), f = g.Int(1, 9); *s = std::to_string(n) + "." + std::to_string(f) + "‰"; c->value = (n + f / 10.0) / 10.0; }
    else { int n = g.Int(1, 99); *s = "千分之" + small(n); c->value = n / 10.0; }
    c->unit = "%";
    c->style = "r6_per_mille/" + std::to_string(k);
    return "出生率为";
  }
  if (form == 9) {  // points
    int k = g.Int(0, 3);
    double v;
    if (k == 0) { std::string num = g.RenderDecimal(&v, &st); *s = num + "个百分点"; }
    else if (k == 1) { int n = g.Int(1, 30); *s = std::to_string(n) + "百分点"; v = n; st = "arabic"; }
    else if (k == 2) { int n = g.Int(1, 30); *s = small(n) + "个百分点"; v = n; }
    else { std::string num = g.RenderDecimal(&v, &st); const auto& q = kPre[g.Int(0, 3)]; *s = q.first + num + "个百分点"; c->qualifier = q.second; }
    c->value = v;
    c->unit = "%";
    c->style = "r6_points/" + std::to_string(k) + "/" + st;
    return "上升";
  }
  if (form == 10) {  // multiple
    int k = g.Int(0, 3);
    if (k == 0) { int n = g.Int(2, 9); *s = std::string(kD[n]) + "倍"; c->value = n; }
    else if (k == 1) { int n = g.Int(1, 9), f = g.Int(1, 9); *s = std::to_string(n) + "." + std::to_string(f) + "倍"; c->value = n + f / 10.0; }
    else if (k == 2) { int n = g.Int(2, 20); const auto& q = kPre[g.Int(0, 3)]; *s = q.first + small(n) + "倍"; c->value = n; c->qualifier = q.second; }
    else { int n = g.Int(2, 20); *s = small(n) + "倍多"; c->value = n; c->qualifier = "more_than"; }
    c->unit = "times";
    c->style = "r6_multiple/" + std::to_string(k);
    return g.Pick(std::vector<std::string>{"增长", "增加了", "是去年的", "增幅达"});
  }
  if (form == 11) {  // approx
    static const std::vector<std::pair<const char*, const char*>> kPost = {
        {"左右", "approx"}, {"上下", "approx"}, {"余", "more_than"}, {"来", "approx"}};
    static const std::vector<Unit> kU = {{"个", "count", true}, {"人", "count", true}, {"家", "count", true},
                                        {"吨", "t", true}, {"公里", "km", true}};
    const Unit& u = g.Pick(kU);
    long long n = g.Int(1, 99) * 10;
    if (g.Coin()) {
      const auto& q = kPre[g.Int(0, 4)];
      *s = std::string(q.first) + g.RenderInt(n, &st) + u.word;
      c->qualifier = q.second;
    } else {
      const auto& q = g.Pick(kPost);
      std::string num = g.Coin() ? std::to_string(n) : WriteChineseNumeral(n);
      st = num[0] >= '0' && num[0] <= '9' ? "arabic" : "chinese";
      // 余 and 来 stand between the number and the measure word (十余家, 20来个).
      if (std::string(q.first) == "余" || std::string(q.first) == "来") *s = num + q.first + u.word;
      else *s = num + u.word + q.first;
      c->qualifier = q.second;
    }
    c->value = static_cast<double>(n);
    c->unit = u.unit;
    c->style = "r6_approx/" + c->qualifier + "/" + st;
    return "";
  }
  if (form == 12) {  // money_order
    static const std::vector<Unit> kCur = {{"人民币", "CNY", true}, {"新台币", "TWD", true}, {"港币", "HKD", true},
                                          {"港元", "HKD", true}, {"美金", "USD", true}, {"美元", "USD", true}};
    const Unit& u = g.Pick(kCur);
    long long n = g.Int(1, 9999);
    bool yi = g.Coin();
    std::string num = g.RenderInt(n, &st);
    if (st == "mixed" || st == "scaled") { num = std::to_string(n); st = "arabic"; }
    std::string amount = num + (yi ? "亿" : "万");
    int k = g.Int(0, 2);
    std::string cur = u.word;
    bool yuan_cur = cur == "人民币" || cur == "新台币" || cur == "港币" || cur == "美金";
    if (k == 0 && yuan_cur) *s = cur + amount + "元";                                  // 人民币5亿元
    else if (k == 1 && yuan_cur) *s = amount + "元" + cur;                             // 5亿元人民币
    else *s = amount + cur;                                                            // 5亿港元
    c->value = n * (yi ? 1e8 : 1e4);
    c->unit = u.unit;
    c->style = "r6_money_order/" + std::to_string(k) + "/" + st;
    return "";
  }
  if (form == 13) {  // cn_zero
    int k = g.Int(0, 3);
    long long v;
    if (k == 0) { v = g.Int(1, 9) * 10000000LL + g.Int(1, 9) * 100000LL; *s = WriteChineseNumeral(v); }          // 一千零五十万
    else if (k == 1) { int a = g.Int(1, 9), b = g.Int(1, 9); v = a * 10000000LL + b * 1000000LL; *s = std::to_string(a) + "千" + std::to_string(b) + "百万"; }
    else if (k == 2) { v = g.Int(1, 9) * 100000000LL + g.Int(1, 9) * 1000000LL; *s = WriteChineseNumeral(v); }  // 两亿零三百万
    else { int a = g.Int(1, 99), b = g.Int(1, 999); v = a * 100000000LL + b * 10000LL; *s = std::to_string(a) + "亿零" + std::to_string(b) + "万"; }
    *s += g.Coin() ? "元" : "美元";
    c->value = static_cast<double>(v);
    c->unit = s->substr(s->size() - 6) == "美元" ? "USD" : local();
    c->style = "r6_cn_zero/" + std::to_string(k);
    return "";
  }
  if (form == 14) {  // negative
    int k = g.Int(0, 3);
    double v;
    std::string num = std::to_string(g.Int(0, 30)) + "." + std::to_string(g.Int(1, 9));
    v = std::stod(num);
    if (k == 0) *s = "-" + num + "%";
    else if (k == 1) *s = "负" + num + "%";
    else if (k == 2) *s = "\u2212" + num + "%";
    else *s = "负增长" + num + "%";
    c->value = -v;
    c->unit = "%";
    c->style = "r6_negative/" + std::to_string(k);
    return k == 3 ? "经济出现" : "增速为";
  }
  // classifier
  static const std::vector<const char*> kCl = {"家", "个", "名", "位", "艘", "架", "辆", "套", "座", "项", "宗", "起", "批",
                                               "组", "标箱"};
  const char* w = g.Pick(kCl);
  long long n = g.Magnitude(6);
  if (n < 10) n += 10;
  std::string num = g.RenderInt(n, &st);
  if ((st == "arabic" || st == "fullwidth") && n >= 1000 && n <= 2999) num = WithCommas(n);
  *s = num + w;
  c->value = static_cast<double>(n);
  c->unit = "count";
  if (g.Coin(0.3)) { const auto& q = kPre[g.Int(0, 3)]; *s = q.first + *s; c->qualifier = q.second; }
  c->style = std::string("r6_classifier/") + w + "/" + st;
  return "";
}

// The eighth round's families (style "r8_<family>/..."), from held-out 5's
// misses and the classes the round measured before fixing:
//   consecutive  a count of consecutive days, months or years is a length:
//                连3日, 連續三天, 连续5年, 一连两周 (the cue in the span of N日 only)
//   approx_one   one period with a qualifier: 逾一个月, 近一年, 不到一周
//   share_more   N成 with 多 or 余 after it: 三成多, 2成余 (more_than)
//   times_approx a multiple with a qualifier: 近两倍, 逾3倍, 约1.5倍
//   rate_time    每 + a time unit before the number: 每小时120公里 (km/hour, the
//                span the speed),
//                每天3万人次 (count/day)
//   money_bare   money nouns before a scaled number with 元 left out:
//                營收50億, 营收50亿 (CUR?, as FORMAT.md's 8000多萬資金)
//   more_between 余/多 between the number (or its scale) and the measure
//                word: 300余家, 2万多人 (more_than)
//   word_range   ranges of lengths in words: 两到三年, 三至五天, 一两个月
// Fills *c except its frame; returns the words before the span.
inline std::string GenerateRoundEightFigure(Gen& g, GenCase* c, std::string* s) {
  std::string st;
  auto small = [&](long long n) {
    int k = g.Int(0, 2);
    if (k == 0) { st = "arabic"; return std::to_string(n); }
    if (k == 1) { st = "fullwidth"; return FullWidth(std::to_string(n)); }
    st = "chinese";
    return n == 2 && g.Coin() ? std::string("两") : WriteChineseNumeral(n);
  };
  int form = g.Int(0, 7);
  if (form == 0) {  // 连3日, 连续三天, 一连两周
    static const std::vector<Unit> kU = {{"日", "day", true}, {"天", "day", true}, {"个月", "month", true},
                                         {"年", "year", true}, {"周", "week", true}};
    static const std::vector<const char*> kCue = {"连", "连续", "一连"};
    const Unit& u = g.Pick(kU);
    long long n = g.Int(2, 30);
    *s = small(n) + u.word;
    c->value = static_cast<double>(n);
    c->unit = u.unit;
    std::string cue = g.Pick(kCue);
    c->style = "r8_consecutive/" + cue + "/" + st;
    std::string lead = g.Coin() ? "外资" : "股价";
    // N日 is a length only after its cue, which is in the span (fig.duration.days,
    // as held-out 5's gold writes 連3日); 3天, 5年 are lengths alone.
    if (std::string(u.word) == "日") *s = cue + *s;
    else lead += cue;
    return lead;
  }
  if (form == 1) {  // 逾一个月, 近一年, 不到一周
    static const std::vector<Unit> kU = {{"个月", "month", true}, {"年", "year", true}, {"周", "week", true},
                                         {"个星期", "week", true}, {"天", "day", true}};
    static const std::vector<std::pair<const char*, const char*>> kQ = {
        {"逾", "more_than"}, {"近", "approx"}, {"约", "approx"}, {"超过", "more_than"}, {"不到", "less_than"}};
    const Unit& u = g.Pick(kU);
    const auto& q = g.Pick(kQ);
    *s = std::string(q.first) + "一" + u.word;
    c->value = 1; c->unit = u.unit; c->qualifier = q.second;
    c->style = std::string("r8_approx_one/") + u.unit;
    return "股价登";
  }
  if (form == 2) {  // 三成多, 2成余
    long long n = g.Int(1, 9);
    bool duo = g.Coin();
    *s = small(n) + "成" + (duo ? "多" : "余");
    c->value = n * 10.0; c->unit = "%"; c->qualifier = "more_than";
    c->style = "r8_share_more/" + st;
    return "占";
  }
  if (form == 3) {  // 近两倍, 逾3倍, 约1.5倍
    static const std::vector<std::pair<const char*, const char*>> kQ = {
        {"近", "approx"}, {"逾", "more_than"}, {"约", "approx"}, {"超过", "more_than"}, {"将近", "approx"}};
    const auto& q = g.Pick(kQ);
    if (g.Coin(0.3)) { *s = "1.5倍"; c->value = 1.5; st = "decimal"; }
    else { long long n = g.Int(2, 20); *s = small(n) + "倍"; c->value = static_cast<double>(n); }
    *s = q.first + *s;
    c->unit = "times"; c->qualifier = q.second;
    c->style = "r8_times_approx/" + st;
    return "成长";
  }
  if (form == 4) {  // 每小时120公里, 每天3万人次
    if (g.Coin()) {
      long long n = g.Int(20, 400);
      // The span is the speed (fig.rate.speed): 每小时 stays in the lead.
      *s = small(n) + (g.Coin() ? "公里" : "千米");
      c->value = static_cast<double>(n); c->unit = "km/hour";
      c->style = "r8_rate_time/speed/" + st;
      return g.Coin() ? "以每小时" : "以每个小时";
    }
    long long n = g.Int(2, 99);
    *s = "每天" + small(n) + "万人次";
    c->value = n * 1e4; c->unit = "count/day";
    c->style = "r8_rate_time/visits/" + st;
    return "接待游客";
  }
  if (form == 5) {  // 營收50億 (Traditional only: 元 left out is CUR?)
    static const std::vector<const char*> kNoun = {"营收", "获利", "营业额", "净利", "利润"};
    long long n = g.Int(2, 999);
    const char* sc = g.Coin() ? "亿" : "万";
    *s = small(n) + sc;
    c->value = n * (sc == std::string("亿") ? 1e8 : 1e4);
    c->unit = "CUR?";  // no 元 written: FORMAT.md's 8000多萬資金
    c->style = std::string("r8_money_bare/") + st;
    return std::string("公司去年") + g.Pick(kNoun);
  }
  if (form == 6) {  // 300余家, 2万多人
    static const std::vector<const char*> kW = {"家", "人", "个", "项", "所"};
    const char* w = g.Pick(kW);
    const char* more = g.Coin() ? "余" : "多";
    if (g.Coin()) {
      long long n = g.Int(1, 99) * 10;
      *s = small(n) + more + w;
      c->value = static_cast<double>(n);
    } else {
      long long n = g.Int(2, 99);
      *s = small(n) + "万" + more + w;
      c->value = n * 1e4;
    }
    c->unit = "count"; c->qualifier = "more_than";
    c->style = std::string("r8_more_between/") + st;
    return "共有";
  }
  // 两到三年, 三至五天, 一两个月
  static const std::vector<Unit> kU = {{"年", "year", true}, {"天", "day", true}, {"个月", "month", true},
                                       {"周", "week", true}, {"个小时", "hour", true}};
  static const char* kCn[] = {"", "一", "两", "三", "四", "五", "六", "七", "八", "九"};
  const Unit& u = g.Pick(kU);
  int lo = g.Int(1, 8);
  // 一两个月: neighbours without a word between. Not with 年: 四五年, 八九年
  // are as often the years '45 and '89 (fig.duration leaves them out).
  if (g.Coin() && std::string(u.word) != "年") {
    *s = std::string(kCn[lo]) + (lo + 1 == 2 ? "两" : kCn[lo + 1]) + u.word;
    c->low = lo; c->high = lo + 1;
    st = "neighbours";
  } else {
    int hi = g.Int(lo + 1, 9);
    *s = std::string(lo == 2 ? "两" : kCn[lo]) + (g.Coin() ? "到" : "至") + (hi == 2 ? "两" : kCn[hi]) + u.word;
    c->low = lo; c->high = hi;
    st = "to";
  }
  c->range = true; c->unit = u.unit;
  c->style = "r8_word_range/" + st;
  return "需要";
}

// The ninth round's families, from the corpus-wide count of uncovered
// numerals (scripts/uncovered_numerals.py, 3,000 real-news records):
//   r9_list        lists of Arabic numbers that write the unit (and scale)
//                  once, after the last item: 0.6和1.0个百分点, 239及214万元,
//                  8、22、6小时, 120万和150万辆 (the first or second item)
//   r9_du_dian     N度电 = N kWh, no electricity word before it
//   r9_half_count  半数 = 50 %, with a qualifier before or after
//   r9_half_duration 半年, 半个月, 半小时 before 以来, 前, 后 (a length, as 两年前
//                  is) and 半小时 after 前/后 (開咪前半小時): held-out 6's misses
//   r9_cue_noun_now  a people noun, 目前/至今, a verb, then a scaled number
//                  (参观总人数目前已经超24万: count; held-out 6's miss)
//   r9_count_word  measure words 场次 具 首 趟 门 注 (count), 多/余 after
//                  the number, Arabic, full-width, Chinese from ten, 万-scaled
inline std::string GenerateRoundNineFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  int form = g.Int(0, 5);
  if (form == 5) {  // 参观总人数目前已经超24万，: a count after a people noun and 目前
    static const std::vector<const char*> kNoun = {"参观总人数", "游客", "观众", "用户", "选民", "参观者"};
    static const std::vector<const char*> kNow = {"目前", "至今", "现时"};
    static const std::vector<const char*> kVerb = {"已经", "已达", "达到", "累计", "共有"};
    static const std::vector<std::pair<const char*, const char*>> kQ = {
        {"", ""}, {"超", "more_than"}, {"逾", "more_than"}, {"约", "approx"}, {"近", "approx"}};
    const auto& q = g.Pick(kQ);
    long long n = g.Int(2, 999);
    bool yi = g.Coin(0.3);
    *s = std::string(q.first) + std::to_string(n) + (yi ? "亿" : "万");
    c->value = n * (yi ? 1e8 : 1e4);
    c->unit = "count";
    c->qualifier = q.second;
    c->tail = "，同比明显增长";
    c->style = std::string("r9_cue_noun_now/") + (q.first[0] ? "qual" : "plain");
    return std::string("据介绍，") + g.Pick(kNoun) + g.Pick(kNow) + g.Pick(kVerb);
  }
  if (form == 4) {  // 半年以来, 半年后, 半个月前, 开会前半小时
    struct Half { const char* word; const char* unit; };
    static const std::vector<Half> kH = {{"半年", "year"}, {"半个月", "month"}, {"半小时", "hour"},
                                         {"半个小时", "hour"}, {"半个钟头", "hour"}};
    const Half& h = g.Pick(kH);
    bool hour = std::string(h.unit) == "hour";
    *s = h.word;
    c->value = 0.5;
    c->unit = h.unit;
    if (hour && g.Coin()) {  // after 前/后: 開咪前半小時
      c->tail = "接获通知";
      c->style = "r9_half_duration/after_cue";
      return g.Coin() ? "他表示今日开会前" : "会议结束后";
    }
    static const std::vector<const char*> kTail = {"以来", "前", "后", "来", "之后", "以前"};
    c->tail = g.Pick(kTail);
    c->style = std::string("r9_half_duration/") + c->tail;
    return g.Coin() ? "他说，" : "记者了解到，";
  }
  if (form == 0) {
    struct ListUnit { const char* word; const char* unit; bool scale; };
    static const std::vector<ListUnit> kU = {
        {"%", "%", false},     {"个百分点", "%", false}, {"元", "LOCAL", true}, {"美元", "USD", true},
        {"欧元", "EUR", true}, {"小时", "hour", false},  {"天", "day", false},  {"公里", "km", false},
        {"吨", "t", true},     {"家", "count", true},    {"人", "count", true}, {"辆", "count", true}};
    const ListUnit& u = g.Pick(kU);
    int n = g.Int(2, 3);
    bool want_mid = n == 3 && g.Coin();
    const char* scale = u.scale && g.Coin() ? (g.Coin() ? "万" : "亿") : "";
    double k = scale[0] ? (std::string(scale) == "万" ? 1e4 : 1e8) : 1;
    bool own = scale[0] && g.Coin(0.3);  // 120万和150万辆: every item its own scale
    bool dec = std::string(u.unit) == "%" && g.Coin();
    std::vector<double> v;
    while (static_cast<int>(v.size()) < n) {
      double x = dec ? g.Int(1, 99) / 10.0 : g.Int(2, 500);
      // Neighbours (4、5万元, 20、30, 3、40) are a range, not a list; no repeats.
      bool bad = false;
      for (double y : v) bad = bad || std::fabs(x - y) < 1e-9;
      if (!v.empty() && !dec && x > v.back()) {
        double a = v.back(), p = 1;
        while (std::fmod(a, p * 10) == 0) p *= 10;
        for (double want = (a / p + 1) * p; want <= x; want *= 10) bad = bad || std::fabs(want - x) < 1e-9;
      }
      if (!v.empty() && std::fabs(x - v.back() - 1) < 1e-9) bad = true;
      if (!bad) v.push_back(x);
    }
    auto text = [&](double x) {
      char buf[32];
      if (dec) std::snprintf(buf, sizeof buf, "%.1f", x);
      else std::snprintf(buf, sizeof buf, "%.0f", x);
      return std::string(buf);
    };
    static const std::vector<const char*> kJ = {"、", "和", "及", "与"};
    const char* last_join = g.Pick(kJ);
    std::vector<std::string> items;
    for (int i = 0; i < n; ++i) items.push_back(text(v[i]) + (own || i == n - 1 ? scale : ""));
    int want = want_mid ? 1 : 0;
    std::string lead = "两地分别为";
    for (int i = 0; i < want; ++i) lead += items[i] + "、";
    *s = items[want];
    c->tail.clear();
    for (int i = want + 1; i < n; ++i) c->tail += std::string(i == n - 1 ? last_join : "、") + items[i];
    c->tail += u.word;
    c->value = v[want] * k;
    std::string unit = u.unit;
    // A bare 元 is the document's yuan: CNY in Simplified text, CUR? in Traditional.
    if (unit == "LOCAL") unit = trad ? "CUR?" : "CNY";
    c->unit = unit;
    c->style = std::string("r9_list/") + (want_mid ? "mid/" : "first/") + u.unit + (own ? "/own_scale" : "");
    return lead;
  }
  if (form == 1) {
    static const std::vector<std::pair<const char*, const char*>> kQ = {
        {"", ""}, {"约", "approx"}, {"近", "approx"}, {"超过", "more_than"}};
    const auto& q = g.Pick(kQ);
    long long n = g.Coin() ? g.Int(1, 999) : g.Int(1, 99) * 10000LL;
    std::string st;
    std::string num = n >= 10000 && g.Coin() ? std::to_string(n / 10000) + "万" : g.RenderInt(n, &st);
    if (st == "financial") num = std::to_string(n);
    *s = std::string(q.first) + num + "度";
    c->tail = "电";
    c->value = static_cast<double>(n);
    c->unit = "kWh";
    c->qualifier = q.second;
    c->style = std::string("r9_du_dian/") + (q.first[0] ? "qual" : "plain");
    return g.Coin() ? "全国每发出" : "一台机组一天发出";
  }
  if (form == 2) {
    static const std::vector<std::pair<std::string, std::string>> kQ = {
        {"", ""}, {"近", "approx"}, {"约", "approx"}, {"超过", "more_than"}, {"不到", "less_than"}};
    const auto& q = g.Pick(kQ);
    bool post = q.first.empty() && g.Coin();
    *s = q.first + "半数" + (post ? "以上" : "");
    c->value = 50;
    c->unit = "%";
    c->qualifier = post ? "more_than" : q.second;
    c->style = std::string("r9_half_count/") + (post ? "post" : q.first.empty() ? "plain" : "pre");
    return g.Coin() ? "调查显示，" : "全球";
  }
  struct Word { const char* word; const char* noun; };
  static const std::vector<Word> kW = {{"场次", "宣讲活动"}, {"具", "遗体"}, {"首", "歌曲"},
                                       {"趟", "列车"},     {"门", "课程"}, {"注", "中奖"}};
  const Word& w = g.Pick(kW);
  long long n;
  std::string num, st;
  switch (g.Int(0, 3)) {
    case 0: n = g.Int(2, 9999); num = std::to_string(n); st = "arabic"; break;
    case 1: n = g.Int(2, 9999); num = FullWidth(std::to_string(n)); st = "fullwidth"; break;
    case 2: n = g.Int(10, 99); num = WriteChineseNumeral(n); st = "chinese"; break;
    default: n = g.Int(2, 99) * 10000LL; num = std::to_string(n / 10000) + "万"; st = "wan"; break;
  }
  bool more = st != "chinese" && g.Coin(0.3);
  if (more) {
    n = (n / 10) * 10;
    if (n < 10) n = 10;
    num = st == "wan" ? std::to_string(n / 10000) + "万" : std::to_string(n);
    if (st == "fullwidth") num = FullWidth(num);
  }
  *s = num + (more ? (g.Coin() ? "多" : "余") : "") + w.word;
  c->tail = w.noun;
  c->value = static_cast<double>(n);
  c->unit = "count";
  c->qualifier = more ? "more_than" : "";
  c->style = std::string("r9_count_word/") + w.word + "/" + st;
  return g.Coin() ? "今年已有" : "共计";
}

// The tenth round's families, from held-out 7's misses read after it was
// scored (classes, not its sentences):
//   r10_one_duration  one period in words before 前, 后, 以来, 内 (一个月前,
//                     一星期前, 一年以来, 一天之内): a length, as 两个月前 is;
//                     FORMAT.md counts durations in words
//   r10_basis_points  N个基点 / N基点 = N/100 percentage points (%), with a
//                     qualifier, Arabic or Chinese numerals
inline std::string GenerateRoundTenFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  (void)trad;
  if (g.Coin()) {
    struct One { const char* word; const char* unit; };
    static const std::vector<One> kO = {{"一年", "year"},     {"一个月", "month"},  {"一星期", "week"},
                                        {"一个星期", "week"}, {"一周", "week"},     {"一天", "day"},
                                        {"一个小时", "hour"}, {"一小时", "hour"},   {"一个季度", "quarter"}};
    static const std::vector<const char*> kTail = {"前", "后", "以来", "之前", "之后", "以后", "内", "之内", "以内"};
    const One& o = g.Pick(kO);
    *s = o.word;
    c->value = 1;
    c->unit = o.unit;
    std::string tail = g.Pick(kTail);
    bool within = tail.find("内") != std::string::npos;
    if (within) c->qualifier = "at_most";
    if (within) *s += tail;  // 一个月内: the span holds 内, as 两个月内 does
    c->tail = within ? "，情况有所变化" : tail + "，情况有所变化";
    c->style = std::string("r10_one_duration/") + tail;
    return g.Coin() ? "他说，" : "记者了解到，";
  }
  static const std::vector<std::pair<const char*, const char*>> kQ = {
      {"", ""}, {"约", "approx"}, {"近", "approx"}, {"逾", "more_than"}, {"超过", "more_than"}};
  static const std::vector<const char*> kWord = {"个基点", "基点", "个基本点"};
  const auto& q = g.Pick(kQ);
  int n = g.Int(1, 150);
  std::string st;
  *s = std::string(q.first) + (g.Coin(0.3) && n <= 99 ? g.RenderInt(n, &st) : std::to_string(n)) + g.Pick(kWord);
  c->value = n / 100.0;
  c->unit = "%";
  c->qualifier = q.second;
  c->tail = "，市场反应平稳";
  c->style = std::string("r10_basis_points/") + (q.first[0] ? "qual" : "plain");
  static const std::vector<const char*> kLead = {"央行宣布下调利率", "贷款市场报价利率上调", "国债收益率下行", "存款利率降低"};
  return g.Pick(kLead);
}

// Eleventh round (issue 12, held-out 6 and 10): lengths in days that are no day of the month
// (约10日, 2日后, 需时28日), working days (65个工作天), seconds (30秒); and a day of the month
// with 后 after its month, which stays a date (7月2日后).
inline std::string GenerateRoundElevenFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  (void)trad;
  int n = g.Int(2, 99);
  std::string st;
  auto num = [&](int v) {
    int k = g.Int(0, 2);
    if (k == 0) { st = "arabic"; return std::to_string(v); }
    if (k == 1) { st = "fullwidth"; return FullWidth(std::to_string(v)); }
    st = "chinese";
    return v == 2 && g.Coin() ? std::string("两") : WriteChineseNumeral(v);
  };
  int form = g.Int(0, 6);
  if (form >= 5) {  // 150回合, 3500多案, 十二局, 70万尾; 1354宗上升14.5%
    static const std::vector<const char*> kW = {"回合", "案", "局", "尾"};
    static const std::vector<const char*> kChange = {"宗", "家", "名", "个", "件"};
    bool change = form == 6;
    const char* w = change ? g.Pick(kChange) : g.Pick(kW);
    long long v = g.Coin(0.3) ? g.Int(10, 99) : g.Magnitude(change ? 6 : 8);
    if (v < 10) v += 10;  // a small count in words sizes a noun (FORMAT.md): keep 10 up
    std::string sty;
    std::string numtext = g.RenderInt(v, &sty);
    if (sty == "financial" || (sty == "scaled" && v < 10000)) { numtext = std::to_string(v); sty = "arabic"; }
    *s = numtext;
    c->value = static_cast<double>(v); c->unit = "count";
    if (!change && g.Coin(0.3) && v >= 100 && sty != "mixed" && sty != "scaled") { *s += "多"; c->qualifier = "more_than"; }
    *s += w;
    c->style = std::string(change ? "r11_count_change/" : "r11_count_word/") + sty;
    if (change) {
      static const std::vector<const char*> kVerb = {"上升", "上涨", "下降", "下跌", "下滑"};
      c->tail = std::string(g.Pick(kVerb)) + "，情况值得关注";
      return "较去年同期的";
    }
    static const std::vector<const char*> kLead = {"至今已累计", "警方共侦办", "共放流", "双方打了", ""};
    return g.Pick(kLead);
  }
  if (form == 0) {  // 约10日, 超过28日, 不足三日: a qualifier makes N日 a length
    static const std::vector<std::pair<const char*, const char*>> kQ = {
        {"约", "approx"}, {"大约", "approx"}, {"近", "approx"}, {"逾", "more_than"}, {"超过", "more_than"},
        {"不足", "less_than"}, {"不到", "less_than"}, {"至少", "at_least"}, {"最多", "at_most"}};
    const auto& q = g.Pick(kQ);
    *s = std::string(q.first) + num(n) + "日";
    c->value = n; c->unit = "day"; c->qualifier = q.second; c->no_date = true;
    c->tail = g.Coin() ? "后，工程师发现问题" : "，工程仍未完成";
    c->style = "r11_days_qualified/" + st;
    static const std::vector<const char*> kLead = {"在施工", "工人已经停工", "货物在港口滞留", ""};
    return g.Pick(kLead);
  }
  if (form == 1 && !trad) form = 2;  // Simplified text writes N天后; its N日后 is a day (dates)
  if (form == 1) {  // 2日後, 十五日之後: N days later in Traditional text, with no month before
    static const std::vector<const char*> kAfter = {"后", "之后", "以后"};
    *s = num(n) + "日";
    c->value = n; c->unit = "day"; c->no_date = true;
    c->tail = std::string(g.Pick(kAfter)) + "再公布结果";
    c->style = "r11_days_after/" + st;
    static const std::vector<const char*> kLead = {"政府将于", "他说会在", "病人入院", "委员会表示"};
    return g.Pick(kLead);
  }
  if (form == 2) {  // 需时28日, 要等三日: a verb of waiting or spending
    static const std::vector<const char*> kCue = {"需时", "需要", "要等", "再等", "等待", "历时", "历经", "耗时", "费时"};
    *s = num(n) + "日";
    c->value = n; c->unit = "day"; c->no_date = true;
    c->style = "r11_days_cue/" + st;
    return std::string("测试结果") + g.Pick(kCue);
  }
  if (form == 3) {  // 65个工作天, 3个工作日内
    static const std::vector<const char*> kW = {"个工作天", "工作天", "个工作日", "工作日"};
    *s = num(n) + g.Pick(kW);
    c->value = n; c->unit = "day";
    if (g.Coin(0.3)) { *s += "内"; c->qualifier = "at_most"; }
    c->style = "r11_workdays/" + st;
    return g.Coin() ? "审批需要" : "工程花了";
  }
  // 30秒, 约15秒钟
  static const std::vector<std::pair<const char*, const char*>> kQ = {{"", ""}, {"约", "approx"}, {"不到", "less_than"}};
  const auto& q = g.Pick(kQ);
  *s = std::string(q.first) + num(n) + (g.Coin() ? "秒" : "秒钟");
  c->value = n; c->unit = "second"; c->qualifier = q.second;
  c->style = std::string("r11_seconds/") + st;
  return g.Coin() ? "影片长" : "只用了";
}

// A day of the month with 后 after its month stays a date (7月2日后, 本年3月14日之后).
inline std::string GenerateRoundElevenDate(Gen& g, bool trad, GenCase* c, std::string* s) {
  static const std::vector<const char*> kAfter = {"后", "之后", "以后"};
  if (g.Coin()) {
    // A bare day with 后 is its month's day after a month named earlier in the sentence
    // (Traditional), and always in Simplified text, which writes lengths with 天 (17日之后).
    int d0 = g.Int(1, 13), d = g.Int(14, 28);
    c->published = "2021-07-28";
    *s = std::to_string(d) + "日" + g.Pick(kAfter);
    c->tail = "没有人再提出异议";
    char buf[32];
    std::snprintf(buf, sizeof buf, "2021-07-%02d", d);
    c->date = buf;
    c->style = trad ? "r11_month_then_day_after" : "r11_simplified_day_after";
    if (!trad) return g.Coin() ? "气象台预计，" : "";
    return std::string("委员会在7月") + std::to_string(d0) + "日开会，主席确认";
  }
  int y = g.Int(2000, 2030), m = g.Int(1, 12), d = g.Int(1, 28);
  bool year = g.Coin();
  *s = (year ? std::to_string(y) + "年" : std::string()) + std::to_string(m) + "月" + std::to_string(d) + "日";
  *s += g.Pick(kAfter);
  c->published = "2021-07-10";
  char buf[32];
  // Without a year, a month more than three months after July with no word that looks ahead
  // is last year's (date_resolver.h).
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year ? y : (m - 7 > 3 ? 2020 : 2021), m, d);
  c->date = buf;
  c->style = std::string("r11_month_day_after/") + (year ? "year" : "no_year");
  return "";
}

// Twelfth round (issue 12, 2,000 real-news records read): a qualifier with 有 before the number
// (约有150人, 至少有十九个, 大概有两成, 差不多10个月) and 差不多 alone; the qualifier is in the span.
inline std::string GenerateRoundTwelveFigure(Gen& g, bool trad, GenCase* c, std::string* s) {
  (void)trad;
  static const std::vector<std::pair<const char*, const char*>> kQ = {
      {"约有", "approx"},     {"大约有", "approx"},   {"大概有", "approx"},   {"差不多", "approx"},
      {"差不多有", "approx"}, {"至少有", "at_least"}, {"起码有", "at_least"}, {"最少有", "at_least"},
      {"最多有", "at_most"}};
  const auto& q = g.Pick(kQ);
  std::string st;
  auto num = [&](int v) {
    int k = g.Int(0, 2);
    if (k == 0) { st = "arabic"; return std::to_string(v); }
    if (k == 1) { st = "fullwidth"; return FullWidth(std::to_string(v)); }
    st = "chinese";
    return WriteChineseNumeral(v);
  };
  int form = g.Int(0, 2);
  if (form == 0) {  // counts: 10 up, so a number in words is a figure too (FORMAT.md)
    static const std::vector<const char*> kW = {"名", "人", "家", "个", "间", "宗"};
    int v = g.Int(10, 9999);
    *s = std::string(q.first) + num(v) + g.Pick(kW);
    c->value = v; c->unit = "count";
    c->tail = "受到影响";
  } else if (form == 1) {  // lengths of time
    static const std::vector<std::pair<const char*, const char*>> kD = {
        {"年", "year"}, {"个月", "month"}, {"天", "day"}, {"小时", "hour"}};
    const auto& d = g.Pick(kD);
    int v = g.Int(2, 99);
    *s = std::string(q.first) + num(v) + d.first;
    c->value = v; c->unit = d.second;
    c->tail = "没有休息";
  } else {  // shares: 35%, 两成
    if (g.Coin()) {
      int v = g.Int(1, 99);
      *s = std::string(q.first) + std::to_string(v) + "%";
      c->value = v; st = "percent";
    } else {
      int v = g.Int(1, 9);
      *s = std::string(q.first) + (v == 2 ? std::string("两") : WriteChineseNumeral(v)) + "成";
      c->value = v * 10; st = "cheng";
    }
    c->unit = "%";
    c->tail = "的货架空置";
  }
  c->qualifier = q.second;
  c->style = std::string("r12_qual_you/") + st;
  static const std::vector<const char*> kLead = {"据统计，现场", "报告指出，", "他说，", ""};
  return g.Pick(kLead);
}

// A month with no year ahead of the publication month (issue 12, twelfth round): this year's
// up to three months ahead, or up to six with a word that looks ahead in its clause (将于,
// 预计, 押后至 ...); else last year's (a January article's 6月9日 is last June's).
inline std::string GenerateRoundTwelveDate(Gen& g, bool trad, GenCase* c, std::string* s) {
  (void)trad;
  int py = g.Int(2015, 2025), pm = g.Int(1, 9), pd = g.Int(1, 28);
  int ahead = g.Int(1, 12 - pm), m = pm + ahead, d = g.Int(1, 28);
  bool cue = g.Coin();
  bool day = g.Coin(0.7);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", py, pm, pd);
  c->published = buf;
  *s = (g.Coin() ? std::to_string(m) : WriteChineseNumeral(m)) + "月";
  if (day) *s += std::to_string(d) + "日";
  int year = py - (ahead > (cue ? 6 : 3) ? 1 : 0);
  if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, m, d);
  else std::snprintf(buf, sizeof buf, "%04d-%02d", year, m);
  c->date = buf;
  c->style = std::string("r12_month_ahead/") + (cue ? "cue" : "plain");
  if (cue) {
    static const std::vector<const char*> kCue = {"有关法例将于", "工程预计", "案件押后至", "双方计划于", "大会定于",
                                                        "合约原定", "双方打算", "外界预料"};
    c->tail = "举行";
    return g.Pick(kCue);
  }
  static const std::vector<const char*> kPlain = {"他说，", "报道指出，", "记者了解到，", ""};
  c->tail = "发生冲突，多人受伤";
  return g.Pick(kPlain);
}

// One random case.
inline GenCase GenerateCase(std::mt19937_64& rng) {
  Gen g(rng);
  GenCase c;
  std::string s, st;
  bool trad = g.Coin();
  int kind = g.Int(0, 27);
  std::string lead;  // words of the sentence right before the span (月薪, 2019年7月至)
  auto qualify = [&](std::string* text) {
    // Qualifier before or after, or none.
    static const std::vector<std::pair<const char*, const char*>> kPre = {
        {"约", "approx"}, {"近", "approx"}, {"逾", "more_than"}, {"超过", "more_than"},
        {"不到", "less_than"}, {"至少", "at_least"}, {"最多", "at_most"}};
    static const std::vector<std::pair<const char*, const char*>> kPost = {
        {"左右", "approx"}, {"以上", "more_than"}};
    int q = g.Int(0, 5);
    if (q == 0) { auto& p = g.Pick(kPre); *text = p.first + *text; c.qualifier = p.second; }
    else if (q == 1) { auto& p = g.Pick(kPost); return std::make_pair(std::string(p.first), std::string(p.second)); }
    return std::make_pair(std::string(), std::string());
  };
  switch (kind) {
    case 0: case 1: {  // money: integer + currency
      long long n = g.Magnitude();
      if (n == 0) n = 7;
      const Unit& u = g.Pick(Currencies());
      s = g.RenderInt(n, &st) + u.word;
      c.value = static_cast<double>(n);
      c.unit = u.unit;
      c.style = "money/" + st;
      auto post = qualify(&s);
      if (!post.first.empty()) { s += post.first; c.qualifier = post.second; }
      break;
    }
    case 2: {  // money with bare 元
      long long n = g.Magnitude(12);
      if (n == 0) n = 3;
      s = g.RenderInt(n, &st) + "元";
      c.value = static_cast<double>(n);
      c.unit = trad ? "CUR?" : "CNY";
      c.style = "yuan/" + st;
      break;
    }
    case 3: {  // percent: N%, 百分之N, N个百分点
      double v;
      std::string num;
      if (g.Coin()) { v = static_cast<double>(g.Int(0, 999)); num = g.RenderInt(static_cast<long long>(v), &st); }
      else num = g.RenderDecimal(&v, &st);
      int form = g.Int(0, 2);
      bool arabic = st == "arabic" || st == "commas" || st == "fullwidth" || st == "decimal";
      if (form == 0 && arabic) s = num + (g.Coin() ? "%" : "％");
      else if (form == 1) s = "百分之" + num;
      else s = num + "个百分点";
      if (st == "mixed" || st == "scaled") return GenerateCase(rng);
      c.value = v;
      c.unit = "%";
      c.style = "percent/" + st + "/" + std::to_string(form);
      break;
    }
    case 4: {  // 成 and 折: 三成, 两成半, 七成五, 五折, 七五折, 8.5折
      static const char* kD[] = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九"};
      int a = g.Int(1, 9), b = g.Int(0, 9);
      int form = g.Int(0, 4);
      if (form == 0) { s = std::string(kD[a]) + "成"; c.value = a * 10; }
      else if (form == 1) { s = std::string(kD[a]) + "成半"; c.value = a * 10 + 5; }
      else if (form == 2) { s = std::string(kD[a]) + "成" + (b ? kD[b] : "五"); c.value = a * 10 + (b ? b : 5); }
      else if (form == 3) { s = std::string(kD[a]) + (b ? kD[b] : "") + "折"; c.value = a * 10 + b; }
      else { s = std::to_string(a) + (b ? "." + std::to_string(b) : "") + "折"; c.value = a * 10 + b; }
      c.unit = "%";
      c.style = "share/" + std::to_string(form);
      break;
    }
    case 5: {  // fractions: 三分之一, 千分之五, 万分之三, 百万分之五
      static const std::vector<std::pair<const char*, double>> kDen = {
          {"千分之", 1000}, {"万分之", 10000}, {"百万分之", 1e6}};
      if (g.Coin()) {
        int den = g.Int(2, 12), num = g.Int(1, den - 1);
        std::string st2;
        s = g.RenderInt(den, &st) + "分之" + g.RenderInt(num, &st2);
        if (st == "mixed" || st == "scaled" || st2 == "mixed" || st2 == "scaled") return GenerateCase(rng);
        c.value = 100.0 * num / den;
        c.style = "fraction/" + st + "/" + st2;
      } else {
        auto& d = g.Pick(kDen);
        int num = g.Int(1, 99);
        s = std::string(d.first) + g.RenderInt(num, &st);
        if (st == "mixed" || st == "scaled") return GenerateCase(rng);
        c.value = 100.0 * num / d.second;
        c.style = std::string("per_mille/") + st;
      }
      c.unit = "%";
      break;
    }
    case 6: case 7: {  // measures, durations, counts
      const Unit& u = g.Pick(Measures());
      long long n = u.scaled_ok ? g.Magnitude(9) : g.Int(10, std::string(u.unit) == "year" ? 99 : 999);
      if (n < 10) n += 10;  // small counts in words only size a noun phrase
      s = g.RenderInt(n, &st);
      if (!u.scaled_ok && (st == "mixed" || st == "scaled")) s = std::to_string(n);
      s += u.word;
      c.value = static_cast<double>(n);
      c.unit = u.unit;
      c.style = std::string("measure/") + u.unit + "/" + st;
      auto post = qualify(&s);
      if (!post.first.empty()) { s += post.first; c.qualifier = post.second; }
      break;
    }
    case 8: {  // ranges: 3至5万元, 3-5%, 30%到50%
      int lo = g.Int(1, 400), hi = lo + g.Int(1, 400);
      static const std::vector<const char*> kTo = {"至", "到", "-", "~"};
      const char* to = g.Pick(kTo);
      if (g.Coin()) {
        s = std::to_string(lo) + to + std::to_string(hi) + "%";
        c.low = lo; c.high = hi; c.unit = "%";
      } else {
        const Unit& u = g.Pick(Currencies());
        const char* sc = g.Coin() ? "万" : "亿";
        double k = std::string(sc) == "万" ? 1e4 : 1e8;
        s = std::to_string(lo) + to + std::to_string(hi) + sc + u.word;
        c.low = lo * k; c.high = hi * k; c.unit = u.unit;
      }
      c.range = true;
      c.style = std::string("range/") + to;
      break;
    }
    case 9: {  // multiples
      int n = g.Int(2, 99);
      s = g.RenderInt(n, &st) + "倍";
      if (st == "mixed" || st == "scaled") s = std::to_string(n) + "倍";
      c.value = n;
      c.unit = "times";
      c.style = "times/" + st;
      break;
    }
    case 12: {  // halves: 三米半, 一年半, 两个半小时, 两个半月
      static const char* kD[] = {"", "一", "两", "三", "四", "五", "六", "七", "八", "九"};
      int a = g.Int(1, 9);
      static const std::vector<Unit> kHalf = {{"米", "m", true}, {"公里", "km", true}, {"年", "year", true},
                                              {"个半小时", "hour", false}, {"个半月", "month", false},
                                              {"吨", "t", true}, {"公斤", "kg", true}};
      const Unit& u = g.Pick(kHalf);
      bool arabic = g.Coin();
      std::string n = arabic ? std::to_string(a) : kD[a];
      s = n + u.word + (u.scaled_ok ? "半" : "");
      c.value = a + 0.5;
      c.unit = u.unit;
      c.style = std::string("half/") + u.unit + (arabic ? "/arabic" : "/chinese");
      break;
    }
    case 13: {  // vague ranges of adjacent digits: 三四成, 五六十家, 三四十万元 (but 七八折 = 78 %)
      static const char* kD[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
      int a = g.Int(1, 8);
      int form = g.Int(0, 3);
      std::string ab = std::string(kD[a]) + kD[a + 1];
      if (form == 0) { s = ab + "成"; c.low = a * 10; c.high = (a + 1) * 10; c.unit = "%"; }
      else if (form == 1) { s = ab + "十家"; c.low = a * 10; c.high = (a + 1) * 10; c.unit = "count"; }
      else if (form == 2) {
        const Unit& u = g.Pick(Currencies());
        s = ab + "十万" + u.word; c.low = a * 1e5; c.high = (a + 1) * 1e5; c.unit = u.unit;
      } else {  // 七八折 is 78 % (digits read one by one, as 七五折), not a range
        s = ab + "折"; c.value = a * 10 + a + 1; c.unit = "%";
      }
      c.range = form != 3;
      c.style = "vague/" + std::to_string(form);
      break;
    }
    case 14: {  // signs, 廿/卅, 多/余 approximations, 块/毛
      int form = g.Int(0, 4);
      if (form == 0) {
        double v; std::string num = g.RenderDecimal(&v, &st);
        static const std::vector<const char*> kSign = {"-", "负", "\u2212"};
        const char* sign = g.Pick(kSign);
        if (st != "decimal") sign = "负";
        s = std::string(sign) + num + (st == "decimal" ? "%" : "个百分点");
        c.value = -v; c.unit = "%";
        c.style = std::string("sign/") + st;
      } else if (form == 1) {
        static const char* kD[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        int t = g.Int(2, 3), u = g.Int(0, 9);
        s = std::string(t == 2 ? "廿" : "卅") + kD[u] + "家";
        c.value = t * 10 + u; c.unit = "count"; c.style = "nian_sa";
      } else if (form == 2) {
        long long n = g.Int(1, 99) * 10;
        const Unit& u = g.Pick(Currencies());
        bool duo = g.Coin();
        std::string scale = g.Coin() ? "万" : "亿";
        s = std::to_string(n) + (duo ? "多" : "余") + scale + u.word;
        c.value = n * (scale == "万" ? 1e4 : 1e8); c.unit = u.unit; c.qualifier = "more_than";
        c.style = "more";
      } else if (form == 3) {
        int y = g.Int(1, 99), j = g.Int(1, 9);
        std::string st2;
        s = g.RenderInt(y, &st) + "块" + std::to_string(j) + (g.Coin() ? "毛" : "角");
        if (st == "mixed" || st == "scaled") s = std::to_string(y) + s.substr(s.find("块"));
        c.value = y + j / 10.0; c.unit = trad ? "CUR?" : "CNY";
        c.style = "kuai/" + st;
      } else {
        // A currency named once covers the list it starts.
        static const std::vector<Unit> kBefore = {{"新台币", "TWD", true}, {"人民币", "CNY", true}, {"港币", "HKD", true}};
        const Unit& u = g.Pick(kBefore);
        int a = g.Int(1, 999), b = g.Int(1, 999);
        std::string first = std::string(u.word) + std::to_string(a) + "万元、";
        s = std::to_string(b) + "万元";
        c.value = b * 1e4; c.unit = u.unit; c.style = "list_currency";
        const Frame& f = g.Pick(Frames());
        std::string before = std::string(f.before) + first, after = f.after;
        if (trad) { s = ToTrad(s); before = ToTrad(before); after = ToTrad(after); }
        c.span = s; c.text = before + s + after; c.start = CountCp(before);
        c.style += trad ? "/trad" : "/simp";
        return c;
      }
      break;
    }
    case 16:
      lead = GenerateRoundTwoFigure(g, trad, &c, &s);
      break;
    case 17:
      c.is_date = true;
      lead = GenerateRoundTwoDate(g, &c, &s);
      break;
    case 18:
      lead = GenerateRoundThreeFigure(g, trad, &c, &s);
      break;
    case 19:
      c.is_date = true;
      GenerateQuarterDate(g, &c, &s);
      break;
    case 20:
      lead = GenerateRoundFourFigure(g, trad, &c, &s);
      break;
    case 21:
      lead = GenerateRoundSixFigure(g, trad, &c, &s);
      break;
    case 22:
      lead = GenerateRoundEightFigure(g, &c, &s);
      break;
    case 23:
      lead = GenerateRoundNineFigure(g, trad, &c, &s);
      break;
    case 24:
      lead = GenerateRoundTenFigure(g, trad, &c, &s);
      break;
    case 25:
      lead = GenerateRoundElevenFigure(g, trad, &c, &s);
      break;
    case 26:
      if (g.Coin()) { lead = GenerateRoundElevenFigure(g, trad, &c, &s); break; }
      c.is_date = true;
      lead = GenerateRoundElevenDate(g, trad, &c, &s);
      break;
    case 27:
      if (g.Coin()) { lead = GenerateRoundTwelveFigure(g, trad, &c, &s); break; }
      c.is_date = true;
      lead = GenerateRoundTwelveDate(g, trad, &c, &s);
      break;
    default: {  // dates: 2024年3月7日, 二〇二四年三月七日, 2024/3/7, 2024-03-07, 2024.3.7
      c.is_date = true;
      if (g.Coin()) {
        GenerateRelativeDate(g, trad, &c, &s);
        break;
      }
      int y = g.Int(1950, 2035), m = g.Int(1, 12), d = g.Int(1, 28);
      static const char* kD[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
      char buf[32];
      int form = g.Int(0, 5);
      if (form == 0) s = std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + (g.Coin() ? "日" : "号");
      else if (form == 1) {
        for (char ch : std::to_string(y)) s += kD[ch - '0'];
        s += "年" + WriteChineseNumeral(m) + "月" + WriteChineseNumeral(d) + (g.Coin() ? "日" : "号");
      } else if (form == 2) { std::snprintf(buf, sizeof buf, "%d/%d/%d", y, m, d); s = buf; }
      else if (form == 3) { std::snprintf(buf, sizeof buf, "%d-%02d-%02d", y, m, d); s = buf; }
      else if (form == 4) { std::snprintf(buf, sizeof buf, "%d.%d.%d", y, m, d); s = buf; }
      else { s = FullWidth(std::to_string(y)) + "年" + FullWidth(std::to_string(m)) + "月"; }
      if (form == 5) { std::snprintf(buf, sizeof buf, "%04d-%02d", y, m); }
      else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
      c.date = buf;
      c.style = "date/" + std::to_string(form);
      break;
    }
  }
  const Frame& f = g.Pick(Frames());
  std::string before = f.before, after = f.after;
  // A bare ROC year after 达/为 reads as a length (達104年): give it a date's frame.
  if (c.style.rfind("date/roc", 0) == 0) { before = "政府预计于"; after = "公布。"; }
  before += lead;
  if (trad) { s = ToTrad(s); before = ToTrad(before); after = ToTrad(after); c.tail = ToTrad(c.tail); }
  c.span = s;
  c.text = before + s + c.tail + after;
  c.start = CountCp(before);
  c.style += trad ? "/trad" : "/simp";
  if ((!c.is_date && c.unit == "CUR?") || c.style.rfind("date/roc", 0) == 0 ||
      (trad && c.style.rfind("currency_named_before", 0) == 0) || c.style.rfind("r11_days_after", 0) == 0 ||
      c.style.rfind("r11_month_then", 0) == 0) {
    // A Traditional document needs enough Traditional characters to be told apart.
    c.text = ToTrad("该公司说，总额为") + c.text + ToTrad("，这项计划预计于东亚实现，经济会议称为历史纪录。");
    c.start += CountCp(ToTrad("该公司说，总额为"));
  }
  return c;
}

inline bool Close(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::max(std::fabs(a), std::fabs(b))); }

// Empty if the extractors give exactly the generated figure or date at its
// span; else what went wrong.
// `others`, if given, gets the number of mentions of the case's kind other
// than the one it wants (for a precision count: the frames hold no figure).
inline std::string CheckCase(const GenCase& c, const PipelineContext& ctx, int* others = nullptr) {
  Document doc;
  doc.key = "gen";
  doc.raw = doc.body = c.text;
  doc.published = c.published;
  NormText nt = ctx.normalizer->Normalize(doc.body);
  std::vector<Mention> ms = ctx.extractors->ExtractAll(doc, nt);
  size_t end = c.start + CountCp(c.span);
  std::string seen;
  int kind_count = 0;
  if (others) *others = 0;
  if (c.no_date)  // a length of time that must not also be a date
    for (const Mention& m : ms)
      if (m.kind == MentionKind::kDate && m.start < end && m.end > c.start)
        return c.style + ": \"" + c.text + "\" read \"" + m.text + "\" as the date " + m.date_value;
  for (const Mention& m : ms) {
    bool want_kind = c.is_date ? m.kind == MentionKind::kDate : m.kind == MentionKind::kFigure;
    if (!want_kind) continue;
    ++kind_count;
    if (others) *others = kind_count;
    char buf[160];
    if (c.is_date) std::snprintf(buf, sizeof buf, " [%s=%s]", m.text.c_str(), m.date_value.c_str());
    else std::snprintf(buf, sizeof buf, " [%s=%g/%g-%g %s %s %s]", m.text.c_str(), m.value.value_or(NAN),
                       m.low.value_or(NAN), m.high.value_or(NAN), m.unit.c_str(), m.qualifier.c_str(), m.rule.c_str());
    seen += buf;
    if (m.start != c.start || m.end != end) continue;
    if (c.is_date) {
      if (m.date_value == c.date) return "";
      continue;
    }
    bool val = c.range ? (m.low && m.high && Close(*m.low, c.low) && Close(*m.high, c.high))
                       : (m.value && Close(*m.value, c.value));
    if (val && m.unit == c.unit && m.qualifier == c.qualifier) {
      if (others) {
        *others = 0;
        for (const Mention& o : ms)
          if ((c.is_date ? o.kind == MentionKind::kDate : o.kind == MentionKind::kFigure) && &o != &m) ++*others;
      }
      return "";
    }
  }
  char want[200];
  if (c.is_date) std::snprintf(want, sizeof want, "%s", c.date.c_str());
  else if (c.range) std::snprintf(want, sizeof want, "%g-%g %s %s", c.low, c.high, c.unit.c_str(), c.qualifier.c_str());
  else std::snprintf(want, sizeof want, "%.10g %s %s", c.value, c.unit.c_str(), c.qualifier.c_str());
  return c.style + ": \"" + c.text + "\" want \"" + c.span + "\" = " + want + "; got" + (seen.empty() ? " nothing" : seen);
}

}  // namespace gen
}  // namespace newskb
