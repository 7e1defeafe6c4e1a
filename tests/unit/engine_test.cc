// Tests for extractors/engine: rule files -> RuleSet, FindAll, Resolve.
#include "extractors/engine/rule_set.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace newskb {
namespace {

Result<RuleSet> Load(const std::string& json) { return RuleSet::LoadString(json, "/nonexistent/test.json", {}); }

// The message of a load that must fail.
std::string LoadError(const std::string& json) {
  auto rs = Load(json);
  EXPECT_FALSE(rs.ok()) << "loaded, but should not have: " << json;
  return rs.ok() ? "" : rs.status().message();
}

#define EXPECT_CONTAINS(hay, needle) EXPECT_NE((hay).find(needle), std::string::npos) << (hay)

// A fresh folder for rule files, removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("newskb_engine_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

TEST(RuleSet, LoadsAndMatches) {
  auto rs = Load(R"({"family":"t","macros":{"NUM":"\\d+(?:\\.\\d+)?"},"rules":[
    {"id":"pct","kind":"figure","priority":3,"pattern":"(?P<num>{NUM})%","attrs":{"unit":"%","scale":1}},
    {"id":"usd","kind":"figure","pattern":"(?P<num>{NUM})(?P<scale>亿)?美元"}]})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->family(), "t");
  EXPECT_EQ(rs->file(), "/nonexistent/test.json");
  ASSERT_EQ(rs->rules().size(), 2u);
  EXPECT_EQ(rs->rules()[0].priority, 3);
  EXPECT_EQ(rs->rules()[0].kind, "figure");
  EXPECT_EQ(rs->rules()[0].attrs.at("scale"), "1");
  EXPECT_EQ(rs->FindRule("usd"), &rs->rules()[1]);
  EXPECT_EQ(rs->FindRule("nope"), nullptr);

  std::string text = "增长60%，投资120亿美元和3美元";
  auto m = RuleSet::Resolve(rs->FindAll(text), nullptr);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].rule->id, "pct");
  EXPECT_EQ(text.substr(m[0].begin, m[0].end - m[0].begin), "60%");
  EXPECT_EQ(m[0].Group("num"), "60");
  EXPECT_EQ(m[0].rule->attrs.at("unit"), "%");
  EXPECT_EQ(m[1].rule->id, "usd");
  EXPECT_EQ(m[1].Group("num"), "120");
  EXPECT_EQ(m[1].Group("scale"), "亿");
  EXPECT_TRUE(m[1].Has("scale"));
  EXPECT_FALSE(m[2].Has("scale"));  // did not take part
  EXPECT_EQ(m[2].Group("scale"), "");
  EXPECT_EQ(m[2].Group("num"), "3");
  // Groups point into the searched text.
  EXPECT_EQ(m[2].Group("num").data(), text.data() + m[2].begin);
}

TEST(RuleSet, ReadsExamplesOfAllShapes) {
  auto rs = Load(R"({"rules":[{"id":"a","kind":"figure","pattern":"\\d+%",
    "examples":[{"text":"增长60%","match":"60%","date":"2026-02-18","expect":{"value":60,"unit":"%"}},
                {"text":"第60号","must_match":false}, "裸60%"],
    "counter_examples":["60人"]}]})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  const auto& ex = rs->rules()[0].examples;
  ASSERT_EQ(ex.size(), 4u);
  EXPECT_TRUE(ex[0].must_match);
  EXPECT_EQ(ex[0].match, "60%");
  EXPECT_EQ(ex[0].expect.at("value"), "60");
  EXPECT_EQ(ex[0].expect.at("unit"), "%");
  EXPECT_EQ(ex[0].expect.at("@date"), "2026-02-18");
  EXPECT_FALSE(ex[1].must_match);
  EXPECT_TRUE(ex[2].must_match);
  EXPECT_EQ(ex[2].text, "裸60%");
  EXPECT_FALSE(ex[3].must_match);
  EXPECT_EQ(ex[3].text, "60人");
}

