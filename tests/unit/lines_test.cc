#include "pipeline/text/lines.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace newskb {
namespace {

std::vector<std::string> All(std::string_view text, std::vector<size_t>* numbers) {
  std::vector<std::string> out;
  LineCursor lines(text);
  for (DataLine l; lines.Next(&l);) {
    out.emplace_back(l.text);
    numbers->push_back(l.number);
  }
  return out;
}

TEST(LineCursor, CountsEmptyLinesDropsCarriageReturnsAndReadsAnUnterminatedLastLine) {
  std::vector<size_t> n;
  EXPECT_EQ(All("a\r\n\n# note\nb", &n), (std::vector<std::string>{"a", "", "# note", "b"}));
  EXPECT_EQ(n, (std::vector<size_t>{1, 2, 3, 4}));
}

TEST(LineCursor, ATrailingNewlineMakesNoExtraLineAndEmptyTextHasNone) {
  std::vector<size_t> n;
  EXPECT_EQ(All("词 10 n\n", &n), (std::vector<std::string>{"词 10 n"}));
  n.clear();
  EXPECT_TRUE(All("", &n).empty());
}

}  // namespace
}  // namespace newskb
