// newskb/extractors/facts/steps.h
//
// The facts pass as named steps (facts.cc runs them in this order). Each
// step is a free function over value types, tested on its own
// (tests/unit/facts_steps_test.cc), and linear in the document's length:
// every search is bounded by one of the windows below, so a 32 MiB article
// costs 32 times a 1 MiB one.
//
//   1. SplitClauses    sentences -> clauses, periods (sentences joined by
//                      `;`) and paragraphs (sentences between line breaks)
//      PlaceMentions   figures, dates and entities in normalised bytes, each
//                      with its clause
//   2. MatchRules      the rules of facts.json over each period that holds a
//                      figure: cues, prepositions, spans, appositives,
//                      从/至 markers, anaphors
//      ReadPredicates  each figure's predicate: best cue of its clause, else
//                      its unit class's default; 从 A 降至 B
//   3. ResolveAnaphors 该公司 / 該計畫 / 其 ... become entities standing for
//                      the nearest earlier entity of a matching kind in the
//                      paragraph
//      MarkEntities    preposition, span, appositive and coordination marks
//      MarkObjectsOfVerbs  an entity after a verb of its clause (jieba's
//                      tags) is the verb's object: carried to no other clause
//   4. FindRoles       each figure's subject and object within its period
//      PairRespectively  A、B 分别投资 x 和 y: the i-th entity of a
//                      coordinated list is the subject (or object) of the
//                      i-th figure of the list after 分别
//   5. ChooseDate      the date of the figure's clause, else of the leading
//                      adverbial of its sentence
//   6. TakeSetting     a sentence opening with 在 + a place is about it
//      CarryTopic      a figure whose period names no subject takes the
//                      topic of the previous sentences of its paragraph
//
// Everything here works on the normalised text (Simplified, half width,
// lower case) in bytes; facts.cc turns the result into Fact rows.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "extractors/link/lexicon.h"
#include "extractors/link/name_rules.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace facts {

// ---------------------------------------------------------------- windows
// Cues farther than this from the figure (bytes of normalised text, about
// 120 CJK characters) are not read.
inline constexpr size_t kCueWindowBytes = 360;
// Clauses of the period searched for a subject before / after the figure's.
inline constexpr int kClauseWindow = 12;
// Entities looked at by one search (object before the figure, chains of
// descriptors, topic of an earlier clause).
inline constexpr int kEntityWindow = 48;
// Sentences an anaphor or a carried topic may reach back, within a paragraph.
inline constexpr int kSentenceWindow = 6;
// Sentences a carried topic reaches forward, unless it is the body whose
// release the paragraph reports (X数据显示，…。其中，…。在出口方面，…): that
// one reaches kSentenceWindow. On 3,000 real articles 5 of 25 topics taken
// from two or more sentences back were right; with any reach (up to 6) and
// only "no other entity between" as the limit, 2-3 of 15 sampled were.
// MatchRules reads these sentences too, so a topic's marks are known.
inline constexpr int kTopicReach = 2;
// Dates looked at for the leading adverbial of a sentence.
inline constexpr int kDateWindow = 16;

// ---------------------------------------------------------------- 1. clauses
struct Clause {
  size_t b = 0, e = 0;  // normalised bytes [b, e)
  int sentence = 0;     // index in NormText::sentences
};

struct Layout {
  std::vector<Clause> clauses;    // in text order
  std::vector<int> period;        // per sentence: first sentence of its period
  std::vector<int> paragraph;     // per sentence: paragraph number (line breaks)
  std::vector<int> first_clause;  // per sentence: its first clause, or the next sentence's
  // The clause holding byte `pos`, -1 if none (between clauses). O(log n).
  int ClauseOf(size_t pos) const;
  int PeriodOfClause(int c) const { return period[clauses[c].sentence]; }
};

// Cuts each sentence at , ; : ! ? line breaks and 。 (a comma between digits
// does not cut); joins sentences ending in `;` into periods; numbers the
// paragraphs (a line break between two sentences starts a new one).
Layout SplitClauses(const NormText& norm);

