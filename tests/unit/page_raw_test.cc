// documents.raw keeps a web page as given: a page in Big5 or GBK is stored
// as a BLOB of its own bytes (not a UTF-8 copy), the body is the decoded
// article, the same page again is a duplicate, and reextract and
// extract -> load read the stored bytes back as a page.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/unit/cli_helpers.h"

namespace newskb {
namespace {

namespace fs = std::filesystem;
using newskb_test::Newskb;

std::string Hex(const char* hex) {
  std::string out;
  for (const char* p = hex; p[0] && p[1]; p += 2) out.push_back(static_cast<char>(std::stoi(std::string(p, 2), nullptr, 16)));
  return out;
}

// Generated for this test (Python's big5 and gbk codecs) from:
//   <!DOCTYPE html><html><head><meta charset="big5"><title>經濟部補助綠能產業 - 某某新聞網</title>
//   <meta property="article:published_time" content="2024-05-01T10:00:00+08:00"></head><body>
//   <nav><a href="/">首頁</a></nav><article><h1>經濟部補助綠能產業</h1>
//   <p>經濟部今天宣布，未來三年將投入新台幣100億元補助綠能與儲能產業。</p>
//   <p>官員表示，補助對象包括太陽光電、離岸風電及儲能系統業者。</p></article></body></html>
const char kBig5Page[] =
    "3c21444f43545950452068746d6c3e3c68746d6c3e3c686561643e3c6d65746120636861727365743d2262696735223e3c7469746c"
    "653eb867c0d9b3a1b8c9a755baf1afe0b2a3b77e202d20ac59ac59b773bb44baf43c2f7469746c653e3c6d6574612070726f706572"
    "74793d2261727469636c653a7075626c69736865645f74696d652220636f6e74656e743d22323032342d30352d30315431303a3030"
    "3a30302b30383a3030223e3c2f686561643e3c626f64793e3c6e61763e3c6120687265663d222f223eadbaadb63c2f613e3c2f6e61"
    "763e3c61727469636c653e3c68313eb867c0d9b3a1b8c9a755baf1afe0b2a3b77e3c2f68313e3c703eb867c0d9b3a1a4b5a4d1abc5"
    "a5aca141a5bca8d3a454a67eb14ea7eba44ab773a578b9f4313030bbf5a4b8b8c9a755baf1afe0bb50c078afe0b2a3b77ea1433c2f"
    "703e3c703ea978adfbaaeda5dca141b8c9a755b9efb648a55dac41a4d3b6a7a5fab971a142c2f7a9a4adb7b971a4cec078afe0a874"
    "b2ceb77eaacca1433c2f703e3c2f61727469636c653e3c2f626f64793e3c2f68746d6c3e";
//   <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
//   <title>国家统计局发布经济数据_某某网</title></head><body><div class="nav"><a href="/">首页</a></div>
//   <div class="article"><h1>国家统计局发布经济数据</h1>
//   <p>国家统计局今天发布数据，一季度国内生产总值同比增长5.3%。</p>
//   <p>统计局表示，消费和投资继续回升，经济运行开局良好。</p></div></body></html>
const char kGbkPage[] =
    "3c68746d6c3e3c686561643e3c6d65746120687474702d65717569763d22436f6e74656e742d547970652220636f6e74656e743d"
    "22746578742f68746d6c3b20636861727365743d676232333132223e3c7469746c653eb9fabcd2cdb3bcc6bed6b7a2b2bcbeadbcc3"
    "cafdbedd5fc4b3c4b3cdf83c2f7469746c653e3c2f686561643e3c626f64793e3c64697620636c6173733d226e6176223e3c612068"
    "7265663d222f223ecad7d2b33c2f613e3c2f6469763e3c64697620636c6173733d2261727469636c65223e3c68313eb9fabcd2cdb3"
    "bcc6bed6b7a2b2bcbeadbcc3cafdbedd3c2f68313e3c703eb9fabcd2cdb3bcc6bed6bdf1ccecb7a2b2bccafdbedda3acd2bbbcbeb6"
    "c8b9fac4dac9fab2fad7dcd6b5cdacb1c8d4f6b3a4352e3325a1a33c2f703e3c703ecdb3bcc6bed6b1edcabea3accffbb7d1bacdcd"
    "b6d7cabcccd0f8bbd8c9fda3acbeadbcc3d4cbd0d0bfaabed6c1bcbac3a1a33c2f703e3c2f6469763e3c2f626f64793e3c2f68746d"
    "6c3e";

struct StoredPage {
  std::string raw_type, raw, title, published, text;
};

StoredPage Read(const std::string& db, const std::string& key) {
  StoredPage p;
  sqlite3* h = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "SELECT typeof(raw), raw, title, published, text FROM documents WHERE doc_key = ?", -1, &st,
                     nullptr);
  sqlite3_bind_text(st, 1, key.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(st) == SQLITE_ROW) {
    auto col = [&](int i) {
      const void* b = sqlite3_column_blob(st, i);
      return b ? std::string(static_cast<const char*>(b), sqlite3_column_bytes(st, i)) : std::string();
    };
    p = {col(0), col(1), col(2), col(3), col(4)};
  } else {
    ADD_FAILURE() << "no document " << key << " in " << db;
  }
  sqlite3_finalize(st);
  sqlite3_close(h);
  return p;
}

class PageRaw : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("newskb_page_raw_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "pages");
    std::ofstream(dir_ / "pages" / "big5.html", std::ios::binary) << big5_;
    std::ofstream(dir_ / "pages" / "gbk.htm", std::ios::binary) << gbk_;
    db_ = (dir_ / "kb.sqlite").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  void ExpectPagesAsGiven(const std::string& db) {
    StoredPage b = Read(db, "big5");
    EXPECT_EQ(b.raw_type, "blob");
    EXPECT_TRUE(b.raw == big5_) << "raw is not the page's bytes (" << b.raw.size() << " vs " << big5_.size() << ")";
    EXPECT_EQ(b.title, "經濟部補助綠能產業");
    EXPECT_EQ(b.published, "2024-05-01");
    EXPECT_EQ(b.text,
              "經濟部今天宣布，未來三年將投入新台幣100億元補助綠能與儲能產業。\n"
              "官員表示，補助對象包括太陽光電、離岸風電及儲能系統業者。");
    StoredPage g = Read(db, "gbk");
    EXPECT_EQ(g.raw_type, "blob");
    EXPECT_TRUE(g.raw == gbk_) << "raw is not the page's bytes (" << g.raw.size() << " vs " << gbk_.size() << ")";
    EXPECT_EQ(g.title, "国家统计局发布经济数据");
    EXPECT_EQ(g.text,
              "国家统计局今天发布数据，一季度国内生产总值同比增长5.3%。\n"
              "统计局表示，消费和投资继续回升，经济运行开局良好。");
  }

  fs::path dir_;
  std::string db_;
  const std::string big5_ = Hex(kBig5Page);
  const std::string gbk_ = Hex(kGbkPage);
};

TEST_F(PageRaw, Big5AndGbkPagesKeepTheirBytes) {
  int status = -1;
  std::string out = Newskb("ingest --db '" + db_ + "' '" + (dir_ / "pages").string() + "'", &status);
  ASSERT_EQ(status, 0) << out;
  ExpectPagesAsGiven(db_);
  // A UTF-8 input stays TEXT.
  std::ofstream(dir_ / "u.txt") << "經濟部今天表示，出口成長。";
  out = Newskb("ingest --db '" + db_ + "' '" + (dir_ / "u.txt").string() + "'", &status);
  ASSERT_EQ(status, 0) << out;
  EXPECT_EQ(Read(db_, "u").raw_type, "text");
}

TEST_F(PageRaw, SamePagesAgainAreDuplicates) {
  int status = -1;
  std::string pages = "'" + (dir_ / "pages").string() + "'";
  Newskb("ingest --db '" + db_ + "' " + pages, &status);
  std::string out = Newskb("ingest --db '" + db_ + "' " + pages, &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("0 ingested, 2 duplicates"), std::string::npos) << out;
}

TEST_F(PageRaw, ReextractAndShardsReadTheBytesBackAsAPage) {
  int status = -1;
  std::string pages = "'" + (dir_ / "pages").string() + "'";
  std::string out = Newskb("ingest --db '" + db_ + "' " + pages, &status);
  ASSERT_EQ(status, 0) << out;
  out = Newskb("reextract --all --db '" + db_ + "'", &status);
  EXPECT_EQ(status, 0) << out;
  ExpectPagesAsGiven(db_);
  // extract -> load: the shard carries the bytes (raw_base64), load stores them.
  std::string shard = (dir_ / "pages.shard.jsonl").string();
  out = Newskb("extract -o '" + shard + "' " + pages, &status);
  ASSERT_EQ(status, 0) << out;
  std::string db2 = (dir_ / "kb2.sqlite").string();
  out = Newskb("load --db '" + db2 + "' '" + shard + "'", &status);
  ASSERT_EQ(status, 0) << out;
  ExpectPagesAsGiven(db2);
}

}  // namespace
}  // namespace newskb
