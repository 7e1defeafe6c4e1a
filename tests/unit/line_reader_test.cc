#include "pipeline/io/line_reader.h"

#include <gtest/gtest.h>

#include <sstream>

namespace newskb {
namespace {

TEST(LineReader, SplitsLinesAndKeepsTheLastWithoutNewline) {
  std::istringstream in("a\n\nbc\r\nlast");
  LineReader r(in, 100, 8);
  std::string line;
  std::vector<std::string> got;
  std::vector<uint64_t> bytes;
  while (r.Next(&line) == LineReader::kLine) {
    got.push_back(line);
    bytes.push_back(r.last_line_bytes());
    EXPECT_GE(line.capacity(), line.size() + 8);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"a", "", "bc\r", "last"}));
  EXPECT_EQ(bytes, (std::vector<uint64_t>{2, 1, 4, 4}));
  EXPECT_FALSE(r.error());
}

// A line over the limit is skipped, counted, and never held: the string's
// capacity stays near the limit however long the line (issue 16.5).
TEST(LineReader, LongLineIsSkippedWithoutBeingHeld) {
  std::string text = "short\n" + std::string(3'000'000, 'x') + "\nafter\n" + std::string(1001, 'y');
  std::istringstream in(text);
  LineReader r(in, 1000, 64);
  std::string line;
  ASSERT_EQ(r.Next(&line), LineReader::kLine);
  EXPECT_EQ(line, "short");
  ASSERT_EQ(r.Next(&line), LineReader::kTooLong);
  EXPECT_EQ(r.last_line_bytes(), 3'000'001u);
  EXPECT_TRUE(line.empty());
  EXPECT_LE(line.capacity(), 2000u);
  ASSERT_EQ(r.Next(&line), LineReader::kLine);
  EXPECT_EQ(line, "after");
  ASSERT_EQ(r.Next(&line), LineReader::kTooLong);
  EXPECT_EQ(r.last_line_bytes(), 1001u);
  EXPECT_EQ(r.Next(&line), LineReader::kEnd);
  EXPECT_EQ(r.Next(&line), LineReader::kEnd);
}

TEST(LineReader, LineExactlyAtTheLimitIsALine) {
  std::istringstream in(std::string(1000, 'z') + "\n");
  LineReader r(in, 1000);
  std::string line;
  EXPECT_EQ(r.Next(&line), LineReader::kLine);
  EXPECT_EQ(line.size(), 1000u);
  EXPECT_EQ(r.Next(&line), LineReader::kEnd);
}

}  // namespace
}  // namespace newskb
