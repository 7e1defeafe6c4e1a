// Tests for extractors/places (and the dictionary extractor it shares with
// commodities): the shipped gazetteer and rules, in both scripts, after the
// organization and policy extractors as the registry runs them.

#include "extractors/places/places.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/dict_chain.h"

namespace newskb {
namespace {

using testing_support::DictChain;

// The place mentions of `text`, by position.
struct Fixture {
  DictChain chain{MentionKind::kPlace};
  std::vector<Mention> Run(const std::string& text) const { return chain.Run(text); }
};

const Fixture& F() {
  static Fixture f;
  return f;
}

std::string Names(const std::vector<Mention>& ms) { return DictChain::JoinNames(ms); }

TEST(Places, AliasesInBothScriptsLinkToOneName) {
  EXPECT_EQ(Names(F().Run("美國宣布，美国将出席，US officials said")), "美國=美國 美国=美國 US=美國");
  EXPECT_EQ(Names(F().Run("澳大利亚和澳洲是同一个国家")), "澳大利亚=澳洲 澳洲=澳洲");
  EXPECT_EQ(Names(F().Run("嘉能可在剛果民主共和國的業務")), "剛果民主共和國=剛果民主共和國");
  EXPECT_EQ(Names(F().Run("猶他州一家提煉廠")), "猶他州=猶他州");
}

TEST(Places, ShortLatinAliasNeedsUpperCase) {
  EXPECT_EQ(Names(F().Run("let us see 中国")), "中国=中國");
}

TEST(Places, LongestNameWins) {
  EXPECT_EQ(Names(F().Run("中國大陸與中國")), "中國大陸=中國大陸 中國=中國");
  EXPECT_EQ(Names(F().Run("印度尼西亚和印度")), "印度尼西亚=印尼 印度=印度");
}

TEST(Places, NotInsideAnOrganization) {
  // 美國 inside 美國能源部 is part of the organization's name.
  EXPECT_EQ(Names(F().Run("美國能源部表示，美國將加速")), "美國=美國");
}

TEST(Places, NotEntriesSuppress) {
  EXPECT_EQ(Names(F().Run("沿海地區的工廠")), "");
}

TEST(Places, RuleFindsUnlistedProvince) {
  std::vector<Mention> ms = F().Run("礦場位於俾路支省的山區");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, "俾路支省");
  EXPECT_EQ(ms[0].rule, "place.loc_admin");
}

}  // namespace
}  // namespace newskb
