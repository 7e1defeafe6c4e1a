// Tests for the steps of the facts pass (extractors/facts/steps.h), each on
// its own: mentions are placed by hand, the rules are the shipped facts.json.

#include "extractors/facts/steps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extractors/facts/facts.h"

namespace newskb {
namespace facts {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

size_t Cps(const std::string& s, size_t bytes) {
  size_t n = 0;
  for (size_t i = 0; i < bytes; ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// A mention given by its text (the first occurrence after the previous one).
struct Given {
  std::string text;
  MentionKind kind;
  std::string unit_or_date;  // figures: unit; dates: ISO value
  std::string org_class_rule = "";  // organizations: the mention's rule (gaz.org:NAME)
};

struct Doc {
  NormText norm;
  std::vector<Mention> ms;
  Layout layout;
  Placed placed;
  Matches matches;
};

const Normalizer& Norm() {
  static std::shared_ptr<const Normalizer> n = Normalizer::Create().value();
  return *n;
}
const RuleSet& Rules() {
  static RuleSet rs = RuleSet::LoadFile(kRulesDir + "/facts.json", RuleSetOptions{}).value();
  return rs;
}

// Runs steps 1-3 (clauses, placing, rules, marks, anaphors) over `text`.
Doc Prepare(const std::string& text, const std::vector<Given>& given,
            const std::map<std::string, std::string>& org_classes = {}) {
  Doc d;
  d.norm = Norm().Normalize(text);
  size_t from = 0;
  for (const Given& g : given) {
    size_t at = text.find(g.text, from);
    EXPECT_NE(at, std::string::npos) << g.text;
    if (at == std::string::npos) continue;
    from = at + g.text.size();
    Mention m;
    m.kind = g.kind;
    m.start = static_cast<uint32_t>(Cps(text, at));
    m.end = static_cast<uint32_t>(Cps(text, at + g.text.size()));
    m.text = m.name = g.text;
    if (g.kind == MentionKind::kFigure) m.unit = g.unit_or_date;
    if (g.kind == MentionKind::kDate) m.date_value = g.unit_or_date;
    m.rule = g.org_class_rule.empty() ? "test" : g.org_class_rule;
    d.ms.push_back(m);
  }
  std::stable_sort(d.ms.begin(), d.ms.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
  d.layout = SplitClauses(d.norm);
  d.placed = PlaceMentions(d.norm, d.layout, d.ms, org_classes);
  d.matches = MatchRules(Rules(), d.norm, d.layout, d.placed);
  MarkEntities(d.norm.text, d.matches, &d.placed);
  ResolveAnaphors(d.layout, d.matches, &d.placed);
  MarkEntities(d.norm.text, d.matches, &d.placed);
  return d;
}

const MentionKind kOrg = MentionKind::kOrganization, kPlaceK = MentionKind::kPlace, kFig = MentionKind::kFigure,
                  kDateK = MentionKind::kDate, kPolicyK = MentionKind::kPolicy;

// The text of the normalised clause c.
std::string ClauseText(const Doc& d, int c) {
  return d.norm.text.substr(d.layout.clauses[c].b, d.layout.clauses[c].e - d.layout.clauses[c].b);
}

// ---- 1. clauses
TEST(FactSteps, ClausesCutAtPunctuationNotAtADigitComma) {
  Doc d = Prepare("力拓投入1,200億元，擴建礦場；年產4萬噸。\n新段落。", {});
  ASSERT_EQ(d.layout.clauses.size(), 4u);
  EXPECT_EQ(ClauseText(d, 0), "力拓投入1,200亿元");
  EXPECT_EQ(ClauseText(d, 1), "扩建矿场");
  // A semicolon joins two sentences into one period; a line break starts a paragraph.
  EXPECT_EQ(d.layout.PeriodOfClause(2), d.layout.PeriodOfClause(0));
  EXPECT_NE(d.layout.PeriodOfClause(3), d.layout.PeriodOfClause(0));
  EXPECT_EQ(d.layout.paragraph[d.layout.clauses[2].sentence], 0);
  EXPECT_EQ(d.layout.paragraph[d.layout.clauses[3].sentence], 1);
  EXPECT_EQ(d.layout.ClauseOf(d.layout.clauses[1].b), 1);
  EXPECT_EQ(d.layout.ClauseOf(d.layout.clauses[0].e), -1);  // the comma
}

TEST(FactSteps, MentionsArePlacedInTheirClauses) {
  Doc d = Prepare("力拓投入5億元，擴建礦場。", {{"力拓", kOrg, ""}, {"5億元", kFig, "CNY"}});
  ASSERT_EQ(d.placed.ents.size(), 1u);
  ASSERT_EQ(d.placed.figs.size(), 1u);
  EXPECT_EQ(d.placed.figs[0].cls, "money");
  EXPECT_EQ(d.placed.ent_begin[0], 0);
  EXPECT_EQ(d.placed.ent_end[0], 1);
  EXPECT_EQ(d.placed.ent_begin[1], d.placed.ent_end[1]);  // none in the second clause
  EXPECT_EQ(d.placed.figs_in[0], 1);
}

// ---- 2. rules and predicates
TEST(FactSteps, PredicateIsTheBestCueElseTheUnitDefault) {
  std::map<std::string, std::string> defaults = {{"percent", "share"}, {"other", "other"}};
  Doc d = Prepare("力拓投入5億元，份額約30%，營收下降10%。",
                  {{"力拓", kOrg, ""}, {"5億元", kFig, "CNY"}, {"約30%", kFig, "%"}, {"10%", kFig, "%"}});
  auto r = ReadPredicates(d.norm.text, d.layout, d.placed, d.matches, defaults);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].predicate, "invests");
  EXPECT_EQ(r[0].rule, "fact.invests.verb");
  EXPECT_EQ(r[1].predicate, "share");
  EXPECT_EQ(r[2].predicate, "cost_change");
}

TEST(FactSteps, FromAToBGivesOnePredicate) {
  std::map<std::string, std::string> defaults = {{"percent", "share"}};
  Doc d = Prepare("依賴度從90%降至約60%。", {{"90%", kFig, "%"}, {"約60%", kFig, "%"}});
  auto r = ReadPredicates(d.norm.text, d.layout, d.placed, d.matches, defaults);
  ASSERT_EQ(r.size(), 2u);
  EXPECT_TRUE(r[0].from_to && r[1].from_to);
  EXPECT_EQ(r[0].predicate, "share");
  EXPECT_EQ(r[1].predicate, "share");
}

// ---- 3. marks and anaphors
TEST(FactSteps, PrepositionsAndCoordinationMarkEntities) {
  // (The rules run only over periods that hold a figure.)
  Doc d = Prepare("美國向力拓、嘉能可投資5億元。",
                  {{"美國", kPlaceK, ""}, {"力拓", kOrg, ""}, {"嘉能可", kOrg, ""}, {"5億元", kFig, "CNY"}});
  ASSERT_EQ(d.placed.ents.size(), 3u);
  EXPECT_EQ(d.placed.ents[0].mark, kNone);
  EXPECT_EQ(d.placed.ents[1].mark, kTarget);
  EXPECT_EQ(d.placed.ents[2].mark, kTarget);  // carried over 、
  EXPECT_EQ(d.placed.first_subject[0], 0);
}

TEST(FactSteps, AnaphorTakesTheNearestEntityOfItsKindAndClass) {
  std::map<std::string, std::string> classes = {{"美國能源部", "gov"}, {"力拓", "company"}};
  Doc d = Prepare("力拓與美國能源部簽約。該公司將投資5億元。",
                  {{"力拓", kOrg, "", "gaz.org:力拓"}, {"美國能源部", kOrg, "", "gaz.org:美國能源部"},
                   {"5億元", kFig, "CNY"}}, classes);
  ASSERT_EQ(d.placed.ents.size(), 3u);
  const Ent& a = d.placed.ents[2];
  ASSERT_NE(a.anaphor, nullptr);
  EXPECT_EQ(a.anaphor->id, "fact.anaphor.company");
  EXPECT_EQ(d.ms[a.idx].text, "力拓");  // not the ministry, nearer but a government body
  EXPECT_EQ(a.antecedent_sentence, 0);
}

TEST(FactSteps, AnaphorStaysInItsParagraphUnlessTheRuleAllows) {
  // A pronoun never crosses a paragraph break; 該計畫 may cross one.
  Doc pron = Prepare("金庫計畫啟動。\n其規模擴大5%。", {{"金庫計畫", kPolicyK, ""}, {"5%", kFig, "%"}});
  EXPECT_EQ(pron.placed.ents.size(), 1u);
  EXPECT_TRUE(pron.placed.unresolved[1]);  // the clause names its own (unknown) subject
  Doc dem = Prepare("金庫計畫啟動。\n該計畫規模擴大5%。", {{"金庫計畫", kPolicyK, ""}, {"5%", kFig, "%"}});
  ASSERT_EQ(dem.placed.ents.size(), 2u);
  EXPECT_EQ(dem.ms[dem.placed.ents[1].idx].text, "金庫計畫");
}

TEST(FactSteps, BlockedWordsHoldNoAnaphor) {
  Doc d = Prepare("力拓公布年報，其中營收增長5%，因此項目延後。", {{"力拓", kOrg, ""}, {"5%", kFig, "%"}});
  EXPECT_EQ(d.placed.ents.size(), 1u);
}

// ---- 4. roles
TEST(FactSteps, SubjectOfTheClauseElseOfAnEarlierClause) {
  Doc d = Prepare("力拓宣布，將向阿拉弗拉投資5億元。", {{"力拓", kOrg, ""}, {"阿拉弗拉", kOrg, ""}, {"5億元", kFig, "CNY"}});
  Roles r = FindRoles(d.norm.text, d.layout, d.placed, 0, d.ms);
  ASSERT_GE(r.subject, 0);
  EXPECT_EQ(d.ms[d.placed.ents[r.subject].idx].text, "力拓");
  EXPECT_EQ(r.how, "previous");
  ASSERT_GE(r.object, 0);
  EXPECT_EQ(d.ms[d.placed.ents[r.object].idx].text, "阿拉弗拉");
}

// A clause goes on measuring what an earlier clause named when only change
// words (rule fact.continues) stand before its figure, or nothing does.
TEST(FactSteps, ClauseContinuesTheMeasureBeforeIt) {
  for (std::string opening : {"同比增长", "比上年增加", "较上月上升", "比2022年同期增长", "较9月末上升", "增速比上月加快", "增速比城镇快", "增速比前三季度加快", "增速比9月份提高", "同比增长约", ""}) {
    Doc d = Prepare("用电量8572亿千瓦时，" + opening + "5%。", {{"8572亿千瓦时", kFig, "kWh"}, {"5%", kFig, "%"}});
    ASSERT_EQ(d.placed.figs.size(), 2u);
    EXPECT_TRUE(ContinuesEarlierMeasure(d.norm.text, d.layout, &d.matches, d.placed.figs[1])) << opening;
  }
  // The change words may run into the figure (约 of 约5%).
  Doc approx = Prepare("用电量8572亿千瓦时，同比增长约5%。", {{"8572亿千瓦时", kFig, "kWh"}, {"约5%", kFig, "%"}});
  ASSERT_EQ(approx.placed.figs.size(), 2u);
  EXPECT_TRUE(ContinuesEarlierMeasure(approx.norm.text, approx.layout, &approx.matches, approx.placed.figs[1]));
  for (std::string opening : {"产量", "商品种类超", "其中出口", "比全部投资增速高"}) {
    Doc d = Prepare("用电量8572亿千瓦时，" + opening + "5%。", {{"8572亿千瓦时", kFig, "kWh"}, {"5%", kFig, "%"}});
    ASSERT_EQ(d.placed.figs.size(), 2u);
    EXPECT_FALSE(ContinuesEarlierMeasure(d.norm.text, d.layout, &d.matches, d.placed.figs[1])) << opening;
  }
}

TEST(FactSteps, PossessorAfterTheFigure) {
  Doc d = Prepare("近20億美元的美國私營部門投資。", {{"近20億美元", kFig, "USD"}, {"美國私營部門", kOrg, ""}});
  Roles r = FindRoles(d.norm.text, d.layout, d.placed, 0, d.ms);
  EXPECT_EQ(r.how, "possessor");
}

// ---- 4b. lists read in order
// Generated: every list of 2 to 4 companies, joined by 、 and a final 和 or
// 與, before 分別 + a cue, with as many coordinated figures: the i-th
// company is the subject of the i-th figure.
TEST(FactSteps, RespectivelyPairsTheIthEntityWithTheIthFigure) {
  const std::vector<std::string> names = {"力拓", "必和必拓", "嘉能可", "淡水河谷"};
  const std::vector<std::string> amounts = {"30億元", "20億元", "15億元", "8億元"};
  for (size_t n = 2; n <= names.size(); ++n) {
    for (const std::string last_join : {"和", "與", "、"}) {
      std::string text = "去年，";
      std::vector<Given> given;
      for (size_t i = 0; i < n; ++i) {
        text += (i == 0 ? "" : i + 1 == n ? last_join : "、") + names[i];
        given.push_back({names[i], kOrg, ""});
      }
      text += "分別投資";
      for (size_t i = 0; i < n; ++i) {
        text += (i == 0 ? "" : i + 1 == n ? last_join : "、") + amounts[i];
        given.push_back({amounts[i], kFig, "CNY"});
      }
      text += "。";
      Doc d = Prepare(text, given);
      std::vector<Roles> roles;
      for (size_t fi = 0; fi < d.placed.figs.size(); ++fi)
        roles.push_back(FindRoles(d.norm.text, d.layout, d.placed, fi, d.ms));
      PairRespectively(d.norm.text, d.layout, d.placed, d.matches, &roles);
      ASSERT_EQ(roles.size(), n) << text;
      for (size_t i = 0; i < n; ++i) {
        ASSERT_GE(roles[i].subject, 0) << text;
        EXPECT_EQ(d.ms[d.placed.ents[roles[i].subject].idx].text, names[i]) << text;
        EXPECT_EQ(roles[i].how, "respectively") << text;
        EXPECT_LT(roles[i].object, 0) << text;  // the other members are no object
      }
    }
  }
}

// Lists of different lengths, or another figure between the chain and the
// marker, are left as FindRoles read them.
TEST(FactSteps, RespectivelyNeedsListsOfOneLength) {
  Doc d = Prepare("力拓和必和必拓分別投資30億元、20億元和15億元。",
                  {{"力拓", kOrg, ""}, {"必和必拓", kOrg, ""}, {"30億元", kFig, "CNY"}, {"20億元", kFig, "CNY"},
                   {"15億元", kFig, "CNY"}});
  std::vector<Roles> roles;
  for (size_t fi = 0; fi < d.placed.figs.size(); ++fi) roles.push_back(FindRoles(d.norm.text, d.layout, d.placed, fi, d.ms));
  std::vector<Roles> before = roles;
  PairRespectively(d.norm.text, d.layout, d.placed, d.matches, &roles);
  for (size_t i = 0; i < roles.size(); ++i) {
    EXPECT_EQ(roles[i].subject, before[i].subject);
    EXPECT_EQ(roles[i].paired, nullptr);
  }
  Doc between = Prepare("力拓和必和必拓去年營收100億元，今年分別投資30億元和20億元。",
                        {{"力拓", kOrg, ""}, {"必和必拓", kOrg, ""}, {"100億元", kFig, "CNY"}, {"30億元", kFig, "CNY"},
                         {"20億元", kFig, "CNY"}});
  std::vector<Roles> r2;
  for (size_t fi = 0; fi < between.placed.figs.size(); ++fi)
    r2.push_back(FindRoles(between.norm.text, between.layout, between.placed, fi, between.ms));
  PairRespectively(between.norm.text, between.layout, between.placed, between.matches, &r2);
  for (const Roles& r : r2) EXPECT_EQ(r.paired, nullptr);
}

// ---- 5. dates
TEST(FactSteps, DateOfTheClauseElseTheLeadingAdverbial) {
  Doc d = Prepare("2025年7月，國防部投入4億美元，2026年再投入1億美元。",
                  {{"2025年7月", kDateK, "2025-07"}, {"國防部", kOrg, ""}, {"4億美元", kFig, "USD"},
                   {"2026年", kDateK, "2026"}, {"1億美元", kFig, "USD"}});
  int first = ChooseDate(d.norm.text, d.layout, d.placed, 0), second = ChooseDate(d.norm.text, d.layout, d.placed, 1);
  ASSERT_GE(first, 0);
  ASSERT_GE(second, 0);
  EXPECT_EQ(d.ms[first].date_value, "2025-07");
  EXPECT_EQ(d.ms[second].date_value, "2026");
}

// ---- 6. setting, then topic
// Generated: 在 + a place (+ a short tail: 县, 市, a town the gazetteer
// lacks), optionally after a connective, opens a sentence whose figure has
// no subject: the place is its subject, not the previous sentence's topic.
TEST(FactSteps, SettingOfTheSentenceIsTheSubject) {
  for (const std::string place : {"江西", "廣西", "內蒙古"}) {
    for (const std::string tail : {"", "南昌", "富裕縣"}) {
      for (const std::string lead : {"", "此外，", "同時，"}) {
        std::string text = "力拓公布年報。" + lead + "在" + place + tail + "，早稻播栽196萬畝。";
        Doc d = Prepare(text, {{"力拓", kOrg, ""}, {place, kPlaceK, ""}, {"196萬畝", kFig, "mu"}});
        std::vector<Roles> roles{FindRoles(d.norm.text, d.layout, d.placed, 0, d.ms)};
        EXPECT_LT(roles[0].subject, 0) << text;
        TakeSetting(d.norm.text, d.layout, d.placed, &roles);
        CarryTopic(d.layout, d.placed, &roles);
        ASSERT_GE(roles[0].subject, 0) << text;
        EXPECT_EQ(d.ms[d.placed.ents[roles[0].subject].idx].text, place) << text;
        EXPECT_EQ(roles[0].how, "setting") << text;
      }
    }
  }
}

// Not a setting: a long tail after the place (a clause of its own), a
// place that is not after 在, a setting that holds the figure itself.
TEST(FactSteps, SettingIsAShortOpeningClause) {
  for (const std::string text : {"力拓公布年報。在美國對中國加徵關稅的背景下，營收下降8%。",
                                 "力拓公布年報。美國方面，營收下降8%。"}) {
    Doc d = Prepare(text, {{"力拓", kOrg, ""}, {"美國", kPlaceK, ""}, {"8%", kFig, "%"}});
    std::vector<Roles> roles{FindRoles(d.norm.text, d.layout, d.placed, 0, d.ms)};
    TakeSetting(d.norm.text, d.layout, d.placed, &roles);
    EXPECT_NE(roles[0].how, "setting") << text;
  }
}

// ---- 6. across sentences
TEST(FactSteps, TopicCarriesToASentenceWithoutASubject) {
  Doc d = Prepare("力拓公布年報。營收增長8%。\n淨利下降5%。",
                  {{"力拓", kOrg, ""}, {"8%", kFig, "%"}, {"5%", kFig, "%"}});
  std::vector<Roles> roles;
  for (size_t fi = 0; fi < d.placed.figs.size(); ++fi) roles.push_back(FindRoles(d.norm.text, d.layout, d.placed, fi, d.ms));
  EXPECT_LT(roles[0].subject, 0);
  CarryTopic(d.layout, d.placed, &roles);
  ASSERT_GE(roles[0].subject, 0);
  EXPECT_EQ(roles[0].how, "topic");
  EXPECT_EQ(d.ms[d.placed.ents[roles[0].subject].idx].text, "力拓");
  EXPECT_LT(roles[1].subject, 0);  // a new paragraph
}

}  // namespace
}  // namespace facts
}  // namespace newskb
