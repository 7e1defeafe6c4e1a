// Tests for extractors/policies: names in marks, head words after marks,
// bracket aliases, numbered orders, gazetteer, descriptions refused.

#include "extractors/policies/policies.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "extractors/link/spans.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

struct Fixture {
  std::shared_ptr<const Normalizer> norm = Normalizer::Create().value();
  std::unique_ptr<Extractor> ex;
  Fixture() {
    auto r = MakePolicyExtractor(kRulesDir, norm);
    if (r.ok()) ex = std::move(r).value();
    else ADD_FAILURE() << r.status().message();
  }
  std::vector<Mention> Run(const std::string& text) const {
    Document doc;
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> out;
    if (ex) ex->Extract(doc, nt, &out);
    return out;
  }
};

const Fixture& F() {
  static Fixture f;
  return f;
}

const Mention* Find(const std::vector<Mention>& ms, const std::string& text) {
  for (const Mention& m : ms)
    if (m.text == text) return &m;
  return nullptr;
}

std::string Dump(const std::vector<Mention>& ms) {
  std::string s;
  for (const Mention& m : ms) s += m.text + "/" + m.policy_kind + "/" + m.rule + " ";
  return s;
}

TEST(Policies, LawInBookTitleMarksWithoutMarks) {
  auto ms = F().Run("首次將稀土納入《國防生產法》第三章。推動《稀土循環利用法案》。");
  const Mention* m = Find(ms, "國防生產法");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "law");
  ASSERT_NE(Find(ms, "稀土循環利用法案"), nullptr) << Dump(ms);
}

TEST(Policies, HeadWordAfterMarksGivesKind) {
  auto ms = F().Run("資助「城市採礦」計劃，從電子廢棄物中回收稀土。");
  const Mention* m = Find(ms, "城市採礦");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "program");
}

TEST(Policies, NumberedExecutiveOrder) {
  auto ms = F().Run("2017年川普簽署13817號總統令。");
  const Mention* m = Find(ms, "13817號總統令");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "order");
}

TEST(Policies, EnglishAliasMapsToChineseName) {
  auto ms = F().Run("白宮推出名為「金庫計劃」（Project Vault）的儲備項目。Project Vault將獲得資金。");
  const Mention* zh = Find(ms, "金庫計劃");
  ASSERT_NE(zh, nullptr) << Dump(ms);
  int aliases = 0;
  for (const Mention& m : ms)
    if (m.text == "Project Vault") {
      ++aliases;
      EXPECT_EQ(m.name, zh->name);
      EXPECT_EQ(m.policy_kind, "program");
    }
  EXPECT_EQ(aliases, 2) << Dump(ms);
}

TEST(Policies, AliasBetweenNameAndHead) {
  auto ms = F().Run("聚焦供應鏈的「矽和平」（Pax Silica）倡議，以及礦物安全合作夥伴計畫（MSP）。");
  const Mention* m = Find(ms, "矽和平");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "initiative");
  const Mention* a = Find(ms, "Pax Silica");
  ASSERT_NE(a, nullptr) << Dump(ms);
  EXPECT_EQ(a->name, m->name);
  const Mention* msp = Find(ms, "礦物安全合作夥伴計畫");
  ASSERT_NE(msp, nullptr) << Dump(ms);
  EXPECT_EQ(msp->policy_kind, "alliance");
}

TEST(Policies, LatinNameBeforeHeadWord) {
  auto ms = F().Run("歐盟推出RESourceEU戰略。");
  ASSERT_FALSE(ms.empty());
  EXPECT_EQ(ms[0].policy_kind, "strategy");
}

TEST(Policies, GazetteerKnowsWellKnownActs) {
  auto ms = F().Run("國會通過國防授權法案，並延長通膨削減法案的補貼。");
  ASSERT_NE(Find(ms, "國防授權法案"), nullptr) << Dump(ms);
  EXPECT_EQ(Find(ms, "國防授權法案")->policy_kind, "law");
}

