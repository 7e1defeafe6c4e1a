// Tests for web-page inputs: the JSON Lines `html` field and .html/.htm
// files (pipeline/io), through the pipeline's markup stage
// (pipeline/process) to the stored body.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"
#include "pipeline/process/process.h"

namespace fs = std::filesystem;

namespace newskb {
namespace {

struct Collect : DocumentSink {
  std::vector<Document> docs;
  std::vector<Reject> rejects;
  void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject&& r) override { rejects.push_back(std::move(r)); }
};

fs::path TempDir() {
  fs::path d = fs::temp_directory_path() / ("newskb_html_input_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

void Write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

const char kPage[] =
    "<html><head><title>港府推出首置貸款計劃</title></head><body><nav><a href='/'>首頁</a></nav>"
    "<article><p>財政司司長今日宣布推出首置貸款計劃，合資格人士最高可借樓價九成。</p>"
    "<p>政府預計計劃可惠及約一萬個家庭。</p></article></body></html>";

TEST(HtmlInput, JsonHtmlFieldAndWhichFieldWins) {
  fs::path d = TempDir();
  std::string esc;
  for (char c : std::string(kPage)) { if (c == '"') esc += "\\\""; else esc.push_back(c); }
  Write(d / "a.jsonl",
        "{\"id\":\"p1\",\"html\":\"" + esc + "\"}\n"
        "{\"id\":\"p2\",\"text\":\"爬蟲已抽出的正文。\",\"html\":\"" + esc + "\"}\n"
        "{\"id\":\"p3\",\"text\":null,\"html\":\"" + esc + "\"}\n"
        "{\"id\":\"p4\",\"text\":null}\n"
        "{\"id\":\"p5\",\"html\":3}\n");
  Collect c;
  ASSERT_TRUE(ReadInputs({(d / "a.jsonl").string()}, ReadOptions{}, &c).ok());
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_TRUE(c.docs[0].raw_is_html);
  EXPECT_FALSE(c.docs[1].raw_is_html);  // a non-empty text wins
  EXPECT_EQ(c.docs[1].raw, "爬蟲已抽出的正文。");
  EXPECT_TRUE(c.docs[2].raw_is_html);
  ASSERT_EQ(c.rejects.size(), 2u);
  EXPECT_EQ(c.rejects[0].reason, "field 'text' is null, expected a string");
  EXPECT_EQ(c.rejects[1].reason, "field 'html' is a number, expected a string");
  fs::remove_all(d);
}

TEST(HtmlInput, HtmlFilesInAFolderGoThroughTheMarkupStage) {
  fs::path d = TempDir();
  Write(d / "page.html", kPage);
  Write(d / "old.HTM", "<html><body><p>404</p></body></html>");
  Write(d / "empty.htm", "  \n");
  Collect c;
  ASSERT_TRUE(ReadInputs({d.string()}, ReadOptions{}, &c).ok());
  ASSERT_EQ(c.docs.size(), 2u);
  ASSERT_EQ(c.rejects.size(), 1u);
  EXPECT_EQ(c.rejects[0].reason, "empty document (no text)");
  Result<std::shared_ptr<const PipelineContext>> ctx =
      LoadPipeline(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules");
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  for (Document& doc : c.docs) {
    Processed p;
    Status s = ProcessDocument(*ctx.value(), &doc, &p);
    if (doc.key == "old") {
      EXPECT_EQ(s.message(), "no article body found");
      continue;
    }
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(p.markup, MarkupKind::kHtmlPage);
    EXPECT_EQ(doc.title, "港府推出首置貸款計劃");
    EXPECT_EQ(doc.body, "財政司司長今日宣布推出首置貸款計劃，合資格人士最高可借樓價九成。\n政府預計計劃可惠及約一萬個家庭。");
    EXPECT_EQ(doc.raw, kPage);  // raw keeps the page as given
  }
  fs::remove_all(d);
}

}  // namespace
}  // namespace newskb
