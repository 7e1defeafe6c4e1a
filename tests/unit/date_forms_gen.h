// newskb/tests/unit/date_forms_gen.h
//
// Generated families for the date forms issue 12 lists, one family per
// form, each rendered in both scripts and in every numeral style a date
// takes (Arabic, full-width, Chinese digits 二〇二四/二○二四, 十/廿/卅 days),
// inside random sentence frames, with a random publication date. Each case
// knows every date a perfect extractor returns (span, ISO value at the
// precision the text gives, qualifier: gold/FORMAT.md) and nothing else.
//
//   std::mt19937_64 rng(20261220);
//   gen::DateCase c = gen::GenerateDateFormCase(rng, "range");
//   std::string why = gen::CheckDateCase(c, ctx);   // date_gen.h
//
// Families (DateCase::style, before the first '/'):
//   count      三天后, 5天前, 廿八天前, 两天之前: a day counted from the
//              publication date (days only: N周前, N个月后, N年前 are
//              lengths, see not_date; N日后 is as often 'after the Nth')
//   part       年初, 年底, 月初, 月底 alone; 本月上旬/中旬/下旬; 本季度,
//              今年第三季度, 上半年: the year or month they are part of
//   weekday    周三, 星期三, 礼拜三 (禮拜三), 下周一 (下週一), 上周五, 上上周日,
//              下下个星期二: the publication date's week (Monday first)
//   range      3月5日至7日, 3月5日到3月7日, 2023年至2025年, 从2023年到2025年,
//              2024年5至7月, 2024年3月—5月, 2024年3月5日至4月7日: both ends,
//              no qualifier (至 and 到 join a range, they are no 'by')
//   roc        民國113年, 113年3月7日, 一一三年, 民國一一三年三月七日,
//              113年度 (Traditional-script text only)
//   numeric    2024/3/7, 2024-03-07, 2024.3.7 (also full-width), 25/12/2024
//              (one reading only), 3/17（五）, 6/8（周一） (month or day first:
//              the reading the weekday agrees with near the publication date)
//   time       7日上午10时, 3月7日下午3时30分, 2024年3月7日10时, 今天上午10点:
//              the date (with its part of the day), not the clock time
//   sample     classes of the hand-checked real-news sample (seed 20261220):
//              见到10月3日, 押后至6月8日 (到/至 ending a verb: no 'by'),
//              2008年的9月, 截至9月底 (by), 周一晚上 (the time of day in the
//              span), 星期六日 'weekends' and 距今约2500年 (no date), 周六日本 (周六),
//              附近20日 (a place word, not 近 'nearly'), 降至2014年以来 (after),
//              声明早已 (no 明早)
//   list       days or months that share one 月 or 日 written once (11月29、30日,
//              1月17和18日, 2024年3月5、6、7日, 3月5日、6日及7日, 2015年8、9月): each
//              item a date of the month and year the list names first, not of the
//              publication date (scripts/uncovered_numerals.py, 3,000 records: 25 lists);
//              two or three items (a fourth is left to date.day); two years
//              joined by a dash with no 年 ((1910-1945), 1997—2017)
//   not_date   今天的中国 'nowadays', 十年 and 两年前 (lengths), 3.7 a number,
//              2024 as a quantity (2024人), 3/7 (March 7 or a fraction)
//
// Used by tests/unit/date_forms_test.cc (fixed seed, in ctest).
#pragma once

#include <string>
#include <vector>

#include "tests/unit/date_gen.h"

namespace newskb {
namespace gen {

class DateFormGen {
 public:
  explicit DateFormGen(std::mt19937_64& rng) : g_(rng) {}

  static const std::vector<std::string>& Families() {
    static const std::vector<std::string> k = {"count", "part", "weekday", "range", "roc", "numeric", "time", "sample", "list", "not_date", "fiscal"};
    return k;
  }

