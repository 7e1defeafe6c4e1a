// Tests for pipeline/body/repeats: text a source repeats across its
// articles leaves the body once the source has repeated it often enough.

#include "pipeline/body/repeats.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newskb
