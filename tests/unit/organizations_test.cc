// Tests for extractors/organizations: the shipped rule file and gazetteer
// over short articles in both scripts, then linking within a document.

#include "extractors/organizations/organizations.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>
#include <string>
#include <vector>

#include "pipeline/process/process.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

struct Fixture {
  std::shared_ptr<const Normalizer> norm = Normalizer::Create().value();
  std::unique_ptr<Extractor> ex;
  Fixture() {
    auto r = MakeOrganizationExtractor(kRulesDir, norm);
    if (r.ok()) ex = std::move(r).value();
    else ADD_FAILURE() << r.status().message();
  }
  std::vector<Mention> Run(const std::string& text) const {
    Document doc;
    doc.key = "t";
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> out;
    if (ex) ex->Extract(doc, nt, &out);
    std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
    for (const Mention& m : out) {
      // Contract: text is body[start, end) in code points.
      EXPECT_LT(m.start, m.end);
      EXPECT_FALSE(m.rule.empty());
    }
    return out;
  }
};

const Fixture& F() {
  static Fixture f;
  return f;
}

std::vector<std::string> Texts(const std::vector<Mention>& ms) {
  std::vector<std::string> out;
  for (const Mention& m : ms) out.push_back(m.text);
  return out;
}

std::string NameOf(const std::vector<Mention>& ms, const std::string& text) {
  for (const Mention& m : ms)
    if (m.text == text) return m.name;
  return "<none>";
}

bool Has(const std::vector<Mention>& ms, const std::string& text) { return NameOf(ms, text) != "<none>"; }

TEST(Organizations, GovernmentBodiesBothScripts) {
  auto ms = F().Run("美國能源部(DOE)宣布，美国地质调查局与金管會將合作。");
  EXPECT_TRUE(Has(ms, "美國能源部"));
  EXPECT_TRUE(Has(ms, "DOE"));
  EXPECT_TRUE(Has(ms, "美国地质调查局"));
  EXPECT_TRUE(Has(ms, "金管會"));
  EXPECT_EQ(NameOf(ms, "DOE"), NameOf(ms, "美國能源部"));
}

TEST(Organizations, PlaceHeadedSuffixRuleBoundedByVerbs) {
  auto ms = F().Run("他說北京市消防局已經出動，澳洲昆士蘭州政府也表示支持。");
  EXPECT_TRUE(Has(ms, "北京市消防局")) << ::testing::PrintToString(Texts(ms));
}

TEST(Organizations, DescriptionsAreNotOrganizations) {
  auto ms = F().Run("美國公司與中國公司競爭，聯邦政府和新創公司都關注，各部門出席。");
  EXPECT_TRUE(ms.empty()) << ::testing::PrintToString(Texts(ms));
}

// A minister's title names the body (People's Daily and FORMAT.md
// annotators both count 財政部 in 財政部長); 部门 is still a generic noun.
TEST(Organizations, TitleNamesItsBody) {
  auto ms = F().Run("財政部長出席記者會，各部門配合。");
  EXPECT_TRUE(Has(ms, "財政部")) << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(ms.size(), 1u) << ::testing::PrintToString(Texts(ms));
}

TEST(Organizations, LatinNamesByCueAndSuffix) {
  auto ms = F().Run("研究機構PitchBook指出，由MP Materials公司經營的礦場，Orion Resource Partners也投資。");
  EXPECT_TRUE(Has(ms, "PitchBook"));
  EXPECT_TRUE(Has(ms, "MP Materials"));
  EXPECT_TRUE(Has(ms, "Orion Resource Partners"));
}

// A Latin name before its head's office or what it owns is a company, and
// so is every repeat in the article, but one before a product, platform or
// account word (gazetteer/latin_uses.txt).
TEST(Organizations, LatinNameByRoleCountsAcrossTheArticle) {
  auto ms = F().Run("Zingbox表示將擴大投資。Zingbox執行長說，用戶可在Zingbox帳號查看。");
  EXPECT_EQ(Texts(ms), (std::vector<std::string>{"Zingbox", "Zingbox"}));
  EXPECT_TRUE(F().Run("他在Twitter帳號發文。").empty());
  // A further capitalised word makes a product of it: Uber Eats.
  auto uber = F().Run("Uber執行長表示，Uber Eats 將退出南韓。");
  EXPECT_EQ(Texts(uber), (std::vector<std::string>{"Uber"}));
}

// Mastheads (organizations/media_outlets.tsv) and 信報 as the short name of
// 信報財經新聞; a two-character masthead only at a word start.
TEST(Organizations, MastheadsOfHongKongAndTaiwanMedia) {
  auto ms = F().Run("網媒《852郵報》宣布停運，信報、《民報》均有報道。");
  EXPECT_TRUE(Has(ms, "852郵報"));
  EXPECT_TRUE(Has(ms, "信報"));
  EXPECT_TRUE(Has(ms, "民報"));
  EXPECT_FALSE(Has(F().Run("市民報案指有人受傷。"), "民報"));
  // 有線新聞網絡 is CNN's Hong Kong name, not i-CABLE's news.
  auto cnn = F().Run("美國有線新聞網絡（CNN）報道。");
  EXPECT_EQ(NameOf(cnn, "美國有線新聞網絡"), NameOf(cnn, "CNN"));
}

// Ad hoc bodies of a government: place + matter + task-force head; 常委會
// beside the NPC Standing Committee it stands for.
TEST(Organizations, AdHocBodiesAndTheStandingCommitteeShortForm) {
  auto ms = F().Run("武漢市新冠肺炎疫情防控指揮部發布通告。");
  EXPECT_TRUE(Has(ms, "武漢市新冠肺炎疫情防控指揮部"));
  EXPECT_FALSE(Has(F().Run("针对陕西暴雨洪涝灾害派出工作组。"), "陕西暴雨洪涝灾害派出工作组"));
  auto npc = F().Run("全国人大常委会委员长会议建议，常委会第二十三次会议审议草案。");
  EXPECT_EQ(NameOf(npc, "常委会"), NameOf(npc, "全国人大常委会"));
}

TEST(Organizations, ChineseNameWithEnglishNameTeachesAlias) {
  auto ms = F().Run("美國智庫戰略暨國際研究中心（Center for Strategic and International Studies）表示。");
  EXPECT_TRUE(Has(ms, "戰略暨國際研究中心"));
  EXPECT_EQ(NameOf(ms, "Center for Strategic and International Studies"),
            NameOf(ms, "戰略暨國際研究中心"));
}

TEST(Organizations, RepeatsAndShortFormsLinkWithinDocument) {
  auto ms = F().Run("國防部直接支持MP Materials。美國國防部承諾購買MP生產的磁鐵。");
  EXPECT_EQ(NameOf(ms, "國防部"), NameOf(ms, "美國國防部"));
  EXPECT_EQ(NameOf(ms, "MP"), NameOf(ms, "MP Materials"));
}

TEST(Organizations, GazetteerAliasesGiveOneCanonicalName) {
  auto ms = F().Run("萊納斯（Lynas）與嘉能可、特斯拉，以及日經亞洲報導。");
  EXPECT_EQ(NameOf(ms, "Lynas"), NameOf(ms, "萊納斯"));
  EXPECT_TRUE(Has(ms, "嘉能可"));
  EXPECT_TRUE(Has(ms, "特斯拉"));
  EXPECT_TRUE(Has(ms, "日經亞洲"));
}

