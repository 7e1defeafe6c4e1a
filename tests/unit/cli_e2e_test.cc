// End-to-end: the `newskb` binary as a user runs it.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/unit/cli_helpers.h"

#include "pipeline/script/script.h"

namespace {

namespace fs = std::filesystem;

using newskb_test::CmdResult;
using newskb_test::Sh;

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newskb_cli_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = (dir_ / "kb.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Bin() const { return NEWSKB_BINARY; }
  CmdResult Newskb(const std::string& args) { return Sh("'" + Bin() + "' " + args); }
  std::string Query(const std::string& sql) {
    CmdResult r = Newskb("query --db '" + db_ + "' --format csv \"" + sql + "\"");
    EXPECT_EQ(r.status, 0) << r.out;
    return r.out;
  }
  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  fs::path dir_;
  std::string db_;
};

const char* kViews[] = {"v_figures", "v_dates", "v_organizations", "v_policies", "v_places", "v_commodities"};

std::string OffsetViolations() {
  std::string sql = "SELECT ";
  for (size_t i = 0; i < 6; ++i) {
    sql += std::string(i ? " + " : "") + "(SELECT count(*) FROM " + kViews[i] +
           " m JOIN documents d USING(doc_key) WHERE substr(d.text, m.start + 1, m.\\\"end\\\" - m.start) != m.text)";
  }
  return sql + " AS bad";
}

TEST_F(CliTest, IngestsTheSeedsOnceAndKeepsOffsets) {
  fs::path seeds = fs::path(NEWSKB_SHARED_DIR) / "corpus" / "seeds";
  if (!fs::exists(seeds)) GTEST_SKIP() << "no ../shared/corpus/seeds";
  CmdResult r = Newskb("ingest --db '" + db_ + "' '" + seeds.string() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("5 ingested, 0 duplicates, 0 rejected"), std::string::npos) << r.out;
  EXPECT_EQ(Query("SELECT count(*) AS n FROM documents"), "n\n5\n");
  EXPECT_EQ(Query(OffsetViolations()), "bad\n0\n");
  std::string before = Query("SELECT (SELECT count(*) FROM mentions) || '/' || (SELECT count(*) FROM sentences) || '/' || (SELECT count(*) FROM entities) AS c");
  CmdResult again = Newskb("ingest --db '" + db_ + "' '" + seeds.string() + "'");
  ASSERT_EQ(again.status, 0) << again.out;
  EXPECT_NE(again.out.find("0 ingested, 5 duplicates, 0 rejected"), std::string::npos) << again.out;
  EXPECT_EQ(Query("SELECT count(*) AS n FROM documents"), "n\n5\n");
  EXPECT_EQ(Query("SELECT (SELECT count(*) FROM mentions) || '/' || (SELECT count(*) FROM sentences) || '/' || (SELECT count(*) FROM entities) AS c"), before);
  EXPECT_EQ(Query("SELECT published FROM documents WHERE doc_key = '002_215eccd96ff670eb'"), "published\n2026-02-18\n");
}

TEST_F(CliTest, IngestsTheRepositoryCorpus) {
  fs::path corpus = fs::path(NEWSKB_SOURCE_DIR) / "corpus";
  CmdResult r = Newskb("ingest --db '" + db_ + "' '" + corpus.string() + "'");
  ASSERT_EQ(r.status, 0) << r.out;
  std::string n = Query("SELECT count(*) > 0 AS any FROM documents");
  EXPECT_EQ(n, "any\n1\n");
  EXPECT_EQ(Query(OffsetViolations()), "bad\n0\n");
  EXPECT_EQ(Query("SELECT count(*) AS n FROM mentions WHERE rule IS NULL OR rule = ''"), "n\n0\n");
}

TEST_F(CliTest, BadInputsAreRejectedAndTheRestGoesIn) {
  Write("in/good.txt", " date 2026-02-18 美國能源部宣布投入120億美元。\n第二句。");
  Write("in/bad_utf8.txt", std::string("壞\xFF\xFE", 5));
  Write("in/nul.txt", std::string("ab\0cd", 5));
  Write("in/empty.txt", "");
  Write("in/batch.jsonl",
        "{\"id\":\"j1\",\"date\":\"2026-01-02\",\"text\":\"澳洲宣布設立12億澳元的儲備。\"}\n"
        "{not json}\n"
        "{\"id\":\"j3\"}\n"
        "{\"id\":\"j4\",\"text\":7}\n"
        "{\"id\":\"j1\",\"text\":\"同一個id，不同的內容。\"}\n");
  CmdResult r = Newskb("ingest --db '" + db_ + "' '" + (dir_ / "in").string() + "'");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("bad_utf8.txt"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("invalid UTF-8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("NUL byte"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("empty document"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("batch.jsonl:2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("missing field 'text'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("field 'text' is a number"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("duplicate id 'j1' with different content"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 ingested, 0 duplicates, 7 rejected"), std::string::npos) << r.out;
  EXPECT_EQ(Query("SELECT doc_key FROM documents ORDER BY doc_key"), "doc_key\ngood\nj1\n");
  EXPECT_EQ(Query("SELECT source LIKE '%batch.jsonl' AS f, line FROM rejects WHERE line > 0 ORDER BY line"),
            "f,line\n1,2\n1,3\n1,4\n1,5\n");
}

// A record whose text is only a notice (a comment-board rule, a
// subscription appeal, a copyright line) has no article: rejected with the
// reason, the rest goes in.
TEST_F(CliTest, RecordOfOnlyBoilerplateIsRejected) {
  Write("in/batch.jsonl",
        "{\"id\":\"n1\",\"text\":\"違反上述規定者，某某電子報有權刪除留言，或者直接封鎖帳號！請使用者在發言前，務必先閱讀留言板規則，謝謝配合。\"}\n"
        "{\"id\":\"n2\",\"text\":\"請加入成為本報的月費訂戶，長期支持我們的工作。\\n月費訂戶 網址：example.com/subscribe\"}\n"
        "{\"id\":\"n3\",\"text\":\"版權所有 © 2024 某某網\"}\n"
        "{\"id\":\"a1\",\"text\":\"經濟部今天宣布投入100億元補助綠能產業。\\n請加入成為本報的月費訂戶，長期支持我們的工作。\"}\n");
  CmdResult r = Newskb("ingest --db '" + db_ + "' '" + (dir_ / "in").string() + "'");
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("(n1): no article body found (only boilerplate"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 ingested, 0 duplicates, 3 rejected"), std::string::npos) << r.out;
  EXPECT_EQ(Query("SELECT doc_key, text FROM documents"), "doc_key,text\na1,經濟部今天宣布投入100億元補助綠能產業。\n");
}

// A transcript page that carried no transcript: only the link to the
// original (Markdown, as a crawler wrote it), an update stamp, or a field
// the crawler printed as "undefined". No article: rejected; a record with
// a transcript keeps it without the link line.
TEST_F(CliTest, RecordOfOnlyASourceLinkIsRejected) {
  Write("in/batch.jsonl",
        "{\"id\":\"v1\",\"text\":\"[查看原文](https://tv.example.com/2024/01/01/VIDE1.shtml)\"}\n"
        "{\"id\":\"v2\",\"text\":\"[查看原文](https://tv.example.com/2024/01/02/VIDE2.shtml)\\n\\n(更新时间戳: 1669985900159)\"}\n"
        "{\"id\":\"v3\",\"text\":\"undefined\\n\\n[查看原文](https://tv.example.com/2024/01/03/VIDE3.shtml)\"}\n"
        "{\"id\":\"t1\",\"text\":\"<p>国务院常务会议今天召开，部署稳就业工作。</p>\\n\\n[查看原文](https://tv.example.com/2024/01/04/VIDE4.shtml)\"}\n");
  CmdResult r = Newskb("ingest --db '" + db_ + "' '" + (dir_ / "in").string() + "'");
  EXPECT_EQ(r.status, 1) << r.out;
  for (const char* id : {"(v1)", "(v2)", "(v3)"})
    EXPECT_NE(r.out.find(std::string(id) + ": no article body found"), std::string::npos) << id << r.out;
  EXPECT_NE(r.out.find("1 ingested, 0 duplicates, 3 rejected"), std::string::npos) << r.out;
  EXPECT_EQ(Query("SELECT doc_key, text FROM documents"), "doc_key,text\nt1,国务院常务会议今天召开，部署稳就业工作。\n");
}

TEST_F(CliTest, StdinJsonLines) {
  CmdResult r = Sh("printf '{\"id\":\"s1\",\"text\":\"稀土。\"}\\n' | '" + Bin() + "' ingest --db '" + db_ + "' -");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(Query("SELECT doc_key, text FROM documents"), "doc_key,text\ns1,稀土。\n");
}

TEST_F(CliTest, QueryRefusesWritesAndFormats) {
  Write("a.txt", "鋰電池。");
  ASSERT_EQ(Newskb("ingest --db '" + db_ + "' '" + (dir_ / "a.txt").string() + "'").status, 0);
  CmdResult w = Newskb("query --db '" + db_ + "' \"DELETE FROM documents\"");
  EXPECT_EQ(w.status, 2);
  EXPECT_NE(w.out.find("read-only"), std::string::npos) << w.out;
  EXPECT_EQ(Query("SELECT count(*) AS n FROM documents"), "n\n1\n");
  CmdResult t = Newskb("query --db '" + db_ + "' \"SELECT text, 'x' AS y FROM documents\"");
  EXPECT_EQ(t.out, "text      y\n--------  -\n鋰電池。  x\n(1 row)\n");
  CmdResult j = Newskb("query --db '" + db_ + "' --format jsonl \"SELECT doc_key, 1.5 AS v, NULL AS z FROM documents\"");
  EXPECT_EQ(j.out, "{\"doc_key\":\"a\",\"v\":1.5,\"z\":null}\n");
  CmdResult js = Newskb("query --db '" + db_ + "' --format json \"SELECT doc_key FROM documents\"");
  EXPECT_EQ(js.out, "[\n{\"doc_key\":\"a\"}\n]\n");
}

TEST_F(CliTest, StatsAndHelp) {
  Write("a.txt", "鋰電池。");
  ASSERT_EQ(Newskb("ingest --db '" + db_ + "' '" + (dir_ / "a.txt").string() + "'").status, 0);
  CmdResult s = Newskb("stats --db '" + db_ + "'");
  EXPECT_EQ(s.status, 0);
  EXPECT_NE(s.out.find("documents        1"), std::string::npos) << s.out;
  EXPECT_NE(s.out.find("pipeline version"), std::string::npos) << s.out;
  for (const char* cmd : {"--help", "ingest --help", "query --help", "stats --help", "rules --help"}) {
    CmdResult h = Newskb(cmd);
    EXPECT_EQ(h.status, 0) << cmd << "\n" << h.out;
    EXPECT_NE(h.out.find("usage"), std::string::npos) << cmd;
  }
  EXPECT_EQ(Newskb("frobnicate").status, 2);
  EXPECT_EQ(Newskb("ingest").status, 2);
  EXPECT_EQ(Newskb("query --db '" + (dir_ / "none.sqlite").string() + "' 'SELECT 1'").status, 2);
}

// Cross-script lookup: an entity written only in Traditional script is found
// by its Simplified name and the reverse, by `newskb entity` and by plain SQL
// on v_entities.alias_key (the folded key: Simplified, half width, lower case).
TEST_F(CliTest, EntitiesAreFoundFromEitherScript) {
  std::string in = Write("mixed.jsonl",
                         "{\"id\":\"trad\",\"date\":\"2026-02-10\",\"text\":\"美國能源部（DOE）週二宣布，向石墨廠提供3.5億美元貸款。\"}\n"
                         "{\"id\":\"simp\",\"date\":\"2026-03-20\",\"text\":\"宁德时代发布年报，全年净利润增长15%。\"}\n");
  ASSERT_EQ(Newskb("ingest --no-progress --db '" + db_ + "' '" + in + "'").status, 0);

  CmdResult simp_query = Newskb("entity --db '" + db_ + "' 美国能源部");
  EXPECT_EQ(simp_query.status, 0) << simp_query.out;
  EXPECT_NE(simp_query.out.find("trad"), std::string::npos) << simp_query.out;
  EXPECT_NE(simp_query.out.find("(美國能源部,DOE)"), std::string::npos) << simp_query.out;

  CmdResult trad_query = Newskb("entity --db '" + db_ + "' 寧德時代");
  EXPECT_EQ(trad_query.status, 0) << trad_query.out;
  EXPECT_NE(trad_query.out.find("simp"), std::string::npos) << trad_query.out;

  CmdResult acronym = Newskb("entity --db '" + db_ + "' doe");
  EXPECT_EQ(acronym.status, 0) << acronym.out;
  EXPECT_NE(acronym.out.find("trad"), std::string::npos) << acronym.out;

  CmdResult unknown = Newskb("entity --db '" + db_ + "' 美国财政部");
  EXPECT_EQ(unknown.status, 1) << unknown.out;
  EXPECT_NE(unknown.out.find("no entity is named"), std::string::npos) << unknown.out;

  // Plain SQL: alias_key is the Simplified fold, so a Simplified key finds the
  // Traditional mention; a Traditional query goes through `newskb entity`,
  // which folds it first (SQL has no fold function).
  EXPECT_EQ(Query("SELECT group_concat(DISTINCT o.doc_key) FROM v_organizations o JOIN v_entities e "
                  "USING(entity_id) WHERE e.alias_key = '美国能源部'"),
            "group_concat(DISTINCT o.doc_key)\ntrad\n");
  EXPECT_EQ(Query("SELECT group_concat(DISTINCT o.text) FROM v_organizations o JOIN v_entities e "
                  "USING(entity_id) WHERE e.alias_key = '宁德时代'"),
            "group_concat(DISTINCT o.text)\n宁德时代\n");
}

// `newskb facts`: an entity in either role, by any alias; filters by
// predicate, date and document; a name or key the knowledge base does not
// hold says so and exits 1.
TEST_F(CliTest, FactsByEntityInEitherRole) {
  std::string in = Write("facts.jsonl",
                         "{\"id\":\"doe\",\"date\":\"2026-02-10\",\"text\":\"美國能源部（DOE）2026年2月宣布，"
                         "向Syrah Resources提供3.5億美元貸款。\\n\\nDOE表示，該廠年產能將達4萬5千公噸。\"}\n"
                         "{\"id\":\"catl\",\"date\":\"2025-03-20\",\"text\":\"宁德时代发布年报，全年净利润增长15%。\"}\n");
  ASSERT_EQ(Newskb("ingest --no-progress --db '" + db_ + "' '" + in + "'").status, 0);
  auto facts = [&](const std::string& args) { return Newskb("facts --db '" + db_ + "' --format csv " + args); };

  // Syrah is the object of the loan and the subject of the output (該廠).
  CmdResult either = facts("--entity 'Syrah Resources'");
  EXPECT_EQ(either.status, 0) << either.out;
  // (the article writes DOE twice, 美國能源部 once: DOE is shown)
  EXPECT_NE(either.out.find("DOE,lends,Syrah Resources,350000000"), std::string::npos) << either.out;
  EXPECT_NE(either.out.find("Syrah Resources,produces,,45000"), std::string::npos) << either.out;
  CmdResult as_object = facts("--object 'syrah resources'");
  EXPECT_EQ(as_object.out.find("produces"), std::string::npos) << as_object.out;
  EXPECT_NE(as_object.out.find("lends"), std::string::npos) << as_object.out;
  // The speaker is not the subject of the plant's output.
  CmdResult doe = facts("--subject DOE");
  EXPECT_EQ(doe.status, 0) << doe.out;
  EXPECT_EQ(doe.out.find("produces"), std::string::npos) << doe.out;
  // Linked columns: kinds and the date as a range.
  EXPECT_NE(doe.out.find("organization,organization,2026-02-01,2026-02-28"), std::string::npos) << doe.out;

  CmdResult since = facts("--since 2026-01 --until 2026");
  EXPECT_NE(since.out.find("doe,"), std::string::npos) << since.out;
  EXPECT_EQ(since.out.find("catl,"), std::string::npos) << since.out;  // dated by publication: 2025-03-20
  CmdResult doc = facts("--doc catl --predicate cost_change");
  EXPECT_NE(doc.out.find("宁德时代,cost_change"), std::string::npos) << doc.out;

  CmdResult unknown = facts("--subject 川普");
  EXPECT_EQ(unknown.status, 1) << unknown.out;
  EXPECT_NE(unknown.out.find("no entity of that name"), std::string::npos) << unknown.out;
  EXPECT_EQ(facts("--doc nope").status, 1);
  EXPECT_EQ(facts("--since 2026/01").status, 2);
}

// Issue 13: one entity per real-world thing, whatever script or variant
// characters the article used, shown in one script chosen by the user.
class ScriptCliTest : public CliTest {
 protected:
  void IngestMixed(const std::string& script_flag) {
    std::string in = Write("mixed.jsonl",
        "{\"id\":\"tw\",\"text\":\"美國能源部週二宣布，以色列衞生部與稀土峯會代表見面。國務院表示支持。\"}\n"
        "{\"id\":\"hk\",\"text\":\"以色列衛生部表示，美國能源部將出席。\"}\n"
        "{\"id\":\"cn\",\"text\":\"美国能源部宣布，以色列卫生部和国务院出席稀土峰会。\"}\n");
    CmdResult r = Newskb("ingest --no-progress --db '" + db_ + "' " + script_flag + " '" + in + "'");
    ASSERT_EQ(r.status, 0) << r.out;
  }
  // Every name every view shows (organizations, policies, places, commodities, facts).
  std::vector<std::string> ViewNames() {
    std::string out = Query(
        "SELECT name FROM v_organizations UNION SELECT name FROM v_policies UNION "
        "SELECT name FROM v_places UNION SELECT name FROM v_commodities UNION "
        "SELECT subject FROM v_facts UNION SELECT object FROM v_facts");
    std::vector<std::string> names;
    std::istringstream lines(out);
    std::string line;
    std::getline(lines, line);  // header
    while (std::getline(lines, line))
      if (!line.empty()) names.push_back(line);
    return names;
  }
  static std::shared_ptr<const newskb::ScriptConverter> Scripts() {
    static auto s = newskb::ScriptConverter::Create().value();
    return s;
  }
};

TEST_F(ScriptCliTest, BothScriptsAndVariantCharactersAreOneEntity) {
  IngestMixed("");
  // 美國能源部/美国能源部, 以色列衞生部/以色列衛生部/以色列卫生部: one entity each.
  EXPECT_EQ(Query("SELECT count(DISTINCT entity_id), count(DISTINCT doc_key) FROM v_organizations "
                  "WHERE text IN ('美國能源部', '美国能源部')"),
            "count(DISTINCT entity_id),count(DISTINCT doc_key)\n1,3\n");
  EXPECT_EQ(Query("SELECT count(DISTINCT entity_id), count(DISTINCT doc_key) FROM v_organizations "
                  "WHERE text LIKE '以色列%生部'"),
            "count(DISTINCT entity_id),count(DISTINCT doc_key)\n1,3\n");
  // Every entity has both display names, each in its own script.
  EXPECT_EQ(Query("SELECT count(*) FROM entities WHERE name_hant IS NULL OR name_hans IS NULL OR "
                  "name_hant = '' OR name_hans = ''"),
            "count(*)\n0\n");
  // Two Traditional articles of three: names are shown in Traditional.
  EXPECT_EQ(Query("SELECT DISTINCT name FROM v_organizations WHERE text = '美国能源部'"), "name\n美國能源部\n");
  CmdResult st = Newskb("stats --db '" + db_ + "'");
  EXPECT_NE(st.out.find("shown in       hant (the script most documents use)"), std::string::npos) << st.out;
  EXPECT_NE(st.out.find("split          0 entities"), std::string::npos) << st.out;
  // The names shown are found by `newskb entity`.
  CmdResult e = Newskb("entity --db '" + db_ + "' 以色列衛生部");
  EXPECT_EQ(e.status, 0) << e.out;
}

TEST_F(ScriptCliTest, AViewNeverMixesScripts) {
  IngestMixed("--script hans");
  std::vector<std::string> hans = ViewNames();
  ASSERT_GE(hans.size(), 3u);
  for (const std::string& n : hans) EXPECT_FALSE(Scripts()->HasTraditionalOnly(n)) << n;
  ASSERT_EQ(Newskb("ingest --db '" + db_ + "' --script hant").status, 0);
  std::vector<std::string> hant = ViewNames();
  EXPECT_EQ(hant.size(), hans.size());
  for (const std::string& n : hant) EXPECT_FALSE(Scripts()->HasSimplifiedOnly(n)) << n;
  // The setting stays for the next ingest.
  std::string more = Write("more.jsonl", "{\"id\":\"cn2\",\"text\":\"国务院宣布新政策。\"}\n");
  ASSERT_EQ(Newskb("ingest --no-progress --db '" + db_ + "' '" + more + "'").status, 0);
  for (const std::string& n : ViewNames()) EXPECT_FALSE(Scripts()->HasSimplifiedOnly(n)) << n;
  EXPECT_EQ(Newskb("ingest --db '" + db_ + "' --script klingon").status, 2);
}

// `newskb rules repeats` learns a notice a source glues onto its articles;
// with the file it writes in the rules folder, a batch of one article loses
// the notice (the run's own repeat memory would wait for the sixth).
TEST_F(CliTest, LearntRepeatsCleanABatchOfOne) {
  const std::string notice = "本站提醒：投資一定有風險，基金投資有賺有賠，申購前應詳閱公開說明書。";
  auto record = [&](const std::string& id, int i) {
    return "{\"id\":\"" + id + "\",\"source\":\"site/a:" + id + ".txt\",\"text\":\"第" + std::to_string(i) +
           "則：市政府今天公布第" + std::to_string(i) + "季觀光統計，旅客人次較去年同期增加。\\n官員表示，第" +
           std::to_string(i) + "季的增幅主要來自國際航線恢復。\xE3\x80\x80" + notice + "\"}\n";
  };
  std::string corpus;
  for (int i = 0; i < 12; ++i) corpus += record("r" + std::to_string(i), i);
  std::string in = Write("corpus.jsonl", corpus);
  CmdResult learnt = Newskb("rules repeats --min-docs 10 --glued '" + in + "'");
  ASSERT_EQ(learnt.status, 0) << learnt.out;
  EXPECT_NE(learnt.out.find("site/a\t"), std::string::npos) << learnt.out;
  EXPECT_NE(learnt.out.find("\t12\tr0 r1 r2\n"), std::string::npos) << learnt.out;
  EXPECT_EQ(learnt.out.find("本站提醒"), std::string::npos) << "the file holds no text";
  CmdResult shown = Newskb("rules repeats --min-docs 10 --glued --text '" + in + "'");
  EXPECT_NE(shown.out.find(notice), std::string::npos) << shown.out;

  // A rules folder: the shipped rules, with the learnt file as repeats.tsv.
  fs::path rules = dir_ / "rules";
  fs::create_directories(rules);
  for (const auto& e : fs::directory_iterator(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules"))
    if (e.path().filename() != "repeats.tsv") fs::create_symlink(e.path(), rules / e.path().filename());
  std::string body = learnt.out.substr(learnt.out.find("# Text"));
  std::ofstream(rules / "repeats.tsv", std::ios::binary) << body;

  std::string one = Write("one.jsonl", record("new", 99));
  CmdResult with = Newskb("ingest --rules '" + rules.string() + "' --db '" + db_ + "' '" + one + "'");
  ASSERT_EQ(with.status, 0) << with.out;
  EXPECT_EQ(Query("SELECT text FROM documents"),
            "text\n\"第99則：市政府今天公布第99季觀光統計，旅客人次較去年同期增加。\n官員表示，第99季的增幅主要來自國際航線恢復。\"\n");
  std::string db2 = (dir_ / "kb2.sqlite").string();
  CmdResult without = Newskb("ingest --db '" + db2 + "' '" + one + "'");
  ASSERT_EQ(without.status, 0) << without.out;
  EXPECT_NE(Newskb("query --db '" + db2 + "' --format csv \"SELECT text FROM documents\"").out.find(notice),
            std::string::npos);
  // A broken file is an error naming it and its line.
  std::ofstream(rules / "repeats.tsv", std::ios::binary) << "site/a\tnot-a-hash\t3\n";
  CmdResult broken = Newskb("ingest --rules '" + rules.string() + "' --db '" + db2 + "' '" + one + "'");
  EXPECT_EQ(broken.status, 2) << broken.out;
  EXPECT_NE(broken.out.find("repeats.tsv:1:"), std::string::npos) << broken.out;
}

}  // namespace
