// newskb/extractors/figures/numeral.h
//
// Numbers as Chinese news writes them, to double.
//
// Accepted (normalised or not: Simplified and Traditional forms both work,
// full-width digits should already be half-width after normalisation):
//   Arabic          "1000", "1,000", "1.72", "-22.2", "−22.2", "负22.2", "12k" (k = 1e3)
//   Chinese         "一" … "九", "两", "〇"/"零", "十百千万亿兆", "廿",
//                   financial "壹贰叁肆伍陆柒捌玖拾佰仟" (and 貳參陸 …),
//                   decimal "点": "六点五" = 6.5, "三点五亿" = 3.5e8
//   digit strings   "二〇二六" = 2026, "五五" = 55, "零八" = 8
//   mixed           "4万5千" = 45000, "1.72亿" = 1.72e8, "1万亿" = 1e12,
//                   "3亿5000万" = 3.5e8
//   colloquial      "一万五" = 15000, "一百五" = 150 (a trailing digit right
//                   after a unit counts in the next lower unit)
//   vague markers   "多", "余", "几" are skipped and set Numeral::more
//                   ("8000多万" = 8e7, "十几" = 10, "50多" = 50)
//   half            "半" alone = 0.5; "一个半" is not handled
// Spaces between tokens are ignored ("六 点 五" = 6.5, "7 2" = 72).
//
// Not handled here (the rules/extractors do it): 百分之, 成, 折, units,
// qualifier words. "百分之百" is the extractor's: ParseNumeral("百") = 100.
//
// Thread safety: pure functions. Cost: linear in the input.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newskb {

struct Numeral {
  double value = 0;
  bool more = false;      // a 多/余/几 marker was inside ("8000多万")
  bool has_digit = false; // at least one digit or numeral character
  bool digit_string = false;  // Chinese digits read one by one ("五五", "二〇二六")
};

// The number written in `s`, or nullopt if `s` is empty or holds anything
// that is not part of a number (letters other than k, other Han characters,
// two decimal points, ...).
std::optional<Numeral> ParseNumeralEx(std::string_view s);

// The value only.
std::optional<double> ParseNumeral(std::string_view s);

// The start of the run of numerals that ends at t[end], walked back from
// `end`: ASCII digits and the Chinese numeral characters 零〇一二三四五六七八九
// 十百 (folded text); `end` when none ends there. 第18及 -> 18, 中共第十九届
// -> 十九.
size_t NumeralRunStart(std::string_view t, size_t end);

// Whether t[0, at) names a month: 月 after a numeral (7月, 十二月) or after 本/上/下/同/今/
// 次/翌/该 (本月, 同月). A bare day after it (25日之後) is that month's day, not a length.
bool MonthNamedBefore(std::string_view t, size_t at);

// Writes a non-negative integer < 1e16 in Chinese numerals the way a
// writer would ("一万零五", "十五", "一百二十"); for round-trip tests.
// `formal` uses 壹贰叁… and 拾佰仟.
std::string WriteChineseNumeral(long long n, bool formal = false);

}  // namespace newskb
