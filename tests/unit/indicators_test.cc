// Tests for extractors/indicators: the shipped gazetteer in both scripts,
// after the organization, policy, place and commodity extractors.

#include "extractors/indicators/indicators.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/dict_chain.h"

namespace newskb {
namespace {

using testing_support::DictChain;

// "text=name" of each mention of the kind under test, by position.
struct Fixture {
  DictChain chain{MentionKind::kIndicator};
  std::string Run(const std::string& text) const { return chain.Names(text); }
};

const Fixture& F() {
  static Fixture f;
  return f;
}

TEST(Indicators, NamedStatisticsInBothScripts) {
  EXPECT_EQ(F().Run("一季度全国固定资产投资103174亿元"), "全国固定资产投资=固定資產投資");
  EXPECT_EQ(F().Run("土地出讓金收入人民幣1.6兆元"), "土地出讓金=土地出讓金");
  EXPECT_EQ(F().Run("8月末社会融资规模存量为433.66万亿元"), "社会融资规模存量=社會融資規模");
}

TEST(Indicators, AcronymsNeedCapitals) {
  EXPECT_EQ(F().Run("消費者物價指數（CPI）年增率1.89%"), "消費者物價指數=消費者物價指數 CPI=消費者物價指數");
  EXPECT_EQ(F().Run("the cpi of"), "");
}

TEST(Indicators, BareActsAreNoIndicator) {
  // 出口, 营收, 投资 and a bank's 人民币贷款 name an act or one company's
  // figure: not listed.
  EXPECT_EQ(F().Run("該公司出口增長5%，營收17億元，新增人民币贷款3万亿元"), "");
}

// A measured quantity of a release standing right before its value
// (rule ind.measured_quantity): named as written, from the clause's start,
// a time word or 实现/完成 on; words opening the clause (其中, 预计, 一季度)
// are no part of the name; without a value it is no indicator.
TEST(Indicators, MeasuredQuantityBeforeItsValue) {
  EXPECT_EQ(F().Run("一季度，全社会用电量累计25141亿千瓦时，同比增长5.2%。"), "全社会用电量=全社会用电量");
  EXPECT_EQ(F().Run("前两个月，全国规模以上工业企业实现出口交货值2.4万亿元。"), "出口交货值=出口交货值");
  EXPECT_EQ(F().Run("中秋假期期间全社会跨区域人员流动量预计日均超2.05亿人次。"),
            "全社会跨区域人员流动量=全社会跨区域人员流动量");
  EXPECT_EQ(F().Run("其中，鐵路客運量為1.1億人次；一季度全國公路客運量累計27.6億人次。"),
            "鐵路客運量=鐵路客運量 全國公路客運量=全國公路客運量");
  EXPECT_EQ(F().Run("全社会用电量持续增长。"), "");
  // 产量, 销售额 name an indicator only with what they measure before them.
  EXPECT_EQ(F().Run("全国粮食总产量13908.2亿斤，集成电路出口额为1000亿美元。"),
            "全国粮食总产量=全国粮食总产量 集成电路出口额=集成电路出口额");
  EXPECT_EQ(F().Run("公司表示，销售额达30亿元，带动销售额12亿元。"), "");
  // A bare head is a figure of the sentence's own subject (嘉兴市), no indicator.
  EXPECT_EQ(F().Run("嘉兴市今年实现总产值500亿元，年发电量3.5亿千瓦时。"), "");
}

// A measure named after its scope (rules/indicator_scopes.json, scopes.h):
// the scope, read back from the head by words within the clause, and the
// measure are two mentions; the scope named as written, the measure by
// the whole indicator, scope and measure (what the release calls it).
TEST(Indicators, ScopeAndMeasureAreTwoMentions) {
  EXPECT_EQ(F().Run("今年前10月，我国高技术制造业投资同比增长11.3%。"),
            "高技术制造业=高技术制造业 投资=高技术制造业投资");
  EXPECT_EQ(F().Run("今年前10个月，我国AI眼镜、智能手表等智能穿戴网上零售额增长23.1%。"),
            "智能穿戴=智能穿戴 网上零售额=智能穿戴网上零售额");
  EXPECT_EQ(F().Run("1—3月，我国船舶出口金额99.2亿美元。"), "船舶=船舶 出口金额=船舶出口金额");
  // A gazetteer name inside the span gives way (工业增加值 of 消费品工业增加值;
  // 进出口总额 of 义乌进出口总额: not the nation's 進出口總值).
  EXPECT_EQ(F().Run("1—4月，我国消费品工业增加值同比增长5%。"), "消费品工业=消费品工业 增加值=消费品工业增加值");
  EXPECT_EQ(F().Run("今年上半年，义乌进出口总额4864.2亿元。"), "义乌=义乌 进出口总额=义乌进出口总额");
  // A release verb (完成, 实现) stands between the scope and its measure.
  EXPECT_EQ(F().Run("一季度全国铁路完成固定资产投资1312亿元。"), "铁路=铁路 固定资产投资=铁路固定资产投资");
  // A qualifier of the statistics (规模以上, 限额以上) is part of the scope,
  // and so are the words before it.
  EXPECT_EQ(F().Run("全国规模以上工业企业实现利润总额超8万亿元。"),
            "规模以上工业企业=规模以上工业企业 利润总额=规模以上工业企业利润总额");
  EXPECT_EQ(F().Run("今年上半年，我国机械工业规模以上企业增加值同比增长6.4%。"),
            "机械工业规模以上企业=机械工业规模以上企业 增加值=机械工业规模以上企业增加值");
}

// A gazetteer indicator is a head too, wherever it stands: the sector
// before it is its scope (交通固定资产投资 is not the nation's 固定資產投資,
// 海洋生产总值 not 國內生產總值).
TEST(Indicators, GazetteerIndicatorsTakeTheirScope) {
  EXPECT_EQ(F().Run("今年上半年我国交通固定资产投资规模高位运行，达16474亿元。"),
            "交通=交通 固定资产投资=交通固定资产投资");
  EXPECT_EQ(F().Run("2025年全国海洋生产总值达110180亿元。"), "海洋=海洋 生产总值=海洋生产总值");
  EXPECT_EQ(F().Run("前三季度国内生产总值同比增长5.2%。"), "国内生产总值=國內生產總值");
}

// The quantities of agriculture, energy, people and market releases are
// measures with a scope too (播种面积, 装机容量, 参保人数, 新订单指数, 覆盖率);
// 总 before the head belongs to the head (代表团总人数: scope 代表团).
TEST(Indicators, ReleaseQuantitiesTakeTheirScope) {
  EXPECT_EQ(F().Run("全国粮食播种面积超过17.7亿亩。"), "粮食=粮食 播种面积=粮食播种面积");
  EXPECT_EQ(F().Run("其中，太阳能发电装机容量约6.1亿千瓦。"), "太阳能发电=太阳能发电 装机容量=太阳能发电装机容量");
  EXPECT_EQ(F().Run("代表团总人数167人。"), "代表团=代表团 总人数=代表团总人数");
  EXPECT_EQ(F().Run("7月份，物流业新订单指数为50.6%。"), "物流业=物流业 新订单指数=物流业新订单指数");
  // A bare head names no scope.
  EXPECT_EQ(F().Run("人数超过300人，总面积约235坪。"), "");
}

// A Latin name written with digits (5G, 4K) is part of the scope, no
// numeral; 总数 and 申请量 are heads; 总体规模 may follow the head; 成长 is
// Taiwan's 增长.
TEST(Indicators, LatinNamesWithDigitsAndMoreHeads) {
  EXPECT_EQ(F().Run("截至3月底，全国5G基站总数已达495.8万个。"), "5G基站=5G基站 总数=5G基站总数");
  EXPECT_EQ(F().Run("2023年，我国工业互联网产业增加值总体规模达4.69万亿元。"),
            "工业互联网产业=工业互联网产业 增加值=工业互联网产业增加值");
  EXPECT_EQ(F().Run("去年我国发明专利申请量达到150万件。"), "发明专利=发明专利 申请量=发明专利申请量");
  // a numeral alone still ends the scope
  EXPECT_EQ(F().Run("全国25个省份粮食产量同比增长3%。"), "");
}

// Scopes coordinated before a scope share its head: each is a scope of its
// own (汽车、电工器材、船舶 + 出口); the measure is named after the last.
TEST(Indicators, CoordinatedScopesShareTheHead) {
  EXPECT_EQ(F().Run("其中，汽车、电工器材、船舶出口分别增长45.5%、24.7%和22.5%。"),
            "汽车=汽车 电工器材=电工器材 船舶=船舶 出口=船舶出口");
}

TEST(Indicators, AnEntityBeforeTheScopeOwnsTheIndicator) {
  // 江苏省 stays the figure's subject; 民间投资 is one indicator.
  EXPECT_EQ(F().Run("今年1到7月，江苏省民间投资同比增长5.1%。"), "民间投资=民间投资");
}

TEST(Indicators, NoScopeWithoutOne) {
  // A gazetteer name covering the scope (固定资产投资), the nation's total
  // (全国网上零售额: the measured-quantity rule's name), an actor's own figure
  // (公司营收, 工程总投资), a head inside a word (汽车出口), a head with no value
  // after it (外商投资企业): no scoped indicator.
  EXPECT_EQ(F().Run("一季度全国固定资产投资103174亿元。"), "全国固定资产投资=固定資產投資");
  EXPECT_EQ(F().Run("1至7月，全国网上零售额按年下降了3.0%。"), "全国网上零售额=全国网上零售额");
  EXPECT_EQ(F().Run("公司营收8亿元，该工程总投资357.36亿元。"), "");
  EXPECT_EQ(F().Run("今年1至10月，我国汽车出口达到500万辆。"), "");
  EXPECT_EQ(F().Run("新设立外商投资企业同比增长32.1%。"), "");
  // A person's name or a function word ends the scope: 等 of …等智能穿戴.
  EXPECT_EQ(F().Run("营收增长8%"), "");
}

}  // namespace
}  // namespace newskb
