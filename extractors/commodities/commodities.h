// newskb/extractors/commodities/commodities.h
//
// The commodity extractor: metals and minerals (锂, 钴, 镍, 稀土, 重稀土,
// 镓, 锗, 石墨 ...), materials and products traded as such (稀土永磁体,
// 锂离子电池, 电动车电池), groups (关键矿产), energy and farm goods, from the
// gazetteer rules/gazetteer/commodities.tsv and the rules
// rules/commodities.json (compounds: 碳酸锂, 氢氧化锂; concentrates: 铜精矿).
// Matching, overlaps and names as extractors/places/dict_extractor.h.
//
// A commodity inside an organization, policy or place mention found
// earlier (锂 in 美洲锂业, 稀土 in 稀土循环利用法案, 硅 in 硅谷) is dropped:
// register this extractor after those.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeCommodityExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
