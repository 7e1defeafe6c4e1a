#include "pipeline/kb/kb.h"

#include <sqlite3.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "pipeline/kb/migrations.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

namespace fs = std::filesystem;

std::string TempDb(const char* name) {
  std::string p = (fs::temp_directory_path() / ("newskb_kb_" + std::to_string(::getpid()) + "_" + name + ".sqlite")).string();
  fs::remove(p);
  fs::remove(p + "-wal");
  fs::remove(p + "-shm");
  return p;
}

std::string Fold(std::string_view s) {  // stand-in fold for tests: ASCII lower case
  std::string o(s);
  for (char& c : o) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return o;
}

Document Doc(const std::string& key, const std::string& body) {
  Document d;
  d.key = key;
  d.raw = body;
  d.body = body;
  d.source = key + ".txt";
  d.published = "2026-02-18";
  return d;
}

Mention Org(uint32_t s, uint32_t e, const std::string& text, const std::string& name) {
  Mention m;
  m.kind = MentionKind::kOrganization;
  m.start = s;
  m.end = e;
  m.text = text;
  m.name = name;
  m.rule = "test.org";
  return m;
}

std::vector<std::vector<std::string>> Rows(KnowledgeBase* kb, const std::string& sql) {
  std::vector<std::vector<std::string>> out;
  Status s = kb->Query(sql, [](const std::vector<std::string>&) {}, [&](const Row& r) {
    out.emplace_back();
    for (auto& v : r) out.back().push_back(v.is_null() ? "NULL" : v.ToText());
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return out;
}

TEST(KnowledgeBase, StoresDocumentsWithViewsAndDedupes) {
  std::string path = TempDb("store");
  {
    auto kb = KnowledgeBase::OpenForWrite(path, Fold).value();
    ASSERT_TRUE(kb->BeginRun("test").ok());
    ASSERT_TRUE(kb->BeginBatch().ok());
    Document d = Doc("a", "DOE投資。美國DOE。");
    std::vector<Sentence> s = {{0, 6}, {6, 12}};
    std::vector<Mention> m = {Org(0, 3, "DOE", "美國能源部"), Org(8, 11, "DOE", "美國能源部")};
    EXPECT_EQ(kb->AddDocument(d, s, m).value(), AddOutcome::kStored);
    EXPECT_EQ(kb->AddDocument(d, s, m).value(), AddOutcome::kDuplicate);
    Result<AddOutcome> clash = kb->AddDocument(Doc("a", "other text"), {}, {});
    ASSERT_FALSE(clash.ok());
    EXPECT_NE(clash.status().message().find("duplicate id 'a' with different content"), std::string::npos);
    ASSERT_TRUE(kb->CommitBatch().ok());
    ASSERT_TRUE(kb->FinishRun().ok());
  }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  EXPECT_EQ(ro->schema_version(), Migrations().back().version);
  auto rows = Rows(ro.get(), "SELECT doc_key, text, name, sentence, start, \"end\" FROM v_organizations ORDER BY start");
  ASSERT_EQ(rows.size(), 2u);
  // Shown as the document writes it (DOE twice, 美國能源部 never); the
  // official name is v_entities.official.
  EXPECT_EQ(rows[0], (std::vector<std::string>{"a", "DOE", "DOE", "DOE投資。", "0", "3"}));
  EXPECT_EQ(Rows(ro.get(), "SELECT DISTINCT official FROM v_entities")[0][0], "美國能源部");
  EXPECT_EQ(rows[1][3], "美國DOE。");
  // invariant 1 in SQL
  auto bad = Rows(ro.get(), "SELECT count(*) FROM v_organizations o JOIN documents d USING(doc_key) "
                            "WHERE substr(d.text, o.start + 1, o.\"end\" - o.start) != o.text");
  EXPECT_EQ(bad[0][0], "0");
  auto ent = Rows(ro.get(), "SELECT count(*) FROM entities");
  EXPECT_EQ(ent[0][0], "1");
}

TEST(KnowledgeBase, QueryRefusesWrites) {
  std::string path = TempDb("ro");
  { auto kb = KnowledgeBase::OpenForWrite(path, Fold).value(); }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  Status s = ro->Query("DELETE FROM documents", [](auto&) {}, [](auto&) {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("read-only"), std::string::npos) << s.message();
  s = ro->Query("SELECT 1; DROP TABLE documents", [](auto&) {}, [](auto&) {});
  EXPECT_FALSE(s.ok());
}

TEST(KnowledgeBase, ContractViewsHaveTheContractColumns) {
  std::string path = TempDb("views");
  { auto kb = KnowledgeBase::OpenForWrite(path, Fold).value(); }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  std::map<std::string, std::vector<std::string>> want = {
      {"documents", {"doc_key", "title", "published", "source", "text"}},
      {"v_figures", {"doc_key", "text", "value", "low", "high", "unit", "qualifier", "sentence", "start", "end"}},
      {"v_dates", {"doc_key", "text", "value", "qualifier", "sentence", "start", "end"}},
      {"v_organizations", {"doc_key", "text", "name", "sentence", "start", "end"}},
      {"v_policies", {"doc_key", "text", "name", "kind", "sentence", "start", "end"}},
      {"v_places", {"doc_key", "text", "name", "sentence", "start", "end"}},
      {"v_commodities", {"doc_key", "text", "name", "sentence", "start", "end"}},
      {"v_facts", {"doc_key", "subject", "predicate", "object", "value", "low", "high", "unit", "qualifier",
                   "date", "figure_text", "sentence"}},
  };
  for (const auto& [view, cols] : want) {
    std::vector<std::string> got;
    Status s = ro->Query("SELECT * FROM " + view + " LIMIT 0",
                         [&](const std::vector<std::string>& h) { got = h; }, [](auto&) {});
    ASSERT_TRUE(s.ok()) << view << ": " << s.message();
    ASSERT_GE(got.size(), cols.size()) << view;
    got.resize(cols.size());
    EXPECT_EQ(got, cols) << view;
  }
}

TEST(KnowledgeBase, ReaderSeesOnlyCommittedBatches) {
  std::string path = TempDb("wal");
  auto kb = KnowledgeBase::OpenForWrite(path, Fold).value();
  ASSERT_TRUE(kb->BeginRun("test").ok());
  ASSERT_TRUE(kb->BeginBatch().ok());
  ASSERT_TRUE(kb->AddDocument(Doc("a", "一。"), {{0, 2}}, {}).ok());
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  EXPECT_EQ(Rows(ro.get(), "SELECT count(*) FROM documents")[0][0], "0");
  ASSERT_TRUE(kb->CommitBatch().ok());
  EXPECT_EQ(Rows(ro.get(), "SELECT count(*) FROM documents")[0][0], "1");
}

// What every run asks of the file is answered from an index, not by
// reading every row (bench/growth.sh: a row scan of documents reads the
// bodies too, the whole file): the display script's count of documents per
// script at the end of an ingest, and the look for entities without
// display names when a file is opened for writing. The statements are the
// ones pipeline/kb/kb.cc runs.
TEST(KnowledgeBase, RunQueriesOfEveryIngestUseIndexes) {
  std::string path = TempDb("plans");
  { auto kb = KnowledgeBase::OpenForWrite(path, Fold).value(); }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  auto plan = [&](const std::string& sql) {
    std::string out;
    for (const auto& row : Rows(ro.get(), "EXPLAIN QUERY PLAN " + sql)) out += row.back() + "\n";
    return out;
  };
  const std::string scripts =
      plan("SELECT script, count(*) FROM documents WHERE script IN ('hant','hans') GROUP BY script");
  EXPECT_NE(scripts.find("COVERING INDEX documents_by_script"), std::string::npos) << scripts;
  const std::string unnamed =
      plan("SELECT e.entity_id, coalesce((SELECT a.alias FROM aliases a WHERE a.entity_id = e.entity_id "
           "AND a.key = e.key), e.name) FROM entities e WHERE e.name_hant IS NULL OR e.name_hans IS NULL");
  EXPECT_NE(unnamed.find("entities_without_display_names"), std::string::npos) << unnamed;
  EXPECT_EQ(unnamed.find("SCAN e\n"), std::string::npos) << unnamed;
}

// A knowledge base written by schema version 1 (only schema/001_init.sql)
// is upgraded in place on open: its rows stay, user_version becomes the
// newest, the later migrations' indexes exist, and ingestion goes on.
TEST(KnowledgeBase, UpgradesAVersion1File) {
  const auto& migs = Migrations();
  ASSERT_GE(migs.size(), 2u) << "needs a migration after 001";
  ASSERT_EQ(migs.front().version, 1);
  std::string path = TempDb("v1");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql = std::string(migs.front().sql) +
                      "; INSERT INTO runs(run_id, pipeline_version, command, started_at)"
                      "  VALUES (1, '0.0.9', 'ingest', '2026-01-01T00:00:00Z');"
                      "INSERT INTO documents(doc_key, title, published, source, text, raw, content_hash, run_id)"
                      "  VALUES ('old', NULL, '2026-01-02', 'old.txt', '舊文。', '舊文。', 'h1', 1);"
                      "PRAGMA user_version = 1;";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_close(db);
  }
  {
    auto opened = KnowledgeBase::OpenForWrite(path, Fold);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    auto kb = std::move(opened).value();
    ASSERT_TRUE(kb->BeginRun("test").ok());
    ASSERT_TRUE(kb->BeginBatch().ok());
    ASSERT_TRUE(kb->AddDocument(Doc("new", "新文。"), {{0, 3}}, {}).ok());
    ASSERT_TRUE(kb->CommitBatch().ok());
  }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  EXPECT_EQ(Rows(ro.get(), "PRAGMA user_version")[0][0], std::to_string(migs.back().version));
  EXPECT_EQ(Rows(ro.get(), "SELECT group_concat(doc_key, ',') FROM (SELECT doc_key FROM documents ORDER BY doc_key)")[0][0],
            "new,old");
  EXPECT_EQ(Rows(ro.get(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name IN "
                           "('facts_by_subject', 'documents_by_published')")[0][0],
            "2");
  // The index serves the facts-by-subject lookup.
  auto plan = Rows(ro.get(), "EXPLAIN QUERY PLAN SELECT * FROM facts WHERE subject_id = 1");
  ASSERT_FALSE(plan.empty());
  EXPECT_NE(plan[0].back().find("facts_by_subject"), std::string::npos) << plan[0].back();
}

// A version 2 file (before linked facts) holding a fact is upgraded on its
// next open for writing: the fact stays, and v_facts gains its document,
// sentence number, entity ids and kinds and the date as a range, after the
// contract's columns.
TEST(KnowledgeBase, UpgradesAVersion2FileToLinkedFacts) {
  const auto& migs = Migrations();
  ASSERT_GE(migs.size(), 3u);
  std::string path = TempDb("v2");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql = std::string(migs[0].sql) + ";" + migs[1].sql +
                      "; INSERT INTO runs(run_id, pipeline_version, command, started_at)"
                      "  VALUES (1, '0.0.9', 'ingest', '2026-01-01T00:00:00Z');"
                      "INSERT INTO documents(doc_id, doc_key, title, published, source, text, raw, content_hash, run_id)"
                      "  VALUES (1, 'old', NULL, '2026-01-02', 'old.txt', '序。力拓2月投入5億元。', 'x', 'h1', 1);"
                      "INSERT INTO sentences VALUES (1, 0, 0, 2, '序。'), (1, 1, 2, 13, '力拓2月投入5億元。');"
                      "INSERT INTO entities VALUES (7, 'organization', '力拓', '力拓');"
                      "INSERT INTO mentions(mention_id, doc_id, kind, start, \"end\", text, sentence_idx, value, unit,"
                      "  date_value, entity_id, rule, run_id) VALUES"
                      "  (1, 1, 'organization', 2, 4, '力拓', 1, NULL, NULL, NULL, 7, 'gaz', 1),"
                      "  (2, 1, 'date', 4, 6, '2月', 1, NULL, NULL, '2026-02', NULL, 'date', 1),"
                      "  (3, 1, 'figure', 8, 12, '5億元', 1, 500000000, 'CNY', NULL, NULL, 'fig', 1);"
                      "INSERT INTO facts VALUES (1, 1, 7, 'invests', NULL, 3, 2, 'fact.invests.verb', 1);"
                      "PRAGMA user_version = 2;";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_close(db);
  }
  { ASSERT_TRUE(KnowledgeBase::OpenForWrite(path, Fold).ok()); }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  EXPECT_EQ(Rows(ro.get(), "PRAGMA user_version")[0][0], std::to_string(migs.back().version));
  auto rows = Rows(ro.get(),
                   "SELECT doc_key, subject, predicate, figure_text, sentence, doc_id, sentence_no, subject_id, "
                   "subject_kind, coalesce(object_id, '-'), coalesce(object_kind, '-'), date, date_start, date_end "
                   "FROM v_facts");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"old", "力拓", "invests", "5億元", "力拓2月投入5億元。", "1", "1", "7",
                                               "organization", "-", "-", "2026-02", "2026-02-01", "2026-02-28"}));
  // The contract's columns come first, in their order.
  auto cols = Rows(ro.get(), "SELECT group_concat(name, ',') FROM pragma_table_info('v_facts')");
  EXPECT_EQ(cols[0][0].rfind("doc_key,subject,predicate,object,value,low,high,unit,qualifier,date,figure_text,"
                             "sentence,", 0), 0u) << cols[0][0];
  // Every mention view has the sentence number.
  for (const char* v : {"v_figures", "v_dates", "v_organizations", "v_policies", "v_places", "v_commodities"})
    EXPECT_EQ(Rows(ro.get(), std::string("SELECT count(*) FROM pragma_table_info('") + v +
                                 "') WHERE name = 'sentence_no'")[0][0], "1") << v;
  EXPECT_EQ(Rows(ro.get(), "SELECT sentence_no FROM v_organizations")[0][0], "1");
}

