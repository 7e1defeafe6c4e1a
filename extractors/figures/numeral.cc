// newskb/extractors/figures/numeral.cc
#include "extractors/figures/numeral.h"

#include <cmath>
#include <cstdint>
#include <string>

namespace newskb {
namespace {

// Decodes one UTF-8 code point at s[*i]; advances *i. Invalid bytes give 0xFFFD.
char32_t NextCp(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (*i + n > s.size()) n = 1;
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += n;
  return cp;
}

// Digit value of a Chinese numeral character, -1 if none.
int CnDigit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': case U'○': return 0;
    case U'一': case U'壹': case U'幺': return 1;
    case U'二': case U'两': case U'兩': case U'贰': case U'貳': return 2;
    case U'三': case U'叁': case U'参': case U'參': case U'叄': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

// Multiplier of a unit character below 万, 0 if none.
double SmallUnit(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    default: return 0;
  }
}

double BigUnit(char32_t c) {
  switch (c) {
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
    case U'兆': return 1e12;
    default: return 0;
  }
}

enum class Prev { kNone, kDigit, kUnit, kZero };

}  // namespace

std::optional<Numeral> ParseNumeralEx(std::string_view s) {
  Numeral out;
  double total = 0;   // finished parts at 亿 and above
  double part = 0;    // finished 万 part since the last 亿
  double sec = 0;     // below 万: sum of digit*十/百/千
  double cur = 0;     // the pending number
  bool have_cur = false;
  int cur_digits = 0;        // Chinese digits concatenated into cur ("二〇二六")
  bool cur_arabic_int = false;
  double last_unit = 0;      // last unit applied
  bool digit_after_unit = false;
  bool decimal = false;      // after 点: digits are fractional
  double frac_scale = 0.1;
  bool any = false;          // any numeral content at all
  double sign = 1;
  Prev prev = Prev::kNone;

  size_t i = 0;
  // Sign.
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) {
    sign = s[i] == '-' ? -1 : 1;
    ++i;
  } else if (s.substr(i, 3) == "负" || s.substr(i, 3) == "負" || s.substr(i, 3) == "\u2212") {
    sign = -1;  // 负, 負, or U+2212 MINUS SIGN
    i += 3;
    while (i < s.size() && s[i] == ' ') ++i;
  }
  bool half = false;
  while (i < s.size()) {
    char ch = s[i];
    if (ch == ' ') { ++i; continue; }
    if (half) return std::nullopt;  // 半 stands alone
    if (ch >= '0' && ch <= '9') {
      // An Arabic run: digits, ',' between digits, one '.'.
      std::string digits;
      bool dot = false;
      size_t j = i;
      while (j < s.size()) {
        char c = s[j];
        if (c >= '0' && c <= '9') { digits += c; ++j; continue; }
        if (c == ',' && j + 1 < s.size() && s[j + 1] >= '0' && s[j + 1] <= '9' && !dot) { ++j; continue; }
        if (c == '.' && !dot && j + 1 < s.size() && s[j + 1] >= '0' && s[j + 1] <= '9') {
          dot = true; digits += c; ++j; continue;
        }
        break;
      }
      double v = std::strtod(digits.c_str(), nullptr);
      if (decimal) {
        // "三点5": fractional digits.
        if (dot) return std::nullopt;
        for (char c : digits) { cur += (c - '0') * frac_scale; frac_scale /= 10; }
      } else if (prev == Prev::kDigit && have_cur && !dot && cur_arabic_int) {
        // "7 2" -> 72: one digit string written with spaces.
        cur = cur * std::pow(10.0, static_cast<double>(digits.size())) + v;
      } else if (prev == Prev::kDigit && have_cur) {
        return std::nullopt;
      } else {
        digit_after_unit = false;
        cur = v;
        have_cur = true;
      }
      cur_arabic_int = !dot;
      cur_digits = 0;
      any = out.has_digit = true;
      prev = Prev::kDigit;
      i = j;
      continue;
    }
    if (ch == 'k') {
      if (prev != Prev::kDigit || decimal) return std::nullopt;
      cur *= 1000;
      ++i;
      prev = Prev::kUnit;
      last_unit = 1000;
      cur_arabic_int = false;
      continue;
    }
    if (ch == '.') return std::nullopt;
    char32_t c = NextCp(s, &i);
    if (int d = CnDigit(c); d >= 0) {
      any = out.has_digit = true;
      if (decimal) {
        cur += d * frac_scale;
        frac_scale /= 10;
        prev = Prev::kDigit;
        continue;
      }
      if (prev == Prev::kDigit && have_cur && cur_digits > 0) {
        cur = cur * 10 + d;   // digit string: 二〇二六
        ++cur_digits;
      } else if (prev == Prev::kDigit && have_cur) {
        return std::nullopt;  // "5三"
      } else if (d == 0) {
        // 零 between units ("一百零五") or leading ("零八").
        if (prev == Prev::kNone) {
          cur = 0;
          have_cur = true;
          cur_digits = 1;
          prev = Prev::kDigit;
        } else {
          prev = Prev::kZero;
        }
        digit_after_unit = false;
        continue;
      } else {
        digit_after_unit = prev == Prev::kUnit;
        cur = d;
        have_cur = true;
        cur_digits = 1;
      }
      cur_arabic_int = false;
      prev = Prev::kDigit;
      continue;
    }
    if (c == U'廿' || c == U'卅') {
      // Like 二十 / 三十.
      if (have_cur || decimal) return std::nullopt;
      sec += c == U'廿' ? 20 : 30;
      last_unit = 10;
      any = out.has_digit = true;
      prev = Prev::kUnit;
      digit_after_unit = false;
      continue;
    }
    if (double m = SmallUnit(c); m > 0) {
      if (decimal) return std::nullopt;
      if (cur_digits >= 2) return std::nullopt;  // 二三十, 七八百: vague
      double n = have_cur ? cur : 1;
      sec += n * m;
      cur = 0;
      have_cur = false;
      cur_digits = 0;
      last_unit = m;
      any = true;
      prev = Prev::kUnit;
      digit_after_unit = false;
      continue;
    }
    if (double m = BigUnit(c); m > 0) {
      if (cur_digits >= 2) return std::nullopt;  // 三四万: vague
      double n = part + sec + cur;
      if (m >= 1e8) {
        if (n == 0 && !have_cur) n = total == 0 ? 1 : 0;
        if (n == 0) return std::nullopt;
        total += n * m;
        part = 0;
      } else {
        double x = sec + cur;
        if (x == 0 && !have_cur && prev == Prev::kUnit && last_unit >= 1e4 && part > 0) {
          part *= m;  // 十二万万: 万 right after 万 scales it again (= 亿)
        } else {
          if (x == 0 && !have_cur) x = 1;
          part = (part + x) * m;  // "1万" then "亿" multiplies the 万 part again
        }
      }
      sec = cur = 0;
      have_cur = false;
      cur_digits = 0;
      decimal = false;
      last_unit = m;
      any = true;
      prev = Prev::kUnit;
      digit_after_unit = false;
      continue;
    }
    if (c == U'点' || c == U'點') {
      if (decimal || prev == Prev::kNone) return std::nullopt;
      decimal = true;
      frac_scale = 0.1;
      digit_after_unit = false;
      if (prev != Prev::kDigit) { cur = 0; have_cur = true; }
      prev = Prev::kUnit;  // next digits are fractional (decimal flag)
      continue;
    }
    if (c == U'多' || c == U'余' || c == U'餘' || c == U'几' || c == U'幾') {
      if (!any) return std::nullopt;  // 几十, 多少: vague
      out.more = true;
      continue;
    }
    if (c == U'半') {
      if (any) return std::nullopt;
      half = true;
      cur = 0.5;
      have_cur = true;
      any = out.has_digit = true;
      prev = Prev::kUnit;
      continue;
    }
    return std::nullopt;
  }
  if (!any) return std::nullopt;
  if (prev == Prev::kDigit && digit_after_unit && !decimal && cur_digits == 1 && last_unit >= 100)
    cur *= last_unit / 10;  // 一万五, 三千五, 一百五
  out.digit_string = prev == Prev::kDigit && cur_digits >= 2 && !decimal && total == 0 && part == 0 && sec == 0;
  out.value = sign * (total + part + sec + cur);
  return out;
}

