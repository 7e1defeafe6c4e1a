#include "pipeline/script/script.h"

#include <gtest/gtest.h>

namespace newskb {
namespace {

std::shared_ptr<const ScriptConverter> S() {
  static std::shared_ptr<const ScriptConverter> s = ScriptConverter::Create().value();
  return s;
}

}  // namespace

TEST(Script, DisplayNamesInBothScriptsFromEither) {
  // Written in Simplified: kept; Traditional (Taiwan's characters) made by OpenCC s2tw.
  DisplayNames a = S()->Names("美国能源部");
  EXPECT_EQ(a.hans, "美国能源部");
  EXPECT_EQ(a.hant, "美國能源部");
  // Written in Traditional: kept as written; Simplified made by OpenCC t2s.
  DisplayNames b = S()->Names("國務院");
  EXPECT_EQ(b.hant, "國務院");
  EXPECT_EQ(b.hans, "国务院");
  // A Taiwan name keeps its characters (台, not 臺), and Taiwan's variants (裏 -> 裡).
  EXPECT_EQ(S()->Names("台積電").hant, "台積電");
  EXPECT_EQ(S()->Names("台積電").hans, "台积电");
  EXPECT_EQ(S()->Names("裏約").hant, "裡約");
  // Phrase-level: 计划 becomes 計劃 as a word, 稀土开发商 character by character.
  EXPECT_EQ(S()->Names("稀土开发商").hant, "稀土開發商");
  EXPECT_EQ(S()->Names("计划").hant, "計劃");
  // A Simplified name with a character mainland usage writes otherwise.
  EXPECT_EQ(S()->Names("居於单位条例").hans, "居于单位条例");
}

// A name is a name: its Traditional display name changes characters, not
// words, so it folds back to the name as written (中国信息通信研究院 is not
// Taiwan's 中國資訊通訊研究院, 国家数据局 not 國家資料局). Taiwan's words are
// kept apart (hant_words), for the knowledge base to find an entity a Taiwan
// outlet names in them (意大利 -> 義大利).
TEST(Script, TraditionalNamesKeepTheirWords) {
  EXPECT_EQ(S()->Names("中国信息通信研究院").hant, "中國信息通信研究院");
  EXPECT_EQ(S()->Names("工业和信息化部").hant, "工業和信息化部");
  EXPECT_EQ(S()->Names("国家数据局").hant, "國家數據局");
  EXPECT_EQ(S()->Names("国家互联网信息办公室").hant, "國家互聯網信息辦公室");
  EXPECT_EQ(S()->Names("意大利政府").hant, "意大利政府");
  EXPECT_EQ(S()->Names("意大利政府").hant_words, "義大利政府");
  EXPECT_EQ(S()->Names("国家数据局").hant_words, "國家資料局");
  EXPECT_EQ(S()->Names("國家資料局").hant_words, "國家資料局");  // written in Traditional: as written
}

TEST(Script, LatinNamesKeepTheirCase) {
  EXPECT_EQ(S()->Names("MP Materials").hant, "MP Materials");
  EXPECT_EQ(S()->Names("MP Materials").hans, "MP Materials");
  EXPECT_EQ(S()->Names("三星SDI").hant, "三星SDI");
  EXPECT_EQ(S()->Names("鴻海Foxconn").hans, "鸿海Foxconn");
}

TEST(Script, DisplayNamesNeverMixScripts) {
  // Names as news writes them, of each kind and both scripts; each display
  // name holds no character only the other script writes.
  for (const char* name : {"美国能源部", "美國能源部", "國務院", "国家发展和改革委员会", "經濟部",
                           "香港金融管理局", "台積電", "寧德時代", "稀土管理条例", "《通膨削減法案》",
                           "晶片與科學法", "鋰", "锂", "碳酸锂", "澳大利亞", "MP Materials", "峯會",
                           "美國國務院亞太事務局", "中华人民共和国出口管制法", "租户居於单位条例"}) {
    DisplayNames n = S()->Names(name);
    EXPECT_FALSE(S()->HasSimplifiedOnly(n.hant)) << name << " -> " << n.hant;
    EXPECT_FALSE(S()->HasTraditionalOnly(n.hans)) << name << " -> " << n.hans;
    EXPECT_EQ(S()->ToHans(n.hans), n.hans) << name;  // nothing left for t2s to change
    EXPECT_FALSE(n.hant.empty());
    EXPECT_FALSE(n.hans.empty());
  }
}

TEST(Script, DetectsTheScriptOfAText) {
  EXPECT_EQ(S()->Detect("美國國防部週二宣布，向稀土廠商投資4億美元。"), Script::kHant);
  EXPECT_EQ(S()->Detect("美国国防部周二宣布，向稀土厂商投资4亿美元。"), Script::kHans);
  // Characters both scripts write, or none at all: no evidence.
  EXPECT_EQ(S()->Detect("台北"), std::nullopt);
  EXPECT_EQ(S()->Detect("MP Materials 2025"), std::nullopt);
  EXPECT_EQ(S()->Detect(""), std::nullopt);
}

TEST(Script, ParsesItsNames) {
  EXPECT_EQ(ParseScript("hant"), Script::kHant);
  EXPECT_EQ(ParseScript("hans"), Script::kHans);
  EXPECT_EQ(ParseScript("zh-TW"), std::nullopt);
  EXPECT_STREQ(ScriptName(Script::kHant), "hant");
}

TEST(Script, MissingOpenccDataIsAnErrorNamingTheFile) {
  Result<std::shared_ptr<const ScriptConverter>> r = ScriptConverter::Create("/nonexistent/opencc");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/opencc/s2tw.json"), std::string::npos)
      << r.status().message();
}

}  // namespace newskb
