// `newskb query`, `stats` and `search` as a user runs them: formats, the
// safety of the read-only door (time limit, Ctrl-C, refused functions),
// flat memory, and search across scripts.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct CmdRun {
  int status = -1;        // exit status, -1 if killed by a signal
  std::string out, err;
  long max_rss_kb = -1;   // the run's own peak RSS (VmHWM), if asked for and readable; else -1
  double seconds = 0;
};

// The peak RSS ("VmHWM") in /proc/PID/status, in KB, or -1.
long ReadVmHwmKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// Waits for the traced child `pid` (PTRACE_TRACEME before its exec) to end
// and reads its peak RSS at its exit stop, when its memory still exists.
// Not wait4's ru_maxrss: Linux folds the memory the child was forked with
// (this test process's, grown by every earlier test in it) into that peak
// at exec. Signals sent to the child are passed on. Returns the exit
// status as waitpid gives it; *peak_kb stays -1 if the child was not traced.
int WaitTraced(pid_t pid, long* peak_kb) {
  int st = 0;
  for (;;) {
    if (waitpid(pid, &st, 0) < 0) return st;
    if (!WIFSTOPPED(st)) return st;
    int sig = WSTOPSIG(st);
    if (st >> 8 == (SIGTRAP | (PTRACE_EVENT_EXIT << 8))) {
      *peak_kb = ReadVmHwmKb(pid);
      sig = 0;
    } else if (sig == SIGTRAP) {  // stopped after its exec: ask to stop once more, at its exit
      ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void*>(PTRACE_O_TRACEEXIT | PTRACE_O_EXITKILL));
      sig = 0;
    }
    ptrace(PTRACE_CONT, pid, nullptr, reinterpret_cast<void*>(static_cast<long>(sig)));
  }
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs newskb with `args` (no shell), stdin from `in`; if `interrupt_after`
// > 0, sends SIGINT after that many seconds.
CmdRun Newskb(const fs::path& dir, const std::vector<std::string>& args, const std::string& in = "",
           double interrupt_after = 0, bool measure_peak = false) {
  fs::path fin = dir / "stdin", fout = dir / "stdout", ferr = dir / "stderr";
  std::ofstream(fin, std::ios::binary) << in;
  auto t0 = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    freopen(fin.c_str(), "r", stdin);
    freopen(fout.c_str(), "w", stdout);
    freopen(ferr.c_str(), "w", stderr);
    if (measure_peak) ptrace(PTRACE_TRACEME, 0, nullptr, nullptr);
    std::vector<char*> av;
    std::string bin = NEWSKB_BINARY;
    av.push_back(bin.data());
    std::vector<std::string> copy = args;
    for (auto& a : copy) av.push_back(a.data());
    av.push_back(nullptr);
    execv(bin.c_str(), av.data());
    _exit(127);
  }
  if (interrupt_after > 0) {
    std::this_thread::sleep_for(std::chrono::duration<double>(interrupt_after));
    kill(pid, SIGINT);
    t0 = std::chrono::steady_clock::now();  // time from the signal
  }
  CmdRun r;
  int st = WaitTraced(pid, &r.max_rss_kb);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  r.out = ReadAll(fout);
  r.err = ReadAll(ferr);
  return r;
}

class QueryCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newskb_query_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "kb.sqlite").string();
    // One Traditional and one Simplified article (written for this test).
    std::ofstream(dir_ / "in.jsonl")
        << R"({"id":"trad","title":"稀土與鋰","date":"2026-02-18","text":"美國能源部宣布，向稀土開發商投資4億美元，碳酸鋰擴產計劃同步展開。"})" "\n"
        << R"({"id":"simp","title":"锂价","date":"2026-03-05","text":"中国稀土集团表示，碳酸锂扩产将于明年完成，锂价预计回落。"})" "\n";
    CmdRun r = Newskb(dir_, {"ingest", "--db", db_, (dir_ / "in.jsonl").string()});
    ASSERT_EQ(r.status, 0) << r.err;
  }
  void TearDown() override { fs::remove_all(dir_); }
  CmdRun Q(std::vector<std::string> args, const std::string& in = "", double interrupt_after = 0,
           bool measure_peak = false) {
    args.insert(args.begin(), {"query", "--db", db_});
    return Newskb(dir_, args, in, interrupt_after, measure_peak);
  }
  CmdRun Search(std::vector<std::string> args) {
    args.insert(args.begin(), {"search", "--db", db_, "--format", "csv"});
    return Newskb(dir_, args);
  }
  fs::path dir_;
  std::string db_;
};

