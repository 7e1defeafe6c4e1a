// Tests for extractors/figures: each case is a text, its publication date
// and the figures expected (text, value or low/high, unit, qualifier);
// precision cases expect no figure. Also the script detection that picks
// CNY or CUR? for a bare 元.

#include "extractors/figures/figures.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

struct Fixture {
  std::shared_ptr<const Normalizer> norm = Normalizer::Create().value();
  std::unique_ptr<Extractor> ex;
  Fixture() {
    auto r = MakeFigureExtractor(kRulesDir, norm);
    if (r.ok()) ex = std::move(r).value();
    else ADD_FAILURE() << r.status().message();
  }
  std::vector<Mention> Run(const std::string& text) const {
    Document doc;
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> out;
    if (ex) ex->Extract(doc, nt, &out);
    for (const Mention& m : out) {
      EXPECT_EQ(m.text, std::string(nt.BodyText(text, m.start, m.end)));
    }
    return out;
  }
};

const Fixture& F() {
  static Fixture* f = new Fixture();
  return *f;
}

struct Want {
  const char* text;
  double value;  // NAN: range
  double low, high;
  const char* unit;
  const char* qualifier;
};

struct Case {
  const char* input;
  std::vector<Want> want;
};

bool Close(double a, double b) { return std::fabs(a - b) <= 0.005 * std::max(std::fabs(a), std::fabs(b)); }

void Check(const Case& c) {
  std::vector<Mention> got = F().Run(c.input);
  ASSERT_EQ(got.size(), c.want.size()) << c.input << (got.empty() ? "" : " first: " + got[0].text);
  for (size_t i = 0; i < got.size(); ++i) {
    const Want& w = c.want[i];
    const Mention& m = got[i];
    EXPECT_EQ(m.text, w.text) << c.input;
    if (std::isnan(w.value)) {
      ASSERT_TRUE(m.low && m.high) << c.input;
      EXPECT_TRUE(Close(*m.low, w.low) && Close(*m.high, w.high)) << c.input;
    } else {
      ASSERT_TRUE(m.value.has_value()) << c.input;
      EXPECT_TRUE(Close(*m.value, w.value)) << c.input << ": " << *m.value << " vs " << w.value;
    }
    EXPECT_EQ(m.unit, w.unit) << c.input;
    EXPECT_EQ(m.qualifier, w.qualifier) << c.input;
  }
}

const double R = NAN;

