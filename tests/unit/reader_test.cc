#include "pipeline/io/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace newskb {
namespace {

namespace fs = std::filesystem;

struct Collect : DocumentSink {
  std::vector<Document> docs;
  std::vector<Reject> rejects;
  std::vector<std::string> skipped;
  void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject&& r) override { rejects.push_back(std::move(r)); }
  void OnSkippedFile(const std::string& p) override { skipped.push_back(p); }
};

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newskb_reader_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  Collect Read(std::vector<std::string> inputs, ReadOptions o = {}) {
    Collect c;
    (void)ReadInputs(inputs, o, &c);
    return c;
  }
  fs::path dir_;
};

TEST_F(ReaderTest, TextFileWithDateLine) {
  Collect c = Read({Write("002_abc.txt", " date 2026-02-18 面對中國的優勢。\n第二段。")});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].key, "002_abc");
  EXPECT_EQ(c.docs[0].published, "2026-02-18");
  EXPECT_EQ(c.docs[0].raw, "面對中國的優勢。\n第二段。");
}

TEST_F(ReaderTest, TextFileWithoutDateKeepsFirstLine) {
  Collect c = Read({Write("a.txt", "標題\n內文。")});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].published, "");
  EXPECT_EQ(c.docs[0].raw, "標題\n內文。");
}

TEST_F(ReaderTest, JsonLinesRecordsAndErrorsNameTheLine) {
  std::string p = Write("batch.jsonl",
                        "{\"id\":\"a\",\"title\":\"T\",\"date\":\"2026-02-18\",\"source\":\"s\",\"text\":\"一。\"}\n"
                        "{\"id\":\"b\",\"text\":\n"
                        "{\"id\":\"c\"}\n"
                        "{\"id\":\"d\",\"text\":42}\n"
                        "{\"id\":\"e\",\"text\":\"x\",\"text\":\"y\"}\n"
                        "\n"
                        "{\"id\":\"f\",\"date\":null,\"text\":\"二。\",\"url\":\"http://x\"}\n"
                        "{\"id\":\"g\",\"date\":\"yesterday\",\"text\":\"三。\"}\n"
                        "[1,2]\n");
  Collect c = Read({p});
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].key, "a");
  EXPECT_EQ(c.docs[0].title, "T");
  EXPECT_EQ(c.docs[0].published, "2026-02-18");
  EXPECT_EQ(c.docs[0].source, "s");
  EXPECT_EQ(c.docs[1].key, "f");
  EXPECT_EQ(c.docs[1].published, "");
  EXPECT_EQ(c.docs[1].source, "x");  // the host of `url`
  // A date newskb cannot read: the article goes in, undated, with a warning.
  EXPECT_EQ(c.docs[2].key, "g");
  EXPECT_EQ(c.docs[2].published, "");
  ASSERT_EQ(c.docs[2].warnings.size(), 1u);
  EXPECT_NE(c.docs[2].warnings[0].find("field 'date' is \"yesterday\", not a date"), std::string::npos)
      << c.docs[2].warnings[0];
  ASSERT_EQ(c.rejects.size(), 5u);
  EXPECT_EQ(c.rejects[0].line, 2);
  EXPECT_NE(c.rejects[0].reason.find("malformed JSON"), std::string::npos) << c.rejects[0].reason;
  EXPECT_EQ(c.rejects[1].line, 3);
  EXPECT_EQ(c.rejects[1].reason, "missing field 'text'");
  EXPECT_EQ(c.rejects[2].reason, "field 'text' is a number, expected a string");
  EXPECT_EQ(c.rejects[3].reason, "duplicate key 'text' in one record");
  EXPECT_EQ(c.rejects[4].line, 9);
  EXPECT_EQ(c.rejects[4].reason, "malformed JSON: the line is not a JSON object (it begins with '[')");
}

