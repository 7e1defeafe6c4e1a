// newskb/extractors/facts/facts.cc
#include "extractors/facts/facts.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>
#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/link/name_rules.h"

namespace newskb {

std::string UnitClass(const std::string& u) {
  if (u == "%") return "percent";
  if (u == "year" || u == "month" || u == "day" || u == "hour") return "duration";
  if (u == "count") return "count";
  if (u == "t" || u == "kg") return "mass";
  if (u.find('/') != std::string::npos) return "rate";
  if (u == "CUR?") return "money";
  if (u.size() == 3 && std::all_of(u.begin(), u.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return "money";
  return "other";
}

namespace {

struct Cue {
  size_t b, e;
  const Rule* rule;
  std::string predicate, side;
  std::set<std::string> units;
  int max_gap;  // code points; INT_MAX: the clause
};

enum Mark { kNone = 0, kSource, kSpeaker, kFrom, kTarget, kPlace, kPassive, kMembers, kModifier };

Mark MarkOf(const std::string& s) {
  if (s == "source") return kSource;
  if (s == "speaker") return kSpeaker;
  if (s == "from") return kFrom;
  if (s == "target") return kTarget;
  if (s == "place") return kPlace;
  if (s == "passive") return kPassive;
  if (s == "members") return kMembers;
  return kNone;
}
bool CanBeSubject(Mark m) { return m == kNone; }
bool CanBeObject(Mark m) { return m == kNone || m == kFrom || m == kTarget || m == kMembers; }

bool IsLead(unsigned char c) { return (c & 0xC0) != 0x80; }

// True if the clause starting at byte b (normalised, Simplified) opens with
// a conjunction that adds a predicate to the same subject: 并 并且 同时 且.
bool OpensWithConjunction(std::string_view t, size_t b) {
  while (b < t.size() && t[b] == ' ') ++b;
  for (std::string_view w : {"并", "同时", "且"})
    if (t.compare(b, w.size(), w) == 0) return true;
  return false;
}

// Code points in t[b, e).
int Cps(std::string_view t, size_t b, size_t e) {
  int n = 0;
  for (size_t i = b; i < e && i < t.size(); ++i) n += IsLead(static_cast<unsigned char>(t[i]));
  return n;
}

struct Ent {
  int idx;         // mention index
  size_t b, e;     // normalised bytes
  bool commodity;
  Mark mark = kNone;
  int clause = -1;
};

struct Fig {
  int idx;
  size_t b, e;
  int clause = -1;
  std::string cls;
};

class FactStage : public FactExtractor {
 public:
  FactStage(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules)
      : norm_(std::move(norm)), rules_(std::move(rules)) {
    for (const Rule& r : rules_->rules())
      if (Attr(r, "role", "") == "defaults") defaults_ = r.attrs;
  }

  void Extract(const Document& doc, const NormText& norm, const std::vector<Mention>& ms,
               std::vector<Fact>* out) const override {
    const std::string& t = norm.text;
    if (ms.empty() || t.empty()) return;
    // Body code point -> first normalised byte at or after it.
    const size_t ncp = norm.cp_of_byte.empty() ? 0 : norm.cp_of_byte.back();
    std::vector<size_t> byte_of(ncp + 1, t.size());
    for (size_t i = t.size(); i-- > 0;) byte_of[norm.cp_of_byte[i]] = i;
    for (size_t c = ncp; c-- > 0;) byte_of[c] = std::min(byte_of[c], byte_of[c + 1]);

    // Clauses: [begin, end) bytes, with their sentence.
    std::vector<std::pair<size_t, size_t>> clauses;
    std::vector<size_t> clause_sent;
    for (size_t si = 0; si < norm.sentences.size(); ++si) {
      const NormSentence& s = norm.sentences[si];
      size_t b = s.begin;
      for (size_t i = s.begin; i <= s.end; ++i) {
        bool cut = i == s.end;
        if (!cut) {
          char c = t[i];
          if (c == ',' ) {
            bool digits = i > 0 && i + 1 < t.size() && isdigit(static_cast<unsigned char>(t[i - 1])) &&
                          isdigit(static_cast<unsigned char>(t[i + 1]));
            cut = !digits;
          } else if (c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') {
            cut = true;
          } else if (t.compare(i, 3, "。") == 0) {
            cut = true;
          }
        }
        if (cut) {
          if (i > b) {
            clauses.emplace_back(b, i);
            clause_sent.push_back(si);
          }
          b = i + 1;
        }
      }
    }
    if (clauses.empty()) return;
    // A period: sentences joined by a semicolon (甲…；乙…。), across which
    // Chinese keeps a dropped subject; subjects are sought within it.
    std::vector<size_t> period(norm.sentences.size());
    for (size_t si = 0; si < norm.sentences.size(); ++si) {
      period[si] = si;
      if (si == 0) continue;
      const NormSentence& p = norm.sentences[si - 1];
      size_t e = std::min(p.end, t.size());
      while (e > p.begin && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r')) --e;
      if (e > p.begin && t[e - 1] == ';') period[si] = period[si - 1];
    }
    std::vector<size_t> clause_period(clauses.size());
    for (size_t c = 0; c < clauses.size(); ++c) clause_period[c] = period[clause_sent[c]];
    auto clause_of = [&](size_t pos) -> int {
      auto it = std::upper_bound(clauses.begin(), clauses.end(), pos,
                                 [](size_t v, const std::pair<size_t, size_t>& c) { return v < c.first; });
      if (it == clauses.begin()) return -1;
      --it;
      return pos < it->second ? static_cast<int>(it - clauses.begin()) : -1;
    };

    // Mentions by role.
    std::vector<Ent> ents;
    std::vector<Fig> figs;
    std::vector<std::pair<size_t, int>> dates;  // (byte, mention index)
    for (size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      if (m.end > ncp) continue;
      size_t b = byte_of[m.start], e = byte_of[m.end];
      if (e <= b) continue;
      switch (m.kind) {
        case MentionKind::kFigure:
          figs.push_back({static_cast<int>(i), b, e, clause_of(b), UnitClass(m.unit)});
          break;
        case MentionKind::kDate:
          dates.emplace_back(b, static_cast<int>(i));
          break;
        default:
          ents.push_back({static_cast<int>(i), b, e, m.kind == MentionKind::kCommodity});
          ents.back().clause = clause_of(b);
      }
    }
    if (figs.empty() || ents.empty()) return;

    // The cue rules, one pass over each period that holds a figure (the
    // rest of the document cannot give a fact; matches never span periods).
    std::vector<RuleMatch> matches;
    {
      std::vector<bool> wanted(norm.sentences.size(), false);
      for (const Fig& f : figs)
        if (f.clause >= 0) wanted[period[clause_sent[f.clause]]] = true;
      for (size_t si = 0; si < norm.sentences.size();) {
        size_t sj = si;
        while (sj + 1 < norm.sentences.size() && period[sj + 1] == period[si]) ++sj;
        if (wanted[period[si]]) {
          size_t b = norm.sentences[si].begin, e = std::min(norm.sentences[sj].end, t.size());
          if (e > b) {
            for (RuleMatch& m : rules_->FindAll(std::string_view(t).substr(b, e - b))) {
              m.begin += b;  // group views already point into t
              m.end += b;
              matches.push_back(std::move(m));
            }
          }
        }
        si = sj + 1;
      }
    }
    std::vector<Cue> cues;
    std::vector<std::pair<size_t, size_t>> froms, tos;
    std::vector<std::pair<size_t, Mark>> preps;                 // (end byte, mark)
    std::vector<std::pair<std::pair<size_t, size_t>, Mark>> spans;
    std::vector<std::pair<size_t, size_t>> appositives;  // descriptor heads: 开发商, 龙头 ...
    for (const RuleMatch& m : matches) {
      const std::string role = Attr(*m.rule, "role", "");
      if (role == "cue") {
        Cue c{m.begin, m.end, m.rule, Attr(*m.rule, "predicate", "other"), Attr(*m.rule, "side", "any"), {},
              INT_MAX};
        std::string u = Attr(*m.rule, "units", "any");
        for (size_t p = 0; p <= u.size();) {
          size_t q = u.find(',', p);
          if (q == std::string::npos) q = u.size();
          if (q > p) c.units.insert(u.substr(p, q - p));
          p = q + 1;
        }
        std::string g = Attr(*m.rule, "max_gap", "");
        if (!g.empty()) c.max_gap = std::atoi(g.c_str());
        cues.push_back(std::move(c));
      } else if (role == "prep") {
        preps.emplace_back(m.end, MarkOf(Attr(*m.rule, "mark", "")));
      } else if (role == "span" && m.Has("np")) {
        std::string_view np = m.Group("np");
        size_t b = static_cast<size_t>(np.data() - t.data());
        spans.push_back({{b, b + np.size()}, MarkOf(Attr(*m.rule, "mark", ""))});
      } else if (role == "appositive") {
        appositives.emplace_back(m.begin, m.end);
      } else if (role == "from") {
        froms.emplace_back(m.begin, m.end);
      } else if (role == "to") {
        tos.emplace_back(m.begin, m.end);
      }
    }

    // Entity marks: a preposition right before it, a span around it, or a
    // coordination (、 和 与 及 brackets) with a marked entity before it.
    std::sort(ents.begin(), ents.end(), [](const Ent& a, const Ent& b) { return a.b < b.b; });
    for (size_t k = 0; k < ents.size(); ++k) {
      Ent& en = ents[k];
      for (const auto& [end, mark] : preps)
        if (end == en.b) en.mark = mark;
      for (const auto& [sp, mark] : spans)
        if (sp.first <= en.b && en.e <= sp.second && en.mark == kNone) en.mark = mark;
    }
    // A descriptor before a name (向澳洲稀土开发商阿拉弗拉, 美国石墨商Syrah):
    // the entities inside the descriptor modify the name (neither subject
    // nor object), and the name takes the mark of the first of them (向).
    for (size_t k = 1; k < ents.size(); ++k) {
      Ent& en = ents[k];
      MentionKind kind = ms[en.idx].kind;
      if (kind != MentionKind::kOrganization && kind != MentionKind::kPolicy) continue;
      size_t head_b = SIZE_MAX;
      for (auto [ab, ae] : appositives)
        if (ae == en.b) head_b = std::min(head_b, ab);
      if (head_b == SIZE_MAX) continue;
      // The chain of entities before the head: the first ends at most a few
      // characters before it (稀土 in 稀土开发商), each other right before
      // the next or joined by 的 (澳洲的稀土开发商).
      size_t right = head_b;
      int first = -1;
      for (int j = static_cast<int>(k) - 1; j >= 0; --j) {
        const Ent& p = ents[j];
        if (p.clause != en.clause || p.e > right) break;
        std::string_view gap(t.data() + p.e, right - p.e);
        bool close = right == head_b ? Cps(t, p.e, right) <= 4 && gap.find_first_of(",;:()") == std::string_view::npos &&
                                           gap.find("、") == std::string_view::npos
                                     : gap.empty() || gap == "的";
        if (!close) break;
        first = j;
        right = p.b;
      }
      if (first < 0) continue;
      if (en.mark == kNone) en.mark = ents[first].mark;
      for (int j = first; j < static_cast<int>(k); ++j) ents[j].mark = kModifier;
    }
    // A place written right before an organization or policy modifies it
    // (日本丰田通商, 美国商务部 when split): it is neither subject nor object.
    for (size_t k = 0; k + 1 < ents.size(); ++k) {
      if (ms[ents[k].idx].kind != MentionKind::kPlace || ents[k].e != ents[k + 1].b) continue;
      MentionKind next = ms[ents[k + 1].idx].kind;
      if (next == MentionKind::kOrganization || next == MentionKind::kPolicy) ents[k].mark = kModifier;
    }
    // Coordination (、 和 与 及, brackets) carries the mark of the entity
    // before: 向阿拉弗拉(Arafura)投资, 从亚马逊(Amazon)、比尔·盖茨.
    for (size_t k = 1; k < ents.size(); ++k)
      if (ents[k].mark == kNone && ents[k - 1].mark != kNone && ents[k - 1].mark != kModifier &&
          Coordinated(t, ents[k - 1].e, ents[k].b))
        ents[k].mark = ents[k - 1].mark;

    // Per clause: figures in it.
    std::vector<int> figs_in(clauses.size(), 0);
    for (const Fig& f : figs)
      if (f.clause >= 0) ++figs_in[f.clause];

    std::vector<std::string> pred(figs.size());
    std::vector<std::string> rule_of(figs.size());
    for (size_t fi = 0; fi < figs.size(); ++fi) {
      const Fig& f = figs[fi];
      if (f.clause < 0) continue;
      pred[fi] = Predicate(t, clauses[f.clause], f, cues, SIZE_MAX, &rule_of[fi]);
    }
    // 从 A 降至 B: B takes A's predicate (cues between A and B left out).
    std::vector<bool> from_to(figs.size(), false);
    for (size_t fi = 0; fi + 1 < figs.size(); ++fi) {
      const Fig &a = figs[fi], &b = figs[fi + 1];
      if (a.clause < 0 || a.clause != b.clause) continue;
      bool has_from = false, has_to = false;
      for (auto [fb, fe] : froms) has_from = has_from || (fe <= a.b && Cps(t, fe, a.b) <= 2);
      for (auto [tb, te] : tos) has_to = has_to || (a.e <= tb && te <= b.b && Cps(t, a.e, tb) <= 1 && Cps(t, te, b.b) <= 2);
      if (!has_from || !has_to) continue;
      std::string r;
      pred[fi] = Predicate(t, clauses[a.clause], a, cues, a.e, &r);
      if (pred[fi] == "cost_change" || pred[fi] == "takes") pred[fi] = Default(a.cls);
      pred[fi + 1] = pred[fi];
      from_to[fi] = from_to[fi + 1] = true;
    }

    for (size_t fi = 0; fi < figs.size(); ++fi) {
      const Fig& f = figs[fi];
      if (f.clause < 0) continue;
      const size_t sent = clause_sent[f.clause];
      const size_t per = clause_period[f.clause];
      // Subject.
      int subj = -1, subj_clause = -1;
      std::string how;
      auto first_subject = [&](int c, size_t limit) -> int {
        for (size_t k = 0; k < ents.size(); ++k) {
          const Ent& en = ents[k];
          if (en.clause != c || en.b >= limit) continue;
          if (!CanBeSubject(en.mark)) continue;
          if (en.commodity) continue;
          return static_cast<int>(k);
        }
        return -1;
      };
      subj = first_subject(f.clause, f.b);
      if (subj >= 0) {
        how = "clause";
      } else {
        for (size_t k = 0; k < ents.size(); ++k) {
          const Ent& en = ents[k];
          if (en.clause == f.clause && en.b >= f.e && !en.commodity && CanBeSubject(en.mark) &&
              t.compare(f.e, en.b - f.e, "的") == 0 && en.b - f.e == 3) {
            subj = static_cast<int>(k);
            how = "possessor";
            break;
          }
        }
      }
      if (subj >= 0) subj_clause = f.clause;
      // 并/同时/且 opening the clause: a second predicate of the period's
      // main subject (经济部已启动…，将…纳入…，并提供每公斤最高80元…), so the
      // first subject of the period, not the nearest.
      if (subj < 0 && OpensWithConjunction(t, clauses[f.clause].first)) {
        int c0 = f.clause;
        while (c0 > 0 && clause_period[c0 - 1] == per) --c0;
        for (int c = c0; subj < 0 && c < f.clause; ++c) {
          subj = first_subject(c, SIZE_MAX);
          if (subj >= 0) { subj_clause = c; how = "main"; }
        }
      }
      for (int c = f.clause - 1; subj < 0 && c >= 0 && clause_period[c] == per; --c) {
        subj = first_subject(c, SIZE_MAX);
        if (subj >= 0) { subj_clause = c; how = "previous"; }
      }
      for (int c = f.clause + 1; subj < 0 && c < static_cast<int>(clauses.size()) && clause_period[c] == per; ++c) {
        subj = first_subject(c, SIZE_MAX);
        if (subj >= 0) { subj_clause = c; how = "next"; }
      }

      // Object.
      int obj = -1;
      for (size_t k = 0; k < ents.size() && obj < 0; ++k) {
        const Ent& en = ents[k];
        if (en.clause == f.clause && en.b >= f.e && static_cast<int>(k) != subj && CanBeObject(en.mark) &&
            !NextFigureBefore(figs, fi, en.b))
          obj = static_cast<int>(k);
      }
      if (obj < 0) {
        // Before the figure, after the subject, not coordinated with it: the
        // first organization or policy, else the nearest.
        size_t from = subj >= 0 && subj_clause == f.clause ? ents[subj].e : clauses[f.clause].first;
        if (subj >= 0 && subj_clause < f.clause) from = ents[subj].e;
        int chain_end = subj, first_named = -1, nearest = -1;
        for (size_t k = 0; k < ents.size(); ++k) {
          const Ent& en = ents[k];
          if (static_cast<int>(k) == subj || en.clause < 0 || en.b < from || en.b >= f.b) continue;
          if (en.clause != f.clause && en.clause != subj_clause) continue;
          if (chain_end >= 0 && Coordinated(t, ents[chain_end].e, en.b)) {
            chain_end = static_cast<int>(k);
            continue;
          }
          if (!CanBeObject(en.mark)) continue;
          MentionKind kind = ms[en.idx].kind;
          if (first_named < 0 && (kind == MentionKind::kOrganization || kind == MentionKind::kPolicy))
            first_named = static_cast<int>(k);
          nearest = static_cast<int>(k);
        }
        obj = first_named >= 0 ? first_named : nearest;
      }
      if (obj < 0 && f.clause + 1 < static_cast<int>(clauses.size()) && clause_sent[f.clause + 1] == sent &&
          figs_in[f.clause + 1] == 0) {
        for (size_t k = 0; k < ents.size(); ++k) {
          const Ent& en = ents[k];
          if (en.clause == f.clause + 1 && static_cast<int>(k) != subj && CanBeObject(en.mark)) {
            obj = static_cast<int>(k);
            break;
          }
        }
      }
      // Last resort: the speaker of a reporting clause of the sentence
      // before the figure (X表示，公司未来两年将招募逾300名员工: X is who
      // the figure is about far more often than not).
      if (subj < 0) {
        for (size_t k = 0; k < ents.size(); ++k) {
          const Ent& en = ents[k];
          if (en.b >= f.b || en.clause < 0 || clause_period[en.clause] != per) continue;
          if (en.mark != kSpeaker || en.commodity || static_cast<int>(k) == obj) continue;
          subj = static_cast<int>(k);
          how = "speaker";
        }
      }
      // No subject and no object in reach: the figure's topic is the
      // nearest entity of an earlier clause of the period (碳酸锂期货主力合约
      // 9日再度涨停，收报每吨9.86万元).
      bool obj_previous = false;
      if (subj < 0 && obj < 0) {
        for (size_t k = 0; k < ents.size(); ++k) {
          const Ent& en = ents[k];
          if (en.b >= clauses[f.clause].first || en.clause < 0 || clause_period[en.clause] != per) continue;
          if (!CanBeObject(en.mark)) continue;
          obj = static_cast<int>(k);
          obj_previous = true;
        }
      }
      if (subj < 0 && obj < 0) continue;
      if (subj >= 0 && obj >= 0 && ms[ents[subj].idx].name == ms[ents[obj].idx].name &&
          !ms[ents[subj].idx].name.empty())
        obj = -1;

      // Date.
      int date = -1;
      size_t best = SIZE_MAX;
      for (auto [db, di] : dates) {
        if (clause_of(db) != f.clause) continue;
        size_t d = db < f.b ? f.b - db : db - f.b;
        if (d < best) { best = d; date = di; }
      }
      if (date < 0) {
        for (auto it = dates.rbegin(); it != dates.rend(); ++it) {
          int c = clause_of(it->first);
          if (c < 0 || c >= f.clause || clause_sent[c] != sent || figs_in[c] > 0) continue;
          // 创立于2019年的Brimstone: a date modifying a noun is not the clause's.
          const Mention& dm = ms[it->second];
          size_t de = dm.end <= ncp ? byte_of[dm.end] : t.size();
          if (t.compare(de, 3, "的") == 0) continue;
          date = it->second;
          break;
        }
      }

      Fact fact;
      fact.subject = subj >= 0 ? ents[subj].idx : -1;
      fact.object = obj >= 0 ? ents[obj].idx : -1;
      fact.figure = f.idx;
      fact.date = date;
      fact.predicate = pred[fi].empty() ? "other" : pred[fi];
      fact.rule = from_to[fi] ? "fact.from_to" : rule_of[fi].empty() ? "fact.default." + f.cls : rule_of[fi];
      if (subj >= 0 && how != "clause") fact.rule += "+subject." + how;
      if (obj_previous) fact.rule += "+object.previous";
      out->push_back(std::move(fact));
    }
    (void)doc;
  }

 private:
  // The predicate of figure f: best cue in its clause (ending before `cut`
  // when given), else the default of its unit class.
  std::string Predicate(std::string_view t, std::pair<size_t, size_t> clause, const Fig& f,
                        const std::vector<Cue>& cues, size_t cut, std::string* rule) const {
    const Cue* best = nullptr;
    int best_gap = INT_MAX;
    for (const Cue& c : cues) {
      if (c.b < clause.first || c.e > clause.second) continue;
      if (cut != SIZE_MAX && c.e > cut) continue;
      if (!c.units.count("any") && !c.units.count(f.cls)) continue;
      int gap;
      if (c.b < f.e && f.b < c.e) {
        gap = 0;  // inside the figure: 削减一半, 超过十年
      } else if (c.e <= f.b) {
        if (c.side == "after") continue;
        gap = Cps(t, c.e, f.b);
      } else {
        if (c.side == "before") continue;
        gap = Cps(t, f.e, c.b);
      }
      if (gap > c.max_gap) continue;
      if (!best || c.rule->priority > best->rule->priority ||
          (c.rule->priority == best->rule->priority && gap < best_gap)) {
        best = &c;
        best_gap = gap;
      }
    }
    if (best) {
      *rule = best->rule->id;
      return best->predicate;
    }
    *rule = "fact.default." + f.cls;
    return Default(f.cls);
  }

  std::string Default(const std::string& cls) const {
    auto it = defaults_.find(cls);
    if (it != defaults_.end()) return it->second;
    it = defaults_.find("other");
    return it != defaults_.end() ? it->second : "other";
  }

  // True if t[a, b) holds only coordination: 、 和 与 及 以及 brackets spaces.
  static bool Coordinated(std::string_view t, size_t a, size_t b) {
    if (b < a || b - a > 12) return false;
    std::string_view g = t.substr(a, b - a);
    static const char* const kJoin[] = {"以及", "、", "和", "与", "及", "(", ")", " ", "跟", "同"};
    while (!g.empty()) {
      bool hit = false;
      for (const char* j : kJoin) {
        std::string_view jv(j);
        if (g.substr(0, jv.size()) == jv) {
          g.remove_prefix(jv.size());
          hit = true;
          break;
        }
      }
      if (!hit) return false;
    }
    return true;
  }

  // True if another figure lies between figure fi and byte pos.
  static bool NextFigureBefore(const std::vector<Fig>& figs, size_t fi, size_t pos) {
    for (size_t k = fi + 1; k < figs.size(); ++k)
      if (figs[k].b >= figs[fi].e && figs[k].e <= pos) return true;
    return false;
  }

  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  std::map<std::string, std::string> defaults_;
};

}  // namespace

Result<std::unique_ptr<FactExtractor>> MakeFactExtractor(const std::string& rules_dir,
                                                         std::shared_ptr<const Normalizer> normalizer) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/facts.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  return std::unique_ptr<FactExtractor>(
      std::make_unique<FactStage>(std::move(normalizer), std::make_unique<RuleSet>(std::move(rs).value())));
}

}  // namespace newskb
