// newskb_property_fuzz: the property test of tests/unit/figures_property_test.cc
// at scale (not in ctest).
//
//   build/bench/newskb_property_fuzz [--cases 1000000] [--seed N] [--show 20] [--only PREFIX]
//
// Generates --cases random figures and dates (tests/unit/figure_gen.h) and
// checks each against the extractors; prints the first --show failures,
// then failures per style and the totals. Exit status 1 if any failed.
// --only PREFIX checks only the cases whose style starts with PREFIX (r6_:
// the sixth round's families), until --cases of them are checked, and
// prints each family's F1 (a case is one wanted mention: found exactly is a
// true positive, else a miss; every other mention of its kind is a false
// positive).
// --dates runs the date forms of tests/unit/date_forms_gen.h instead,
// --cases of each family, and prints each family's cases and failures:
//   build/bench/newskb_property_fuzz --dates 1 --cases 100000
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <map>
#include <string>
#include <random>

#include "tests/unit/date_forms_gen.h"
#include "tests/unit/figure_gen.h"

using namespace newskb;

// --dates: every date form family, `cases` of each; 0 if none failed.
static int DateForms(const PipelineContext& ctx, long long cases, unsigned long long seed, int show) {
  std::mt19937_64 rng(seed);
  long long failed = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (const std::string& fam : gen::DateFormGen::Families()) {
    long long bad = 0;
    for (long long i = 0; i < cases; ++i) {
      gen::DateCase c = gen::GenerateDateFormCase(rng, fam);
      std::string why = gen::CheckDateCase(c, ctx);
      if (why.empty()) continue;
      ++bad;
      if (++failed <= show) std::printf("FAIL %s\n", why.c_str());
    }
    std::printf("%-10s %lld cases, %lld failed\n", fam.c_str(), cases, bad);
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("%lld failed, seed %llu, %.1f s\n", failed, seed, s);
  return failed ? 1 : 0;
}

int main(int argc, char** argv) {
  long long cases = 1000000;
  unsigned long long seed = 1;
  int show = 20;
  std::string only;
  bool dates = false;
  std::string rules = std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules";
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--cases")) cases = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--seed")) seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--show")) show = std::atoi(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else if (!std::strcmp(argv[i], "--only")) only = argv[i + 1];
    else if (!std::strcmp(argv[i], "--dates")) dates = std::atoi(argv[i + 1]) != 0;
    else { std::fprintf(stderr, "usage: newskb_property_fuzz [--cases N] [--seed N] [--show N] [--rules DIR] [--only PREFIX] [--dates 1]\n"); return 2; }
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  if (dates) return DateForms(*ctx.value(), cases, seed, show);
  std::mt19937_64 rng(seed);
  std::map<std::string, long long> fails, total, family_fails, family_others;
  long long failed = 0;
  auto t0 = std::chrono::steady_clock::now();
  for (long long i = 0; i < cases; ++i) {
    gen::GenCase c = gen::GenerateCase(rng);
    if (!only.empty() && c.style.compare(0, only.size(), only) != 0) { --i; continue; }
    std::string family = c.style.substr(0, c.style.find('/'));
    total[family]++;
    int others = 0;
    std::string why = gen::CheckCase(c, *ctx.value(), &others);
    family_others[family] += others;
    if (why.empty()) continue;
    family_fails[family]++;
    ++failed;
    fails[c.style]++;
    if (failed <= show) std::printf("FAIL %s\n", why.c_str());
  }
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const auto& [k, v] : fails) std::printf("  %-40s %lld\n", k.c_str(), v);
  if (!only.empty()) {
    std::printf("%-22s %6s %6s %6s %6s %7s\n", "family", "cases", "tp", "fp", "fn", "F1");
    for (const auto& [k, n] : total) {
      long long fn = family_fails[k], tp = n - fn, fp = family_others[k];
      std::printf("%-22s %6lld %6lld %6lld %6lld %7.3f\n", k.c_str(), n, tp, fp, fn,
                  2.0 * tp / std::max(1LL, 2 * tp + fp + fn));
    }
  }
  std::printf("families:");
  for (const auto& [k, v] : total) std::printf(" %s=%lld", k.c_str(), v);
  std::printf("\n%lld cases, %lld failed, seed %llu, %.1f s\n", cases, failed, seed, s);
  return failed ? 1 : 0;
}
