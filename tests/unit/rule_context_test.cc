// RuleContext (extractors/figures/rule_context.h): the words a figure rule
// needs around its match, checked in code as the old patterns' wide classes
// did (cue within N code points, no gap character between; words after).
#include "extractors/figures/rule_context.h"

#include <gtest/gtest.h>

namespace newskb {
namespace {

Rule CueRule() {
  Rule r;
  r.id = "t.cue";
  r.attrs = {{"cue_before", "降息|息"}, {"cue_within", "3"}, {"cue_gap_not", ",。0"}};
  return r;
}

// A match of `span` at its first occurrence in `text`.
RuleMatch At(const Rule& r, std::string_view text, std::string_view span) {
  RuleMatch m;
  m.rule = &r;
  m.begin = text.find(span);
  m.end = m.begin + span.size();
  return m;
}

TEST(RuleContext, CueWithinReachAndNoGapCharacter) {
  Rule r = CueRule();
  RuleContext ctx(r);
  size_t end;
  std::string t = "央行降息1码";
  EXPECT_TRUE(ctx.Holds(At(r, t, "1码"), t, 0, &end));
  t = "央行降息之后再1码";  // 3 code points between: within reach
  EXPECT_TRUE(ctx.Holds(At(r, t, "1码"), t, 0, &end));
  t = "央行降息之后再次1码";  // 4: too far
  EXPECT_FALSE(ctx.Holds(At(r, t, "1码"), t, 0, &end));
  t = "央行降息,1码";  // a clause break between
  EXPECT_FALSE(ctx.Holds(At(r, t, "1码"), t, 0, &end));
  t = "降息2次1码";  // a digit between ('0' stands for any)
  EXPECT_FALSE(ctx.Holds(At(r, t, "1码"), t, 0, &end));
  t = "球衣1码";
  EXPECT_FALSE(ctx.Holds(At(r, t, "1码"), t, 0, &end));
}

TEST(RuleContext, CueMustFollowThePreviousMatch) {
  Rule r = CueRule();
  RuleContext ctx(r);
  size_t end;
  std::string t = "降息半码至1码";
  RuleMatch second = At(r, t, "1码");
  EXPECT_TRUE(ctx.Holds(second, t, 0, &end));
  // The rule's previous match ended after 半码: its cue does not count again.
  EXPECT_FALSE(ctx.Holds(second, t, t.find("至"), &end));
}

TEST(RuleContext, WordsAfterWithSkipAndGap) {
  Rule r;
  r.id = "t.then";
  r.attrs = {{"then_words", "人民|同胞"}, {"then_skip", "名"}, {"then_within", "3"}, {"then_gap_not", "元 "}};
  RuleContext ctx(r);
  size_t end = 0;
  std::string t = "14亿中国人民";
  EXPECT_TRUE(ctx.Holds(At(r, t, "14亿"), t, 0, &end));
  EXPECT_EQ(end, t.size());  // where the old pattern's match ended
  t = "2300万名台湾同胞";
  EXPECT_TRUE(ctx.Holds(At(r, t, "2300万"), t, 0, &end));
  t = "14亿人民";  // at least one code point between
  EXPECT_FALSE(ctx.Holds(At(r, t, "14亿"), t, 0, &end));
  t = "3亿元人民币";  // a gap character
  EXPECT_FALSE(ctx.Holds(At(r, t, "3亿"), t, 0, &end));
  t = "14亿巴基斯坦人民";  // 4 code points: beyond then_within 3
  EXPECT_FALSE(ctx.Holds(At(r, t, "14亿"), t, 0, &end));
}

TEST(RuleContext, RuleWithoutContextAlwaysHolds) {
  Rule r;
  r.id = "t.none";
  RuleContext ctx(r);
  size_t end = 0;
  std::string t = "共3家";
  RuleMatch m = At(r, t, "3家");
  EXPECT_TRUE(ctx.Holds(m, t, 0, &end));
  EXPECT_EQ(end, m.end);
}

}  // namespace
}  // namespace newskb
