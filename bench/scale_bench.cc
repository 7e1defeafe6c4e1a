// newskb_bench_scale: seconds per MB of each stage as one article grows.
//
//   build/bench/newskb_bench_scale [--sizes 0.5,1,2,4,8,16,32] [--layout lines|oneline|both]
//                                  [--budget SECONDS] [--no-facts] [--rules DIR] [--seeds DIR]
//
// Builds one article of each size from realistic Chinese news text: the seed
// articles' bodies (../shared/corpus/seeds, else corpus/*.txt), replicated
// with their digits shifted in each copy and each paragraph numbered; `lines` keeps their line breaks, `oneline`
// removes them (one paragraph of N MB, as a broken crawler writes it). Then
// times on one thread, as ingest runs them: body extraction, normalisation,
// each extractor in registry order (figures, dates, organizations with
// linking, policies, places, commodities), the facts pass. Prints seconds
// and seconds per MB; flat s/MB down a column means linear. A stage that
// takes over --budget seconds (default 120) at one size is skipped at the
// larger ones (printed as "skip"). Not a test: compare runs on one machine.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/process/process.h"
#include "pipeline/io/reader.h"

namespace fs = std::filesystem;
using namespace newskb;

namespace {

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

struct Collect : DocumentSink {
  std::vector<std::string> texts;
  void OnDocument(Document&& d) override { texts.push_back(std::move(d.raw)); }
  void OnReject(Reject&&) override {}
};

std::string Vary(const std::string& text, size_t i) {
  std::string out = text;
  for (char& c : out)
    if (c >= '0' && c <= '9') c = static_cast<char>('0' + (c - '0' + i) % 10);
  return out;
}

std::string LongArticle(const std::vector<std::string>& seeds, size_t bytes, bool lines) {
  std::string out;
  out.reserve(bytes + 65536);
  for (size_t i = 0; out.size() < bytes; ++i) {
    std::string t = Vary(seeds[i % seeds.size()], i / seeds.size());
    if (lines) {
      // Each paragraph ends with its copy number, so no line repeats (a
      // repeated line is site boilerplate to body extraction).
      std::string tag = "（" + std::to_string(i) + "）";
      std::string numbered;
      std::stringstream ss(t);
      for (std::string line; std::getline(ss, line);)
        numbered += line.find_first_not_of(" \t\r") == std::string::npos ? line + "\n" : line + tag + "\n";
      t = std::move(numbered);
    } else {
      t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
    }
    out += t;
  }
  // Cut at a character boundary.
  size_t cut = std::min(out.size(), bytes);
  while (cut < out.size() && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) ++cut;
  out.resize(cut);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<double> sizes = {0.5, 1, 2, 4, 8, 16, 32};
  std::string layout = "both", rules = DefaultRulesDir();
  std::string seeds_dir = std::string(NEWSKB_SHARED_DIR) + "/corpus/seeds";
  double budget = 120;
  bool facts = true;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--sizes") {
      sizes.clear();
      std::stringstream ss(next());
      for (std::string x; std::getline(ss, x, ',');) sizes.push_back(std::atof(x.c_str()));
    } else if (a == "--layout") layout = next();
    else if (a == "--budget") budget = std::atof(next().c_str());
    else if (a == "--no-facts") facts = false;
    else if (a == "--rules") rules = next();
    else if (a == "--seeds") seeds_dir = next();
    else { std::fprintf(stderr, "usage: see the header of bench/scale_bench.cc\n"); return 2; }
  }
  if (!fs::exists(seeds_dir)) seeds_dir = std::string(NEWSKB_SOURCE_DIR) + "/corpus";
  Collect c;
  (void)ReadInputs({seeds_dir}, ReadOptions{}, &c);
  if (c.texts.empty()) { std::fprintf(stderr, "no seed articles in %s\n", seeds_dir.c_str()); return 2; }
  auto ctx = LoadPipeline(rules);
  if (!ctx.ok()) { std::fprintf(stderr, "%s\n", ctx.status().message().c_str()); return 2; }
  const PipelineContext& p = *ctx.value();
  // The seeds' bodies (their pages' boilerplate left out): a long article is
  // many paragraphs of body text, not many pages.
  for (std::string& t : c.texts) t = ExtractBody(t, p.body_markers).body;
  std::printf("seeds: %zu articles from %s\n", c.texts.size(), seeds_dir.c_str());
  std::printf("%-8s %6s %-14s %9s %9s\n", "layout", "MB", "stage", "seconds", "s/MB");

  std::vector<bool> layouts;
  if (layout != "oneline") layouts.push_back(true);
  if (layout != "lines") layouts.push_back(false);
  for (bool lines : layouts) {
    std::map<std::string, bool> over;  // stages past the budget
    for (double mb : sizes) {
      Document doc;
      doc.key = "bench";
      doc.raw = LongArticle(c.texts, static_cast<size_t>(mb * 1048576), lines);
      double real_mb = doc.raw.size() / 1048576.0;
      auto report = [&](const std::string& stage, double s) {
        std::printf("%-8s %6.1f %-14s %9.2f %9.3f\n", lines ? "lines" : "oneline", real_mb, stage.c_str(), s,
                    s / real_mb);
        std::fflush(stdout);
        if (s > budget) over[stage] = true;
      };
      auto skipped = [&](const std::string& stage) {
        if (!over.count(stage)) return false;
        std::printf("%-8s %6.1f %-14s %9s\n", lines ? "lines" : "oneline", real_mb, stage.c_str(), "skip");
        return true;
      };
      if (skipped("body")) continue;
      auto t0 = Clock::now();
      BodyResult b = ExtractBody(doc.raw, p.body_markers);
      report("body", Since(t0));
      if (b.body.size() < doc.raw.size() / 2)
        std::printf("%-8s %6.1f (body keeps %.1f MB of it)\n", lines ? "lines" : "oneline", real_mb,
                    b.body.size() / 1048576.0);
      doc.body = std::move(b.body);
      if (skipped("normalize")) continue;
      t0 = Clock::now();
      NormText norm = p.normalizer->Normalize(doc.body);
      report("normalize", Since(t0));
      std::vector<Mention> mentions;
      bool stop = false;
      for (const auto& e : p.extractors->list()) {
        if (skipped(e->name())) { stop = true; break; }
        t0 = Clock::now();
        e->Extract(doc, norm, &mentions);
        report(e->name(), Since(t0));
      }
      if (stop) continue;
      std::stable_sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
      });
      if (facts && !skipped("facts")) {
        t0 = Clock::now();
        std::vector<Fact> f = p.extractors->ExtractFacts(doc, norm, mentions);
        report("facts", Since(t0));
      }
    }
  }
  return 0;
}
