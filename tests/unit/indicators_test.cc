// Tests for extractors/indicators: the shipped gazetteer in both scripts,
// after the organization, policy, place and commodity extractors.

#include "extractors/indicators/indicators.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/commodities/commodities.h"
#include "extractors/organizations/organizations.h"
#include "extractors/places/places.h"
#include "extractors/policies/policies.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

struct Fixture {
  std::shared_ptr<const Normalizer> norm = Normalizer::Create().value();
  std::vector<std::unique_ptr<Extractor>> chain;
  Fixture() {
    auto add = [&](Result<std::unique_ptr<Extractor>> r) {
      if (r.ok()) chain.push_back(std::move(r).value());
      else ADD_FAILURE() << r.status().message();
    };
    add(MakeOrganizationExtractor(kRulesDir, norm));
    add(MakePolicyExtractor(kRulesDir, norm));
    add(MakePlaceExtractor(kRulesDir, norm));
    add(MakeCommodityExtractor(kRulesDir, norm));
    add(MakeIndicatorExtractor(kRulesDir, norm));
  }
  // "text=name" of each indicator mention, by position.
  std::string Run(const std::string& text) const {
    Document doc;
    doc.key = "t";
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> all, out;
    for (const auto& e : chain) e->Extract(doc, nt, &all);
    for (const Mention& m : all) {
      if (m.kind != MentionKind::kIndicator) continue;
      EXPECT_EQ(std::string(nt.BodyText(text, m.start, m.end)), m.text);
      EXPECT_FALSE(m.rule.empty());
      out.push_back(m);
    }
    std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
    std::string s;
    for (const Mention& m : out) s += (s.empty() ? "" : " ") + m.text + "=" + m.name;
    return s;
  }
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

}  // namespace
}  // namespace newskb
