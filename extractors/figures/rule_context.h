// newskb/extractors/figures/rule_context.h
//
// Words a figure rule needs near its match, checked in code instead of in
// the pattern. A pattern such as
//     (?:降息|升息|...)[^,;!?:。\d]{0,8}?(?P<span>N码)
// costs the family's RE2::Set a DFA state for every way the wide class can
// stand beside every other rule (the Set opens {0,8} to *): megabytes of DFA
// cache on varied text. The rule's pattern keeps the figure alone and says
// what must stand around it as attributes (extractors/rules/README.md):
//
//   cue_before    words (a|b|c), one of which must end at most cue_within
//                 code points before the match, with none of cue_gap_not's
//                 characters in between (a space stands for \s, 0 for a
//                 digit), starting at or after the end of the rule's
//                 previous kept match in the sentence, as the search of the
//                 old pattern resumed there.
//   then_words    words, one of which must start after the match (after one
//                 optional word of then_skip), with 1 to then_within code
//                 points between, none of them in then_gap_not.
//
// A RuleContext is built once per rule (immutable, thread-safe) and asked
// per match; a rule without these attributes always holds.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "extractors/engine/rule_set.h"

namespace newskb {

class RuleContext {
 public:
  explicit RuleContext(const Rule& rule);

  // Whether the words the rule needs stand around `m` in `sentence`, the
  // cue at or after byte `from`. On true, *consumed is where the old
  // pattern's match would have ended (after the words after, if any).
  bool Holds(const RuleMatch& m, std::string_view sentence, size_t from, size_t* consumed) const;

 private:
  bool CueBefore(std::string_view t, size_t from, size_t at) const;
  bool WordsAfter(std::string_view t, size_t at, size_t* end) const;

  std::vector<std::string> cue_, cue_gap_not_, then_, then_skip_, then_gap_not_;
  size_t cue_within_ = 0, then_within_ = 0;
};

}  // namespace newskb
