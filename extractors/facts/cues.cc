// newskb/extractors/facts/cues.cc: step 2 of the facts pass, the rules of
// facts.json over each period that holds a figure, and each figure's
// predicate.
#include <algorithm>
#include <cstdlib>

#include "extractors/facts/steps.h"

namespace newskb {
namespace facts {

namespace {


unsigned UnitBits(const std::string& list) {
  unsigned bits = 0;
  for (size_t p = 0; p <= list.size();) {
    size_t q = list.find(',', p);
    if (q == std::string::npos) q = list.size();
    bits |= list.compare(p, q - p, "any") == 0 ? kAnyUnit : UnitBit(list.substr(p, q - p));
    p = q + 1;
  }
  return bits;
}

Cue MakeCue(const RuleMatch& m) {
  Cue c;
  c.b = m.begin;
  c.e = m.end;
  c.rule = m.rule;
  c.predicate = Attr(*m.rule, "predicate", "other");
  std::string side = Attr(*m.rule, "side", "any");
  c.side = side == "before" ? 'b' : side == "after" ? 'a' : '*';
  c.units = UnitBits(Attr(*m.rule, "units", "any"));
  std::string g = Attr(*m.rule, "max_gap", "");
  if (!g.empty()) c.max_gap = std::atoi(g.c_str());
  return c;
}

// The periods that hold a figure, and those of the kTopicReach sentences
// before each in its paragraph (a topic's marks: 位于重庆的X投产 is about X,
// not 重庆), as [first sentence, last sentence], in order, each once.
std::vector<std::pair<int, int>> PeriodsWithFigures(const Layout& layout, const Placed& placed) {
  const int ns = static_cast<int>(layout.period.size());
  auto last_of = [&](int first) {
    int last = first;
    while (last + 1 < ns && layout.period[last + 1] == first) ++last;
    return last;
  };
  std::vector<std::pair<int, int>> out;
  for (const Fig& f : placed.figs) {
    if (f.clause < 0) continue;
    const int first = layout.PeriodOfClause(f.clause);
    if (!out.empty() && out.back().first == first) continue;
    // The periods of up to kTopicReach sentences before, oldest first.
    int from = first;
    for (int q = first - 1; q >= 0 && first - q <= kTopicReach && layout.paragraph[q] == layout.paragraph[first]; --q)
      from = layout.period[q];
    for (int p = from; p < first; p = last_of(p) + 1)
      if (out.empty() || out.back().first < p) out.emplace_back(p, last_of(p));
    if (out.empty() || out.back().first < first) out.emplace_back(first, last_of(first));
  }
  return out;
}

// Best cue for figure f among cues in clause [cb, ce) ending at most at
// `cut`: highest priority, then nearest. Reads only cues within
// kCueWindowBytes of the figure.
const Cue* BestCue(std::string_view t, const std::vector<Cue>& cues, size_t cb, size_t ce, const Fig& f,
                   size_t cut) {
  const unsigned unit = UnitBit(f.cls);
  const size_t lo = std::max(cb, f.b > kCueWindowBytes ? f.b - kCueWindowBytes : 0);
  const size_t hi = std::min(ce, f.e + kCueWindowBytes);
  auto it = std::lower_bound(cues.begin(), cues.end(), lo, [](const Cue& c, size_t v) { return c.b < v; });
  const Cue* best = nullptr;
  int best_gap = 0;
  for (; it != cues.end() && it->b < hi; ++it) {
    const Cue& c = *it;
    if (c.e > ce || c.e > cut || !(c.units & unit)) continue;
    int gap;
    if (c.b < f.e && f.b < c.e) {
      gap = 0;  // inside the figure: 削减一半, 超过十年
    } else if (c.e <= f.b) {
      if (c.side == 'a') continue;
      gap = CodePointsIn(t, c.e, f.b);
    } else {
      if (c.side == 'b') continue;
      gap = CodePointsIn(t, f.e, c.b);
    }
    if (gap > c.max_gap) continue;
    if (!best || c.rule->priority > best->rule->priority ||
        (c.rule->priority == best->rule->priority && gap < best_gap)) {
      best = &c;
      best_gap = gap;
    }
  }
  return best;
}

std::string Default(const std::map<std::string, std::string>& defaults, const std::string& cls) {
  auto it = defaults.find(cls);
  if (it != defaults.end()) return it->second;
  it = defaults.find("other");
  return it != defaults.end() ? it->second : "other";
}

// True if some span of `list` (sorted by b) lies in [lo, hi) and `ok` holds for it.
template <typename Ok>
bool AnyIn(const std::vector<Span>& list, size_t lo, size_t hi, Ok ok) {
  auto it = std::lower_bound(list.begin(), list.end(), lo, [](const Span& s, size_t v) { return s.b < v; });
  for (; it != list.end() && it->b < hi; ++it)
    if (ok(*it)) return true;
  return false;
}

}  // namespace

unsigned UnitBit(const std::string& cls) {
  if (cls == "money") return kMoney;
  if (cls == "percent") return kPercent;
  if (cls == "duration") return kDuration;
  if (cls == "count") return kCount;
  if (cls == "mass") return kMass;
  if (cls == "rate") return kRate;
  return kOtherUnit;
}

// A cue inside an indicator's name is part of what the indicator measures
// (投资 of 固定资产投资, 融资 of 社会融资规模), not the figure's predicate.
// Both lists sorted by begin: one merge pass.
static void DropCuesInsideIndicators(const std::vector<Ent>& ents, std::vector<Cue>* cues) {
  std::vector<std::pair<size_t, size_t>> names;  // indicator spans: never overlap, so sorted by end too
  for (const Ent& en : ents)
    if (en.kind == MentionKind::kIndicator) names.emplace_back(en.b, en.e);
  if (names.empty()) return;
  size_t k = 0, kept = 0;
  for (size_t i = 0; i < cues->size(); ++i) {
    const Cue& c = (*cues)[i];
    while (k < names.size() && names[k].second <= c.b) ++k;
    const bool inside = k < names.size() && names[k].first <= c.b && c.e <= names[k].second;
    if (!inside) (*cues)[kept++] = c;
  }
  cues->resize(kept);
}

Matches MatchRules(const RuleSet& rules, const NormText& norm, const Layout& layout, const Placed& placed) {
  const std::string& t = norm.text;
  Matches out;
  for (auto [first, last] : PeriodsWithFigures(layout, placed)) {
    size_t b = norm.sentences[first].begin, e = std::min(norm.sentences[last].end, t.size());
    if (e <= b) continue;
    for (RuleMatch& m : rules.FindAll(std::string_view(t).substr(b, e - b))) {
      m.begin += b;  // group views already point into t
      m.end += b;
      const std::string role = Attr(*m.rule, "role", "");
      Span sp{m.begin, m.end, MarkOf(Attr(*m.rule, "mark", "")), m.rule};
      if (role == "cue") {
        out.cues.push_back(MakeCue(m));
      } else if (role == "prep") {
        out.preps.push_back(sp);
      } else if (role == "span" && m.Has("np")) {
        std::string_view np = m.Group("np");
        sp.b = static_cast<size_t>(np.data() - t.data());
        sp.e = sp.b + np.size();
        out.spans.push_back(sp);
      } else if (role == "appositive") {
        out.appositives.push_back(sp);
      } else if (role == "from") {
        out.froms.push_back(sp);
      } else if (role == "to") {
        out.tos.push_back(sp);
      } else if (role == "anaphor") {
        out.anaphors.push_back(sp);
      } else if (role == "not_anaphor") {
        out.blocks.push_back(sp);
      } else if (role == "respectively") {
        out.respectively.push_back(sp);
      } else if (role == "continues" && m.Has("np")) {
        std::string_view np = m.Group("np");
        sp.b = static_cast<size_t>(np.data() - t.data());
        sp.e = sp.b + np.size();
        out.continues.push_back(sp);
      }
    }
  }
  auto by_b = [](const auto& x, const auto& y) { return x.b < y.b; };
  std::stable_sort(out.cues.begin(), out.cues.end(), by_b);
  DropCuesInsideIndicators(placed.ents, &out.cues);
  std::stable_sort(out.preps.begin(), out.preps.end(), [](const Span& x, const Span& y) { return x.e < y.e; });
  for (auto* list : {&out.spans, &out.appositives, &out.froms, &out.tos, &out.anaphors, &out.blocks, &out.respectively, &out.continues})
    std::stable_sort(list->begin(), list->end(), by_b);
  return out;
}

std::vector<Reading> ReadPredicates(std::string_view t, const Layout& layout, const Placed& placed,
                                    const Matches& matches, const std::map<std::string, std::string>& defaults) {
  const std::vector<Fig>& figs = placed.figs;
  std::vector<Reading> out(figs.size());
  auto read = [&](const Fig& f, size_t cut, Reading* r) {
    const Clause& c = layout.clauses[f.clause];
    if (const Cue* best = BestCue(t, matches.cues, c.b, c.e, f, cut)) {
      r->predicate = best->predicate;
      r->rule = best->rule->id;
    } else {
      r->predicate = Default(defaults, f.cls);
      r->rule = "fact.default." + f.cls;
    }
  };
  for (size_t fi = 0; fi < figs.size(); ++fi)
    if (figs[fi].clause >= 0) read(figs[fi], SIZE_MAX, &out[fi]);
  // 从 A 降至 B: both take A's predicate read without the change verb.
  for (size_t fi = 0; fi + 1 < figs.size(); ++fi) {
    const Fig &a = figs[fi], &b = figs[fi + 1];
    if (a.clause < 0 || a.clause != b.clause) continue;
    const size_t lo = a.b > 16 ? a.b - 16 : 0;  // 从 ends at most 2 code points before A
    bool has_from = AnyIn(matches.froms, lo, a.b, [&](const Span& s) { return s.e <= a.b && CodePointsIn(t, s.e, a.b) <= 2; });
    bool has_to = AnyIn(matches.tos, a.e, std::min(b.b, a.e + 8), [&](const Span& s) {
      return s.e <= b.b && CodePointsIn(t, a.e, s.b) <= 1 && CodePointsIn(t, s.e, b.b) <= 2;
    });
    if (!has_from || !has_to) continue;
    Reading r;
    read(a, a.e, &r);
    if (r.predicate == "cost_change" || r.predicate == "takes") r.predicate = Default(defaults, a.cls);
    r.from_to = true;
    r.rule = "fact.from_to";
    out[fi] = r;
    out[fi + 1] = r;
  }
  return out;
}

}  // namespace facts
}  // namespace newskb
