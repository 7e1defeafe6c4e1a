// Tests for extractors/engine/rule_scope: what a pattern needs and may cross,
// and the engine's windows (RuleSetOptions::windows) against whole lines.
#include "extractors/engine/rule_scope.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "extractors/engine/rule_set.h"

namespace newskb {
namespace {

std::u32string Triggers(std::string_view pattern) {
  RuleScope sc = AnalyzeRuleScope(pattern);
  EXPECT_TRUE(sc.windowed) << pattern << ": " << sc.why_not;
  return std::u32string(sc.triggers.begin(), sc.triggers.end());
}

std::string WhyNot(std::string_view pattern) {
  RuleScope sc = AnalyzeRuleScope(pattern);
  EXPECT_FALSE(sc.windowed) << pattern;
  EXPECT_TRUE(sc.triggers.empty()) << pattern;
  return sc.why_not;
}

TEST(RuleScope, TriggersOfAConcatenationAlternationAndClass) {
  EXPECT_EQ(Triggers("\\d+万元"), U"0123456789");         // the digits before a rarer word
  EXPECT_EQ(Triggers("(?P<n>\\d+)%"), U"0123456789");
  EXPECT_EQ(Triggers("(?:约)?[一二三]+倍"), U"倍");         // the smaller set
  EXPECT_EQ(Triggers("[一二三]+倍(?:多)?"), U"倍");
  EXPECT_EQ(Triggers("减半|折半"), U"减折");               // the union of the branches
  EXPECT_EQ(Triggers("每\\p{Han}{1,4}"), U"每");           // \p{Han} needs nothing, crosses no break
  EXPECT_EQ(Triggers("\\x{5e74}\\x{4E00}?"), U"年");
  EXPECT_EQ(Triggers("[^,;!?:。]{0,8}?薪"), U"薪");         // a class that lists every break
}

TEST(RuleScope, OptionalPartsAndAssertionsRequireNothing) {
  EXPECT_EQ(Triggers("(?:第)?\\d"), U"0123456789");
  EXPECT_EQ(Triggers("\\b(?:a|b)c{0,2}\\b"), U"ab");
  EXPECT_NE(WhyNot("(?:第)?\\d?"), "");
  EXPECT_NE(WhyNot("^$"), "");
  EXPECT_NE(WhyNot("x*"), "");
}

TEST(RuleScope, AnyPartThatMayCrossABreakIsRefused) {
  EXPECT_NE(WhyNot("\\d.万"), "");                // '.'
  EXPECT_NE(WhyNot("\\d[^。]万"), "");             // a negated class missing breaks
  EXPECT_NE(WhyNot("\\d\\S万"), "");
  EXPECT_NE(WhyNot("\\d\\pP万"), "");             // punctuation
  EXPECT_NE(WhyNot("\\d\\p{Unknown}万"), "");     // an unknown property: assumed to hold breaks
  EXPECT_NE(WhyNot("\\d[;]万"), "");
  EXPECT_NE(WhyNot("\\d。"), "");
  EXPECT_NE(WhyNot("(?i)\\d万"), "");             // flags are not read
  EXPECT_NE(WhyNot("\\Q,\\E\\d"), "");
}

TEST(RuleScope, ACommaOnlyBeforeADigit) {
  // "1,000" is one clause: a ',' followed by a digit does not break it.
  EXPECT_EQ(Triggers("\\d{1,3}(?:,\\d{3})+元"), U"0123456789");
  EXPECT_NE(WhyNot("\\d+,元"), "");       // a ',' a non-digit follows
  EXPECT_NE(WhyNot("\\d+,"), "");         // a ',' at the end: the text decides
  EXPECT_NE(WhyNot("(?:\\d|,)+元"), "");  // repeated: the next copy may be ','
  EXPECT_TRUE(IsClauseBreak(U',', "1,a", 2));
  EXPECT_FALSE(IsClauseBreak(U',', "1,0", 2));
  EXPECT_TRUE(IsClauseBreak(U',', "1,", 2));
  EXPECT_TRUE(IsClauseBreak(U'。', "", 0));
  EXPECT_FALSE(IsClauseBreak(U'.', "", 0));
}

// ------------------------------------------------------------ the engine

using Found = std::vector<std::tuple<std::string, size_t, size_t, std::string>>;

Found MatchesOf(const RuleSet& rs, std::string_view text) {
  Found out;
  for (const RuleMatch& m : rs.FindAll(text)) {
    std::string groups;
    for (const auto& [n, v] : m.groups) groups += n + "=" + std::string(v) + ";";
    out.emplace_back(m.rule->id, m.begin, m.end, groups);
  }
  return out;
}

// What normalisation makes of Chinese punctuation (NFKC), so the windows
// see the breaks they see in ingest.
std::string Fold(std::string s) {
  for (auto [from, to] : {std::pair{"，", ","}, {"；", ";"}, {"：", ":"}, {"！", "!"}, {"？", "?"}}) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at))
      s.replace(at, std::strlen(from), to);
  }
  return s;
}

