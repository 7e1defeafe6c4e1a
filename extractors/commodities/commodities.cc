// newskb/extractors/commodities/commodities.cc
#include "extractors/commodities/commodities.h"

#include "extractors/places/dict_extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeCommodityExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer) {
  DictExtractorOptions o;
  o.name = "commodities";
  o.family = "commodities";
  o.kind = MentionKind::kCommodity;
  o.rule_prefix = "gaz.commodity:";
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy, MentionKind::kPlace,
                   MentionKind::kProject};
  return MakeDictExtractor(rules_dir, std::move(normalizer), std::move(o));
}

}  // namespace newskb