  DateCase Make(const std::string& family) {
    DateCase c;
    y_ = g_.Int(2016, 2026);
    m_ = g_.Int(1, 12);
    d_ = g_.Int(1, DaysIn(y_, m_));
    today_ = DayNumber(y_, m_, d_);
    c.published = Iso(y_, m_, d_);
    trad_ = family == "roc" || g_.Coin();
    std::vector<Piece> p;
    std::string style;
    if (family == "count") style = Count(&p);
    else if (family == "part") style = Part(&p);
    else if (family == "weekday") style = Weekday(&p);
    else if (family == "range") style = Range(&p);
    else if (family == "roc") style = Roc(&p);
    else if (family == "numeric") style = Numeric(&p);
    else if (family == "time") style = Time(&p);
    else if (family == "sample") style = Sample(&p);
    else if (family == "list") style = List(&p);
    else if (family == "fiscal") style = Fiscal(&p);
    else style = NotDate(&p);
    static const std::pair<const char*, const char*> kFrames[] = {
        {"据报道，", "，相关部门表示将继续跟进。"}, {"公司称，", "，业绩符合预期。"},
        {"", "，市场反应平淡。"},                   {"消息人士透露，", "，会议将讨论预算。"},
        {"记者获悉，", "，有关方面正在核实。"},     {"他指出，", "，情况已有改善。"},
        {"该机构表示，", "。"},                     {"官员说，", "，细节尚未公布。"},
    };
    const auto& f = kFrames[g_.Int(0, 7)];
    std::vector<Piece> all;
    // Traditional-script text long enough for the script to be told (113年 is an ROC year only there).
    if (trad_) all.push_back(T("该公司说，经济会议称为历史纪录，这项计划预计于东亚实现。"));
    all.push_back(T(f.first));
    for (Piece& x : p) all.push_back(x);
    all.push_back(T(f.second));
    AppendPieces(all, [&](const std::string& t) { return trad_ ? FormTrad(t) : t; }, &c);
    c.style = style + (trad_ ? "/trad" : "/simp");
    return c;
  }

 private:
  static Piece D(std::string text, std::string value, std::string qual = "") {
    return DatePiece(std::move(text), std::move(value), std::move(qual));
  }
  static Piece T(std::string text) { return TextPiece(std::move(text)); }

  static std::string FormTrad(const std::string& s) {
    static const std::pair<const char*, const char*> kMap[] = {{"礼", "禮"}, {"两", "兩"}, {"点", "點"}, {"时", "時"},
                                                               {"见", "見"}, {"后", "後"}, {"现", "現"}, {"罗", "羅"}};
    return MapChars(DateTrad(s), kMap);
  }

  // A number of days, months or a day of the month in one of the three styles.
  std::string Num(int n, int style) { return PartText(g_, n, style); }
  int Style() { return g_.Int(0, 2); }

  std::string Count(std::vector<Piece>* p) {
    int n = g_.Int(1, 30);
    int st = Style();
    std::string num = Num(n, st);
    if (n == 2 && st == 2 && g_.Coin()) num = "两";
    bool after = g_.Coin();
    // N日后 is left out: 二十二日之后 is as often 'after the 22nd' as 'in 22 days'.
    std::string unit = "天";
    std::string dir = after ? g_.Pick(std::vector<std::string>{"后", "以后", "之后"})
                            : g_.Pick(std::vector<std::string>{"前", "以前", "之前"});
    p->push_back(T(after ? "会议将于" : "他在"));
    p->push_back(D(num + unit + dir, IsoOfDay(today_ + (after ? n : -n))));
    p->push_back(T(after ? "举行" : "宣布"));
    return "count/" + std::string(unit == "日" ? "ri" : "tian") + (st == 0 ? "/arabic" : st == 1 ? "/fw" : "/cn");
  }