// The folded text of every article of corpus/ and corpus/real.
std::vector<std::string> CorpusArticles() {
  std::vector<std::string> articles;
  for (const char* sub : {"/corpus", "/corpus/real"})
    for (const auto& e : std::filesystem::directory_iterator(std::string(NEWSKB_SOURCE_DIR) + sub))
      if (e.path().extension() == ".txt") {
        std::ifstream in(e.path());
        std::stringstream ss;
        ss << in.rdbuf();
        articles.push_back(Fold(ss.str()));
      }
  return articles;
}

// Every family's windowed run finds exactly what a run on whole lines finds,
// in the same order: on its own examples with a break put at every
// character boundary (and digits around, so a ',' sometimes breaks and
// sometimes not), and on the articles of corpus/.
TEST(RuleSetWindows, SameMatchesAsWholeLines) {
  const std::string dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  std::vector<std::string> articles = CorpusArticles();
  ASSERT_GE(articles.size(), 20u);
  size_t families = 0, windowed = 0, texts = 0, matches = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".json" || e.path().filename() == "macros.json") continue;
    RuleSetOptions off;
    off.windows = false;
    auto with = RuleSet::LoadFile(e.path().string(), {});
    auto without = RuleSet::LoadFile(e.path().string(), off);
    ASSERT_TRUE(with.ok() && without.ok()) << e.path();
    ++families;
    for (size_t i = 0; i < with->rules().size(); ++i) {
      windowed += with->Scope(i).windowed;
      EXPECT_FALSE(without->Scope(i).windowed);
    }
    std::vector<std::string> inputs = articles;
    for (const Rule& r : with->rules())
      for (const RuleExample& ex : r.examples) {
        std::string t = Fold(ex.text);
        for (size_t at = 0; at <= t.size(); ++at) {
          if (at < t.size() && (static_cast<unsigned char>(t[at]) & 0xC0) == 0x80) continue;
          for (const char* brk : {",", "。", "1,", ",2"}) inputs.push_back(t.substr(0, at) + brk + t.substr(at));
        }
      }
    for (const std::string& t : inputs) {
      Found a = MatchesOf(with.value(), t), b = MatchesOf(without.value(), t);
      ASSERT_EQ(a, b) << e.path().filename() << " on \"" << t << "\"";
      ++texts;
      matches += a.size();
    }
  }
  EXPECT_GE(families, 8u);
  EXPECT_GE(windowed, 150u);  // most rules run on windows (218 rules today)
  EXPECT_GT(matches, texts / 2);  // the texts do match: the comparison is not between two empty lists
}

