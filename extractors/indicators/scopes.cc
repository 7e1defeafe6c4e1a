// newskb/extractors/indicators/scopes.cc
#include "extractors/indicators/scopes.h"

#include <algorithm>
#include <utility>

#include "extractors/link/spans.h"
#include "extractors/link/word_bounds.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

// Tags of the words a scope is made of: nouns (not persons), idioms and
// abbreviations (货物贸易 l, 房地产 j), distinguishing words (高技术 b),
// adjectives (一般 of 一般贸易),
// nouns of verbs (服务 vn), place words (网上 s), verbs inside (穿戴 of 智能
// 穿戴: never the first word), Latin words.
bool ScopeTag(const LexWord& w) {
  if (!w.known) return w.tag == "eng";
  std::string_view t = w.tag;
  if (t.empty()) return false;
  if (t[0] == 'n') return t != "nr" && t != "nrt" && t != "nrfg";
  return t == "l" || t == "b" || t == "vn" || t == "j" || t == "s" || t == "v" || t == "eng" || t == "an" || t == "a";
}

// A Latin name written with digits (5g, 4k, b2b) or the digits of one split
// off by the segmenter (5 of 5|g): part of a scope (5G基站总数), no numeral.
bool AsciiAlnum(std::string_view s, bool* letter, bool* digit) {
  *letter = *digit = false;
  for (unsigned char c : s) {
    if (c >= '0' && c <= '9') *digit = true;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) *letter = true;
    else return false;
  }
  return !s.empty();
}
bool LatinWithDigits(const std::vector<LexWord>& words, size_t k, std::string_view t) {
  bool letter = false, digit = false;
  if (!AsciiAlnum(t.substr(words[k].b, words[k].e - words[k].b), &letter, &digit) || !digit) return false;
  if (letter) return true;
  // digits alone: the next word, joined to them, is Latin letters
  if (k + 1 >= words.size() || words[k + 1].b != words[k].e) return false;
  bool l2 = false, d2 = false;
  return AsciiAlnum(t.substr(words[k + 1].b, words[k + 1].e - words[k + 1].b), &l2, &d2) && l2;
}

// The coordinator (、 和 及 与 以及, spaces around) ending right at `pos`:
// sets [*b, *e) to it and returns true, else false.
bool CoordinatorBefore(std::string_view t, size_t pos, size_t* b, size_t* e) {
  size_t x = pos;
  while (x > 0 && t[x - 1] == ' ') --x;
  for (std::string_view w : {"以及", "、", "和", "及", "与"}) {
    if (x >= w.size() && t.compare(x - w.size(), w.size(), w) == 0) {
      *b = x - w.size();
      *e = x;
      return true;
    }
  }
  return false;
}

bool IsClauseBreak(char32_t c) {
  switch (c) {
    case ',': case ';': case ':': case '!': case '?': case '\n': case '(': case ')':
    case U'。': case U'、': case U'“': case U'”': case U'「': case U'」': case U'《': case U'》':
      return true;
    default:
      return false;
  }
}

// The start of the text segmented for a scope: at most `cps` code points
// before `head_b`, not before a clause break.
size_t WindowStart(std::string_view t, size_t head_b, int cps) {
  size_t b = head_b;
  for (int n = 0; n < cps && b > 0; ++n) {
    size_t p = b - 1;
    while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
    size_t len = 0;
    if (IsClauseBreak(DecodeUtf8(t, p, &len))) break;
    b = p;
  }
  return b;
}

// scope_b moved back over a qualifier word of sw.qualifiers ending right
// there, not before `floor`.
size_t WithQualifier(const ScopeWords& sw, std::string_view t, size_t floor, size_t scope_b) {
  size_t b = scope_b;
  for (int n = 0; n < 6 && b > floor; ++n) {
    size_t p = b - 1;
    while (p > floor && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
    b = p;
    if (n >= 1 && sw.qualifiers->Contains(t.substr(b, scope_b - b))) return b;
  }
  return scope_b;
}

// How far before a scope an indicator mention may start and still reach
// into it (names of the gazetteer and rules are far shorter).
constexpr size_t kOwnReachBytes = 256;

}  // namespace

