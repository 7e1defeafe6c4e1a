#include "pipeline/normalize/normalizer.h"

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