const char kForever[] = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

TEST_F(QueryCli, JsonKeepsSqliteTypes) {
  CmdRun r = Q({"--format", "jsonl", "SELECT '2026' AS t, 2026 AS i, .5 AS r, 5.0 AS f, x'00ff' AS b, NULL AS n"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "{\"t\":\"2026\",\"i\":2026,\"r\":0.5,\"f\":5.0,\"b\":\"00ff\",\"n\":null}\n");
}

TEST_F(QueryCli, ReadsSqlFromAFileAndFromStdin) {
  std::ofstream(dir_ / "q.sql") << "-- a comment\nSELECT doc_key FROM documents\nORDER BY doc_key;\n";
  CmdRun f = Q({"--format", "csv", "--file", (dir_ / "q.sql").string()});
  EXPECT_EQ(f.status, 0) << f.err;
  EXPECT_EQ(f.out, "doc_key\nsimp\ntrad\n");
  CmdRun s = Q({"--format", "csv", "-"}, "SELECT count(*) AS n FROM documents");
  EXPECT_EQ(s.status, 0) << s.err;
  EXPECT_EQ(s.out, "n\n2\n");
  CmdRun both = Q({"--file", (dir_ / "q.sql").string(), "SELECT 1"});
  EXPECT_EQ(both.status, 2);
  CmdRun missing = Q({"--file", (dir_ / "nope.sql").string()});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("nope.sql: cannot read"), std::string::npos) << missing.err;
}

TEST_F(QueryCli, ExcelCsvHasByteOrderMarkAndCrlf) {
  CmdRun r = Q({"--excel", "SELECT 'a,b' AS x, '\"q\"' AS y"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "\xEF\xBB\xBFx,y\r\n\"a,b\",\"\"\"q\"\"\"\r\n");
}

TEST_F(QueryCli, TableStreamsInFlatMemory) {
  // A million rows in the default table format: the rows are never all
  // held (they were: ~220 bytes a row).
  // The peak is the query process's own (read at its exit), so it does not
  // depend on what ran before in this test process.
  CmdRun r = Q({"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
             "SELECT x, 'row number ' || x AS label FROM c"}, "", 0, true);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("(1000000 rows)"), std::string::npos);
  EXPECT_NE(r.out.find("\n1000000  row number 1000000\n"), std::string::npos);
  if (r.max_rss_kb < 0) GTEST_SKIP() << "cannot read the query's peak RSS here (ptrace or /proc not available)";
  EXPECT_GT(r.max_rss_kb, 1024) << "peak RSS " << r.max_rss_kb << " KB";
  EXPECT_LT(r.max_rss_kb, 80 * 1024) << "peak RSS " << r.max_rss_kb << " KB";
}

TEST_F(QueryCli, TableAlignsLaterRowsWithAtLeastTheFirstWidths) {
  CmdRun r = Q({"SELECT 'a' AS k, 1 AS v UNION ALL SELECT '稀土', 22"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "k     v\n----  --\na     1\n稀土  22\n(2 rows)\n");
}

TEST_F(QueryCli, TimeoutStopsALongQueryWithAMessage) {
  CmdRun r = Q({"--timeout", "0.5", kForever});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("stopped: the query ran longer than its time limit of 0.5 s (--timeout 0.5)"),
            std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 10);
  EXPECT_EQ(Q({"--timeout", "soon", "SELECT 1"}).status, 2);
}

