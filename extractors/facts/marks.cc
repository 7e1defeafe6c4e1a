// newskb/extractors/facts/marks.cc: step 3 of the facts pass, anaphors and
// entity marks.
#include <algorithm>
#include <climits>
#include <cstdint>

#include "extractors/facts/steps.h"

namespace newskb {
namespace facts {

namespace {


// The longest np group of a span rule (40 code points of at most 4 bytes).
constexpr size_t kMaxSpanBytes = 164;
// The longest appositive head (锂矿商: 9 bytes).
constexpr size_t kMaxHeadBytes = 32;

// True if `word` is an item of the comma-separated `list`.
bool InList(const std::string& list, std::string_view word) {
  for (size_t p = 0; p <= list.size();) {
    size_t q = list.find(',', p);
    if (q == std::string::npos) q = list.size();
    if (std::string_view(list).substr(p, q - p) == word) return true;
    p = q + 1;
  }
  return false;
}

bool KindAllowed(const std::string& kinds, MentionKind k) {
  return InList(kinds, MentionKindName(k));
}

// True if [b, e) overlaps a span of `list` (sorted by b, spans short).
bool Overlaps(const std::vector<Span>& list, size_t b, size_t e) {
  auto it = std::lower_bound(list.begin(), list.end(), b > kMaxSpanBytes ? b - kMaxSpanBytes : 0,
                             [](const Span& s, size_t v) { return s.b < v; });
  for (; it != list.end() && it->b < e; ++it)
    if (it->e > b) return true;
  return false;
}

// The mark of the preposition ending right at `b` (the last such match), kNone if none.
Mark PrepBefore(const std::vector<Span>& preps, size_t b) {
  auto it = std::upper_bound(preps.begin(), preps.end(), b, [](size_t v, const Span& s) { return v < s.e; });
  if (it == preps.begin()) return kNone;
  --it;
  return it->e == b ? it->mark : kNone;
}

// The mark of the first span (by begin) holding [b, e), kNone if none.
Mark SpanAround(const std::vector<Span>& spans, size_t b, size_t e) {
  auto it = std::lower_bound(spans.begin(), spans.end(), b > kMaxSpanBytes ? b - kMaxSpanBytes : 0,
                             [](const Span& s, size_t v) { return s.b < v; });
  for (; it != spans.end() && it->b <= b; ++it)
    if (e <= it->e) return it->mark;
  return kNone;
}

// The earliest begin of an appositive head ending right at `b`, SIZE_MAX if none.
size_t HeadBefore(const std::vector<Span>& heads, size_t b) {
  auto it = std::lower_bound(heads.begin(), heads.end(), b > kMaxHeadBytes ? b - kMaxHeadBytes : 0,
                             [](const Span& s, size_t v) { return s.b < v; });
  size_t best = SIZE_MAX;
  for (; it != heads.end() && it->b < b; ++it)
    if (it->e == b) best = std::min(best, it->b);
  return best;
}

// A descriptor before a name (向澳洲稀土开发商阿拉弗拉, 美国石墨商Syrah): the
// entities inside the descriptor modify the name (neither subject nor
// object), and the name takes the mark of the first of them (向).
void MarkDescriptor(std::string_view t, const Matches& m, std::vector<Ent>& ents, size_t k) {
  Ent& en = ents[k];
  if (!en.named()) return;
  const size_t head_b = HeadBefore(m.appositives, en.b);
  if (head_b == SIZE_MAX) return;
  // The chain of entities before the head: the first ends at most a few
  // characters before it (稀土 in 稀土开发商), each other right before the
  // next or joined by 的 (澳洲的稀土开发商).
  size_t right = head_b;
  int first = -1;
  for (int j = static_cast<int>(k) - 1; j >= 0 && j >= static_cast<int>(k) - kEntityWindow; --j) {
    const Ent& p = ents[j];
    if (p.clause != en.clause || p.e > right) break;
    std::string_view gap(t.data() + p.e, right - p.e);
    bool close = right == head_b ? CodePointsIn(t, p.e, right) <= 4 && gap.find_first_of(",;:()") == std::string_view::npos &&
                                       gap.find("、") == std::string_view::npos
                                 : gap.empty() || gap == "的";
    if (!close) break;
    first = j;
    right = p.b;
  }
  if (first < 0) return;
  // (A second run finds the descriptor already marked as a modifier.)
  if (en.mark == kNone && ents[first].mark != kModifier) en.mark = ents[first].mark;
  for (int j = first; j < static_cast<int>(k); ++j) ents[j].mark = kModifier;
}

}  // namespace

bool Coordinated(std::string_view t, size_t a, size_t b) {
  if (b < a || b - a > 12) return false;
  std::string_view g = t.substr(a, b - a);
  static const std::string_view kJoin[] = {"以及", "、", "和", "与", "及", "(", ")", " ", "跟", "同"};
  while (!g.empty()) {
    bool hit = false;
    for (std::string_view j : kJoin) {
      if (g.substr(0, j.size()) == j) {
        g.remove_prefix(j.size());
        hit = true;
        break;
      }
    }
    if (!hit) return false;
  }
  return true;
}

void MarkEntities(std::string_view t, const Matches& m, Placed* placed) {
  std::vector<Ent>& ents = placed->ents;
  // A preposition right before (the last rule matching wins), else a span around.
  for (Ent& en : ents) {
    Mark p = PrepBefore(m.preps, en.b);
    if (p != kNone) en.mark = p;
    const Mark around = SpanAround(m.spans, en.b, en.e);
    if (en.mark == kNone) en.mark = around;
    // 记者从X获悉: X is who reports (fact.span.informant), not a source of money.
    if (p == kFrom && around == kSpeaker) en.mark = kSpeaker;
  }
  for (size_t k = 1; k < ents.size(); ++k) MarkDescriptor(t, m, ents, k);
  // A place written right before an organization or policy modifies it
  // (日本丰田通商, 美国商务部 when split): it is neither subject nor object.
  for (size_t k = 0; k + 1 < ents.size(); ++k)
    if (ents[k].kind == MentionKind::kPlace && ents[k].e == ents[k + 1].b && ents[k + 1].named())
      ents[k].mark = kModifier;
  // Coordination (、 和 与 及, brackets) carries the mark of the entity
  // before: 向阿拉弗拉(Arafura)投资, 从亚马逊(Amazon)、比尔·盖茨.
  for (size_t k = 1; k < ents.size(); ++k)
    if (ents[k].mark == kNone && ents[k - 1].mark != kNone && ents[k - 1].mark != kModifier &&
        Coordinated(t, ents[k - 1].e, ents[k].b))
      ents[k].mark = ents[k - 1].mark;
  placed->first_subject.assign(placed->ent_begin.size(), -1);
  for (size_t c = 0; c < placed->ent_begin.size(); ++c)
    for (int k = placed->ent_begin[c]; k < placed->ent_end[c]; ++k)
      if (CanBeSubject(ents[k].mark) && !ents[k].commodity()) {
        placed->first_subject[c] = k;
        break;
      }
}

void MarkObjectsOfVerbs(std::string_view t, const Layout& layout, const Lexicon* lex, Placed* placed) {
  placed->object_of_verb.assign(placed->ents.size(), false);
  if (lex == nullptr) return;
  for (size_t c = 0; c < placed->first_subject.size(); ++c) {
    const int k = placed->first_subject[c];
    if (k < 0) continue;
    const Ent& en = placed->ents[k];
    // A measure is what its clause reports, after a release verb or not
    // (实现利润总额…，同比增长5%; 又例如固定資產投資，…): never a verb's object.
    if (en.kind == MentionKind::kIndicator) continue;
    size_t b = layout.clauses[c].b;
    if (en.b <= b || CodePointsIn(t, b, en.b) > kVerbWindowCps) continue;
    // A verb followed by 的 is inside a modifier of the entity (分享的投信偏多股
    // 立積, 同系的新城悅服務, 创立于2019年的Brimstone): no verb of it.
    bool verb = false;
    for (const LexWord& w : lex->Segment(t, b, en.b)) {
      if (w.known && w.tag == "v") verb = true;
      else if (t.compare(w.b, w.e - w.b, "的") == 0) verb = false;
    }
    placed->object_of_verb[k] = verb;
  }
}

void ResolveAnaphors(const Layout& layout, const Matches& m, Placed* placed) {
  std::vector<Ent>& ents = placed->ents;
  std::vector<Ent> added;
  placed->unresolved.assign(layout.clauses.size(), false);
  // Nearest first; an anaphor already resolved counts as an entity too (该
  // 公司…。其…), so anaphors are resolved in text order against a merged view.
  auto sentence_of = [&](const Ent& e) { return e.clause < 0 ? -1 : layout.clauses[e.clause].sentence; };
  for (const Span& a : m.anaphors) {
    const int clause = layout.ClauseOf(a.b);
    if (clause < 0 || Overlaps(m.blocks, a.b, a.e)) continue;
    const int sent = layout.clauses[clause].sentence, par = layout.paragraph[sent];
    const std::string kinds = Attr(*a.rule, "kinds", "organization,policy,place");
    const bool cross = Attr(*a.rule, "cross_paragraph", "") == "yes";
    const std::string classes = Attr(*a.rule, "org_classes", "");
    // Not inside a named entity (该公司 never is, 其 may be: 尤其 is blocked).
    auto at = std::lower_bound(ents.begin(), ents.end(), a.b, [](const Ent& e, size_t v) { return e.b < v; });
    if (at != ents.end() && at->b < a.e) continue;
    if (at != ents.begin() && std::prev(at)->e > a.b) continue;
    // Candidates: entities before the anaphor, and anaphors resolved before it.
    const Ent* found = nullptr;
    int looked = 0;
    auto consider = [&](const Ent& c) {
      int s = sentence_of(c);
      if (s < 0 || s < sent - kSentenceWindow) return false;  // stop: out of reach
      int p = layout.paragraph[s];
      if (p != par && !(cross && p == par - 1)) return false;
      if (c.mark == kSource || c.mark == kModifier || c.mark == kPlace) return true;
      if (!KindAllowed(kinds, c.kind)) return true;
      if (c.kind == MentionKind::kOrganization && !classes.empty() && !c.org_class.empty() &&
          !InList(classes, c.org_class))
        return true;
      found = &c;
      return false;
    };
    auto it = at;
    auto ad = added.rbegin();
    while (!found && looked++ < kEntityWindow) {
      // The nearer of the next real entity and the next resolved anaphor.
      const Ent* real = it != ents.begin() ? &*std::prev(it) : nullptr;
      const Ent* ana = ad != added.rend() ? &*ad : nullptr;
      const Ent* c = real && (!ana || real->b > ana->b) ? real : ana;
      if (!c) break;
      if (c == real) --it; else ++ad;
      if (!consider(*c)) break;
    }
    // 其 after the opening of its clause: a possessor inside the object.
    const bool lead = Attr(*a.rule, "lead", "") == "yes";
    const bool inside = lead && a.b > layout.clauses[clause].b + 3;  // 而其, 但其 still lead
    if (!found) {
      if (!inside && PrepBefore(m.preps, a.b) == kNone) placed->unresolved[clause] = true;
      continue;
    }
    Ent e = *found;
    e.b = a.b;
    e.e = a.e;
    e.clause = clause;
    e.mark = inside ? kMembers : kNone;
    e.anaphor = a.rule;
    e.antecedent_sentence = found->anaphor ? found->antecedent_sentence : sentence_of(*found);
    added.push_back(e);
  }
  if (added.empty()) return;
  std::vector<Ent> merged;
  merged.reserve(ents.size() + added.size());
  std::merge(ents.begin(), ents.end(), added.begin(), added.end(), std::back_inserter(merged),
             [](const Ent& x, const Ent& y) { return x.b < y.b; });
  ents.swap(merged);
  IndexByClause(layout, placed);
}

}  // namespace facts
}  // namespace newskb
