// newskb/extractors/facts/roles.cc: steps 4-6 of the facts pass, a figure's
// subject and object, its date, and the topic carried across sentences.
#include <algorithm>

#include "extractors/facts/steps.h"

namespace newskb {
namespace facts {

namespace {

// True if the clause starting at byte b opens with a conjunction that adds
// a predicate to the same subject: 并 并且 同时 且.
bool OpensWithConjunction(std::string_view t, size_t b) {
  while (b < t.size() && t[b] == ' ') ++b;
  for (std::string_view w : {"并", "同时", "且"})
    if (t.compare(b, w.size(), w) == 0) return true;
  return false;
}

// True if clause fc is its sentence's first, or follows only connectives
// (clauses of at most kConnectiveCps code points: 此外, 同时, 据悉, 目前).
bool OpensItsSentence(std::string_view t, const Layout& layout, int fc) {
  constexpr int kConnectiveCps = 4;
  for (int c = layout.first_clause[layout.clauses[fc].sentence]; c < fc; ++c) {
    const Clause& cl = layout.clauses[c];
    if (CodePointsIn(t, cl.b, cl.e) > kConnectiveCps + 1) return false;  // + its comma
  }
  return true;
}

// Index of the first element of `list` (sorted by b) with b >= pos.
template <typename T>
int FirstAt(const std::vector<T>& list, size_t pos) {
  return static_cast<int>(std::lower_bound(list.begin(), list.end(), pos,
                                           [](const T& x, size_t v) { return x.b < v; }) -
                          list.begin());
}

}  // namespace

bool ContinuesEarlierMeasure(std::string_view t, const Layout& layout, const Matches* matches, const Fig& f) {
  if (matches == nullptr) return true;
  size_t b = layout.clauses[f.clause].b;
  while (b < f.b && t[b] == ' ') ++b;
  if (b >= f.b) return true;  // the figure opens its clause
  const std::vector<Span>& cs = matches->continues;
  auto it = std::lower_bound(cs.begin(), cs.end(), b, [](const Span& s, size_t v) { return s.b < v; });
  if (it == cs.end() || it->b != b) return false;
  size_t e = it->e;
  while (e < f.b && t[e] == ' ') ++e;
  return e >= f.b;  // the span may run into the figure (同比增长约 of 约37%)
}

namespace {

// True if entity en is a measure (an indicator) that figure f's clause
// does not go on measuring: not carried from an earlier clause. A measure
// whose clause holds no figure is the period's topic (又例如固定資產投資，
// 雖然今年首季升25.6%) and is carried.
bool MeasureEndsBefore(std::string_view t, const Layout& layout, const Placed& p, const Matches* matches,
                       const Ent& en, const Fig& f) {
  return en.kind == MentionKind::kIndicator && en.clause != f.clause && en.clause >= 0 &&
         p.figs_in[en.clause] > 0 && !ContinuesEarlierMeasure(t, layout, matches, f);
}

// True if clause c is a reporting clause: it holds a speaker (X表示，
// X数据显示，: rule fact.span.reporter, fact.span.informant).
bool Reports(const Placed& p, int c) {
  for (int k = p.ent_begin[c]; k < p.ent_end[c]; ++k)
    if (p.ents[k].mark == kSpeaker && !p.ents[k].commodity()) return true;
  return false;
}

// The subject of figure f: in its clause before it, else its possessor
// (近20亿美元的美国私营部门投资), else in the period's other clauses.
void FindSubject(std::string_view t, const Layout& layout, const Placed& p, const Fig& f, const Matches* matches,
                 Roles* r) {
  const int fc = f.clause, per = layout.PeriodOfClause(fc);
  const int first = p.first_subject[fc];
  if (first >= 0 && p.ents[first].b < f.b) {
    r->subject = first;
    r->subject_clause = fc;
    r->how = "clause";
    return;
  }
  // Possessor: an entity right after 的 right after the figure.
  for (int k = FirstAt(p.ents, f.e + 3); k < p.ent_end[fc] && p.ents[k].b == f.e + 3; ++k) {
    const Ent& en = p.ents[k];
    if (!en.commodity() && CanBeSubject(en.mark) && t.compare(f.e, 3, "的") == 0) {
      r->subject = k;
      r->subject_clause = fc;
      r->how = "possessor";
      return;
    }
  }
  auto take = [&](int c, const char* how) {
    if (p.first_subject[c] < 0) return false;
    // A verb's object (收購哈薩克斯坦國家石油國際公司，…擁有1000多座加油站) is
    // no subject of the clauses after it.
    if (!p.object_of_verb.empty() && p.object_of_verb[p.first_subject[c]]) return false;
    if (MeasureEndsBefore(t, layout, p, matches, p.ents[p.first_subject[c]], f)) return false;
    r->subject = p.first_subject[c];
    r->subject_clause = c;
    r->how = how;
    return true;
  };
  // 并/同时/且 opening the clause: a second predicate of the period's main
  // subject (经济部已启动…，将…纳入…，并提供每公斤最高80元…), within what the
  // last reporting clause before the figure reports.
  if (OpensWithConjunction(t, layout.clauses[fc].b)) {
    int c0 = fc;
    while (c0 > 0 && fc - c0 < kClauseWindow && layout.PeriodOfClause(c0 - 1) == per && !Reports(p, c0 - 1)) --c0;
    for (int c = c0; c < fc; ++c)
      if (take(c, "main")) return;
  }
  // The previous clauses, nearest first, never back over a reporting clause
  // (X表示，): what X reports is X's unless it names its own subject, and the
  // subject of the clauses before X spoke is no subject of X's words (勞方代表
  // 在進行審議委員會之前…，全國產業總工會理事長莊爵安表示，…達到2萬9,199元:
  // the union, as the speaker, not the committee).
  for (int c = fc - 1; c >= 0 && fc - c <= kClauseWindow && layout.PeriodOfClause(c) == per; --c) {
    if (Reports(p, c)) break;
    if (take(c, "previous")) return;
  }
  // A later clause's subject only for a figure in the sentence's leading
  // adverbial, after at most connectives (此外，在过去六个月里，白宫…; 2年後，
  // 同泰電子…): a figure further in has a subject of its own the rules did
  // not find (揚州廠…獲利超過4千萬元，我會努力讓台灣2個廠…), and the topic of
  // the sentences before serves it better than an entity of what follows.
  if (!OpensItsSentence(t, layout, fc)) return;
  const int nc = static_cast<int>(layout.clauses.size());
  for (int c = fc + 1; c < nc && c - fc <= kClauseWindow && layout.PeriodOfClause(c) == per; ++c)
    if (take(c, "next")) return;
}

// A scope of one generic word (two code points or fewer: 过火 of 过火面积,
// 奖牌 of 奖牌总数, 早稻 of 早稻面积) opening a later clause of a sentence
// whose earlier clause has a place or organization as its subject measures
// that subject's figure, no sector of its own (比利时…发生林火，截至15日晚，
// 过火面积已超2700公顷: 比利时; 中国体育代表团…，而奖牌总数达到了64枚: the
// team). The
// scope's measure becomes the object (FindObject: the nearest entity before
// the figure). A longer scope names a sector (高技术制造业, 太阳能发电) and
// stays the subject.
void GiveWayToTheSentencesSubject(const Layout& layout, const Placed& p, const Fig& f,
                                  const std::vector<Mention>& ms, Roles* r) {
  if (r->subject < 0 || r->how != "clause") return;
  const Ent& sc = p.ents[r->subject];
  if (sc.kind != MentionKind::kIndicator || sc.idx < 0) return;
  const Mention& m = ms[sc.idx];
  if (m.rule != "ind.scope.measure" || m.end - m.start > 2) return;
  const int fc = f.clause, sent = layout.clauses[fc].sentence;
  for (int c = fc - 1; c >= 0 && fc - c <= kClauseWindow && layout.clauses[c].sentence == sent; --c) {
    const int k = p.first_subject[c];
    if (k < 0) continue;
    const MentionKind kind = p.ents[k].kind;
    if (kind != MentionKind::kPlace && kind != MentionKind::kOrganization) return;
    r->subject = k;
    r->subject_clause = c;
    r->how = "previous";
    return;
  }
}

// The object of figure fi given its subject.
void FindObject(std::string_view t, const Layout& layout, const Placed& p, size_t fi, Roles* r) {
  const Fig& f = p.figs[fi];
  const int fc = f.clause;
  // After the figure in its clause, before the next figure.
  size_t next_fig_end = SIZE_MAX;
  for (size_t k = fi + 1; k < p.figs.size() && k <= fi + 4; ++k)
    if (p.figs[k].b >= f.e) { next_fig_end = p.figs[k].e; break; }
  for (int k = FirstAt(p.ents, f.e), n = 0; k < p.ent_end[fc] && n < kEntityWindow; ++k, ++n) {
    const Ent& en = p.ents[k];
    if (next_fig_end != SIZE_MAX && next_fig_end <= en.b) break;
    if (k != r->subject && CanBeObject(en.mark)) {
      r->object = k;
      return;
    }
  }
  // Before the figure, after the subject, not coordinated with it: the
  // first organization or policy, else the nearest.
  const int s = r->subject;
  const int s_idx = s >= 0 ? p.ents[s].idx : -1;  // an anaphor of the subject is the subject
  int chain_end = s, first_named = -1, nearest = -1, seen = 0;
  auto scan = [&](int from, int to) {  // ents [from, to)
    for (int k = from; k < to && seen < kEntityWindow; ++k, ++seen) {
      const Ent& en = p.ents[k];
      if (k == s || en.idx == s_idx) continue;
      // An indicator right after an entity is what that entity measures
      // (高技术制造业 + 投资, 江苏省 + 民间投资), no member of its list.
      const bool measure = en.kind == MentionKind::kIndicator && chain_end >= 0 && p.ents[chain_end].e == en.b;
      if (chain_end >= 0 && !measure && Coordinated(t, p.ents[chain_end].e, en.b)) {
        chain_end = k;
        continue;
      }
      if (!CanBeObject(en.mark)) continue;
      if (first_named < 0 && en.named()) first_named = k;
      nearest = k;
    }
  };
  const int before_fig = FirstAt(p.ents, f.b);
  if (s >= 0 && r->subject_clause == fc) {
    scan(s + 1, before_fig);
  } else if (s >= 0 && r->subject_clause < fc) {
    scan(s + 1, p.ent_end[r->subject_clause]);
    scan(p.ent_begin[fc], before_fig);
  } else {
    scan(p.ent_begin[fc], before_fig);
  }
  r->object = first_named >= 0 ? first_named : nearest;
  if (r->object >= 0) return;
  // The first entity of the next clause of the sentence when it holds no
  // figure (投入4亿美元，成为MP Materials最大股东).
  const int nc = fc + 1;
  if (nc < static_cast<int>(layout.clauses.size()) && layout.clauses[nc].sentence == layout.clauses[fc].sentence &&
      p.figs_in[nc] == 0) {
    for (int k = p.ent_begin[nc], n = 0; k < p.ent_end[nc] && n < kEntityWindow; ++k, ++n)
      if (k != s && CanBeObject(p.ents[k].mark)) {
        r->object = k;
        return;
      }
  }
}

// The first speaker of the run of speakers of entity k's clause that ends
// at k (entities between them all speakers: 警務處總警司（服務質素監察部）).
int FirstSpeakerOfItsClause(const Placed& p, int k) {
  while (k > 0 && p.ents[k - 1].clause == p.ents[k].clause && p.ents[k - 1].mark == kSpeaker &&
         !p.ents[k - 1].commodity())
    --k;
  return k;
}

}  // namespace

Roles FindRoles(std::string_view t, const Layout& layout, const Placed& p, size_t fi,
                const std::vector<Mention>& ms, const Matches* matches) {
  Roles r;
  const Fig& f = p.figs[fi];
  if (f.clause < 0) return r;
  const int per = layout.PeriodOfClause(f.clause);
  FindSubject(t, layout, p, f, matches, &r);
  GiveWayToTheSentencesSubject(layout, p, f, ms, &r);
  FindObject(t, layout, p, fi, &r);
  auto in_period = [&](const Ent& en) { return en.clause >= 0 && layout.PeriodOfClause(en.clause) == per; };
  // Last resort: the speaker of a reporting clause of the period before the
  // figure (X表示，公司未来两年将招募逾300名员工: X is who the figure is
  // about far more often than not).
  const bool own_subject = !p.unresolved.empty() && p.unresolved[f.clause];
  if (r.subject < 0 && !own_subject) {
    for (int k = FirstAt(p.ents, f.b) - 1, n = 0; k >= 0 && n < kEntityWindow && in_period(p.ents[k]); --k, ++n) {
      const Ent& en = p.ents[k];
      if (en.mark != kSpeaker || en.commodity() || k == r.object) continue;
      // The first speaker of its clause leads it: 警務處總警司（服務質素監察部）
      // 麥衛文表示 is the force's, the bracketed unit a detail of the title.
      k = FirstSpeakerOfItsClause(p, k);
      r.subject = k;
      r.subject_clause = en.clause;
      r.how = "speaker";
      break;
    }
  }
  // No subject and no object in reach: the figure's topic is the nearest
  // entity of an earlier clause of the period (碳酸锂期货主力合约9日再度涨停，
  // 收报每吨9.86万元).
  if (r.subject < 0 && r.object < 0) {
    for (int k = p.ent_begin[f.clause] - 1, n = 0; k >= 0 && n < kEntityWindow && in_period(p.ents[k]); --k, ++n) {
      if (!CanBeObject(p.ents[k].mark) || MeasureEndsBefore(t, layout, p, matches, p.ents[k], f)) continue;
      r.object = k;
      r.object_previous = true;
      break;
    }
  }
  if (r.subject >= 0 && r.object >= 0) {
    const std::string& sn = ms[p.ents[r.subject].idx].name;
    if (!sn.empty() && sn == ms[p.ents[r.object].idx].name) r.object = -1;
  }
  return r;
}

int ChooseDate(std::string_view t, const Layout& layout, const Placed& p, size_t fi) {
  const Fig& f = p.figs[fi];
  if (f.clause < 0) return -1;
  // The date of the figure's clause nearest the figure (the earlier on a tie).
  const int b = p.date_begin[f.clause], e = p.date_end[f.clause];
  if (b < e) {
    int k = std::max(b, std::min(e, FirstAt(p.dates, f.b)));
    int best = -1;
    size_t best_d = SIZE_MAX;
    for (int j : {k - 1, k}) {
      if (j < b || j >= e) continue;
      size_t db = p.dates[j].b, d = db < f.b ? f.b - db : db - f.b;
      if (d < best_d) { best_d = d; best = j; }
    }
    if (best >= 0) return p.dates[best].idx;
  }
  // Else the nearest earlier date of the sentence in a clause without a
  // figure (the leading adverbial: 2025年7月，国防部…), unless it modifies a
  // noun (创立于2019年的Brimstone).
  const int sent = layout.clauses[f.clause].sentence;
  for (int j = b - 1, n = 0; j >= 0 && n < kDateWindow; --j, ++n) {
    const DateAt& d = p.dates[j];
    if (d.clause < 0) continue;
    if (layout.clauses[d.clause].sentence != sent) break;
    if (d.clause >= f.clause || p.figs_in[d.clause] > 0) continue;
    if (t.compare(d.e, 3, "的") == 0) continue;
    return d.idx;
  }
  return -1;
}

void CarryTopic(const Layout& layout, const Placed& p, std::vector<Roles>* roles, const Matches* matches) {
  const int ns = static_cast<int>(layout.paragraph.size());
  // opened[s]: the last sentence at or before s where a story opens, -1 if none.
  std::vector<int> opened(ns, -1);
  if (matches)
    for (const Span& sp : matches->spans) {
      if (Attr(*sp.rule, "opens_story", "") != "yes") continue;
      const int c = layout.ClauseOf(sp.b);
      if (c >= 0) opened[layout.clauses[c].sentence] = layout.clauses[c].sentence;
    }
  for (int s = 1; s < ns; ++s) opened[s] = std::max(opened[s], opened[s - 1]);
  // own[s]: the sentence's own topic (index in p.ents), -1 if none.
  std::vector<int> own(ns, -1);
  for (size_t fi = 0; fi < p.figs.size(); ++fi) {
    const Roles& r = (*roles)[fi];
    // A member of a list (分别) is not what the sentence is about.
    if (r.subject < 0 || r.how == "speaker" || r.how == "topic" || r.how == "respectively") continue;
    int s = layout.clauses[p.figs[fi].clause].sentence;
    if (own[s] < 0) own[s] = r.subject;
  }
  for (size_t c = 0; c < layout.clauses.size(); ++c) {
    int s = layout.clauses[c].sentence;
    if (own[s] < 0 && p.first_subject[c] >= 0) own[s] = p.first_subject[c];
  }
  // Else the speaker who stood in as its subject: the sentences after a
  // release (X发布的数据显示，…。其中，…。在出口方面，…) still give X's figures.
  std::vector<bool> released(ns, false);  // own[s] is a release's speaker
  for (size_t fi = 0; fi < p.figs.size(); ++fi) {
    const Roles& r = (*roles)[fi];
    if (r.subject < 0 || r.how != "speaker" || p.figs[fi].clause < 0) continue;
    int s = layout.clauses[p.figs[fi].clause].sentence;
    if (own[s] < 0) {
      own[s] = r.subject;
      released[s] = true;
    }
  }
  // Else the speaker of a sentence that names nothing else (记者从X获悉，
  // …经济运行稳中有进。最新数据显示，…增长6.4%): who reports is the topic.
  for (const Ent& en : p.ents) {
    if (en.clause < 0 || en.mark != kSpeaker || en.commodity()) continue;
    int s = layout.clauses[en.clause].sentence;
    if (own[s] < 0) own[s] = static_cast<int>(&en - p.ents.data());
  }
  // named[s]: the sentence holds an entity of any role (an object, a place
  // after 在, a target): one with no topic moved the story on.
  std::vector<bool> named(ns, false);
  for (const Ent& en : p.ents)
    if (en.clause >= 0) named[layout.clauses[en.clause].sentence] = true;
  for (size_t fi = 0; fi < p.figs.size(); ++fi) {
    Roles& r = (*roles)[fi];
    if (r.subject >= 0 || p.figs[fi].clause < 0) continue;
    if (!p.unresolved.empty() && p.unresolved[p.figs[fi].clause]) continue;  // 该厂 of an unknown plant
    const int s = layout.clauses[p.figs[fi].clause].sentence;
    // The figure's own period named no subject (else FindRoles found it);
    // the nearest earlier sentence of the paragraph with a topic gives it,
    // unless another candidate intervenes: a sentence between them that
    // names an entity but has no topic (an object, a place after 在, a
    // target) is about something else.
    for (int q = layout.period[s] - 1; q >= 0 && s - q <= kSentenceWindow; --q) {
      if (layout.paragraph[q] != layout.paragraph[s] || q < opened[s]) break;
      if (own[q] < 0) {
        if (named[q]) break;
        continue;
      }
      // A release's body reaches through its paragraph; any other topic
      // only into the next kTopicReach sentences.
      if (!released[q] && s - q > kTopicReach) break;
      if (own[q] == r.object || (r.object >= 0 && p.ents[own[q]].idx == p.ents[r.object].idx)) break;
      r.subject = own[q];
      r.subject_clause = layout.first_clause[q];
      r.how = "topic";
      break;
    }
  }
}

namespace {

// The last place of a setting clause 在/于 + place(s) + at most
// kSettingTailCps code points, -1 if clause c is not one.
int SettingPlace(std::string_view t, const Layout& layout, const Placed& p, int c) {
  if (p.figs_in[c] > 0) return -1;
  const Clause& cl = layout.clauses[c];
  size_t b = cl.b;
  while (b < cl.e && t[b] == ' ') ++b;
  if (t.compare(b, 3, "在") != 0 && t.compare(b, 3, "于") != 0) return -1;
  int last = -1;
  for (int k = p.ent_begin[c], n = 0; k < p.ent_end[c] && n < kEntityWindow; ++k, ++n) {
    const Ent& en = p.ents[k];
    if (en.kind != MentionKind::kPlace || en.mark != kPlace || en.anaphor) return -1;
    last = k;
  }
  if (last < 0) return -1;
  size_t e = cl.e;  // the clause's end, without its punctuation and spaces
  while (e > p.ents[last].e && (t[e - 1] == ',' || t[e - 1] == ' ' || t[e - 1] == ':' || t[e - 1] == ';')) --e;
  return CodePointsIn(t, p.ents[last].e, e) <= kSettingTailCps ? last : -1;
}

}  // namespace

void TakeSetting(std::string_view t, const Layout& layout, const Placed& p, std::vector<Roles>* roles) {
  const int ns = static_cast<int>(layout.first_clause.size());
  // setting[s]: the place a sentence opens with, -1 if none; found once per
  // sentence, among its leading clauses (connectives of at most 4 code
  // points may stand before: 此外，在…，).
  std::vector<int> setting(ns, -1);
  const int nc = static_cast<int>(layout.clauses.size());
  for (int s = 0; s < ns; ++s) {
    for (int c = layout.first_clause[s], n = 0; c < nc && layout.clauses[c].sentence == s && n < 3; ++c, ++n) {
      if ((setting[s] = SettingPlace(t, layout, p, c)) >= 0) break;
      if (p.figs_in[c] > 0 || CodePointsIn(t, layout.clauses[c].b, layout.clauses[c].e) > 5) break;
    }
  }
  for (size_t fi = 0; fi < p.figs.size(); ++fi) {
    Roles& r = (*roles)[fi];
    const int fc = p.figs[fi].clause;
    if (r.subject >= 0 || fc < 0) continue;
    if (!p.unresolved.empty() && p.unresolved[fc]) continue;  // 该厂 of an unknown plant
    const int place = setting[layout.clauses[fc].sentence];
    if (place < 0 || place == r.object) continue;
    r.subject = place;
    r.subject_clause = p.ents[place].clause;
    r.how = "setting";
  }
}

}  // namespace facts
}  // namespace newskb
