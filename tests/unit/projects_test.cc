// Tests for extractors/projects: the shipped gazetteer and rules in both
// scripts, after the organization and policy extractors; places and
// commodities inside a project are the project's.

#include "extractors/projects/projects.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/dict_chain.h"

namespace newskb {
namespace {

using testing_support::DictChain;

struct Fixture {
  DictChain projects{MentionKind::kProject};
  DictChain places{MentionKind::kPlace};
  DictChain commodities{MentionKind::kCommodity};
};

const Fixture& F() {
  static Fixture f;
  return f;
}

// Listed projects (governments' lists), either script, any listed alias.
TEST(Projects, ListedProjectsInBothScripts) {
  EXPECT_EQ(F().projects.Names("港珠澳大桥全长55公里"), "港珠澳大桥=港珠澳大橋");
  EXPECT_EQ(F().projects.Names("明日大嶼造價估計6240億元"), "明日大嶼=明日大嶼願景");
  EXPECT_EQ(F().projects.Names("与此同时，国家水网加快构建"), "国家水网=國家水網");
  EXPECT_EQ(F().projects.Names("而廣深港高鐵香港段全長26公里"), "廣深港高鐵香港段=廣深港高速鐵路香港段");
}

// Generated: a proper name (places and made-up names) before each
// infrastructure head, after each opening the rule allows.
TEST(Projects, ProperNameBeforeAnInfrastructureHead) {
  for (const std::string name : {"綦江", "白鹤滩", "雅万", "格林布什"}) {
    for (const std::string head : {"页岩气田", "水电站", "高铁", "铁路", "锂矿", "大桥", "水库"}) {
      for (const std::string open : {"", "此外，", "位于重庆的", "而"}) {
        const std::string text = open + name + head + "全长26公里。";
        const std::vector<Mention> ms = F().projects.Run(text);
        ASSERT_EQ(ms.size(), 1u) << text;
        EXPECT_EQ(ms[0].text, name + head) << text;
      }
    }
  }
}

// No project: a head after a demonstrative, a quantity, a verb, a time word,
// or a nation-wide total; a descriptor (大型整装); a bare head.
TEST(Projects, GenericPhrasesAreNoProject) {
  for (const std::string text :
       {"这座大桥全长55公里", "新建铁路3000公里", "全国铁路开行旅游列车440列", "我国铁路营业里程达16万公里",
        "當時隧道內有3名工人", "大型整装页岩气田诞生", "铁路投资增长5%", "其中铁路投资增长5%",
        "九州地区铁路暂停运行"})
    EXPECT_EQ(F().projects.Names(text), "") << text;
}

// A quoted name in 号 is a vessel, platform or probe; the quotes stay out.
TEST(Projects, QuotedNamesInHao) {
  EXPECT_EQ(F().projects.Names("“海油安澜号”投产后"), "海油安澜号=海油安澜号");
  EXPECT_EQ(F().projects.Names("「天問一號」成功着陸"), "天問一號=天問一號");
  EXPECT_EQ(F().projects.Names("地铁3号线"), "");
}

// A place or commodity inside a project is the project's (綦江, 页岩气 of
// 綦江页岩气田; 香港 of 高鐵香港段); outside it, it stays.
TEST(Projects, PlacesAndCommoditiesInsideAreTheProjects) {
  EXPECT_EQ(F().places.Names("綦江页岩气田勘探获重大突破"), "");
  EXPECT_EQ(F().commodities.Names("綦江页岩气田勘探获重大突破"), "");
  EXPECT_EQ(F().places.Names("廣深港高鐵香港段全長26公里，香港"), "香港=香港");
}

}  // namespace
}  // namespace newskb
