// Which form of an entity's name the views show (pipeline/kb/display_form.h).
#include "pipeline/kb/display_form.h"

#include <gtest/gtest.h>

namespace newskb {

// Keys here are what Normalizer::FoldKey gives (Simplified, lower case).
TEST(DisplayForm, TheMostFrequentFormWins) {
  std::vector<FormCount> f = {{"台湾积体电路制造", "台灣積體電路製造", 2, false},
                              {"台积电", "台積電", 7, false},
                              {"tsmc", "TSMC", 3, false}};
  EXPECT_EQ(ChooseDisplayForm(f, "台湾积体电路制造"), 1);
}

TEST(DisplayForm, TheOfficialNameWhenItIsTheMostFrequent) {
  std::vector<FormCount> f = {{"国资委", "國資委", 2, false}, {"国务院国有资产监督管理委员会", "國務院國有資產監督管理委員會", 3, false}};
  EXPECT_EQ(ChooseDisplayForm(f, "国务院国有资产监督管理委员会"), -1);
}

// A tie goes to the official name, then the longest form, then byte order.
TEST(DisplayForm, TiesGoToTheOfficialNameThenTheLongest) {
  std::vector<FormCount> f = {{"国资委", "國資委", 4, false}, {"国务院国资委", "國務院國資委", 4, false},
                              {"国务院国有资产监督管理委员会", "國務院國有資產監督管理委員會", 4, false}};
  EXPECT_EQ(ChooseDisplayForm(f, "国务院国有资产监督管理委员会"), -1);
  f.pop_back();
  EXPECT_EQ(ChooseDisplayForm(f, "国务院国有资产监督管理委员会"), 1);  // 6 code points beat 3
  std::vector<FormCount> same = {{"b", "BB", 1, false}, {"a", "AA", 1, false}};
  EXPECT_EQ(ChooseDisplayForm(same, "official"), 1);                    // order-independent
  std::vector<FormCount> rev = {same[1], same[0]};
  EXPECT_EQ(ChooseDisplayForm(rev, "official"), 0);
}

// A form that is an alias of two entities is never shown, however frequent:
// 中油 is both 台灣中油 and 中國石油 in their own articles.
TEST(DisplayForm, AnAmbiguousFormIsNeverShown) {
  std::vector<FormCount> f = {{"中油", "中油", 9, true}, {"台湾中油", "台灣中油", 2, false}, {"cpc", "CPC", 1, false}};
  EXPECT_EQ(ChooseDisplayForm(f, "台湾中油股份有限公司"), 1);
  std::vector<FormCount> only = {{"中油", "中油", 9, true}};
  EXPECT_EQ(ChooseDisplayForm(only, "台湾中油股份有限公司"), -1);
}

TEST(DisplayForm, NoFormsMeansTheOfficialName) {
  EXPECT_EQ(ChooseDisplayForm({}, "x"), -1);
  EXPECT_EQ(ChooseDisplayForm({{"y", "Y", 0, false}}, "x"), -1);
}

}  // namespace newskb
