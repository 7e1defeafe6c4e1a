// newskb/extractors/figures/figures.h
//
// The figure extractor: amounts of money, percentages, masses, durations,
// counts, rates and ranges (gold/FORMAT.md, "Figures").
//
// Rules: extractors/rules/figures.json (one RuleSet, run per sentence of
// the NormText, overlaps resolved by RuleSet::Resolve after vetoes). Words:
// extractors/rules/figure_words.tsv (currencies, sub-units, units,
// qualifiers, veto words). Each rule's named groups are read as:
//   num          the number (numeral.h), may carry 多/余 (-> more_than)
//   num2         the number written another way (attr min_value_num2 bounds
//                it: 120日 is a length only above any day of a month)
//   low, high    a range; a scale on `high` only (3至5亿) applies to both
//   den          "百" of 百分之 / "百万" of 百万分之: value = num/den*100
//   frac         a digit or 半 after 成 (七成六 = 76, 两成半 = 25)
//   cur          currency word/symbol -> ISO code (LOCAL: CNY in a
//                Simplified-script document, CUR? in a Traditional one;
//                DOLLAR, a bare $: HKD in a Hong Kong document, else USD)
//   sub1/sub1u, sub2/sub2u   sub-units after the main unit (50元6角3分,
//                4年9个月 = 4.75 year), each below one main unit
//   escale       English scale after a symbol amount (US$1.5 billion)
//   unit         measure word -> unit (公吨 -> t, 个月 -> month, 种 -> count)
//   per          rate denominator (每公斤110美元 -> USD/kg)
//   qual_pre, qual_mid, qual_post   qualifier words (约, 超过, 左右, 以上,
//                内 ...); the first present decides (qual_mid: a qualifier
//                inside the figure, 每吨约6万元 after the rate's 每吨)
//   span         if present, the mention's span (cue words stay outside)
//   half         半 after the unit (三米半 = 3.5 m, 一年半); a 半 inside the
//                unit word (两个半小时, 两个半月) counts the same
// Attributes (strings):
//   unit         constant unit ("%", "CUR?"; "LOCAL": the document's own
//                currency, as for a bare 元: 月薪46K)
//   subunit_table  word table of the sub-units' fractions (default subunit,
//                money; subunit_time: 个月 = 1/12, 分钟 = 1/60)
//   idiom        "1": the rule makes no mention; when it wins an overlap,
//                nothing inside it is a figure (医到一半就: 'halfway')
//   value        constant value (一半 -> 50)
//   multiply     value factor (成 -> 10)
//   per          constant rate denominator (时速350公里: per "hour" -> km/hour)
//   pow2         "1": the number counts doublings, value 2^num (翻两番 = 4 times)
//   whole        "1": the value must be a whole number (自2.28起 is no 2.28 cases)
//   whole_unit   "w1|w2": whole applies only when the unit word is one of
//                these (2.28起 is no count; 7438.5票 of a divisor method is)
//   word_vetoes  "X": each unit word's own not_before, not_before_except and
//                not_after, from the word tables X_not_before,
//                X_not_before_except and X_not_after (one rule for many
//                measure words: 30票房, 3股东, 《基本法》23条 are no counts)
//   vague_range  "1": two adjacent Chinese digits one apart are a range
//                (三四成 = 30-40 %, 五六十家 = 50-60, 三四十万元); with a
//                unit (counts, measures) the high end must reach 10
//                (、 between the digits is the same: 十四、五岁 = 14-15, 三、四十人)
//   vague_small  "1": a vague range under ten is a figure too (一两天, 三四年:
//                lengths of time); else it only sizes a noun phrase (三四家)
//   no_lone_financial  "1": one financial digit alone (伍, 陆: surnames too)
//                is no number (伍成邦 is a name, not 50 %)
//   zhe          "1": value below 10 is tenths (九折 = 90 %, 75折 = 75 %)
//   qualifier    constant qualifier
//   not_year     "1": drop when num (or low or high of a range) is a
//                4-digit year or has a leading 0 (checked with not_year)
//   not_year_unit  "w1|w2": not_year applies only when the unit word is one
//                of these (2025款 is a model year; 2083家 is a count)
//   year2_after  "w1|w2": drop two Arabic digits from 40 before 年 right after
//                one of these words (在85年舉行: the year 1985, no length)
//   adjacent     "1": a range of listed numbers only when one apart, read
//                before the high end's scale is shared (17、18次, 4、5萬元)
//   in_subunit   "1": a length in two units is given in the smaller one
//                (2小时26分 = 146 minute), unit from that word
//   negate       "1": the value is negative (负增长1.2% = -1.2 %)
//   not_roc_year "1": also drop, in Traditional-script text and without a
//                qualifier before it, an Arabic 100..130 before 年 (an ROC year:
//                115年 = 2026; 超過100年 stays a length)
//   min_cn       drop when num is written only in Chinese numerals, is
//                below this value and has no qualifier before it (一个, 一家:
//                determiners, not counts; 不足一个月 and 超过一家 stay)
//   max_value    drop above this value (成 <= 10)
//   not_after, not_before   veto words (word_table.h)
//   not_before_except       words that start with a not_before word and lift
//                its veto (日前 'recently' after 七部门 lifts 日, meant for 次日)
// A qualifier before the number that ends another word (近 of 附近, 最近:
// word table qual_word_before) is no qualifier, and the figure starts after
// it.
// A number that starts with a bare scale (百, 千, 万, 亿 with no digit
// before it: 近万人, 逾千家) is kept only after a qualifier (qual_pre);
// alone it is an idiom or vague (百年老店, 万人空巷).
// A bare 元/块 after a figure in a named currency, joined by 、/和/及/至 ...,
// takes that currency (新臺幣5萬元、8萬元 are both TWD).
// A figure inside book-title marks 《》 is part of a title (《十年》).
// Every rule also gets the table veto_after (第, 数, 几, 上百 ...); no
// figure starts right after an ASCII digit, nor with a digit right after an
// ASCII letter (DOTA2项目).
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeFigureExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer);

// True if the document body is written in Traditional script: enough of its
// Han characters change under Traditional -> Simplified folding.
bool IsTraditionalScript(const Document& doc, const NormText& norm);

// True if a bare `$` in the document is the Hong Kong dollar: its source or
// key names a Hong Kong outlet (a word starting with "hk": hkcnews, hk01; a
// host under .hk), or, in Traditional-script text (`traditional`), the text
// names Hong Kong or its currency (香港, 港元, 港幣, 港府, 港人, HK$). Else a
// bare `$` is USD (word table currency: `$` -> DOLLAR).
bool IsHongKongDocument(const Document& doc, const NormText& norm, bool traditional);

}  // namespace newskb
