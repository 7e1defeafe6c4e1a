// newskb/extractors/engine/rule_set.h
//
// The rule engine: rules as data, compiled once, one RE2::Set pass per
// family, then only the rules that hit.
//
// A rule family is one JSON file under extractors/rules/ (format documented
// in extractors/rules/README.md). Each rule has an id, a mention kind, an RE2
// pattern with named groups (written with shared macros such as {NUM},
// expanded before compiling), a priority, constant attributes (e.g. "unit":
// "USD") and examples it must / must not match.
//
// Matching runs over NORMALISED text (pipeline/normalize): NFKC, case-folded,
// Simplified script. Patterns are therefore written in Simplified characters,
// lower case, half-width.
//
// Usage:
//   Result<RuleSet> rs = RuleSet::LoadFile("extractors/rules/figures.json", {});
//   if (!rs.ok()) die(rs.status().message());   // "figures.json:42: rule fig.money.usd: ..."
//   std::vector<RuleMatch> cands = rs->FindAll(sentence_text);
//   std::vector<RuleMatch> wins = RuleSet::Resolve(cands, nullptr);
//
// Overlap policy (Resolve): candidates are ranked by (1) longer span in bytes,
// (2) higher priority, (3) earlier start, (4) earlier rule in file order; a
// candidate is kept when it overlaps no better-ranked kept candidate.
//
// Thread safety: a RuleSet is immutable after loading; FindAll() is const
// and may be called from many threads at once. Not copyable; movable.
// Each Set holds each rule's pattern with its counted repetitions opened
// (X{1,12} -> X+): it only says which rules hit a line, and a Set tracking
// every counter of every rule at once builds DFA states without end on
// varied text (real news ran 2-5x slower and held hundreds of MB). The
// rule's own RE2 keeps the bounds and decides the matches.
// Memory: the Set and every RE2 get `max_mem` (default 256 MiB budget for the
// Set; RE2's 8 MiB default makes a large Set ~1000x slower silently, see
// notes/limits.md). A pattern that does not fit is refused with an error.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractors/engine/rule_scope.h"
#include "pipeline/text/status.h"

