// newskb/extractors/projects/projects.h
//
// The project extractor: named projects, facilities and programmes an
// article's figures are about (港珠澳大橋, 廣深港高鐵香港段, 綦江页岩气田,
// 白鹤滩水电站, 国家水网, “海油安澜号”), which are neither organizations nor
// places nor policies: the thing that costs 844億元, holds 1459.68亿立方米 or
// supplies 5400万度 a year. Sources: the gazetteer
// rules/gazetteer/projects.tsv (governments' lists of major projects, with
// their sources) and rules/projects.json (a proper name before an
// infrastructure or resource head; a quoted name ending in 号). Matching,
// overlaps and names as extractors/places/dict_extractor.h: mention kind
// `project`, name the gazetteer's canonical name, else the name as written.
//
// The facts pass takes a project as subject or object like a place
// (而廣深港高鐵香港段全長26公里，共844億元: subject 廣深港高鐵香港段).
// There is no v_projects view: projects show in v_facts (subject_kind,
// object_kind = 'project'), v_mentions and v_entities.
//
// A project inside an organization or policy mention found earlier is
// dropped (中国石油 of 中国石油天然气集团); a place, commodity or indicator
// inside a project (綦江 and 页岩气 of 綦江页岩气田) is dropped by those
// extractors: register this one after organizations and policies, before
// places.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"
#include "extractors/link/lexicon.h"

namespace newskb {

// `lexicon`: jieba's word lexicon as Lexicon::Load gave it (shared with the
// organizations family); without it, rule-made names are cut by the rules'
// character classes alone. The two-argument form loads it itself.
Result<std::unique_ptr<Extractor>> MakeProjectExtractor(const std::string& rules_dir,
                                                        std::shared_ptr<const Normalizer> normalizer,
                                                        const Result<std::shared_ptr<const Lexicon>>& lexicon);
Result<std::unique_ptr<Extractor>> MakeProjectExtractor(const std::string& rules_dir,
                                                        std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