// The real key fold (variant characters fold) with stand-in display names,
// so these tests need no OpenCC: hant is "T:" + name, hans "S:" + name.
WriteOptions RealFoldOptions() {
  static std::shared_ptr<const Normalizer> n = Normalizer::Create().value();
  WriteOptions o;
  o.fold = [](std::string_view s) { return n->FoldKey(s); };
  o.fold_id = n->FoldId();
  o.display = [](std::string_view s) { return EntityNames{"T:" + std::string(s), "S:" + std::string(s)}; };
  o.script_of = [](std::string_view text) -> std::string {
    return text.find("們") != std::string_view::npos ? "hant" : text.find("们") != std::string_view::npos ? "hans" : "";
  };
  return o;
}

// A version 2 file whose entity keys were folded without variant
// characters: 顯着公司 and 显著公司 are one company stored twice. Opening it
// for writing merges them (mentions, facts, aliases move to the older one),
// gives every entity both display names and every document its script.
TEST(KnowledgeBase, UpgradeMergesEntitiesSplitByVariantCharacters) {
  const auto& migs = Migrations();
  std::string path = TempDb("v2split");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql = std::string(migs[0].sql) + ";" + migs[1].sql +
                      "; INSERT INTO runs(run_id, pipeline_version, command, started_at)"
                      "  VALUES (1, '0.0.9', 'ingest', '2026-01-01T00:00:00Z');"
                      "INSERT INTO documents(doc_id, doc_key, text, raw, content_hash, run_id) VALUES"
                      "  (1, 't', '他們說顯着公司。', 'x', 'h1', 1), (2, 's', '他们说显著公司。', 'y', 'h2', 1);"
                      "INSERT INTO sentences VALUES (1, 0, 0, 8, '他們說顯着公司。'), (2, 0, 0, 8, '他们说显著公司。');"
                      "INSERT INTO entities(entity_id, kind, name, key) VALUES"
                      "  (1, 'organization', '顯着公司', '显着公司'), (2, 'organization', '显著公司', '显著公司'),"
                      "  (3, 'organization', '另一家', '另一家');"
                      "INSERT INTO aliases VALUES (1, '显着公司', '顯着公司'), (2, '显著公司', '显著公司'),"
                      "  (3, '另一家', '另一家');"
                      "INSERT INTO mentions(mention_id, doc_id, kind, start, \"end\", text, sentence_idx, entity_id, rule, run_id)"
                      "  VALUES (1, 1, 'organization', 3, 7, '顯着公司', 0, 1, 'r', 1),"
                      "         (2, 2, 'organization', 3, 7, '显著公司', 0, 2, 'r', 1),"
                      "         (3, 2, 'figure', 0, 1, '他', 0, NULL, 'r', 1);"
                      "INSERT INTO facts(doc_id, subject_id, predicate, object_id, figure_id, rule, run_id)"
                      "  VALUES (2, 2, 'other', 3, 3, 'r', 1);"
                      "PRAGMA user_version = 2;";
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_close(db);
  }
  {
    auto before = KnowledgeBase::OpenReadOnly(path).value();
    KbStats st = before->Stats(RealFoldOptions().fold).value();
    EXPECT_EQ(st.split_entities, 2);
    ASSERT_EQ(st.split_groups.size(), 1u);
    EXPECT_EQ(st.split_groups[0], (std::vector<std::string>{"顯着公司", "显著公司"}));
  }
  {
    auto opened = KnowledgeBase::OpenForWrite(path, RealFoldOptions());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
  }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  EXPECT_EQ(Rows(ro.get(), "SELECT group_concat(entity_id || ':' || name || ':' || name_hant || ':' || name_hans, ' ') "
                           "FROM (SELECT * FROM entities ORDER BY entity_id)")[0][0],
            "1:S:顯着公司:T:顯着公司:S:顯着公司 3:S:另一家:T:另一家:S:另一家");
  EXPECT_EQ(Rows(ro.get(), "SELECT group_concat(doc_key || '=' || name) FROM v_organizations")[0][0],
            "t=S:顯着公司,s=S:顯着公司");
  EXPECT_EQ(Rows(ro.get(), "SELECT subject || '|' || object FROM v_facts")[0][0], "S:顯着公司|S:另一家");
  // Both spellings now have one alias key, the one entity's.
  std::string key = RealFoldOptions().fold("显著公司");
  EXPECT_EQ(key, RealFoldOptions().fold("顯着公司"));
  EXPECT_EQ(Rows(ro.get(), "SELECT group_concat(entity_id) FROM aliases WHERE key = '" + key + "'")[0][0], "1");
  EXPECT_EQ(Rows(ro.get(), "SELECT group_concat(doc_key || '=' || script) FROM documents")[0][0], "t=hant,s=hans");
  KbStats st = ro->Stats(RealFoldOptions().fold).value();
  EXPECT_EQ(st.split_entities, 0);
  EXPECT_EQ(st.entities_without_display_names, 0);
  // A tie (one document each) keeps the default.
  EXPECT_EQ(st.display_script, "hans");
}