TEST(Policies, DescriptionIsNotAPolicy) {
  auto ms = F().Run("美國需要全面的關鍵礦產戰略，以及120億美元的關鍵礦產戰略儲備計劃。");
  EXPECT_TRUE(ms.empty()) << Dump(ms);
}

TEST(Policies, MarksWithoutHeadAreNotPolicies) {
  auto ms = F().Run("他稱這是「好消息」，《紅樓夢》也很好看。");
  EXPECT_TRUE(ms.empty()) << Dump(ms);
}

TEST(Policies, LatinWordBeforeVerbOrProjectIsNotAPolicy) {
  auto ms = F().Run("Cornish Lithium計劃在2028年前投產。赣锋锂业表示，Mariana项目采用吸附法。AI计划。");
  EXPECT_TRUE(ms.empty()) << Dump(ms);
  ASSERT_NE(Find(F().Run("歐盟推出RESourceEU計畫"), "RESourceEU"), nullptr);
}

TEST(Policies, LowerCaseBracketAliasGivesNoName) {
  auto ms = F().Run("稀土計畫（rare earth plan）");
  EXPECT_TRUE(ms.empty()) << Dump(ms);
  ASSERT_NE(Find(F().Run("能源部的氫能樞紐計畫（H2Hubs）"), "氫能樞紐計畫"), nullptr);
}

TEST(Policies, SchemesAndListsInMarks) {
  auto ms = F().Run("「鈷出口配額制度」將延長，並更新《關鍵礦產清單》。");
  ASSERT_NE(Find(ms, "鈷出口配額制度"), nullptr) << Dump(ms);
  EXPECT_EQ(Find(ms, "鈷出口配額制度")->policy_kind, "program");
  ASSERT_NE(Find(ms, "關鍵礦產清單"), nullptr) << Dump(ms);
  EXPECT_EQ(Find(ms, "關鍵礦產清單")->policy_kind, "report");
}

TEST(Policies, EnglishNameAndAcronymInOneBracket) {
  auto ms = F().Run(
      "啟動「礦產加工加速倡議」（Minerals Processing Acceleration Initiative，MPAI），"
      "白宮官員表示，MPAI將與DFC合作。");
  ASSERT_NE(Find(ms, "礦產加工加速倡議"), nullptr) << Dump(ms);
  ASSERT_NE(Find(ms, "Minerals Processing Acceleration Initiative"), nullptr) << Dump(ms);
  int acronyms = 0;
  for (const Mention& m : ms) {
    if (m.text != "MPAI") continue;
    ++acronyms;
    EXPECT_EQ(m.name, "礦產加工加速倡議");
    EXPECT_EQ(m.policy_kind, "initiative");
  }
  EXPECT_EQ(acronyms, 2) << Dump(ms);
}

TEST(Policies, SubsidyAndControlSchemesArePrograms) {
  auto ms = F().Run("商务部等8部门发布的“汽车以旧换新”补贴政策今年继续实施。");
  ASSERT_NE(Find(ms, "汽车以旧换新"), nullptr) << Dump(ms);
  EXPECT_EQ(Find(ms, "汽车以旧换新")->policy_kind, "program");
  auto cc = F().Run("選擇性信用管制措施仍須延續。本波「選擇性信用管制」實施以來成效顯著。");
  int n = 0;
  for (const Mention& m : cc) n += m.text == "選擇性信用管制" && m.policy_kind == "program";
  EXPECT_EQ(n, 2) << Dump(cc);
}