TEST(Organizations, WhiteHouseActsOrIsAPlace) {
  EXPECT_TRUE(Has(F().Run("白宮宣布新措施。"), "白宮"));
  EXPECT_FALSE(Has(F().Run("兩人在白宮會見。"), "白宮"));
}

TEST(Organizations, LowerCaseShortLatinIsNotAnAcronym) {
  EXPECT_FALSE(Has(F().Run("who are you, doe"), "who"));
  EXPECT_TRUE(Has(F().Run("WHO警告"), "WHO"));
}

// A word of kind `not` hides a short name it holds (说明报告 holds 明报).
TEST(Organizations, WordsHoldingAShortNameHideIt) {
  EXPECT_TRUE(F().Run("公司提交了說明報告。").empty());
  EXPECT_TRUE(F().Run("将进一步财政支持。").empty());
  EXPECT_TRUE(Has(F().Run("明報今日報道。"), "明報"));
}

TEST(Organizations, CityClubOnlyInSportsSentence) {
  EXPECT_TRUE(Has(F().Run("米兰2比1战胜了对手。"), "米兰"));
  EXPECT_FALSE(Has(F().Run("米兰时装周开幕。"), "米兰"));
}

TEST(Organizations, BranchExtendsTheBank) {
  EXPECT_TRUE(Has(F().Run("交通银行深圳分行发布公告"), "交通银行深圳分行"));
}

TEST(Organizations, MediaInBookTitleMarks) {
  auto ms = F().Run("據《華爾街日報》報導");
  EXPECT_TRUE(Has(ms, "華爾街日報"));
}

TEST(Organizations, RefusedBracketAliasRefusesTheName) {
  EXPECT_TRUE(F().Run("礦物(critical minerals)").empty());
  auto ms = F().Run("美國能源部旗下的關鍵礦產創新中心(AMES Critical Minerals Innovation Hub)");
  EXPECT_TRUE(Has(ms, "關鍵礦產創新中心"));
}

TEST(Organizations, LatinNameCutOutOfALongerNameIsRefused) {
  EXPECT_FALSE(Has(F().Run("《英國關鍵礦產戰略》（UK Critical Minerals Strategy）"), "UK Critical Minerals"));
  EXPECT_TRUE(Has(F().Run("Round Hill Capital表示"), "Round Hill Capital"));
}

TEST(Organizations, VerbsAndDemonstrativesAreNoNames) {
  EXPECT_TRUE(F().Run("美国总统还签署了行政命令").empty());
  EXPECT_TRUE(F().Run("這家有限公司").empty());
  EXPECT_TRUE(Has(F().Run("據悉廣州乾朗珠寶有限公司已經成立"), "廣州乾朗珠寶有限公司"));
}

TEST(Organizations, BodyOfAnyListedCountryEvenWithStopWordInside) {
  // 和 is a stop word, but not inside 共和國; 哈薩克 heads by places.tsv.
  auto ms = F().Run("剛果民主共和國礦業部週三宣布延長禁令，哈薩克能源部也表示支持。");
  EXPECT_TRUE(Has(ms, "剛果民主共和國礦業部")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "哈薩克能源部")) << ::testing::PrintToString(Texts(ms));
}

TEST(Organizations, PlaceStateOwnedIndustryCompanyIsADescription) {
  auto ms = F().Run("瑞典國營礦業公司LKAB是少數進度領先的企業。");
  EXPECT_FALSE(Has(ms, "瑞典國營礦業公司")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "LKAB"));
  EXPECT_TRUE(Has(F().Run("韓國鋅業公司宣布增產"), "韓國鋅業公司"));
}

TEST(Organizations, ShortFormOnlyBesideItsFullName) {
  auto ms = F().Run("經濟部國際貿易署週一表示已成立小組。貿易署指出，進口比重偏高。");
  EXPECT_TRUE(Has(ms, "貿易署")) << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(NameOf(ms, "貿易署"), "经济部国际贸易署");  // the gazetteer's canonical name
  EXPECT_EQ(NameOf(ms, "經濟部國際貿易署"), "经济部国际贸易署");
  EXPECT_FALSE(Has(F().Run("貿易署指出，進口比重偏高。"), "貿易署"));
  // 中投 stands alone only in a text about 中國投資有限責任公司; 其中投資 is no name.
  EXPECT_TRUE(F().Run("其中投資額達8000多萬美元的項目就有30余個").empty());
  auto cic = F().Run("中国投资有限责任公司发布年报，中投表示将加码投资。");
  EXPECT_EQ(NameOf(cic, "中投"), "中国投资有限责任公司");
}

TEST(Organizations, AllianceOfProducersIsAnOrganization) {
  auto ms = F().Run("由美國本土石墨業者組成的「美國活性負極材料生產商聯盟」提出申請。");
  EXPECT_TRUE(Has(ms, "美國活性負極材料生產商聯盟")) << ::testing::PrintToString(Texts(ms));
  EXPECT_FALSE(Has(F().Run("建立排除中國的「關鍵礦產貿易聯盟」"), "關鍵礦產貿易聯盟"));
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

TEST(Organizations, DefinedShortNameIsAnAliasFoundAgain) {
  // 全名（下称“简称”）: the short name links to the full name, and so do its repeats.
  auto ms = F().Run("江西晶能新材料股份有限公司（下称“晶能新材”）公告。晶能新材表示，晶能新材股价上涨。");
  auto t = Texts(ms);
  EXPECT_EQ(std::count(t.begin(), t.end(), "晶能新材"), 3) << ::testing::PrintToString(t);
  EXPECT_EQ(NameOf(ms, "晶能新材"), "江西晶能新材料股份有限公司");
  // A generic word defined as the short name is no organization.
  auto g = F().Run("江西晶能新材料股份有限公司（以下简称“公司”）公告，公司表示");
  EXPECT_FALSE(Has(g, "公司")) << ::testing::PrintToString(Texts(g));
}

TEST(Organizations, StockCodeMarksACompanyThatRepeats) {
  auto ms = F().Run("e公司讯，中国重汽（000951）晚间披露三季报。中国重汽表示，销量增长。");
  auto t = Texts(ms);
  EXPECT_EQ(std::count(t.begin(), t.end(), "中国重汽"), 2) << ::testing::PrintToString(t);
  // A year in brackets is no stock code.
  EXPECT_TRUE(F().Run("今年预算(2025)增加").empty());
}

TEST(Organizations, DatelineCreditOfAMediaIsNoMention) {
  auto ms = F().Run("证券时报e公司讯，长城汽车公布三季报。\n据证券时报报道，长城汽车表示。");
  auto t = Texts(ms);
  EXPECT_EQ(std::count(t.begin(), t.end(), "证券时报"), 1) << ::testing::PrintToString(t);
  EXPECT_EQ(std::count(t.begin(), t.end(), "长城汽车"), 2) << ::testing::PrintToString(t);
}

TEST(Organizations, RoleNounBeforeANameIsCutOff) {
  auto ms = F().Run("向澳洲稀土開發商綠石資源（Greenstone Resources）投資");
  EXPECT_TRUE(Has(ms, "綠石資源")) << ::testing::PrintToString(Texts(ms));
  EXPECT_FALSE(Has(ms, "澳洲稀土開發商綠石資源"));
}

TEST(Organizations, NationalFundIsAnOrganizationAResearchGrantIsNot) {
  EXPECT_TRUE(Has(F().Run("国家融资担保基金的担保费率不超过1%"), "国家融资担保基金"));
  EXPECT_TRUE(F().Run("获得国家自然科学基金项目资助").empty());
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

TEST(Organizations, UnknownCompanyListedBesideAKnownOne) {
  auto ms = F().Run("此前，华友钴业、川能动力等中国企业已在津巴布韦布局锂矿项目。");
  EXPECT_TRUE(Has(ms, "华友钴业")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "川能动力")) << ::testing::PrintToString(Texts(ms));
  // No known company in the list, a description, or no 等企业: nothing new.
  EXPECT_TRUE(F().Run("钢铁、化工、建材等企业用电增加。").empty());
  EXPECT_FALSE(Has(F().Run("工商银行、建设银行、部分股份制银行等银行下调利率。"), "部分股份制银行"));
  EXPECT_FALSE(Has(F().Run("华友钴业、川能动力在津巴布韦布局。"), "川能动力"));
}

// Taiwan's listed companies by their exchange short names
// (gazetteer/organizations/tw_listed.tsv), in both scripts, on word
// boundaries only, and never as the start of a longer name.
TEST(Organizations, ListedShortNamesOnWordBoundaries) {
  auto ms = F().Run("南亞科與祥碩公布營收，南电也表示看好。");
  EXPECT_TRUE(Has(ms, "南亞科")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "祥碩"));
  EXPECT_TRUE(Has(ms, "南电"));
  // 南電 inside 湖南電力 (湖南 + 電力), 華興 as the start of 華興銀行.
  EXPECT_FALSE(Has(F().Run("湖南電力公司表示"), "南電"));
  EXPECT_FALSE(Has(F().Run("廣東華興銀行（華興銀行）發布公告"), "華興"));
  // A street named like a company (東華路), a place word (中環) is none.
  EXPECT_TRUE(F().Run("限行區域為東華路、祥和大街。中環是香港最高檔的地方。").empty());
}

