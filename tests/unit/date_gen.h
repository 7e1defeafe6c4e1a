// newskb/tests/unit/date_gen.h
//
// A generator of Chinese temporal expressions, one family for each class
// that gold/FORMAT.md counts as a date (and a family of look-alikes it does
// not), for property tests of the date extractor. Each case is a short
// article (Simplified or Traditional script) with a random publication date
// and knows every date a perfect extractor returns: span (code points),
// ISO value at the precision the text gives, and qualifier.
//
//   std::mt19937_64 rng(7);
//   gen::DateCase c = gen::GenerateDateCase(rng);
//   std::string why = gen::CheckDateCase(c, ctx);   // empty when extraction is right
//
// Families (DateCase::style, before the first '/'):
//   weekday        周三, 星期五, 礼拜天 alone (the nearest to the publication
//                  date), 下周一, 上上周三, 这个礼拜五 (Monday-based weeks)
//   rel_day        今天 … 大后天, with the day (and month) in brackets:
//                  今天（3月7日）, 今（7）日; 今上午, 昨深夜, 明早; 今/昨 before a verb
//                  of reporting (警方昨表示: the span is 昨)
//   rel_month      上个月, 下下个月, 本月10日, 下月初, 上月底, 从下月起
//   rel_year       去年, 明年3月, 今年10月5日, 今年底前, 去年年初, 明年上半年,
//                  今年第三季度, 去年度, 今年1-9月 (two dates: 今年1, 9月)
//   year_part      上半年, 第三季度, 一季度, 首季, 年底前 alone: the year
//   abs            2024年底, 二〇二四年上半年, ２０２４年第三季度, 2019 上半年,
//                  2024年3月上旬/中旬/下旬/初/底/中, 2024年3月7日晚,
//                  当地时间3月7日; Arabic, full-width and Chinese numerals
//   weekday_md     3月7日（周四）, 周四（3月7日） (one date each)
//   year_range     2019—2024年, 2019至2024年, 2019-2024年 (both years)
//   open_end       2010年以来, 截至2024年3月底, 2030年之前, 2019年前后,
//                  到2035年为止, 2015年起
//   roc            民國113年, 113年3月7日 (Traditional text only)
//   list_past      6月至今 (a past month: last year's when after the
//                  publication month), 同年11月 (the year named in an earlier
//                  sentence)
//   not_date       90年代, 上世纪80年代, 本世纪, 未来十年, 每周三, 上周, 本周,
//                  今年夏天 (FORMAT.md: decades, spans, weeks and seasons
//                  are not dates at ISO precision)
// Lunar dates (农历正月初一), festivals (2024年中秋), two-digit Chinese years
// and dates counted from the last date (同日, 次年) are generated apart, each
// checked against ICU's Chinese calendar: tests/unit/calendar_days_test.cc.
//
// Used by tests/unit/dates_property_test.cc (fixed seed, in ctest).
#pragma once

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "tests/unit/figure_gen.h"

namespace newskb {
namespace gen {

struct DateExpect {
  std::string span;       // as written in the (final) text
  size_t start = 0;       // code points
  std::string value;      // ISO
  std::string qualifier;  // before, after, by or ""
};

struct DateCase {
  std::string text, published, style;
  std::vector<DateExpect> dates;  // every date of the text, in order; empty for not_date
};

// Characters the date families write that figure_gen's ToTrad does not map.
inline std::string DateTrad(const std::string& s) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"周", "週"}, {"来", "來"}, {"从", "從"}, {"内", "內"}, {"闻", "聞"}, {"场", "場"}, {"继", "繼"},
      {"绩", "績"}, {"应", "應"}, {"讨", "討"}, {"论", "論"}, {"预", "預"}, {"算", "算"}, {"门", "門"},
      {"届", "屆"}, {"华", "華"}, {"纪", "紀"}, {"岁", "歲"}, {"开", "開"}, {"布", "佈"}, {"广", "廣"},
      {"记", "記"}, {"者", "者"}, {"证", "證"}, {"实", "實"}, {"检", "檢"}, {"举", "舉"}, {"签", "簽"},
      {"认", "認"}, {"旧", "舊"}, {"区", "區"}, {"惠", "惠"}, {"户", "戶"}, {"处", "處"}, {"样", "樣"},
  };
  return MapChars(ToTrad(s), kMap);
}

