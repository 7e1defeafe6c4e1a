// Tests for extractors/figures/numeral: Arabic, Chinese, financial and mixed
// numerals, tables of cases plus programmatic round trips.

#include "extractors/figures/numeral.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace newskb {
namespace {

struct Case {
  const char* text;
  double value;
  bool more;
};

void ExpectNear(const std::string& text, double got, double want) {
  double tol = std::max(1e-9, std::fabs(want) * 1e-9);
  EXPECT_NEAR(got, want, tol) << "input: " << text;
}

TEST(Numeral, Table) {
  const Case kCases[] = {
      // Arabic
      {"0", 0, false}, {"7", 7, false}, {"45", 45, false}, {"1000", 1000, false},
      {"1,000", 1000, false}, {"12,345,678", 12345678, false}, {"1.72", 1.72, false},
      {"0.4", 0.4, false}, {"36.57", 36.57, false}, {"-22.2", -22.2, false}, {"+5", 5, false},
      {"9,999", 9999, false}, {"1,111", 1111, false}, {"12k", 12000, false}, {"15k", 15000, false},
      {"202107211321363588510367", 2.02107211321363588510367e23, false},
      {"7 2", 72, false}, {"1 0", 10, false},
      // Chinese digits and units
      {"一", 1, false}, {"二", 2, false}, {"两", 2, false}, {"兩", 2, false}, {"三", 3, false},
      {"九", 9, false}, {"十", 10, false}, {"十一", 11, false}, {"十五", 15, false},
      {"二十", 20, false}, {"二十五", 25, false}, {"一百", 100, false}, {"百", 100, false},
      {"一百零五", 105, false}, {"一百一十", 110, false}, {"一百二十", 120, false},
      {"三百四十五", 345, false}, {"一千", 1000, false}, {"一千零一", 1001, false},
      {"两千零二十六", 2026, false}, {"一万", 10000, false}, {"一万零五", 10005, false},
      {"十万", 100000, false}, {"一百万", 1e6, false}, {"一千万", 1e7, false},
      {"一亿", 1e8, false}, {"十亿", 1e9, false}, {"一万亿", 1e12, false}, {"两万亿", 2e12, false},
      {"一兆", 1e12, false}, {"五亿零三百万", 503000000, false}, {"一亿零五", 100000005, false},
      {"廿", 20, false}, {"廿五", 25, false}, {"十二万万", 1.2e9, false}, {"四万万", 4e8, false},
      {"六", 6, false}, {"十二", 12, false}, {"二十三", 23, false}, {"九十九", 99, false},
      // colloquial trailing digit
      {"一万五", 15000, false}, {"三千五", 3500, false}, {"一百五", 150, false}, {"两亿五", 2.5e8, false},
      // decimals
      {"六点五", 6.5, false}, {"三点一", 3.1, false}, {"八点五", 8.5, false}, {"一百二十点五", 120.5, false},
      {"三点五亿", 3.5e8, false}, {"零点五", 0.5, false}, {"四点五", 4.5, false},
      {"拾万零五十六点叁叁", 100056.33, false}, {"拾萬零五十六點叁叁", 100056.33, false},
      {"六 点 五", 6.5, false}, {"一 百 五 十", 150, false}, {"一 百二 十点 五", 120.5, false},
      {"陸 點 五", 6.5, false}, {"四點 五", 4.5, false},
      // digit strings
      {"二〇二六", 2026, false}, {"二零二六", 2026, false}, {"一九九七", 1997, false}, {"零八", 8, false},
      {"五五", 55, false}, {"七二", 72, false}, {"一一", 11, false},
      // financial
      {"壹", 1, false}, {"贰", 2, false}, {"叁", 3, false}, {"肆", 4, false}, {"伍", 5, false},
      {"陆", 6, false}, {"柒", 7, false}, {"捌", 8, false}, {"玖", 9, false}, {"拾", 10, false},
      {"壹佰", 100, false}, {"贰仟", 2000, false}, {"壹拾伍", 15, false}, {"叁佰肆拾伍", 345, false},
      {"貳仟零貳拾陸", 2026, false},
      // mixed
      {"4万5千", 45000, false}, {"4萬5千", 45000, false}, {"1.72亿", 1.72e8, false},
      {"1.72億", 1.72e8, false}, {"120亿", 1.2e10, false}, {"300億", 3e10, false},
      {"1万亿", 1e12, false}, {"3亿5000万", 3.5e8, false}, {"20万", 2e5, false}, {"8千", 8000, false},
      {"1000万", 1e7, false}, {"36.57亿", 3.657e9, false}, {"1.5亿", 1.5e8, false}, {"2.5万", 25000, false},
      {"3万5000", 35000, false}, {"5千万", 5e7, false}, {"1,200万", 1.2e7, false},
      // vague markers
      {"8000多万", 8e7, true}, {"8000多萬", 8e7, true}, {"50多", 50, true}, {"十几", 10, true},
      {"三十余", 30, true}, {"一百多", 100, true}, {"2000余万", 2e7, true}, {"十多万", 1e5, true},
      // half
      {"半", 0.5, false},
      // sign
      {"负五", -5, false}, {"-122", -122, false},
  };
  for (const Case& c : kCases) {
    std::optional<Numeral> n = ParseNumeralEx(c.text);
    ASSERT_TRUE(n.has_value()) << "input: " << c.text;
    ExpectNear(c.text, n->value, c.value);
    EXPECT_EQ(n->more, c.more) << "input: " << c.text;
  }
}

TEST(Numeral, Rejects) {
  const char* kBad[] = {"", " ", "abc", "五a", "1.2.3", "几十", "多少", "年", "第三", "点五", "半五",
                        "5三", "三.五", "美元", "1.", ".5"};
  for (const char* s : kBad) EXPECT_FALSE(ParseNumeral(s).has_value()) << "input: " << s;
}

TEST(Numeral, WriterKnownForms) {
  EXPECT_EQ(WriteChineseNumeral(0), "零");
  EXPECT_EQ(WriteChineseNumeral(15), "十五");
  EXPECT_EQ(WriteChineseNumeral(115), "一百一十五");
  EXPECT_EQ(WriteChineseNumeral(10005), "一万零五");
  EXPECT_EQ(WriteChineseNumeral(100000005), "一亿零五");
  EXPECT_EQ(WriteChineseNumeral(10005000), "一千万五千");
  EXPECT_EQ(WriteChineseNumeral(2026), "二千零二十六");
  EXPECT_EQ(WriteChineseNumeral(345, true), "叁佰肆拾伍");
}

// Every integer written in Chinese numerals parses back to itself.
TEST(Numeral, RoundTripSmall) {
  for (long long n = 0; n <= 20000; ++n) {
    std::string s = WriteChineseNumeral(n);
    std::optional<double> v = ParseNumeral(s);
    ASSERT_TRUE(v.has_value()) << s;
    ASSERT_EQ(*v, static_cast<double>(n)) << s;
    std::string f = WriteChineseNumeral(n, true);
    v = ParseNumeral(f);
    ASSERT_TRUE(v.has_value()) << f;
    ASSERT_EQ(*v, static_cast<double>(n)) << f;
  }
}

TEST(Numeral, RoundTripLarge) {
  unsigned long long x = 88172645463325252ULL;
  for (int i = 0; i < 20000; ++i) {
    x ^= x << 13; x ^= x >> 7; x ^= x << 17;
    long long n = static_cast<long long>(x % 9999999999999ULL);
    if (i % 3 == 0) n %= 100000000;
    if (i % 5 == 0) n -= n % 10000;  // round numbers: 三千万, 一亿二千万
    std::string s = WriteChineseNumeral(n);
    std::optional<double> v = ParseNumeral(s);
    ASSERT_TRUE(v.has_value()) << s;
    ASSERT_EQ(*v, static_cast<double>(n)) << s << " from " << n;
  }
}

// Arabic numbers with and without thousands separators.
TEST(Numeral, ArabicSeparators) {
  for (long long n = 0; n < 5000000; n += 997) {
    std::string plain = std::to_string(n);
    std::string sep;
    for (size_t i = 0; i < plain.size(); ++i) {
      if (i > 0 && (plain.size() - i) % 3 == 0) sep += ',';
      sep += plain[i];
    }
    ASSERT_EQ(ParseNumeral(plain).value_or(-1), static_cast<double>(n)) << plain;
    ASSERT_EQ(ParseNumeral(sep).value_or(-1), static_cast<double>(n)) << sep;
  }
}

// Arabic with a Chinese scale: N万, N亿, N.5万.
TEST(Numeral, ArabicWithScale) {
  const std::pair<const char*, double> kScales[] = {{"万", 1e4}, {"亿", 1e8}, {"千", 1e3}, {"百", 1e2}, {"万亿", 1e12}};
  for (int n = 1; n < 1000; n += 7) {
    for (const auto& [w, m] : kScales) {
      std::string s = std::to_string(n) + w;
      ExpectNear(s, ParseNumeral(s).value_or(-1), n * m);
      std::string d = std::to_string(n) + ".5" + w;
      ExpectNear(d, ParseNumeral(d).value_or(-1), (n + 0.5) * m);
    }
  }
}

// Digit-by-digit years: 一九九七, 二〇二六.
TEST(Numeral, DigitStrings) {
  static const char* const kD[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  for (int y = 1900; y <= 2100; ++y) {
    std::string s;
    for (char c : std::to_string(y)) s += kD[c - '0'];
    ASSERT_EQ(ParseNumeral(s).value_or(-1), y) << s;
  }
}

}  // namespace
}  // namespace newskb