Result<ScopeWords> ScopeWords::Load(const std::string& rules_dir, const Normalizer& norm) {
  ScopeWords sw;
  const std::pair<std::shared_ptr<const WordList>*, const char*> lists[] = {
      {&sw.whole, "scope_whole_words.txt"}, {&sw.actors, "scope_actor_words.txt"},
      {&sw.release_verbs, "scope_release_verbs.txt"}, {&sw.qualifiers, "scope_qualifiers.txt"}};
  for (const auto& [list, file] : lists) {
    auto r = WordList::LoadFile(rules_dir + "/gazetteer/" + file, norm);
    if (!r.ok()) return r.status();
    *list = std::move(r).value();
  }
  return sw;
}

bool FindScope(const Lexicon& lex, const ScopeWords& sw, std::string_view t, const std::vector<TakenSpan>& taken, size_t head_b,
               size_t head_e, ScopedIndicator* out) {
  if (head_b == 0 || head_e > t.size() || head_b >= head_e) return false;
  // The nearest earlier mentions: none may cover the head; the last one
  // to end before it bounds the scope (an entity there owns it).
  size_t last_end = 0;
  bool last_owner = false;
  auto it = std::lower_bound(taken.begin(), taken.end(), head_e,
                             [](const TakenSpan& s, size_t pos) { return s.b < pos; });
  for (auto k = it; k != taken.begin();) {
    --k;
    if (k->e > head_b) return false;  // the head is inside another mention
    if (k->e > last_end) last_end = k->e, last_owner = k->owner;
    else if (k->e == last_end && k->owner) last_owner = true;
    if (k->b + 4 * (kMaxScopeCps + 16) < head_b) break;  // mentions are short: far enough back
  }
  // Segment from a little before the scope's reach, so that a word
  // straddling its start or the last mention's end is seen whole (and ends
  // the scope: 机器人 of 擦窗机器人, 沿线 of 沿线省市).
  const size_t seg_b = WindowStart(t, head_b, kMaxScopeCps + kHeadContextCps);
  const size_t floor = std::max(seg_b, last_end);
  if (floor >= head_b) return false;
  const std::vector<LexWord> words = lex.Segment(t, seg_b, head_e);
  // The head starts on a word (出口 of 汽车出口 does not).
  size_t first_at_head = words.size();
  for (size_t i = 0; i < words.size(); ++i)
    if (words[i].b == head_b) first_at_head = i;
  if (first_at_head == words.size()) return false;
  // Content words back from the head; a release verb (实现, 完成) ends the
  // measure's own words: the scope is before it.
  size_t scope_b = head_b, measure_b = head_b, verb_b = head_e;  // verb_b: the release verb's start, if any
  size_t i = first_at_head;
  while (i > 0) {
    const LexWord& w = words[i - 1];
    if (w.b < floor) break;  // before the clause, or straddling a mention's end
    std::string_view s = t.substr(w.b, w.e - w.b);
    if (sw.release_verbs->Contains(s) && verb_b == head_e) {
      verb_b = w.b;
      measure_b = w.e;
      scope_b = w.b;
      --i;
      continue;
    }
    // A qualifier of the statistics (规模以上, 限额以上) belongs to the
    // scope, though its locality word would end it; the words before it
    // too (机械工业规模以上企业).
    if (const size_t q = WithQualifier(sw, t, std::max(floor, w.b > 8 ? w.b - 8 : 0), w.e); q < w.e && q >= floor) {
      size_t k = i - 1;
      while (k > 0 && words[k].b > q) --k;
      if (words[k].b == q) {
        if (Utf8Length(t.substr(q, head_b - q)) > static_cast<size_t>(kMaxScopeCps) + 4) break;
        scope_b = q;
        i = k;
        continue;
      }
    }
    if (LatinWithDigits(words, i - 1, t) && i - 1 < first_at_head) {
      if (Utf8Length(t.substr(w.b, head_b - w.b)) > static_cast<size_t>(kMaxScopeCps)) break;
      scope_b = w.b;
      --i;
      continue;
    }
    if (!ScopeTag(w) || IsFunctionTag(w.tag) || sw.whole->Contains(s)) break;
    // A verb before a noun is a verb and its object (支持草原), no modifier:
    // a plain verb stands in a scope only before a place word (穿戴 of
    // 智能穿戴网上零售额).
    if (w.tag == "v" && !sw.release_verbs->Contains(s) && words[i].tag != "s") break;
    if (Utf8Length(t.substr(w.b, head_b - w.b)) > static_cast<size_t>(kMaxScopeCps)) break;
    scope_b = w.b;
    --i;
  }
  // Never open with a plain verb (完成投资).
  while (i < first_at_head && words[i].tag == "v" && words[i].b < verb_b) {
    ++i;
    scope_b = i < first_at_head ? words[i].b : head_b;
  }
  // The scope ends at the release verb, if any.
  const size_t scope_e = verb_b < head_b ? verb_b : head_b;
  if (scope_b >= scope_e) return false;
  std::string_view scope = t.substr(scope_b, scope_e - scope_b);
  if (Utf8Length(scope) < 2 || sw.actors->Contains(scope)) return false;
  // Single characters alone are pieces of an unknown name or of the
  // measure (总净 of 總淨營收), no scope: one word of two or more.
  bool word = false;
  for (size_t k = i; k < first_at_head && !word; ++k)
    word = words[k].b >= scope_b && words[k].e <= scope_e && Utf8Length(t.substr(words[k].b, words[k].e - words[k].b)) >= 2;
  if (!word) return false;
  out->scope_e = scope_e;
  out->measure_b = measure_b;
  out->scope_b = scope_b;
  out->head_b = head_b;
  out->head_e = head_e;
  out->owned = last_owner && last_end == scope_b;
  return true;
}