namespace newskb {

struct RuleExample {
  std::string text;                 // input, as a user would write it (any script)
  bool must_match = true;           // false: the rule must NOT match inside `text`
  std::string match;                // expected matched surface text (empty: any)
  std::map<std::string, std::string> expect;  // expected fields of the mention: value, unit, qualifier, ...
  int line = 0;                     // line in the rule file
};

struct Rule {
  std::string id;                   // unique in its family, e.g. "fig.money.cn_scale"
  std::string kind;                 // mention kind name ("figure", "date", ...)
  std::string pattern;              // RE2 syntax, macros expanded
  std::string source_pattern;       // as written in the file
  int priority = 0;                 // higher wins ties of equal length
  std::map<std::string, std::string> attrs;  // constant attributes
  std::vector<RuleExample> examples;
  std::string file;                 // rule file path
  int line = 0;                     // line of the rule's "id" in the file
};

struct RuleMatch {
  const Rule* rule = nullptr;
  size_t begin = 0, end = 0;        // bytes in the searched text
  // Named groups that took part in the match, in pattern order.
  std::vector<std::pair<std::string, std::string_view>> groups;
  // The named group's text, or an empty view if it did not take part.
  std::string_view Group(std::string_view name) const;
  bool Has(std::string_view name) const;
};

// What one FindAll() call did (tests, benchmarks, `rules explain`).
struct FindStats {
  size_t rules_run = 0;          // rules whose own RE2 ran (the Set's hits), summed over calls
  size_t set_out_of_memory = 0;  // texts on which the Set's DFA ran out of memory (then every rule ran)
  size_t line_bytes = 0;         // bytes of the lines searched
  size_t window_bytes = 0;       // bytes of them the windowed rules' Set ran on (RuleSetOptions::windows)
};

struct RuleSetOptions {
  int64_t max_mem = int64_t{256} << 20;   // RE2::Set budget
  int64_t rule_max_mem = int64_t{64} << 20;  // each RE2
  // At most this many rules in one RE2::Set (0: no limit): a family is cut,
  // in file order, into Sets of this size, each run over the same lines or
  // windows. Same matches either way (tests/unit/rule_scope_test.cc). A
  // Set's DFA state holds where every one of its rules stands, so on varied
  // text one Set of many rules with wide classes builds states for the
  // combinations (memory and time); a few small Sets build the sum instead,
  // for one more pass over each window per Set. It pays where the states,
  // not the passes, are the cost (figures: see its loader); one Set is
  // faster for families whose DFA stays small.
  size_t max_set_rules = 0;
  size_t max_rules = 0;  // load only the file's first N rules (0: all); for benchmarks
  // The Set holds each rule's pattern with its optional leading and trailing
  // parts dropped (SetPatternOf below). Same matches either way; false: the
  // pattern with only its counted repetitions opened (tests compare the two).
  bool trim_set_patterns = true;
  // Run the windowed rules' Set only on the clauses that hold one of their
  // triggers (rule_scope.h). Same matches either way; false: the Set runs on
  // whole lines (tests compare the two, `rules explain` shows the scopes).
  bool windows = true;
  // A rule whose every match holds one of a few strings (RE2's prefilter,
  // as FilteredRE2 computes it, strings under literal_min_bytes left out)
  // enters its Sets by those strings, not by its pattern (see
  // LiteralSetPatternOf). Same matches either way (tests compare the two);
  // it moves cost from the Sets' DFA states (a Set of literals builds few)
  // to more runs of the rules' own RE2 on lines that hold the strings but
  // no match. Off: on 5 MB of real news it cut the Sets' own time by half
  // but the whole rule pass by 10-15 % at most at 6 bytes (and policies'
  // doubled), which end-to-end runs on the shared machine could not tell
  // from noise (bench/PROFILE.md, round 12).
  bool literal_sets = false;
  size_t literal_min_bytes = 6;
};

// The pattern a rule contributes to its family's RE2::Set (an expanded RE2
// pattern in, one out): counted repetitions opened (X{1,12} -> X+, see
// above) and, when `trim`, the optional parts the pattern starts or ends
// with dropped (`(?:{YEAR} ?年 ?)?` before a month, `(?:{TOD})?` after a
// day): an unanchored search finds a match of one wherever it finds a match
// of the other, so the Set names the same rules, and its DFA no longer
// tracks every place an optional year could start. Only what stands first
// or last (stepping into groups that hold no alternatives and are not
// repeated); a pattern with anchors, alternatives at that level, \Q, \x
// or \C there is left as it is. Public for the tests.
std::string SetPatternOf(std::string_view pattern, bool trim = true);
// The literal alternation a rule enters its Sets by under
// RuleSetOptions::literal_sets (an expanded RE2 pattern in): `(?i:a|b|...)`
// of the strings RE2's prefilter says every match holds one of, or "" when
// there are none or one is shorter than `min_bytes`. Public for the tests.
std::string LiteralSetPatternOf(const std::string& pattern, size_t min_bytes);

class RuleSet {
 public:
  // Loads and compiles one family file, with the shared macros of
  // macros.json in the same folder (if present). Errors name file:line and
  // rule id and include RE2's own message; malformed JSON names its line.
  static Result<RuleSet> LoadFile(const std::string& path, const RuleSetOptions& opts);
  // Loads from text (tests, tools); `name` stands for the file in messages,
  // and macros.json in name's folder is loaded as for LoadFile.
  static Result<RuleSet> LoadString(std::string_view json, const std::string& name,
                                    const RuleSetOptions& opts);

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  // Every match of every rule in `text` (candidates may overlap). A match
  // never spans a line break: `text` is matched one line ('\n'-separated)
  // at a time, as if each line were the whole text (`^` and `$` match at its
  // ends). Per line: the RE2::Set of the rules that may match anywhere runs
  // over the line, the Set of the windowed rules (rule_scope.h: every match
  // holds a trigger character and crosses no clause break) over each run of
  // clauses that holds a trigger; then each rule a Set named runs its own
  // RE2 where it was named (the line, or those clauses with the line as
  // context, so `^`, `$` and `\b` read as on the whole line), repeatedly
  // from the end of its previous match (non-overlapping matches of that
  // rule; empty matches are skipped). The windows change the cost, never
  // the result (tests/unit/rule_scope_test.cc compares them with
  // RuleSetOptions::windows off). Candidates come line by line, within a
  // line grouped by rule (file order), each rule's in text order. The views
  // in RuleMatch point into `text`. Cost: the Sets' passes + one scan of a
  // line or window per rule named in it; if a Set's DFA runs out of memory
  // on a text, every rule of that Set runs on it (never silently nothing).
  std::vector<RuleMatch> FindAll(std::string_view text) const;
  // The same, adding what it did to *stats (if not null).
  std::vector<RuleMatch> FindAll(std::string_view text, FindStats* stats) const;

  // Overlap resolution (policy above). Returns the winners in text order. If
  // `losers` is given, each losing candidate is appended with the index (in
  // the returned vector) of the winner it lost to.
  static std::vector<RuleMatch> Resolve(const std::vector<RuleMatch>& candidates,
                                        std::vector<std::pair<RuleMatch, size_t>>* losers);

  const std::string& family() const;     // file stem, e.g. "figures"
  const std::string& file() const;
  const std::vector<Rule>& rules() const;
  const Rule* FindRule(std::string_view id) const;
  // Where rules()[i] runs (rule_scope.h): windowed, its triggers, or why not.
  const RuleScope& Scope(size_t i) const;

 private:
  RuleSet();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newskb
