#include "pipeline/normalize/normalizer.h"
#include "pipeline/normalize/fold_table.h"

#include <gtest/gtest.h>

namespace newskb {
namespace {

std::shared_ptr<const Normalizer> N() {
  static std::shared_ptr<const Normalizer> n = Normalizer::Create().value();
  return n;
}

}  // namespace

TEST(Normalizer, FoldsWidthCaseAndScript) {
  NormText t = N()->Normalize("美國能源部（ＤＯＥ）投入１２０億美元");
  EXPECT_EQ(t.text, "美国能源部(doe)投入120亿美元");
}

TEST(Normalizer, OffsetMapPointsBackToBodyCodePoints) {
  std::string body = "ＭＰ Materials獲得４億美元。";
  NormText t = N()->Normalize(body);
  size_t b = t.text.find("4亿美元");
  ASSERT_NE(b, std::string::npos);
  size_t e = b + std::string("4亿美元").size();
  uint32_t s = t.BodyStart(b), en = t.BodyEnd(e);
  EXPECT_EQ(t.BodyText(body, s, en), "４億美元");
  EXPECT_EQ(s, 14u);
  EXPECT_EQ(en, 18u);
}

TEST(Normalizer, SplitsSentencesOnTerminatorsAndLines) {
  std::string body = "第一句。第二句！「第三句？」\n標題\n\n  第五句；第六";
  NormText t = N()->Normalize(body);
  std::vector<std::string> got;
  for (const auto& s : t.sentences) got.push_back(std::string(t.BodyText(body, s.start, s.stop)));
  std::vector<std::string> want = {"第一句。", "第二句！", "「第三句？」", "標題", "第五句；", "第六"};
  EXPECT_EQ(got, want);
  EXPECT_EQ(t.SentenceOf(0), 0u);
  EXPECT_EQ(t.SentenceOf(5), 1u);
}

TEST(Normalizer, FoldKeyIgnoresScriptSpacesAndCase) {
  EXPECT_EQ(N()->FoldKey("美國 能源部"), N()->FoldKey("美国能源部"));
  EXPECT_EQ(N()->FoldKey("ＤＯＥ"), N()->FoldKey("doe"));
  EXPECT_EQ(N()->FoldKey("金庫計劃"), N()->FoldKey("金库计划"));
  EXPECT_NE(N()->FoldKey("能源部"), N()->FoldKey("國防部"));
}

TEST(Normalizer, FoldKeyFoldsVariantCharacters) {
  // The classes named in issue 13, from OpenCC's tables (variants.txt).
  EXPECT_EQ(N()->FoldKey("峯會"), N()->FoldKey("峰会"));
  EXPECT_EQ(N()->FoldKey("計畫"), N()->FoldKey("计划"));
  EXPECT_EQ(N()->FoldKey("計劃"), N()->FoldKey("计画"));
  EXPECT_EQ(N()->FoldKey("臺灣"), N()->FoldKey("台湾"));
  EXPECT_EQ(N()->FoldKey("裏約"), N()->FoldKey("裡約"));
  EXPECT_EQ(N()->FoldKey("里约"), N()->FoldKey("裡約"));
  EXPECT_EQ(N()->FoldKey("顯着"), N()->FoldKey("显著"));
  EXPECT_EQ(N()->FoldKey("啓動"), N()->FoldKey("啟动"));
  // Keys read as Simplified text: each class folds to its most used character.
  EXPECT_EQ(N()->FoldKey("世界糧食計畫署"), "世界粮食计划署");
  EXPECT_EQ(N()->FoldKey("國立故宮博物舘"), "国立故宫博物馆");
  EXPECT_EQ(N()->FoldKey("峯會"), "峰会");
  EXPECT_EQ(N()->FoldKey("衞生署"), "卫生署");
  // Characters no standard writes for each other stay apart.
  EXPECT_NE(N()->FoldKey("艺术"), N()->FoldKey("芸术"));
  EXPECT_NE(N()->FoldKey("计划"), N()->FoldKey("计算"));
  // Keys are folded forms: folding a key again changes nothing.
  for (const char* s : {"峯會", "計畫署", "臺積電", "MP Materials", "着陆"})
    EXPECT_EQ(N()->FoldKey(N()->FoldKey(s)), N()->FoldKey(s)) << s;
}

TEST(Normalizer, VariantsFoldOnlyInKeys) {
  // Rules match the normalised text: variants stay as written there.
  EXPECT_EQ(N()->Normalize("以色列衞生部").text, "以色列衞生部");
  EXPECT_NE(N()->FoldKey("以色列衞生部"), "以色列衞生部");
  EXPECT_EQ(N()->FoldKey("以色列衞生部"), N()->FoldKey("以色列衛生部"));
  EXPECT_FALSE(N()->FoldId().empty());
}

TEST(Normalizer, MapCoversEveryHanCodePointOnce) {
  // Every body code point maps to at least zero bytes and offsets are monotone.
  std::string body;
  for (char32_t c = 0x4E00; c < 0x4E00 + 2000; ++c) {
    char buf[4] = {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (c & 0x3F)), 0};
    body += buf;
  }
  NormText t = N()->Normalize(body);
  ASSERT_EQ(t.cp_of_byte.size(), t.text.size() + 1);
  for (size_t i = 1; i < t.cp_of_byte.size(); ++i) ASSERT_LE(t.cp_of_byte[i - 1], t.cp_of_byte[i]);
  EXPECT_EQ(t.cp_of_byte.back(), 2000u);
}

}  // namespace newskb

namespace newskb {

// The table compiled in at build time is the one ICU makes now, byte for byte
// (so a start that skips ICU folds exactly as one that asks it).
TEST(FoldTable, CompiledTableIsTheTableIcuBuilds) {
  Result<FoldTable> icu = BuildFoldTableWithIcu();
  ASSERT_TRUE(icu.ok()) << icu.status().message();
  FoldTable compiled = CompiledFoldTable(RunningIcuVersion());
  ASSERT_EQ(compiled.off.size(), 0x10001u) << "no compiled table for ICU " << RunningIcuVersion();
  EXPECT_EQ(compiled.off, icu.value().off);
  EXPECT_EQ(compiled.pool, icu.value().pool);
  // What the table holds: width, case, compatibility forms, Traditional -> Simplified.
  EXPECT_EQ(compiled.Entry(0xFF24), "d");                // Ｄ
  EXPECT_EQ(compiled.Entry(0x570B), "\xE5\x9B\xBD");     // 國 -> 国
  EXPECT_EQ(compiled.Entry(0x3231), "(\xE6\xA0\xAA)");   // ㈱ -> (株)
  EXPECT_EQ(compiled.Entry('\n'), "\n");
  EXPECT_EQ(compiled.Entry(0xD800), "");                 // a surrogate: nothing
}

// Another ICU than the build's gets no compiled table (the normaliser then
// asks ICU), never a table made with other data.
TEST(FoldTable, NoCompiledTableForAnotherIcuVersion) {
  EXPECT_TRUE(CompiledFoldTable("0.0").off.empty());
}

}  // namespace newskb