  std::string Part(std::vector<Piece>* p) {
    switch (g_.Int(0, 4)) {
      case 0: {
        std::string w = g_.Pick(std::vector<std::string>{"年初", "年底", "年末"});
        p->push_back(T("预计"));
        p->push_back(D(w, Iso(y_)));
        p->push_back(T("完成"));
        return "part/year_end";
      }
      case 1: {
        std::string w = g_.Pick(std::vector<std::string>{"月初", "月底", "月末"});
        p->push_back(T("预计"));
        p->push_back(D(w, Iso(y_, m_)));
        p->push_back(T("完成"));
        return "part/month_end";
      }
      case 2: {
        std::string w = g_.Pick(std::vector<std::string>{"上旬", "中旬", "下旬"});
        p->push_back(D("本月" + w, Iso(y_, m_)));
        p->push_back(T("将公布"));
        return "part/ten_days";
      }
      case 3: {
        std::string w = g_.Pick(std::vector<std::string>{"本季度", "今年第三季度", "今年第一季度", "今年二季度"});
        p->push_back(D(w, Iso(y_)));
        p->push_back(T("营收增长"));
        return "part/quarter";
      }
      default: {
        std::string w = g_.Pick(std::vector<std::string>{"上半年", "下半年", "今年上半年"});
        p->push_back(D(w, Iso(y_)));
        p->push_back(T("营收增长"));
        return "part/half";
      }
    }
  }

  std::string Weekday(std::vector<Piece>* p) {
    static const char* kWd[] = {"", "一", "二", "三", "四", "五", "六", "日"};
    int wd = g_.Int(1, 7);
    std::string word = g_.Pick(std::vector<std::string>{"周", "星期", "礼拜"});
    std::string wch = kWd[wd];
    int pub_wd = WeekdayOf(today_);
    static const std::pair<const char*, int> kRel[] = {{"上", -1}, {"下", 1}, {"上上", -2}, {"下下个", 2}, {"本", 0}};
    if (g_.Coin(0.4)) {
      int diff = wd - pub_wd;
      if (diff > 3) diff -= 7;
      if (diff < -3) diff += 7;
      p->push_back(D(word + wch, IsoOfDay(today_ + diff)));
      p->push_back(T("将举行会议"));
      return "weekday/alone/" + word;
    }
    const auto& r = kRel[g_.Int(0, 4)];
    p->push_back(D(r.first + word + wch, IsoOfDay(today_ - (pub_wd - 1) + 7L * r.second + (wd - 1))));
    p->push_back(T("举行会议"));
    return "weekday/relative/" + word;
  }

  std::string List(std::vector<Piece>* p) {
    std::string ys;
    int y = g_.Int(1995, 2030);
    std::string yt = YearText(g_, y, &ys);
    int st = ys.find("cn") != std::string::npos ? 2 : (ys.find("fw") != std::string::npos ? 1 : 0);
    // Without a year the list is in the publication year, a month or two before
    // its date (a month and day alone are read nearest the publication date).
    bool with_year = m_ < 3 || g_.Coin(0.6);
    int year = with_year ? y : y_;
    std::string lead = with_year ? yt + "年" : "";
    int n = g_.Int(2, 3);
    auto join = [&]() { return g_.Pick(std::vector<std::string>{"、", "、", "和", "及", "与"}); };
    std::string last_join = join();
    if (g_.Int(0, 3) == 0) {  // two years joined by a dash, no 年: 日本佔領朝鮮半島 (1910-1945) 期間
      int a = g_.Int(1900, 2090), b = g_.Int(a + 1, std::min(2099, a + 80));
      std::string dash = g_.Pick(std::vector<std::string>{"-", "—", "～", "－"});
      bool bracket = g_.Coin();
      p->push_back(T(bracket ? "该计划（" : "展览“"));
      p->push_back(D(std::to_string(a), Iso(a)));
      p->push_back(T(dash));
      p->push_back(D(std::to_string(b), Iso(b)));
      p->push_back(T(bracket ? "）期间实施" : "”开幕"));
      return "list/year_pair";
    }
    p->push_back(T(g_.Pick(std::vector<std::string>{"活动将于", "双方在", "他们于"})));
    if (g_.Int(0, 2) == 0) {  // months: 2015年8、9月
      int m = with_year ? g_.Int(1, 12 - n + 1) : g_.Int(1, m_ - n + 1 > 0 ? m_ - n + 1 : 1);
      for (int i = 0; i < n; ++i) {
        if (i > 0) p->push_back(T(i == n - 1 ? last_join : "、"));
        std::string t = (i == 0 ? lead : "") + Num(m + i, st) + (i == n - 1 ? "月" : "");
        p->push_back(D(t, Iso(year, m + i)));
      }
      p->push_back(T("举行会谈"));
      return "list/months/" + std::to_string(n) + (with_year ? ys : "/no_year");
    }
    int m = with_year ? g_.Int(1, 12) : g_.Int(m_ - 2, m_ - 1);
    int d = g_.Int(1, DaysIn(year, m) - n + 1);
    bool each_ri = g_.Coin();  // 3月5日、6日和7日 or 3月5、6、7日
    for (int i = 0; i < n; ++i) {
      if (i > 0) p->push_back(T(i == n - 1 ? last_join : "、"));
      std::string t = (i == 0 ? lead + Num(m, st) + "月" : "") + Num(d + i, st) + (each_ri || i == n - 1 ? "日" : "");
      p->push_back(D(t, Iso(year, m, d + i)));
    }
    p->push_back(T("举行会谈"));
    return std::string("list/days/") + (each_ri ? "each_ri/" : "one_ri/") + std::to_string(n) +
           (with_year ? ys : "/no_year");
  }

