// Tests for extractors/link/lexicon.h and word_bounds.h: jieba-format
// dictionaries, segmentation, and name boundaries from words.

#include "extractors/link/lexicon.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "extractors/link/word_bounds.h"
#include "extractors/organizations/organizations.h"

namespace newskb {
namespace {

const char kDict[] =
    "巴西 500 ns\n只有 5000 c\n圣保罗 80 ns\n圣保罗州 10 ns\n保险公司 147 n\n保险 900 n\n"
    "公司 5000 n\n可以 9000 c\n的 300000 uj\n大厅 2000 n\n中国美术馆 13 nt\n国务院 15000 nt\n"
    "法制 500 n\n办公室 4000 n\n";

std::vector<std::string> Words(const Lexicon& lex, const std::string& t) {
  std::vector<std::string> out;
  for (const LexWord& w : lex.Segment(t, 0, t.size())) out.push_back(t.substr(w.b, w.e - w.b));
  return out;
}

TEST(Lexicon, SegmentsByTheMostProbablePath) {
  auto norm = Normalizer::Create().value();
  auto lex = Lexicon::LoadString(kDict, "dict", *norm);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(Words(*lex.value(), "巴西只有圣保罗州保险公司"),
            (std::vector<std::string>{"巴西", "只有", "圣保罗州", "保险公司"}));
  // Unknown characters are words of their own; an ASCII run is one word.
  EXPECT_EQ(Words(*lex.value(), "甲ABC公司"), (std::vector<std::string>{"甲", "ABC", "公司"}));
  EXPECT_EQ(lex.value()->TagOf("只有"), "c");
  EXPECT_EQ(lex.value()->TagOf("没有"), "");
}

TEST(Lexicon, BadLineNamesFileAndLine) {
  auto norm = Normalizer::Create().value();
  auto lex = Lexicon::LoadString("巴西 500 ns\n只有 many c\n", "mydict.txt", *norm);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("mydict.txt:2"), std::string::npos) << lex.status().message();
  auto missing = Lexicon::LoadJieba("/nonexistent/dict.txt", *norm);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("python3-jieba"), std::string::npos);
}

TEST(Lexicon, NameStartsAfterFunctionWordsAndUnitsExtend) {
  auto norm = Normalizer::Create().value();
  auto lex = Lexicon::LoadString(kDict, "dict", *norm).value();
  auto heads = WordList::FromWords({"巴西", "办公室", "委员会"}, *norm);
  std::string t = "巴西只有圣保罗州保险公司可以";
  size_t e = t.find("可以");
  EXPECT_EQ(NameStart(*lex, *heads, t, 0, e), t.find("圣保罗州"));
  std::string u = "中国美术馆的大厅";
  EXPECT_EQ(NameStart(*lex, *heads, u, 0, u.size()), u.find("大厅"));
  std::string v = "国务院法制办公室。";
  EXPECT_EQ(ExtendUnit(*lex, *heads, v, v.find("法制")), v.find("。"));
}

// With Debian's jieba dictionary installed, as the extractor ships.
TEST(Lexicon, OrganizationsUseJiebaWhenInstalled) {
  if (!std::ifstream(Lexicon::DefaultPath())) GTEST_SKIP() << "python3-jieba not installed";
  auto norm = Normalizer::Create().value();
  auto ex = MakeOrganizationExtractor(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules", norm);
  ASSERT_TRUE(ex.ok()) << ex.status().message();
  auto run = [&](const std::string& text) {
    Document doc;
    doc.key = "t";
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> out;
    ex.value()->Extract(doc, nt, &out);
    std::vector<std::string> names;
    for (const Mention& m : out) names.push_back(m.text);
    std::sort(names.begin(), names.end());
    return names;
  };
  EXPECT_EQ(run("巴西只有圣保罗州保险公司可以办理。"), (std::vector<std::string>{"圣保罗州保险公司"}));
  EXPECT_EQ(run("国务院残疾人工作协调委员会召开会议。"),
            (std::vector<std::string>{"国务院残疾人工作协调委员会"}));
  EXPECT_EQ(run("司法部和新华社。"), (std::vector<std::string>{"司法部", "新华社"}));
  EXPECT_TRUE(run("他们重视学生能力培养。").empty());
}

}  // namespace
}  // namespace newskb
