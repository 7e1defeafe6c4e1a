// newskb/tests/support/dict_chain.h
// The shipped extractors in the registry's order (organizations, policies,
// projects, places, commodities, indicators), cut after the one under test, for the
// tests of the dictionary kinds: a kind's mentions come out as the registry
// would leave them after the kinds that absorb it.
#ifndef NEWSKB_TESTS_SUPPORT_DICT_CHAIN_H_
#define NEWSKB_TESTS_SUPPORT_DICT_CHAIN_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "extractors/commodities/commodities.h"
#include "extractors/indicators/indicators.h"
#include "extractors/organizations/organizations.h"
#include "extractors/places/places.h"
#include "extractors/policies/policies.h"
#include "extractors/projects/projects.h"

namespace newskb {
namespace testing_support {

class DictChain {
 public:
  // The chain up to and including the extractor of `kind`.
  explicit DictChain(MentionKind kind) : kind_(kind) {
    const std::string rules = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
    Add(MakeOrganizationExtractor(rules, norm_));
    Add(MakePolicyExtractor(rules, norm_));
    Add(MakeProjectExtractor(rules, norm_));
    if (kind == MentionKind::kProject) return;
    Add(MakePlaceExtractor(rules, norm_));
    if (kind == MentionKind::kPlace) return;
    Add(MakeCommodityExtractor(rules, norm_));
    if (kind == MentionKind::kCommodity) return;
    Add(MakeIndicatorExtractor(rules, norm_));
  }

  // The mentions of the kind under test, by position; each one's span, text,
  // rule and name are checked.
  std::vector<Mention> Run(const std::string& text) const {
    Document doc;
    doc.key = "t";
    doc.body = text;
    NormText nt = norm_->Normalize(text);
    std::vector<Mention> all, out;
    for (const auto& e : chain_) e->Extract(doc, nt, &all);
    for (const Mention& m : all) {
      if (m.kind != kind_) continue;
      EXPECT_LT(m.start, m.end);
      EXPECT_EQ(std::string(nt.BodyText(text, m.start, m.end)), m.text);
      EXPECT_FALSE(m.rule.empty());
      EXPECT_FALSE(m.name.empty());
      out.push_back(m);
    }
    std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
    return out;
  }

  // "text=name" of each mention of Run(text), space-separated.
  std::string Names(const std::string& text) const { return JoinNames(Run(text)); }

  static std::string JoinNames(const std::vector<Mention>& ms) {
    std::string s;
    for (const Mention& m : ms) s += (s.empty() ? "" : " ") + m.text + "=" + m.name;
    return s;
  }

 private:
  void Add(Result<std::unique_ptr<Extractor>> r) {
    if (r.ok()) chain_.push_back(std::move(r).value());
    else ADD_FAILURE() << r.status().message();
  }

  MentionKind kind_;
  std::shared_ptr<const Normalizer> norm_ = Normalizer::Create().value();
  std::vector<std::unique_ptr<Extractor>> chain_;
};

}  // namespace testing_support
}  // namespace newskb

#endif  // NEWSKB_TESTS_SUPPORT_DICT_CHAIN_H_
