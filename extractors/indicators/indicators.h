// newskb/extractors/indicators/indicators.h
//
// The indicator extractor: named economic indicators, the things a
// statistical figure measures (国内生产总值/GDP, CPI, 固定资产投资,
// 社会融资规模, 土地出让金, 贸易顺差, 新接订单量, 社会物流总额 ...), from the
// gazetteer rules/gazetteer/indicators.tsv (names of the statistical
// releases it cites as sources) and rules/indicators.json. Matching,
// overlaps and names as extractors/places/dict_extractor.h. The facts pass
// takes an indicator as subject or object like a place (全国固定资产投资
// 103174亿元: subject 固定資產投資).
//
// An indicator inside an organization, policy, place or commodity mention
// found earlier is dropped: register this extractor after those.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeIndicatorExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