TEST_F(ReaderTest, SourceIsThePublisherOrSiteTheRecordNames) {
  std::string p = Write("sites.jsonl",
                        "{\"id\":\"a\",\"text\":\"一。\",\"url\":\"https://udn.com:443/news/1?x=1\",\"site_name\":\"聯合新聞網\"}\n"
                        "{\"id\":\"b\",\"text\":\"二。\",\"link\":\"https://www.rfi.fr/cn/x\"}\n"
                        "{\"id\":\"c\",\"text\":\"三。\",\"publisher\":\" 中央社 \",\"source\":\"CNA\"}\n"
                        "{\"id\":\"d\",\"text\":\"四。\"}\n");
  Collect c = Read({p});
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].source, "聯合新聞網");   // a named site beats the URL's host
  EXPECT_EQ(c.docs[1].source, "www.rfi.fr");
  EXPECT_EQ(c.docs[2].source, "CNA");          // `source` itself comes first
  EXPECT_EQ(c.docs[3].source, p + ":4");       // none named: where it was read
}

// The sink asks to stop (an interrupted ingest): no record after that is read.
TEST_F(ReaderTest, StopsWhenTheSinkSaysSo) {
  struct StopAfterTwo : DocumentSink {
    std::vector<Document> docs;
    void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject&&) override {}
    bool Stopped() const override { return docs.size() >= 2; }
  } sink;
  std::string p = Write("four.jsonl", "{\"text\":\"一。\"}\n{\"text\":\"二。\"}\n{\"text\":\"三。\"}\n");
  (void)ReadInputs({p, Write("more.txt", "四。")}, ReadOptions{}, &sink);
  EXPECT_EQ(sink.docs.size(), 2u);
}

TEST_F(ReaderTest, BadFilesAreRejectedWithReasons) {
  Write("in/bad_utf8.txt", std::string("abc\xFF\xFE", 5));
  Write("in/nul.txt", std::string("ab\0cd", 5));
  Write("in/empty.txt", "");
  Write("in/blank.txt", " \n\n");
  Write("in/ok.txt", "好。");
  Write("in/notes.md", "# not an article");
  Write("in/x.expected.jsonl", "{}");
  Write("in/samples.questions.jsonl", "{\"id\": \"q1\"}");
  Collect c = Read({(dir_ / "in").string(), (dir_ / "missing.txt").string()});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].key, "ok");
  ASSERT_EQ(c.rejects.size(), 5u);
  std::string all;
  for (auto& r : c.rejects) all += r.source + ": " + r.reason + "\n";
  EXPECT_NE(all.find("bad_utf8.txt: invalid UTF-8 at byte 3"), std::string::npos) << all;
  EXPECT_NE(all.find("nul.txt: contains a NUL byte at byte 2"), std::string::npos) << all;
  EXPECT_NE(all.find("empty.txt: empty document"), std::string::npos) << all;
  EXPECT_NE(all.find("blank.txt: empty document"), std::string::npos) << all;
  EXPECT_NE(all.find("missing.txt: no such file or folder"), std::string::npos) << all;
  ASSERT_EQ(c.skipped.size(), 1u);
}

TEST_F(ReaderTest, HugeDocumentIsRejectedNotRead) {
  std::string big(3 << 20, 'a');
  ReadOptions o;
  o.max_doc_bytes = 1 << 20;
  Collect c = Read({Write("big.txt", big), Write("big.jsonl", "{\"text\":\"" + big + "\"}\n")}, o);
  EXPECT_EQ(c.docs.size(), 0u);
  ASSERT_EQ(c.rejects.size(), 2u);
  EXPECT_NE(c.rejects[0].reason.find("3.0 MiB, over the 1.0 MiB limit"), std::string::npos) << c.rejects[0].reason;
  EXPECT_EQ(c.rejects[1].line, 1);
}

