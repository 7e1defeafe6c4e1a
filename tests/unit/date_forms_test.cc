// The date forms issue 12 lists, one generated family each
// (tests/unit/date_forms_gen.h): both scripts, every numeral style, random
// frames and publication dates. Extraction must give exactly each case's
// dates (span, start, ISO value, qualifier) and nothing else; the test
// prints each family's F1 over its dates (a wrong value is a miss and a
// false date at once), and fails on any wrong case. Fixed seed.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <random>

#include "tests/unit/date_forms_gen.h"

namespace newskb {
namespace {

const std::string kRulesDir = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";

// The case's dates as extracted and as expected, one key per date.
std::multiset<std::string> Got(const gen::DateCase& c, const PipelineContext& ctx) {
  Document doc;
  doc.key = "gen";
  doc.raw = doc.body = c.text;
  doc.published = c.published;
  NormText nt = ctx.normalizer->Normalize(doc.body);
  std::multiset<std::string> out;
  for (const Mention& m : ctx.extractors->ExtractAll(doc, nt))
    if (m.kind == MentionKind::kDate)
      out.insert(m.text + "@" + std::to_string(m.start) + "=" + m.date_value + "/" + m.qualifier);
  return out;
}

std::multiset<std::string> Want(const gen::DateCase& c) {
  std::multiset<std::string> out;
  for (const gen::DateExpect& e : c.dates) out.insert(e.span + "@" + std::to_string(e.start) + "=" + e.value + "/" + e.qualifier);
  return out;
}

TEST(DateForms, EveryFamilyComesBackExactly) {
  auto ctx = LoadPipeline(kRulesDir);
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  std::mt19937_64 rng(20261220);
  const int kPerFamily = 600;
  int failed = 0;
  std::string report;
  for (const std::string& fam : gen::DateFormGen::Families()) {
    int tp = 0, fp = 0, fn = 0, bad = 0;
    std::map<std::string, int> bad_styles;
    for (int i = 0; i < kPerFamily; ++i) {
      gen::DateCase c = gen::GenerateDateFormCase(rng, fam);
      std::multiset<std::string> got = Got(c, *ctx.value()), want = Want(c);
      int hit = 0;
      for (const std::string& w : want) {
        auto it = got.find(w);
        if (it != got.end()) { ++hit; got.erase(it); }
      }
      tp += hit;
      fn += static_cast<int>(want.size()) - hit;
      fp += static_cast<int>(got.size());
      if (hit == static_cast<int>(want.size()) && got.empty()) continue;
      ++bad;
      bad_styles[c.style]++;
      ++failed;
      if (bad <= 12) ADD_FAILURE() << gen::CheckDateCase(c, *ctx.value());
    }
    double p = tp + fp ? double(tp) / (tp + fp) : 1, r = tp + fn ? double(tp) / (tp + fn) : 1;
    char line[200];
    std::snprintf(line, sizeof line, "%-9s cases %d wrong %d  tp %d fp %d fn %d  F1 %.3f\n", fam.c_str(), kPerFamily, bad,
                  tp, fp, fn, p + r > 0 ? 2 * p * r / (p + r) : (fp ? 0.0 : 1.0));
    report += line;
    for (const auto& [s, n] : bad_styles) report += "    " + s + " " + std::to_string(n) + "\n";
  }
  std::printf("%s", report.c_str());
  EXPECT_EQ(failed, 0) << report;
}

}  // namespace
}  // namespace newskb