TEST(RuleSet, MacroExpansion) {
  auto rs = Load(R"({"macros":{"D":"[0-9]","DD":"{D}{2}","HAN":"\\p{Han}\\x{4E00}\\{A}"},"rules":[
    {"id":"y","kind":"date","pattern":"(?P<y>{D}{4})年{DD}"},
    {"id":"h","kind":"date","pattern":"{HAN}\\p{L}"}]})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  // Macros expand recursively; repetitions, \p{..}, \x{..} and \{ stay.
  EXPECT_EQ(rs->rules()[0].pattern, "(?P<y>(?:[0-9]){4})年(?:(?:[0-9]){2})");
  EXPECT_EQ(rs->rules()[0].source_pattern, "(?P<y>{D}{4})年{DD}");
  EXPECT_EQ(rs->rules()[1].pattern, "(?:\\p{Han}\\x{4E00}\\{A})\\p{L}");
  auto m = rs->FindAll("2026年02");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].Group("y"), "2026");

  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"x","kind":"date","pattern":"{NOPE}"}]})"),
                  "test.json:1: rule x: unknown macro {NOPE}");
  EXPECT_CONTAINS(LoadError(R"({"macros":{"A":"{B}"},"rules":[{"id":"x","kind":"date","pattern":"a"}]})"),
                  "unknown macro {B} (in macro {A})");
  std::string cyc = LoadError("{\"macros\":{\n\"A\":\"x{B}\",\n\"B\":\"{A}\"},\n"
                              "\"rules\":[{\"id\":\"x\",\"kind\":\"date\",\"pattern\":\"{A}\"}]}");
  EXPECT_CONTAINS(cyc, "test.json:2: macro A: macro cycle: {A} -> {B} -> {A}");
  // A broken macro is named with its own line even if no rule uses it.
  EXPECT_CONTAINS(LoadError("{\"macros\":{\n\"OK\":\"a\",\n\"BAD\":\"(a\"},\"rules\":[]}"),
                  "test.json:3: macro BAD: missing ): (a");
  EXPECT_CONTAINS(LoadError(R"({"macros":{"lower":"a"},"rules":[]})"), "macro name 'lower'");
}

TEST(RuleSet, SharedMacrosFromMacrosJsonBesideTheFile) {
  TempDir dir;
  dir.Write("macros.json", "// shared\n{\"macros\": {\"NUM\": \"\\\\d+\", \"PCT\": \"{NUM}%\"}}\n");
  std::string fam = dir.Write("figs.json", R"J({"macros":{"NUM":"\\d+(?:\\.\\d+)?"},
    "rules":[{"id":"p","kind":"figure","pattern":"(?P<v>{PCT})"}]})J");
  auto rs = RuleSet::LoadFile(fam, {});
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->family(), "figs");  // no "family": the file stem
  // The file's own NUM overrides the shared one, also inside shared macros.
  EXPECT_EQ(rs->rules()[0].pattern, "(?P<v>(?:(?:\\d+(?:\\.\\d+)?)%))");
  auto m = rs->FindAll("涨了3.5%");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].Group("v"), "3.5%");

  dir.Write("macros.json", "{\"macros\": {\n  \"NUM\": \"(\\\\d+\"}}\n");
  auto bad = RuleSet::LoadFile(fam, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_CONTAINS(bad.status().message(), "macros.json:2: macro NUM: missing )");
}

TEST(RuleSet, RealSharedMacrosMatchNumerals) {
  std::string rules_dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  TempDir dir;
  std::filesystem::copy_file(rules_dir + "/macros.json", dir.path / "macros.json");
  std::string fam = dir.Write("t.json", R"J({"rules":[
    {"id":"any","kind":"figure","pattern":"(?P<n>{ANY_NUM})"}]})J");
  auto rs = RuleSet::LoadFile(fam, {});
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  auto texts = [&](const std::string& t) {
    std::vector<std::string> out;
    for (const RuleMatch& m : RuleSet::Resolve(rs->FindAll(t), nullptr)) out.emplace_back(m.Group("n"));
    return out;
  };
  EXPECT_EQ(texts("投资1,200.5亿元"), std::vector<std::string>{"1,200.5亿"});
  EXPECT_EQ(texts("三千五百万人"), std::vector<std::string>{"三千五百万"});
  EXPECT_EQ(texts("壹佰贰拾元"), std::vector<std::string>{"壹佰贰拾"});
  EXPECT_EQ(texts("12,34"), (std::vector<std::string>{"12", "34"}));  // not a thousands separator
}

