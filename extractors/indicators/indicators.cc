// newskb/extractors/indicators/indicators.cc
#include "extractors/indicators/indicators.h"

#include "extractors/places/dict_extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeIndicatorExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer) {
  DictExtractorOptions o;
  o.name = "indicators";
  o.family = "indicators";
  o.kind = MentionKind::kIndicator;
  o.rule_prefix = "gaz.indicator:";
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy, MentionKind::kPlace,
                   MentionKind::kCommodity, MentionKind::kProject};
  return MakeDictExtractor(rules_dir, std::move(normalizer), std::move(o));
}

}  // namespace newskb