// A family cut into Sets of a few rules each (RuleSetOptions::max_set_rules)
// finds the same matches, in the same order, as one Set per scope: on every
// rule file's examples and on the articles of corpus/.
TEST(RuleSetParts, SmallSetsFindTheSameMatchesAsOneSet) {
  const std::string dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  std::vector<std::string> articles = CorpusArticles();
  ASSERT_GE(articles.size(), 20u);
  size_t families = 0, matches = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".json" || e.path().filename() == "macros.json") continue;
    RuleSetOptions small;
    small.max_set_rules = 3;
    auto one = RuleSet::LoadFile(e.path().string(), {});
    auto parts = RuleSet::LoadFile(e.path().string(), small);
    ASSERT_TRUE(one.ok() && parts.ok()) << e.path();
    ++families;
    std::vector<std::string> inputs = articles;
    for (const Rule& r : one->rules())
      for (const RuleExample& ex : r.examples) inputs.push_back(Fold(ex.text));
    for (const std::string& t : inputs) {
      Found a = MatchesOf(one.value(), t), b = MatchesOf(parts.value(), t);
      ASSERT_EQ(a, b) << e.path().filename() << " on \"" << t << "\"";
      matches += a.size();
    }
  }
  EXPECT_GE(families, 8u);
  EXPECT_GT(matches, 1000u);  // the texts do match: not two empty lists compared
}

// The Set's patterns lose the optional parts they start or end with, and
// nothing else: what stays must match on its own.
TEST(RuleSetPatterns, OptionalEndsAreDroppedNothingElse) {
  EXPECT_EQ(SetPatternOf("(?P<span>(?:(?P<year>\\d{4}) ?年 ?)?(?P<month>\\d{1,2}) ?月)"),
            "(?P<span>(?P<month>\\d+) ?月)");
  EXPECT_EQ(SetPatternOf("(?:a)?(?:b)??c(?:[日号](?:早|晚)?(?P<q>前|后)?)"), "c(?:[日号])");
  EXPECT_EQ(SetPatternOf("(?:a)?c", false), "(?:a)?c");
  EXPECT_EQ(SetPatternOf("x月{0,2}"), "x");
  EXPECT_EQ(SetPatternOf("x\\p{Han}*"), "x");
  // Kept: anchors, alternatives, a repeated group, a pattern that would be empty.
  EXPECT_EQ(SetPatternOf("^(?:a)?b"), "^(?:a)?b");
  EXPECT_EQ(SetPatternOf("ab?$"), "ab?$");
  EXPECT_EQ(SetPatternOf("(?:a)?|b"), "(?:a)?|b");
  EXPECT_EQ(SetPatternOf("a(?:b|c?)"), "a(?:b|c?)");
  EXPECT_EQ(SetPatternOf("(?:(?:x)?y)+z"), "(?:(?:x)?y)+z");
  EXPECT_EQ(SetPatternOf("(a)?"), "(a)?");
  EXPECT_EQ(SetPatternOf("[(]?a[)]?"), "[(]?a");
}

// With the Sets' patterns trimmed (the default), every family finds the same
// matches, in the same order, as with the patterns as written: on every rule
// file's examples and on the articles of corpus/.
TEST(RuleSetPatterns, TrimmedSetsFindTheSameMatches) {
  const std::string dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  std::vector<std::string> articles = CorpusArticles();
  ASSERT_GE(articles.size(), 20u);
  size_t families = 0, trimmed = 0, matches = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".json" || e.path().filename() == "macros.json") continue;
    RuleSetOptions written;
    written.trim_set_patterns = false;
    auto trim = RuleSet::LoadFile(e.path().string(), {});
    auto full = RuleSet::LoadFile(e.path().string(), written);
    ASSERT_TRUE(trim.ok() && full.ok()) << e.path();
    ++families;
    std::vector<std::string> inputs = articles;
    for (const Rule& r : trim->rules()) {
      trimmed += SetPatternOf(r.pattern) != SetPatternOf(r.pattern, false);
      for (const RuleExample& ex : r.examples) inputs.push_back(Fold(ex.text));
    }
    for (const std::string& t : inputs) {
      Found a = MatchesOf(trim.value(), t), b = MatchesOf(full.value(), t);
      ASSERT_EQ(a, b) << e.path().filename() << " on \"" << t << "\"";
      matches += a.size();
    }
  }
  EXPECT_GE(families, 8u);
  EXPECT_GE(trimmed, 50u);        // the comparison is about rules that were trimmed
  EXPECT_GT(matches, 1000u);      // the texts do match: not two empty lists compared
}

