#include "pipeline/text/utf8.h"

#include <gtest/gtest.h>

namespace newskb {

TEST(Utf8, AcceptsChineseAndAscii) {
  EXPECT_TRUE(ValidateUtf8("美國能源部(DOE)發布 120億美元").ok());
  EXPECT_TRUE(ValidateUtf8("").ok());
}

TEST(Utf8, RejectsBadBytesNamingTheOffset) {
  Status s = ValidateUtf8(std::string("abc\xE9\x41", 5));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("byte 3"), std::string::npos) << s.message();
  EXPECT_FALSE(ValidateUtf8("\xC0\xAF").ok());          // overlong
  EXPECT_FALSE(ValidateUtf8("\xED\xA0\x80").ok());      // surrogate
  EXPECT_FALSE(ValidateUtf8("\xE7\xBE").ok());          // truncated
  EXPECT_FALSE(ValidateUtf8("\xF4\x90\x80\x80").ok());  // past U+10FFFF
}

TEST(Utf8, CountsCodePointsAndDisplayWidth) {
  EXPECT_EQ(CountCodePoints("稀土ab"), 4u);
  EXPECT_EQ(DisplayWidth("稀土ab"), 6u);
  EXPECT_EQ(DisplayWidth("１２"), 4u);
}

TEST(Utf8, ContentHashIsStableAndDiffers) {
  EXPECT_EQ(ContentHash("稀土"), ContentHash("稀土"));
  EXPECT_NE(ContentHash("稀土"), ContentHash("稀土 "));
  EXPECT_EQ(ContentHash("x").size(), 16u);
}

}  // namespace newskb
