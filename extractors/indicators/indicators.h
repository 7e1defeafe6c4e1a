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
// Beyond the names, a measure's scope (高技术制造业 of 高技术制造业投资,
// 消费品工业 of 消费品工业增加值) is found by rules/indicator_scopes.json and
// the word lexicon (scopes.h): the scope and the measure are two indicator
// mentions, so the facts pass takes the scope as the figure's subject.
//
// An indicator inside an organization, policy, place or commodity mention
// found earlier is dropped: register this extractor after those.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"
#include "extractors/link/lexicon.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeIndicatorExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer);
// The same with the word lexicon loaded once by the caller; without it
// (an error result) there are no scoped indicators, said by LoadNotes().
Result<std::unique_ptr<Extractor>> MakeIndicatorExtractor(const std::string& rules_dir,
                                                          std::shared_ptr<const Normalizer> normalizer,
                                                          const Result<std::shared_ptr<const Lexicon>>& lex);

}  // namespace newskb