enum Mark { kNone = 0, kSource, kSpeaker, kFrom, kTarget, kPlace, kPassive, kMembers, kModifier };
Mark MarkOf(const std::string& name);  // facts.json `mark` attr; kNone if unknown
const char* MarkName(Mark m);
// Code points of t[b, e) (clamped to t): the gaps the rules measure.
inline int CodePointsIn(std::string_view t, size_t b, size_t e) {
  if (b >= t.size() || e <= b) return 0;
  return static_cast<int>(CountCodePoints(t.substr(b, e - b)));
}

inline bool CanBeSubject(Mark m) { return m == kNone; }
inline bool CanBeObject(Mark m) { return m == kNone || m == kFrom || m == kTarget || m == kMembers; }

// An organization, policy, place or commodity, or an anaphor standing for one.
struct Ent {
  int idx = -1;        // mention index (for an anaphor: its antecedent's)
  size_t b = 0, e = 0;  // normalised bytes of the mention (or of the anaphor)
  MentionKind kind = MentionKind::kOrganization;
  Mark mark = kNone;
  int clause = -1;
  // Anaphors only: the rule that matched (该公司 ...) and the sentence the
  // antecedent stands in.
  const Rule* anaphor = nullptr;
  int antecedent_sentence = -1;
  // Organizations: company, bank, gov, media ... (OrganizationClass).
  std::string org_class;
  bool commodity() const { return kind == MentionKind::kCommodity; }
  bool named() const { return kind == MentionKind::kOrganization || kind == MentionKind::kPolicy; }
};

struct Fig {
  int idx = -1;
  size_t b = 0, e = 0;
  int clause = -1;
  std::string cls;  // UnitClass of its unit
};

struct DateAt {
  int idx = -1;
  size_t b = 0, e = 0;
  int clause = -1;
};

// Mentions in normalised bytes, each list sorted by position.
struct Placed {
  std::vector<Ent> ents;
  std::vector<Fig> figs;
  std::vector<DateAt> dates;
  // Per clause, the range of `ents` / `dates` inside it and its figure count
  // (filled by IndexByClause).
  std::vector<int> ent_begin, ent_end, date_begin, date_end, figs_in;
  // Per clause, its first entity that can be a subject (unmarked, not a
  // commodity), -1 if none (filled by MarkEntities).
  std::vector<int> first_subject;
  // Per clause: it opens with an anaphor no antecedent was found for (该厂
  // of an unknown plant). The clause names its own subject, so neither the
  // speaker nor a carried topic stands in (filled by ResolveAnaphors).
  std::vector<bool> unresolved;
  // Per entity: a verb stands before it in its clause (收購哈薩克斯坦國家石油
  // 國際公司, 預防武漢…肺炎): it is that verb's object, no subject to carry
  // into a later clause (filled by MarkObjectsOfVerbs; empty: none is).
  std::vector<bool> object_of_verb;
};

// `org_classes`: an organization's canonical name -> its gazetteer kind
// (rules/gazetteer/organizations.tsv), for Ent::org_class. Figures inside a
// date mention are left out (DropFiguresInsideDates).
Placed PlaceMentions(const NormText& norm, const Layout& layout, const std::vector<Mention>& ms,
                     const std::map<std::string, std::string>& org_classes);

// The class of an organization mention: the gazetteer kind of its name
// (company, bank, fund, gov, media, ...), "gov" for a body a rule made
// (org.gov.*, org.body.*), else "" (unknown).
std::string OrganizationClass(const Mention& m, const std::map<std::string, std::string>& org_classes);
// Drops the figures that stand inside a date mention (5个月 of 今年前5个月,
// 15年 of 15年5月): part of the date, no fact of their own. Lists sorted by
// position; linear.
void DropFiguresInsideDates(Placed* placed);
// (Re)builds the per-clause ranges; call after adding entities.
void IndexByClause(const Layout& layout, Placed* placed);

// ---------------------------------------------------------------- 2. cues
enum UnitClassBit : unsigned {
  kMoney = 1, kPercent = 2, kDuration = 4, kCount = 8, kMass = 16, kRate = 32, kOtherUnit = 64, kAnyUnit = 127
};
unsigned UnitBit(const std::string& cls);