TEST(RuleSet, BadPatternNamesFileLineAndRule) {
  auto rs = Load("{\"rules\":[\n{\"id\":\"ok\",\"kind\":\"figure\",\"pattern\":\"a\"},\n"
                 "{\"id\":\"fig.bad\",\n\"kind\":\"figure\",\"pattern\":\"(?P<num>a\"}]}");
  ASSERT_FALSE(rs.ok());
  // As the user sees it: file:line: rule id: RE2's own message.
  EXPECT_EQ(rs.status().message(), "/nonexistent/test.json:3: rule fig.bad: missing ): (?P<num>a");
  // Through a real file too.
  TempDir dir;
  std::string f = dir.Write("figures.json", "// figures\n{\"rules\": [\n  {\"id\": \"fig.x\", \"kind\": \"figure\",\n"
                                            "   \"pattern\": \"a{2,1}\"}\n]}\n");
  auto r2 = RuleSet::LoadFile(f, {});
  ASSERT_FALSE(r2.ok());
  EXPECT_CONTAINS(r2.status().message(), "figures.json:3: rule fig.x: invalid repetition size: {2,1}");
}

TEST(RuleSet, CommentsKeepLineNumbers) {
  auto rs = Load("// a comment\n{\"rules\":[\n  // another, with \"quotes\" and {braces\n"
                 "  {\"id\":\"r1\",\"kind\":\"figure\",\"pattern\":\"x//y\",   // trailing\n"
                 "   \"examples\":[{\"text\":\"ax//yb\",\"match\":\"x//y\"}]},\n"
                 "  {\"kind\":\"figure\",\n   \"id\":\"r2\",\"pattern\":\"z\",\n"
                 "   \"counter_examples\":[\"q\",\n      \"w\"]}]}");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->rules()[0].line, 4);
  EXPECT_EQ(rs->rules()[0].pattern, "x//y");  // `//` inside a string is no comment
  EXPECT_EQ(rs->rules()[0].examples[0].line, 5);
  EXPECT_EQ(rs->rules()[1].line, 7);  // the line of its "id"
  EXPECT_EQ(rs->rules()[1].examples[0].line, 8);
  EXPECT_EQ(rs->rules()[1].examples[1].line, 9);
  EXPECT_EQ(rs->FindAll("ax//yb").size(), 1u);
}

TEST(RuleSet, MalformedJsonNamesItsLine) {
  EXPECT_CONTAINS(LoadError("{\"rules\":[\n{\"id\":\"a\",\"kind\":\"x\",\"pattern\":\"a\"}\n"
                            "{\"id\":\"b\"}]}"),
                  "test.json:3: malformed JSON: expected ',' or ']' after a value in an array (a missing ',' at the end of line 2?)");
  EXPECT_CONTAINS(LoadError("{\"rules\":[\n{\"id\":\"a\",\n\"kind\":\"x\",\n\"pattern\":\"a\\d\"}]}"),
                  "test.json:4: malformed JSON: bad escape \\d");
  EXPECT_CONTAINS(LoadError("{\"rules\":[\n{\"id\":\"a\",\"kind\":\"x\",\"pattern\":\"a\",}]}"),
                  "test.json:2: malformed JSON: trailing comma");
  EXPECT_CONTAINS(LoadError("{\"rules\":[{\"id\":\"a\",\n"), "test.json:2: malformed JSON: unexpected end of file");
}

