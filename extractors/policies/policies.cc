// newskb/extractors/policies/policies.cc
#include "extractors/policies/policies.h"

#include <algorithm>
#include <map>
#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/link/gazetteer.h"
#include "extractors/link/name_rules.h"
#include "extractors/link/spans.h"

namespace newskb {
namespace {

class PolicyExtractor : public Extractor {
 public:
  PolicyExtractor(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules,
                  std::shared_ptr<const Gazetteer> gaz, NameLists lists)
      : norm_(std::move(norm)), rules_(std::move(rules)), gaz_(std::move(gaz)),
        lists_(std::move(lists)) {}

  const char* name() const override { return "policies"; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    const std::string& t = norm.text;
    std::vector<NameCand> cands;
    for (const GazHit& h : gaz_->FindAll(t)) {
      std::string_view folded(t.data() + h.begin, h.end - h.begin);
      if (NeedsUpper(folded) && !HasUpper(BodySpan(doc, norm, h.begin, h.end))) continue;
      NameCand c;
      c.b = h.begin;
      c.e = h.end;
      c.prio = 100;
      const GazEntry& g = gaz_->entry(h.entries[0]);
      c.rule = "gaz.policy:" + g.canonical;
      c.kind = g.kind;
      c.from_gazetteer = true;
      cands.push_back(std::move(c));
    }
    std::vector<std::pair<size_t, size_t>> pair_idx;
    std::vector<RuleMatch> paren;
    for (const RuleMatch& m : rules_->FindAll(t)) {
      std::string role = Attr(*m.rule, "role", "name");
      if (role == "paren_alias") {
        paren.push_back(m);
        continue;
      }
      NameCand c;
      if (!BoundName(m, "name", t, doc, norm, lists_, &c)) continue;
      if (role == "name_with_alias" && m.Has("alias")) {
        // The bracketed alias is the evidence that the name is a name: when
        // it is refused (礦物(critical minerals): not capitalised), so is the name.
        NameCand a;
        if (!BoundName(m, "alias", t, doc, norm, lists_, &a)) continue;
        cands.push_back(c);
        cands.push_back(a);
        pair_idx.emplace_back(cands.size() - 2, cands.size() - 1);
        continue;
      }
      cands.push_back(c);
    }
    std::vector<size_t> kept = ResolveCands(cands);
    std::vector<NameCand> win;
    std::vector<std::pair<size_t, size_t>> pairs;
    std::map<size_t, size_t> idx;
    for (size_t k : kept) {
      idx[k] = win.size();
      win.push_back(cands[k]);
    }
    for (auto [a, b] : pair_idx)
      if (idx.count(a) && idx.count(b)) pairs.emplace_back(idx[a], idx[b]);
    AddParenAliases(paren, t, doc, norm, lists_, &win, &pairs);
    AddRepeats(t, doc, norm, *norm_, lists_, "policy", &win);
    std::vector<Mention> mine;
    EmitAndLink(doc, norm, MentionKind::kPolicy, gaz_.get(), *norm_, win, pairs, &mine);
    DropInsideOrganizations(*out, &mine);
    for (Mention& m : mine) out->push_back(std::move(m));
  }

  // A policy candidate lying within an organization mention already found
  // (the organizations extractor runs first) is the organization's name or
  // part of it: a brand, company or body is never a policy (Google規劃了,
  // 《蘋果》法庭記者, LINE行動).
  static void DropInsideOrganizations(const std::vector<Mention>& found, std::vector<Mention>* mine) {
    std::vector<std::pair<size_t, size_t>> orgs;
    for (const Mention& m : found)
      if (m.kind == MentionKind::kOrganization) orgs.emplace_back(m.start, m.end);
    if (orgs.empty()) return;
    mine->erase(std::remove_if(mine->begin(), mine->end(),
                               [&](const Mention& p) {
                                 for (auto [b, e] : orgs)
                                   if (b <= p.start && p.end <= e) return true;
                                 return false;
                               }),
                mine->end());
  }

 private:
  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  std::shared_ptr<const Gazetteer> gaz_;
  NameLists lists_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakePolicyExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/policies.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  auto gaz = Gazetteer::LoadFile(rules_dir + "/gazetteer/policies.tsv", *normalizer);
  if (!gaz.ok()) return gaz.status();
  auto lists = NameLists::Load(rules_dir + "/gazetteer", *normalizer, "policies");
  if (!lists.ok()) return lists.status();
  return std::unique_ptr<Extractor>(new PolicyExtractor(
      std::move(normalizer), std::make_unique<RuleSet>(std::move(rs).value()),
      std::move(gaz).value(), std::move(lists).value()));
}

}  // namespace newskb
