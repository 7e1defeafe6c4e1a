// newskb/extractors/indicators/scopes.h
//
// An indicator's scope: what a statistical measure measures. Releases name a
// measure (投资, 增加值, 网上零售额, 进出口总值, 利润, 出口金额 ...) after the
// sector, product group or trade it covers (高技术制造业投资, 消费品工业增加值,
// 智能穿戴网上零售额, 货物贸易进出口总值, 船舶出口金额), and analysts ask about
// that scope ("how did 高技术制造业 investment grow?"). The rules of
// rules/indicator_scopes.json find a measure's head standing right before its
// value or its change (投资同比增长11.3%); the scope is then read backwards
// from the head by words (link/lexicon.h), within the clause:
//
//   - the head starts on a word boundary (出口 of 汽车出口 does not);
//   - the scope is the run of content words right before the head (nouns,
//     distinguishing words, nouns of verbs 服务, place words 网上, a verb
//     inside it 智能穿戴), at most kMaxScopeCps code points, at least two;
//     it stops at a function word (我国, 等, 的, 和), a numeral, a time or
//     locality word (以上), punctuation, a mention found earlier (a figure,
//     a date, an organization ...), a word of gazetteer/scope_whole_words.txt (全国, 全社会: the
//     nation's total is the measure's own, as 全国网上零售额) and does not open
//     with a plain verb (扩大投资 -> no scope); a release verb (实现, 完成,
//     涉及, 带动) ends it: 铁路完成固定资产投资 is 铁路 (scope) and
//     固定资产投资 (the measure, the gazetteer's name kept);
//   - a scope that is one generic word of an actor or a thing (公司, 企业,
//     集团, 银行, 平台, 项目, 工程, 商品) is none: 公司营收 is the company's own figure;
//   - an organization, place, policy, project or commodity mention right
//     before the scope owns the indicator: the scope and head are ONE
//     indicator mention named as written (江苏省民间投资: 江苏省 stays the
//     figure's subject, 民间投资 what it measures);
//   - otherwise TWO indicator mentions: the scope (rule id, named as
//     written: 高技术制造业) and the measure, named by the whole indicator
//     as the release calls it, scope and measure without a release verb
//     (高技术制造业投资, 铁路固定资产投资; rule id + ".head"). The facts pass
//     then takes the scope as the subject and the indicator as the object
//     (高技术制造业 | cost_change | 高技术制造业投资 | 11.3%);
//   - a qualifier of the statistics' population (规模以上, 限额以上:
//     gazetteer/scope_qualifiers.txt) is part of the scope though its
//     locality word would end it (规模以上工业企业, 机械工业规模以上企业);
//   - heads are the rules' matches and every gazetteer indicator mention
//     (wherever it stands: 交通固定资产投资规模…，达16474亿元; 海洋生产总值 is
//     not 國內生產總值), rule id ind.scope.gazetteer.
//
// Gazetteer indicator mentions overlapping a scoped indicator after its
// scope's start are replaced (工业增加值 inside 消费品工业增加值, 进出口总额 of
// 义乌进出口总额); a mention of an indicator rule
// (ind.measured_quantity: 全社会用电量) is kept and the scoped match skipped.
//
// Thread safety: immutable after construction. Cost: the rule set's pass
// plus one segmentation of a window of kMaxScopeCps + kHeadContextCps code
// points per match.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/engine/rule_set.h"
#include "extractors/extractor.h"
#include "extractors/link/lexicon.h"
#include "extractors/link/spans.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/document.h"

namespace newskb {

inline constexpr int kMaxScopeCps = 10;
inline constexpr int kHeadContextCps = 4;
// Scopes coordinated before a scope (A、B、C + head) read as scopes of their own.
inline constexpr int kMaxScopeMembers = 8;
// The rule id of a scoped indicator whose head is a gazetteer indicator.
inline constexpr const char* kGazetteerScopeRule = "ind.scope.gazetteer";

// One scoped indicator found in normalised text (bytes).
struct ScopedIndicator {
  size_t scope_b = 0, scope_e = 0;  // the scope (scope_e = head_b unless a release verb stands between)
  size_t measure_b = 0;             // the measure is [measure_b, head_e): head_b, or after 实现 / 完成
  size_t head_b = 0, head_e = 0;    // the measure's head
  bool owned = false;            // an entity mention ends at scope_b: one mention [scope_b, head_e)
};

// A mention found before the indicators (normalised bytes): it stops a
// scope; an entity (organization, policy, place, commodity, project) right
// before a scope owns it.
struct TakenSpan {
  size_t b = 0, e = 0;
  bool owner = false;
};

// The word lists a scope is read with (rules/gazetteer/scope_*.txt, one
// word a line, normalised text): words that end a scope looking back
// (全国, 我国, 今年), words that are no scope alone (公司, 企业), and the
// release verbs between a scope and its measure (实现, 完成).
struct ScopeWords {
  std::shared_ptr<const WordList> whole, actors, release_verbs, qualifiers;
  static Result<ScopeWords> Load(const std::string& rules_dir, const Normalizer& norm);
};

// The scope of the head t[head_b, head_e) as described above. `taken` is
// sorted by begin. False when there is none (then *out is unspecified).
bool FindScope(const Lexicon& lex, const ScopeWords& sw, std::string_view t, const std::vector<TakenSpan>& taken, size_t head_b,
               size_t head_e, ScopedIndicator* out);

// Runs `rules` (rules/indicator_scopes.json: group `head`) over `norm` and
// appends to *out the scoped indicators. *out holds the mentions of the
// extractors run before, then, from index `first_own` on, the indicator
// mentions of the gazetteer and indicators.json (rule ids starting with
// `gaz_prefix` for the gazetteer's): those a scoped indicator covers after
// its scope's start are removed (the measure, named with its scope, takes
// their place).
void AddScopedIndicators(const RuleSet& rules, const Lexicon& lex, const ScopeWords& sw, const Document& doc, const NormText& norm,
                         const std::string& gaz_prefix, size_t first_own, std::vector<Mention>* out);

}  // namespace newskb