struct Cue {
  size_t b = 0, e = 0;
  const Rule* rule = nullptr;
  std::string predicate;
  char side = 'a';      // 'b' before the figure, 'a' after, '*' any
  unsigned units = 0;   // UnitClassBit set
  int max_gap = 1 << 30;  // code points
};
struct Span {
  size_t b = 0, e = 0;
  Mark mark = kNone;
  const Rule* rule = nullptr;
};

// What facts.json found, each list sorted by begin (preps: by end).
struct Matches {
  std::vector<Cue> cues;
  std::vector<Span> preps;        // [b, e) the preposition; marks an entity starting at e
  std::vector<Span> spans;        // group `np`; marks every entity inside
  std::vector<Span> appositives;  // descriptor heads: 开发商, 公司 ...
  std::vector<Span> froms, tos;   // 从 … 降至
  std::vector<Span> anaphors;     // 该公司, 其 ... (rule: role anaphor)
  std::vector<Span> blocks;       // 其中, 尤其 ...: no anaphor inside
  std::vector<Span> respectively; // 分别, 各自, 依次
  std::vector<Span> continues;    // group np: ，同比增长 before a figure (fact.continues)
};

// One RE2::Set pass over each period that holds a figure and over the
// periods of the kTopicReach sentences before it in its paragraph (where
// its topic may stand: 位于重庆的X投产 is about X, not 重庆).
Matches MatchRules(const RuleSet& rules, const NormText& norm, const Layout& layout, const Placed& placed);

struct Reading {
  std::string predicate;
  std::string rule;      // the cue's rule id, or fact.default.<class>
  bool from_to = false;  // 从 A 降至 B
};

// The predicate of every figure (index as placed.figs). `defaults` maps a
// unit class to its predicate (the fact.defaults rule).
std::vector<Reading> ReadPredicates(std::string_view text, const Layout& layout, const Placed& placed,
                                    const Matches& matches, const std::map<std::string, std::string>& defaults);

// ---------------------------------------------------------------- 3. entity marks
// Adds one Ent per anaphor of `matches` that finds an antecedent: the
// nearest earlier entity of a kind the rule's `kinds` attr allows (and for
// an organization, of a class in `org_classes` when the rule lists them and
// the class is known), in the same paragraph (or the previous one, with
// `cross_paragraph`), at most kSentenceWindow sentences back; sources,
// places after 在 and modifiers are passed over. An anaphor of a rule with
// `lead: yes` (其) after the opening of its clause is a possessor inside the
// object (取得其…项目20%权益): object only. Keeps ents sorted
// and rebuilds the per-clause index.
void ResolveAnaphors(const Layout& layout, const Matches& matches, Placed* placed);

// Sets Ent::mark: a preposition right before, a span around it, a
// descriptor before a name (modifier), a place right before an organization
// or policy (modifier), coordination with a marked entity before. Then
// fills Placed::first_subject. Run before ResolveAnaphors (whose search
// skips sources, speakers, places after 在 and modifiers) and again after it
// (to mark the anaphors: 向该公司 is a target).
void MarkEntities(std::string_view text, const Matches& matches, Placed* placed);

// True if text[a, b) holds only coordination: 、 和 与 及 以及 跟 同 brackets spaces.
bool Coordinated(std::string_view text, size_t a, size_t b);

// Sets Placed::object_of_verb for the entities that are the first possible
// subject of their clause (the ones a later clause may carry): true when a
// word the lexicon tags a plain verb (v) stands between the clause's start
// and the entity (at most kVerbWindowCps code points back), as in 收購哈薩克
// 斯坦國家石油國際公司 or 在進行審議委員會之前, and no 的 after that verb (a
// verb of a modifier: 分享的投信偏多股立積). An indicator is never marked (实现
// 利润总额…，同比增长5%: the measure goes on). A null lexicon marks none.
inline constexpr int kVerbWindowCps = 24;
void MarkObjectsOfVerbs(std::string_view text, const Layout& layout, const Lexicon* lex, Placed* placed);

