// Tests for pipeline/body/repeats: text a source repeats across its
// articles leaves the body once the source has repeated it often enough.

#include "pipeline/body/repeats.h"
#include "pipeline/body/known_repeats.h"

#include <gtest/gtest.h>

#include <cinttypes>
#include <cstdio>
#include <string>
#include <thread>

namespace newskb {
namespace {

const std::string kTail = "新冠肺炎全球疫情惡化，促使市場避險情緒急遽升高，黃金現貨價格創新高。";

std::string Article(int i) {
  return "第" + std::to_string(i) + "篇報導：經濟部今天公布第" + std::to_string(i) +
         "季出口數據，較去年同期成長。\n官員表示，下季可望持續成長。　" + kTail;
}

TEST(RepeatMemory, RepeatedTailLeavesOnceTheSourceRepeatedItEnough) {
  RepeatMemory mem;  // min_documents = 5
  for (int i = 0; i < 8; ++i) {
    std::string body = Article(i);
    int removed = mem.Observe(i, "NadalChi/AML:data/training_set/" + std::to_string(i) + ".txt", &body);
    if (i < 5) {
      EXPECT_EQ(removed, 0) << i;
      EXPECT_EQ(body, Article(i));
    } else {
      EXPECT_EQ(removed, 2) << i;  // the tail and the second line, repeated word for word
      EXPECT_EQ(body, "第" + std::to_string(i) + "篇報導：經濟部今天公布第" + std::to_string(i) +
                          "季出口數據，較去年同期成長。");
    }
  }
  // Another source has not repeated it.
  std::string other = Article(99);
  EXPECT_EQ(mem.Observe(8, "https://news.example.com/a/99", &other), 0);
  EXPECT_EQ(other, Article(99));
}

TEST(RepeatMemory, NeverEmptiesABodyAndShortSegmentsDoNotCount) {
  RepeatMemory mem;
  for (int i = 0; i < 10; ++i) {
    std::string whole = kTail;  // a body that is nothing but the repeated text stays
    mem.Observe(2 * i, "src:x", &whole);
    EXPECT_EQ(whole, kTail) << i;
    // seen in 2i+1 earlier documents: from i = 2 on, at least 5
    std::string body = kTail + "\n完";  // "完" is under min_code_points: never counted
    mem.Observe(2 * i + 1, "src:x", &body);
    EXPECT_EQ(body, i < 2 ? kTail + "\n完" : std::string("完")) << i;
  }
}

TEST(RepeatMemory, ObservesInInputOrderWhateverTheThread) {
  RepeatMemory::Options o;
  o.min_documents = 1;
  RepeatMemory mem(o);
  std::string a = Article(1), b = Article(2);
  // Document 1 arrives first on its thread but must wait for document 0.
  std::thread late([&] { mem.Observe(1, "s:1", &b); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  mem.Observe(0, "s:0", &a);
  late.join();
  EXPECT_EQ(a, Article(1));                   // first: kept
  EXPECT_EQ(b.find(kTail), std::string::npos);  // second: the tail seen once before goes
  mem.Skip(2);
  std::string c = Article(3);
  EXPECT_GT(mem.Observe(3, "s:3", &c), 0);
}

TEST(RepeatMemory, BoundedTablesForgetSegmentsSeenOnce) {
  RepeatMemory::Options o;
  o.max_segments = 16;
  o.max_sources = 2;
  o.min_documents = 2;
  RepeatMemory mem(o);
  uint64_t seq = 0;
  for (int i = 0; i < 200; ++i) {
    std::string body = "這是第" + std::to_string(i) + "則只出現一次的獨特句子，內容各不相同。　" + kTail;
    int removed = mem.Observe(seq++, i % 3 == 0 ? "a:x" : "b:x", &body);
    if (i >= 20) EXPECT_EQ(removed, 1) << i;  // the repeated tail survives every eviction
  }
}

TEST(RepeatMemory, SourceKey) {
  EXPECT_EQ(RepeatMemory::SourceKey("https://www.cna.com.tw/news/1.aspx"), "www.cna.com.tw");
  EXPECT_EQ(RepeatMemory::SourceKey("hkarchivist/hkcnews-article-archive:articles/1-1000/article_174.md"),
            "hkarchivist/hkcnews-article-archive");
  EXPECT_EQ(RepeatMemory::SourceKey("crawl/udn.jsonl:17"), "crawl/udn.jsonl");
  EXPECT_EQ(RepeatMemory::SourceKey("pages/udn/a.html"), "pages/udn");
}

TEST(RepeatSegments, HashIgnoresWhiteSpaceAndMarksGluedPieces) {
  EXPECT_EQ(SegmentHash("黃金現貨 價格創新高"), SegmentHash("黃金現貨\xE3\x80\x80價格創新高"));
  EXPECT_EQ(SegmentHash("黃金現貨價格創新高"), SegmentHash("黃金現貨\xC2\xA0價格創新高"));
  EXPECT_NE(SegmentHash("黃金現貨價格創新高"), SegmentHash("黃金期貨價格創新高"));
  std::string body = "第一行是一個完整的句子，沒有別的東西。\n第二行的正文在這裡結束了。\xE3\x80\x80" + kTail;
  std::vector<RepeatSegment> segs = RepeatSegments(body, 12);
  ASSERT_EQ(segs.size(), 3u);
  EXPECT_FALSE(segs[0].glued);
  EXPECT_TRUE(segs[1].glued);
  EXPECT_TRUE(segs[2].glued);
  EXPECT_EQ(body.substr(segs[2].begin, segs[2].end - segs[2].begin), kTail);
  EXPECT_EQ(segs[2].hash, SegmentHash(kTail));
}

std::string HashHex(const std::string& text) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, SegmentHash(text));
  return buf;
}

TEST(KnownRepeats, RemovesAKnownNoticeFromTheFirstDocument) {
  std::string file = "# comment\n\nNadalChi/AML\t" + HashHex(kTail) + "\t463\taml-7 aml-16\n";
  Result<KnownRepeats> k = KnownRepeats::Parse(file, "repeats.tsv");
  ASSERT_TRUE(k.ok()) << k.status().message();
  EXPECT_EQ(k->size(), 1u);
  // The first document of a batch already loses it (RepeatMemory would wait for the sixth).
  std::string body = Article(1);
  EXPECT_EQ(k->Remove("NadalChi/AML:data/training_set/1.txt", &body), 1);
  EXPECT_EQ(body, "第1篇報導：經濟部今天公布第1季出口數據，較去年同期成長。\n官員表示，下季可望持續成長。");
  // Written with other spaces, still the same text.
  std::string spaced = "官員表示，下季可望持續成長。\xE3\x80\x80\xE3\x80\x80" + kTail + "  ";
  EXPECT_EQ(k->Remove("NadalChi/AML:x.txt", &spaced), 1);
  EXPECT_EQ(spaced, "官員表示，下季可望持續成長。");
  // A body that is only the notice stays.
  std::string alone = kTail;
  EXPECT_EQ(k->Remove("NadalChi/AML:y.txt", &alone), 0);
  EXPECT_EQ(alone, kTail);
}

// How a notice sits, not who delivers it: glued onto a paragraph it leaves
// the body of any source (a record without its source, an evaluator's
// temporary file, a site that syndicates the articles); standing as a line
// of its own it is left to its source's entry.
TEST(KnownRepeats, AGluedNoticeLeavesWhateverTheSourceALineOfItsOwnOnlyForItsSource) {
  Result<KnownRepeats> k = KnownRepeats::Parse("NadalChi/AML\t" + HashHex(kTail) + "\t463\taml-7\n", "repeats.tsv");
  ASSERT_TRUE(k.ok()) << k.status().message();
  for (const std::string source : {"https://news.example.com/a/2", "/tmp/eval/docs.jsonl:2", ""}) {
    std::string glued = Article(2);
    EXPECT_EQ(k->Remove(source, &glued), 1) << source;
    EXPECT_EQ(glued, "第2篇報導：經濟部今天公布第2季出口數據，較去年同期成長。\n官員表示，下季可望持續成長。");
  }
  std::string own_line = "經濟部今天公布出口數據，較去年同期成長。\n" + kTail;
  std::string before = own_line;
  EXPECT_EQ(k->Remove("https://news.example.com/a/3", &own_line), 0);
  EXPECT_EQ(own_line, before);
  EXPECT_EQ(k->Remove("NadalChi/AML:data/3.txt", &own_line), 1);
  EXPECT_EQ(own_line, "經濟部今天公布出口數據，較去年同期成長。");
}

TEST(KnownRepeats, BadLinesNameFileAndLine) {
  Result<KnownRepeats> k = KnownRepeats::Parse("# ok\nsrc\t0123\t5\n", "r.tsv");
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.status().message().find("r.tsv:2:"), std::string::npos) << k.status().message();
  k = KnownRepeats::Parse("src\t00000000000000ff\n", "r.tsv");
  ASSERT_FALSE(k.ok());
  EXPECT_NE(k.status().message().find("r.tsv:1:"), std::string::npos);
  k = KnownRepeats::Parse("src\t00000000000000ff\tmany\n", "r.tsv");
  EXPECT_FALSE(k.ok());
  k = KnownRepeats::Load("/nonexistent/repeats.tsv");  // a rules folder without the file
  ASSERT_TRUE(k.ok());
  EXPECT_EQ(k->size(), 0u);
}

TEST(KnownRepeats, ShippedFileLoads) {
  Result<KnownRepeats> k = KnownRepeats::Load(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules/repeats.tsv");
  ASSERT_TRUE(k.ok()) << k.status().message();
  EXPECT_GT(k->size(), 0u);
}

TEST(RepeatLearner, CountsDocumentsAndKeepsGluedNotices) {
  RepeatLearner learn;
  const std::string formula = "蔡奇、王毅等參加上述活動，並出席了歡迎儀式。";  // a line of its own
  for (int i = 0; i < 12; ++i) {
    std::string body = formula + "\n" + formula + "\n" + Article(i);  // counted once a document
    learn.Add("doc-" + std::to_string(i), "src:" + std::to_string(i), body);
  }
  learn.Add("other-0", "https://other.example.com/0", Article(0));
  EXPECT_EQ(learn.documents(), 13u);
  std::vector<RepeatLearner::Entry> all = learn.Entries(10, /*glued_only=*/false);
  // The tail, the second line and the formula: 12 documents each; nothing of the other source.
  ASSERT_EQ(all.size(), 3u);
  for (const auto& e : all) {
    EXPECT_EQ(e.source, "src");
    EXPECT_EQ(e.documents, 12u);
    EXPECT_EQ(e.ids, (std::vector<std::string>{"doc-0", "doc-1", "doc-2"}));
  }
  std::vector<RepeatLearner::Entry> glued = learn.Entries(10, /*glued_only=*/true);
  // Only the tail: the formula stood alone on its line, the second line's
  // first piece was glued but did not end the body.
  ASSERT_EQ(glued.size(), 1u);
  EXPECT_EQ(glued[0].text, kTail);
  EXPECT_EQ(glued[0].glued_at_end, 12u);
  EXPECT_EQ(glued[0].foreign, 12u);
  EXPECT_EQ(KnownRepeatLine(glued[0]).substr(0, 4), "src\t");
  EXPECT_TRUE(learn.Entries(13, false).empty());
  // What it writes, KnownRepeats reads and applies.
  std::string file;
  for (const auto& e : glued) file += KnownRepeatLine(e) + "\n";
  Result<KnownRepeats> k = KnownRepeats::Parse(file, "learnt");
  ASSERT_TRUE(k.ok()) << k.status().message();
  std::string body = Article(40);
  EXPECT_EQ(k->Remove("src:40", &body), 1);
  EXPECT_EQ(body, "第40篇報導：經濟部今天公布第40季出口數據，較去年同期成長。\n官員表示，下季可望持續成長。");
}

// A sentence a series glues onto the end of every article but that speaks
// of the article's own subject (its words stand in the article) is the
// series' own text, not a notice: --glued leaves it out.
TEST(RepeatLearner, AGluedSentenceOnTheArticlesSubjectIsNoNotice) {
  RepeatLearner learn;
  const std::string signoff = "經濟部出口數據每季公布，本報持續追蹤出口數據。";
  for (int i = 0; i < 12; ++i)
    learn.Add("doc-" + std::to_string(i), "series:" + std::to_string(i),
              "經濟部今天公布第" + std::to_string(i) + "季出口數據，較去年同期成長。\xE3\x80\x80" + signoff);
  std::vector<RepeatLearner::Entry> all = learn.Entries(10, false);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].glued_at_end, 12u);
  EXPECT_EQ(all[0].foreign, 0u);
  EXPECT_TRUE(learn.Entries(10, /*glued_only=*/true).empty());
}

}  // namespace
}  // namespace newskb
