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

}  // namespace
}  // namespace newskb
