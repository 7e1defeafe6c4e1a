// Search across scripts: the tokenizer's tokens and offsets, and the index
// the knowledge base keeps (pipeline/kb/search_sql.h, schema/004).
#include "pipeline/kb/search_sql.h"

#include <sqlite3.h>

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "pipeline/cli/search_folding.h"
#include "pipeline/normalize/normalizer.h"

namespace newskb {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const Normalizer> N() {
  static auto n = Normalizer::Create().value();
  return n;
}

struct Tok {
  std::string text;
  int start, end;
  bool colocated;
  bool operator==(const Tok& o) const {
    return text == o.text && start == o.start && end == o.end && colocated == o.colocated;
  }
};
std::ostream& operator<<(std::ostream& os, const Tok& t) {
  return os << t.text << "[" << t.start << "," << t.end << ")" << (t.colocated ? "+" : "");
}

std::vector<Tok> Tokens(const std::string& text, TokenMode mode) {
  std::vector<Tok> out;
  SearchTokens(TextFolding(N())(text), mode, [&](std::string_view t, int s, int e, bool c) {
    out.push_back({std::string(t), s, e, c});
    return true;
  });
  return out;
}

TEST(SearchTokens, DocumentHasCharactersAndBigramsOfCjkRunsAndWordsOfLatin) {
  // Folded: Traditional -> Simplified, full width -> ASCII, lower case;
  // offsets are bytes of the text as given.
  std::vector<Tok> want = {{"碳", 0, 3, false}, {"碳酸", 0, 6, true},  {"酸", 3, 6, false},
                           {"酸锂", 3, 9, true}, {"锂", 6, 9, false},  {"abc", 9, 18, false},
                           {"稀", 21, 24, false}, {"稀土", 21, 27, true}, {"土", 24, 27, false}};
  EXPECT_EQ(Tokens("碳酸鋰ＡＢＣ，稀土", TokenMode::kDocument), want);
}

TEST(SearchTokens, QueryIsBigramsThenTheLastCharacter) {
  std::vector<Tok> want = {{"碳酸", 0, 6, false}, {"酸锂", 3, 9, false}, {"锂", 6, 9, false}};
  EXPECT_EQ(Tokens("碳酸鋰", TokenMode::kQuery), want);
  EXPECT_EQ(Tokens("鋰", TokenMode::kQuery), (std::vector<Tok>{{"锂", 0, 3, false}}));
  EXPECT_EQ(Tokens("DOE 2026", TokenMode::kQuery), (std::vector<Tok>{{"doe", 0, 3, false}, {"2026", 4, 8, false}}));
  EXPECT_TRUE(Tokens("，。！ ", TokenMode::kQuery).empty());
}

// The tokens of `text` folded `piece` bytes at a time, as the index makes
// them; *largest (if given) is set to the longest text handed to the fold.
std::vector<Tok> TokensInPieces(const std::string& text, TokenMode mode, size_t piece, size_t* largest = nullptr) {
  FoldTextFn whole_fold = TextFolding(N());
  if (largest) *largest = 0;
  FoldTextFn fold = [&](std::string_view s) {
    if (largest) *largest = std::max(*largest, s.size());
    return whole_fold(s);
  };
  std::vector<Tok> out;
  SearchTokensOfText(fold, text, mode, piece, [&](std::string_view t, int s, int e, bool c) {
    out.push_back({std::string(t), s, e, c});
    return true;
  });
  return out;
}

// The index folds a long text a piece at a time (a 30 MB article would
// otherwise hold its whole folded copy and offset maps): the tokens and
// offsets must be those of the text folded whole, wherever it is cut.
TEST(SearchTokens, PiecesGiveTheTokensOfTheWholeText) {
  const std::vector<std::string> parts = {
      "碳酸鋰ＡＢＣ，稀土", "abc 1,2,3.", "한국어 조선", "cafe\xCC\x81 ", "ｶﾀｶﾅ。", "1%,", "\n", "x\r\n",
      "蘋果公司（Apple Inc.）", "\xE3\x81\x8B\xE3\x82\x99", " 2026年3月", "  ", "鋰,鋰", "A.B"};
  std::string text;
  for (size_t i = 0; text.size() < 6000; i = (i * 7 + 3) % 97) text += parts[i % parts.size()];
  for (TokenMode mode : {TokenMode::kDocument, TokenMode::kQuery}) {
    std::vector<Tok> whole = Tokens(text, mode);
    ASSERT_GT(whole.size(), 1000u);
    for (size_t piece : {size_t{1}, size_t{5}, size_t{64}, size_t{1000}, kSearchPieceBytes})
      EXPECT_EQ(TokensInPieces(text, mode, piece), whole) << "pieces of " << piece << " bytes";
  }
}

// A long run of Han characters with no ASCII separator (a hostile record:
// 15 MiB of 中 on one line) is still folded a piece at a time, cut between
// two Han characters, and gives the tokens of the whole text.
TEST(SearchTokens, HanRunWithoutSeparatorsIsFoldedInPieces) {
  std::string text;
  while (text.size() < 6000) text += "碳酸鋰稀土價格上漲中國銀行";
  std::vector<Tok> whole = Tokens(text, TokenMode::kDocument);
  ASSERT_GT(whole.size(), 3000u);
  for (size_t piece : {size_t{1}, size_t{5}, size_t{64}, size_t{1000}}) {
    size_t largest = 0;
    EXPECT_EQ(TokensInPieces(text, TokenMode::kDocument, piece, &largest), whole) << "pieces of " << piece << " bytes";
    EXPECT_LE(largest, 2 * piece + 6) << "pieces of " << piece << " bytes";
  }
}

// A text with no ASCII separator at all (dates joined by 、, a hostile
// record) is cut after its Chinese punctuation, with the same tokens.
TEST(SearchTokens, TextWithOnlyChinesePunctuationIsFoldedInPieces) {
  std::string text;
  for (int i = 0; text.size() < 6000; ++i)
    text += "2026年" + std::to_string(i % 12 + 1) + "月1日、中國人民銀行。「稀土」，";
  std::vector<Tok> whole = Tokens(text, TokenMode::kDocument);
  for (size_t piece : {size_t{1}, size_t{64}, size_t{1000}}) {
    size_t largest = 0;
    EXPECT_EQ(TokensInPieces(text, TokenMode::kDocument, piece, &largest), whole) << "pieces of " << piece << " bytes";
    EXPECT_LE(largest, 2 * piece + 40) << "pieces of " << piece << " bytes";
  }
}

std::string TempDb(const char* name) {
  std::string p =
      (fs::temp_directory_path() / ("newskb_search_" + std::to_string(::getpid()) + "_" + name + ".sqlite")).string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(p + suffix);
  return p;
}

Document Doc(const std::string& key, const std::string& body) {
  Document d;
  d.key = key;
  d.raw = body;
  d.body = body;
  d.source = key;
  return d;
}

std::vector<std::string> Match(KnowledgeBase* kb, const std::string& term) {
  std::vector<std::string> keys;
  Status s = kb->Query(
      "SELECT d.doc_key FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid "
      "WHERE documents_fts MATCH '\"" + term + "\"' ORDER BY d.doc_key",
      [](const std::vector<std::string>&) {}, [&](const Row& r) { keys.push_back(r[0].ToText()); });
  EXPECT_TRUE(s.ok()) << s.message();
  return keys;
}

void Store(const std::string& path, const std::vector<Document>& docs) {
  auto kb = KnowledgeBase::OpenForWrite(path, KeyFolding(N()), TextFolding(N())).value();
  ASSERT_TRUE(kb->BeginRun("test").ok());
  ASSERT_TRUE(kb->BeginBatch().ok());
  for (const Document& d : docs) ASSERT_TRUE(kb->AddDocument(d, {}, {}).ok());
  ASSERT_TRUE(kb->CommitBatch().ok());
}

TEST(SearchIndex, EitherScriptFindsTheOtherWithShortTerms) {
  std::string path = TempDb("scripts");
  Store(path, {Doc("trad", "臺灣的鋰電池廠擴產，稀土價格上漲。"), Doc("simp", "中国锂矿扩产，稀土出口减少。")});
  auto kb = KnowledgeBase::OpenReadOnly(path, KeyFolding(N()), TextFolding(N())).value();
  using V = std::vector<std::string>;
  EXPECT_EQ(Match(kb.get(), "擴產"), (V{"simp", "trad"}));
  EXPECT_EQ(Match(kb.get(), "扩产"), (V{"simp", "trad"}));
  EXPECT_EQ(Match(kb.get(), "鋰礦"), V{"simp"});     // Traditional query, Simplified text
  EXPECT_EQ(Match(kb.get(), "锂电池"), V{"trad"});   // Simplified query, Traditional text
  EXPECT_EQ(Match(kb.get(), "鋰"), (V{"simp", "trad"}));
  EXPECT_EQ(Match(kb.get(), "台湾"), V{"trad"});     // 臺 folds as 台
  EXPECT_EQ(Match(kb.get(), "稀价"), V{});           // characters apart
}

TEST(SearchIndex, RolledBackDocumentsAreNotIndexedAndAnOlderFileIsIndexedOnOpen) {
  std::string path = TempDb("migrate");
  Store(path, {Doc("a", "稀土出口。")});
  {
    auto kb = KnowledgeBase::OpenForWrite(path, KeyFolding(N()), TextFolding(N())).value();
    ASSERT_TRUE(kb->BeginRun("test").ok());
    ASSERT_TRUE(kb->BeginBatch().ok());
    ASSERT_TRUE(kb->AddDocument(Doc("b", "稀土進口。"), {}, {}).ok());
    // destroyed without CommitBatch: the batch rolls back
  }
  {
    // A schema version 2 file: no search index yet.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string err;
    ASSERT_TRUE(RegisterSearchSql(db, MakeSearchFolding(N()), &err)) << err;
    // (and none of the later migrations' tables and columns)
    ASSERT_EQ(sqlite3_exec(db,
                           "DROP INDEX documents_by_script; DROP INDEX entities_without_display_names; "
                           "DROP VIEW v_entities; CREATE VIEW v_entities AS SELECT e.entity_id, e.kind, e.name, "
                           "a.alias, a.key AS alias_key FROM entities e JOIN aliases a USING(entity_id); "
                           "DROP TABLE entity_forms; DROP INDEX entities_by_shown_key; "
                           "ALTER TABLE entities DROP COLUMN shown_hant; ALTER TABLE entities DROP COLUMN shown_hans; "
                           "ALTER TABLE entities DROP COLUMN shown_key; "
                           "DROP TABLE documents_fts; DROP TABLE settings; ALTER TABLE entities DROP COLUMN name_hant; "
                           "ALTER TABLE entities DROP COLUMN name_hans; ALTER TABLE documents DROP COLUMN script; "
                           "DROP INDEX documents_by_rules_hash; "
                           "ALTER TABLE documents DROP COLUMN rules_hash; ALTER TABLE runs DROP COLUMN status; "
                           "ALTER TABLE runs DROP COLUMN rules_hash; ALTER TABLE runs DROP COLUMN stored; "
                           "ALTER TABLE rejects DROP COLUMN severity; PRAGMA user_version = 2;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  { auto kb = KnowledgeBase::OpenForWrite(path, KeyFolding(N()), TextFolding(N())).value(); }
  auto kb = KnowledgeBase::OpenReadOnly(path, KeyFolding(N()), TextFolding(N())).value();
  EXPECT_EQ(Match(kb.get(), "稀土"), std::vector<std::string>{"a"});
}

}  // namespace
}  // namespace newskb