TEST(ReaderDates, ParsesCrawlerDateForms) {
  std::string iso;
  EXPECT_TRUE(ParseIsoDate("2026-02-18", &iso)); EXPECT_EQ(iso, "2026-02-18");
  EXPECT_TRUE(ParseIsoDate("2026/2/8", &iso)); EXPECT_EQ(iso, "2026-02-08");
  EXPECT_TRUE(ParseIsoDate("2026-02-18T10:00:00Z", &iso)); EXPECT_EQ(iso, "2026-02-18");
  EXPECT_TRUE(ParseIsoDate("2026-02", &iso)); EXPECT_EQ(iso, "2026-02");
  EXPECT_FALSE(ParseIsoDate("2026-13-01", &iso));
  EXPECT_FALSE(ParseIsoDate("Feb 18", &iso));
  // The other forms crawlers write.
  const std::pair<const char*, const char*> kForms[] = {
      {"2026/03/01", "2026-03-01"},
      {"2026.3.1", "2026-03-01"},
      {"20260301", "2026-03-01"},
      {"2026年3月1日", "2026-03-01"},
      {"2026 年 3 月 1 日 10:30", "2026-03-01"},
      {"2026年03月01日星期日", "2026-03-01"},
      {"2026年3月", "2026-03"},
      {"Sun, 01 Mar 2026 10:00:00 +0800", "2026-03-01"},
      {"1 Mar 2026", "2026-03-01"},
      {"2026-03-01T23:30:00+08:00", "2026-03-01"},
      {"2026-03-01 23:30", "2026-03-01"},
      {" 2026-03-01 ", "2026-03-01"},
      {"2024-02-29", "2024-02-29"},
  };
  for (const auto& [in, want] : kForms) {
    iso.clear();
    EXPECT_TRUE(ParseIsoDate(in, &iso)) << in;
    EXPECT_EQ(iso, want) << in;
  }
  // Ambiguous, impossible or not dates at all.
  for (const char* bad : {"03/01/2026", "01.03.2026", "2026-02-30", "2025-02-29", "2026年13月1日",
                          "Sun, 01 Foo 2026", "2026-03-01x", "2026年3月1", "yesterday", ""})
    EXPECT_FALSE(ParseIsoDate(bad, &iso)) << bad;
  std::string d;
  EXPECT_EQ(DatePrefixLength(" date 2026-01-06 我的頻道", &d), 17u);
  EXPECT_EQ(d, "2026-01-06");
  EXPECT_EQ(DatePrefixLength("dates are hard", &d), 0u);
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// Issue 16.1: a symbolic link loop in a folder used to throw out of the
// folder walk (the whole ingest aborted). It is a reject naming the link;
// the walk goes on.
TEST_F(ReaderTest, SymlinkLoopInAFolderIsRejectedAndTheWalkGoesOn) {
  Write("in/a.txt", "甲。");
  Write("in/z/b.txt", "乙。");
  fs::create_symlink(dir_ / "in" / "loop2.txt", dir_ / "in" / "loop1.txt");
  fs::create_symlink(dir_ / "in" / "loop1.txt", dir_ / "in" / "loop2.txt");
  fs::create_directory_symlink(dir_ / "in", dir_ / "in" / "z" / "up");  // a folder cycle: not followed
  fs::create_symlink(dir_ / "in" / "gone.txt", dir_ / "in" / "dangling.txt");
  Collect c = Read({(dir_ / "in").string()});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].key, "a");
  EXPECT_EQ(c.docs[1].key, "b");
  std::string all;
  for (auto& r : c.rejects) all += r.source + ": " + r.reason + "\n";
  EXPECT_NE(all.find("loop1.txt: cannot read: Too many levels of symbolic links"), std::string::npos) << all;
  EXPECT_NE(all.find("loop2.txt: cannot read: Too many levels of symbolic links"), std::string::npos) << all;
  EXPECT_NE(all.find("dangling.txt: cannot read: No such file or directory"), std::string::npos) << all;
  EXPECT_EQ(c.rejects.size(), 3u) << all;
  EXPECT_EQ(TotalInputBytes({(dir_ / "in").string()}), 2 * std::string("甲。").size());
}

// Issue 16.7: a byte-order mark before the first record used to make it
// malformed JSON.
TEST_F(ReaderTest, ByteOrderMarkBeforeTheFirstJsonLinesRecord) {
  Collect c = Read({Write("bom.jsonl", "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"一。\"}\r\n{\"id\":\"b\",\"text\":\"二。\"}\r\n")});
  ASSERT_EQ(c.rejects.size(), 0u) << c.rejects[0].reason;
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].key, "a");
  EXPECT_EQ(c.docs[0].raw, "一。");
}

// Issue 16.7: an empty JSON Lines file used to pass without a word.
TEST_F(ReaderTest, EmptyJsonLinesFileIsReported) {
  Collect c = Read({Write("empty.jsonl", ""), Write("blank.jsonl", "\n  \n\r\n"), Write("bom_only.jsonl", "\xEF\xBB\xBF")});
  EXPECT_EQ(c.docs.size(), 0u);
  ASSERT_EQ(c.rejects.size(), 3u);
  EXPECT_EQ(c.rejects[0].reason, "empty file: no JSON Lines records");
  EXPECT_EQ(c.rejects[0].line, 0);
  EXPECT_EQ(c.rejects[1].reason, "no JSON Lines records (only blank lines)");
  EXPECT_EQ(c.rejects[2].reason, "no JSON Lines records (only blank lines)");
}

