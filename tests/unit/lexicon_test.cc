// Tests for extractors/link/lexicon.h and word_bounds.h: jieba-format
// dictionaries, segmentation, and name boundaries from words.

#include "extractors/link/lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "extractors/link/word_bounds.h"
#include "extractors/organizations/organizations.h"

namespace newskb {
namespace {

const char kDict[] =
    "巴西 500 ns\n只有 5000 c\n圣保罗 80 ns\n圣保罗州 10 ns\n保险公司 147 n\n保险 900 n\n"
    "公司 5000 n\n可以 9000 c\n的 300000 uj\n大厅 2000 n\n中国美术馆 13 nt\n国务院 15000 nt\n"
    "法制 500 n\n办公室 4000 n\n批评 3000 v\n中央 9000 n\n牵头 800 v\n组织 9000 n\n预算 2000 v\n"
    "委员会 8000 n\n";

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

// A unit that starts with a verb needs a head of three characters or more:
// the verb and a short head after a body are what the body does to whom.
TEST(Lexicon, AVerbAndAShortHeadAreNoUnit) {
  auto norm = Normalizer::Create().value();
  auto lex = Lexicon::LoadString(kDict, "dict", *norm).value();
  auto heads = WordList::FromWords({"中央", "组织", "委员会"}, *norm);
  for (std::string t : {"国务院批评中央。", "国务院牵头组织。"})
    EXPECT_EQ(ExtendUnit(*lex, *heads, t, t.find("国务院") + std::string("国务院").size()),
              t.find("国务院") + std::string("国务院").size()) << t;
  std::string u = "国务院预算委员会。";
  EXPECT_EQ(ExtendUnit(*lex, *heads, u, u.find("预算")), u.find("。"));
}

// A folder of its own under the system's temporary folder, removed after.
struct LexiconDir {
  std::filesystem::path path;
  LexiconDir() {
    path = std::filesystem::temp_directory_path() /
           ("newskb_lexicon_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(path);
  }
  ~LexiconDir() { std::filesystem::remove_all(path); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = (path / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

// Everything a caller can see of a lexicon, for comparing two of them.
std::string Describe(const Lexicon& lex, const std::vector<std::string>& texts) {
  std::string out = std::to_string(lex.size()) + "\n";
  for (const char* tag : {"n", "nt", "ns", "c", "uj", "x"})
    for (const std::string& w : lex.WordsTagged(tag)) out += std::string(tag) + " " + w + "\n";
  for (const std::string& t : texts) {
    for (const LexWord& w : lex.Segment(t, 0, t.size()))
      out += t.substr(w.b, w.e - w.b) + "/" + std::string(w.tag) + (w.known ? "" : "?") + " ";
    out += "\n";
  }
  return out;
}

TEST(Lexicon, CompiledFormReadsBackTheSameLexicon) {
  LexiconDir dir;
  auto norm = Normalizer::Create().value();
  // Traditional and full-width forms fold when loaded (公司 twice: the more frequent stays).
  const std::string dict = dir.Write("dict.txt", std::string(kDict) + "臺灣 300 ns\nＡＢＣ公司 5 nt\n公司 10 n\n");
  auto parsed = Lexicon::LoadJieba(dict, *norm);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  const std::string bin = (dir.path / "lexicon.bin").string();
  ASSERT_TRUE(parsed.value()->WriteCompiled(bin, *norm).ok());
  bool compiled = false;
  auto read = Lexicon::Load(dict, bin, *norm, &compiled);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_TRUE(compiled);
  const std::vector<std::string> texts = {"巴西只有圣保罗州保险公司可以", "台湾abc公司的大厅", "甲ABC公司"};
  EXPECT_EQ(Describe(*read.value(), texts), Describe(*parsed.value(), texts));
  EXPECT_EQ(read.value()->TagOf("台湾"), "ns");
  EXPECT_EQ(read.value()->path(), dict);
}

TEST(Lexicon, CompiledFormOfAnotherOrChangedDictionaryIsPassedOver) {
  LexiconDir dir;
  auto norm = Normalizer::Create().value();
  const std::string dict = dir.Write("dict.txt", kDict);
  const std::string bin = (dir.path / "lexicon.bin").string();
  ASSERT_TRUE(Lexicon::LoadJieba(dict, *norm).value()->WriteCompiled(bin, *norm).ok());
  bool compiled = true;
  // Another dictionary file: parsed, not read from the compiled one.
  const std::string other = dir.Write("other.txt", "上海 100 ns\n");
  auto lex = Lexicon::Load(other, bin, *norm, &compiled);
  ASSERT_TRUE(lex.ok());
  EXPECT_FALSE(compiled);
  EXPECT_EQ(lex.value()->size(), 1u);
  // The same file changed after compiling (size and time): parsed again.
  dir.Write("dict.txt", std::string(kDict) + "上海 100 ns\n");
  lex = Lexicon::Load(dict, bin, *norm, &compiled);
  ASSERT_TRUE(lex.ok());
  EXPECT_FALSE(compiled);
  EXPECT_EQ(lex.value()->TagOf("上海"), "ns");
  // A compiled file cut short or missing: parsed, no error.
  ASSERT_TRUE(lex.value()->WriteCompiled(bin, *norm).ok());
  ASSERT_TRUE(Lexicon::Load(dict, bin, *norm, &compiled).ok());
  EXPECT_TRUE(compiled);
  std::filesystem::resize_file(bin, std::filesystem::file_size(bin) - 5);
  lex = Lexicon::Load(dict, bin, *norm, &compiled);
  ASSERT_TRUE(lex.ok());
  EXPECT_FALSE(compiled);
  EXPECT_EQ(lex.value()->TagOf("上海"), "ns");
  lex = Lexicon::Load(dict, (dir.path / "none.bin").string(), *norm, &compiled);
  ASSERT_TRUE(lex.ok());
  EXPECT_FALSE(compiled);
  // A lexicon not read from a file cannot be compiled: it has no stamp.
  auto inline_lex = Lexicon::LoadString(kDict, "dict", *norm).value();
  Status s = inline_lex->WriteCompiled(bin, *norm);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("'dict'"), std::string::npos) << s.message();
}

// The build's compiled jieba dictionary is the one newskb reads, and it is
// jieba's dictionary parsed.
TEST(Lexicon, BuildCompiledJiebaIsJiebaParsed) {
  if (!std::ifstream(Lexicon::DefaultPath())) GTEST_SKIP() << "python3-jieba not installed";
  ASSERT_NE(Lexicon::DefaultCompiledPath(), "") << "the build writes share/newskb/lexicon.bin";
  auto norm = Normalizer::Create().value();
  bool compiled = false;
  auto read = Lexicon::Load(Lexicon::DefaultPath(), Lexicon::DefaultCompiledPath(), *norm, &compiled);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_TRUE(compiled) << Lexicon::DefaultCompiledPath() << " is not the compiled form of " << Lexicon::DefaultPath();
  auto parsed = Lexicon::LoadJieba(Lexicon::DefaultPath(), *norm);
  ASSERT_TRUE(parsed.ok());
  const std::vector<std::string> texts = {"国务院残疾人工作协调委员会召开会议。", "他们重视学生能力培养。",
                                          "巴西只有圣保罗州保险公司可以办理。"};
  EXPECT_EQ(Describe(*read.value(), texts), Describe(*parsed.value(), texts));
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
