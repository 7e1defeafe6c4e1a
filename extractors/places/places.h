// newskb/extractors/places/places.h
//
// The place extractor: countries, regions, blocs (欧盟), states and
// provinces (犹他州, 江苏省), cities, from the gazetteer
// rules/gazetteer/places.tsv and the rules rules/places.json (see
// dict_extractor.h for matching, overlaps and names). `name` is the
// canonical name: 美國 for 美国, 美方, US, U.S., USA.
//
// A place inside an organization or policy mention found earlier (美国 in
// 美国能源部, 北美 in 北美智权报) is no place mention: register this
// extractor after the organization and policy extractors.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakePlaceExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
