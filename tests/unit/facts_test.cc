// Tests for extractors/facts: whole clauses, Traditional and Simplified, with
// the shipped entity extractors and figure/date mentions placed by hand (so
// the stage is tested apart from the figure and date rules).

#include "extractors/facts/facts.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/commodities/commodities.h"
#include "extractors/indicators/indicators.h"
#include "extractors/organizations/organizations.h"
#include "extractors/places/places.h"
#include "extractors/policies/policies.h"
#include "extractors/projects/projects.h"
#include "extractors/actors/actors.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

struct Given {
  std::string text;  // a figure's or date's surface text
  std::string unit;  // figures: the unit; dates: empty
  std::string date;  // dates: ISO value
};

struct Out {
  std::string subject, predicate, object, figure, date;
};

size_t Cps(const std::string& s, size_t bytes) {
  size_t n = 0;
  for (size_t i = 0; i < bytes; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

struct Fixture {
  std::shared_ptr<const Normalizer> norm = Normalizer::Create().value();
  std::vector<std::unique_ptr<Extractor>> chain;
  std::unique_ptr<FactExtractor> facts;
  Fixture() {
    auto add = [&](Result<std::unique_ptr<Extractor>> r) {
      if (r.ok()) chain.push_back(std::move(r).value());
      else ADD_FAILURE() << r.status().message();
    };
    add(MakeOrganizationExtractor(kRulesDir, norm));
    add(MakePolicyExtractor(kRulesDir, norm));
    add(MakeProjectExtractor(kRulesDir, norm));
    add(MakePlaceExtractor(kRulesDir, norm));
    add(MakeCommodityExtractor(kRulesDir, norm));
    add(MakeIndicatorExtractor(kRulesDir, norm));
    add(MakeActorExtractor(kRulesDir, norm));
    auto f = MakeFactExtractor(kRulesDir, norm);
    if (f.ok()) facts = std::move(f).value();
    else ADD_FAILURE() << f.status().message();
  }
  // Facts of `text`, figures and dates given by their (first unused) text.
  std::vector<Out> Run(const std::string& text, const std::vector<Given>& given) const {
    Document doc;
    doc.key = "t";
    doc.body = text;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> ms;
    for (const auto& e : chain) e->Extract(doc, nt, &ms);
    size_t from = 0;
    for (const Given& g : given) {
      size_t at = text.find(g.text, from);
      EXPECT_NE(at, std::string::npos) << g.text;
      if (at == std::string::npos) continue;
      from = at + g.text.size();
      Mention m;
      m.kind = g.unit.empty() ? MentionKind::kDate : MentionKind::kFigure;
      m.start = static_cast<uint32_t>(Cps(text, at));
      m.end = static_cast<uint32_t>(Cps(text, at + g.text.size()));
      m.text = g.text;
      m.unit = g.unit;
      m.date_value = g.date;
      m.rule = "test";
      ms.push_back(m);
    }
    std::stable_sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    std::vector<Fact> fs;
    if (facts) facts->Extract(doc, nt, ms, &fs);
    std::vector<Out> out;
    auto name = [&](int i) { return i < 0 ? std::string("-") : ms[i].name.empty() ? ms[i].text : ms[i].name; };
    for (const Fact& f : fs) {
      EXPECT_GE(f.figure, 0);
      EXPECT_FALSE(f.rule.empty());
      out.push_back({name(f.subject), f.predicate, name(f.object), ms[f.figure].text,
                     f.date >= 0 ? ms[f.date].date_value : "-"});
    }
    return out;
  }
};

const Fixture& F() {
  static Fixture f;
  return f;
}

TEST(Facts, SubjectGovernsTheVerbBeforeTheFigure) {
  auto fs = F().Run("澳洲將投入12億澳元支持本國的鋰礦項目。", {{"12億澳元", "AUD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "澳洲");
  EXPECT_EQ(fs[0].predicate, "invests");
}

TEST(Facts, ShareOfACommodity) {
  auto fs = F().Run("印尼控制着全球约40%的镍产量。", {{"约40%", "%", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "印尼");
  EXPECT_EQ(fs[0].predicate, "share");
  EXPECT_EQ(fs[0].object, "鎳");
}

TEST(Facts, ShareClauseTakesSubjectAndCommodityFromThePreviousClause) {
  auto fs = F().Run("中国还是全球最大的重稀土供应国，占全球产量的94%。", {{"94%", "%", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "中國");
  EXPECT_EQ(fs[0].predicate, "share");
  EXPECT_EQ(fs[0].object, "重稀土");
}

TEST(Facts, DroppedSubjectAndLeadingDate) {
  auto fs = F().Run("加拿大上月宣布，將向鋰礦企業提供3億加元貸款。",
                    {{"上月", "", "2026-01"}, {"3億加元", "CAD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "加拿大");
  EXPECT_EQ(fs[0].predicate, "lends");
  EXPECT_EQ(fs[0].object, "鋰");
  EXPECT_EQ(fs[0].date, "2026-01");
}

TEST(Facts, DateAsAdverbialClause) {
  auto fs = F().Run("2025年7月，日本投入4億美元。", {{"2025年7月", "", "2025-07"}, {"4億美元", "USD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "日本");
  EXPECT_EQ(fs[0].date, "2025-07");
}

TEST(Facts, PrepositionMarksTheObjectNotTheSubject) {
  auto fs = F().Run("美国向乌克兰提供了4亿美元的援助。", {{"4亿美元", "USD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "美國");
  EXPECT_EQ(fs[0].object, "烏克蘭");
  EXPECT_EQ(fs[0].predicate, "invests");
}

TEST(Facts, FromToGivesTwoFactsWithOnePredicate) {
  auto fs = F().Run("歐盟對中國的依賴度從98%降至約80%。", {{"98%", "%", ""}, {"約80%", "%", ""}});
  ASSERT_EQ(fs.size(), 2u);
  for (const Out& o : fs) {
    EXPECT_EQ(o.subject, "歐盟");
    EXPECT_EQ(o.predicate, "share");
    EXPECT_EQ(o.object, "中國");
  }
}

TEST(Facts, PossessorAfterTheFigure) {
  auto fs = F().Run("该计划获得银行贷款，以及近20亿美元的日本私营部门投资。", {{"近20亿美元", "USD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "日本");
  EXPECT_EQ(fs[0].predicate, "invests");
}

TEST(Facts, PriceFloorPerKilogram) {
  auto fs = F().Run("美國承諾以每公斤110美元的底價收購釹。", {{"每公斤110美元", "USD/kg", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "美國");
  EXPECT_EQ(fs[0].predicate, "price_floor");
  EXPECT_EQ(fs[0].object, "釹");
}

TEST(Facts, DurationsAndCounts) {
  auto fs = F().Run("日本在稀土問題上的努力已經超過十年，涵蓋30多種礦產。",
                    {{"超過十年", "year", ""}, {"30多種", "count", ""}});
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].predicate, "takes");
  EXPECT_EQ(fs[0].subject, "日本");
  EXPECT_EQ(fs[1].predicate, "counts");
  EXPECT_EQ(fs[1].subject, "日本");
}

TEST(Facts, CommodityIsNeverTheSubject) {
  auto fs = F().Run("年產稀土氧化物約4萬公噸。", {{"約4萬公噸", "t", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "-");
  EXPECT_EQ(fs[0].object, "稀土");
  EXPECT_EQ(fs[0].predicate, "produces");
}

// A sentence with no subject of its own takes the topic of the sentence
// before it in its paragraph, never across a paragraph break.
TEST(Facts, TopicCarriesWithinAParagraphNeverAcrossOne) {
  auto fs = F().Run("中國是最大生產國。成本下降了約30%。", {{"約30%", "%", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "中國");
  EXPECT_TRUE(F().Run("中國是最大生產國。\n成本下降了約30%。", {{"約30%", "%", ""}}).empty());
}

TEST(Facts, ReportingClauseIsNoSubject) {
  auto fs = F().Run("根據澳洲的統計，佔全球產量的5%。", {{"5%", "%", ""}});
  EXPECT_TRUE(fs.empty());
}

// The speaker of a reporting clause is the subject only when the sentence
// names no other: X表示，公司将招募300名员工 is about X; X表示，澳洲将投入…
// is about 澳洲, and X is never an object.
TEST(Facts, SpeakerIsTheSubjectOnlyAsALastResort) {
  auto fs = F().Run("力拓表示，公司未來兩年將招募逾300名員工。", {{"逾300名", "count", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "力拓");
  EXPECT_EQ(fs[0].predicate, "counts");
  auto other = F().Run("力拓表示，澳洲將投入12億澳元。", {{"12億澳元", "AUD", ""}});
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].subject, "澳洲");
  EXPECT_EQ(other[0].object, "-");
}

// A subject is never carried back over a reporting clause: what X表示，
// reports is X's unless it names its own subject, and the subject of the
// clauses before X spoke is none of X's words (step FindSubject, Reports).
TEST(Facts, ReportingClauseStopsTheCarriedSubject) {
  auto fs = F().Run("勞方代表在審議委員會前聲援，全國產業總工會理事長莊爵安表示，月薪應達到2萬9,199元。",
                    {{"2萬9,199元", "TWD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "全國產業總工會");
  // A subject named after the reporting clause is still carried.
  auto own = F().Run("力拓表示，澳洲將投入資金，並在兩年內完成12億澳元的建設。", {{"12億澳元", "AUD", ""}});
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].subject, "澳洲");
  // With no reporting clause between, the earlier clause's subject carries.
  auto plain = F().Run("中國洛陽鉬業去年擴產，鈷產量約11.4萬噸。", {{"約11.4萬噸", "t", ""}});
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].subject, "洛阳钼业");
}

// The speaker who stands in as the subject is the first of its reporting
// clause's run of speakers: 警務處總警司（服務質素監察部）麥衛文表示 is the
// force's, the bracketed unit a detail of the officer's title.
TEST(Facts, FirstSpeakerOfTheReportingClause) {
  auto fs = F().Run("警務處總警司（服務質素監察部）麥衛文表示，至今已分發1.4萬張行動呼號卡。",
                    {{"1.4萬張", "count", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "香港警務處");
}

// An entity after a verb of its clause is that verb's object, no subject to
// carry into the clauses after it (step MarkObjectsOfVerbs); a verb followed
// by 的 belongs to a modifier of the entity, which stays a subject.
TEST(Facts, AVerbsObjectIsNotCarried) {
  auto fs = F().Run("美國能源部收購了Syrah Resources，年產4萬公噸。", {{"4萬公噸", "t", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "美国能源部");
  EXPECT_EQ(fs[0].object, "Syrah Resources");
  auto mod = F().Run("去年擴產的寧德時代，年產4萬公噸。", {{"4萬公噸", "t", ""}});
  ASSERT_EQ(mod.size(), 1u);
  EXPECT_EQ(mod[0].subject, "宁德时代");
}

// A common noun that acts in a release (a public purse, an ownership type of
// enterprises, a nation-wide system: extractors/actors) is the subject of its
// figures, in its clause and carried to the clauses after it.
TEST(Facts, CommonNounActorIsTheSubject) {
  auto purse = F().Run("资金支持方面，中央财政将在三年内安排专项资金约450亿元。", {{"约450亿元", "CNY", ""}});
  ASSERT_EQ(purse.size(), 1u);
  EXPECT_EQ(purse[0].subject, "中央財政");
  auto carried = F().Run("其中，民营企业数量增加10.1%，进出口值增长10.7%，占外贸比重达54.6%。",
                         {{"10.1%", "%", ""}, {"10.7%", "%", ""}, {"54.6%", "%", ""}});
  ASSERT_EQ(carried.size(), 3u);
  EXPECT_EQ(carried[2].subject, "民營企業");
  auto system = F().Run("截至目前，全国供销合作社系统已采购肥料2000万吨。", {{"2000万吨", "t", ""}});
  ASSERT_EQ(system.size(), 1u);
  EXPECT_EQ(system[0].subject, "全國供銷合作社系統");
  // An organization still outranks an actor written after it.
  auto org = F().Run("财政部向民营企业发放补贴30亿元。", {{"30亿元", "CNY", ""}});
  ASSERT_EQ(org.size(), 1u);
  EXPECT_EQ(org[0].subject, "财政部");
}

// A named indicator is what a statistical figure measures: the subject when
// the clause names no actor, and it outranks the speaker of the release.
TEST(Facts, IndicatorIsTheSubjectOfItsStatistic) {
  auto fs = F().Run("国家统计局数据显示，今年一季度，全国固定资产投资103174亿元。", {{"103174亿元", "CNY", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "固定資產投資");
  EXPECT_EQ(fs[0].predicate, "other");  // 投资 inside the indicator's name is no cue
  auto actor = F().Run("美國國防部向MP Materials投入4億美元，佔其國內生產總值的一小部分。", {{"4億美元", "USD", ""}});
  ASSERT_EQ(actor.size(), 1u);
  EXPECT_EQ(actor[0].subject, "美国国防部");
}

// A measured quantity found before its value (ind.measured_quantity) is the
// subject of its figures, in its clause and in the clauses after it.
TEST(Facts, MeasuredQuantityIsTheSubjectOfItsValues) {
  auto fs = F().Run("最新数据显示，一季度，全社会用电量累计25141亿千瓦时，同比增长5.2%。",
                    {{"25141亿千瓦时", "kWh", ""}, {"5.2%", "%", ""}});
  ASSERT_EQ(fs.size(), 2u);
  EXPECT_EQ(fs[0].subject, "全社会用电量");
  EXPECT_EQ(fs[1].subject, "全社会用电量");
}

// A measure named with its value (粮食播种面积超过17.7亿亩) is carried to a
// clause that goes on measuring it (，比上年增长0.6%: rule fact.continues),
// not to one that names its own measured noun (，产量25万余吨): that figure
// falls back to the release's speaker.
TEST(Facts, MeasureCarriesOnlyToItsOwnChange) {
  auto fs = F().Run("国家统计局数据显示，全国粮食播种面积超过17.7亿亩，比上年增长0.6%，产量25万余吨。",
                    {{"超过17.7亿亩", "mu", "more_than"}, {"0.6%", "%", ""}, {"25万余吨", "t", "more_than"}});
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].subject, "粮食");
  EXPECT_EQ(fs[0].object, "粮食播种面积");
  EXPECT_EQ(fs[1].subject, "粮食");
  EXPECT_EQ(fs[2].subject, "国家统计局");
  // A measure standing alone in its clause is the period's topic.
  auto topic = F().Run("又例如固定資產投資，雖然今年首季升25.6%。", {{"25.6%", "%", ""}});
  ASSERT_EQ(topic.size(), 1u);
  EXPECT_EQ(topic[0].subject, "固定資產投資");
}

// A list of scopes before 分别 pairs each scope with its figure; the
// measure named after the last scope is the last figure's object only.
TEST(Facts, CoordinatedScopesPairWithTheirFigures) {
  auto fs = F().Run("数码产品、家电家居、汽车以旧换新销售额分别约为141亿元、105亿元、66亿元。",
                    {{"141亿元", "CNY", ""}, {"105亿元", "CNY", ""}, {"66亿元", "CNY", ""}});
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].subject, "数码产品");
  EXPECT_EQ(fs[0].object, "-");  // no object
  EXPECT_EQ(fs[1].subject, "家电家居");
  EXPECT_EQ(fs[2].subject, "汽车以旧换新");
  EXPECT_EQ(fs[2].object, "汽车以旧换新销售额");
}

// A later clause gives the subject only to a figure of the sentence's
// leading adverbial (此外，在過去六個月裏，白宮…); a figure further in takes
// the topic of the sentences before, not an entity of what follows it.
TEST(Facts, LaterClauseSubjectOnlyForALeadingAdverbial) {
  auto lead = F().Run("此外，在過去六個月裏，白宮還宣佈向私營企業提供投資承諾。", {{"六個月", "month", ""}});
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_EQ(lead[0].subject, "白宫");
  auto inner = F().Run("力拓公布財報，營收增長。「從沒想過公司會虧錢，揚州廠從第三季開始獲利超過4千萬元，"
                       "我會努力讓台灣2個廠的虧損縮小。」",
                       {{"超過4千萬元", "CUR?", ""}});
  ASSERT_EQ(inner.size(), 1u);
  EXPECT_EQ(inner[0].subject, "力拓");
}

// The body whose release a paragraph reports stays the subject of the
// sentences after it that name none (其中，…; 在出口方面，…), as it is of the
// first; a sentence naming its own subject keeps it.
TEST(Facts, ReleasingBodyCarriesThroughItsParagraph) {
  auto fs = F().Run("中国汽车工业协会发布的数据显示，1至10月，汽车销量完成2768.7万辆。"
                    "在出口方面，1至10月，新能源汽车出口201.4万辆。比亚迪出口销量达到50万辆。",
                    {{"2768.7万辆", "count", ""}, {"201.4万辆", "count", ""}, {"50万辆", "count", ""}});
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].subject, "中国汽车工业协会");
  EXPECT_EQ(fs[1].subject, "中国汽车工业协会");
  EXPECT_EQ(fs[2].subject, "比亚迪");
  // Never across a paragraph break.
  EXPECT_EQ(F().Run("中国汽车工业协会发布的数据显示，汽车销量完成2768.7万辆。\n\n新能源汽车出口201.4万辆。",
                    {{"2768.7万辆", "count", ""}, {"201.4万辆", "count", ""}}).size(), 1u);
}

// A news credit opening the text (央视网消息：, 新华社…电：) is a source: the
// release's author speaks, the outlet never is the subject.
TEST(Facts, DatelineIsNoSubject) {
  auto fs = F().Run("央视网消息（新闻联播）：中国人民银行公布的最新数据显示，8月末，货币存量为433.66万亿元。",
                    {{"433.66万亿元", "CNY", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "中国人民银行");
}

// Sentences joined by a semicolon keep a dropped subject (甲…；乙…。), and
// a full stop still ends it.
TEST(Facts, SubjectCarriesOverASemicolonNotAFullStop) {
  auto fs = F().Run("力拓公布年報，營收增長；淨利潤為612億元。", {{"612億元", "CUR?", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "力拓");
  EXPECT_TRUE(F().Run("力拓公布年報，營收增長。\n\n淨利潤為612億元。", {{"612億元", "CUR?", ""}}).empty());
}

// 并 opening a clause adds a predicate to the period's main subject, not to
// the entity of the clause before it.
TEST(Facts, ConjunctionTakesTheMainSubject) {
  auto fs = F().Run("經濟部已啟動新方案，將日本產製的磁鐵納入名單，並提供每公斤最高80美元的補助。",
                    {{"每公斤最高80美元", "USD/kg", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "经济部");  // the gazetteer's canonical name
}

// With no subject and no object in reach, the topic of an earlier clause is
// the object (a commodity priced in the next clause).
TEST(Facts, TopicOfAnEarlierClauseIsTheObject) {
  auto fs = F().Run("碳酸鋰期貨9日再度漲停，收報每噸9.86萬元。", {{"每噸9.86萬元", "CUR?/t", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "-");
  EXPECT_EQ(fs[0].object, "碳酸鋰");
}

// A place right before an organization modifies it; the organization is
// the subject.
TEST(Facts, PlaceBeforeAnOrganizationIsNotTheSubject) {
  auto fs = F().Run("日本力拓週二宣布，向澳洲的鋰礦項目投資約1,200億日圓。", {{"約1,200億日圓", "JPY", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "力拓");
}

// A descriptor before a name: the preposition's mark reaches the name, and
// the place or commodity of the descriptor is neither subject nor object.
TEST(Facts, DescriptorBeforeANameTakesThePrepositionsMark) {
  auto fs = F().Run("力拓將向澳洲稀土開發商阿拉弗拉投資約1,200億日圓。", {{"約1,200億日圓", "JPY", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "力拓");
  EXPECT_EQ(fs[0].object, "阿拉弗拉稀土");  // the gazetteer's canonical name
  auto own = F().Run("澳洲稀土開發商阿拉弗拉獲得約1,200億日圓融資。", {{"約1,200億日圓", "JPY", ""}});
  ASSERT_EQ(own.size(), 1u);
  EXPECT_EQ(own[0].subject, "阿拉弗拉稀土");
}

TEST(Facts, UnitClasses) {
  EXPECT_EQ(UnitClass("USD"), "money");
  EXPECT_EQ(UnitClass("CUR?"), "money");
  EXPECT_EQ(UnitClass("%"), "percent");
  EXPECT_EQ(UnitClass("year"), "duration");
  EXPECT_EQ(UnitClass("USD/kg"), "rate");
  EXPECT_EQ(UnitClass("t"), "mass");
  EXPECT_EQ(UnitClass("count"), "count");
}


// ---- resolution across sentences (issue 14)

// 该/該 + a head noun stands for the nearest earlier entity of the head's
// kind: 該廠 for a company, passing over the ministry that speaks.
TEST(Facts, DemonstrativeTakesTheNearestEntityOfItsKind) {
  auto fs = F().Run("美國能源部宣布向Syrah Resources提供貸款承諾。DOE表示，該廠年產能將達4萬5千公噸。",
                    {{"4萬5千公噸", "t", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "Syrah Resources");
  EXPECT_EQ(fs[0].predicate, "produces");
}

// A demonstrative may reach into the previous paragraph; a pronoun may not.
TEST(Facts, DemonstrativeCrossesOneParagraphPronounNone) {
  auto fs = F().Run("力拓公布年報。\n\n該公司淨利潤增長8%。", {{"8%", "%", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "力拓");
  EXPECT_TRUE(F().Run("力拓公布年報。\n\n其淨利潤增長8%。", {{"8%", "%", ""}}).empty());
}

// The project a sentence is about is the subject of its figures (該計畫將…).
TEST(Facts, PolicyAnaphorIsTheSubjectOfItsFigures) {
  auto fs = F().Run("白宮推出名為「金庫計劃」的儲備項目。該項目將獲得100億美元貸款。", {{"100億美元", "USD", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "金庫計劃");
  EXPECT_EQ(fs[0].predicate, "lends");
}

// Reported speech keeps the clause's own subject: the speaker is no
// subject where an anaphor names one.
TEST(Facts, ReportedSpeechKeepsTheClauseSubject) {
  auto fs = F().Run("洛陽鉬業表示，該公司去年的鈷產量約11.4萬噸。", {{"約11.4萬噸", "t", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "洛阳钼业");
  // An anaphor with no antecedent still names the clause's subject.
  auto doe = F().Run("美國能源部發放貸款。DOE指出，該廠年產1.1萬公噸。", {{"1.1萬公噸", "t", ""}});
  for (const Out& f : doe) EXPECT_NE(f.subject, "美国能源部");
}

// 其 inside a clause (取得其…项目20%权益) is a possessor: an object, never the subject.
TEST(Facts, PronounInsideAClauseIsNoSubject) {
  auto fs = F().Run("豐田通商將向阿拉弗拉投資，取得其諾蘭斯項目20%權益。", {{"20%", "%", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "丰田通商");
}

// 其中 and 因此 hold no anaphor.
TEST(Facts, BlockedWordsAreNoAnaphors) {
  auto fs = F().Run("力拓公布年報。\n\n其中營收增長8%。", {{"8%", "%", ""}});
  EXPECT_TRUE(fs.empty());
}

// A、B、C 分别 x、y、z: each member of the list takes its own figure, as
// subject (places, companies) or, after a preposition, as object; a later
// 分别 clause of the same list pairs the same way.
TEST(Facts, ListsArePairedInOrder) {
  auto fs = F().Run("從來源地看，韓國、德國和日本對華投資分別增長12.1%、5.6%和3.1%。",
                    {{"12.1%", "%", ""}, {"5.6%", "%", ""}, {"3.1%", "%", ""}});
  ASSERT_EQ(fs.size(), 3u);
  EXPECT_EQ(fs[0].subject, "南韓");  // the gazetteer's name
  EXPECT_EQ(fs[1].subject, "德國");
  EXPECT_EQ(fs[2].subject, "日本");
  auto objects = F().Run("对拉丁美洲、非洲分别出口1.9万亿元和1.1万亿元，同比分别增长5.5%和7.4%。",
                         {{"1.9万亿元", "CNY", ""}, {"1.1万亿元", "CNY", ""}, {"5.5%", "%", ""}, {"7.4%", "%", ""}});
  ASSERT_EQ(objects.size(), 4u);
  EXPECT_NE(objects[0].object, "非洲");  // the first member (拉丁美洲, by its gazetteer name)
  EXPECT_NE(objects[0].object, "-");
  EXPECT_EQ(objects[1].object, "非洲");
  EXPECT_EQ(objects[2].object, objects[0].object);
  EXPECT_EQ(objects[3].object, "非洲");
  EXPECT_EQ(objects[0].subject, "-");
}

// A sentence that opens with 在 + a place is about that place; the topic of
// the sentence before does not carry into it.
TEST(Facts, SettingOfASentenceIsItsSubject) {
  auto fs = F().Run("廣東推廣科技種田。在江西南昌，196萬畝早稻開始播栽。", {{"196萬畝", "mu", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "江西");
  auto carried = F().Run("在江西南昌，196萬畝早稻開始播栽。機械化率達到80%。", {{"196萬畝", "mu", ""}, {"80%", "%", ""}});
  ASSERT_EQ(carried.size(), 2u);
  EXPECT_EQ(carried[1].subject, "江西");  // the setting is the next sentence's topic
}

// A measured quantity followed by its change (同比增长 x%) is the subject of
// the change: each part of a breakdown is its own (其中，A用电量同比增长…，
// B用电量同比增长…), not the release's total carried as a topic.
TEST(Facts, MeasuredQuantityIsTheSubjectOfItsChange) {
  for (const std::string head : {"用电量", "客运量", "零售额", "进口量"}) {
    for (const std::string verb : {"同比增长", "环比下降", "按年增加"}) {
      const std::string a = "第一产业" + head, b = "铁路" + head;
      const std::string text = "全国" + head + "持续增长。其中，" + a + verb + "11.5%，" + b + verb + "6.5%。";
      auto fs = F().Run(text, {{"11.5%", "%", ""}, {"6.5%", "%", ""}});
      ASSERT_EQ(fs.size(), 2u) << text;
      EXPECT_EQ(fs[0].subject, a) << text;
      EXPECT_EQ(fs[1].subject, b) << text;
    }
  }
}

// A measure named after its scope (高技术制造业投资): the scope is the
// subject, the measure named with its scope the object, not a total carried from the sentence
// before; an entity before the scope (江苏省) stays the subject. Generated:
// scopes of the releases x heads x change verbs.
TEST(Facts, ScopeOfAnIndicatorIsTheSubjectMeasureTheObject) {
  for (const std::string scope : {"高技术制造业", "消费品工业", "装备制造业", "跨境电商"}) {
    for (const std::string head : {"投资", "增加值", "利润"}) {
      for (const std::string verb : {"同比增长", "增长", "同比下降"}) {
        const std::string text = "前三季度，国内生产总值同比增长5.2%。今年前10月，我国" + scope + head + verb + "11.3%。";
        auto fs = F().Run(text, {{"5.2%", "%", ""}, {"11.3%", "%", ""}});
        ASSERT_EQ(fs.size(), 2u) << text;
        EXPECT_EQ(fs[1].subject, scope) << text;
        EXPECT_EQ(fs[1].object, scope + head) << text;
      }
    }
  }
  auto fs = F().Run("今年1到7月，江苏省民间投资同比增长5.1%。", {{"5.1%", "%", ""}});
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].subject, "江蘇");
  EXPECT_EQ(fs[0].object, "民间投资");
}

// A scope of one generic word (过火, 奖牌) opening a later clause gives way to
// the place or organization subject of an earlier clause of its sentence; a
// longer scope (a sector) stays the subject. Generated: places x scopes.
TEST(Facts, AOneWordScopeGivesWayToTheSentencesSubject) {
  for (const std::string place : {"比利时", "加拿大", "葡萄牙"}) {
    const std::string text = place + "东南部14日发生林火，截至15日晚，过火面积已超2700公顷。";
    auto fs = F().Run(text, {{"2700公顷", "ha", ""}});
    ASSERT_EQ(fs.size(), 1u) << text;
    EXPECT_NE(fs[0].subject, "过火") << text;
    EXPECT_EQ(fs[0].object, "过火面积") << text;
  }
  for (const std::string scope : {"高技术制造业", "太阳能发电"}) {
    const std::string text = "江苏省经济平稳，" + scope + "投资同比增长11%。";
    auto fs = F().Run(text, {{"11%", "%", ""}});
    ASSERT_EQ(fs.size(), 1u) << text;
    EXPECT_EQ(fs[0].subject, scope) << text;
  }
}

// A topic reaches the next two sentences, not further (kTopicReach); the
// body whose release the paragraph reports reaches through it. Generated:
// 0 to 4 sentences without an entity between the topic and the figure.
TEST(Facts, TopicReachesTwoSentencesAReleaseItsParagraph) {
  const std::string filler = "市場反應平淡。";
  for (int gap = 0; gap <= 4; ++gap) {
    std::string between;
    for (int i = 0; i < gap; ++i) between += filler;
    auto topic = F().Run("力拓公布年報。" + between + "營收增長8%。", {{"8%", "%", ""}});
    if (gap <= 1) {
      ASSERT_EQ(topic.size(), 1u) << gap;
      EXPECT_EQ(topic[0].subject, "力拓") << gap;
    } else {
      EXPECT_TRUE(topic.empty()) << gap;
    }
    auto release = F().Run("中国汽车工业协会发布的数据显示，汽车销量完成2768.7万辆。" + between + "新能源汽车出口201.4万辆。",
                           {{"2768.7万辆", "count", ""}, {"201.4万辆", "count", ""}});
    ASSERT_EQ(release.size(), 2u) << gap;
    EXPECT_EQ(release[1].subject, "中国汽车工业协会") << gap;
  }
}

// A topic is not carried past a sentence that names an entity it cannot be
// the subject of (an object, a place after 在 or 位於, a target): the story
// moved on. On 3,000 random real-news.dev articles 8 sampled topics such a
// sentence stopped were 6 wrong (工行 for a union's strike, 寧夏 for a
// motorway's length). Generated: the same filler with and without a place.
TEST(Facts, TopicStopsAtASentenceAboutSomethingElse) {
  for (const std::string place : {"美國", "江西", "澳洲"}) {
    auto moved = F().Run("力拓公布年報。工廠位於" + place + "。營收增長8%。", {{"8%", "%", ""}});
    for (const auto& f : moved) EXPECT_NE(f.subject, "力拓") << place;
    auto kept = F().Run("力拓公布年報。市場反應平淡。營收增長8%。", {{"8%", "%", ""}});
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].subject, "力拓");
  }
}

// A named project or facility is the subject of its own figures, in the
// clause (而廣深港高鐵香港段全長26公里，共844億元) or carried as the topic.
TEST(Facts, ProjectIsTheSubjectOfItsFigures) {
  auto listed = F().Run("而廣深港高鐵香港段全長26公里，共844億元。", {{"26公里", "km", ""}, {"844億元", "CUR?", ""}});
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[1].subject, "廣深港高速鐵路香港段");
  for (const std::string name : {"乌东德水电站", "綦江页岩气田", "“海油安澜号”"}) {
    auto fs = F().Run("位于重庆的" + name + "投产。总投资达200亿元。", {{"200亿元", "CNY", ""}});
    ASSERT_EQ(fs.size(), 1u) << name;
    EXPECT_NE(name.find(fs[0].subject), std::string::npos) << name << " [" << fs[0].subject << "]";
  }
}

// 记者从X获悉/了解到/得知 names who reports (rule fact.span.informant): a
// speaker, not a source of money after 从, and the topic of the next
// sentence's figures when they name no subject. Generated over the verbs.
TEST(Facts, InformantIsTheTopicOfTheRelease) {
  for (const std::string verb : {"获悉", "了解到", "得知"}) {
    const std::string text = "记者今天从中国机械工业联合会" + verb + "，今年上半年，经济运行稳中有进。最新数据显示，上半年，营业收入同比增长6.4%。";
    auto fs = F().Run(text, {{"6.4%", "%", ""}});
    ASSERT_EQ(fs.size(), 1u) << text;
    EXPECT_EQ(fs[0].subject, "中国机械工业联合会") << text;
  }
}

// 经 + a body + a verb of approval or assessment opens a clause that names
// who vouches for the figure, not its subject (rule fact.span.approval).
TEST(Facts, ApprovingBodyIsNoSubject) {
  for (const std::string verb : {"审定", "批准", "核定"}) {
    const std::string text = "綦江页岩气田勘探获重大突破。经自然资源部专家" + verb + "，首期探明地质储量为1459.68亿立方米。";
    auto fs = F().Run(text, {{"1459.68亿立方米", "m3", ""}});
    ASSERT_EQ(fs.size(), 1u) << text;
    EXPECT_EQ(fs[0].subject, "綦江页岩气田") << text;
  }
}

// A reporter's byline (〔記者…／台北報導〕) is a source: its place is no
// subject, and no topic reaches back over it to the page's text before the
// story (a browser notice naming a company). Generated over cities and the
// bracket forms.
TEST(Facts, BylineIsNoSubjectAndOpensTheStory) {
  for (const std::string city : {"台北", "高雄", "台中"}) {
    for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{{"〔", "〕"}, {"【", "】"}}) {
      const std::string text = "建議使用微軟的瀏覽器。" + open + "記者王小明／" + city + "報導" + close +
                               "男子被控詐騙，共吸金達2億元。";
      auto fs = F().Run(text, {{"2億元", "CUR?", ""}});
      for (const auto& f : fs) {
        EXPECT_NE(f.subject, city) << text;
        EXPECT_NE(f.subject, "微软") << text;
        EXPECT_NE(f.subject, "微軟") << text;
      }
    }
  }
  // Without the byline the notice's company is carried (what the byline stops).
  auto carried = F().Run("建議使用微軟的瀏覽器。男子被控詐騙，共吸金達2億元。", {{"2億元", "CUR?", ""}});
  ASSERT_EQ(carried.size(), 1u);
  EXPECT_NE(carried[0].subject, "-");
}

}  // namespace
}  // namespace newskb
