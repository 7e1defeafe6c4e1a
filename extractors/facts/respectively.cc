// newskb/extractors/facts/respectively.cc: step 4b of the facts pass, lists
// read in order. 宁德时代、比亚迪分别投资30亿元和20亿元 gives 宁德时代 30亿元
// and 比亚迪 20亿元; FindRoles alone gives both to 宁德时代 (the clause's
// first subject).
#include <algorithm>

#include "extractors/facts/steps.h"

namespace newskb {
namespace facts {

namespace {

// Index of the first element of `list` (sorted by b) with b >= pos.
template <typename T>
int FirstAt(const std::vector<T>& list, size_t pos) {
  return static_cast<int>(std::lower_bound(list.begin(), list.end(), pos,
                                           [](const T& x, size_t v) { return x.b < v; }) -
                          list.begin());
}

// The figures of the marker's clause after it that stand in one list: the
// first, then each one joined to the one before by coordination only.
std::vector<size_t> FigureList(std::string_view t, const Placed& p, const Span& marker, int clause) {
  std::vector<size_t> out;
  for (size_t k = static_cast<size_t>(FirstAt(p.figs, marker.e)); k < p.figs.size(); ++k) {
    const Fig& f = p.figs[k];
    if (f.clause != clause) break;
    if (!out.empty() && !Coordinated(t, p.figs[out.back()].e, f.b)) break;
    out.push_back(k);
    if (out.size() > static_cast<size_t>(kEntityWindow)) break;
  }
  return out;
}

// The coordinated chain of entities ending at the last entity before `pos`
// in period `per`, in text order; empty if there is none.
std::vector<int> ChainBefore(std::string_view t, const Layout& layout, const Placed& p, size_t pos, int per) {
  std::vector<int> chain;
  int k = FirstAt(p.ents, pos) - 1;
  // What the last entity measures (日本 + 对华投资分别增长…) is no member.
  if (k > 0 && p.ents[k].kind == MentionKind::kIndicator && p.ents[k - 1].e == p.ents[k].b) --k;
  if (k < 0 || p.ents[k].clause < 0 || layout.PeriodOfClause(p.ents[k].clause) != per) return chain;
  chain.push_back(k);
  for (--k; k >= 0 && static_cast<int>(chain.size()) < kEntityWindow; --k) {
    const Ent &a = p.ents[k], &b = p.ents[chain.back()];
    if (a.e > b.b || !Coordinated(t, a.e, b.b)) break;
    chain.push_back(k);
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

void PairRespectively(std::string_view t, const Layout& layout, const Placed& p, const Matches& matches,
                      std::vector<Roles>* roles) {
  // The chain (its last entity) each figure was paired with: a later list
  // of the same chain may stand after earlier paired figures (对A、B分别进出口
  // x和y，同比分别增长a和b), any other figure between breaks the pairing.
  std::vector<int> paired_with(p.figs.size(), -1);
  for (const Span& m : matches.respectively) {
    const int c = layout.ClauseOf(m.b);
    if (c < 0) continue;
    const std::vector<size_t> figs = FigureList(t, p, m, c);
    if (figs.size() < 2) continue;
    const std::vector<int> chain = ChainBefore(t, layout, p, m.b, layout.PeriodOfClause(c));
    if (chain.size() != figs.size()) continue;
    bool clear = true;
    for (int k = FirstAt(p.figs, p.ents[chain.back()].e), n = 0;
         clear && k < static_cast<int>(p.figs.size()) && p.figs[k].b < m.b; ++k, ++n)
      clear = n < kEntityWindow && paired_with[k] == chain.back();  // bounded: linear in the document
    if (!clear) continue;
    const Mark mark = p.ents[chain.front()].mark;
    const bool as_subject = CanBeSubject(mark) &&
                            std::none_of(chain.begin(), chain.end(), [&](int k) { return p.ents[k].commodity(); });
    if (!as_subject && !CanBeObject(mark)) continue;
    auto in_chain = [&](int k) { return k >= 0 && std::find(chain.begin(), chain.end(), k) != chain.end(); };
    // The measure named after the chain's last scope (基本养老、失业、工伤保险
    // + 参保人数) is named after that scope: the last figure's object only.
    auto measure_of_last = [&](int k) {
      const Ent& last = p.ents[chain.back()];
      return k >= 0 && p.ents[k].kind == MentionKind::kIndicator && p.ents[k].b == last.e;
    };
    for (size_t i = 0; i < figs.size(); ++i) {
      Roles& r = (*roles)[figs[i]];
      if (as_subject) {
        r.subject = chain[i];
        r.subject_clause = p.ents[chain[i]].clause;
        r.how = "respectively";
        if (in_chain(r.object) || (i + 1 < figs.size() && measure_of_last(r.object))) r.object = -1;
      } else {
        r.object = chain[i];
        if (in_chain(r.subject)) {
          r.subject = r.subject_clause = -1;
          r.how.clear();
        }
      }
      r.object_previous = false;
      r.paired = m.rule;
      paired_with[figs[i]] = chain.back();
    }
  }
}

}  // namespace facts
}  // namespace newskb
