// newskb/extractors/indicators/indicators.cc
#include "extractors/indicators/indicators.h"

#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/indicators/scopes.h"
#include "extractors/places/dict_extractor.h"

namespace newskb {
namespace {

constexpr const char* kGazPrefix = "gaz.indicator:";

// The gazetteer and indicators.json (a DictExtractor), then the scoped
// indicators of indicator_scopes.json (scopes.h) when the word lexicon is
// there.
class IndicatorExtractor : public Extractor {
 public:
  IndicatorExtractor(std::unique_ptr<Extractor> dict, std::unique_ptr<RuleSet> scopes, ScopeWords scope_words,
                     std::shared_ptr<const Lexicon> lex)
      : dict_(std::move(dict)), scopes_(std::move(scopes)), scope_words_(std::move(scope_words)), lex_(std::move(lex)) {}

  const char* name() const override { return "indicators"; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    const size_t first_own = out->size();
    dict_->Extract(doc, norm, out);
    if (lex_) AddScopedIndicators(*scopes_, *lex_, scope_words_, doc, norm, kGazPrefix, first_own, out);
  }

  std::vector<std::string> LoadNotes() const override {
    if (lex_) return {};
    return {"indicators: no word lexicon, so no scoped indicators (高技术制造业 of 高技术制造业投资)"};
  }

 private:
  std::unique_ptr<Extractor> dict_;
  std::unique_ptr<RuleSet> scopes_;
  ScopeWords scope_words_;
  std::shared_ptr<const Lexicon> lex_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakeIndicatorExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer) {
  return MakeIndicatorExtractor(
      rules_dir, normalizer, Lexicon::Load(Lexicon::DefaultPath(), Lexicon::DefaultCompiledPath(), *normalizer));
}

Result<std::unique_ptr<Extractor>> MakeIndicatorExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer,
                                                          const Result<std::shared_ptr<const Lexicon>>& lex) {
  DictExtractorOptions o;
  o.name = "indicators";
  o.family = "indicators";
  o.kind = MentionKind::kIndicator;
  o.rule_prefix = kGazPrefix;
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy, MentionKind::kPlace,
                   MentionKind::kCommodity, MentionKind::kProject};
  Result<std::unique_ptr<Extractor>> dict = MakeDictExtractor(rules_dir, normalizer, std::move(o));
  if (!dict.ok()) return dict.status();
  Result<RuleSet> scopes = RuleSet::LoadFile(rules_dir + "/indicator_scopes.json", RuleSetOptions{});
  if (!scopes.ok()) return scopes.status();
  Result<ScopeWords> scope_words = ScopeWords::Load(rules_dir, *normalizer);
  if (!scope_words.ok()) return scope_words.status();
  return std::unique_ptr<Extractor>(std::make_unique<IndicatorExtractor>(
      std::move(dict).value(), std::make_unique<RuleSet>(std::move(scopes).value()), std::move(scope_words).value(),
      lex.ok() ? lex.value() : nullptr));
}

}  // namespace newskb