  std::string Range(std::vector<Piece>* p) {
    std::string ys;
    int y = g_.Int(1995, 2030);
    std::string yt = YearText(g_, y, &ys);
    int st = ys.find("cn") != std::string::npos ? 2 : (ys.find("fw") != std::string::npos ? 1 : 0);
    int m = g_.Int(1, 11);
    std::string sep = g_.Pick(std::vector<std::string>{"至", "到"});
    switch (g_.Int(0, 5)) {
      case 0: {  // 3月5日至7日
        int a = g_.Int(1, 20), b = g_.Int(a + 1, 28);
        p->push_back(D(yt + "年" + Num(m, st) + "月" + Num(a, st) + "日", Iso(y, m, a)));
        p->push_back(T(sep));
        p->push_back(D(Num(b, st) + "日", Iso(y, m, b)));
        p->push_back(T("举行"));
        return "range/days" + ys;
      }
      case 1: {  // 3月5日到3月7日
        int a = g_.Int(1, 20), b = g_.Int(a + 1, 28);
        p->push_back(D(yt + "年" + Num(m, st) + "月" + Num(a, st) + "日", Iso(y, m, a)));
        p->push_back(T(sep));
        p->push_back(D(Num(m, st) + "月" + Num(b, st) + "日", Iso(y, m, b)));
        p->push_back(T("举行"));
        return "range/month_days" + ys;
      }
      case 2: {  // 2023年至2025年, 从2023年到2025年
        int b = y + g_.Int(1, 8);
        std::string ys2;
        std::string yt2 = YearText(g_, b, &ys2);
        bool from = g_.Coin();
        if (from) p->push_back(T("从"));
        p->push_back(D(yt + "年", Iso(y)));
        p->push_back(T(sep));
        p->push_back(D(yt2 + "年", Iso(b)));
        p->push_back(T(from ? "，销量持续增长" : "期间"));
        return "range/years" + ys;
      }
      case 3: {  // 2024年5至7月
        int b = g_.Int(m + 1, 12);
        p->push_back(D(yt + "年" + Num(m, st), Iso(y, m)));
        p->push_back(T(sep));
        p->push_back(D(Num(b, st) + "月", Iso(y, b)));
        p->push_back(T("的销量"));
        return "range/months" + ys;
      }
      case 4: {  // 2024年3月—5月
        int b = g_.Int(m + 1, 12);
        std::string dash = g_.Pick(std::vector<std::string>{"—", "至", "到", "-"});
        p->push_back(D(yt + "年" + Num(m, st) + "月", Iso(y, m)));
        p->push_back(T(dash));
        p->push_back(D(Num(b, st) + "月", Iso(y, b)));
        p->push_back(T("展出"));
        return "range/month_month" + ys;
      }
      default: {  // 2024年3月5日至4月7日
        int b = g_.Int(m + 1, 12), a = g_.Int(1, 28), e = g_.Int(1, 28);
        p->push_back(D(yt + "年" + Num(m, st) + "月" + Num(a, st) + "日", Iso(y, m, a)));
        p->push_back(T(sep));
        p->push_back(D(Num(b, st) + "月" + Num(e, st) + "日", Iso(y, b, e)));
        p->push_back(T("举行"));
        return "range/day_day" + ys;
      }
    }
  }