void AddScopedIndicators(const RuleSet& rules, const Lexicon& lex, const ScopeWords& sw, const Document& doc, const NormText& norm,
                         const std::string& gaz_prefix, size_t first_own, std::vector<Mention>* out) {
  const std::string& t = norm.text;
  if (t.empty() || norm.cp_of_byte.empty()) return;
  std::vector<RuleMatch> found;
  for (RuleMatch& m : rules.FindAll(t))
    if (m.Has("head")) found.push_back(std::move(m));
  // Body code points -> normalised bytes (first byte at or after).
  auto byte_of = [&](uint32_t cp) {
    return static_cast<size_t>(std::lower_bound(norm.cp_of_byte.begin(), norm.cp_of_byte.end() - 1, cp) -
                               norm.cp_of_byte.begin());
  };
  std::vector<TakenSpan> taken;
  for (size_t k = 0; k < first_own && k < out->size(); ++k) {
    const Mention& m = (*out)[k];
    const bool entity = m.kind != MentionKind::kFigure && m.kind != MentionKind::kDate;
    taken.push_back({byte_of(m.start), byte_of(m.end), entity});
  }
  std::sort(taken.begin(), taken.end(), [](const TakenSpan& a, const TakenSpan& b) { return a.b < b.b; });
  struct Own { size_t b, e; bool gaz; bool drop = false; };
  std::vector<Own> own;
  for (size_t k = first_own; k < out->size(); ++k) {
    const Mention& m = (*out)[k];
    own.push_back({byte_of(m.start), byte_of(m.end), m.rule.rfind(gaz_prefix, 0) == 0});
  }
  std::vector<size_t> by_start(own.size());  // own, by begin
  for (size_t k = 0; k < own.size(); ++k) by_start[k] = k;
  std::stable_sort(by_start.begin(), by_start.end(), [&](size_t a, size_t b) { return own[a].b < own[b].b; });
  // The heads: each rule match's, then each gazetteer indicator's own
  // name (固定资产投资 of 交通固定资产投资, 生产总值 of 海洋生产总值),
  // wherever it stands.
  struct Head { size_t b, e; std::string rule; };
  std::vector<Head> heads;
  for (const RuleMatch& m : found) {
    std::string_view head = m.Group("head");
    const size_t hb = static_cast<size_t>(head.data() - t.data());
    heads.push_back({hb, hb + head.size(), m.rule->id});
  }
  for (const Own& o : own)
    if (o.gaz) heads.push_back({o.b, o.e, kGazetteerScopeRule});
  if (heads.empty()) return;
  std::vector<Mention> add;
  DisjointSpans done;
  for (const Head& h : heads) {
    ScopedIndicator si;
    if (!FindScope(lex, sw, t, taken, h.b, h.e, &si)) continue;
    // The indicators already found over the span: a rule's, or a
    // gazetteer name covering the scope's start (国内生产总值), stands;
    // one inside the span is replaced (工业增加值 of 消费品工业增加值,
    // 固定资产投资 of 交通固定资产投资: the measure is named with its scope).
    const bool merged = si.owned && si.scope_e == si.head_b;  // 江苏省 + 民间投资
    bool skip = false;
    std::vector<size_t> covered;
    // Own mentions are short: those starting a little before the scope on.
    const size_t from_b = si.scope_b > kOwnReachBytes ? si.scope_b - kOwnReachBytes : 0;
    for (auto it = std::lower_bound(by_start.begin(), by_start.end(), from_b,
                                    [&](size_t k, size_t pos) { return own[k].b < pos; });
         it != by_start.end() && own[*it].b < si.head_e; ++it) {
      const size_t k = *it;
      const Own& o = own[k];
      if (o.e <= si.scope_b) continue;
      if (!o.gaz || o.b <= si.scope_b) skip = true;
      else covered.push_back(k);
    }
    if (skip || !done.TryAdd(si.scope_b, si.head_e)) continue;
    for (size_t k : covered) own[k].drop = true;
    auto mention = [&](size_t b, size_t e, std::string rule) {
      Mention x = MakeMention(MentionKind::kIndicator, doc, norm, b, e, std::move(rule));
      x.name = x.text;
      return x;
    };
    if (merged) {
      add.push_back(mention(si.scope_b, si.head_e, h.rule));
      continue;
    }
    // The scope, and the measure named with it: the indicator as the
    // release names it (交通 + 固定资产投资 -> 交通固定资产投资; 铁路完成
    // 固定资产投资 -> 铁路固定资产投资).
    Mention scope = mention(si.scope_b, si.scope_e, h.rule);
    Mention measure = mention(si.measure_b, si.head_e, h.rule + ".head");
    measure.name = scope.text + measure.text;
    add.push_back(std::move(scope));
    add.push_back(std::move(measure));
    // Scopes coordinated before this one share its head (汽车、电工器材、
    // 船舶出口分别增长…): each is read back from its coordinator as from a
    // head and is a scope of its own (rule suffix .member), so that 分别
    // pairs each with its figure; the measure stays named after the last.
    size_t at = si.scope_b;
    for (int n = 0; n < kMaxScopeMembers; ++n) {
      size_t cb = 0, ce = 0;
      ScopedIndicator mi;
      if (!CoordinatorBefore(t, at, &cb, &ce) || !FindScope(lex, sw, t, taken, cb, ce, &mi)) break;
      if (mi.scope_e != cb || !done.TryAdd(mi.scope_b, mi.scope_e)) break;
      add.push_back(mention(mi.scope_b, mi.scope_e, h.rule + ".member"));
      at = mi.scope_b;
    }
  }
  // Drop the replaced gazetteer mentions, keep the rest in place.
  size_t w = first_own;
  for (size_t k = first_own; k < out->size(); ++k)
    if (!own[k - first_own].drop) {
      if (w != k) (*out)[w] = std::move((*out)[k]);
      ++w;
    }
  out->resize(w);
  for (Mention& x : add) out->push_back(std::move(x));
}

}  // namespace newskb
