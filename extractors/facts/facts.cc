// newskb/extractors/facts/facts.cc
#include "extractors/facts/facts.h"

#include <algorithm>
#include <map>
#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/facts/steps.h"
#include "extractors/link/gazetteer.h"

namespace newskb {

std::string UnitClass(const std::string& u) {
  if (u == "%") return "percent";
  if (u == "year" || u == "month" || u == "day" || u == "hour") return "duration";
  if (u == "count") return "count";
  if (u == "t" || u == "kg") return "mass";
  if (u.find('/') != std::string::npos) return "rate";
  if (u == "CUR?") return "money";
  if (u.size() == 3 && std::all_of(u.begin(), u.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return "money";
  return "other";
}

namespace {

// The facts pass: the steps of steps.h, in order.
class FactStage : public FactExtractor {
 public:
  FactStage(std::unique_ptr<RuleSet> rules, std::map<std::string, std::string> org_classes,
            std::shared_ptr<const Lexicon> lex)
      : rules_(std::move(rules)), org_classes_(std::move(org_classes)), lex_(std::move(lex)) {
    for (const Rule& r : rules_->rules())
      if (Attr(r, "role", "") == "defaults") defaults_ = r.attrs;
  }

  void Extract(const Document& doc, const NormText& norm, const std::vector<Mention>& ms,
               std::vector<Fact>* out) const override {
    (void)doc;
    if (ms.empty() || norm.text.empty()) return;
    const std::string& t = norm.text;
    // 1. Clauses, periods, paragraphs; the mentions placed in them.
    const facts::Layout layout = facts::SplitClauses(norm);
    if (layout.clauses.empty()) return;
    facts::Placed placed = facts::PlaceMentions(norm, layout, ms, org_classes_);
    if (placed.figs.empty() || placed.ents.empty()) return;
    // 2. The rules over each period with a figure; each figure's predicate.
    const facts::Matches matches = facts::MatchRules(*rules_, norm, layout, placed);
    const std::vector<facts::Reading> readings = facts::ReadPredicates(t, layout, placed, matches, defaults_);
    // 3. Entity marks, anaphors (which skip marked entities), their marks.
    facts::MarkEntities(t, matches, &placed);
    facts::ResolveAnaphors(layout, matches, &placed);
    facts::MarkEntities(t, matches, &placed);
    facts::MarkObjectsOfVerbs(t, layout, lex_.get(), &placed);
    // 4. Subject and object of each figure within its period; lists (A、B
    //    分别 x、y) read in order.
    std::vector<facts::Roles> roles(placed.figs.size());
    for (size_t fi = 0; fi < placed.figs.size(); ++fi) roles[fi] = facts::FindRoles(t, layout, placed, fi, ms, &matches);
    facts::PairRespectively(t, layout, placed, matches, &roles);
    // 6. A subject from the sentence's setting (在江西南昌，…), else from the
    //    previous sentences of the paragraph.
    facts::TakeSetting(t, layout, placed, &roles);
    facts::CarryTopic(layout, placed, &roles, &matches);
    for (size_t fi = 0; fi < placed.figs.size(); ++fi) {
      const facts::Roles& r = roles[fi];
      if (placed.figs[fi].clause < 0 || (r.subject < 0 && r.object < 0)) continue;
      // 5. The date.
      out->push_back(MakeFact(layout, placed, fi, readings[fi], r, facts::ChooseDate(t, layout, placed, fi)));
    }
  }

 private:
  static Fact MakeFact(const facts::Layout& layout, const facts::Placed& p, size_t fi, const facts::Reading& reading,
                       const facts::Roles& r, int date) {
    const facts::Fig& f = p.figs[fi];
    Fact fact;
    fact.figure = f.idx;
    fact.date = date;
    fact.predicate = reading.predicate.empty() ? "other" : reading.predicate;
    fact.rule = reading.rule.empty() ? "fact.default." + f.cls : reading.rule;
    if (r.subject >= 0) {
      const facts::Ent& s = p.ents[r.subject];
      fact.subject = s.idx;
      fact.subject_sentence = s.anaphor ? s.antecedent_sentence : layout.clauses[s.clause].sentence;
      if (r.how == "respectively") fact.rule += "+subject:" + r.paired->id;
      else if (r.how != "clause") fact.rule += "+subject." + r.how;
      if (s.anaphor) fact.rule += "+" + s.anaphor->id;
    }
    if (r.object >= 0) {
      const facts::Ent& o = p.ents[r.object];
      fact.object = o.idx;
      if (o.anaphor) fact.rule += "+object:" + o.anaphor->id;
      else if (r.paired && r.how != "respectively") fact.rule += "+object:" + r.paired->id;
    }
    if (r.object_previous) fact.rule += "+object.previous";
    return fact;
  }

  std::unique_ptr<RuleSet> rules_;
  std::map<std::string, std::string> defaults_;
  std::map<std::string, std::string> org_classes_;  // canonical name -> gazetteer kind
  std::shared_ptr<const Lexicon> lex_;              // may be null
};

}  // namespace

Result<std::unique_ptr<FactExtractor>> MakeFactExtractor(const std::string& rules_dir,
                                                         std::shared_ptr<const Normalizer> normalizer) {
  return MakeFactExtractor(rules_dir, normalizer,
                           Lexicon::Load(Lexicon::DefaultPath(), Lexicon::DefaultCompiledPath(), *normalizer));
}

Result<std::unique_ptr<FactExtractor>> MakeFactExtractor(const std::string& rules_dir,
                                                         std::shared_ptr<const Normalizer> normalizer,
                                                         const Result<std::shared_ptr<const Lexicon>>& lexicon) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/facts.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  // The organizations' classes (company, bank, gov ...) for anaphors: 该公司
  // stands for a company, not for the ministry that announced its loan.
  std::map<std::string, std::string> org_classes;
  auto gaz = Gazetteer::LoadFile(rules_dir + "/gazetteer/organizations.tsv", *normalizer);
  if (!gaz.ok()) return gaz.status();
  for (size_t i = 0; i < gaz.value()->size(); ++i) {
    const GazEntry& e = gaz.value()->entry(static_cast<uint32_t>(i));
    org_classes.emplace(e.canonical, e.kind);
    org_classes.emplace(ShownName(e), e.kind);  // the name its mentions carry
  }
  return std::unique_ptr<FactExtractor>(
      std::make_unique<FactStage>(std::make_unique<RuleSet>(std::move(rs).value()), std::move(org_classes),
                                  lexicon.ok() ? lexicon.value() : nullptr));
}

}  // namespace newskb
