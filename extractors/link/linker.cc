// newskb/extractors/link/linker.cc
#include "extractors/link/linker.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <string>

#include "extractors/figures/numeral.h"

namespace newskb {
namespace {

struct UnionFind {
  std::vector<size_t> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  size_t Find(size_t x) {
    while (p[x] != x) x = p[x] = p[p[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) p[std::max(a, b)] = std::min(a, b);
  }
};

uint32_t DecodeAt(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *len = 1; return c; }
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  if (i + n > s.size()) { *len = 1; return c; }
  uint32_t cp = c & (0x3F >> (n - 1));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  *len = n;
  return cp;
}

bool IsHanCp(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2FFFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

// Head words that end an organization name: a short form ending in one is
// not a bare brand (美国政府 is not the start of 美国政府问责局's short form).
const char* const kOrgHeads[] = {"部", "局", "署", "会", "院", "所", "府", "厅", "处", "办",
                                 "司", "委", "行", "团", "社", "报", "台", "军", "队", "校",
                                 "学", "室", "中心", "公司", "集团", "银行", "基金", "政府",
                                 "法", "法案", "计划", "计画", "战略", "倡议", "联盟", "报告"};

bool EndsWithHead(const std::string& key) {
  for (const char* h : kOrgHeads) {
    std::string_view hv(h);
    if (key.size() > hv.size() && key.compare(key.size() - hv.size(), hv.size(), hv) == 0)
      return true;
  }
  return false;
}

}  // namespace

std::string TermlessKey(std::string_view key) {
  static constexpr std::string_view kTerm = "届", kOrdinal = "第";
  size_t t = key.find(kTerm);
  if (t == std::string_view::npos) return "";
  size_t b = NumeralRunStart(key, t);  // the term's number
  if (b == t) return "";
  if (b >= kOrdinal.size() && key.substr(b - kOrdinal.size(), kOrdinal.size()) == kOrdinal) b -= kOrdinal.size();
  std::string out(key.substr(0, b));
  out += key.substr(t + kTerm.size());
  return CodePoints(out) >= 2 ? out : "";
}

const std::vector<uint32_t>* HomeBodyLookup(const Gazetteer& gaz, const Normalizer& norm, std::string_view key) {
  for (std::string_view country : {"中华人民共和国", "中国"}) {
    if (key.size() <= country.size() || key.compare(0, country.size(), country) != 0) continue;
    std::string_view rest = key.substr(country.size());
    if (CodePoints(rest) < 2) return nullptr;
    const std::vector<uint32_t>* ids = gaz.Lookup(std::string(rest));
    if (!ids || ids->size() != 1) return nullptr;
    const GazEntry& e = gaz.entry((*ids)[0]);
    if (e.generic() || e.kind != "gov") return nullptr;
    const std::string canon = norm.FoldKey(e.canonical);
    for (std::string_view own : {"中华人民共和国", "中国", "国务院", "中共", "中央", "全国", "国家"})
      if (canon.compare(0, own.size(), own) == 0) return ids;
    return nullptr;
  }
  return nullptr;
}

bool HasHan(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n;
    if (IsHanCp(DecodeAt(s, i, &n))) return true;
    i += n;
  }
  return false;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void LinkMentions(const Gazetteer* gaz, const Normalizer& norm, std::vector<Mention*>& ms,
                  const std::vector<std::pair<size_t, size_t>>& same) {
  const size_t n = ms.size();
  if (n == 0) return;
  UnionFind uf(n);
  std::vector<std::string> key(n);
  std::vector<std::vector<uint32_t>> ents(n);  // non-generic gazetteer entities
  std::vector<bool> generic(n, false);
  std::map<std::string, size_t> first_of_key;
  for (size_t i = 0; i < n; ++i) {
    key[i] = norm.FoldKey(ms[i]->text);
    auto [it, fresh] = first_of_key.emplace(key[i], i);
    if (!fresh) uf.Union(i, it->second);  // rule 1
    if (gaz) {
      const auto* ids = gaz->Lookup(key[i]);
      if (!ids) ids = HomeBodyLookup(*gaz, norm, key[i]);
      // 中共第十九届中央委员会, 十四届全国人大常委会: a body in one of its
      // terms is the body (FORMAT.md: the mention keeps the term).
      if (std::string tk; !ids && ms[i]->kind == MentionKind::kOrganization && !(tk = TermlessKey(key[i])).empty()) {
        ids = gaz->Lookup(tk);
        if (!ids) ids = HomeBodyLookup(*gaz, norm, tk);
      }
      if (ids) {
        for (uint32_t id : *ids) {
          if (gaz->entry(id).generic()) generic[i] = true;
          else ents[i].push_back(id);
        }
      }
    }
  }
  for (auto [a, b] : same)  // rule 2
    if (a < n && b < n) uf.Union(a, b);

  // Rule 3: unambiguous entities first, then ambiguous aliases resolved by
  // the entities the document names unambiguously.
  std::map<uint32_t, size_t> owner;
  for (size_t i = 0; i < n; ++i) {
    if (ents[i].size() != 1) continue;
    auto [it, fresh] = owner.emplace(ents[i][0], i);
    if (!fresh) uf.Union(i, it->second);
  }
  for (size_t i = 0; i < n; ++i) {
    if (ents[i].size() < 2) continue;
    std::vector<uint32_t> seen;
    for (uint32_t id : ents[i])
      if (owner.count(id)) seen.push_back(id);
    if (seen.size() == 1) {
      uf.Union(i, owner[seen[0]]);
      ents[i] = seen;
    }
  }

  // Rule 4: short forms. Candidate long forms are distinct keys; they are
  // found from each long key's own short prefixes and suffixes (map
  // look-ups), not by comparing every mention with every other, so the rule
  // costs O(total key length x log) however many mentions repeat.
  std::vector<std::string> folded(n);  // Fold keeps the spaces FoldKey drops
  for (size_t j = 0; j < n; ++j) folded[j] = norm.Fold(ms[j]->text);
  // For each key, one mention per distinct folded text.
  std::map<std::string_view, std::map<std::string_view, size_t>> reps;
  for (size_t j = 0; j < n; ++j) reps[key[j]].emplace(folded[j], j);
  std::map<std::string_view, std::vector<std::string_view>> ends_of, starts_of;  // short key -> long keys
  for (const auto& [l, unused] : reps) {
    // 能源部 -> 美国能源部: the rest before the short key is 1 to 4 code points.
    size_t cut = 0;
    for (int cps = 0; cps < 4 && cut < l.size();) {
      cut += 1;
      while (cut < l.size() && (static_cast<unsigned char>(l[cut]) & 0xC0) == 0x80) ++cut;
      ++cps;
      if (cut < l.size() && reps.count(l.substr(cut))) ends_of[l.substr(cut)].push_back(l);
    }
    // MP -> MP Materials: the short key is a prefix.
    for (size_t p = 1; p < l.size(); ++p)
      if ((static_cast<unsigned char>(l[p]) & 0xC0) != 0x80 && reps.count(l.substr(0, p)))
        starts_of[l.substr(0, p)].push_back(l);
  }
  for (size_t i = 0; i < n; ++i) {
    const std::string& s = key[i];
    if (CodePoints(s) < 2) continue;
    bool bare = !EndsWithHead(s) && ents[i].empty();
    std::set<size_t> groups;
    std::set<std::string_view> fitted;
    if (auto it = ends_of.find(s); it != ends_of.end()) {
      for (std::string_view l : it->second) {
        std::string_view rest = l.substr(0, l.size() - s.size());
        if (HasHan(s) && HasHan(rest)) {
          fitted.insert(l);
          for (const auto& [f, j] : reps[l]) groups.insert(uf.Find(j));
        }
      }
    }
    if (bare) {
      if (auto it = starts_of.find(s); it != starts_of.end()) {
        unsigned char last = static_cast<unsigned char>(s.back());
        const std::string& folded_short = folded[i];
        for (std::string_view l : it->second) {
          if (fitted.count(l)) continue;
          for (const auto& [folded_long, j] : reps[l]) {
            bool fits = !IsAsciiAlnum(last) ||
                        (folded_long.size() > folded_short.size() &&
                         folded_long.compare(0, folded_short.size(), folded_short) == 0 &&
                         folded_long[folded_short.size()] == ' ');
            if (fits) groups.insert(uf.Find(j));
          }
        }
      }
    }
    if (groups.size() == 1) uf.Union(i, *groups.begin());
  }

  // Names.
  std::map<size_t, std::vector<size_t>> members;
  for (size_t i = 0; i < n; ++i) members[uf.Find(i)].push_back(i);
  for (auto& [root, list] : members) {
    std::map<uint32_t, int> votes;
    for (size_t i : list)
      if (ents[i].size() == 1) ++votes[ents[i][0]];
    std::string name;
    if (!votes.empty() && gaz) {
      auto best = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
        return a.second < b.second;
      });
      name = ShownName(gaz->entry(best->first));
    } else {
      size_t best = list[0];
      auto score = [&](size_t i) {
        return std::make_pair(HasHan(ms[i]->text) ? 1 : 0, CodePoints(ms[i]->text));
      };
      for (size_t i : list)
        if (score(i) > score(best)) best = i;
      name = ms[best]->text;
    }
    for (size_t i : list) ms[i]->name = name;
  }
}

}  // namespace newskb