TEST(Policies, AllianceOfProducersIsNoPolicy) {
  EXPECT_EQ(Find(F().Run("由業者組成的「美國活性負極材料生產商聯盟」提出"), "美國活性負極材料生產商聯盟"),
            nullptr);
  auto ms = F().Run("建立排除中國的所謂「關鍵礦產貿易聯盟」。");
  ASSERT_NE(Find(ms, "關鍵礦產貿易聯盟"), nullptr) << Dump(ms);
  EXPECT_EQ(Find(ms, "關鍵礦產貿易聯盟")->policy_kind, "alliance");
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

TEST(Policies, DefinedShortTitleRepeatsOnlyInBookTitleMarks) {
  auto ms = F().Run(
      "印发《制造业数字化转型行动方案》（以下简称《方案》），《方案》明确目标。"
      "公司董事会审议通过回购方案。");
  int n = 0;
  for (const Mention& m : ms) {
    if (m.text != "方案") continue;
    ++n;
    EXPECT_EQ(m.name, "制造业数字化转型行动方案");
    EXPECT_EQ(m.policy_kind, "program");
  }
  EXPECT_EQ(n, 2) << Dump(ms);  // the two in 《》, not the 方案 of 回购方案
  // Without book-title marks a generic word defines nothing.
  auto bare = F().Run("印发《制造业数字化转型行动方案》（以下简称方案），方案明确目标。");
  EXPECT_EQ(Find(bare, "方案"), nullptr) << Dump(bare);
}

TEST(Policies, QuotedNumeralNicknameOfAProgram) {
  const Mention* m = nullptr;
  auto ms = F().Run("超长期特别国债将继续支持“两新”工作。");
  m = Find(ms, "两新");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "program");
  EXPECT_EQ(Find(F().Run("做好“三农”工作。"), "三农"), nullptr);
  EXPECT_EQ(Find(F().Run("加强“安全”工作。"), "安全"), nullptr);
}

// A title in book-title marks that quotes a short name is one policy, the
// whole title; an outline (纲要) is a strategy.
TEST(Policies, WholeTitleWithAQuotedShortName) {
  auto ms = F().Run("记者了解到，《生态保护“十五五”规划》日前正式出台。中央公布的《粵港澳大灣區發展規劃綱要》提出。");
  const Mention* m = Find(ms, "生态保护“十五五”规划");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "strategy");
  EXPECT_EQ(Find(ms, "十五五"), nullptr) << Dump(ms);
  m = Find(ms, "粵港澳大灣區發展規劃綱要");
  ASSERT_NE(m, nullptr) << Dump(ms);
  EXPECT_EQ(m->policy_kind, "strategy");
}

// A Latin name in marks before 報告 is the report's author, not its title.
TEST(Policies, LatinAuthorBeforeReportIsNoPolicy) {
  auto ms = F().Run("他們在兩個月前取得「Typhoon Investigations」報告。");
  EXPECT_EQ(Find(ms, "Typhoon Investigations"), nullptr) << Dump(ms);
  EXPECT_NE(Find(F().Run("資助「城市採礦」报告"), "城市採礦"), nullptr);
}

}  // namespace
}  // namespace newskb

// ---- Seventh round: classes of names FORMAT.md counts (marks, numbers,
// repeats and short forms), in both scripts, generated from the data files.

