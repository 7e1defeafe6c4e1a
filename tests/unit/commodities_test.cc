// Tests for extractors/commodities: the shipped gazetteer and rules, in both
// scripts, after the organization, policy and place extractors.

#include "extractors/commodities/commodities.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/dict_chain.h"

namespace newskb {
namespace {

using testing_support::DictChain;

// "text=name" of each mention of the kind under test, by position.
struct Fixture {
  DictChain chain{MentionKind::kCommodity};
  std::string Run(const std::string& text) const { return chain.Names(text); }
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
