// Fault injection as SQLite tests itself: the fault VFS (tests/support)
// makes the Nth I/O call (open, write, truncate, sync) of a small ingest
// fail, for every N the ingest makes. After each run the file must be a
// valid database holding whole documents only, the summary must count only
// what is stored, the message must name the failure, and a re-run without
// faults must give what a clean ingest gives.
#include <sqlite3.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "pipeline/cli/ingest.h"
#include "tests/support/fault_vfs.h"

namespace newskb {
namespace {

namespace fs = std::filesystem;
using testing::FaultVfs;

// Seed-like sentences (figures, dates, organizations, policies).
const char* kSentences[] = {
    "美國能源部2月18日宣布，向石墨廠提供3.5億美元貸款。",
    "寧德時代發布年報，全年淨利潤增長15%，營收4000億元。",
    "澳洲政府宣布設立12億澳元的關鍵礦產戰略儲備。",
    "日本豐田通商投資約1,200億日圓建設稀土精煉廠。",
    "歐盟委員會提出《關鍵原材料法案》，目標2030年本土加工40%。",
    "中國商務部對鎵、鍺出口實施管制，自8月1日起生效。",
};

struct IngestRun {
  int status = -1;
  std::string err;
};

const PipelineContext& Pipeline() {
  static std::shared_ptr<const PipelineContext> ctx = [] {
    Result<std::shared_ptr<const PipelineContext>> r = LoadPipeline(DefaultRulesDir());
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r.value() : nullptr;
  }();
  return *ctx;
}

IngestRun Ingest(const std::string& db, const std::string& input, int batch) {
  IngestOptions o;
  o.db = db;
  o.batch = batch;
  o.jobs = 1;
  o.command = "fault injection test";
  ::testing::internal::CaptureStderr();
  IngestRun r;
  r.status = RunIngest(Pipeline(), {input}, o);
  r.err = ::testing::internal::GetCapturedStderr();
  return r;
}

// What the file holds, one line per document with its rows, plus the
// integrity check; "" when there is no database file at all.
struct Snapshot {
  std::string integrity;
  std::vector<std::string> docs;  // "key|sentences|mentions|facts"
  std::string content;            // every row a reader sees, in order
};

std::vector<std::string> Column(sqlite3* db, const char* sql) {
  std::vector<std::string> out;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK) {
    out.push_back(std::string("error: ") + sqlite3_errmsg(db));
    return out;
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
  }
  sqlite3_finalize(st);
  return out;
}

Snapshot Take(const std::string& path) {
  Snapshot s;
  FaultVfs::Disarm();
  if (!fs::exists(path)) return s;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  std::vector<std::string> ic = Column(db, "PRAGMA integrity_check");
  s.integrity = ic.empty() ? "" : ic[0];
  std::vector<std::string> tables = Column(db, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'");
  if (!tables.empty() && tables[0] == "1") {
    s.docs = Column(db,
                    "SELECT doc_key || '|' || (SELECT count(*) FROM sentences x WHERE x.doc_id = d.doc_id) || '|' || "
                    "(SELECT count(*) FROM mentions x WHERE x.doc_id = d.doc_id) || '|' || "
                    "(SELECT count(*) FROM facts x WHERE x.doc_id = d.doc_id) FROM documents d ORDER BY doc_key");
    for (const char* sql :
         {"SELECT doc_key || text || ifnull(published, '') FROM documents ORDER BY doc_key",
          "SELECT doc_key || text || start || ifnull(value, '') || ifnull(name, '') FROM v_organizations "
          "ORDER BY doc_key, start",
          "SELECT doc_key || text || start || ifnull(value, '') || ifnull(unit, '') FROM v_figures ORDER BY doc_key, start",
          "SELECT doc_key || ifnull(subject, '') || predicate || ifnull(object, '') || figure_text FROM v_facts "
          "ORDER BY 1",
          "SELECT kind || name FROM entities ORDER BY 1", "SELECT key || alias FROM aliases ORDER BY 1",
          "SELECT count(*) FROM rejects"})
      for (const std::string& row : Column(db, sql)) s.content += row + "\n";
  }
  sqlite3_close(db);
  return s;
}

class FaultInjection : public ::testing::Test {
 protected:
  void SetUp() override {
    FaultVfs::Install();
    dir_ = fs::temp_directory_path() / ("newskb_fault_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    input_ = (dir_ / "in.jsonl").string();
    std::ofstream out(input_);
    for (int i = 0; i < 5; ++i) {  // five documents; the last one a reject
      out << "{\"id\":\"d" << i << "\",\"date\":\"2026-02-1" << i << "\",\"text\":\"";
      for (int j = 0; j < 3; ++j) out << kSentences[(i + j) % 6];
      out << "\"}\n";
    }
    out << "{\"id\":\"bad\"}\n";
  }
  void TearDown() override {
    FaultVfs::Disarm();
    fs::remove_all(dir_);
  }
  std::string FreshDb(const std::string& name) {
    std::string p = (dir_ / name).string();
    for (const char* ext : {"", "-wal", "-shm", "-journal"}) fs::remove(p + ext);
    return p;
  }

  // Walks N over every I/O call of the ingest; checks each outcome.
  void Walk(int rc, bool persistent, const char* name) {
    std::string clean_db = FreshDb("clean.sqlite");
    FaultVfs::Disarm();
    IngestRun clean = Ingest(clean_db, input_, 2);
    int64_t calls = FaultVfs::Calls();
    ASSERT_EQ(clean.status, 1) << clean.err;  // the one reject
    Snapshot want = Take(clean_db);
    ASSERT_EQ(want.integrity, "ok");
    ASSERT_EQ(want.docs.size(), 5u);
    ASSERT_GT(calls, 10);
    int failed_runs = 0;
    for (int64_t n = 1; n <= calls; ++n) {
      SCOPED_TRACE(std::string(name) + ": I/O call " + std::to_string(n) + " of " + std::to_string(calls));
      std::string db = FreshDb("walk.sqlite");
      FaultVfs::Arm(n, rc, persistent);
      IngestRun r = Ingest(db, input_, 2);
      bool hit = FaultVfs::Failed() > 0;
      FaultVfs::Disarm();
      Snapshot got = Take(db);
      // A valid file (or none, when the fault stopped its creation).
      if (!got.integrity.empty()) EXPECT_EQ(got.integrity, "ok");
      // Whole documents only: each stored document has all its rows.
      for (const std::string& d : got.docs) {
        EXPECT_NE(std::find(want.docs.begin(), want.docs.end(), d), want.docs.end()) << "partial document " << d;
      }
      if (r.status == 2) {
        ++failed_runs;
        EXPECT_TRUE(hit);
        // The message names the failure.
        EXPECT_TRUE(std::regex_search(r.err, std::regex("newskb ingest: .*(disk is full|disk I/O error|unable to open)")))
            << r.err;
        // The summary counts what is stored, nothing of a rolled-back batch.
        std::smatch m;
        if (std::regex_search(r.err, m, std::regex("([0-9]+) ingested")))
          EXPECT_EQ(std::stoul(m[1]), got.docs.size()) << r.err;
      } else {
        EXPECT_EQ(r.status, 1) << r.err;
        EXPECT_EQ(got.docs, want.docs) << r.err;
      }
      // A re-run without faults gives what a clean ingest gives.
      IngestRun again = Ingest(db, input_, 2);
      EXPECT_NE(again.status, 2) << again.err;
      Snapshot after = Take(db);
      EXPECT_EQ(after.integrity, "ok");
      EXPECT_EQ(after.docs, want.docs);
      // Rejects are recorded per run; the rest must be equal.
      auto strip = [](std::string s) { return s.substr(0, s.rfind('\n', s.size() - 2)); };
      EXPECT_EQ(strip(after.content), strip(want.content));
      if (HasFailure()) break;  // one point's report is enough
    }
    std::printf("[ fault    ] %s: %lld I/O calls walked, %d runs stopped with a clear error\n", name,
                static_cast<long long>(calls), failed_runs);
    EXPECT_GT(failed_runs, 0);
  }

  fs::path dir_;
  std::string input_;
};

TEST_F(FaultInjection, DiskFullAtEveryIoCall) { Walk(SQLITE_FULL, true, "disk full (persistent)"); }

TEST_F(FaultInjection, OneFailingWriteOrSyncAtEveryIoCall) { Walk(SQLITE_IOERR, false, "I/O error (once)"); }

}  // namespace
}  // namespace newskb
