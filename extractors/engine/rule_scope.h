// newskb/extractors/engine/rule_scope.h
//
// Where a rule can match, read off its pattern: the characters every match
// must hold (its triggers) and whether a match can cross a clause break.
// The rule engine (rule_set.h) uses it to run a family's RE2::Set only on
// the clauses that hold a trigger instead of on whole lines.
//
// A rule is *windowed* when the analysis proves, for every string its
// pattern matches:
//   1. it holds at least one of the rule's trigger characters, and
//   2. it holds no clause break (kClauseBreaks below; a ',' counts as a
//      break only when the next character is not an ASCII digit, so
//      "1,000" is one clause and "1, 2" two).
// Every match of a windowed rule then lies inside one clause that holds a
// trigger, so a family's Set run on those clauses names every windowed rule
// that a run on the whole line would name.
//
// The analysis is conservative: anything it does not understand (a
// negated class that does not exclude every break, `.`, \Q...\E, an unknown
// \p{...} property, POSIX classes, flags) makes the rule *not windowed*:
// it then runs on whole lines as before. It never guesses in the other
// direction; the rule's examples check it once more at load time
// (RuleSet::LoadString refuses a file whose example would be missed).
//
// Triggers: for a concatenation the trigger set of one of its parts, one
// holding the ASCII digits first, else the smallest (`{NUM}万元`: the
// digits, which the family's other rules need too; 减 in 减半), for an
// alternation the union of its branches', for X+ and X{m,n} with m >= 1
// X's, for a character class its characters when it lists at most 256 of
// them; an optional part (X?, X*, X{0,n}) or a broad class (\p{Han})
// requires nothing.
//
// Cost: linear in the pattern; once per rule at load time.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newskb {

// Clause breaks as they stand in normalised text (NFKC has made ，；！？：
// the ASCII , ; ! ? :) and 。. Not '.', '-', '/', ' ': numbers and dates use
// them; not 、 or quotes: a class [^,;!?:。] is the rules' way to say "in this clause".
inline constexpr char32_t kClauseBreaks[] = {U',', U';', U'!', U'?', U':', U'\u3002' /* 。 */};

// True if `c` at byte `i` of `text` ends a clause: one of kClauseBreaks,
// and for ',' only when text[i+1] is not an ASCII digit.
bool IsClauseBreak(char32_t c, std::string_view text, size_t i_after);

struct RuleScope {
  bool windowed = false;           // 1. and 2. above hold
  std::vector<char32_t> triggers;  // sorted, unique; empty when not windowed
  std::string why_not;             // when not windowed: the first reason ("`.` may match a break")
};

// Analyses one expanded RE2 pattern (macros already replaced).
RuleScope AnalyzeRuleScope(std::string_view pattern);

}  // namespace newskb
