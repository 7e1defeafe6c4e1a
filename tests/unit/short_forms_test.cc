// Tests for extractors/organizations/short_forms.h: the patterns of Chinese
// abbreviation over the words of generated names (brands no dictionary
// knows, heads and legal forms in both scripts).

#include "extractors/organizations/short_forms.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newskb {
namespace {

std::vector<std::string> Forms(const std::vector<std::string_view>& words, NameShape shape,
                               ShortFormPattern only) {
  std::vector<std::string> out;
  for (const DerivedForm& f : DeriveShortForms(words, shape))
    if (f.pattern == only) out.push_back(f.text);
  return out;
}

// The first characters of the last two words before the legal forms.
TEST(ShortForms, InitialsOfTheLastTwoWords) {
  const char* kBrands[] = {"鼎昇", "禾碩", "曜杰"};
  const char* kTrades[] = {"航空", "海運", "电力"};
  const std::vector<std::vector<std::string_view>> kLegal = {{}, {"公司"}, {"股份有限公司"}, {"集团", "有限公司"}};
  for (const char* b : kBrands) {
    for (const char* tr : kTrades) {
      for (const auto& legal : kLegal) {
        std::vector<std::string_view> words = {b, tr};
        words.insert(words.end(), legal.begin(), legal.end());
        NameShape shape{legal.size(), false, false, true, {}};
        std::string want = std::string(b).substr(0, 3) + std::string(tr).substr(0, 3);
        EXPECT_EQ(Forms(words, shape, ShortFormPattern::kInitials), std::vector<std::string>{want}) << b << tr;
      }
    }
  }
  // A place before them stays out of the two words: 美國 聯合 航空 -> 聯航.
  EXPECT_EQ(Forms({"美國", "鼎昇", "航空"}, {0, false, false, true, {}}, ShortFormPattern::kInitials),
            std::vector<std::string>{"鼎航"});
  // A place as a whole word gives its first character: 北京 大学 -> 北大.
  EXPECT_EQ(Forms({"廣東", "航空"}, {0, false, false, true, {6, 0}}, ShortFormPattern::kInitials),
            std::vector<std::string>{"廣航"});
}

TEST(ShortForms, NoInitialsOfOneWordLatinOrSingleCharacters) {
  EXPECT_TRUE(Forms({"鼎昇"}, {0, false}, ShortFormPattern::kInitials).empty());
  // The last word no head as a whole: a domain (科技局: 鼎科 would be the
  // domains) or a trade gives no initials.
  EXPECT_TRUE(Forms({"鼎昇", "科技局"}, {0, false, false, false, {}}, ShortFormPattern::kInitials).empty());
  // A word more than the place it starts with: the first character is the
  // place's (中国 美国商会 -> 中美, two countries).
  EXPECT_TRUE(Forms({"中國", "美國商會"}, {0, false, false, true, {6, 6}}, ShortFormPattern::kInitials).empty());
  EXPECT_TRUE(Forms({"越南共產黨", "中央"}, {0, false, false, true, {6, 0}}, ShortFormPattern::kInitials).empty());
  EXPECT_TRUE(Forms({"鼎昇", "公司"}, {1, false}, ShortFormPattern::kInitials).empty());
  EXPECT_TRUE(Forms({"ABC", "航空"}, {0, false}, ShortFormPattern::kInitials).empty());
  EXPECT_TRUE(Forms({"1111", "人力银行"}, {0, false}, ShortFormPattern::kInitials).empty());
  EXPECT_TRUE(Forms({"鼎", "航空"}, {0, false}, ShortFormPattern::kInitials).empty());
  // Legal forms counted past the words: nothing, no crash.
  EXPECT_TRUE(DeriveShortForms({"鼎昇", "公司"}, {3, false}).empty());
}

// A member head's first character names a member: 校务 委员会 gives no 校委.
TEST(ShortForms, NoInitialsBeforeAMemberHead) {
  for (const char* head : {"委员会", "委員會", "理事会"}) {
    EXPECT_TRUE(Forms({"鼎昇", "校务", head}, {0, false, true, true, {}}, ShortFormPattern::kInitials).empty())
        << head;
    // A legal form after it leaves the two words before (no member head last).
    EXPECT_EQ(Forms({"鼎昇", "航空", "公司"}, {1, false, true, true, {}}, ShortFormPattern::kInitials),
              std::vector<std::string>{"鼎航"});
  }
}

// The head alone only where the caller says it stands alone, after two
// words or more of the body's name.
TEST(ShortForms, HeadAloneOnlyWhenItStandsAlone) {
  for (const char* head : {"总台", "總台", "总局"}) {
    EXPECT_EQ(Forms({"鼎昇", "广播", head}, {0, true}, ShortFormPattern::kHeadAlone),
              std::vector<std::string>{head});
    EXPECT_TRUE(Forms({"鼎昇", "广播", head}, {0, false}, ShortFormPattern::kHeadAlone).empty());
    EXPECT_TRUE(Forms({"鼎昇", head}, {0, true}, ShortFormPattern::kHeadAlone).empty());
  }
}

TEST(ShortForms, DropPlace) {
  for (const char* place : {"中國", "中国", "廣東"}) {
    for (const char* brand : {"鼎昇", "禾碩科"}) {
      EXPECT_EQ(DropPlace(std::string(place) + brand, place), brand);
      EXPECT_EQ(DropPlace(std::string(place) + "鼎", place), "");  // one character left
      EXPECT_EQ(DropPlace(std::string("台灣") + brand, place), "");  // another place
    }
  }
  EXPECT_EQ(DropPlace("鼎昇", ""), "");
}

TEST(ShortForms, PatternNames) {
  EXPECT_STREQ(ShortFormPatternName(ShortFormPattern::kInitials), "initials");
  EXPECT_STREQ(ShortFormPatternName(ShortFormPattern::kPlaceDropped), "place_dropped");
  EXPECT_STREQ(ShortFormPatternName(ShortFormPattern::kHeadAlone), "head_alone");
}

}  // namespace
}  // namespace newskb