// The display script: the majority of documents' scripts unless the user
// chose one; kept in the file; every entity name follows it.
TEST(KnowledgeBase, DisplayScriptFollowsDocumentsOrTheUsersChoice) {
  std::string path = TempDb("script");
  auto names = [&]() {
    auto ro = KnowledgeBase::OpenReadOnly(path).value();
    return Rows(ro.get(), "SELECT group_concat(name, ',') FROM (SELECT name FROM v_organizations ORDER BY mention_id)")[0][0];
  };
  {
    auto kb = KnowledgeBase::OpenForWrite(path, RealFoldOptions()).value();
    ASSERT_TRUE(kb->BeginRun("test").ok());
    ASSERT_TRUE(kb->BeginBatch().ok());
    ASSERT_TRUE(kb->AddDocument(Doc("a", "他們A。"), {{0, 4}}, {Org(3, 4, "A", "A")}, {}, "hant").ok());
    ASSERT_TRUE(kb->AddDocument(Doc("b", "他們B。"), {{0, 4}}, {Org(3, 4, "B", "B")}, {}, "hant").ok());
    ASSERT_TRUE(kb->AddDocument(Doc("c", "他们C。"), {{0, 4}}, {Org(3, 4, "C", "C")}, {}, "hans").ok());
    ASSERT_TRUE(kb->CommitBatch().ok());
    EXPECT_EQ(kb->display_script(), "hans");  // a new file, until the documents are counted
    ASSERT_TRUE(kb->UpdateDisplayScript().ok());
    EXPECT_EQ(kb->display_script(), "hant");
  }
  EXPECT_EQ(names(), "T:A,T:B,T:C");
  {
    auto kb = KnowledgeBase::OpenForWrite(path, RealFoldOptions()).value();
    EXPECT_EQ(kb->display_script(), "hant");  // stored in the file
    ASSERT_TRUE(kb->SetDisplayScript("hans").ok());
    ASSERT_TRUE(kb->UpdateDisplayScript().ok());  // the user's choice stands
    EXPECT_FALSE(kb->SetDisplayScript("zh").ok());
  }
  EXPECT_EQ(names(), "S:A,S:B,S:C");
  {
    auto kb = KnowledgeBase::OpenForWrite(path, RealFoldOptions()).value();
    EXPECT_EQ(kb->display_script(), "hans");
    ASSERT_TRUE(kb->SetDisplayScript("auto").ok());
    EXPECT_EQ(kb->display_script(), "hant");
  }
  EXPECT_EQ(names(), "T:A,T:B,T:C");
}