TEST(RuleSet, RejectsDuplicatesMissingFieldsAndWrongTypes) {
  EXPECT_CONTAINS(LoadError("{\"rules\":[{\"id\":\"a\",\"kind\":\"x\",\"pattern\":\"a\"},\n"
                            "{\"id\":\"a\",\"kind\":\"x\",\"pattern\":\"b\"}]}"),
                  "test.json:2: rule a: duplicate rule id (first at line 1)");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","kind":"x","pattern":"a","patern":"b"}]})"),
                  "rule a: unknown field 'patern'");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","kind":"x","pattern":"a","priority":"high"}]})"),
                  "rule a: \"priority\" must be a whole number");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","pattern":"a"}]})"), "rule a: missing \"kind\"");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","kind":"x"}]})"), "rule a: missing \"pattern\"");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","kind":"x","pattern":7}]})"), "\"pattern\" must be a string");
  EXPECT_CONTAINS(LoadError("{\"rules\":[\n\n  {\"kind\":\"x\",\"pattern\":\"a\"}]}"),
                  "test.json:3: rule #1 has no \"id\"");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":3,"kind":"x","pattern":"a"}]})"), "\"id\" must be a non-empty string");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","kind":"x","pattern":"a","attrs":["u"]}]})"),
                  "\"attrs\" must be an object");
  EXPECT_CONTAINS(LoadError(R"({"rules":[{"id":"a","kind":"x","pattern":"a","examples":[{"txt":"a"}]}]})"),
                  "unknown example field 'txt'");
  EXPECT_CONTAINS(LoadError(R"J({"rules":[{"id":"a","kind":"x","pattern":"(?P<n>a)","groups":{"num":"?"}}]})J"),
                  "\"groups\" documents 'num', which the pattern does not have");
  EXPECT_CONTAINS(LoadError(R"({"rulez":[]})"), "unknown top-level field 'rulez'");
  EXPECT_CONTAINS(LoadError(R"({"family":"f"})"), "no \"rules\" array");
  EXPECT_CONTAINS(LoadError("[1]"), "must be one JSON object");
  auto missing = RuleSet::LoadFile("/nonexistent/dir/figures.json", {});
  ASSERT_FALSE(missing.ok());
  EXPECT_CONTAINS(missing.status().message(), "/nonexistent/dir/figures.json: cannot open");
}

TEST(RuleSet, OverlapLongestThenPriority) {
  auto rs = Load(R"({"rules":[
    {"id":"short","kind":"f","priority":9,"pattern":"12"},
    {"id":"long","kind":"f","priority":0,"pattern":"123"},
    {"id":"lo","kind":"f","priority":1,"pattern":"ab"},
    {"id":"hi","kind":"f","priority":5,"pattern":"ab"},
    {"id":"first","kind":"f","pattern":"xy"},
    {"id":"second","kind":"f","pattern":"xy"},
    {"id":"left","kind":"f","pattern":"pq"},
    {"id":"right","kind":"f","pattern":"qr"}]})");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  std::vector<std::pair<RuleMatch, size_t>> losers;
  auto w = RuleSet::Resolve(rs->FindAll("123 ab xy pqr"), &losers);
  ASSERT_EQ(w.size(), 4u);
  EXPECT_EQ(w[0].rule->id, "long");    // longer beats higher priority
  EXPECT_EQ(w[1].rule->id, "hi");      // same length: higher priority
  EXPECT_EQ(w[2].rule->id, "first");   // same length and priority: file order
  EXPECT_EQ(w[3].rule->id, "left");    // same everything: earlier start
  std::map<std::string, std::string> lost_to;
  for (auto& [l, idx] : losers) lost_to[l.rule->id] = w.at(idx).rule->id;
  EXPECT_EQ(lost_to, (std::map<std::string, std::string>{
                         {"short", "long"}, {"lo", "hi"}, {"second", "first"}, {"right", "left"}}));
  // Winners come back in text order whatever the input order.
  auto cands = rs->FindAll("ab 123");
  std::reverse(cands.begin(), cands.end());
  auto w2 = RuleSet::Resolve(cands, nullptr);
  ASSERT_EQ(w2.size(), 2u);
  EXPECT_LT(w2[0].begin, w2[1].begin);
  // Adjacent spans do not overlap.
  auto w3 = RuleSet::Resolve(rs->FindAll("123123"), nullptr);
  EXPECT_EQ(w3.size(), 2u);
}

