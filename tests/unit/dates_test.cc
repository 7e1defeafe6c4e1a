// Tests for extractors/dates: text + publication date -> dates (text,
// ISO value, qualifier); relative dates in undated articles keep an empty
// value with a note; non-dates give nothing.

#include "extractors/dates/dates.h"
#include "tests/unit/date_fixture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newskb {
namespace {

using testing_dates::DateFixture;

const DateFixture& F() { return testing_dates::SharedDateFixture(); }

struct Case {
  const char* input;
  const char* pub;
  const char* text;   // expected mention text ("" = none)
  const char* value;  // ISO ("" = unresolved)
  const char* qualifier;
};

TEST(Dates, Table) {
  const Case kCases[] = {
      {"2026年2月2日，美國總統宣布", "", "2026年2月2日", "2026-02-02", ""},
      {"日期是2026-02-02", "", "2026-02-02", "2026-02-02", ""},
      {"日期是2026/2/2", "", "2026/2/2", "2026-02-02", ""},
      {"2月2日，白宮宣佈", "2026-02-18", "2月2日", "2026-02-02", ""},
      {"2月2日，白宮宣佈", "", "2月2日", "", ""},
      {"特朗普政府2025年4月發動貿易戰", "", "2025年4月", "2025-04", ""},
      {"2025年", "", "2025年", "2025", ""},
      {"二〇二六年二月二日", "", "二〇二六年二月二日", "2026-02-02", ""},
      {"民國115年", "", "民國115年", "2026", ""},
      {"去年10月，中美貿易休戰", "2026-02-18", "去年10月", "2025-10", ""},
      {"今年將加速", "2026-02-25", "今年", "2026", ""},
      {"明年將加速", "2026-02-25", "明年", "2027", ""},
      {"上個月宣布", "2026-02-25", "上個月", "2026-01", ""},
      {"本月早些時候", "2026-02-18", "本月", "2026-02", ""},
      {"川普週二(8日)表示", "2022-02-10", "週二(8日)", "2022-02-08", ""},
      {"他8日表示", "2026-02-18", "8日", "2026-02-08", ""},
      {"2030年前將實現", "", "2030年前", "2030", "before"},
      {"2030年之前", "", "2030年之前", "2030", "before"},
      {"2018年以來", "", "2018年以來", "2018", "after"},
      {"從2015年起", "", "2015年起", "2015", "after"},
      {"到2035年", "", "到2035年", "2035", "by"},
      {"2035年為止", "", "2035年為止", "2035", "by"},
      {"高盛2月也指稱", "2026-02-25", "2月", "2026-02", ""},
      {"康熙20年9月", "", "康熙20年9月", "1681-09", ""},
      {"马拉松在下下周日举行", "2024-11-15", "下下周日", "2024-12-01", ""},
      {"後天你有空吗", "2018-09-18", "後天", "2018-09-20", ""},
      // 今年 before a half of the year is still this year; 今年内 is by its end.
      {"第二批指标将于今年下半年下达", "2026-01-20", "今年下半年", "2026", ""},
      {"在今年内完成", "2026-02-03", "今年内", "2026", "by"},
      // 在 carries no qualifier: it stays outside the span, any date after it.
      {"他在2010年加入", "", "2010年", "2010", ""},
      {"滙控是在 去年8月3日啟動回購", "2017-07-31", "去年8月3日", "2016-08-03", ""},
      // 今年前两个月 is the first two months of this year, not "before this year".
      {"今年前两个月，出口增长", "2026-04-01", "今年前两个月", "2026", ""},
      {"去年前10個月", "2026-04-01", "去年前10個月", "2025", ""},
      // 约 before a day is "about", but 合约 is a contract.
      {"期货主力合约9日再度涨停", "2026-02-09", "9日", "2026-02-09", ""},
  };
  for (const Case& c : kCases) {
    std::vector<Mention> got = F().Run(c.input, c.pub);
    ASSERT_EQ(got.size(), 1u) << c.input;
    EXPECT_EQ(got[0].text, c.text) << c.input;
    EXPECT_EQ(got[0].date_value, c.value) << c.input;
    EXPECT_EQ(got[0].qualifier, c.qualifier) << c.input;
    if (got[0].date_value.empty()) EXPECT_FALSE(got[0].note.empty()) << c.input;
  }
}

// A month or day with no year of its own takes the year the same sentence
// named before it, not the publication date's; a new sentence starts afresh.
TEST(Dates, MonthTakesTheYearItsSentenceNamed) {
  auto values = [](const std::string& text, const std::string& pub) {
    std::string out;
    for (const Mention& m : F().Run(text, pub)) out += (out.empty() ? "" : " ") + m.date_value;
    return out;
  };
  EXPECT_EQ(values("三人被控在2014年9月27日及9月28日在添美道煽惑他人。", "2017-03-01"), "2014-09-27 2014-09-28");
  EXPECT_EQ(values("19年9月，Ben到英國交流，11月中大保衛戰打得激烈。", "2021-02-03"), "2019-09 2019-11");
  EXPECT_EQ(values("去年10月開始籌備，12月完成。", "2021-02-03"), "2020-10 2020-12");
  EXPECT_EQ(values("遴選委員會2013年7月組成。10月校委會決定人選。", "2017-03-01"), "2013-07 2016-10");
}

TEST(Dates, NotDates) {
  const char* kNone[] = {"未來十年", "過去數十年", "1990年代", "六個月", "2月30日", "2019年2月29日",
                         "今日头条的总部", "10日元", "30日內完成", "上周", "十年", "長達16年", "历时约9日"};
  for (const char* s : kNone) {
    std::vector<Mention> got = F().Run(s, "2020-03-22");
    EXPECT_TRUE(got.empty()) << s << " gives " << (got.empty() ? "" : got[0].text);
  }
}

}  // namespace
}  // namespace newskb
