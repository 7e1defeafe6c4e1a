// newskb/extractors/actors/actors.h
//
// The actor extractor: common nouns that act in official releases, with no
// proper name of their own and no organization behind one name (FORMAT.md
// counts none of them as an organization): the public purses of the budget
// releases (中央财政下达资金100亿元, 地方财政, 各级财政), the ownership types
// of enterprises the customs and statistics releases report on (民营企业进出口
// 增长10.7%，占我国外贸比重达54.6%; 国有企业, 外商投资企业, 私营企业) and
// nation-wide systems (全国供销合作社系统已采购肥料2000万吨). Their figures are
// about them, so the facts pass takes an actor as subject or object like a
// place. Source: the gazetteer rules/gazetteer/actors.tsv (its header names
// the releases each entry is taken from) and rules/actors.json (the
// ownership types of the NBS profit releases: 国有控股企业, 股份制企业).
// Matching, overlaps and names as extractors/places/dict_extractor.h:
// mention kind `actor`, name the gazetteer's canonical name, else the name
// as written.
//
// There is no v_actors view: actors show in v_facts (subject_kind,
// object_kind = 'actor'), v_mentions and v_entities, as indicators and
// projects do.
//
// Every kind found before gives way to nothing here: an actor inside an
// organization, policy, project, place, commodity or indicator mention
// (民营企业 of an indicator scope 民营企业进出口) is dropped, so register this
// extractor last.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeActorExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
