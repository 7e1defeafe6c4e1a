// The facts pass over one article at the document size limit (32 MiB, the
// default --max-doc-mb): it finishes (ctest's timeout is the only clock; the
// speed target is bench/facts_bench.cc's) and gives every copy of a sample
// the facts the sample gives alone, so no window cut a fact.

#include <gtest/gtest.h>

#include <filesystem>

#include "pipeline/io/reader.h"
#include "tests/support/long_article.h"

namespace newskb {
namespace {

TEST(FactsSizeLimit, ArticleOf32MiBGivesEveryCopyItsFacts) {
  auto ctx = LoadPipeline(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules");
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  struct Sink : DocumentSink {
    std::vector<Document> docs;
    void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject&&) override {}
  } sink;
  (void)ReadInputs({std::string(NEWSKB_SOURCE_DIR) + "/corpus"}, ReadOptions{}, &sink);
  ASSERT_GT(sink.docs.size(), 10u);
  // The facts of one pass over all samples joined once: the unit that repeats.
  double round_bytes = 0;
  for (const Document& d : sink.docs) round_bytes += d.raw.size() + 2;  // "\n\n" after each
  LongArticle once = BuildLongArticle(*ctx.value(), sink.docs, round_bytes);
  ASSERT_EQ(once.copies, sink.docs.size());
  const size_t per_round = ctx.value()->extractors->ExtractFacts(once.doc, once.norm, once.mentions).size();
  ASSERT_GT(per_round, 100u);

  const double limit = 32.0 * 1048576;
  LongArticle a = BuildLongArticle(*ctx.value(), sink.docs, limit - 200000);
  ASSERT_LE(a.doc.body.size(), limit);
  ASSERT_GT(a.doc.body.size(), limit - 400000);
  std::vector<Fact> facts = ctx.value()->extractors->ExtractFacts(a.doc, a.norm, a.mentions);
  const size_t rounds = a.copies / sink.docs.size();
  // Whole rounds give the same facts each (a partial last round gives fewer).
  EXPECT_GE(facts.size(), rounds * per_round);
  EXPECT_LE(facts.size(), (rounds + 1) * per_round);
  for (const Fact& f : facts) ASSERT_LT(static_cast<size_t>(f.figure), a.mentions.size());
}

}  // namespace
}  // namespace newskb
