// A body over kExtractWholeBytes is extracted a piece of lines at a time
// (pipeline/process): offsets are those of the whole body, facts point
// at figures, and every round of the sample paragraphs gives figures.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pipeline/process/process.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

TEST(ProcessPieces, LongBodyInPiecesKeepsWholeBodyOffsets) {
  auto ctx = LoadPipeline(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules");
  ASSERT_TRUE(ctx.ok()) << ctx.status().message();
  // The lines of the plain-text samples (corpus/*.txt), each numbered so
  // that none repeats (a repeated line is boilerplate to the body step), as
  // tests/golden/size_limit.sh builds its article.
  std::vector<std::string> lines;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(NEWSKB_SOURCE_DIR) + "/corpus"))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    for (std::string l; std::getline(in, l);) {
      if (l.rfind(" date ", 0) == 0) l = l.substr(l.find(' ', 6) + 1);
      if (l.size() > 90) lines.push_back(l);  // paragraphs: no headline, credit or footer line
    }
  }
  ASSERT_GT(lines.size(), 100u);
  Document doc;
  doc.key = "long";
  size_t rounds = 0;
  for (size_t i = 0; doc.body.size() <= kExtractWholeBytes + kExtractPieceBytes; ++i) {
    doc.body += "（" + std::to_string(i) + "）" + lines[i % lines.size()] + "\n";
    rounds += i % lines.size() == 0;
  }
  Processed p;
  ExtractBodyText(*ctx.value(), doc, &p);
  ASSERT_GT(doc.body.size(), kExtractWholeBytes);
  EXPECT_TRUE(p.norm.text.empty());  // extracted in pieces: no whole normalised copy held

  // Every mention is its text at its code points.
  std::vector<size_t> byte_of;
  for (size_t i = 0; i < doc.body.size(); ++i)
    if ((static_cast<unsigned char>(doc.body[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  byte_of.push_back(doc.body.size());
  ASSERT_FALSE(p.sentences.empty());
  // Sentences in order, apart, within the body, to its last line (the line
  // breaks between them belong to none).
  EXPECT_EQ(p.sentences.front().start, 0u);
  EXPECT_GE(p.sentences.back().end + 1, byte_of.size() - 1);
  EXPECT_LE(p.sentences.back().end, byte_of.size() - 1);
  for (size_t i = 1; i < p.sentences.size(); ++i) {
    ASSERT_LT(p.sentences[i].start, p.sentences[i].end);
    ASSERT_GE(p.sentences[i].start, p.sentences[i - 1].end);
    ASSERT_LE(p.sentences[i].start, p.sentences[i - 1].end + 1);
  }
  ASSERT_GT(p.mentions.size(), 100u);
  for (const Mention& m : p.mentions) {
    ASSERT_LT(m.start, m.end);
    ASSERT_LT(m.end, byte_of.size());
    ASSERT_EQ(doc.body.substr(byte_of[m.start], byte_of[m.end] - byte_of[m.start]), m.text) << m.rule;
  }
  for (const Fact& f : p.facts) {
    ASSERT_GE(f.figure, 0);
    ASSERT_LT(static_cast<size_t>(f.figure), p.mentions.size());
    EXPECT_EQ(p.mentions[f.figure].kind, MentionKind::kFigure);
  }
  // Each round of the lines holds figures: every round gives some.
  size_t figures = 0;
  for (const Mention& m : p.mentions) figures += m.kind == MentionKind::kFigure;
  EXPECT_GT(figures, rounds);
}

// Issue 16: a mention-dense record ("1%,1%,...": a figure every 3 bytes)
// used to keep every mention (10 million in 31 MiB: minutes, gigabytes). A
// document keeps its first max_mentions, in document order, the facts that
// cite only them, and says it was cut; under the limit nothing changes.
// Both ways a body is extracted: whole (short sentences) and in pieces (one
// sentence over kExtractSentenceBytes).
TEST(ProcessPieces, MentionLimitKeepsTheFirstMentionsAndSaysSo) {
  auto loaded = LoadPipeline(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  PipelineContext unlimited = *loaded.value(), limited = *loaded.value();
  unlimited.max_mentions = size_t{1} << 30;
  limited.max_mentions = 300;
  std::string sentences, one_sentence;
  for (int i = 0; sentences.size() < 40000; ++i)
    sentences += "台積電營收增長" + std::to_string(i % 90 + 1) + "%，2026年3月" + std::to_string(i % 28 + 1) + "日公布。";
  while (one_sentence.size() <= kExtractSentenceBytes * 3) one_sentence += "1%,";
  for (const std::string& body : {sentences, one_sentence}) {
    Document doc;
    doc.key = "dense";
    doc.body = body;
    Processed all, cut;
    ExtractBodyText(unlimited, doc, &all);
    ExtractBodyText(limited, doc, &cut);
    ASSERT_GT(all.mentions.size(), 600u);
    EXPECT_FALSE(all.mentions_cut);
    EXPECT_TRUE(cut.mentions_cut);
    ASSERT_EQ(cut.mentions.size(), 300u);
    for (size_t i = 0; i < cut.mentions.size(); ++i) {
      EXPECT_EQ(cut.mentions[i].start, all.mentions[i].start) << i;
      EXPECT_EQ(cut.mentions[i].text, all.mentions[i].text) << i;
    }
    for (const Fact& f : cut.facts)
      for (int m : {f.subject, f.object, f.figure, f.date}) EXPECT_LT(m, 300);
    EXPECT_FALSE(cut.sentences.empty());
  }
  // ProcessDocument says so in the document's warnings (stored in `rejects`).
  Document doc;
  doc.key = "dense";
  doc.raw = one_sentence;
  Processed p;
  ASSERT_TRUE(ProcessDocument(limited, &doc, &p).ok());
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0].rfind("mentions cut at the limit of 300 a document (--max-mentions): the first 300", 0), 0u)
      << doc.warnings[0];
  // A real article under the limit: the same mentions and facts, no warning.
  Document small = doc;
  small.raw = "美國能源部宣布投入120億美元，支持鋰電池產業，預計2026年3月完成。";
  small.warnings.clear();
  Processed a, b;
  ASSERT_TRUE(ProcessDocument(unlimited, &small, &a).ok());
  Document small2 = small;
  ASSERT_TRUE(ProcessDocument(limited, &small2, &b).ok());
  EXPECT_FALSE(b.mentions_cut);
  EXPECT_TRUE(small2.warnings.empty());
  ASSERT_EQ(a.mentions.size(), b.mentions.size());
  EXPECT_GT(a.mentions.size(), 1u);
  EXPECT_EQ(a.facts.size(), b.facts.size());
}

// A large plain text whose body is all of it is held once (31 MiB records
// held it twice, as raw and body); Raw() still gives the input as read.
TEST(ProcessPieces, LargePlainTextKeptWholeIsHeldOnce) {
  auto loaded = LoadPipeline(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules");
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  PipelineContext ctx = *loaded.value();
  ctx.max_mentions = 100;
  std::string text;
  while (text.size() <= (size_t{5} << 20)) text += "1%,";
  Document doc;
  doc.raw = text;
  Processed p;
  ASSERT_TRUE(ProcessDocument(ctx, &doc, &p).ok());
  EXPECT_EQ(doc.body, text);
  EXPECT_TRUE(doc.raw_is_body);
  EXPECT_TRUE(doc.raw.empty());
  EXPECT_EQ(doc.Raw(), text);
  // A small one keeps both, as always.
  Document small;
  small.raw = "美國能源部宣布投入120億美元。";
  ASSERT_TRUE(ProcessDocument(ctx, &small, &p).ok());
  EXPECT_FALSE(small.raw_is_body);
  EXPECT_EQ(small.raw, "美國能源部宣布投入120億美元。");
}

}  // namespace
}  // namespace newskb