// 1..99 in Chinese numerals as dates write them (三, 十二, 二十三; 廿三 now and then).
inline std::string CnSmall(Gen& g, int n) {
  static const char* kD[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kD[n];
  if (n < 20) return std::string("十") + (n % 10 ? kD[n % 10] : "");
  if (n >= 21 && n <= 29 && g.Coin(0.2)) return std::string("廿") + kD[n % 10];
  return std::string(kD[n / 10]) + "十" + (n % 10 ? kD[n % 10] : "");
}

// A year in Arabic, full-width or Chinese digits (二〇二四 / 二零二四).
inline std::string YearText(Gen& g, int y, std::string* style) {
  int k = g.Int(0, 3);
  std::string a = std::to_string(y);
  if (k == 1) { *style += "/fw"; return FullWidth(a); }
  if (k >= 2) {
    static const char* kD[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::string out;
    for (char c : a) out += (c == '0' && k == 3) ? "零" : kD[c - '0'];
    *style += "/cn";
    return out;
  }
  return a;
}

// A month or day: Arabic, full-width or Chinese.
inline std::string PartText(Gen& g, int n, int style) {
  if (style == 1) return FullWidth(std::to_string(n));
  if (style == 2) return CnSmall(g, n);
  return std::to_string(n);
}

inline std::string Iso(int y, int m = 0, int d = 0) {
  char b[16];
  if (d) std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, m, d);
  else if (m) std::snprintf(b, sizeof b, "%04d-%02d", y, m);
  else std::snprintf(b, sizeof b, "%04d", y);
  return b;
}

inline int WeekdayOf(long z) {  // 1 Monday .. 7 Sunday; day 0 (1970-01-01) was a Thursday
  long w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

inline int DaysIn(int y, int m) {
  return static_cast<int>(DayNumber(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - DayNumber(y, m, 1));
}

struct Piece {  // one stretch of the text; a date if value is set
  std::string text, value, qualifier;
  bool date = false;
};

inline Piece DatePiece(std::string text, std::string value, std::string qual = "") {
  return Piece{std::move(text), std::move(value), std::move(qual), true};
}
inline Piece TextPiece(std::string text) { return Piece{std::move(text)}; }

// Appends the pieces to the case's text, each rendered by `render` (the
// script's forms), and records each date piece with its code-point offset.
template <class Render>
void AppendPieces(const std::vector<Piece>& all, Render render, DateCase* c) {
  size_t cp = CountCp(c->text);
  for (const Piece& x : all) {
    std::string t = render(x.text);
    if (x.date) c->dates.push_back({t, cp, x.value, x.qualifier});
    c->text += t;
    cp += CountCp(t);
  }
}

class DateGen {
 public:
  explicit DateGen(std::mt19937_64& rng) : g_(rng) {}

  DateCase Make() {
    DateCase c;
    y_ = g_.Int(2016, 2026);
    m_ = g_.Int(1, 12);
    d_ = g_.Int(1, DaysIn(y_, m_));
    today_ = DayNumber(y_, m_, d_);
    c.published = Iso(y_, m_, d_);
    trad_ = g_.Coin();
    std::vector<Piece> p;
    std::string style;
    switch (g_.Int(0, 11)) {
      case 0: style = Weekday(&p); break;
      case 1: style = RelDay(&p); break;
      case 2: style = RelMonth(&p); break;
      case 3: style = RelYear(&p); break;
      case 4: style = YearPartAlone(&p); break;
      case 5: style = Absolute(&p); break;
      case 6: style = WeekdayMonthDay(&p); break;
      case 7: style = YearRange(&p); break;
      case 8: style = OpenEnd(&p); break;
      case 9: style = trad_ ? Roc(&p) : Absolute(&p); break;
      case 10: style = ListOrPast(&p); break;
      default: style = NotDate(&p); break;
    }
    static const std::pair<const char*, const char*> kFrames[] = {
        {"据报道，", "，相关部门表示将继续跟进。"}, {"公司称，", "，业绩符合预期。"},
        {"", "，市场反应平淡。"}, {"消息人士透露，", "，会议将讨论预算。"},
        {"记者获悉，", "，有关方面正在核实。"}, {"他指出，", "，情况已有改善。"},
    };
    const auto& f = kFrames[g_.Int(0, 5)];
    std::vector<Piece> all;
    all.push_back({f.first});
    for (Piece& x : p) all.push_back(x);
    all.push_back({f.second});
    if (style.rfind("roc", 0) == 0)  // enough Traditional characters to tell the script
      all.insert(all.begin(), Piece{"该公司说，经济会议称为历史纪录，这项计划预计于东亚实现。"});
    AppendPieces(all, [&](const std::string& t) { return trad_ ? DateTrad(t) : t; }, &c);
    c.style = style + (trad_ ? "/trad" : "/simp");
    return c;
  }

 private:
  static Piece D(std::string text, std::string value, std::string qual = "") {
    return DatePiece(std::move(text), std::move(value), std::move(qual));
  }
  static Piece T(std::string text) { return TextPiece(std::move(text)); }
  std::string DayIso(long z) const { return IsoOfDay(z); }

  std::string Weekday(std::vector<Piece>* p) {
    static const char* kWd[] = {"", "一", "二", "三", "四", "五", "六", "日"};
    int wd = g_.Int(1, 7);
    std::string word = g_.Pick(std::vector<std::string>{"周", "星期", "礼拜"});
    std::string wch = kWd[wd];
    if (wd == 7 && word != "周" && g_.Coin()) wch = "天";
    int pub_wd = WeekdayOf(today_);
    if (g_.Coin()) {  // alone: the nearest to the publication date
      int diff = wd - pub_wd;
      if (diff > 3) diff -= 7;
      if (diff < -3) diff += 7;
      p->push_back(D(word + wch, DayIso(today_ + diff)));
      p->push_back(T("宣布"));
      return "weekday/alone";
    }
    static const std::pair<const char*, int> kRel[] = {{"上上", -2}, {"上", -1}, {"上个", -1}, {"本", 0},
                                                       {"这", 0},    {"这个", 0}, {"下", 1},   {"下个", 1}, {"下下", 2}};
    const auto& r = kRel[g_.Int(0, 8)];
    p->push_back(D(r.first + word + wch, DayIso(today_ - (pub_wd - 1) + 7L * r.second + (wd - 1))));
    p->push_back(T("举行"));
    return "weekday/relative";
  }

  std::string RelDay(std::vector<Piece>* p) {
    static const std::pair<const char*, int> kDays[] = {{"今天", 0}, {"今日", 0}, {"明天", 1}, {"明日", 1},
                                                        {"昨天", -1}, {"昨日", -1}, {"前天", -2}, {"后天", 2},
                                                        {"大前天", -3}, {"大后天", 3}, {"今晚", 0}, {"昨晚", -1}};
    int k = g_.Int(0, 3);
    if (k == 0) {  // 今上午, 昨深夜, 明早
      static const std::pair<const char*, int> kTod[] = {{"今上午", 0}, {"今下午", 0}, {"今凌晨", 0}, {"昨上午", -1},
                                                         {"昨深夜", -1}, {"昨傍晚", -1}, {"明早", 1}, {"明晚", 1}};
      const auto& t = kTod[g_.Int(0, 7)];
      p->push_back(D(t.first, DayIso(today_ + t.second)));
      p->push_back(T("举行记者会"));
      return "rel_day/time_of_day";
    }
    if (k == 1) {  // 今/昨 alone before a verb of reporting
      bool today = g_.Coin();
      p->push_back(T("警方"));
      p->push_back(D(today ? "今" : "昨", DayIso(today_ - (today ? 0 : 1))));
      p->push_back(T(g_.Pick(std::vector<std::string>{"表示", "发表声明", "宣布", "公布", "召开会议", "证实"})));
      return "rel_day/short";
    }
    const auto& r = kDays[g_.Int(0, 11)];
    if (k == 2) {  // with the day (and month) in brackets
      long z = today_ + r.second;
      std::string iso = DayIso(z);
      int mo = std::atoi(iso.substr(5, 2).c_str()), dd = std::atoi(iso.substr(8, 2).c_str());
      int st = g_.Int(0, 1);
      std::string br = g_.Coin() ? PartText(g_, mo, st) + "月" + PartText(g_, dd, st) + "日" : PartText(g_, dd, st) + "日";
      std::string open = g_.Coin() ? "（" : "(", close = open == "(" ? ")" : "）";
      p->push_back(D(std::string(r.first) + open + br + close, iso));
      p->push_back(T("举行"));
      return "rel_day/bracket";
    }
    if (g_.Coin(0.3)) {  // 今（19）日: Taiwanese style, the day between 今/昨/明/前 and 日
      static const std::pair<const char*, int> kShort[] = {{"今", 0}, {"昨", -1}, {"明", 1}, {"前", -2}};
      const auto& sh = kShort[g_.Int(0, 3)];
      std::string iso = DayIso(today_ + sh.second);
      std::string open = g_.Coin() ? "（" : "(", close = open == "(" ? ")" : "）";
      p->push_back(T("行政院"));
      p->push_back(D(sh.first + open + std::to_string(std::atoi(iso.substr(8, 2).c_str())) + close + "日", iso));
      p->push_back(T("宣布"));
      return "rel_day/paren_day";
    }
    p->push_back(D(r.first, DayIso(today_ + r.second)));
    p->push_back(T("举行"));
    return "rel_day/word";
  }

  std::string RelMonth(std::vector<Piece>* p) {
    static const std::pair<const char*, int> kMon[] = {{"上个月", -1}, {"上月", -1}, {"本月", 0}, {"下个月", 1},
                                                       {"下月", 1},    {"上上个月", -2}, {"下下个月", 2}};
    const auto& r = kMon[g_.Int(0, 6)];
    int idx = y_ * 12 + (m_ - 1) + r.second, y = idx / 12, mo = idx % 12 + 1;
    int k = g_.Int(0, 2);
    if (k == 0) {
      int dd = g_.Int(1, DaysIn(y, mo));
      p->push_back(D(r.first + PartText(g_, dd, g_.Int(0, 2)) + "日", Iso(y, mo, dd)));
      return "rel_month/day";
    }
    if (k == 1) {
      std::string part = g_.Pick(std::vector<std::string>{"初", "底", "中旬", "上旬", "下旬"});
      p->push_back(D(r.first + part, Iso(y, mo)));
      return "rel_month/part";
    }
    static const std::pair<const char*, const char*> kQ[] = {{"起", "after"}, {"以来", "after"}, {"前", "before"}, {"", ""}};
    const auto& q = kQ[g_.Int(0, 3)];
    p->push_back(D(std::string(r.first) + q.first, Iso(y, mo), q.second));
    return "rel_month/qualifier";
  }

  std::string RelYear(std::vector<Piece>* p) {
    static const std::pair<const char*, int> kYr[] = {{"去年", -1}, {"今年", 0}, {"明年", 1}, {"前年", -2}, {"后年", 2}};
    const auto& r = kYr[g_.Int(0, 4)];
    int y = y_ + r.second;
    int k = g_.Int(0, 5);
    int st = g_.Int(0, 2);
    if (k == 0) {
      int mo = g_.Int(1, 12);
      p->push_back(D(r.first + PartText(g_, mo, st) + "月", Iso(y, mo)));
      return "rel_year/month";
    }
    if (k == 1) {
      int mo = g_.Int(1, 12), dd = g_.Int(1, DaysIn(y, mo));
      p->push_back(D(r.first + PartText(g_, mo, st) + "月" + PartText(g_, dd, st) + "日", Iso(y, mo, dd)));
      return "rel_year/day";
    }
    if (k == 2) {  // 今年底前, 去年年初, 明年上半年, 今年第三季度
      std::string part = g_.Pick(std::vector<std::string>{"底", "初", "末", "年底", "年初", "年末", "上半年", "下半年",
                                                          "第三季度", "一季度", "前三季度", "首季"});
      static const std::pair<const char*, const char*> kQ[] = {{"", ""}, {"前", "before"}, {"以来", "after"}};
      const auto& q = kQ[g_.Int(0, 2)];
      p->push_back(D(r.first + part + q.first, Iso(y), q.second));
      return "rel_year/part";
    }
    if (k == 3) {  // 今年1-9月: the start and the end
      int a = g_.Int(1, 6), b = g_.Int(a + 1, 12);
      std::string sep = g_.Pick(std::vector<std::string>{"-", "至", "到", "—"});
      p->push_back(D(r.first + PartText(g_, a, st == 2 ? 0 : st), Iso(y, a)));  // the start with its year
      p->push_back(T(sep));
      p->push_back(D(PartText(g_, b, st == 2 ? 0 : st) + "月", Iso(y, b)));
      return "rel_year/month_range";
    }
    if (k == 4) {
      p->push_back(D(std::string(r.first) + "度", Iso(y)));
      p->push_back(T("营收"));
      return "rel_year/fiscal";
    }
    p->push_back(D(r.first, Iso(y)));
    return "rel_year/alone";
  }

  std::string YearPartAlone(std::vector<Piece>* p) {
    std::string part = g_.Pick(std::vector<std::string>{"上半年", "下半年", "第一季度", "第三季度", "二季度", "一季度",
                                                        "首季", "前三季度", "年底", "年初"});
    static const std::pair<const char*, const char*> kQ[] = {{"", ""}, {"以来", "after"}, {"前", "before"}};
    const auto& q = kQ[g_.Int(0, 2)];
    p->push_back(D(part + q.first, Iso(y_), q.second));
    return "year_part/alone";
  }

  std::string Absolute(std::vector<Piece>* p) {
    std::string ys;
    int y = g_.Int(1990, 2030);
    std::string yt = YearText(g_, y, &ys);
    int st = ys.find("cn") != std::string::npos ? 2 : (ys.find("fw") != std::string::npos ? 1 : 0);
    int k = g_.Int(0, 4);
    if (k == 0) {  // a part of a year
      std::string part = g_.Pick(std::vector<std::string>{"年底", "年末", "年初", "底", "末", "上半年", "下半年",
                                                          "第三季度", "第1季度", "前三季度", "首季"});
      p->push_back(D(yt + "年" + part, Iso(y)));
      return "abs/year_part" + ys;
    }
    if (k == 1 && st != 2) {  // 2019 上半年: a year without 年
      p->push_back(D(yt + (g_.Coin() ? " " : "") + g_.Pick(std::vector<std::string>{"上半年", "下半年", "第三季度", "一季度"}), Iso(y)));
      return "abs/bare_year_part" + ys;
    }
    int mo = g_.Int(1, 12);
    if (k <= 2) {  // a part of a month
      std::string part = g_.Pick(std::vector<std::string>{"上旬", "中旬", "下旬", "初", "底", "中", "份"});
      p->push_back(D(yt + "年" + PartText(g_, mo, st) + "月" + part, Iso(y, mo)));
      return "abs/month_part" + ys;
    }
    int dd = g_.Int(1, DaysIn(y, mo));
    std::string tz = g_.Coin(0.3) ? g_.Pick(std::vector<std::string>{"当地时间", "北京时间"}) : "";
    std::string tod = g_.Pick(std::vector<std::string>{"", "晚", "晚间", "上午", "下午", "凌晨", "夜间", "傍晚"});
    p->push_back(D(tz + yt + "年" + PartText(g_, mo, st) + "月" + PartText(g_, dd, st) + g_.Pick(std::vector<std::string>{"日", "号"}) + tod,
                   Iso(y, mo, dd)));
    return "abs/day_time" + ys;
  }

  std::string WeekdayMonthDay(std::vector<Piece>* p) {
    static const char* kWd[] = {"", "一", "二", "三", "四", "五", "六", "日"};
    long z = today_ + g_.Int(-20, 5);
    std::string iso = DayIso(z);
    int mo = std::atoi(iso.substr(5, 2).c_str()), dd = std::atoi(iso.substr(8, 2).c_str());
    std::string md = PartText(g_, mo, 0) + "月" + PartText(g_, dd, 0) + "日";
    std::string wd = g_.Pick(std::vector<std::string>{"周", "星期"}) + kWd[WeekdayOf(z)];
    std::string open = g_.Coin() ? "（" : "(", close = open == "(" ? ")" : "）";
    if (g_.Coin()) {
      p->push_back(D(md + open + wd + close, iso));
      return "weekday_md/md_first";
    }
    p->push_back(D(wd + open + md + close, iso));
    return "weekday_md/weekday_first";
  }

  std::string YearRange(std::vector<Piece>* p) {
    int a = g_.Int(1990, 2024), b = a + g_.Int(1, 6);
    std::string sep = g_.Pick(std::vector<std::string>{"—", "-", "至", "到", "–"});
    p->push_back(D(std::to_string(a), Iso(a)));
    p->push_back(T(sep));
    p->push_back(D(std::to_string(b) + "年", Iso(b)));
    p->push_back(T("间"));
    return "year_range/" + std::string(sep == "-" ? "hyphen" : "other");
  }

  std::string OpenEnd(std::vector<Piece>* p) {
    int y = g_.Int(1990, 2035);
    std::string ys;
    std::string yt = YearText(g_, y, &ys);
    switch (g_.Int(0, 5)) {
      case 0: p->push_back(T("自")); p->push_back(D(yt + "年以来", Iso(y), "after")); return "open_end/since" + ys;
      case 1: {
        int mo = g_.Int(1, 12);
        p->push_back(D("截至" + yt + "年" + std::to_string(mo) + "月底", Iso(y, mo), "by"));
        return "open_end/by_month" + ys;
      }
      case 2: p->push_back(D(yt + "年之前", Iso(y), "before")); return "open_end/before" + ys;
      case 3: p->push_back(D(yt + "年前后", Iso(y), "")); return "open_end/around" + ys;
      case 4: p->push_back(D("到" + yt + "年为止", Iso(y), "by")); return "open_end/by" + ys;
      default: p->push_back(T("从")); p->push_back(D(yt + "年起", Iso(y), "after")); return "open_end/from" + ys;
    }
  }

  std::string Roc(std::vector<Piece>* p) {
    int n = g_.Int(100, 115), y = 1911 + n;
    if (g_.Coin()) {
      p->push_back(T("政府预计于"));
      p->push_back(D("民国" + std::to_string(n) + "年", Iso(y)));
      p->push_back(T("公布"));
      return "roc/era";
    }
    int mo = g_.Int(1, 12), dd = g_.Int(1, DaysIn(y, mo));
    p->push_back(T("政府预计于"));
    p->push_back(D(std::to_string(n) + "年" + std::to_string(mo) + "月" + std::to_string(dd) + "日", Iso(y, mo, dd)));
    p->push_back(T("公布"));
    return "roc/bare";
  }

  // 6月至今 (a past month); 同年11月 (the year an earlier sentence named).
  std::string ListOrPast(std::vector<Piece>* p) {
    if (g_.Coin(0.3)) {  // 同年: the year named before, in an earlier sentence
      int y = g_.Int(1990, 2026), a = g_.Int(1, 6), b = g_.Int(a + 1, 12);
      std::string ys;
      p->push_back(D(YearText(g_, y, &ys) + "年" + std::to_string(a) + "月", Iso(y, a)));
      p->push_back(T("，他当选主席。"));
      p->push_back(D("同年" + std::to_string(b) + "月", Iso(y, b)));
      p->push_back(T("，他辞职"));
      return "list_past/same_year" + ys;
    }
    int mo = g_.Int(1, 12);
    p->push_back(D(PartText(g_, mo, g_.Int(0, 2)) + "月", Iso(mo > m_ ? y_ - 1 : y_, mo)));
    p->push_back(T("至今"));
    return "list_past/until_now";
  }

  std::string NotDate(std::vector<Piece>* p) {
    p->push_back(T(g_.Pick(std::vector<std::string>{"90年代", "八十年代", "上世纪80年代", "本世纪", "上世纪", "未来十年",
                                                    "过去数十年", "每周三", "上周", "本周", "下周", "今年夏天", "每月",
                                                    "当月", "同年", "如今", "至今"})));
    return "not_date/word";
  }

  Gen g_;
  bool trad_ = false;
  int y_ = 0, m_ = 0, d_ = 0;
  long today_ = 0;
};

inline DateCase GenerateDateCase(std::mt19937_64& rng) { return DateGen(rng).Make(); }

// Empty if the extractors give exactly the case's dates (span, value,
// qualifier) and no other; else what went wrong.
inline std::string CheckDateCase(const DateCase& c, const PipelineContext& ctx) {
  Document doc;
  doc.key = "gen";
  doc.raw = doc.body = c.text;
  doc.published = c.published;
  NormText nt = ctx.normalizer->Normalize(doc.body);
  std::vector<Mention> ms = ctx.extractors->ExtractAll(doc, nt);
  std::string got, want;
  for (const Mention& m : ms)
    if (m.kind == MentionKind::kDate)
      got += " [" + m.text + "@" + std::to_string(m.start) + "=" + m.date_value + (m.qualifier.empty() ? "" : "/" + m.qualifier) + "]";
  for (const DateExpect& e : c.dates)
    want += " [" + e.span + "@" + std::to_string(e.start) + "=" + e.value + (e.qualifier.empty() ? "" : "/" + e.qualifier) + "]";
  if (got == want) return "";
  return c.style + " (" + c.published + "): \"" + c.text + "\" want" + (want.empty() ? " nothing" : want) + "; got" +
         (got.empty() ? " nothing" : got);
}

}  // namespace gen
}  // namespace newskb