// One thing in two regions' words: 意大利政府 in Taiwan's words (OpenCC
// s2twp: 義大利政府, not shown: its Traditional display name keeps the
// words) is how Taiwan writes it, so a later 義大利政府 joins it, and so
// does the reverse order.
TEST(KnowledgeBase, NamesInTheOtherRegionsWordsAreOneEntity) {
  WriteOptions o = RealFoldOptions();
  o.display = [](std::string_view s) {
    std::string n(s);
    if (n == "意大利政府") return EntityNames{"意大利政府", "意大利政府", "義大利政府"};
    if (n == "赞比亚政府") return EntityNames{"贊比亞政府", "赞比亚政府", "尚比亞政府"};
    if (n == "尚比亞政府") return EntityNames{"尚比亞政府", "尚比亚政府", "尚比亞政府"};
    return EntityNames{n, n, n};
  };
  std::string path = TempDb("regions");
  {
    auto kb = KnowledgeBase::OpenForWrite(path, o).value();
    ASSERT_TRUE(kb->BeginRun("test").ok());
    ASSERT_TRUE(kb->BeginBatch().ok());
    ASSERT_TRUE(kb->AddDocument(Doc("cn", "意大利政府。"), {{0, 6}}, {Org(0, 5, "意大利政府", "意大利政府")}).ok());
    ASSERT_TRUE(kb->AddDocument(Doc("tw", "義大利政府。"), {{0, 6}}, {Org(0, 5, "義大利政府", "義大利政府")}).ok());
    ASSERT_TRUE(kb->AddDocument(Doc("tw2", "尚比亞政府。"), {{0, 6}}, {Org(0, 5, "尚比亞政府", "尚比亞政府")}).ok());
    ASSERT_TRUE(kb->AddDocument(Doc("cn2", "赞比亚政府。"), {{0, 6}}, {Org(0, 5, "赞比亚政府", "赞比亚政府")}).ok());
    ASSERT_TRUE(kb->CommitBatch().ok());
  }
  auto ro = KnowledgeBase::OpenReadOnly(path).value();
  EXPECT_EQ(Rows(ro.get(), "SELECT group_concat(doc_key || '=' || entity_id) FROM v_organizations")[0][0],
            "cn=1,tw=1,tw2=2,cn2=2");
  KbStats st = ro->Stats().value();
  EXPECT_EQ(st.split_by_display_name, 0);
}