std::optional<double> ParseNumeral(std::string_view s) {
  std::optional<Numeral> n = ParseNumeralEx(s);
  if (!n) return std::nullopt;
  return n->value;
}

std::string WriteChineseNumeral(long long n, bool formal) {
  static const char* const kDigit[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kFormal[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const kUnit[] = {"", "十", "百", "千"};
  static const char* const kFormalUnit[] = {"", "拾", "佰", "仟"};
  static const char* const kBig[] = {"", "万", "亿", "万亿"};
  const char* const* dig = formal ? kFormal : kDigit;
  const char* const* unit = formal ? kFormalUnit : kUnit;
  if (n == 0) return dig[0];
  // Split into 4-digit sections, most significant first.
  int secs[4] = {0, 0, 0, 0};
  int nsec = 0;
  for (long long x = n; x > 0 && nsec < 4; x /= 10000) secs[nsec++] = static_cast<int>(x % 10000);
  std::string out;
  bool need_zero = false;
  for (int k = nsec - 1; k >= 0; --k) {
    int v = secs[k];
    if (v == 0) { need_zero = !out.empty(); continue; }
    if (!out.empty() && (need_zero || v < 1000)) out += dig[0];
    need_zero = false;
    bool zero = false;
    bool started = false;
    for (int p = 3; p >= 0; --p) {
      int d = v / static_cast<int>(std::pow(10, p)) % 10;
      if (d == 0) { zero = started; continue; }
      if (zero) out += dig[0];
      zero = false;
      // "十五" at the very start, "一十五" inside a number.
      if (!(p == 1 && d == 1 && out.empty() && !formal)) out += dig[d];
      out += unit[p];
      started = true;
    }
    out += kBig[k];
  }
  return out;
}

size_t NumeralRunStart(std::string_view t, size_t end) {
  static constexpr std::string_view kNumerals[] = {"零", "〇", "一", "二", "三", "四", "五",
                                                   "六", "七", "八", "九", "十", "百"};
  size_t b = end;
  while (b > 0) {
    if (t[b - 1] >= '0' && t[b - 1] <= '9') {
      --b;
      continue;
    }
    bool numeral = false;
    for (std::string_view n : kNumerals)
      if (b >= n.size() && t.compare(b - n.size(), n.size(), n) == 0) {
        b -= n.size();
        numeral = true;
        break;
      }
    if (!numeral) break;
  }
  return b;
}

bool MonthNamedBefore(std::string_view t, size_t at) {
  static constexpr std::string_view kMonth = "月";
  static constexpr std::string_view kDeictic[] = {"本", "上", "下", "同", "今", "次", "翌", "该"};
  for (size_t p = t.find(kMonth); p != std::string_view::npos && p < at; p = t.find(kMonth, p + 1)) {
    if (NumeralRunStart(t, p) < p) return true;
    for (std::string_view d : kDeictic)
      if (p >= d.size() && t.compare(p - d.size(), d.size(), d) == 0) return true;
  }
  return false;
}

}  // namespace newskb
