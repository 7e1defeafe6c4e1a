// Property tests for figures and dates (tests/unit/figure_gen.h): random
// values rendered in every style the generator knows, in both scripts,
// inside random sentence frames; extraction must give back the value (or
// low/high, or ISO date), the unit, the qualifier and the exact span.
// Fixed seed, so a failure is reproducible; bench/property_fuzz.cc runs the
// same generator for millions of cases with any seed.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "tests/unit/figure_gen.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

TEST(FiguresProperty, GeneratedValuesComeBackExactly) {
  auto ctx = LoadPipeline(kRulesDir);
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  std::mt19937_64 rng(20261130);
  const int kCases = 8000;
  int failed = 0;
  std::map<std::string, int> styles;
  for (int i = 0; i < kCases; ++i) {
    gen::GenCase c = gen::GenerateCase(rng);
    styles[c.style.substr(0, c.style.find('/'))]++;
    std::string why = gen::CheckCase(c, *ctx.value());
    if (!why.empty() && ++failed <= 40) ADD_FAILURE() << why;
  }
  EXPECT_EQ(failed, 0) << "of " << kCases << " generated cases";
  // Every family of the generator was exercised.
  for (const char* s : {"money", "yuan", "percent", "share", "fraction", "per_mille", "measure", "range", "times", "half",
                        "vague", "date", "quarter_date"})
    EXPECT_GT(styles[s], 50) << s;
  // The third round's figure families share one slot of the generator (about
  // 26 cases each since the sixth round's slot was added).
  for (const char* s : {"spaced", "cur_before", "bare_scale", "change", "measure_word", "speed", "top", "count_noun"})
    EXPECT_GT(styles[s], 10) << s;
  // The fifth round's: rates with 每+unit first, scaled count ranges, people
  // nouns after digits, one period after a span word, 上百, a bare $.
  for (const char* s : {"rate_cost", "rate_period", "count_per_time", "count_range_scaled", "people_digits",
                        "duration_cue", "upward", "hk_dollar", "vague_comma"})
    EXPECT_GT(styles[s], 20) << s;
  // The sixth round's grammar families share one slot (about 22 cases each).
  for (const char* s : {"r6_range_high", "r6_range_open", "r6_neighbours", "r6_scale_more", "r6_compound", "r6_ma",
                        "r6_big_noun", "r6_share", "r6_per_mille", "r6_points", "r6_multiple", "r6_approx",
                        "r6_money_order", "r6_cn_zero", "r6_negative", "r6_classifier", "r6_people", "r6_sample"})
    EXPECT_GT(styles[s], 5) << s;
  // The eighth round's families share one slot (about 45 cases each).
  for (const char* s : {"r8_consecutive", "r8_approx_one", "r8_share_more", "r8_times_approx", "r8_rate_time",
                        "r8_money_bare", "r8_more_between", "r8_word_range"})
    EXPECT_GT(styles[s], 15) << s;
  // The ninth round's (about 55 cases each).
  for (const char* s : {"r9_list", "r9_du_dian", "r9_half_count", "r9_count_word", "r9_half_duration",
                        "r9_cue_noun_now"})
    EXPECT_GT(styles[s], 30) << s;
  // The tenth round's (about 55 cases each).
  for (const char* s : {"r10_one_duration", "r10_basis_points"}) EXPECT_GT(styles[s], 30) << s;
}

}  // namespace
}  // namespace newskb