// Issue 16.5: a record over the limit is skipped to its end while streaming;
// the records after it are read, and the reader never holds the long line.
TEST_F(ReaderTest, OversizedRecordIsSkippedAndTheNextOnesRead) {
  ReadOptions o;
  o.max_doc_bytes = 1 << 20;
  std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(5 << 20, 'a') + "\"}\n";
  Collect c = Read({Write("mixed.jsonl", "{\"id\":\"a\",\"text\":\"一。\"}\n" + big + "{\"id\":\"c\",\"text\":\"三。\"}")}, o);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].key, "c");
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].line, 2);
  EXPECT_NE(c.rejects[0].reason.find("record is 5.0 MiB, over the 1.0 MiB limit"), std::string::npos)
      << c.rejects[0].reason;
}

// A string value over 1 MiB is cut out before simdjson parses the record
// and unescaped by the reader: it must read exactly as a short one does
// (every escape, a surrogate pair), and a bad escape in it is still refused.
// Issue 16: a line that is not a JSON object (a 31 MiB array of numbers, 31
// Mi of '[') was parsed by simdjson first (~216 MB): it cannot be an article,
// so it is refused from its first non-space byte, naming the line.
TEST_F(ReaderTest, LinesThatAreNotObjectsAreRefusedUnparsed) {
  std::string path = Write("notobj.jsonl",
                           std::string(100000, '[') + "\n"
                           "  [1,2,3]\n"
                           "42\n"
                           "\"text\"\n"
                           "\t{\"id\":\"ok\",\"text\":\"稀土。\"}\n"
                           "\x01{}\n"
                           "{\"id\":\"bad\",\"text\":[1]}\n");
  Collect c = Read({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].key, "ok");
  ASSERT_EQ(c.rejects.size(), 6u);
  const char* want[] = {"'['", "'['", "'4'", "'\"'"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(c.rejects[i].line, i + 1);
    EXPECT_EQ(c.rejects[i].reason,
              std::string("malformed JSON: the line is not a JSON object (it begins with ") + want[i] + ")");
  }
  EXPECT_EQ(c.rejects[4].line, 6);
  EXPECT_EQ(c.rejects[4].reason, "malformed JSON: the line is not a JSON object (it begins with byte 0x01)");
  // An object with a field of the wrong type is still parsed and named.
  EXPECT_EQ(c.rejects[5].reason, "field 'text' is an array, expected a string");
}

TEST_F(ReaderTest, LongStringValuesReadAsShortOnes) {
  std::string unit = "\\u4e2d\\\"\\\\\\/\\n\\t\\ud83d\\ude00a\u6587,";  // JSON-escaped
  std::string want_unit = "\u4e2d\"\\/\n\t\U0001F600a\u6587,";
  std::string json, want;
  while (json.size() <= (size_t{1} << 20)) { json += unit; want += want_unit; }
  std::string path = Write("long.jsonl",
      "{\"id\":\"a\",\"title\":\"t\\u00e9\",\"text\":\"" + json + "\",\"url\":\"https://x.cn/1\"}\n"
      "{\"id\":\"b\",\"text\":\"" + json + "\\x\"}\n"
      "{\"id\":\"c\",\"text\":\"" + json + "\\ud800\"}\n"
      "{\"id\":\"d\",\"text\":\"" + json + "\",\"text\":\"x\"}\n");
  Collect c = Read({path});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, want);
  EXPECT_EQ(c.docs[0].title, "t\u00e9");
  EXPECT_EQ(c.docs[0].source, "x.cn");
  ASSERT_EQ(c.rejects.size(), 3u);
  EXPECT_EQ(c.rejects[0].line, 2);
  EXPECT_NE(c.rejects[0].reason.find("field 'text'"), std::string::npos) << c.rejects[0].reason;
  EXPECT_EQ(c.rejects[1].line, 3);
  EXPECT_NE(c.rejects[1].reason.find("field 'text'"), std::string::npos) << c.rejects[1].reason;
  EXPECT_EQ(c.rejects[2].reason, "duplicate key 'text' in one record");
}

}  // namespace
}  // namespace newskb
