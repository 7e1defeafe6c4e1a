// newskb/extractors/projects/projects.cc
#include "extractors/projects/projects.h"

#include "extractors/places/dict_extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeProjectExtractor(const std::string& rules_dir,
                                                        std::shared_ptr<const Normalizer> normalizer) {
  DictExtractorOptions o;
  o.name = "projects";
  o.family = "projects";
  o.kind = MentionKind::kProject;
  o.rule_prefix = "gaz.project:";
  o.absorbed_by = {MentionKind::kOrganization, MentionKind::kPolicy};
  return MakeDictExtractor(rules_dir, std::move(normalizer), std::move(o));
}

}  // namespace newskb
