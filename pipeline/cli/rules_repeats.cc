// `newskb rules repeats`: learns what each source repeats across a corpus
// and prints the data file RULES_DIR/repeats.tsv (pipeline/body/known_repeats.h).
#include "pipeline/cli/rules_repeats.h"

#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/body/known_repeats.h"
#include "pipeline/io/reader.h"
#include "pipeline/process/process.h"

namespace newskb {
namespace {

// Runs each document through the markup and body stages (without the known
// repeats: they are what is being learnt) and counts its segments.
class LearnSink : public DocumentSink {
 public:
  explicit LearnSink(const PipelineContext& ctx) : ctx_(ctx) {}
  void OnDocument(Document&& doc) override {
    if (PrepareBody(ctx_, &doc, nullptr, 0).ok()) learner.Add(doc.key, doc.source, doc.body);
    else ++rejected;
  }
  void OnReject(Reject&&) override { ++rejected; }
  RepeatLearner learner;
  size_t rejected = 0;

 private:
  const PipelineContext& ctx_;
};

}  // namespace

int LearnRepeats(const std::string& rules_dir, const std::vector<std::string>& inputs, int min_documents,
                 bool glued_only, bool with_text) {
  if (inputs.empty()) {
    std::fprintf(stderr, "newskb rules repeats: give the corpus to learn from (files, folders, *.jsonl)\n");
    return 2;
  }
  if (min_documents < 2) {
    std::fprintf(stderr, "newskb rules repeats: --min-docs must be 2 or more\n");
    return 2;
  }
  Result<std::shared_ptr<const PipelineContext>> loaded = LoadPipeline(rules_dir);
  if (!loaded.ok()) {
    std::fprintf(stderr, "newskb rules repeats: %s\n", loaded.status().message().c_str());
    return 2;
  }
  PipelineContext ctx = *loaded.value();
  ctx.known_repeats = nullptr;
  LearnSink sink(ctx);
  Status read = ReadInputs(inputs, ReadOptions{}, &sink);
  std::vector<RepeatLearner::Entry> entries = sink.learner.Entries(static_cast<uint32_t>(min_documents), glued_only);
  std::string from;
  for (const std::string& in : inputs) from += " " + in;
  std::printf("# Text a source repeats (pipeline/body/known_repeats.h): segments, that is lines\n"
              "# and pieces of a line between ideographic spaces, held by at least %d documents\n"
              "# of their source%s.\n"
              "# Written by `newskb rules repeats --min-docs %d%s%s`\n"
              "# from %zu documents (%zu not read or without a body): %zu segments.\n"
              "# source\thash\tdocuments\tfirst ids\n",
              min_documents, glued_only ? " that ended the body glued onto its last paragraph\n"
                                         "# (after an ideographic space) in half of them or more, and shared at most a\n"
                                         "# fifth of its pairs of Chinese characters with the rest of the article in half\n"
                                         "# of them or more: notices glued onto articles on other topics" : "",
              min_documents, glued_only ? " --glued" : "", from.c_str(), sink.learner.documents(), sink.rejected,
              entries.size());
  for (const RepeatLearner::Entry& e : entries) {
    std::string line = KnownRepeatLine(e);
    if (with_text)
      line += "\t" + e.text + "\tglued " + std::to_string(e.glued) + ", glued at the end " +
              std::to_string(e.glued_at_end) + ", foreign " + std::to_string(e.foreign);
    std::printf("%s\n", line.c_str());
  }
  if (!read.ok()) {
    std::fprintf(stderr, "newskb rules repeats: %s\n", read.message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace newskb