TEST(RuleSet, SetOnlyRunsHitRules) {
  std::string json = R"({"rules":[)";
  for (int i = 0; i < 200; ++i)
    json += std::string(i ? "," : "") + R"({"id":"r)" + std::to_string(i) + R"(","kind":"f","pattern":"w)" +
            std::to_string(i) + R"(x"})";
  json += "]}";
  auto rs = Load(json);
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  FindStats st;
  auto m = rs->FindAll("aa w17x bb w123x w17x", &st);
  EXPECT_EQ(st.rules_run, 2u);  // of 200: only the Set's hits ran
  EXPECT_EQ(st.set_out_of_memory, 0u);
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].rule->id, "r17");  // grouped by rule, each in text order
  EXPECT_EQ(m[1].rule->id, "r17");
  EXPECT_LT(m[0].begin, m[1].begin);
  EXPECT_EQ(m[2].rule->id, "r123");
  FindStats none;
  EXPECT_TRUE(rs->FindAll("nothing here", &none).empty());
  EXPECT_EQ(none.rules_run, 0u);
}

// The Set holds each rule with its counted repetitions opened (X{2,3} ->
// X+), to keep its DFA small; the rules' own patterns still decide what
// matches: bounds hold, a `{` that is no repetition stays a literal, and a
// brace inside a class stays in the class.
TEST(RuleSet, CountedRepetitionsKeepTheirBounds) {
  auto rs = Load(R"J({"rules":[
    {"id":"co","kind":"f","pattern":"(?P<name>\\p{Han}{2,3}?公司)"},
    {"id":"x3","kind":"f","pattern":"\\bx{3}\\b"},
    {"id":"lit","kind":"f","pattern":"a{b"},
    {"id":"cls","kind":"f","pattern":"[{}]{2}z"},
    {"id":"opt","kind":"f","pattern":"q{0,1}w"}]})J");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  auto texts = [](const std::string& t, const std::vector<RuleMatch>& ms) {
    std::vector<std::string> out;
    for (const RuleMatch& m : ms) out.push_back(m.rule->id + ":" + t.substr(m.begin, m.end - m.begin));
    return out;
  };
  std::string t = "他说中华电力公司，甲公司 xx xxxx xxx a{b {}z {z w";
  EXPECT_EQ(texts(t, rs->FindAll(t)),
            (std::vector<std::string>{"co:华电力公司", "x3:xxx", "lit:a{b", "cls:{}z", "opt:w"}));
  // Lines where only the opened pattern holds: the Set names the rule, its
  // own pattern finds nothing (one extra scan, no extra match).
  FindStats st;
  EXPECT_TRUE(rs->FindAll("甲公司 xx xxxx {z", &st).empty());
  EXPECT_EQ(st.rules_run, 3u);  // co, x3, cls
}

TEST(RuleSet, FindsEveryOccurrenceAndSkipsEmptyMatches) {
  auto rs = Load(R"({"rules":[{"id":"n","kind":"f","pattern":"\\d*"},{"id":"b","kind":"f","pattern":"\\b"}]})");
  ASSERT_TRUE(rs.ok());
  std::string text = "a1b22c333 元4";
  auto m = rs->FindAll(text);
  ASSERT_EQ(m.size(), 4u);  // \b and empty \d* matches are skipped, not looped on
  EXPECT_EQ(text.substr(m[1].begin, m[1].end - m[1].begin), "22");
  EXPECT_EQ(m[2].begin, 6u);
  EXPECT_EQ(m[2].end, 9u);
  EXPECT_EQ(text.substr(m[3].begin), "4");
  EXPECT_TRUE(rs->FindAll("").empty());
}

// A document is matched line by line: no match spans a line break, ^ and $
// hold at each line's ends, offsets stay those of the whole text, and a
// rule that hit in one line does not run on the others.
TEST(RuleSet, MatchesLineByLine) {
  auto rs = Load(R"J({"rules":[{"id":"ab","kind":"f","pattern":"a\\s*b"},
                 {"id":"head","kind":"f","pattern":"^(?P<w>\\w+)"},
                 {"id":"tail","kind":"f","pattern":"z$"}]})J");
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  std::string text = "xa\nb\nab one\n\ntwo z\n";
  FindStats st;
  auto m = rs->FindAll(text, &st);
  std::vector<std::string> got;
  for (const RuleMatch& x : m) got.push_back(x.rule->id + ":" + text.substr(x.begin, x.end - x.begin));
  EXPECT_EQ(got, (std::vector<std::string>{"head:xa", "head:b", "ab:ab", "head:ab", "head:two", "tail:z"}));
  EXPECT_EQ(m[2].begin, 5u);  // offsets in the whole text
  EXPECT_EQ(m[1].Group("w"), "b");
  EXPECT_EQ(st.rules_run, 6u);  // head x4, ab x1, tail x1: not 3 rules x 4 lines
}