namespace newskb {
namespace {

std::vector<std::string> DataWords(const std::string& file) {
  std::vector<std::string> out;
  auto w = ReadWordLines(kRulesDir + "/gazetteer/" + file);
  if (w.ok()) out = w.value();
  else ADD_FAILURE() << w.status().message();
  return out;
}

int Count(const std::vector<Mention>& ms, const std::string& text) {
  int n = 0;
  for (const Mention& m : ms) n += m.text == text;
  return n;
}

// Standing orders and rules of a body, bills and guidelines in marks.
TEST(Policies, RulesBillsAndGuidelinesInMarks) {
  for (const char* text : {"引用《議事規則》第92條及《內務守則》第20條。", "引用《议事规则》第92条及《内务守则》第20条。"}) {
    auto ms = F().Run(text);
    ASSERT_EQ(ms.size(), 2u) << Dump(ms);
    for (const Mention& m : ms) EXPECT_EQ(m.policy_kind, "law") << Dump(ms);
  }
  for (const char* text : {"王晨就「關於完善香港特別行政區選舉制度的決定草案」作出說明。",
                           "王晨就“关于完善香港特别行政区选举制度的决定草案”作出说明。"}) {
    auto ms = F().Run(text);
    ASSERT_EQ(ms.size(), 1u) << Dump(ms);
    EXPECT_EQ(ms[0].policy_kind, "law");
  }
  auto g = F().Run("處理電影檢查依據《有關電影檢查的檢查員指引》。出版《香港美食指南》一書。");
  ASSERT_EQ(g.size(), 1u) << Dump(g);
  EXPECT_EQ(g[0].text, "有關電影檢查的檢查員指引");
  EXPECT_EQ(g[0].policy_kind, "order");
  EXPECT_TRUE(F().Run("職場的「潛規則」，大家要遵守「規則」。").empty());
}

// Decrees by number: the issuer's 令 with its number, random numbers in
// Arabic and Chinese numerals, in both scripts.
TEST(Policies, NumberedDecreesGenerated) {
  std::mt19937 rng(20261212);
  const char* kCn[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  for (int i = 0; i < 40; ++i) {
    std::string n = (i % 2) ? std::to_string(1 + rng() % 900)
                            : std::string(kCn[rng() % 9]) + "十" + kCn[rng() % 9];
    bool hant = (i / 2) % 2;
    std::string name = hant ? "國務院令第" + n + "號" : "国务院令第" + n + "号";
    std::string pres = hant ? "第" + n + "號主席令" : "第" + n + "号主席令";
    auto ms = F().Run((hant ? "條例以" : "条例以") + name + (hant ? "公布，並簽署" : "公布，并签署") + pres + "。");
    ASSERT_NE(Find(ms, name), nullptr) << Dump(ms);
    EXPECT_EQ(Find(ms, name)->policy_kind, "order");
    ASSERT_NE(Find(ms, pres), nullptr) << Dump(ms);
  }
  for (const char* text : {"拜登簽署第14017號行政命令。", "拜登签署第14017号行政令。"})
    EXPECT_EQ(F().Run(text).size(), 1u) << text;
  EXPECT_TRUE(F().Run("警方下令第3号閘口關閉。").empty());
}

// The short form of every jurisdiction of policy_prefixes.txt: the title
// less its prefix repeats without marks and links to the full title.
TEST(Policies, ShortFormWithoutJurisdictionGenerated) {
  int cases = 0;
  for (const std::string& prefix : DataWords("policy_prefixes.txt")) {
    for (const char* law : {"基本法", "國家安全法", "国家安全法", "刑事訴訟法", "逃犯條例"}) {
      std::string text = "《" + prefix + law + "》第23條規定。" + "修改" + law + "附件一，" + law + "不變。";
      auto ms = F().Run(text);
      ASSERT_EQ(Count(ms, law), 2) << text << " -> " << Dump(ms);
      const Mention* full = Find(ms, prefix + law);
      ASSERT_NE(full, nullptr) << Dump(ms);
      for (const Mention& m : ms) {
        EXPECT_EQ(m.name, full->name) << Dump(ms);
        EXPECT_EQ(m.policy_kind, "law");
      }
      ++cases;
    }
  }
  EXPECT_GE(cases, 40);
  // Two characters are too few to stand alone (刑法 is a word of any text).
  EXPECT_EQ(Count(F().Run("《中華民國刑法》第100條。刑法學者表示。"), "刑法"), 0);
}

// A name given in marks and then written bare is one policy (FORMAT.md's
// repeat), in both scripts: 「全球发展倡议」 then 全球发展倡议.
TEST(Policies, MarkedNameRepeatedBare) {
  for (const char* name : {"全球发展倡议", "全球發展倡議", "電影檢查條例", "城市更新行动"}) {
    std::string text = std::string("落实「") + name + "」。" + name + "提出以来，得到支持。";
    auto ms = F().Run(text);
    EXPECT_EQ(Count(ms, name), 2) << text << " -> " << Dump(ms);
  }
  // Without marks anywhere in the article, a proper name is no policy by
  // FORMAT.md's rule (the decision in README.md, Policies).
  EXPECT_TRUE(F().Run("落实全球发展倡议、全球安全倡议。").empty());
}

// Newspapers, programmes and works in marks are never policies: every media
// ending of media_titles.txt before a policy head, every work cue of
// work_cues.txt before or after a title with a policy head.
TEST(Policies, MediaAndWorksAreNoPoliciesGenerated) {
  for (const std::string& media : DataWords("media_titles.txt")) {
    std::string text = "據《經濟" + media + "》報告，";
    auto ms = F().Run(text);
    EXPECT_TRUE(ms.empty()) << text << " -> " << Dump(ms);
  }
  int cues = 0;
  for (const std::string& cue : DataWords("work_cues.txt")) {
    for (const char* title : {"紅海行動", "复仇者联盟", "星際計劃"}) {
      std::string before = "他說" + cue + "《" + title + "》很好。";
      std::string after = "他說《" + std::string(title) + "》" + cue + "很好。";
      EXPECT_EQ(Find(F().Run(before), title), nullptr) << before;
      EXPECT_EQ(Find(F().Run(after), title), nullptr) << after;
      ++cues;
    }
  }
  EXPECT_GE(cues, 100);
  // The same titles with no cue stay policies: the veto is the cue's.
  EXPECT_NE(Find(F().Run("他說《星際計劃》很好。"), "星際計劃"), nullptr);
}

// A quotation holding a clause is speech; a verb before a law is a slogan.
TEST(Policies, QuotedClausesAndSlogansAreNoPolicies) {
  EXPECT_TRUE(F().Run("宣誓「擁護基本法，效忠香港特別行政區」。").empty());
  EXPECT_TRUE(F().Run("议员读出“忠于宪法”。").empty());
  EXPECT_TRUE(F().Run("要求「撤回逃犯條例」。").empty());
  // In book-title marks a comma may stand in a title.
  EXPECT_NE(Find(F().Run("適用《經濟、社會與文化權利的國際公約》。"), "經濟、社會與文化權利的國際公約"), nullptr);
}

// A numeral nickname before a network or layout noun is a strategy.
TEST(Policies, NumeralNicknameOfANetworkIsAStrategy) {
  for (const char* text : {"日兰高铁是我国“八纵八横”高速铁路网的区域连接线。", "京港高鐵是「八縱八橫」高鐵網主通道之一。"}) {
    auto ms = F().Run(text);
    ASSERT_EQ(ms.size(), 1u) << Dump(ms);
    EXPECT_EQ(ms[0].policy_kind, "strategy");
  }
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// A government campaign by its quoted name before a campaign head, a year
// or season between, in both scripts; a bare 活动 after marks is an event.
TEST(Policies, QuotedCampaignBeforeCampaignHead) {
  for (const char* year : {"", "2026年", "2025年度"}) {
    for (const char* head : {"专项慰问活动", "系列专项行动", "系列活動", "專項行動", "集中整治行動"}) {
      std::string text = std::string("各地开展“情系边海防官兵”") + year + head + "。";
      auto ms = F().Run(text);
      const Mention* m = Find(ms, "情系边海防官兵");
      ASSERT_NE(m, nullptr) << text << " -> " << Dump(ms);
      EXPECT_EQ(m->policy_kind, "initiative");
    }
  }
  EXPECT_TRUE(F().Run("商场举办“双十一”购物活动，參加「跑男」活動。舉行勿忘「九一八」主題活動。").empty());
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// A works contract in marks is a project, never a program, in both scripts;
// a national program named 工程 in marks stays one.
TEST(Policies, WorksContractInMarksIsNoProgram) {
  for (const char* text : {"向承攬「六龜區遊憩服務設施工程」的建築師索討回扣。", "市政府发包“滨江路拓宽工程”。",
                           "完成「中正路道路工程」。"})
    EXPECT_TRUE(F().Run(text).empty()) << text << " -> " << Dump(F().Run(text));
  EXPECT_NE(Find(F().Run("中国青少年发展基金会发起“希望工程”。"), "希望工程"), nullptr);
}

}  // namespace
}  // namespace newskb
