// `newskb reextract`, `show` and `rules explain --doc` on a knowledge base
// built from our corpus/ samples.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "tests/unit/cli_helpers.h"

namespace {

namespace fs = std::filesystem;
using newskb_test::Dump;
using newskb_test::Newskb;

class ReextractTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newskb_reextract_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    rules_ = (dir_ / "rules").string();
    fs::copy(fs::path(NEWSKB_SOURCE_DIR) / "extractors" / "rules", rules_, fs::copy_options::recursive);
    corpus_ = (fs::path(NEWSKB_SOURCE_DIR) / "corpus").string();
    db_ = (dir_ / "kb.sqlite").string();
    int rc = -1;
    std::string out = Newskb("ingest --db '" + db_ + "' --rules '" + rules_ + "' '" + corpus_ + "'", &rc);
    ASSERT_EQ(rc, 0) << out;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A rule change of the kind rule authors make: a gazetteer entry goes.
  void DropGazetteerLine(const std::string& file, const std::string& prefix) {
    std::string path = rules_ + "/gazetteer/" + file, kept, line;
    std::ifstream in(path);
    int dropped = 0;
    while (std::getline(in, line)) {
      if (line.rfind(prefix, 0) == 0) { ++dropped; continue; }
      kept += line + "\n";
    }
    ASSERT_EQ(dropped, 1) << prefix;
    std::ofstream(path) << kept;
  }

  fs::path dir_;
  std::string rules_, corpus_, db_;
};

TEST_F(ReextractTest, NothingToDoWhileTheRulesAreTheSame) {
  int rc = -1;
  std::string out = Newskb("reextract --db '" + db_ + "' --rules '" + rules_ + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("every document is current"), std::string::npos) << out;
  // --all re-runs every document and, rules unchanged, changes nothing.
  std::string before = Dump(db_);
  out = Newskb("reextract --all --db '" + db_ + "' --rules '" + rules_ + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("32 of 32 documents re-extracted"), std::string::npos) << out;
  EXPECT_NE(out.find(": 0 changed, 32 unchanged"), std::string::npos) << out;
  EXPECT_EQ(Dump(db_), before);
}

TEST_F(ReextractTest, AfterARuleChangeTheStaleDocumentsEqualACleanIngest) {
  DropGazetteerLine("commodities.tsv", "鋰\t");
  int rc = -1;
  std::string out = Newskb("reextract --db '" + db_ + "' --rules '" + rules_ + "'", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("32 of 32 documents re-extracted"), std::string::npos) << out;
  // What changed, per kind: lithium is no commodity any more.
  EXPECT_TRUE(std::regex_search(out, std::regex("\\n  commodity +[0-9]+ +[1-9][0-9]*\\n"))) << out;
  EXPECT_TRUE(std::regex_search(out, std::regex("\\n[a-z0-9_]+: (.*; )?commodity (\\+[0-9]+ )?-[0-9]+"))) << out;
  // The knowledge base now holds what a clean ingest with the new rules gives.
  std::string clean = (dir_ / "clean.sqlite").string();
  Newskb("ingest --db '" + clean + "' --rules '" + rules_ + "' '" + corpus_ + "'", &rc);
  ASSERT_EQ(rc, 0);
  EXPECT_TRUE(Dump(db_) == Dump(clean)) << "re-extracted and clean knowledge bases differ";
  // And it is current: a second run has nothing to do.
  out = Newskb("reextract --db '" + db_ + "' --rules '" + rules_ + "'", &rc);
  EXPECT_NE(out.find("every document is current"), std::string::npos) << out;
  EXPECT_NE(Newskb("stats --db '" + db_ + "'").find("finished, 32 stored"), std::string::npos);
}

TEST_F(ReextractTest, ShowMarksEveryMentionAndListsTheFacts) {
  int rc = -1;
  std::string out = Newskb("show --db '" + db_ + "' s02_plain_catl_annual", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_EQ(out.rfind("s02_plain_catl_annual  (undated)  ", 0), 0u) << out;
  EXPECT_NE(out.find("[宁德时代]{org=寧德時代}[3月]{date}公布的[2025年]{date}年报显示"), std::string::npos) << out;
  EXPECT_NE(out.find("营业收入[约4,020亿元]{fig}"), std::string::npos) << out;
  // The name shown (as the articles write it most often, not the gazetteer's
  // 斯泰蘭蒂斯) after the kind when it differs from the text.
  EXPECT_NE(out.find("[Stellantis]{org}"), std::string::npos) << out;
  EXPECT_NE(out.find("[香港联合交易所]{org=香港聯合交易所}"), std::string::npos) << out;
  EXPECT_NE(out.find("\nfacts: "), std::string::npos) << out;
  EXPECT_NE(out.find("  寧德時代  "), std::string::npos) << out;
  EXPECT_EQ(out.find("\033["), std::string::npos) << "colour codes when stdout is no terminal";
  out = Newskb("show --db '" + db_ + "' no_such_article", &rc);
  EXPECT_EQ(rc, 1);
  EXPECT_NE(out.find("no document 'no_such_article'"), std::string::npos) << out;
}

TEST_F(ReextractTest, RulesExplainRunsOnAStoredDocument) {
  int rc = -1;
  std::string out = Newskb("rules explain --db '" + db_ + "' --rules '" + rules_ + "' --doc s02_plain_catl_annual", &rc);
  EXPECT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("[1] 宁德时代3月公布的2025年年报显示"), std::string::npos) << out;
  EXPECT_NE(out.find("\"2025年\""), std::string::npos) << out;
  out = Newskb("rules explain --db '" + db_ + "' --doc nothing_here", &rc);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.find("no document 'nothing_here'"), std::string::npos) << out;
}

}  // namespace