TEST(KnowledgeBase, RefusesANewerSchema) {
  std::string path = TempDb("newer");
  { auto kb = KnowledgeBase::OpenForWrite(path, Fold).value(); }
  {
    auto kb = KnowledgeBase::OpenReadOnly(path).value();
  }
  // bump user_version behind newskb's back
  std::string cmd = "sqlite3 '" + path + "' 'PRAGMA user_version=99' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) GTEST_SKIP() << "sqlite3 shell not installed";
  auto kb = KnowledgeBase::OpenForWrite(path, Fold);
  ASSERT_FALSE(kb.ok());
  EXPECT_NE(kb.status().message().find("newer than this newskb"), std::string::npos);
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// An ingest's workers ask a read-only connection whether a document is stored
// before extracting it; only committed documents count, and the answer follows
// later commits (no stale read snapshot is kept between lookups).
TEST(KnowledgeBase, HasContentSeesCommittedDocumentsOnly) {
  std::string path = TempDb("has_content");
  auto w = KnowledgeBase::OpenForWrite(path, Fold);
  ASSERT_TRUE(w.ok()) << w.status().message();
  ASSERT_TRUE(w.value()->BeginRun("test").ok());
  auto r = KnowledgeBase::OpenReadOnly(path);
  ASSERT_TRUE(r.ok()) << r.status().message();
  Document a = Doc("a", "美國能源部宣布投資。"), b = Doc("b", "另一篇文章。");
  auto known = [&](const Document& d) {
    Result<bool> k = r.value()->HasContent(ContentHash(d.raw));
    EXPECT_TRUE(k.ok()) << k.status().message();
    return k.ok() && k.value();
  };
  EXPECT_FALSE(known(a));
  ASSERT_TRUE(w.value()->BeginBatch().ok());
  ASSERT_TRUE(w.value()->AddDocument(a, {{0, 10}}, {}).ok());
  EXPECT_FALSE(known(a)) << "an uncommitted document is not yet stored";
  ASSERT_TRUE(w.value()->CommitBatch().ok());
  EXPECT_TRUE(known(a));
  EXPECT_FALSE(known(b));
  ASSERT_TRUE(w.value()->BeginBatch().ok());
  ASSERT_TRUE(w.value()->AddDocument(b, {{0, 6}}, {}).ok());
  ASSERT_TRUE(w.value()->CommitBatch().ok());
  EXPECT_TRUE(known(b)) << "a later commit is seen by the same reader";
}

// Found by tests/fuzz/query_guard_fuzzer: SQL with a NUL byte made Query
// loop for ever (SQLite stops reading at the NUL and the statement list
// never advanced).
TEST(KnowledgeBase, QueryWithANulByteIsRefusedNotLooped) {
  std::string path = TempDb("nul_sql");
  { auto kb = KnowledgeBase::OpenForWrite(path, Fold); ASSERT_TRUE(kb.ok()); }
  auto kb = KnowledgeBase::OpenReadOnly(path);
  ASSERT_TRUE(kb.ok());
  Status s = kb.value()->Query(std::string("\n\0\0SELECT 1", 11), [](const std::vector<std::string>&) {},
                               [](const Row&) {});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "the SQL text contains a NUL byte");
  EXPECT_EQ(Rows(kb.value().get(), "SELECT 1; -- a comment at the end\n  ").size(), 1u);
}

}  // namespace
}  // namespace newskb