// A listed short name is also a word or a part of a person's name (全域,
// 可成, 業強): it counts in a document that names it once in a business
// sentence (gazetteer/listed_cues.txt), beside a stock code, or as the
// start of a longer name found there.
TEST(Organizations, ListedShortNamesNeedABusinessSentence) {
  EXPECT_TRUE(F().Run("冰雪资源撬动全域旅游，这卻可成為新的機會。").empty());
  auto ms = F().Run("可成公布營收創新高。分析師認為可成仍有空間。");
  EXPECT_EQ(ms.size(), 2u) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(F().Run("今天散熱族群中，雙鴻 3324 走高。"), "雙鴻"));
  EXPECT_TRUE(Has(F().Run("晶華國際酒店大舉徵才，晶華提供免費膳食。"), "晶華"));
}

// Hong Kong's and the mainland's listed companies (gazetteer/organizations/
// hk_listed.tsv by registered name less its legal form, cn_listed.tsv by A-share
// short name) count like Taiwan's: in a document with a business sentence, each
// linked to its canonical name; a stock code after one is its code, no alias.
TEST(Organizations, HongKongAndMainlandListedCompanies) {
  auto ms = F().Run("恒隆地產公布中期業績，中瓷电子股价上涨，新鴻基地產也表示看好。");
  EXPECT_EQ(NameOf(ms, "恒隆地產"), "恒隆地產") << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(NameOf(ms, "中瓷电子"), "中瓷电子");
  EXPECT_EQ(NameOf(ms, "新鴻基地產"), "新鴻基地產發展");
  EXPECT_EQ(NameOf(F().Run("中瓷電子公布營收"), "中瓷電子"), "中瓷电子");
  EXPECT_FALSE(Has(F().Run("海康威视(SZ002415)股价上涨"), "SZ002415"));
  // Without a business sentence a listed name is none; a description made of
  // common words (线上线下, 未來發展) is no listed name at all.
  EXPECT_TRUE(F().Run("博实股份的风景很美。").empty());
  EXPECT_TRUE(F().Run("推动线上线下融合，公司关注未來發展。").empty());
}

// A gazetteer name of two characters counts only where a word starts:
// 民建 is none in 人民建 (人民 + 建), 中行 none in 其中行.
TEST(Organizations, TwoCharacterNamesStartAWord) {
  EXPECT_FALSE(Has(F().Run("人民城市人民建，人民城市为人民。"), "民建"));
  EXPECT_FALSE(Has(F().Run("其中行业龙头表现突出。"), "中行"));
  EXPECT_TRUE(Has(F().Run("民建表示支持，中行也表示支持。"), "民建"));
  // A word holding the name whole (美国白宫), or its Latin name in brackets
  // (吸引力拓(Rio Tinto): 吸引力 + 拓 by the lexicon), keep it.
  EXPECT_FALSE(F().Run("美國白宮宣布新措施。").empty());
  EXPECT_TRUE(Has(F().Run("已吸引力拓（Rio Tinto）投資。"), "力拓"));
  // Taiwan's press writes 政院, 立院 for 行政院, 立法院; 設立院所 holds none.
  EXPECT_EQ(NameOf(F().Run("政院已簽下代理簽。"), "政院"), NameOf(F().Run("行政院表示"), "行政院"));
  EXPECT_TRUE(F().Run("將設立院所。").empty());
}

// A name many countries share (海军, 国防部: kind generic) right after its
// country is that country's body, one name.
TEST(Organizations, SharedNameAfterItsCountry) {
  auto ms = F().Run("俄罗斯海军高层正在开会，墨西哥空军也表示。");
  EXPECT_TRUE(Has(ms, "俄罗斯海军")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "墨西哥空军")) << ::testing::PrintToString(Texts(ms));
  // A scope is no place: 全球央行 is central banks in general.
  EXPECT_FALSE(Has(F().Run("全球央行降息潮推升金价。"), "全球央行"));
  // Countries the word lexicon tags as person names (阿根廷, 乌克兰, 沙特 ...)
  // are places all the same; a side (中方) is none.
  for (const char* country : {"阿根廷", "乌克兰", "沙特", "伊拉克", "立陶宛", "巴西"})
    for (const char* body : {"央行", "国防部", "空军"}) {
      std::string text = std::string(country) + body + "宣布新措施。";
      EXPECT_TRUE(Has(F().Run(text), std::string(country) + body)) << text;
    }
  EXPECT_FALSE(Has(F().Run("中方央行表示。"), "中方央行"));
}

// A name of jieba's lexicon (nt) carries no country either: right after a
// country or state it is that place's body, in both scripts (not 人民党 of
// Cambodia linked to another country's party of that name).
TEST(Organizations, LexiconNameAfterItsCountry) {
  for (const char* country : {"柬埔寨", "蒙古", "威斯康星州"})
    for (const char* party : {"人民党", "人民黨"}) {
      std::string text = std::string(country) + party + "主席表示，将继续推动合作。";
      auto ms = F().Run(text);
      EXPECT_TRUE(Has(ms, std::string(country) + party)) << text << ::testing::PrintToString(Texts(ms));
    }
}

