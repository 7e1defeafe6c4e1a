// Fuzz target: the read-only guard of `newskb query` (KnowledgeBase::Query
// on a file opened read-only). Whatever the SQL, the knowledge base file
// stays as it was and no file appears beside it (no ATTACH of a new file,
// no VACUUM INTO).
//
// Each query runs under the guard's own time limit (QueryLimits, 2 s), as
// `newskb query --timeout` does; statements that build huge blobs are
// skipped (memory, not the guard, is what they would test).
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <string>

#include "pipeline/kb/kb.h"
#include "tests/fuzz/fuzz_util.h"

namespace {

namespace fs = std::filesystem;

struct Fixture {
  std::string dir, db;
  std::string fingerprint;
};

std::string Fingerprint(const std::string& dir) {
  std::string f;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".sqlite-shm") {  // the WAL index: shared memory, not data
      f += "shm;";
      continue;
    }
    struct stat st {};
    ::stat(e.path().c_str(), &st);
    f += e.path().filename().string() + ":" + std::to_string(st.st_size) + ":" +
         std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec) + ";";
  }
  return f;
}

const Fixture& Kb() {
  static const Fixture fx = [] {
    Fixture f;
    f.dir = (newskb::fuzz::ScratchDir() / "kb").string();
    fs::create_directories(f.dir);
    f.db = f.dir + "/kb.sqlite";
    {
      auto kb = newskb::KnowledgeBase::OpenForWrite(f.db, nullptr);
      FUZZ_CHECK(kb.ok(), kb.status().message());
      FUZZ_CHECK(kb.value()->BeginRun("fuzz").ok(), "run");
      FUZZ_CHECK(kb.value()->BeginBatch().ok(), "batch");
      newskb::Document d;
      d.key = "d1";
      d.raw = d.body = "美國能源部宣布投入120億美元。";
      newskb::Mention m;
      m.kind = newskb::MentionKind::kOrganization;
      m.start = 0;
      m.end = 5;
      m.text = m.name = "美國能源部";
      m.rule = "fuzz";
      FUZZ_CHECK(kb.value()->AddDocument(d, {}, {m}).ok(), "document");
      FUZZ_CHECK(kb.value()->CommitBatch().ok(), "commit");
    }
    // Leave no WAL behind: every later change would show in the fingerprint.
    auto ro = newskb::KnowledgeBase::OpenReadOnly(f.db);
    FUZZ_CHECK(ro.ok(), ro.status().message());
    f.fingerprint = Fingerprint(f.dir);
    return f;
  }();
  return fx;
}

bool Unbounded(std::string sql) {
  std::transform(sql.begin(), sql.end(), sql.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* w : {"zeroblob", "randomblob"})
    if (sql.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& fx = Kb();
  if (size > 512) return 0;
  std::string sql(reinterpret_cast<const char*>(data), size);
  if (Unbounded(sql)) return 0;
  {
    auto kb = newskb::KnowledgeBase::OpenReadOnly(fx.db);
    FUZZ_CHECK(kb.ok(), kb.status().message());
    int64_t rows = 0;
    newskb::QueryLimits limits;
    limits.timeout_seconds = 2;
    (void)kb.value()->Query(sql, [](const std::vector<std::string>&) {}, [&](const newskb::Row&) { ++rows; },
                            limits);
  }
  std::string now = Fingerprint(fx.dir);
  FUZZ_CHECK(now == fx.fingerprint, "the knowledge base folder changed: " + now + " was " + fx.fingerprint);
  return 0;
}