namespace newskb {
namespace {

// Stand-in display names for the shown-name tests (the real ones are
// OpenCC's: script_test.cc).
WriteOptions ShownNameOptions() {
  WriteOptions o = RealFoldOptions();
  o.display = [](std::string_view s) {
    static const std::map<std::string, std::pair<std::string, std::string>> kNames = {
        {"台灣積體電路製造", {"台灣積體電路製造", "台湾积体电路制造"}},
        {"台積電", {"台積電", "台积电"}},
        {"台灣中油", {"台灣中油", "台湾中油"}},
        {"中油", {"中油", "中油"}},
        {"中國石油天然氣", {"中國石油天然氣", "中国石油天然气"}}};
    auto it = kNames.find(std::string(s));
    return it == kNames.end() ? EntityNames{std::string(s), std::string(s)}
                              : EntityNames{it->second.first, it->second.second};
  };
  return o;
}

std::string Name(KnowledgeBase* kb, const std::string& alias) {
  auto r = Rows(kb, "SELECT DISTINCT name || ' / ' || official FROM v_entities WHERE alias_key = fold('" + alias + "')");
  return r.size() == 1 ? r[0][0] : "(" + std::to_string(r.size()) + " entities)";
}

}  // namespace

// An entity is shown in the form its documents write most often (counted
// over its mentions, per folded form, in the display script), recomputed
// at every commit; the official name stays an alias and is v_entities.official;
// a form that names two entities is never shown; re-extraction takes the
// old mentions out of the counts.
TEST(KnowledgeBase, EntitiesAreShownAsTheirDocumentsWriteThem) {
  std::string path = TempDb("shown");
  const std::string tsmc = "台灣積體電路製造";
  auto kb = KnowledgeBase::OpenForWrite(path, ShownNameOptions()).value();
  ASSERT_TRUE(kb->SetDisplayScript("hant").ok());
  ASSERT_TRUE(kb->BeginRun("test").ok());
  ASSERT_TRUE(kb->BeginBatch().ok());
  // 台灣積體電路製造 once, 台積電 twice: the short form is shown.
  ASSERT_TRUE(kb->AddDocument(Doc("a", "台灣積體電路製造，台積電，台積電。"), {{0, 17}},
                              {Org(0, 8, tsmc, tsmc), Org(9, 12, "台積電", tsmc), Org(13, 16, "台積電", tsmc)})
                  .ok());
  // 中油 for 台灣中油 (three times) is shown while it names nothing else.
  ASSERT_TRUE(kb->AddDocument(Doc("b", "中油中油中油。"), {{0, 7}},
                              {Org(0, 2, "中油", "台灣中油"), Org(2, 4, "中油", "台灣中油"), Org(4, 6, "中油", "台灣中油")})
                  .ok());
  ASSERT_TRUE(kb->CommitBatch().ok());
  EXPECT_EQ(Name(kb.get(), "台积电"), "台積電 / 台灣積體電路製造");
  EXPECT_EQ(Name(kb.get(), tsmc), "台積電 / 台灣積體電路製造");  // the official name is an alias
  EXPECT_EQ(Rows(kb.get(), "SELECT group_concat(DISTINCT name) FROM v_organizations WHERE doc_key = 'a'")[0][0], "台積電");
  EXPECT_EQ(Name(kb.get(), "台湾中油"), "中油 / 台灣中油");
  // A Simplified article writes 台湾积体电路制造 twice: a tie of 2 and 2
  // (台積電 and 台积电 are one form), broken by the official name.
  ASSERT_TRUE(kb->BeginBatch().ok());
  ASSERT_TRUE(kb->AddDocument(Doc("c", "台湾积体电路制造，台湾积体电路制造。"), {{0, 18}},
                              {Org(0, 8, "台湾积体电路制造", tsmc), Org(9, 17, "台湾积体电路制造", tsmc)})
                  .ok());
  // 中油 now names 中國石油天然氣 too: ambiguous, never shown.
  ASSERT_TRUE(kb->AddDocument(Doc("d", "中油。"), {{0, 3}}, {Org(0, 2, "中油", "中國石油天然氣")}).ok());
  ASSERT_TRUE(kb->CommitBatch().ok());
  EXPECT_EQ(Name(kb.get(), tsmc), "台灣積體電路製造 / 台灣積體電路製造");
  EXPECT_EQ(Name(kb.get(), "台湾中油"), "台灣中油 / 台灣中油");
  EXPECT_EQ(Name(kb.get(), "中國石油天然氣"), "中國石油天然氣 / 中國石油天然氣");
  // Two more 台积电 (Simplified) make the short form the most frequent again
  // (4 to 3), shown in the display script; in Simplified when the script changes.
  ASSERT_TRUE(kb->BeginBatch().ok());
  ASSERT_TRUE(kb->AddDocument(Doc("e", "台积电台积电。"), {{0, 7}},
                              {Org(0, 3, "台积电", tsmc), Org(3, 6, "台积电", tsmc)})
                  .ok());
  ASSERT_TRUE(kb->CommitBatch().ok());
  EXPECT_EQ(Name(kb.get(), tsmc), "台積電 / 台灣積體電路製造");
  ASSERT_TRUE(kb->SetDisplayScript("hans").ok());
  EXPECT_EQ(Name(kb.get(), tsmc), "台积电 / 台湾积体电路制造");
  EXPECT_EQ(Rows(kb.get(), "SELECT DISTINCT subject FROM v_facts").size(), 0u);
  // Re-extracting a with the official name only: 台積電 4 -> 2, official stays 3.
  StoredDocument a = kb->FindDocument("a").value();
  ASSERT_TRUE(kb->ReplaceExtraction(a.doc_id, a.doc, {{0, 17}}, {Org(0, 8, tsmc, tsmc)}, {}).ok());
  EXPECT_EQ(Name(kb.get(), tsmc), "台湾积体电路制造 / 台湾积体电路制造");
  KbStats st = kb->Stats().value();
  EXPECT_EQ(st.shown_by_usage, 0);
  kb.reset();
  // Opening again recounts nothing and keeps the names.
  auto again = KnowledgeBase::OpenForWrite(path, ShownNameOptions()).value();
  EXPECT_EQ(Name(again.get(), "台积电"), "台湾积体电路制造 / 台湾积体电路制造");
  EXPECT_EQ(Rows(again.get(), "SELECT sum(n) FROM entity_forms")[0][0], "9");
  // --names official: the official names, kept in the file; usage again: the shown ones.
  ASSERT_TRUE(again->SetNameChoice("official").ok());
  ASSERT_TRUE(again->BeginRun("test").ok());
  ASSERT_TRUE(again->BeginBatch().ok());
  ASSERT_EQ(again->AddDocument(Doc("f", "台积电，台积电。"), {{0, 8}},
                               {Org(0, 3, "台积电", tsmc), Org(4, 7, "台积电", tsmc)})
                .value(),
            AddOutcome::kStored);
  ASSERT_TRUE(again->CommitBatch().ok());
  EXPECT_EQ(Name(again.get(), tsmc), "台湾积体电路制造 / 台湾积体电路制造");  // 4 to 3, but official
  ASSERT_TRUE(again->SetNameChoice("usage").ok());
  EXPECT_EQ(Name(again.get(), tsmc), "台积电 / 台湾积体电路制造");
  EXPECT_EQ(again->name_choice(), "usage");
  EXPECT_FALSE(again->SetNameChoice("short").ok());
}

}  // namespace newskb