TEST(RuleSet, RefusesPatternOverMemoryBudget) {
  RuleSetOptions o;
  o.rule_max_mem = 1 << 12;
  auto rs = RuleSet::LoadString("{\"rules\":[\n{\"id\":\"small\",\"kind\":\"f\",\"pattern\":\"a\"},\n"
                                "{\"id\":\"big\",\"kind\":\"f\",\"pattern\":\"\\\\p{Han}{200}[a-z]{1,100}\"}]}",
                                "big.json", o);
  ASSERT_FALSE(rs.ok());
  EXPECT_CONTAINS(rs.status().message(), "big.json:3: rule big: pattern too large - compile failed");
  EXPECT_CONTAINS(rs.status().message(), "memory budget");
  // The family's Set has its own budget: refused too, never silently slow.
  RuleSetOptions so;
  so.max_mem = 1 << 14;
  std::string json = R"({"rules":[)";
  for (int i = 0; i < 50; ++i)
    json += std::string(i ? "," : "") + R"({"id":"r)" + std::to_string(i) + R"(","kind":"f","pattern":"\\p{Han}{)" +
            std::to_string(i + 2) + R"(}x"})";
  json += "]}";
  auto set = RuleSet::LoadString(json, "set.json", so);
  ASSERT_FALSE(set.ok());
  EXPECT_CONTAINS(set.status().message(), "set.json");
  EXPECT_CONTAINS(set.status().message(), "RE2::Set memory budget");
}

TEST(RuleSet, RealRuleFilesLoad) {
  std::string rules_dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  int families = 0;
  for (const auto& e : std::filesystem::directory_iterator(rules_dir)) {
    if (e.path().extension() != ".json" || e.path().filename() == "macros.json") continue;
    auto rs = RuleSet::LoadFile(e.path().string(), {});
    ASSERT_TRUE(rs.ok()) << rs.status().message();
    EXPECT_FALSE(rs->rules().empty()) << e.path();
    for (const Rule& r : rs->rules()) EXPECT_GT(r.line, 0) << r.id;
    ++families;
  }
  EXPECT_GE(families, 4);
}

TEST(RuleSet, ReadmeExampleLoads) {
  // The example in extractors/rules/README.md, as documented, with the real shared macros.
  std::string rules_dir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  std::ifstream in(rules_dir + "/README.md");
  std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  size_t b = md.find("```jsonc\n");
  ASSERT_NE(b, std::string::npos);
  b += 9;
  std::string json = md.substr(b, md.find("```", b) - b);
  auto rs = RuleSet::LoadString(json, rules_dir + "/readme_example.json", {});
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  EXPECT_EQ(rs->family(), "figures");
  ASSERT_EQ(rs->rules().size(), 1u);
  EXPECT_EQ(rs->rules()[0].examples.size(), 5u);
  auto m = rs->FindAll("投入4亿美元");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].Group("scale"), "亿");
}

TEST(RuleSet, MaxRulesLoadsTheFirstRulesOnly) {
  RuleSetOptions o;
  o.max_rules = 2;
  auto rs = RuleSet::LoadString(R"({"rules":[{"id":"a","kind":"f","pattern":"a"},{"id":"b","kind":"f","pattern":"b"},
    {"id":"c","kind":"f","pattern":"c"}]})", "t.json", o);
  ASSERT_TRUE(rs.ok()) << rs.status().message();
  ASSERT_EQ(rs->rules().size(), 2u);
  EXPECT_EQ(rs->FindAll("abc").size(), 2u);
}

TEST(RuleSet, MovesAndStaysValid) {
  auto rs = Load(R"J({"rules":[{"id":"a","kind":"f","pattern":"(?P<x>a+)"}]})J");
  ASSERT_TRUE(rs.ok());
  RuleSet moved = std::move(rs).value();
  auto m = moved.FindAll("baab");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rule, &moved.rules()[0]);
  EXPECT_EQ(m[0].Group("x"), "aa");
}

}  // namespace
}  // namespace newskb