// One word of three characters or more ending in a head, right after a
// found name, is its unit (港大 + 學生會); a hearing, a games or a seat
// is none (org_heads.txt negative entries).
TEST(Organizations, UnitWordAfterAName) {
  EXPECT_TRUE(Has(F().Run("港大學生會已解散。"), "港大學生會"));
  auto ms = F().Run("公民黨立法會議員出席美國參議院聽證會。");
  EXPECT_FALSE(Has(ms, "公民黨立法會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_FALSE(Has(ms, "美國參議院聽證會")) << ::testing::PrintToString(Texts(ms));
  // A company named by its relation to the one before is no unit of it.
  for (const char* t : {"共享辦公室平台WeWork母公司The We Company周二宣布。", "軟銀集團子公司上月虧損。",
                        "该集团关联公司上月亏损。"}) {
    auto rel = F().Run(t);
    for (const auto& m : Texts(rel))
      EXPECT_EQ(m.find("公司"), std::string::npos) << t << ": " << ::testing::PrintToString(Texts(rel));
  }
}

// A brand that the lexicon knows as a rare noun of two characters is a
// short name (國鐵集團); a common noun or a compound first is a description.
TEST(Organizations, RareNounBrand) {
  EXPECT_TRUE(Has(F().Run("國鐵集團表示客流增長。"), "國鐵集團"));
  EXPECT_TRUE(F().Run("多家金融集團和金融证券公司表示。").empty());
}

// An abbreviation by the first characters of a found name's words counts
// where the document uses it, linked to the name (港大校務委員會 ->
// 校委會); the name cut short (君悅酒 of 君悅酒店) or an abbreviation inside
// a longer word is none.
TEST(Organizations, AbbreviationOfAFoundName) {
  auto ms = F().Run("港大校務委員會主席卸任，校委會主席由她接替。");
  EXPECT_TRUE(Has(ms, "校委會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(NameOf(ms, "校委會"), NameOf(ms, "港大校務委員會"));
  auto hotel = F().Run("君悅酒店宣布，會議都在君悅酒店內進行。");
  EXPECT_FALSE(Has(hotel, "君悅酒")) << ::testing::PrintToString(Texts(hotel));
}

// A Latin name before a union, association or school head is that body,
// head included; a Latin name in quotes after a company cue is a company.
TEST(Organizations, LatinNameWithChineseHead) {
  auto ms = F().Run("一間維修公司「Fixit」面臨破產，Fixit工會表示將抗議。");
  EXPECT_TRUE(Has(ms, "Fixit")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "Fixit工會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_NE(NameOf(ms, "Fixit"), NameOf(ms, "Fixit工會"));
}

// The class "name + stock code in brackets", in every market's notation and
// both scripts: the name is an organization, the code is no figure.
TEST(Organizations, NameBeforeAStockCode) {
  const char* const kCases[][2] = {
      {"雅高控股 (3313-HK)公布業績", "雅高控股"}, {"雅高控股 (3313-HK)公布业绩", "雅高控股"},
      {"國賓(2704)今日股價", "國賓"},             {"统一(1216-TW)公布营收", "统一"},
      {"騰訊控股(00700.HK)股價", "騰訊控股"},     {"海康威视(SZ002415)股价", "海康威视"},
      {"長江基建集團（港股代號：1038）", "長江基建集團"},
      {"应用材料(NASDAQ:AMAT)市值", "应用材料"}, {"安川電機(6506.T)銷量", "安川電機"},
  };
  for (const auto& c : kCases) {
    auto ms = F().Run(c[0]);
    EXPECT_TRUE(Has(ms, c[1])) << c[0] << ": " << ::testing::PrintToString(Texts(ms));
  }
  EXPECT_TRUE(F().Run("今年预算(2025)增加").empty());
  EXPECT_TRUE(F().Run("財政年度(2025-26)").empty());
}

// The official lists of gazetteer/organizations/: mainland universities
// (the Ministry of Education's list), Taiwan and Hong Kong universities,
// exchanges, international organizations, news agencies; either script,
// short forms linked to the full name.
TEST(Organizations, OfficialListsBothScripts) {
  auto ms = F().Run("哈爾濱工業大學與國立成功大學合作，新加坡交易所、世界糧食計劃署和德新社都提到，哈工大表示");
  for (const char* n : {"哈爾濱工業大學", "國立成功大學", "新加坡交易所", "世界糧食計劃署", "德新社", "哈工大"})
    EXPECT_TRUE(Has(ms, n)) << n << ": " << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(NameOf(ms, "哈工大"), NameOf(ms, "哈爾濱工業大學"));
  auto hans = F().Run("新疆工业职业技术学院、香港理工大学、联合国粮农组织与郑州商品交易所");
  for (const char* n : {"新疆工业职业技术学院", "香港理工大学", "联合国粮农组织", "郑州商品交易所"})
    EXPECT_TRUE(Has(hans, n)) << n << ": " << ::testing::PrintToString(Texts(hans));
  // Words holding a name are none: 实事求是 holds no 求是, 台商台企 no 商台.
  EXPECT_TRUE(F().Run("坚持实事求是，呼吁台商台企").empty());
}

// A repeat of a found name extends over a head word that follows it, as the
// first mention would: 統一 (1216-TW), then 統一集團 is one name.
TEST(Organizations, RepeatExtendsOverAHeadWord) {
  auto ms = F().Run("統一 (1216-TW) 公布營收。統一集團原本持有股份。");
  EXPECT_TRUE(Has(ms, "統一")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "統一集團")) << ::testing::PrintToString(Texts(ms));
}

// A dateline credit is a byline, not body, whatever the kind of its name
// (央视网 is a name of the word lexicon): 讯 or 消息, a programme in brackets.
TEST(Organizations, DatelineCreditIsNoMention) {
  auto ms = F().Run("央视网消息（新闻联播）：欢迎仪式后，央视网记者报道。");
  EXPECT_EQ(ms.size(), 1u) << ::testing::PrintToString(Texts(ms));
  auto tw = F().Run("央視網消息：會談後，央視網記者報道。");
  EXPECT_EQ(tw.size(), 1u) << ::testing::PrintToString(Texts(tw));
}

// A facility named after a body is no mention of the body
// (gazetteer/facility_heads.txt): 央视新址, 华中科技大学体育馆, 清华灯光球场.
TEST(Organizations, FacilityNamedAfterABodyIsNone) {
  EXPECT_TRUE(F().Run("央视新址火灾，在华中科技大学体育馆内，去清华灯光球场打球。").empty())
      << ::testing::PrintToString(Texts(F().Run("央视新址火灾，在华中科技大学体育馆内，去清华灯光球场打球。")));
  EXPECT_TRUE(Has(F().Run("華中科技大學宣布擴建體育館。"), "華中科技大學"));
}

// A parent body and its unit are one name, the longest (FORMAT.md), in
// either script, whether the gazetteer lists the pair or not; the unit's
// short form links to its full name.
TEST(Organizations, ParentAndUnitAreOneName) {
  auto tw = F().Run("勞動部職安署今天表示，職安署將檢討期程。衛福部疾管署與经济部能源署也出席。");
  for (const char* n : {"勞動部職安署", "職安署", "衛福部疾管署", "经济部能源署"})
    EXPECT_TRUE(Has(tw, n)) << n << ": " << ::testing::PrintToString(Texts(tw));
  EXPECT_FALSE(Has(tw, "勞動部"));
  EXPECT_EQ(NameOf(tw, "職安署"), NameOf(tw, "勞動部職安署"));
  // Not listed as a pair: the government and its department join.
  auto hk = F().Run("香港特區政府房屋署回應，房署會跟進。");
  EXPECT_TRUE(Has(hk, "香港特區政府房屋署")) << ::testing::PrintToString(Texts(hk));
  EXPECT_TRUE(Has(hk, "房署"));
}

// Hong Kong's departments, public bodies and associations by their short
// forms; a short form that is also a common word (港台: Hong Kong and
// Taiwan) counts only beside its full name.
TEST(Organizations, HongKongBodiesAndShortForms) {
  auto ms = F().Run("港鐵與機管局、房委會、積金局開會，工聯會和記協批評电检处。");
  for (const char* n : {"港鐵", "機管局", "房委會", "積金局", "工聯會", "記協", "电检处"})
    EXPECT_TRUE(Has(ms, n)) << n << ": " << ::testing::PrintToString(Texts(ms));
  EXPECT_FALSE(Has(F().Run("港台明星來京演出"), "港台"));
  auto rthk = F().Run("香港電台今日宣布，港台節目暫停。");
  EXPECT_EQ(NameOf(rthk, "港台"), NameOf(rthk, "香港電台"));
}

// A mission abroad is one name with its sender: 中國駐印度大使館, not 印度大使館.
TEST(Organizations, MissionAbroadIsOneNameWithItsSender) {
  auto ms = F().Run("中國駐印度大使館發表聲明，欧盟驻港澳办事处也回应。");
  EXPECT_TRUE(Has(ms, "中國駐印度大使館")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "欧盟驻港澳办事处")) << ::testing::PrintToString(Texts(ms));
  EXPECT_FALSE(Has(ms, "印度大使館"));
}

// Unions and associations named by a trade or an occupation.
TEST(Organizations, TradeUnionsByTheirTrade) {
  auto ms = F().Run("坭水建築業職工會與香港電台節目製作人員工會都發聲明。");
  EXPECT_TRUE(Has(ms, "坭水建築業職工會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "香港電台節目製作人員工會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(F().Run("各行業協會和企業工會都參與").empty());
}

// A conjunction joining two words of one body's name stays inside it; one
// before a place, a name or a pronoun joins two things.
TEST(Organizations, ConjunctionInsideABodysName) {
  auto ms = F().Run("當中包括台灣智慧自動化與機器人協會表示，巴勒斯坦外交和侨民部发表声明。");
  EXPECT_TRUE(Has(ms, "台灣智慧自動化與機器人協會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "巴勒斯坦外交和侨民部")) << ::testing::PrintToString(Texts(ms));
  auto two = F().Run("中国和美国国防部发表声明，中国和世界银行合作。");
  EXPECT_TRUE(Has(two, "美国国防部")) << ::testing::PrintToString(Texts(two));
  EXPECT_TRUE(Has(two, "世界银行")) << ::testing::PrintToString(Texts(two));
  EXPECT_FALSE(Has(F().Run("中國國家主席習近平及其政府表示"), "中國國家主席習近平及其政府"));
}

// A company or group by its own brand and head, with no place before it;
// a brand that describes (a common noun, a verb, a pronoun, a place alone)
// is none.
TEST(Organizations, CompanyByItsBrandName) {
  auto ms = F().Run("漢能集團表示，美国政府并未批准劳拉公司和休斯公司提供报告。");
  for (const char* n : {"漢能集團", "劳拉公司", "休斯公司"})
    EXPECT_TRUE(Has(ms, n)) << n << ": " << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(F().Run("非期货公司不得参与").empty());  // the prefix 非 describes
  EXPECT_TRUE(F().Run("多家金融集團和航空公司表示，這家上市公司與美國公司都撤出").empty())
      << ::testing::PrintToString(Texts(F().Run("多家金融集團和航空公司表示，這家上市公司與美國公司都撤出")));
}

// A company by its brand and an industry head only companies end with;
// a head after a description (高水平科技) or a product type (利變壽險) is none.
TEST(Organizations, CompanyByBrandAndIndustryHead) {
  auto ms = F().Run("國泰金旗下國泰人壽與富邦產險合作，長榮航運也表示，中原集團主席在節目表示。");
  for (const char* n : {"國泰人壽", "富邦產險", "長榮航運", "中原集團"})
    EXPECT_TRUE(Has(ms, n)) << n << ": " << ::testing::PrintToString(Texts(ms));
  auto none = F().Run("扎实推动高水平科技自立自强，推进城市建设，利變壽險熱賣，外國電信設備被禁。");
  EXPECT_TRUE(none.empty()) << ::testing::PrintToString(Texts(none));
}

// A committee named by what it does counts where the article writes it
// twice (the body it is about), and so does its abbreviation; once, in
// passing, it is none.
TEST(Organizations, CommitteeByItsCoreWhenTheArticleIsAboutIt) {
  auto ms = F().Run("草案賦予選舉委員會更多權力，將重新構建選舉委員會，調整選委會規模。");
  EXPECT_EQ(std::count_if(ms.begin(), ms.end(), [](const Mention& m) { return m.text == "選舉委員會"; }), 2)
      << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "選委會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(NameOf(ms, "選委會"), NameOf(ms, "選舉委員會"));
  auto once = F().Run("方案交由專家委員會審議。");
  EXPECT_TRUE(once.empty()) << ::testing::PrintToString(Texts(once));
}

// A maker's name in a product's (Microsoft Edge) and a platform where a
// post is made (在臉書發文) are no bodies; the company acting is one.
TEST(Organizations, ProductsAndPlatformsAreNotBodies) {
  auto none = F().Run("建議使用 Microsoft Edge 瀏覽器。郭台銘今日在臉書發文，並透過Facebook表示。");
  EXPECT_TRUE(none.empty()) << ::testing::PrintToString(Texts(none));
  auto ms = F().Run("Microsoft 宣布裁員，臉書也宣布。");
  EXPECT_TRUE(Has(ms, "Microsoft")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "臉書")) << ::testing::PrintToString(Texts(ms));
}

// A Latin name before its US ticker is a company, and so is every later
// occurrence of it.
TEST(Organizations, LatinNameBeforeItsTicker) {
  auto ms = F().Run("網約平台 Lyft(LYFT-US) 股價大漲。Lyft 表示將擴張。");
  EXPECT_EQ(std::count_if(ms.begin(), ms.end(), [](const Mention& m) { return m.text == "Lyft"; }), 2)
      << ::testing::PrintToString(Texts(ms));
}

// People's congresses and consultative conferences at any level, and a
// special administrative region's government after its place.
TEST(Organizations, CongressesAndRegionGovernments) {
  auto ms = F().Run("到人大各代表团、政协各界别会议现场旁听。他汇报了澳门特别行政区政府的工作。");
  for (const char* n : {"人大", "政协", "澳门特别行政区政府"})
    EXPECT_TRUE(Has(ms, n)) << n << ": " << ::testing::PrintToString(Texts(ms));
}

// An agency's bare name other governments share counts beside its parent
// body (經濟部 -> 工業局), as its own body; without the parent it is none.
TEST(Organizations, AgencyShortFormBesideItsParent) {
  auto ms = F().Run("經濟部表示，工業局也將配合。");
  EXPECT_TRUE(Has(ms, "工業局")) << ::testing::PrintToString(Texts(ms));
  EXPECT_NE(NameOf(ms, "工業局"), NameOf(ms, "經濟部"));
  auto alone = F().Run("工業局也將配合。");
  EXPECT_FALSE(Has(alone, "工業局")) << ::testing::PrintToString(Texts(alone));
}

// A place head found inside a word starts no name (區 of 東區): the name
// starts where that word starts. Generated: district words that end with a
// head character, before body heads, in both scripts.
TEST(Organizations, LeftEdgeIsAWordStart) {
  const std::pair<const char*, const char*> kDistricts[] = {
      {"東區", "东区"}, {"西區", "西区"}, {"北區", "北区"}, {"灣仔區", "湾仔区"}};
  const std::pair<const char*, const char*> kHeads[] = {{"法院", "法院"}, {"議會", "议会"}};
  for (auto [dt, ds] : kDistricts) {
    for (auto [ht, hs] : kHeads) {
      for (const std::string& name : {std::string(dt) + ht, std::string(ds) + hs}) {
        auto ms = F().Run(name + "今日表示，案件押後再訊。");
        EXPECT_TRUE(Has(ms, name)) << name << ": " << ::testing::PrintToString(Texts(ms));
      }
    }
  }
}

// An index or a base named after a body is a thing (FORMAT.md): the name
// inside is no mention; a count or a stock code after a name leaves it.
TEST(Organizations, IndexOrBaseNamedAfterABodyIsNone) {
  for (const char* text : {"美國標普500指數上升7%。", "美国标普500指数上升7%。", "美股標普500 (S&P 500)下跌。",
                           "寧願北京將海軍基地放在坦桑尼亞。", "宁愿北京将海军基地放在坦桑尼亚。"}) {
    auto ms = F().Run(text);
    EXPECT_TRUE(ms.empty()) << text << ": " << ::testing::PrintToString(Texts(ms));
  }
  EXPECT_TRUE(Has(F().Run("標普調降美國評級。"), "標普"));
  EXPECT_TRUE(Has(F().Run("遼寧隊17號球員射門。"), "遼寧隊"));
  EXPECT_TRUE(Has(F().Run("台積電2330上漲。"), "台積電"));
  EXPECT_TRUE(Has(F().Run("據報導，Google 10 日發布了新版。"), "Google"));
}

// Words jieba tags as organizations that are regions, meetings or idioms
// (not_organizations.txt) give no mention, in either script.
TEST(Organizations, RegionsMeetingsAndIdiomsAreNone) {
  for (const char* text : {"我國中東部地區迎來降溫。", "我国中东部地区迎来降温。", "石泰峰等參加聯組會。",
                           "石泰峰等参加联组会。", "設置專門委員會的決定。", "他對此深有體會。"}) {
    auto ms = F().Run(text);
    EXPECT_TRUE(ms.empty()) << text << ": " << ::testing::PrintToString(Texts(ms));
  }
}

// A place-headed name crosses no numeral (世界首部: a count) and is not
// extended over a word of people or parts ending in a head (老幹部, 全部);
// a measure word that is the name's own head stays (電視台). Both scripts.
TEST(Organizations, NumeralsAndCadresBoundNames) {
  for (auto [text, none] : std::vector<std::pair<std::string, std::string>>{
           {"這部電影成為世界首部。", "世界首部"}, {"这部电影成为世界首部。", "世界首部"},
           {"國家廣播電視總局老幹部活動中心開放。", "國家廣播電視總局老幹部"},
           {"国家广播电视总局老干部活动中心开放。", "国家广播电视总局老干部"}}) {
    auto ms = F().Run(text);
    EXPECT_FALSE(Has(ms, none)) << text << ": " << ::testing::PrintToString(Texts(ms));
  }
  EXPECT_TRUE(Has(F().Run("國家廣播電視總局老幹部活動中心開放。"), "國家廣播電視總局"));
  EXPECT_TRUE(Has(F().Run("記四川有線電視台婦女兒童頻道。"), "四川有線電視台"));
  EXPECT_TRUE(Has(F().Run("记四川有线电视台妇女儿童频道。"), "四川有线电视台"));
}

// A conjunction after a body's own head joins two bodies, never two words
// of one name; inside one name it stays (台灣智慧自動化與機器人協會).
TEST(Organizations, ConjunctionAfterABodysHeadJoinsTwoBodies) {
  for (const char* whole : {"全國科技館和科學技術類博物館", "全国科技馆和科学技术类博物馆", "墨西哥軍隊和總檢察院",
                            "墨西哥军队和总检察院"}) {
    auto ms = F().Run(std::string(whole) + "共計1779個。");
    EXPECT_FALSE(Has(ms, whole)) << whole << ": " << ::testing::PrintToString(Texts(ms));
  }
  EXPECT_TRUE(Has(F().Run("台灣智慧自動化與機器人協會表示。"), "台灣智慧自動化與機器人協會"));
}

// A verb as common as 是 or 有 is no brand's first character: 是大公司 is
// "is a big company". Generated over verbs and heads, both scripts.
TEST(Organizations, CommonVerbStartsNoBrand) {
  for (const char* verb : {"是", "有"}) {
    for (const char* head : {"大公司", "大集團", "大集团"}) {
      std::string text = std::string("這") + verb + head + "的做法。";
      auto ms = F().Run(text);
      EXPECT_TRUE(ms.empty()) << text << ": " << ::testing::PrintToString(Texts(ms));
    }
  }
  EXPECT_TRUE(Has(F().Run("劳拉公司宣布。"), "劳拉公司"));
}

// Document-level short forms: a company named in full (brand + industry head
// + legal form, gazetteer/brand_suffixes.txt) and then by its brand alone is
// one organization. Generated over brands jieba does not know, tails and
// both scripts; the brand later is a mention linked to the full name.
TEST(Organizations, BrandCoreAfterTheFullName) {
  const std::pair<const char*, const char*> kBrands[] = {{"鼎昇", "鼎昇"}, {"曜傑", "曜杰"}, {"禾碩", "禾硕"}};
  const std::pair<const char*, const char*> kTails[] = {{"科技股份有限公司", "科技股份有限公司"},
                                                        {"實業有限公司", "实业有限公司"},
                                                        {"集團", "集团"},
                                                        {"科技公司", "科技公司"},
                                                        {"發展有限公司", "发展有限公司"}};
  for (auto [bt, bs] : kBrands) {
    for (auto [tt, ts] : kTails) {
      for (auto [brand, full, rest] :
           {std::tuple<std::string, std::string, std::string>{bt, std::string(bt) + tt, "表示，新廠明年投產。"},
            {bs, std::string(bs) + ts, "表示，新厂明年投产。"}}) {
        auto ms = F().Run(full + "今日宣布擴產。" + brand + rest);
        EXPECT_TRUE(Has(ms, full)) << full << ": " << ::testing::PrintToString(Texts(ms));
        EXPECT_TRUE(Has(ms, brand)) << full << ": " << ::testing::PrintToString(Texts(ms));
        EXPECT_EQ(NameOf(ms, brand), NameOf(ms, full)) << full;
      }
    }
  }
  // A job bank by its digits: the number alone later is the firm, a count
  // (518人) is not.
  auto ms = F().Run("518人力銀行今日公布調查。518表示，共518人回覆。");
  EXPECT_TRUE(Has(ms, "518人力銀行")) << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(std::count_if(ms.begin(), ms.end(), [](const Mention& m) { return m.text == "518"; }), 1)
      << ::testing::PrintToString(Texts(ms));
}

// A company a rule built from a place, a brand and heads (the mainland's
// industry words too: 能源, 矿业, 地产, brand_suffixes.txt part 3) goes on by
// place + brand, and by the brand without its place where jieba does not
// know it as a common word (short_forms.h, place_dropped: 中國華信 -> 華信).
// Generated over brands jieba does not know, places, tails and both scripts.
TEST(Organizations, PlaceAndBrandAfterTheFullName) {
  const std::pair<const char*, const char*> kPlaces[] = {{"中國", "中国"}, {"廣東", "广东"}};
  const std::pair<const char*, const char*> kBrands[] = {{"鼎昇", "鼎昇"}, {"禾碩", "禾硕"}};
  const std::pair<const char*, const char*> kTails[] = {{"能源有限公司", "能源有限公司"},
                                                        {"礦業集團", "矿业集团"},
                                                        {"地產有限公司", "地产有限公司"}};
  for (auto [pt, ps] : kPlaces) {
    for (auto [bt, bs] : kBrands) {
      for (auto [tt, ts] : kTails) {
        for (auto [short_form, full, brand] :
             {std::tuple<std::string, std::string, std::string>{std::string(pt) + bt, std::string(pt) + bt + tt, bt},
              {std::string(ps) + bs, std::string(ps) + bs + ts, bs}}) {
          auto ms = F().Run(full + "今日宣布擴產。" + short_form + "表示，新廠明年投產。");
          EXPECT_TRUE(Has(ms, full)) << full << ": " << ::testing::PrintToString(Texts(ms));
          EXPECT_TRUE(Has(ms, short_form)) << full << ": " << ::testing::PrintToString(Texts(ms));
          EXPECT_EQ(NameOf(ms, short_form), NameOf(ms, full)) << full;
          auto alone = F().Run(full + "今日宣布擴產。" + brand + "的股東表示支持。");
          EXPECT_TRUE(Has(alone, brand)) << full << ": " << ::testing::PrintToString(Texts(alone));
          EXPECT_EQ(NameOf(alone, brand), NameOf(alone, full)) << full;
          // Never without the full name in the article.
          auto bare = F().Run(std::string("今日宣布擴產。") + brand + "的股東表示支持。");
          EXPECT_FALSE(Has(bare, brand)) << brand << ": " << ::testing::PrintToString(Texts(bare));
        }
      }
    }
  }
}

// The trade a city's company is named after is no short form of it
// (short_form_stops.txt: 台北捷運公司 ... 捷運 is the metro).
TEST(Organizations, PlaceDroppedTradeIsNone) {
  for (const char* place : {"台北", "高雄"}) {
    std::string full = std::string(place) + "捷運公司";
    auto ms = F().Run(full + "今日宣布加班。捷運的乘客表示歡迎。");
    EXPECT_FALSE(Has(ms, "捷運")) << full << ": " << ::testing::PrintToString(Texts(ms));
  }
}

// Initials (short_forms.h): a company named in full goes on by the first
// characters of its last two words, legal forms left out, where that stands
// as a word (not inside 航程) and only in the same article. Generated over
// brands jieba does not know, legal forms and both scripts.
TEST(Organizations, InitialsAfterTheFullName) {
  const std::pair<const char*, const char*> kBrands[] = {{"鼎昇", "鼎昇"}, {"禾碩", "禾硕"}};
  const std::pair<const char*, const char*> kLegal[] = {{"公司", "公司"}, {"股份有限公司", "股份有限公司"}};
  for (auto [bt, bs] : kBrands) {
    for (auto [lt, ls] : kLegal) {
      for (auto [full, initials, rest, inside] :
           {std::tuple<std::string, std::string, std::string, std::string>{
                std::string(bt) + "航空" + lt, std::string(bt).substr(0, 3) + "航", "表示，新航線明年開航。",
                "程很長。"},
            {std::string(bs) + "航空" + ls, std::string(bs).substr(0, 3) + "航", "表示，新航线明年开航。",
             "程很长。"}}) {
        auto ms = F().Run(full + "今日宣布停飛。" + initials + rest);
        EXPECT_TRUE(Has(ms, full)) << full << ": " << ::testing::PrintToString(Texts(ms));
        EXPECT_TRUE(Has(ms, initials)) << full << ": " << ::testing::PrintToString(Texts(ms));
        EXPECT_EQ(NameOf(ms, initials), NameOf(ms, full)) << full;
        auto in_word = F().Run(full + "今日宣布停飛。" + initials + inside);
        EXPECT_FALSE(Has(in_word, initials)) << full << ": " << ::testing::PrintToString(Texts(in_word));
        auto bare = F().Run("今日宣布停飛。" + initials + rest);
        EXPECT_FALSE(Has(bare, initials)) << full << ": " << ::testing::PrintToString(Texts(bare));
      }
    }
  }
}

// A head that stands alone for its body (standalone_heads.txt: 总台) counts
// after the body's full name, linked to it; not without it, and not where
// two bodies the article names share it.
TEST(Organizations, HeadAloneAfterTheFullName) {
  for (const char* full : {"中央广播电视总台", "中央廣播電視總台"}) {
    std::string head = std::string(full).substr(std::string(full).size() - 6);
    auto ms = F().Run(std::string(full) + "今日举办展映。" + head + "的节目受到欢迎。");
    EXPECT_TRUE(Has(ms, head)) << full << ": " << ::testing::PrintToString(Texts(ms));
    EXPECT_EQ(NameOf(ms, head), NameOf(ms, full)) << full;
    auto bare = F().Run("今日举办展映。" + head + "的节目受到欢迎。");
    EXPECT_FALSE(Has(bare, head)) << full << ": " << ::testing::PrintToString(Texts(bare));
  }
  auto two = F().Run("国家市场监督管理总局和国家税务总局联合发文。总局要求各地落实。");
  EXPECT_FALSE(Has(two, "总局")) << ::testing::PrintToString(Texts(two));
  auto one = F().Run("国家市场监督管理总局今日发文。总局要求各地落实。");
  EXPECT_TRUE(Has(one, "总局")) << ::testing::PrintToString(Texts(one));
}

// A brand core that is a common word (中华 of 中华电信, 2,446 times in
// jieba's corpus), or that starts another name, is no short form.
TEST(Organizations, CommonOrLongerBrandCoreIsNone) {
  for (const char* text : {"中華電信今日宣布。中華民族的復興。", "中华电信今日宣布。中华民族的复兴。"}) {
    auto ms = F().Run(text);
    EXPECT_EQ(ms.size(), 1u) << text << ": " << ::testing::PrintToString(Texts(ms));
  }
  auto ms = F().Run("鼎昇科技公司今日宣布。鼎昇國際也表示。");
  EXPECT_FALSE(Has(ms, "鼎昇")) << ::testing::PrintToString(Texts(ms));
}

// The digits that start a name (1111人力銀行) are no count: the pipeline
// keeps the organization and drops the figure read from them.
TEST(Organizations, DigitsOfANameAreNoFigure) {
  auto ctx = LoadPipeline(kRulesDir);
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  Document doc;
  doc.key = "t";
  doc.raw = doc.body = "1111人力銀行今日證實個資外洩。1111所有會員資料已加密，共有20萬人受影響。";
  NormText nt = ctx.value()->normalizer->Normalize(doc.body);
  std::vector<std::string> figures, orgs;
  for (const Mention& m : ctx.value()->extractors->ExtractAll(doc, nt)) {
    if (m.kind == MentionKind::kFigure) figures.push_back(m.text);
    if (m.kind == MentionKind::kOrganization) orgs.push_back(m.text);
  }
  EXPECT_EQ(orgs, (std::vector<std::string>{"1111人力銀行", "1111"}));
  EXPECT_EQ(figures, (std::vector<std::string>{"20萬人"}));
}

// A short name of two characters that starts a longer word of the lexicon,
// an idiom, a place, a numeral or a phrase, is none (北大 of 北大荒, 三星 of
// 三星期 and 三星堆, 聯想 of 聯想起, 眾志 of 眾志成城); before a noun of its
// members it stays (人大 of 人大代表). Hong Kong's political groups by their
// short names (民陣, 社民連, 支聯會) are organizations. Both scripts.
TEST(Organizations, TwoCharacterNameStartsNoLongerWord) {
  for (const char* text : {"在黑龍江北大荒，稻浪翻滾。", "在黑龙江北大荒，稻浪翻滚。", "他三星期前離開。",
                           "三星堆博物館開放。", "令人聯想起廣島。", "全國人民眾志成城。", "全国人民众志成城。"}) {
    auto ms = F().Run(text);
    EXPECT_TRUE(ms.empty()) << text << ": " << ::testing::PrintToString(Texts(ms));
  }
  EXPECT_TRUE(Has(F().Run("参加全国两会的人大代表们表示。"), "人大"));
  for (const char* name : {"民陣", "社民連", "支聯會", "民協"}) {
    auto ms = F().Run(std::string(name) + "召集人今日表示，將繼續爭取。");
    EXPECT_TRUE(Has(ms, name)) << name << ": " << ::testing::PrintToString(Texts(ms));
  }
}

// An adverb modifies no noun: a one-character adverb of jieba's (尚) between
// a brand's first character and its head is the brand's own (石尚公司,
// 友尚公司); after a longer word it still ends a description (毛孟靜就政府).
TEST(Organizations, AdverbCharacterInsideABrand) {
  for (const char* name : {"石尚公司", "友尚公司"}) {
    auto ms = F().Run(std::string("去年11月10日，") + name + "董事會以臨時動議方式改選。");
    EXPECT_TRUE(Has(ms, name)) << name << ": " << ::testing::PrintToString(Texts(ms));
  }
  auto ms = F().Run("繼續審議由香港本土毛孟靜就政府提出的議案。");
  EXPECT_FALSE(Has(ms, "香港本土毛孟靜就政府")) << ::testing::PrintToString(Texts(ms));
}

// A party or state body written with its term is one name, the term in it
// (FORMAT.md: the longest name), ending before the meeting; it is the body
// (its entity's name, as without the term). The NPC's Standing Committee is
// its own body. Digits, spaces and Traditional characters alike; a term the
// sentence picks (新一屆) is no part of the name.
TEST(Organizations, TermNumberedBodyIsTheBody) {
  auto ms = F().Run("中共第十九届中央委员会第四次全体会议在北京举行。");
  EXPECT_EQ(Texts(ms), (std::vector<std::string>{"中共第十九届中央委员会"}))
      << ::testing::PrintToString(Texts(ms));
  EXPECT_EQ(NameOf(ms, "中共第十九届中央委员会"), "中共中央");
  ms = F().Run("十四届全国人大常委会第十三次会议闭幕，全国人大常委会委员长出席。");
  EXPECT_EQ(NameOf(ms, "十四届全国人大常委会"), "全国人大常委会");
  EXPECT_EQ(NameOf(ms, "全国人大常委会"), "全国人大常委会");
  ms = F().Run("由第十四届全国人民代表大会第一次会议选举产生。");
  EXPECT_EQ(NameOf(ms, "第十四届全国人民代表大会"), "全国人大");
  ms = F().Run("當選十九屆中央政治局委員。");
  EXPECT_EQ(NameOf(ms, "十九屆中央政治局"), "中共中央政治局");
  ms = F().Run("提请全国政协十四届常委会第十次会议追认。");
  EXPECT_EQ(NameOf(ms, "全国政协十四届常委会"), "全国政协常委会");
  ms = F().Run("中共第 19 屆中央委員會的決定。");
  EXPECT_EQ(NameOf(ms, "中共第 19 屆中央委員會"), "中共中央");
  ms = F().Run("香港特區第七屆立法會今日舉行首次會議。");
  EXPECT_EQ(NameOf(ms, "香港特區第七屆立法會"), "立法會");
  ms = F().Run("選舉產生新一屆立法會。");
  EXPECT_FALSE(Has(ms, "一屆立法會")) << ::testing::PrintToString(Texts(ms));
  EXPECT_TRUE(Has(ms, "立法會"));
  ms = F().Run("中共二十届三中全会精神。");
  EXPECT_FALSE(Has(ms, "二十届三中全会")) << ::testing::PrintToString(Texts(ms));
}

// A civil-society group named by an advocacy verb, a cause and a group head
// starts at the verb, never at a verb of the sentence; a bare head, a
// pronoun for a cause and a joint meeting are none.
TEST(Organizations, CivilGroupNamedByItsCause) {
  for (const char* name : {"守護大嶼聯盟", "關注基層住屋聯席", "保護馬料水海灣大聯盟", "土地公義聯合陣線",
                           "保衛香港自由聯盟", "爭取全民退休保障聯席", "反對國民教育科大聯盟"}) {
    auto ms = F().Run(std::string("我們加入") + name + "，一同請願。");
    EXPECT_EQ(Texts(ms), (std::vector<std::string>{name})) << name << ": " << ::testing::PrintToString(Texts(ms));
  }
  for (const char* text : {"他們反對是次聯席。", "成立保護聯盟。", "各國組成聯合陣線。", "爭取兩地政府聯席會議討論。"}) {
    auto ms = F().Run(text);
    EXPECT_TRUE(ms.empty()) << text << ": " << ::testing::PrintToString(Texts(ms));
  }
}

}  // namespace
}  // namespace newskb
