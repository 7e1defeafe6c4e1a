// Property tests for dates (tests/unit/date_gen.h): one generated family for
// each class of Chinese temporal expression FORMAT.md counts as a date, and
// one of look-alikes it does not; random publication dates, both scripts,
// Arabic, full-width and Chinese numerals. Extraction must give exactly the
// case's dates (span, ISO value, qualifier) and nothing else. Fixed seed.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "tests/unit/date_gen.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

TEST(DatesProperty, EveryClassComesBackExactly) {
  auto ctx = LoadPipeline(kRulesDir);
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  std::mt19937_64 rng(20261706);
  const int kCases = 4000;
  int failed = 0;
  std::map<std::string, int> families, failures;
  for (int i = 0; i < kCases; ++i) {
    gen::DateCase c = gen::GenerateDateCase(rng);
    std::string fam = c.style.substr(0, c.style.find('/'));
    families[fam]++;
    std::string why = gen::CheckDateCase(c, *ctx.value());
    if (why.empty()) continue;
    failures[c.style]++;
    if (++failed <= 40) ADD_FAILURE() << why;
  }
  std::string by_style;
  for (const auto& [s, n] : failures) by_style += " " + s + "=" + std::to_string(n);
  EXPECT_EQ(failed, 0) << "of " << kCases << " generated cases;" << by_style;
  for (const char* f : {"weekday", "rel_day", "rel_month", "rel_year", "year_part", "abs", "weekday_md", "year_range",
                        "open_end", "roc", "list_past", "not_date"})
    EXPECT_GT(families[f], 100) << f;
}

}  // namespace
}  // namespace newskb
