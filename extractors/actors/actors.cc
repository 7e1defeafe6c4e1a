// newskb/extractors/actors/actors.cc
#include "extractors/actors/actors.h"

#include "extractors/places/dict_extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeActorExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer) {
  DictExtractorOptions o;
  o.name = "actors";
  o.family = "actors";
  o.kind = MentionKind::kActor;
  o.rule_prefix = "gaz.actor:";
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy, MentionKind::kProject,
                   MentionKind::kPlace,        MentionKind::kCommodity, MentionKind::kIndicator};
  return MakeDictExtractor(rules_dir, std::move(normalizer), std::move(o));
}

}  // namespace newskb