  // 113 as 一一三, 100 as 一〇〇 (or 一零零): ROC years in Chinese digits.
  std::string RocDigits(int n) {
    static const char* kD[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    bool ling = g_.Coin(0.3);
    std::string out;
    for (char c : std::to_string(n)) out += (c == '0' && ling) ? "零" : kD[c - '0'];
    return out;
  }

  std::string Roc(std::vector<Piece>* p) {
    int n = g_.Int(100, 115), y = 1911 + n;
    bool cn = g_.Coin();
    std::string yt = cn ? RocDigits(n) : std::to_string(n);
    std::string dig = cn ? "/cn" : "/arabic";
    p->push_back(T("政府预计于"));
    switch (g_.Int(0, 3)) {
      case 0:
        p->push_back(D("民国" + yt + "年", Iso(y)));
        p->push_back(T("公布"));
        return "roc/era" + dig;
      case 1:
        p->push_back(D(yt + "年", Iso(y)));
        p->push_back(T("公布"));
        return "roc/bare" + dig;
      case 2: {
        int mo = g_.Int(1, 12), dd = g_.Int(1, DaysIn(y, mo));
        int st = cn ? 2 : 0;
        std::string era = g_.Coin() ? "民国" : "";
        p->push_back(D(era + yt + "年" + Num(mo, st) + "月" + Num(dd, st) + "日", Iso(y, mo, dd)));
        p->push_back(T("公布"));
        return "roc/day" + dig;
      }
      default:
        p->push_back(D(yt + "年度", Iso(y)));
        p->push_back(T("预算案"));
        return "roc/fiscal" + dig;
    }
  }

  // Whether the day z written with month and day swapped is a date, on the
  // same weekday, in the year before, of or after the publication, and at
  // least as near the publication date: newskb reads the nearer, so such a
  // text has no one right answer.
  bool OtherReadingNearer(long z) const {
    std::string iso = IsoOfDay(z);
    int mo = std::atoi(iso.substr(8, 2).c_str()), dd = std::atoi(iso.substr(5, 2).c_str());
    if (mo > 12 || mo == dd) return false;
    for (int y = y_ - 1; y <= y_ + 1; ++y) {
      if (dd > DaysIn(y, mo)) continue;
      long o = DayNumber(y, mo, dd);
      if (WeekdayOf(o) == WeekdayOf(z) && std::labs(o - today_) <= std::labs(z - today_)) return true;
    }
    return false;
  }

  std::string Numeric(std::vector<Piece>* p) {
    int y = g_.Int(1995, 2030), mo = g_.Int(1, 12), dd = g_.Int(1, DaysIn(y, mo));
    bool fw = g_.Coin(0.25);
    auto w = [&](const std::string& s) { return fw ? FullWidth(s) : s; };
    std::string t, style;
    if (g_.Coin(0.2)) {  // 3/17（五）: a month/day with its weekday, near the publication date
      static const char* kWd[] = {"", "一", "二", "三", "四", "五", "六", "日"};
      bool full = g_.Coin(), day_first = g_.Coin(0.3);  // 6/8（周一）: Hong Kong writes the day first
      long z = today_ + g_.Int(-20, 20);
      while (OtherReadingNearer(z)) z = today_ + g_.Int(-20, 20);  // 2/3(一) is also 2 March: truly ambiguous
      std::string iso = IsoOfDay(z);
      std::string wd = std::string(g_.Pick(std::vector<std::string>{"", "周", "星期"})) + kWd[WeekdayOf(z)];
      std::string mo_s = std::to_string(std::atoi(iso.substr(5, 2).c_str())), d_s = std::to_string(std::atoi(iso.substr(8, 2).c_str()));
      t = (day_first ? d_s + "/" + mo_s : mo_s + "/" + d_s) + (full ? "（" : "(") + wd + (full ? "）" : ")");
      p->push_back(T("展览将于"));
      p->push_back(D(t, iso));
      p->push_back(T("开幕"));
      return day_first ? "numeric/dm_weekday" : "numeric/md_weekday";
    }
    switch (g_.Int(0, 3)) {
      case 0: t = std::to_string(y) + "/" + std::to_string(mo) + "/" + std::to_string(dd); style = "slash"; break;
      case 1: {
        char b[16];
        std::snprintf(b, sizeof b, "%04d-%02d-%02d", y, mo, dd);
        t = b;
        style = "iso";
        break;
      }
      case 2: t = std::to_string(y) + "." + std::to_string(mo) + "." + std::to_string(dd); style = "dot"; break;
      default:
        dd = g_.Int(13, DaysIn(y, mo));  // only one reading: day first
        t = std::to_string(dd) + "/" + std::to_string(mo) + "/" + std::to_string(y);
        style = "dmy";
        break;
    }
    if (fw && style != "iso") t = w(t);
    p->push_back(T("该公告于"));
    p->push_back(D(t, Iso(y, mo, dd)));
    p->push_back(T("发布"));
    return "numeric/" + style + (fw && style != "iso" ? "/fw" : "");
  }

  std::string Time(std::vector<Piece>* p) {
    int st = Style();
    int h = g_.Int(1, 11), mi = g_.Int(1, 59);
    std::string tod = g_.Pick(std::vector<std::string>{"上午", "下午", "晚上", ""});
    std::string clock = Num(h, st) + g_.Pick(std::vector<std::string>{"时", "点"}) + (g_.Coin() ? Num(mi, st) + "分" : "");
    switch (g_.Int(0, 2)) {
      case 0: {
        int dd = g_.Int(1, d_);  // a bare day after the publication day is last month's
        p->push_back(D(Num(dd, st) + "日" + tod, Iso(y_, m_, dd)));
        p->push_back(T(clock + "举行"));
        return "time/day";
      }
      case 1: {
        int y = g_.Int(1995, 2030), mo = g_.Int(1, 12), dd = g_.Int(1, DaysIn(y, mo));
        std::string ys;
        std::string yt = YearText(g_, y, &ys);
        int s2 = ys.find("cn") != std::string::npos ? 2 : (ys.find("fw") != std::string::npos ? 1 : 0);
        p->push_back(D(yt + "年" + Num(mo, s2) + "月" + Num(dd, s2) + "日" + tod, Iso(y, mo, dd)));
        p->push_back(T(Num(h, s2) + "时举行"));
        return "time/ymd" + ys;
      }
      default: {
        static const std::pair<const char*, int> kDays[] = {{"今天", 0}, {"明天", 1}, {"昨天", -1}};
        const auto& r = kDays[g_.Int(0, 2)];
        p->push_back(D(r.first + tod, IsoOfDay(today_ + r.second)));
        p->push_back(T(clock + "举行"));
        return "time/rel_day";
      }
    }
  }

  std::string Sample(std::vector<Piece>* p) {
    int st = Style();
    int mo = g_.Int(1, m_), dd = g_.Int(1, mo == m_ ? d_ : DaysIn(y_, mo));  // a past month-day of this year
    std::string md = Num(mo, st) + "月" + Num(dd, st) + "日";
    switch (g_.Int(0, 7)) {
      case 0: {
        std::string v = g_.Pick(std::vector<std::string>{"见到", "看到", "收到", "提到", "押后至", "延至", "推迟至", "押后到"});
        p->push_back(T("他" + v));
        p->push_back(D(md, Iso(y_, mo, dd)));
        p->push_back(T("的情况"));
        return "sample/verb_to";
      }
      case 1: {
        int y = g_.Int(1995, 2030), m = g_.Int(1, 12);
        std::string ys;
        std::string yt = YearText(g_, y, &ys);
        p->push_back(T("公司在"));
        p->push_back(D(yt + "年的" + Num(m, st) + "月", Iso(y, m)));
        p->push_back(T("倒闭"));
        return "sample/year_of_month" + ys;
      }
      case 2:
        p->push_back(D(g_.Pick(std::vector<std::string>{"截至", "截止", "直到"}) + Num(mo, st) + "月底", Iso(y_, mo), "by"));
        p->push_back(T("，基金余额增加"));
        return "sample/by_month_end";
      case 3: {
        static const char* kWd[] = {"", "一", "二", "三", "四", "五", "六", "日"};
        int wd = g_.Int(1, 7), diff = wd - WeekdayOf(today_);
        if (diff > 3) diff -= 7;
        if (diff < -3) diff += 7;
        std::string tod = g_.Pick(std::vector<std::string>{"晚上", "上午", "下午", "凌晨", "晚"});
        p->push_back(D(g_.Pick(std::vector<std::string>{"周", "星期", "礼拜"}) + kWd[wd] + tod, IsoOfDay(today_ + diff)));
        p->push_back(T("到警署报到"));
        return "sample/weekday_tod";
      }
      case 4: {
        if (g_.Coin()) {  // 周六日本: Saturday, then 日本
          int diff = 6 - WeekdayOf(today_);
          if (diff > 3) diff -= 7;
          if (diff < -3) diff += 7;
          p->push_back(D("周六", IsoOfDay(today_ + diff)));
          p->push_back(T("日本首相抵达北京"));
          return "sample/saturday_japan";
        }
        p->push_back(T("兴趣班安排在" + g_.Pick(std::vector<std::string>{"星期六日", "周六日", "礼拜六日"}) + "、尽量避免"));
        return "sample/weekend";
      }
      case 5: {  // 附近20日: a place word ending in 近, not 近 'nearly'
        int day = g_.Int(1, d_);
        p->push_back(T(g_.Pick(std::vector<std::string>{"边境", "定居点", "港口", "车站"}) +
                       g_.Pick(std::vector<std::string>{"附近", "靠近"})));
        p->push_back(D(std::to_string(day) + "日", Iso(y_, m_, day)));
        p->push_back(T("发生事故"));
        return "sample/near_place";
      }
      case 6: {  // 降至2014年以来: 至 ends a verb of level; 声明早已 holds no 明早
        if (g_.Coin()) {
          p->push_back(T("该声明早已失效"));
          return "sample/statement_already";
        }
        int y = g_.Int(1995, y_);
        std::string ys;
        std::string yt = YearText(g_, y, &ys);
        p->push_back(T("消费者信心指数" + g_.Pick(std::vector<std::string>{"降至", "跌至", "升至", "回落至"})));
        p->push_back(D(yt + "年以来", Iso(y), "after"));
        p->push_back(T("最低"));
        return "sample/level_since" + ys;
      }
      default:
        p->push_back(T("距今" + g_.Pick(std::vector<std::string>{"约", "", "已有"}) + std::to_string(g_.Int(1000, 9000)) +
                       "年的古城遗址"));
        return "sample/ago";
    }
  }

  // A fiscal year named by its year with no 年 (2020会计年度, 2021财年,
  // 截至2019财政年度): the year, with 截至's qualifier.
  std::string Fiscal(std::vector<Piece>* p) {
    int y = g_.Int(1995, 2030);
    std::string word = g_.Pick(std::vector<std::string>{"会计年度", "财政年度", "财年"});
    bool by = g_.Coin(0.3);
    p->push_back(T(g_.Pick(std::vector<std::string>{"该公司", "集团在", "惠普"})));
    p->push_back(D((by ? "截至" : "") + std::to_string(y) + word, Iso(y), by ? "by" : ""));
    p->push_back(T(g_.Pick(std::vector<std::string>{"营收增长", "的净利润下滑", "录得亏损"})));
    return std::string("fiscal/") + word + (by ? "/by" : "");
  }

  std::string NotDate(std::vector<Piece>* p) {
    static const std::vector<std::string> k = {
        "今天的中国已经不同", "今天的年轻人更重视", "十年来变化很大", "两年前的做法",  "三个月后的情况",
        "他用了十年", "增长3.7个百分点", "共有2024人参加", "生产了2024辆", "占3/7的比例", "两周前的计划", "过去三年"};
    std::string w = g_.Pick(k);
    p->push_back(T(w));
    return "not_date/word";
  }

  Gen g_;
  bool trad_ = false;
  int y_ = 0, m_ = 0, d_ = 0;
  long today_ = 0;
};

inline DateCase GenerateDateFormCase(std::mt19937_64& rng, const std::string& family) {
  return DateFormGen(rng).Make(family);
}

}  // namespace gen
}  // namespace newskb
