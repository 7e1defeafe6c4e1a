// newskb/extractors/places/places.cc
#include "extractors/places/places.h"

#include "extractors/places/dict_extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakePlaceExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer) {
  DictExtractorOptions o;
  o.name = "places";
  o.family = "places";
  o.kind = MentionKind::kPlace;
  o.rule_prefix = "gaz.place:";
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy, MentionKind::kProject};
  return MakeDictExtractor(rules_dir, std::move(normalizer), std::move(o));
}

}  // namespace newskb