// A rule enters its Sets by the strings every match of it holds: RE2's
// prefilter atoms, lower-cased, as a case-blind alternation; none when a
// match needs no literal or an atom is shorter than asked.
TEST(RuleSetLiterals, TheStringsEveryMatchHolds) {
  EXPECT_EQ(LiteralSetPatternOf("(?P<n>\\d+)(?:亿|万)?元", 3), "(?i:元)");
  EXPECT_EQ(LiteralSetPatternOf("(?:美元|欧元)\\d+", 6), "(?i:美元|欧元)");
  EXPECT_EQ(LiteralSetPatternOf("GDP\\d+", 3), "(?i:gdp)");
  EXPECT_EQ(LiteralSetPatternOf("\\d+(?:元|美元)", 6), "");  // 元 is 3 bytes
  EXPECT_EQ(LiteralSetPatternOf("\\p{Han}{2,4}\\d+", 1), "(?i:9|8|7|6|5|4|3|2|1|0)");
  EXPECT_EQ(LiteralSetPatternOf("\\p{Han}{2,4}\\d+", 3), "");  // no literal of 3 bytes
}

// With every rule that has such strings entering its Sets by them (the
// shortest allowed), every family finds the same matches, in the same
// order, as with the Sets of patterns: on every rule file's examples and on
// the articles of corpus/.
TEST(RuleSetLiterals, LiteralSetsFindTheSameMatches) {
  const std::string dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  std::vector<std::string> articles = CorpusArticles();
  ASSERT_GE(articles.size(), 20u);
  size_t families = 0, literal = 0, matches = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".json" || e.path().filename() == "macros.json") continue;
    RuleSetOptions all, none;
    all.literal_sets = true;
    all.literal_min_bytes = 1;
    none.literal_sets = false;
    auto lit = RuleSet::LoadFile(e.path().string(), all);
    auto pat = RuleSet::LoadFile(e.path().string(), none);
    ASSERT_TRUE(lit.ok() && pat.ok()) << e.path();
    ++families;
    std::vector<std::string> inputs = articles;
    for (const Rule& r : lit->rules()) {
      literal += !LiteralSetPatternOf(r.pattern, 1).empty();
      for (const RuleExample& ex : r.examples) inputs.push_back(Fold(ex.text));
    }
    for (const std::string& t : inputs) {
      Found a = MatchesOf(lit.value(), t), b = MatchesOf(pat.value(), t);
      ASSERT_EQ(a, b) << e.path().filename() << " on \"" << t << "\"";
      matches += a.size();
    }
  }
  EXPECT_GE(families, 8u);
  EXPECT_GE(literal, 150u);   // the comparison is about rules entered by literals
  EXPECT_GT(matches, 1000u);  // the texts do match: not two empty lists compared
}

TEST(RuleSetWindows, ExamplesCheckTheAnalysisAtLoadTime) {
  // The analysis says every match of `\d+[元块]` holds a digit; an example
  // cannot contradict it, so this loads; the stats show the windows at work.
  auto rs = RuleSet::LoadString(R"({"rules": [{"id": "r", "kind": "figure", "pattern": "\\d+[元块]",
    "examples": ["花了30元", "5块"]}]})", "/nonexistent/t.json", {});
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  ASSERT_TRUE(rs->Scope(0).windowed);
  FindStats st;
  auto m = rs->FindAll("今天天气很好,我们去公园玩了很久,花了30元,很开心", &st);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].begin, std::string("今天天气很好,我们去公园玩了很久,花了").size());
  EXPECT_EQ(st.window_bytes, std::string("花了30元").size());
  EXPECT_GT(st.line_bytes, 3 * st.window_bytes);
}

}  // namespace
}  // namespace newskb
