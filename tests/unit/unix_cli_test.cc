// The command line as a Unix tool: Ctrl-C during `ingest` and resuming;
// dates in other forms; the publisher as documents.source.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <string>
#include <thread>

#include "tests/unit/cli_helpers.h"

namespace {

namespace fs = std::filesystem;
using newskb_test::Dump;
using newskb_test::Shell;

std::string JsonEscape(const std::string& s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\', o += c;
    else if (c == '\n') o += "\\n";
    else if (c == '\r') o += "\\r";
    else if (c == '\t') o += "\\t";
    else o += c;
  }
  return o;
}

class UnixCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newskb_interrupt_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Our corpus/ samples, `copies` times each, every copy its own article
  // (a numbered closing line), as one JSON Lines file. Each copy is its own
  // source (site): the body's repeated-text stage learns per source over
  // one run, and must not see the same article five times from one site.
  std::string Corpus(int copies) {
    std::vector<std::string> texts;
    for (const auto& e : fs::directory_iterator(fs::path(NEWSKB_SOURCE_DIR) / "corpus")) {
      if (e.path().extension() != ".txt") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::string t((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      if (t.rfind(" date ", 0) == 0 || t.rfind("date ", 0) == 0) t.erase(0, t.find_first_of(" \n", 6) + 1);
      texts.push_back(t);
    }
    std::sort(texts.begin(), texts.end());
    std::string path = (dir_ / "many.jsonl").string();
    std::ofstream out(path, std::ios::binary);
    for (int c = 0; c < copies; ++c)
      for (size_t i = 0; i < texts.size(); ++i)
        out << "{\"id\":\"d" << c << "_" << i << "\",\"date\":\"2026-03-01\",\"source\":\"https://copy" << c
            << ".example/" << i << "\",\"text\":\""
            << JsonEscape(texts[i] + "\n（第" + std::to_string(c) + "份）") << "\"}\n";
    return path;
  }

  fs::path dir_;
};

TEST_F(UnixCliTest, CtrlCFinishesTheBatchAndAResumedRunEqualsOneCleanIngest) {
  std::string input = Corpus(12);  // 384 articles
  std::string clean = (dir_ / "clean.sqlite").string(), db = (dir_ / "kb.sqlite").string();
  std::string log = (dir_ / "ingest.log").string();

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    execl(NEWSKB_BINARY, "newskb", "ingest", "--db", db.c_str(), "--jobs", "2", "--batch", "10",
          input.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  // Interrupt as soon as the first batches are readable (WAL: readers see
  // committed batches while the ingest goes on).
  int stored = 0;
  for (int i = 0; i < 600 && stored < 20; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (!fs::exists(db)) continue;
    std::string n = Shell("'" NEWSKB_BINARY "' query --db '" + db + "' --format csv 'SELECT count(*) FROM documents'");
    size_t nl = n.find('\n');
    if (nl != std::string::npos) stored = std::atoi(n.c_str() + nl + 1);
  }
  ASSERT_GE(stored, 20) << "the ingest stored nothing in 12 s";
  kill(pid, SIGINT);
  int st = 0;
  waitpid(pid, &st, 0);
  std::ifstream lf(log);
  std::string out((std::istreambuf_iterator<char>(lf)), std::istreambuf_iterator<char>());
  ASSERT_TRUE(WIFEXITED(st)) << out;
  EXPECT_EQ(WEXITSTATUS(st), 130) << out;
  EXPECT_NE(out.find("interrupted: "), std::string::npos) << out;
  EXPECT_NE(out.find(" stored; run again to resume"), std::string::npos) << out;

  // The run is recorded as interrupted, with what it stored; stats says so.
  std::string stats = Shell("'" NEWSKB_BINARY "' stats --db '" + db + "'");
  EXPECT_NE(stats.find("interrupted, "), std::string::npos) << stats;
  EXPECT_NE(stats.find("run the same command again to resume"), std::string::npos) << stats;
  std::string partial = Shell("'" NEWSKB_BINARY "' query --db '" + db +
                            "' --format csv 'SELECT count(*) FROM documents'");
  int n_partial = std::atoi(partial.c_str() + partial.find('\n') + 1);
  EXPECT_LT(n_partial, 384) << "the interrupt came after the whole input";
  EXPECT_NE(out.find("interrupted: " + std::to_string(n_partial) + " stored"), std::string::npos) << out;

  // Resume: the same command stores the rest; the result equals one clean run.
  int rc = 0;
  std::string resumed = Shell("'" NEWSKB_BINARY "' ingest --db '" + db + "' --jobs 2 '" + input + "'", &rc);
  EXPECT_EQ(rc, 0) << resumed;
  EXPECT_NE(resumed.find(std::to_string(384 - n_partial) + " ingested, " + std::to_string(n_partial) + " duplicates"),
            std::string::npos) << resumed;
  Shell("'" NEWSKB_BINARY "' ingest --db '" + clean + "' --jobs 2 '" + input + "'", &rc);
  EXPECT_EQ(rc, 0);
  std::string a = Dump(db), b = Dump(clean);
  EXPECT_GT(a.size(), 50000u);
  EXPECT_TRUE(a == b) << "resumed and clean knowledge bases differ";
  EXPECT_NE(Shell("'" NEWSKB_BINARY "' stats --db '" + db + "'").find("finished, " + std::to_string(384 - n_partial) +
                                                                    " stored"),
            std::string::npos);
}

TEST_F(UnixCliTest, DatesInOtherFormsAreReadAndAnUnreadableOneOnlyWarns) {
  std::string input = (dir_ / "dates.jsonl").string();
  std::ofstream(input, std::ios::binary)
      << "{\"id\":\"slash\",\"date\":\"2026/03/01\",\"text\":\"寧德時代投資10億元。\"}\n"
      << "{\"id\":\"han\",\"date\":\"2026年3月1日 10:30\",\"text\":\"比亞迪1月銷量30萬輛。\",\"publisher\":\"新華社\"}\n"
      << "{\"id\":\"rfc\",\"date\":\"Sun, 01 Mar 2026 10:00:00 +0800\",\"text\":\"美國能源部投入4億美元。\","
         "\"url\":\"https://money.udn.com/money/story/1\"}\n"
      << "{\"id\":\"iso\",\"date\":\"2026-03-01T23:30:00+08:00\",\"text\":\"央行下調利率0.1個百分點。\"}\n"
      << "{\"id\":\"us\",\"date\":\"03/01/2026\",\"text\":\"稀土價格上漲5%。\",\"source\":\"經濟日報\"}\n";
  std::string db = (dir_ / "d.sqlite").string();
  int rc = -1;
  std::string out = Shell("'" NEWSKB_BINARY "' ingest --db '" + db + "' '" + input + "'", &rc);
  EXPECT_EQ(rc, 0) << out;  // every article went in
  EXPECT_NE(out.find("5 ingested, 0 duplicates, 0 rejected, 1 warnings"), std::string::npos) << out;
  EXPECT_NE(out.find("newskb: warning " + input + ":5 (us): field 'date' is \"03/01/2026\", not a date"),
            std::string::npos) << out;
  EXPECT_EQ(Shell("'" NEWSKB_BINARY "' query --db '" + db +
                  "' --format csv \"SELECT doc_key, published, source FROM documents ORDER BY doc_id\""),
            "doc_key,published,source\n"
            "slash,2026-03-01," + input + ":1\n"
            "han,2026-03-01,新華社\n"
            "rfc,2026-03-01,money.udn.com\n"
            "iso,2026-03-01," + input + ":4\n"
            "us,,經濟日報\n");
  EXPECT_EQ(Shell("'" NEWSKB_BINARY "' query --db '" + db +
                  "' --format csv \"SELECT line, doc_key, severity FROM rejects\""),
            "line,doc_key,severity\n5,us,warning\n");
  std::string stats = Shell("'" NEWSKB_BINARY "' stats --db '" + db + "'");
  EXPECT_NE(stats.find("rejects          0\nwarnings         1"), std::string::npos) << stats;
}

}  // namespace
