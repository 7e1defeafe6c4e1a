// newskb/extractors/facts/clauses.cc: step 1 of the facts pass, clauses,
// periods, paragraphs, and the mentions placed in them.
#include <algorithm>

#include "extractors/facts/facts.h"
#include "extractors/facts/steps.h"

namespace newskb {
namespace facts {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The length in bytes of the clause cut at byte i (0: none).
size_t CutAt(const std::string& t, size_t i) {
  char c = t[i];
  if (c == ',') return i > 0 && i + 1 < t.size() && IsDigit(t[i - 1]) && IsDigit(t[i + 1]) ? 0 : 1;
  if (c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') return 1;
  return t.compare(i, 3, "。") == 0 ? 3 : 0;
}

// True if the sentence ends in a semicolon (spaces and line breaks aside).
bool EndsWithSemicolon(const std::string& t, const NormSentence& s) {
  size_t e = std::min(s.end, t.size());
  while (e > s.begin && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r')) --e;
  return e > s.begin && t[e - 1] == ';';
}

}  // namespace

Mark MarkOf(const std::string& s) {
  static const std::pair<const char*, Mark> kNames[] = {
      {"source", kSource}, {"speaker", kSpeaker}, {"from", kFrom},       {"target", kTarget},
      {"place", kPlace},   {"passive", kPassive}, {"members", kMembers}, {"modifier", kModifier}};
  for (const auto& [name, m] : kNames)
    if (s == name) return m;
  return kNone;
}

const char* MarkName(Mark m) {
  static const char* const kNames[] = {"none", "source", "speaker", "from", "target",
                                       "place", "passive", "members", "modifier"};
  return kNames[m];
}

int Layout::ClauseOf(size_t pos) const {
  auto it = std::upper_bound(clauses.begin(), clauses.end(), pos,
                             [](size_t v, const Clause& c) { return v < c.b; });
  if (it == clauses.begin()) return -1;
  --it;
  return pos < it->e ? static_cast<int>(it - clauses.begin()) : -1;
}

Layout SplitClauses(const NormText& norm) {
  const std::string& t = norm.text;
  const size_t n = norm.sentences.size();
  Layout out;
  out.period.resize(n);
  out.paragraph.resize(n);
  out.first_clause.resize(n);
  int paragraph = 0;
  for (size_t si = 0; si < n; ++si) {
    const NormSentence& s = norm.sentences[si];
    out.first_clause[si] = static_cast<int>(out.clauses.size());
    // Period: a sentence after one ending in `;` continues its period.
    out.period[si] = si > 0 && EndsWithSemicolon(t, norm.sentences[si - 1]) ? out.period[si - 1]
                                                                              : static_cast<int>(si);
    // Paragraph: a line break between the previous sentence and this one.
    if (si > 0) {
      size_t gap_b = std::min(norm.sentences[si - 1].end, t.size()), gap_e = std::min(s.begin, t.size());
      if (gap_e > gap_b && std::find(t.begin() + gap_b, t.begin() + gap_e, '\n') != t.begin() + gap_e) ++paragraph;
    }
    out.paragraph[si] = paragraph;
    size_t b = s.begin;
    const size_t end = std::min(s.end, t.size());
    for (size_t i = s.begin; i <= end;) {
      size_t cut = i < end ? CutAt(t, i) : 1;
      if (cut == 0) { ++i; continue; }
      if (i > b) out.clauses.push_back({b, i, static_cast<int>(si)});
      i += cut;
      b = i;
    }
  }
  return out;
}

std::string OrganizationClass(const Mention& m, const std::map<std::string, std::string>& org_classes) {
  if (m.kind != MentionKind::kOrganization) return "";
  for (const char* prefix : {"gaz.org:", "gaz.org.short:"}) {
    std::string_view p(prefix);
    if (m.rule.compare(0, p.size(), p) == 0) {
      auto it = org_classes.find(m.rule.substr(p.size()));
      return it == org_classes.end() ? "" : it->second;
    }
  }
  if (m.rule.rfind("org.gov", 0) == 0 || m.rule.rfind("org.body", 0) == 0) return "gov";
  return "";
}

// A figure inside a date mention is part of the date (5个月 of 今年前5个月,
// 15年 of 15年5月, 一天 of 一天前): it gives no fact. One walk over both
// lists, sorted by position.
void DropFiguresInsideDates(Placed* p) {
  size_t d = 0, w = 0;
  size_t reach = 0;  // the furthest end of the dates starting at or before the figure
  for (size_t k = 0; k < p->figs.size(); ++k) {
    const Fig& f = p->figs[k];
    while (d < p->dates.size() && p->dates[d].b <= f.b) reach = std::max(reach, p->dates[d++].e);
    if (reach >= f.e) continue;
    p->figs[w++] = f;
  }
  p->figs.resize(w);
}

Placed PlaceMentions(const NormText& norm, const Layout& layout, const std::vector<Mention>& ms,
                     const std::map<std::string, std::string>& org_classes) {
  const std::string& t = norm.text;
  Placed out;
  if (t.empty() || norm.cp_of_byte.empty()) return out;
  // Body code point -> first normalised byte at or after it.
  const size_t ncp = norm.cp_of_byte.back();
  std::vector<size_t> byte_of(ncp + 1, t.size());
  for (size_t i = t.size(); i-- > 0;) byte_of[norm.cp_of_byte[i]] = i;
  for (size_t c = ncp; c-- > 0;) byte_of[c] = std::min(byte_of[c], byte_of[c + 1]);
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& m = ms[i];
    if (m.end > ncp || m.start > m.end) continue;
    size_t b = byte_of[m.start], e = byte_of[m.end];
    if (e <= b) continue;
    int c = layout.ClauseOf(b);
    switch (m.kind) {
      case MentionKind::kFigure:
        out.figs.push_back({static_cast<int>(i), b, e, c, UnitClass(m.unit)});
        break;
      case MentionKind::kDate:
        out.dates.push_back({static_cast<int>(i), b, e, c});
        break;
      default: {
        Ent en;
        en.idx = static_cast<int>(i);
        en.b = b;
        en.e = e;
        en.kind = m.kind;
        en.clause = c;
        en.org_class = OrganizationClass(m, org_classes);
        out.ents.push_back(en);
      }
    }
  }
  auto by_b = [](const auto& x, const auto& y) { return x.b < y.b; };
  std::stable_sort(out.ents.begin(), out.ents.end(), by_b);
  std::stable_sort(out.figs.begin(), out.figs.end(), by_b);
  std::stable_sort(out.dates.begin(), out.dates.end(), by_b);
  DropFiguresInsideDates(&out);
  IndexByClause(layout, &out);
  return out;
}

void IndexByClause(const Layout& layout, Placed* p) {
  const size_t nc = layout.clauses.size();
  p->ent_begin.assign(nc, 0);
  p->ent_end.assign(nc, 0);
  p->date_begin.assign(nc, 0);
  p->date_end.assign(nc, 0);
  p->figs_in.assign(nc, 0);
  // Each list is sorted by position and clauses are in text order, so one
  // walk per list fills the ranges.
  auto ranges = [&](const auto& list, std::vector<int>* begin, std::vector<int>* end) {
    size_t k = 0;
    for (size_t c = 0; c < nc; ++c) {
      while (k < list.size() && list[k].b < layout.clauses[c].b) ++k;
      (*begin)[c] = static_cast<int>(k);
      size_t j = k;
      while (j < list.size() && list[j].b < layout.clauses[c].e) ++j;
      (*end)[c] = static_cast<int>(j);
      k = j;
    }
  };
  ranges(p->ents, &p->ent_begin, &p->ent_end);
  ranges(p->dates, &p->date_begin, &p->date_end);
  for (const Fig& f : p->figs)
    if (f.clause >= 0) ++p->figs_in[f.clause];
}

}  // namespace facts
}  // namespace newskb
