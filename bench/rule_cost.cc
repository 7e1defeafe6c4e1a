// newskb_bench_rule_cost: what one rule file costs in memory and CPU.
//
//   build/bench/newskb_bench_rule_cost --input ../shared/corpora/real-news.dev.jsonl --mb 10 \
//       FAMILY.json [FAMILY.json ...]
//
// Normalises the first --mb MB of bodies of --input once (with the rules of
// --rules DIR, default the installed ones), then for each family file given:
// loads it alone (RuleSet::LoadFile, with the macros.json beside it), runs
// FindAll + Resolve over every sentence once, as the figure and date
// extractors do, and prints the heap the RuleSet holds after loading and
// after the pass (malloc's bytes in use: the compiled programs, then the DFA
// state caches the pass built) and the pass's user CPU seconds. Give it
// folders holding one rule each, or every rule but one, to find which rules
// cost the family's memory and time (e.g. made by a script that splits a
// family file). Not a test: numbers depend on the machine and its load;
// memory is exact, CPU compares runs on one machine.
//   --sets   instead: each family's rules in one plain RE2::Set, a cold and
//            a warm pass (the share of building DFA states)
//   --each   and then each rule's cold cost alone and inside the family's Set
#include <malloc.h>
#include <re2/set.h>
#include <sys/resource.h>

#include <cstdio>
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "pipeline/io/reader.h"
#include "bench/read_documents.h"
#include "pipeline/process/process.h"

using namespace newskb;

namespace {

double UserSeconds() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
}

size_t HeapInUse() { return mallinfo2().uordblks; }

// User CPU seconds of one cold RE2::Set pass over every sentence, the Set
// holding the Set patterns of `rules` (indices into rs.rules()).
double SetPass(const RuleSet& rs, const std::vector<size_t>& rules, const std::vector<NormText>& norms,
               double* warm = nullptr) {
  RE2::Options o;
  o.set_max_mem(int64_t{256} << 20);
  o.set_log_errors(false);
  RE2::Set set(o, RE2::UNANCHORED);
  for (size_t i : rules) set.Add(SetPatternOf(rs.rules()[i].pattern), nullptr);
  set.Compile();
  std::vector<int> hits;
  double t0 = UserSeconds();
  for (const NormText& n : norms)
    for (const NormSentence& s : n.sentences)
      set.Match(re2::StringPiece(n.text.data() + s.begin, s.end - s.begin), &hits);
  const double cold = UserSeconds() - t0;
  if (warm) {
    t0 = UserSeconds();
    for (const NormText& n : norms)
      for (const NormSentence& s : n.sentences)
        set.Match(re2::StringPiece(n.text.data() + s.begin, s.end - s.begin), &hits);
    *warm = UserSeconds() - t0;
  }
  return cold;
}

// --sets: the family's rules in one RE2::Set of their Set patterns, a cold
// pass over every sentence and a second (warm) one: what building DFA
// states costs against running them. --each: then per rule the cold pass of
// a Set holding that rule alone and of one holding every rule but it (what
// the rule adds to the family's Set), largest addition first.
void EachRule(const RuleSet& rs, const std::vector<NormText>& norms, bool per_rule) {
  const size_t n = rs.rules().size();
  std::vector<size_t> all(n);
  for (size_t i = 0; i < n; ++i) all[i] = i;
  double warm = 0;
  const double whole = SetPass(rs, all, norms, &warm);
  size_t literal = 0;
  for (const Rule& r : rs.rules()) literal += !LiteralSetPatternOf(r.pattern, RuleSetOptions{}.literal_min_bytes).empty();
  std::printf("%s: one Set of %zu rules (whole sentences, no windows): %.3f s cold, %.3f s warm; "
              "%zu rules have literals of %zu+ bytes (RuleSetOptions::literal_sets)\n",
              rs.family().c_str(), n, whole, warm, literal, RuleSetOptions{}.literal_min_bytes);
  if (!per_rule) return;
  struct Row { double alone, added; size_t i; };
  std::vector<Row> rows;
  for (size_t i = 0; i < n; ++i) {
    std::vector<size_t> others;
    for (size_t k = 0; k < n; ++k)
      if (k != i) others.push_back(k);
    rows.push_back({SetPass(rs, {i}, norms), whole - SetPass(rs, others, norms), i});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.added > b.added; });
  std::printf("%8s %8s  %s\n", "alone s", "added s", "rule");
  for (const Row& r : rows) std::printf("%8.3f %8.3f  %s\n", r.alone, r.added, rs.rules()[r.i].id.c_str());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 10;
  std::string rules = DefaultRulesDir(), input;
  std::vector<std::string> families;
  bool each = false, each_rule = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--mb") && i + 1 < argc) mb = std::atof(argv[++i]);
    else if (!std::strcmp(argv[i], "--rules") && i + 1 < argc) rules = argv[++i];
    else if (!std::strcmp(argv[i], "--input") && i + 1 < argc) input = argv[++i];
    else if (!std::strcmp(argv[i], "--sets")) each = true;
    else if (!std::strcmp(argv[i], "--each")) each = each_rule = true;
    else families.push_back(argv[i]);
  }
  if (input.empty() || families.empty()) {
    std::fprintf(stderr, "usage: %s --input JSONL [--mb 10] [--rules DIR] FAMILY.json...\n", argv[0]);
    return 2;
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  std::vector<Document> read = ReadDocuments(input);
  std::vector<NormText> norms;
  size_t bytes = 0;
  for (size_t i = 0; i < read.size() && bytes < mb * 1e6; ++i) {
    Processed p;
    if (!ProcessDocument(*ctx.value(), &read[i], &p).ok()) continue;
    bytes += read[i].body.size();
    norms.push_back(std::move(p.norm));
  }
  read.clear();
  std::printf("corpus: %zu documents, %.1f MB of body text\n", norms.size(), bytes / 1e6);
  std::printf("%-40s %6s %10s %10s %9s %8s\n", "family file", "rules", "load KB", "pass KB", "user s", "found");
  for (const std::string& f : families) {
    size_t h0 = HeapInUse();
    auto rs = RuleSet::LoadFile(f, RuleSetOptions{});
    if (!rs.ok()) { std::fprintf(stderr, "%s\n", rs.status().message().c_str()); return 2; }
    size_t h1 = HeapInUse();
    if (each) {
      EachRule(rs.value(), norms, each_rule);
      continue;
    }
    double t0 = UserSeconds();
    size_t found = 0;
    for (const NormText& n : norms)
      for (const NormSentence& s : n.sentences)
        found += RuleSet::Resolve(rs->FindAll(std::string_view(n.text).substr(s.begin, s.end - s.begin)), nullptr)
                     .size();
    double sec = UserSeconds() - t0;
    size_t h2 = HeapInUse();
    std::printf("%-40s %6zu %10zu %10zu %9.2f %8zu\n", f.c_str(), rs->rules().size(), (h1 - h0) >> 10,
                (h2 - h1) >> 10, sec, found);
    std::fflush(stdout);
  }
  return 0;
}
