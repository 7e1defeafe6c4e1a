// newskb_bench_facts: time of the facts pass per MB of one article.
//
//   build/bench/newskb_bench_facts [--sizes 0.5,1,2,4,8,16,32] [--rules DIR] [--corpus DIR]
//
// Builds one article of each size (MB of body text) by joining the sample
// articles of --corpus (default: the repository's corpus/) as paragraphs,
// digits shifted in each copy; normalises it and runs every extractor once,
// then times the facts stage alone (ExtractFacts) on one thread. Prints
// the extractors' seconds (each named), the facts stage's seconds and its
// seconds per MB: the facts pass is linear when that column
// stays flat (issue 14, issue 16 item 3). Not a test; compare runs on one
// machine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "pipeline/cli/process.h"
#include "pipeline/io/reader.h"

using namespace newskb;

namespace {

double Seconds(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string Vary(const std::string& text, size_t i) {
  std::string out = text;
  for (char& c : out)
    if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + i) % 10);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules = DefaultRulesDir(), corpus = std::string(NEWSKB_SOURCE_DIR) + "/corpus";
  std::vector<double> sizes = {0.5, 1, 2, 4, 8, 16, 32};
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--rules")) rules = argv[i + 1];
    else if (!std::strcmp(argv[i], "--corpus")) corpus = argv[i + 1];
    else if (!std::strcmp(argv[i], "--sizes")) {
      sizes.clear();
      for (char* p = argv[i + 1]; *p;) {
        sizes.push_back(std::strtod(p, &p));
        if (*p == ',') ++p;
      }
    }
  }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  struct Sink : DocumentSink {
    std::vector<Document> docs;
    void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject&&) override {}
  } sink;
  (void)ReadInputs({corpus}, ReadOptions{}, &sink);
  if (sink.docs.empty()) { std::fprintf(stderr, "no articles in %s\n", corpus.c_str()); return 2; }
  std::printf("%8s %10s %10s %12s %10s %10s\n", "MB", "mentions", "facts", "extract s", "facts s", "facts s/MB");
  for (double mb : sizes) {
    Document d;
    d.key = "bench";
    for (size_t i = 0; d.raw.size() < mb * 1e6; ++i)
      d.raw += Vary(sink.docs[i % sink.docs.size()].raw, i / sink.docs.size()) + "\n\n";
    d.body = d.raw;
    NormText norm = ctx.value()->normalizer->Normalize(d.body);
    // The extractors one by one (as ExtractAll runs them), to show which
    // other stage grows faster than the article.
    std::vector<Mention> ms;
    std::string per_stage;
    auto t0 = std::chrono::steady_clock::now();
    for (const auto& e : ctx.value()->extractors->list()) {
      auto t1 = std::chrono::steady_clock::now();
      e->Extract(d, norm, &ms);
      char buf[64];
      std::snprintf(buf, sizeof buf, " %s %.2f", e->name(), Seconds(t1));
      per_stage += buf;
    }
    std::stable_sort(ms.begin(), ms.end(), [](const Mention& a, const Mention& b) {
      return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    double extract = Seconds(t0);
    t0 = std::chrono::steady_clock::now();
    std::vector<Fact> facts = ctx.value()->extractors->ExtractFacts(d, norm, ms);
    double sec = Seconds(t0);
    double real_mb = d.body.size() / 1e6;
    std::printf("%8.1f %10zu %10zu %12.2f %10.2f %10.3f   (s:%s)\n", real_mb, ms.size(), facts.size(), extract, sec,
                sec / real_mb, per_stage.c_str());
    std::fflush(stdout);
  }
  return 0;
}
