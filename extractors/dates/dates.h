// newskb/extractors/dates/dates.h
//
// The date extractor (gold/FORMAT.md, "Dates"): absolute dates (2026年2月2日,
// 2026-02-02, 二〇二六年二月二日), era years (民国115年), month-day and bare
// days resolved against the publication date, relative dates (去年10月, 本月,
// 上个月, 明天, 下下周日), with before/after/by qualifiers (2030年前,
// 2018年以来, 到2035年).
//
// Rules: extractors/rules/dates.json; words: extractors/rules/date_words.tsv.
// Named groups: year, era, month, day, rel_year, rel_month, rel_day,
// rel_week, weekday, qual_pre, qual_post; span (if present, the mention's
// span: the end of a range whose start gives the year, 11 月 of 2019 年 7 月至
// 11 月); rel_n + rel_unit + rel_dir (三天后,
// 两年前, 六个月后: any numeral), year_part / month_part (年底, 月初 alone:
// this year, this month), first + second (25/12/2024, 12/25/2024: only one
// reading possible), near_day (the relative day before a bracketed day:
// 后天（2日）), start_month (the start of a month range with no year: its end
// takes the start's year); rel_year words of value S (同年) take the year the
// article named last; attrs near (a weekday with a month-day and no year:
// the year where they agree), nearest_weekday (周三 alone: the one nearest the
// publication date), roc (113年 in Traditional-script text is an ROC year); attrs not_after / not_before (veto
// words, figures/word_table.h), not_after_except (words that end with a
// not_after word and lift its veto: 合约 for 约), not_before_except (words that
// start with a not_before word and lift it: 夜间 for 夜 in 8日夜间), qualifier (constant),
// idiom ("1": no mention, and nothing inside the winning match is a date: 到今天仍).
// Days the calendar names (calendar_days.h): groups festival (a word of
// date_words.tsv table festival: 中秋, 元旦), lunar_month + lunar_day
// (农历八月十五, 腊月二十三), lunar_new_year_day (大年初三), on_day (当天,
// 当晚 after a festival: in the span); attrs anchored ("1": a festival
// needs a year of its own and a qualifier, on_day or a word of attr then
// after it), simplified_only ("1": not in Traditional-script text: 国庆).
// Group anaphor (同日, 翌日, 次年: table anaphor) counts from the article's
// last date mention. Attr short_year ("1": two Chinese digits, 九七年; a
// consecutive pair such as 七八年 needs a month or the group context).
// Resolution:
// date_resolver.h. A relative date in an undated article gives a mention
// with an empty date_value and a note; an impossible date (2月30日) gives
// none. Dates inside book-title marks 《》 are titles, not dates.
//
// Thread safety: immutable after construction; Extract() is const.
#pragma once

#include <memory>
#include <string>

#include "extractors/extractor.h"

namespace newskb {

Result<std::unique_ptr<Extractor>> MakeDateExtractor(const std::string& rules_dir,
                                                    std::shared_ptr<const Normalizer> normalizer);

}  // namespace newskb
