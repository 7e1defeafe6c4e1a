#include "extractors/engine/rule_set.h"

#include <gtest/gtest.h>

namespace newskb {
namespace {

Result<RuleSet> Load(const std::string& json) { return RuleSet::LoadString(json, "/nonexistent/test.json", {}); }

TEST(RuleSet, LoadsAndMatchesWithNamedGroups) {
  auto rs = Load(R"({"family":"t","macros":{"NUM":"\\d+(?:\\.\\d+)?"},"rules":[
    {"id":"pct","kind":"figure","pattern":"(?P<num>{NUM})%","attrs":{"unit":"%"}},
    {"id":"usd","kind":"figure","pattern":"(?P<num>{NUM})(?P<scale>亿)?美元"}]})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->family(), "t");
  auto m = RuleSet::Resolve(rs->FindAll("增长60%，投资120亿美元和3美元"), nullptr);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].rule->id, "pct");
  EXPECT_EQ(m[0].Group("num"), "60");
  EXPECT_EQ(m[0].rule->attrs.at("unit"), "%");
  EXPECT_EQ(m[1].Group("scale"), "亿");
  EXPECT_TRUE(m[1].Has("scale"));
  EXPECT_FALSE(m[2].Has("scale"));
  EXPECT_EQ(m[2].Group("num"), "3");
}

TEST(RuleSet, MacroExpansionLeavesRepetitionsAlone) {
  auto rs = Load(R"({"macros":{"D":"[0-9]","DD":"{D}{2}"},"rules":[
    {"id":"y","kind":"date","pattern":"(?P<y>{D}{4})年{DD}"}]})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->rules()[0].pattern, "(?P<y>(?:[0-9]){4})年(?:(?:[0-9]){2})");
  EXPECT_EQ(rs->FindAll("2026年02").size(), 1u);
  auto bad = Load(R"({"rules":[{"id":"x","kind":"date","pattern":"{NOPE}"}]})");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("unknown macro {NOPE}"), std::string::npos);
  auto cyc = Load(R"({"macros":{"A":"{B}","B":"{A}"},"rules":[{"id":"x","kind":"date","pattern":"{A}"}]})");
  ASSERT_FALSE(cyc.ok());
  EXPECT_NE(cyc.status().message().find("refers to itself"), std::string::npos) << cyc.status().message();
}

TEST(RuleSet, BadPatternNamesFileLineAndRule) {
  auto rs = Load("{\"rules\":[\n{\"id\":\"ok\",\"kind\":\"figure\",\"pattern\":\"a\"},\n"
                 "{\"id\":\"fig.bad\",\n\"kind\":\"figure\",\"pattern\":\"(?P<num>a\"}]}");
  ASSERT_FALSE(rs.ok());
  const std::string& m = rs.status().message();
  EXPECT_NE(m.find("test.json:3: rule fig.bad"), std::string::npos) << m;
  EXPECT_NE(m.find("missing )"), std::string::npos) << m;
}

TEST(RuleSet, CommentsKeepLineNumbers) {
  auto rs = Load("// a comment\n{\"rules\":[\n  // another\n  {\"id\":\"r1\",\"kind\":\"figure\",\"pattern\":\"x\","
                 "\n   \"examples\":[{\"text\":\"axb\",\"match\":\"x\"}]}]}");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->rules()[0].line, 4);
  EXPECT_EQ(rs->rules()[0].examples[0].line, 5);
}

TEST(RuleSet, RejectsDuplicateIdsUnknownFieldsAndWrongTypes) {
  auto dup = Load(R"({"rules":[{"id":"a","kind":"x","pattern":"a"},{"id":"a","kind":"x","pattern":"b"}]})");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("duplicate rule id"), std::string::npos);
  auto unk = Load(R"({"rules":[{"id":"a","kind":"x","pattern":"a","patern":"b"}]})");
  ASSERT_FALSE(unk.ok());
  EXPECT_NE(unk.status().message().find("unknown field 'patern'"), std::string::npos);
  auto pri = Load(R"({"rules":[{"id":"a","kind":"x","pattern":"a","priority":"high"}]})");
  ASSERT_FALSE(pri.ok());
  EXPECT_NE(pri.status().message().find("priority"), std::string::npos);
  auto js = Load(R"({"rules":[{"id":"a",)");
  ASSERT_FALSE(js.ok());
  EXPECT_NE(js.status().message().find("malformed JSON"), std::string::npos);
}

TEST(RuleSet, OverlapLongestThenPriorityThenStart) {
  auto rs = Load(R"({"rules":[
    {"id":"short","kind":"f","priority":9,"pattern":"12"},
    {"id":"long","kind":"f","priority":0,"pattern":"123"},
    {"id":"lo","kind":"f","priority":1,"pattern":"ab"},
    {"id":"hi","kind":"f","priority":5,"pattern":"ab"}]})");
  ASSERT_TRUE(rs.ok());
  std::vector<std::pair<RuleMatch, size_t>> losers;
  auto w = RuleSet::Resolve(rs->FindAll("123 ab"), &losers);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].rule->id, "long");
  EXPECT_EQ(w[1].rule->id, "hi");
  ASSERT_EQ(losers.size(), 2u);
  for (auto& [l, idx] : losers) {
    if (l.rule->id == "short") EXPECT_EQ(idx, 0u);
    if (l.rule->id == "lo") EXPECT_EQ(idx, 1u);
  }
}

TEST(RuleSet, FindsEveryOccurrenceAndSkipsEmptyMatches) {
  auto rs = Load(R"({"rules":[{"id":"n","kind":"f","pattern":"\\d*"}]})");
  ASSERT_TRUE(rs.ok());
  auto m = rs->FindAll("a1b22c333");
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[2].begin, 6u);
  EXPECT_EQ(m[2].end, 9u);
}

TEST(RuleSet, RefusesPatternOverMemoryBudget) {
  RuleSetOptions o;
  o.rule_max_mem = 1 << 12;
  auto rs = RuleSet::LoadString(R"({"rules":[{"id":"big","kind":"f","pattern":"\\p{Han}{200}[a-z]{1,100}"}]})",
                                "big.json", o);
  ASSERT_FALSE(rs.ok());
  EXPECT_NE(rs.status().message().find("big.json:1: rule big"), std::string::npos) << rs.status().message();
  EXPECT_NE(rs.status().message().find("too large"), std::string::npos) << rs.status().message();
}

}  // namespace
}  // namespace newskb