TEST(Figures, Money) {
  const Case kCases[] = {
      {"手段包括120億美元的關鍵礦產戰略儲備計劃", {{"120億美元", 12e9, 0, 0, "USD", ""}}},
      {"白宮還宣佈提供超過300億美元的投資", {{"超過300億美元", 3e10, 0, 0, "USD", "more_than"}}},
      {"以及近20億美元的私營部門投資", {{"近20億美元", 2e9, 0, 0, "USD", "approx"}}},
      {"投資約1.72億美元", {{"約1.72億美元", 1.72e8, 0, 0, "USD", "approx"}}},
      {"超過1.5億美元", {{"超過1.5億美元", 1.5e8, 0, 0, "USD", "more_than"}}},
      {"奖池金额攀升至36.57亿元", {{"36.57亿元", 3.657e9, 0, 0, "CNY", ""}}},
      {"該公司獲得政府補助6億元，用於興建廠房與購買設備", {{"6億元", 6e8, 0, 0, "CUR?", ""}}},
      {"並獲得8000多萬資金挹注，擴大產能與研發", {{"8000多萬", 8e7, 0, 0, "CUR?", "more_than"}}},
      {"东芝重组另需1万亿日元", {{"1万亿日元", 1e12, 0, 0, "JPY", ""}}},
      {"1.5兆韓圜", {{"1.5兆韓圜", 1.5e12, 0, 0, "KRW", ""}}},
      {"10億歐元", {{"10億歐元", 1e9, 0, 0, "EUR", ""}}},
      {"3000萬英鎊", {{"3000萬英鎊", 3e7, 0, 0, "GBP", ""}}},
      {"20億澳幣", {{"20億澳幣", 2e9, 0, 0, "AUD", ""}}},
      {"5億港幣", {{"5億港幣", 5e8, 0, 0, "HKD", ""}}},
      {"售價US$1,200", {{"US$1,200", 1200, 0, 0, "USD", ""}}},
      {"約NT$3億", {{"約NT$3億", 3e8, 0, 0, "TWD", "approx"}}},
      {"這台電腦兩美元又三美分", {{"兩美元又三美分", 2.03, 0, 0, "USD", ""}}},
      {"50元6角三分", {{"50元6角三分", 50.63, 0, 0, "CNY", ""}}},
      {"人民币 8千元", {{"人民币 8千元", 8000, 0, 0, "CNY", ""}}},
      {"價格底線為每公斤110美元", {{"每公斤110美元", 110, 0, 0, "USD/kg", ""}}},
      {"110美元/公斤", {{"110美元/公斤", 110, 0, 0, "USD/kg", ""}}},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(Figures, PercentMassDurationCount) {
  const Case kCases[] = {
      {"中國控制着全球60%的稀土開採和90%的精煉產量",
       {{"60%", 60, 0, 0, "%", ""}, {"90%", 90, 0, 0, "%", ""}}},
      {"預計將提高30%到50%", {{"30%到50%", R, 30, 50, "%", ""}}},
      {"成長30-50%", {{"30-50%", R, 30, 50, "%", ""}}},
      {"佔比從90%降至約60%", {{"90%", 90, 0, 0, "%", ""}, {"約60%", 60, 0, 0, "%", "approx"}}},
      {"百分之六十", {{"百分之六十", 60, 0, 0, "%", ""}}},
      {"三成", {{"三成", 30, 0, 0, "%", ""}}},
      {"打九折", {{"九折", 90, 0, 0, "%", ""}}},
      {"上升六個百分點", {{"六個百分點", 6, 0, 0, "%", ""}}},
      {"佔全球產量超過一半", {{"超過一半", 50, 0, 0, "%", "more_than"}}},
      {"產能約4萬5千公噸", {{"約4萬5千公噸", 45000, 0, 0, "t", "approx"}}},
      {"日均20万公斤", {{"20万公斤", 2e5, 0, 0, "kg", ""}}},
      {"還面臨長達十年的艱鉅挑戰", {{"長達十年", 10, 0, 0, "year", ""}}},
      {"在過去六個月裏", {{"六個月", 6, 0, 0, "month", ""}}},
      {"足夠45天的需求", {{"45天", 45, 0, 0, "day", ""}}},
      {"需要16年左右", {{"16年左右", 16, 0, 0, "year", "approx"}}},
      {"五年內就能投產", {{"五年內", 5, 0, 0, "year", "at_most"}}},
      {"包括54種礦物", {{"54種", 54, 0, 0, "count", ""}}},
      {"邀請50多個國家參加", {{"50多個", 50, 0, 0, "count", "more_than"}}},
      // From two up, a Chinese numeral with a measure word is a count (一 is a determiner).
      // A count in words below ten only sizes a noun phrase (FORMAT.md).
      {"該公司由兩家國營機構合併成立", {}},
      {"Fed今年可能降息兩次", {}},
      {"該公司由12家國營機構合併成立", {{"12家", 12, 0, 0, "count", ""}}},
      {"十二家企業", {{"十二家", 12, 0, 0, "count", ""}}},
      {"新進人員不到兩百人", {{"不到兩百人", 200, 0, 0, "count", "less_than"}}},
      {"单日开仓量最多5,000手", {{"最多5,000手", 5000, 0, 0, "count", "at_most"}}},
      // Multiples are percentages.
      {"是去年同期的两倍多", {{"两倍多", 2, 0, 0, "times", "more_than"}}},
      {"比陸上礦山高出兩倍以上", {{"兩倍以上", 2, 0, 0, "times", "more_than"}}},
      // Durations: working days, ages, N年后; not a tenor or an ROC year.
      {"審批時限一般不超過45個工作日", {{"不超過45個工作日", 45, 0, 0, "day", "at_most"}}},
      {"未滿30歲的年輕工程師", {{"未滿30歲", 30, 0, 0, "year", "less_than"}}},
      {"计划在两年后启动二期扩建", {{"两年", 2, 0, 0, "year", ""}}},
      // One period before 前/后/内 is a length as two are (FORMAT.md: durations are figures).
      {"一個月後再議", {{"一個月", 1, 0, 0, "month", ""}}},
      {"須在一天之內完成", {{"一天之內", 1, 0, 0, "day", "at_most"}}},
      // A qualifier makes 一 a quantity; 日前 (recently) and 子公司 lift a veto.
      {"部分廠商的庫存不足一個月", {{"不足一個月", 1, 0, 0, "month", "less_than"}}},
      {"等七部门日前联合印发", {}},
      {"等17部门日前联合印发", {{"17部门", 17, 0, 0, "count", ""}}},
      {"中芯國際旗下共8家子公司", {{"8家", 8, 0, 0, "count", ""}}},
      {"連接設備超過1.5億台", {{"超過1.5億台", 1.5e8, 0, 0, "count", "more_than"}}},
      {"已受理47件申請", {{"47件", 47, 0, 0, "count", ""}}},
  };
  for (const Case& c : kCases) Check(c);
}

// A unit or currency written only after the second number names both ends.
TEST(Figures, RangesWithTheUnitAtTheEnd) {
  const Case kCases[] = {
      {"公司將在30至45天內完成", {{"30至45天內", R, 30, 45, "day", "at_most"}}},
      {"通常需要7到10年", {{"7到10年", R, 7, 10, "year", ""}}},
      {"至少還要三到五年", {{"三到五年", R, 3, 5, "year", ""}}},
      {"每年可受惠約5,000萬至8,000萬澳元", {{"約5,000萬至8,000萬澳元", R, 5e7, 8e7, "AUD", "approx"}}},
      {"淨虧損介乎人民幣1.72億至2.58億元", {{"人民幣1.72億至2.58億元", R, 1.72e8, 2.58e8, "CNY", ""}}},
      {"预计净利润3至5亿元", {{"3至5亿元", R, 3e8, 5e8, "CNY", ""}}},
      {"在每噸8萬至11萬元人民幣之間", {{"每噸8萬至11萬元人民幣", R, 8e4, 1.1e5, "CNY/t", ""}}},
      {"年产8万至10万吨", {{"8万至10万吨", R, 8e4, 1e5, "t", ""}}},
      {"全國有5至10家企業參與", {{"5至10家", R, 5, 10, "count", ""}}},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(Figures, CurrencyAfterYuanAndRates) {
  const Case kCases[] = {
      {"遠少於2024年虧損的79億元人民幣", {{"79億元人民幣", 7.9e9, 0, 0, "CNY", ""}}},
      {"由每噸約6萬元人民幣的低位", {{"每噸約6萬元人民幣", 6e4, 0, 0, "CNY/t", "approx"}}},
      {"回升至約每噸9.8萬元人民幣", {{"約每噸9.8萬元人民幣", 9.8e4, 0, 0, "CNY/t", "approx"}}},
      {"提供每公斤最高新台幣80元的運費補助", {{"每公斤最高新台幣80元", 80, 0, 0, "TWD/kg", "at_most"}}},
      {"抽取量為每天約350噸", {{"每天約350噸", 350, 0, 0, "t/day", "approx"}}},
      {"产能为每月6,500吨", {{"每月6,500吨", 6500, 0, 0, "t/month", ""}}},
      // An annual amount stays a mass.
      {"維持每年約150萬噸的產能", {{"約150萬噸", 1.5e6, 0, 0, "t", "approx"}}},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(Figures, NotFigures) {
  const char* kNone[] = {
      "2025年", "特朗普政府2025年4月發動貿易戰", "根據第13817號總統令", "他是第三名",
      "數百萬美元的損失", "數年來", "過去數十年", "電話0912345678", "一個國家", "一家公司",
      "2020至2025年", "五年期LPR", "預計從民國115年起", "漲了數倍", "二手房",
      "回答了DOTA2項目的創建想法", "WAR3项目终于决出",
      "唯一一座稀土加工廠", "一成不變", "多元化的供應", "2月8日", "美國的第3大城市",
      "2026台北國際電腦展", "一台電腦", "依第3條例外規定", "第一個月後再議", "前一天晚上",
  };
  for (const char* s : kNone) {
    std::vector<Mention> got = F().Run(s);
    EXPECT_TRUE(got.empty()) << s << " gives " << (got.empty() ? "" : got[0].text);
  }
}

// In Traditional-script text an Arabic 100..130 before 年 is an ROC year
// (115年 = 2026), unless a qualifier makes it a length.
TEST(Figures, RocYearIsNotADuration) {
  EXPECT_TRUE(F().Run("這項工程預計115年完工，經費由中央與地方分擔").empty());
  EXPECT_TRUE(F().Run("預計從民國115年起的計畫").empty());
  Check({"這座廟已有超過100年的歷史", {{"超過100年", 100, 0, 0, "year", "more_than"}}});
  Check({"歷時120年的家族企業", {{"歷時120年", 120, 0, 0, "year", ""}}});
  Check({"这项工程历经115年", {{"115年", 115, 0, 0, "year", ""}}});
  Check({"公司共有115家門市", {{"115家", 115, 0, 0, "count", ""}}});
  Check({"連續作業120天以上", {{"120天以上", 120, 0, 0, "day", "more_than"}}});
}

TEST(Figures, ScriptDecidesBareYuan) {
  auto unit_of = [](const std::string& text) {
    std::vector<Mention> got = F().Run(text);
    return got.empty() ? std::string("none") : got.back().unit;
  };
  EXPECT_EQ(unit_of("我有一千元"), "CNY");
  EXPECT_EQ(unit_of("这家公司去年获得政府补助6亿元，用于兴建厂房与购买设备"), "CNY");
  EXPECT_EQ(unit_of("這家公司去年獲得政府補助6億元，用於興建廠房與購買設備"), "CUR?");
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// A bare 元 in Traditional text takes the currency its sentence last named,
// across clauses (人民幣 ... 兆元，專項債達 2.53 兆元), but not out of a
// bracket (a conversion) nor into the next sentence; in Simplified text a
// bare 元 stays CNY (FORMAT.md).
TEST(Figures, SentenceNamesTheCurrencyOfABareYuan) {
  auto units = [](const std::string& text) {
    std::string out;
    for (const Mention& m : F().Run(text)) out += (out.empty() ? "" : " ") + m.unit;
    return out;
  };
  EXPECT_EQ(units("一般債券發行額達人民幣 1.75 兆元，專項債達 2.53 兆元，按用途劃分。"), "CNY CNY");
  EXPECT_EQ(units("發行新增債券為港幣 3.04 億元，包含新增一般債券 9070 萬元。"), "HKD HKD");
  EXPECT_EQ(units("總投資額將近200億（約新台幣880億）的電站，李河君更有15.27億元的持股。"), "CUR? TWD CUR?");
  EXPECT_EQ(units("稅後純益為新台幣96.4億元，每股純益（EPS）4.45元。"), "TWD CUR?");
  EXPECT_EQ(units("這家公司獲得美元 5 億元的投資。另一家公司則獲得政府補助6億元。"), "USD CUR?");
  EXPECT_EQ(units("该公司融资美元 5 亿元，另获政府补助6亿元。"), "USD CNY");
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// A bare $ is the dollar of the document's place: HKD when the source is a
// Hong Kong outlet or Traditional-script text names Hong Kong, else USD
// (figures.h IsHongKongDocument). HK$, US$, NT$ say their own currency.
TEST(Figures, BareDollarFollowsTheDocumentsPlace) {
  auto unit_of = [](const std::string& text, const std::string& source) {
    Document doc;
    doc.key = "d";
    doc.source = source;
    doc.body = text;
    NormText nt = F().norm->Normalize(text);
    std::vector<Mention> out;
    F().ex->Extract(doc, nt, &out);
    return out.empty() ? std::string("none") : out.front().unit;
  };
  const std::string fine = "循簡易程序定罪後，可處罰款$1,000及監禁六個月。";
  EXPECT_EQ(unit_of(fine, "hkarchivist/hkcnews-article-archive:articles/1-1000/article_174.md"), "HKD");
  EXPECT_EQ(unit_of(fine, "https://news.example.com.hk/a/1"), "HKD");
  EXPECT_EQ(unit_of(fine, "corpus/a.txt"), "USD");
  EXPECT_EQ(unit_of("以筆者所知，現時香港一包香煙的售價約$57。", "corpus/a.txt"), "HKD");
  EXPECT_EQ(unit_of("苹果公司股价收于$189，香港投资者关注。", "corpus/a.txt"), "USD");  // Simplified: no text clue
  EXPECT_EQ(unit_of("現時香港一包香煙售價約US$7。", "hkcnews-1"), "USD");
  EXPECT_EQ(unit_of("股價收於$189，市值創新高。", "corpus/chkpoint.txt"), "USD");  // "hk" inside a word is no outlet
}

}  // namespace
}  // namespace newskb
