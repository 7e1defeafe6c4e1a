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

}  // namespace
}  // namespace newskb