TEST_F(QueryCli, CtrlCEndsAQueryAtOnce) {
  CmdRun r = Q({kForever}, "", 1.0);
  EXPECT_EQ(r.status, 130) << r.err;
  EXPECT_NE(r.err.find("newskb query: interrupted"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 2.0);
}

TEST_F(QueryCli, RefusesFunctionsThatLeakOrReachOutside) {
  for (const char* sql : {"SELECT fts3_tokenizer('simple')", "SELECT load_extension('/tmp/x')",
                          "ATTACH 'other.sqlite' AS o",
                          "SELECT 1; SELECT hex(fts3_tokenizer('porter'))"}) {
    CmdRun r = Q({sql});
    EXPECT_EQ(r.status, 2) << sql;
    EXPECT_NE(r.err.find("refused"), std::string::npos) << sql << ": " << r.err;
    EXPECT_EQ(r.out.find("0x"), std::string::npos) << r.out;
  }
  CmdRun w = Q({"DELETE FROM documents"});
  EXPECT_EQ(w.status, 2);
  EXPECT_NE(w.err.find("read-only"), std::string::npos);
}

TEST_F(QueryCli, FoldIsSqlAndMatchesAliasKeys) {
  CmdRun r = Q({"--format", "csv", "SELECT fold('美國 能源部') AS k, count(*) AS n FROM v_entities "
                                "WHERE alias_key = fold('美國能源部')"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, 20), "k,n\n美国能源部,");
  EXPECT_EQ(r.out.find(",0\n"), std::string::npos) << r.out;
}

TEST_F(QueryCli, StatsInEveryFormat) {
  CmdRun j = Newskb(dir_, {"stats", "--db", db_, "--format", "json"});
  ASSERT_EQ(j.status, 0) << j.err;
  EXPECT_NE(j.out.find("\"documents\":2,"), std::string::npos) << j.out;
  EXPECT_NE(j.out.find("\"search_index_bytes\":"), std::string::npos) << j.out;
  EXPECT_EQ(j.out.find("\"search_index_bytes\":0,"), std::string::npos) << j.out;
  CmdRun c = Newskb(dir_, {"stats", "--db", db_, "--format", "csv"});
  EXPECT_EQ(c.out.substr(0, 13), "metric,value\n");
  EXPECT_NE(c.out.find("\ndocuments,2\n"), std::string::npos) << c.out;
  CmdRun l = Newskb(dir_, {"stats", "--db", db_, "--format", "jsonl"});
  EXPECT_NE(l.out.find("{\"metric\":\"documents\",\"value\":2}\n"), std::string::npos) << l.out;
  EXPECT_EQ(Newskb(dir_, {"stats", "--db", db_, "--format", "xml"}).status, 2);
}

// Keys of a search's csv output, in order.
std::vector<std::string> Keys(const CmdRun& r) {
  std::vector<std::string> keys;
  size_t p = r.out.find('\n');
  while (p != std::string::npos && p + 1 < r.out.size()) {
    size_t e = r.out.find(',', p + 1);
    keys.push_back(r.out.substr(p + 1, e - p - 1));
    p = r.out.find('\n', p + 1);
  }
  return keys;
}

TEST_F(QueryCli, SearchFindsEitherScriptWithShortTerms) {
  using V = std::vector<std::string>;
  // Traditional query -> Simplified text and the reverse; two characters; one.
  EXPECT_EQ(Keys(Search({"鋰價"})), V{"simp"});
  EXPECT_EQ(Keys(Search({"能源部"})), V{"trad"});
  EXPECT_EQ(Keys(Search({"美国能源部"})), V{"trad"});
  CmdRun both = Search({"碳酸鋰", "擴產"});
  EXPECT_EQ(both.status, 0);
  EXPECT_EQ(Keys(both).size(), 2u) << both.out;
  EXPECT_EQ(Keys(Search({"稀土"})).size(), 2u);
  EXPECT_EQ(Keys(Search({"鋰"})).size(), 2u);
  EXPECT_EQ(Keys(Search({"稀土", "NOT", "锂价"})), V{"trad"});
  // Characters apart do not make a term.
  CmdRun none = Search({"稀碳"});
  EXPECT_EQ(none.status, 1);
  EXPECT_TRUE(Keys(none).empty());
}

TEST_F(QueryCli, SearchMarksTheTermInTheSnippet) {
  CmdRun r = Newskb(dir_, {"search", "--db", db_, "--format", "jsonl", "鋰價"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"doc_key\":\"simp\",\"published\":\"2026-03-05\",\"title\":\"锂价\""), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("«锂价»预计回落"), std::string::npos) << r.out;
}

TEST_F(QueryCli, SearchFiltersByDateAndEntity) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Keys(Search({"稀土", "--since", "2026-03"})), V{"simp"});
  EXPECT_EQ(Keys(Search({"稀土", "--until", "2026-02"})), V{"trad"});
  EXPECT_EQ(Keys(Search({"稀土", "--since", "2026-02-18", "--until", "2026-02-18"})), V{"trad"});
  EXPECT_EQ(Keys(Search({"稀土", "--entity", "美国能源部"})), V{"trad"});
  EXPECT_EQ(Search({"稀土", "--since", "March"}).status, 2);
}

}  // namespace