// ---------------------------------------------------------------- 4. roles
struct Roles {
  int subject = -1;        // index in placed.ents
  int subject_clause = -1;
  std::string how;         // clause, possessor, main, previous, next, speaker, topic
  int object = -1;
  bool object_previous = false;
  // The 分别 rule that paired the subject (how == "respectively") or the
  // object with this figure, nullptr if none.
  const Rule* paired = nullptr;
};

// The subject and object of figure `fi` within its period. An indicator
// (a measure: 森林覆盖率, 全社会用电量) named in an earlier clause of the
// period is carried to the figure's clause only when that clause opens with
// change words alone before the figure (，同比增长5.2%: a `continues` span of
// `matches`, rule fact.continues) or with the figure itself; a clause with
// a noun of its own before the figure (，产量25万余吨) measures that noun.
// A measure standing in a clause with no figure (又例如固定資產投資，…) is the
// period's topic and is carried as before.
// Without `matches` every clause continues.
Roles FindRoles(std::string_view text, const Layout& layout, const Placed& placed, size_t fi,
                const std::vector<Mention>& ms, const Matches* matches = nullptr);
// True if figure f's clause holds nothing before f but spaces and a
// `continues` span (or f opens the clause): see FindRoles.
bool ContinuesEarlierMeasure(std::string_view text, const Layout& layout, const Matches* matches, const Fig& f);

// Pairs lists (rule role `respectively`): for each 分别 marker, the figures
// of its clause after it that stand in one coordinated list (x、y和z), and
// the coordinated chain of entities nearest before the marker in its period
// (A、B和C; a chain carries one mark). When both have the same length (at
// least 2), the i-th figure takes the i-th entity: as subject when the
// chain can be one (then an object that is a member of the chain is
// dropped), else as object (对拉丁美洲、非洲分别进出口… : targets). Lists of
// other lengths are left as FindRoles read them. Sets Roles::paired.
void PairRespectively(std::string_view text, const Layout& layout, const Placed& placed, const Matches& matches,
                      std::vector<Roles>* roles);

// ---------------------------------------------------------------- 5. dates
// Mention index of the figure's date, -1 if none.
int ChooseDate(std::string_view text, const Layout& layout, const Placed& placed, size_t fi);

// ---------------------------------------------------------------- 6. across sentences
// Carries each sentence's topic (the subject of its first fact found in the
// sentence itself, else its first entity that can be a subject) to the
// following sentences of the paragraph that have none. For every figure
// whose roles have no subject, takes the topic of the nearest earlier
// sentence of its paragraph that has one, when that sentence is at most
// kTopicReach back (kSentenceWindow for a release's speaker standing in as
// its subject) and no sentence between them names an entity that is no
// topic (an object, a place after 在 or 位于, a target: the story moved
// on), and sets how = "topic". `roles` is indexed as placed.figs.
// A sentence that opens with its setting, 在 + a place (在江西南昌，…; 在黑龙江
// 富裕县，…; after connectives: 此外，在…，), is about that place: each of its
// figures with no subject takes the last place of the setting (how =
// "setting"), before any topic is carried from the sentences before. The
// setting clause holds no figure, starts with 在 or 于, and ends at most
// kSettingTailCps code points after its last place (县, 市, 南昌 when the
// gazetteer lacks it); a longer tail is a clause of its own (在美国对中国加征
// 关税的背景下). Run after FindRoles, before CarryTopic.
inline constexpr int kSettingTailCps = 4;
void TakeSetting(std::string_view text, const Layout& layout, const Placed& placed, std::vector<Roles>* roles);

// A topic never reaches back over the start of a story: a span of a rule
// with `opens_story: yes` in `matches` (a dateline 新华社北京3月5日电：, a
// byline 〔記者…／台北報導〕): what stands before it (a page's browser
// notice, another story) is no topic of what follows.
void CarryTopic(const Layout& layout, const Placed& placed, std::vector<Roles>* roles,
                const Matches* matches = nullptr);

}  // namespace facts
}  // namespace newskb
