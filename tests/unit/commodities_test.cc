// Tests for extractors/commodities: the shipped gazetteer and rules, in both
// scripts, after the organization, policy and place extractors.

#include "extractors/commodities/commodities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

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
  }
  std::string Run(const std::string& text) const {
    Document doc;
    doc.key = "t";
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> all, out;
    for (const auto& e : chain) e->Extract(doc, nt, &all);
    for (const Mention& m : all) {
      if (m.kind != MentionKind::kCommodity) continue;
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

TEST(Commodities, MetalsInBothScripts) {
  EXPECT_EQ(F().Run("用於電池製造的鋰、鈷和鎳"), "鋰=鋰 鈷=鈷 鎳=鎳");
  EXPECT_EQ(F().Run("用于电池制造的锂、钴和镍"), "锂=鋰 钴=鈷 镍=鎳");
}

TEST(Commodities, LongestNameWins) {
  EXPECT_EQ(F().Run("重稀土和稀土元素"), "重稀土=重稀土 稀土元素=稀土");
  EXPECT_EQ(F().Run("最大的稀土永磁體供應國"), "稀土永磁體=稀土永磁體");
  EXPECT_EQ(F().Run("锂电池和鋰離子電池"), "锂电池=鋰離子電池 鋰離子電池=鋰離子電池");
}

TEST(Commodities, NotInsidePlacesPoliciesOrNotWords) {
  EXPECT_EQ(F().Run("矽谷新創公司"), "");
  EXPECT_EQ(F().Run("無錫的工廠"), "");
  EXPECT_EQ(F().Run("推動《稀土循環利用法案》"), "");
}

TEST(Commodities, CompoundRule) {
  EXPECT_EQ(F().Run("碳酸鋰價格回升"), "碳酸鋰=碳酸鋰");
}

// Memory chips are priced and traded as such (DRAM contract prices):
// their own product, longer than 晶片 of 半導體.
TEST(Commodities, MemoryChipsAreAProduct) {
  EXPECT_EQ(F().Run("主要記憶體晶片價格已大漲25%"), "記憶體晶片=記憶體晶片");
  EXPECT_EQ(F().Run("DRAM合約價下跌"), "DRAM=記憶體晶片");
  EXPECT_EQ(F().Run("存储芯片和晶片"), "存储芯片=記憶體晶片 晶片=半導體");
}

}  // namespace
}  // namespace newskb
