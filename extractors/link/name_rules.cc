// newskb/extractors/link/name_rules.cc
#include "extractors/link/name_rules.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>

#include "extractors/extractor.h"
#include "extractors/link/linker.h"
#include "extractors/link/word_bounds.h"

namespace newskb {
namespace {



std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// TrimAfterStops (spans.h), but never cutting strictly inside a head word:
// the 和 of 刚果民主共和国, the 以 of 以色列 are no stop words there.
size_t TrimKeepingHeads(std::string_view t, size_t b, size_t limit, const WordList& stops,
                        const WordList& heads, size_t min_keep) {
  std::vector<std::pair<size_t, size_t>> hs;
  for (size_t i = b; i < limit; i += Utf8CharLen(t, i)) {
    size_t n = heads.MatchAt(t, i);
    if (n > 0) hs.emplace_back(i, i + n);
  }
  size_t out = b;
  for (size_t i = b; i < limit; i += Utf8CharLen(t, i)) {
    size_t n = stops.MatchAt(t, i);
    if (n == 0 || i + n > limit) continue;
    size_t cut = i + n;
    if (Utf8Length(t.substr(cut, limit - cut)) < min_keep) continue;
    bool inside = false;
    for (auto [hb, he] : hs) inside = inside || (hb < cut && cut < he);
    if (!inside) out = cut;
  }
  return out;
}

// Rule attr `join` (e.g. "与|和|及"): the start of a place-headed name
// whose words are joined by one of these conjunctions, when cutting at the
// conjunction would leave no place head: 台灣智慧自動化與機器人協會,
// 巴勒斯坦外交和侨民部. The words after the conjunction must be no place,
// person or organization (中國和美國國防部 and 中国和世界银行 are two
// names), and those before it a place head and two characters or more with
// no stop word. npos if none. [b0, e) is the rule's match of the name.
size_t JoinedStart(const Rule& r, std::string_view t, size_t b0, size_t e, const NameLists& lists) {
  std::string join = Attr(r, "join", "");
  if (join.empty() || !lists.lexicon) return std::string_view::npos;
  // The last conjunction of the match.
  size_t j = std::string_view::npos, a = 0;
  for (size_t i = b0; i < e; i += Utf8CharLen(t, i)) {
    for (size_t k = 0; k <= join.size();) {
      size_t bar = join.find('|', k);
      if (bar == std::string::npos) bar = join.size();
      std::string_view w(join.data() + k, bar - k);
      if (!w.empty() && t.substr(i, w.size()) == w && i + w.size() < e) {
        j = i;
        a = i + w.size();
      }
      k = bar + 1;
    }
  }
  if (j == std::string_view::npos || j == b0) return std::string_view::npos;
  if (lists.heads->MatchAt(t, a) > 0) return std::string_view::npos;
  std::vector<LexWord> after = lists.lexicon->Segment(t, a, e);
  if (after.empty()) return std::string_view::npos;
  std::string_view tag = after[0].tag;
  if (tag == "ns" || tag == "nr" || tag == "nrt" || tag == "nrfg" || tag == "nt" || tag == "nz" || tag == "j" ||
      IsFunctionTag(tag))  // 習近平及其政府: 其 is no name word
    return std::string_view::npos;
  if (lists.lexicon->TagOf(t.substr(a, e - a)) == "nt") return std::string_view::npos;
  size_t q = NameStart(*lists.lexicon, *lists.heads, t, b0, j);
  if (q == std::string_view::npos) return q;
  q = FirstHead(t, q, j, *lists.heads);
  if (q == std::string_view::npos) return q;
  size_t mid = q + lists.heads->MatchAt(t, q);
  if (mid >= j || Utf8Length(t.substr(mid, j - mid)) < 2) return std::string_view::npos;
  // A body's head before the conjunction: two bodies (墨西哥军队和总检察院,
  // 全国科技馆和科学技术类博物馆), each bounded on its own.
  if (lists.org_heads && lists.org_heads->EndsWithEntry(t.substr(mid, j - mid))) return std::string_view::npos;
  for (size_t i = q; i < j; i += Utf8CharLen(t, i))
    if (lists.stops->MatchAt(t, i) > 0 && lists.heads->MatchAt(t, i) == 0) return std::string_view::npos;
  for (const LexWord& w : lists.lexicon->Segment(t, mid, j))  // no function word inside
    if (IsFunctionTag(w.tag)) return std::string_view::npos;
  return q;
}

// True if t[b, e) stands between book-title marks: 《方案》.
bool InBookMarks(std::string_view t, size_t b, size_t e) {
  static constexpr std::string_view kOpen = "《", kClose = "》";
  return b >= kOpen.size() && t.substr(b - kOpen.size(), kOpen.size()) == kOpen &&
         t.substr(e, kClose.size()) == kClose;
}

}  // namespace

bool StartsWithAnyWord(std::string_view s, std::string_view bar_list) {
  for (size_t i = 0; !bar_list.empty() && i <= bar_list.size();) {
    size_t j = bar_list.find('|', i);
    if (j == std::string_view::npos) j = bar_list.size();
    std::string_view w = bar_list.substr(i, j - i);
    if (!w.empty() && s.substr(0, w.size()) == w) return true;
    i = j + 1;
  }
  return false;
}

Result<NameLists> NameLists::Load(const std::string& dir, const Normalizer& norm,
                                  const std::string& family) {
  NameLists l;
  struct Item {
    const char* file;
    std::shared_ptr<const WordList>* slot;
  };
  std::string not_file = "not_" + family + ".txt";
  const Item items[] = {{"stopwords.txt", &l.stops},
                        {"locatives.txt", &l.locatives},
                        {"latin_generic.txt", &l.latin_generic},
                        {not_file.c_str(), &l.not_names}};
  for (const Item& it : items) {
    auto w = WordList::LoadFile(dir + "/" + it.file, norm);
    if (!w.ok()) return w.status();
    *it.slot = std::move(w).value();
  }
  // Descriptors (optional): role nouns before a name in apposition.
  if (std::ifstream(dir + "/descriptors.txt")) {
    auto d = WordList::LoadFile(dir + "/descriptors.txt", norm);
    if (!d.ok()) return d.status();
    l.descriptors = std::move(d).value();
  } else {
    l.descriptors = WordList::FromWords({}, norm);
  }
  if (family == "organizations" && std::ifstream(dir + "/org_heads.txt")) {
    auto h = WordList::LoadFile(dir + "/org_heads.txt", norm);
    if (!h.ok()) return h.status();
    l.org_heads = std::move(h).value();
  }
  l.latin_uses = WordList::FromWords({}, norm);
  if (family == "organizations" && std::ifstream(dir + "/latin_uses.txt")) {
    auto u = WordList::LoadFile(dir + "/latin_uses.txt", norm);
    if (!u.ok()) return u.status();
    l.latin_uses = std::move(u).value();
  }
  // Heads: heads.txt, plus every country, state, province and bloc
  // of places.tsv (its Han names: canonical and aliases), so a body of any
  // listed country is headed by its name (剛果民主共和國礦業部).
  auto head_lines = ReadWordLines(dir + "/heads.txt");
  if (!head_lines.ok()) return head_lines.status();
  std::vector<std::string> heads = std::move(head_lines).value();
  std::vector<std::string> countries;
  if (std::ifstream(dir + "/places.tsv")) {  // optional
    auto places = Gazetteer::LoadFile(dir + "/places.tsv", norm);
    if (!places.ok()) return places.status();
    static const char* const kKinds[] = {"country", "state", "province", "bloc"};
    for (size_t id = 0; id < places.value()->size(); ++id) {
      const GazEntry& g = places.value()->entry(static_cast<uint32_t>(id));
      if (std::find(std::begin(kKinds), std::end(kKinds), g.kind) == std::end(kKinds)) continue;
      std::vector<std::string> names = g.aliases;
      names.push_back(g.canonical);
      for (const std::string& n : names) {
        if (!HasHan(n) || Utf8Length(n) < 2) continue;
        heads.push_back(n);
        const std::string side = "方";  // 中方, 美方: a side, not a place
        bool is_side = n.size() >= side.size() && n.compare(n.size() - side.size(), side.size(), side) == 0;
        if (g.kind != "bloc" && !is_side) countries.push_back(n);
      }
    }
  }
  l.heads = WordList::FromWords(heads, norm);
  l.countries = WordList::FromWords(countries, norm);
  return l;
}

std::string Attr(const Rule& r, const std::string& key, const std::string& def) {
  auto it = r.attrs.find(key);
  return it == r.attrs.end() ? def : it->second;
}

bool PrecededBy(std::string_view text, size_t pos, const WordList& words) {
  size_t p = pos;
  for (int k = 0; k < 4 && p > 0; ++k) {
    --p;
    while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
    if (words.MatchAt(text, p) == pos - p) return true;
  }
  return false;
}

bool NeedsUpper(std::string_view folded) {
  if (!HasAsciiLetter(folded)) return false;
  size_t letters = 0;
  for (unsigned char c : folded) letters += (c >= 'a' && c <= 'z');
  return letters < 5;
}

bool HasAsciiLetter(std::string_view s) {
  for (unsigned char c : s)
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return false;
}

// The start of the longest word of `heads` in t[b, e) that ends at e and
// starts on a word of the lexicon (when loaded), else npos.
static size_t PlaceHeadEndingAt(std::string_view t, size_t b, size_t e, const NameLists& lists) {
  for (size_t i = b; i < e; i += Utf8CharLen(t, i)) {
    if (lists.heads->MatchAt(t, i) != e - i) continue;
    if (lists.lexicon && !StartsOnWord(*lists.lexicon, t, i, e)) continue;
    return i;
  }
  return std::string_view::npos;
}

bool BoundName(const RuleMatch& m, const char* group, std::string_view t, const Document& doc,
               const NormText& norm, const NameLists& lists, NameCand* out) {
  const Rule& r = *m.rule;
  size_t b = m.begin, e = m.end;
  if (m.Has(group)) {
    std::string_view g = m.Group(group);
    b = static_cast<size_t>(g.data() - t.data());
    e = b + g.size();
  } else if (std::string(group) != "name") {
    return false;
  }
  std::string head = Attr(r, "head", "none");
  int min_chars = std::atoi(Attr(r, "min_chars", "2").c_str());
  size_t keep = static_cast<size_t>(std::max(min_chars, 2));
  const size_t b0 = b;
  // head: place_end: the name is the longest place or body head that ends
  // the group on a word start (the sender of a mission: 美國秘密驅逐兩名中國
  // + 駐華盛頓大使館 -> 中國); where none ends it, as head: place.
  if (head == "place_end") {
    size_t p = PlaceHeadEndingAt(t, b, e, lists);
    if (p == std::string_view::npos) {
      head = "place";
    } else {
      b = p;
      head = "none";
    }
  }
  // Words: 巴西只有圣保罗州保险公司 starts after 只有, 北京大学生 holds no 北京大学.
  if (lists.lexicon && (head == "place" || head == "trim") && HasHan(t.substr(b, e - b))) {
    b = NameStart(*lists.lexicon, *lists.heads, t, b, e, /*cut_numbers=*/true);
    if (b == std::string_view::npos) return false;
  }
  if (head == "place") {
    b = TrimKeepingHeads(t, b, e, *lists.stops, *lists.heads, keep);
    // A place word of the lexicon heads the name too (圣保罗州保险公司).
    size_t place = lists.lexicon ? PlaceWordAt(*lists.lexicon, t, b, e) : 0;
    size_t p = place > 0 ? b : FirstHead(t, b, e, *lists.heads);
    if (p == std::string_view::npos) {
      p = JoinedStart(r, t, b0, e, lists);  // 台灣智慧自動化與機器人協會
      place = 0;
    }
    if (p == std::string_view::npos) return false;
    b = p;
    size_t head_len = place > 0 ? place : lists.heads->MatchAt(t, b);
    // desc_middle: words that, right after the place head, make the name a
    // description (瑞典国营矿业公司: "a Swedish state-owned mining company").
    if (StartsWithAnyWord(t.substr(b + head_len), Attr(r, "desc_middle", ""))) return false;
    // A head found inside a word starts no name: 東區法院, not 區法院.
    if (lists.lexicon) b = WordStartBack(*lists.lexicon, t, b0, b, e);
    if (b == std::string_view::npos) return false;
  } else if (head == "trim") {
    b = TrimKeepingHeads(t, b, e, *lists.stops, *lists.heads, keep);
    // 澳洲稀土开发商阿拉弗拉: the role noun describes the name after it.
    b = TrimKeepingHeads(t, b, e, *lists.descriptors, *lists.heads, keep);
  }
  // min_middle: characters required before the `suffix` group, after the
  // place head if the rule has `head: place` (美国公司 is a description,
  // 美国钢铁公司 a name; 这家有限公司 -> 家有限公司 is no name).
  int min_middle = std::atoi(Attr(r, "min_middle", "0").c_str());
  if (min_middle > 0 && m.Has("suffix")) {
    size_t sb = static_cast<size_t>(m.Group("suffix").data() - t.data());
    size_t place = head == "place" && lists.lexicon ? PlaceWordAt(*lists.lexicon, t, b, e) : 0;
    size_t hb = head == "place" ? b + (place > 0 ? place : lists.heads->MatchAt(t, b)) : b;
    if (sb < hb || static_cast<int>(Utf8Length(t.substr(hb, sb - hb))) < min_middle) return false;
  }
  // Never start or end on a space.
  while (b < e && t[b] == ' ') ++b;
  while (e > b && t[e - 1] == ' ') --e;
  if (e <= b) return false;
  std::string_view name = t.substr(b, e - b);
  if (static_cast<int>(Utf8Length(name)) < min_chars) return false;
  int max_chars = std::atoi(Attr(r, "max_chars", "40").c_str());
  if (static_cast<int>(Utf8Length(name)) > max_chars) return false;
  if (lists.not_names->Contains(name)) return false;
  // not_end: words the name must not end with (签署 is a verb, not a 署).
  {
    std::string ne = Attr(r, "not_end", "");
    size_t i = 0;
    while (!ne.empty() && i <= ne.size()) {
      size_t j = ne.find('|', i);
      if (j == std::string::npos) j = ne.size();
      std::string_view w(ne.data() + i, j - i);
      if (!w.empty() && name.size() >= w.size() && name.substr(name.size() - w.size()) == w) return false;
      i = j + 1;
    }
  }
  // not_before: words that must not follow the name; not_after: words that
  // must not follow the whole match (JAMSTEC计划在明年: 计划 is a verb).
  for (auto [key, at] : {std::pair<const char*, size_t>{"not_before", e}, {"not_after", m.end}}) {
    std::string nb = Attr(r, key, "");
    size_t i = 0;
    while (!nb.empty() && i <= nb.size()) {
      size_t j = nb.find('|', i);
      if (j == std::string::npos) j = nb.size();
      std::string_view w(nb.data() + i, j - i);
      if (!w.empty() && t.substr(at, w.size()) == w) return false;
      i = j + 1;
    }
  }
  std::string_view body = BodySpan(doc, norm, b, e);
  std::string latin = Attr(r, "latin", "");
  // latin: acronym: a Latin name written with two capitals or more (GENIUS,
  // RESourceEU), never a plain capitalised word (Google, Heiley: brands and
  // people).
  if (latin == "acronym" && HasAsciiLetter(name)) {
    int upper = 0;
    for (char c : body) upper += (c >= 'A' && c <= 'Z');
    if (upper < 2) return false;
    latin = "caps";
  }
  if (latin == "caps" && HasAsciiLetter(name)) {
    if (!LatinCapitalized(body)) return false;
    // A capitalised name that runs on into a further Title-case word is cut
    // out of a longer name (Critical Minerals of "Critical Minerals
    // Strategy"): not a name of its own. CEO and other acronyms may follow.
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    if (e + 2 < t.size() && t[e] == ' ' && lower(t[e + 1]) && lower(t[e + 2])) {
      std::string_view next = BodySpan(doc, norm, e + 1, e + 3);
      if (next.size() >= 2 && next[0] >= 'A' && next[0] <= 'Z' && next[1] >= 'a' && next[1] <= 'z')
        return false;
    }
  }
  if (NeedsUpper(name) && !HasUpper(body)) return false;
  out->b = b;
  out->e = e;
  out->prio = r.priority;
  out->rule = r.id;
  out->kind = Attr(r, "kind", "");
  return true;
}

std::vector<size_t> ResolveCands(const std::vector<NameCand>& cands) {
  std::vector<size_t> order(cands.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const NameCand& a = cands[x];
    const NameCand& b = cands[y];
    if (a.e - a.b != b.e - b.b) return a.e - a.b > b.e - b.b;
    if (a.prio != b.prio) return a.prio > b.prio;
    return a.b < b.b;
  });
  std::vector<size_t> kept;
  DisjointSpans kept_spans;
  for (size_t i : order)
    if (cands[i].e <= cands[i].b || kept_spans.TryAdd(cands[i].b, cands[i].e)) kept.push_back(i);
  std::sort(kept.begin(), kept.end(), [&](size_t x, size_t y) { return cands[x].b < cands[y].b; });
  return kept;
}

void AddParenAliases(const std::vector<RuleMatch>& paren, std::string_view t, const Document& doc,
                     const NormText& norm, const NameLists& lists, std::vector<NameCand>* win,
                     std::vector<std::pair<size_t, size_t>>* pairs) {
  // Indexes of *win, kept up to date as aliases are added (a scan of *win
  // per bracket would make a long document quadratic).
  std::map<size_t, size_t> last_ending_at;                      // e -> last index
  std::map<std::pair<size_t, size_t>, size_t> last_on_span;     // (b, e) -> last index
  GrowingSpans spans;
  auto index = [&](size_t i) {
    const NameCand& c = (*win)[i];
    last_ending_at[c.e] = i;
    last_on_span[{c.b, c.e}] = i;
    spans.Add(c.b, c.e);
  };
  for (size_t i = 0; i < win->size(); ++i) index(i);
  // `alias` and, in 全名(English Name, ABBR), `alias2`: both name the owner.
  for (const RuleMatch& m : paren) {
    for (const char* group : {"alias", "alias2"}) {
      if (!m.Has(group)) continue;
      std::string_view g = m.Group(group);
      size_t ab = static_cast<size_t>(g.data() - t.data()), ae = ab + g.size();
      while (ab < ae && t[ab] == ' ') ++ab;
      while (ae > ab && t[ae - 1] == ' ') --ae;
      if (ae <= ab) continue;
      // The name the brackets follow (spaces allowed between).
      size_t open = m.begin;
      for (bool moved = true; moved && open > 0;) {
        moved = false;
        if (t[open - 1] == ' ') { --open; moved = true; continue; }
        for (std::string_view mark : {"」", "』", "》", "”"}) {
          if (open >= mark.size() && t.substr(open - mark.size(), mark.size()) == mark) {
            open -= mark.size();
            moved = true;
            break;
          }
        }
      }
      auto owner_it = last_ending_at.find(open);
      if (owner_it == last_ending_at.end()) continue;
      size_t owner = owner_it->second;
      std::string_view alias = t.substr(ab, ae - ab);
      std::string_view body = BodySpan(doc, norm, ab, ae);
      if (HasAsciiLetter(alias)) {
        if (!HasUpper(body)) continue;
      } else if (Utf8Length(alias) < 2) {
        continue;
      }
      // A generic word (方案, 法案: not_<family>.txt) is an alias only as a
      // title defined in book-title marks: 《行动方案》（以下简称《方案》）.
      if (lists.not_names->Contains(alias) && !InBookMarks(t, ab, ae)) continue;
      if (lists.heads->Contains(alias)) continue;
      if (std::all_of(alias.begin(), alias.end(), [](char c) { return c >= '0' && c <= '9'; }))
        continue;
      // Already a name on exactly this span: just pair them.
      if (auto same = last_on_span.find({ab, ae}); same != last_on_span.end()) {
        pairs->emplace_back(owner, same->second);
        continue;
      }
      if (spans.Overlaps(ab, ae)) continue;
      NameCand c;
      c.b = ab;
      c.e = ae;
      c.prio = m.rule->priority;
      c.rule = m.rule->id;
      c.kind = (*win)[owner].kind;
      win->push_back(c);
      index(win->size() - 1);
      pairs->emplace_back(owner, win->size() - 1);
    }
  }
}

// True if t[b, e) is a Latin name that is a product, platform or programme
// where it stands, no body: followed (after at most one space) by a word of
// latin_uses.txt (Twitter帳號), or by a space and a further capitalised
// Latin word of the body, the product's own name (Uber Eats, Uber Money).
static bool LatinUsedAsThing(std::string_view t, size_t b, size_t e, const Document& doc, const NormText& norm,
                             const NameLists& lists) {
  if (!lists.latin_uses || !IsAscii(t.substr(b, e - b))) return false;
  if (e + 1 < t.size() && t[e] == ' ' && t[e + 1] >= 'a' && t[e + 1] <= 'z') {
    std::string_view next = BodySpan(doc, norm, e + 1, e + 2);
    if (!next.empty() && next[0] >= 'A' && next[0] <= 'Z') return true;
  }
  if (e < t.size() && t[e] == ' ') ++e;
  return lists.latin_uses->MatchAt(t, e) > 0;
}

void AddRepeats(std::string_view t, const Document& doc, const NormText& norm,
                const Normalizer& normalizer, const NameLists& lists, const std::string& family,
                std::vector<NameCand>* win) {
  LiteralTrie trie;
  std::vector<NameCand> proto;  // payload: rule and kind of the form
  std::map<std::string, size_t> seen;
  auto add = [&](std::string key, const std::string& rule, const std::string& kind) {
    if (Utf8Length(key) < 2 || seen.count(key)) return;
    seen[key] = proto.size();
    NameCand c;
    c.rule = rule;
    c.kind = kind;
    trie.Add(key, static_cast<uint32_t>(proto.size()));
    proto.push_back(c);
  };
  for (const NameCand& c : *win) {
    std::string key(t.substr(c.b, c.e - c.b));
    if (!c.from_gazetteer) add(key, family + ".repeat", c.kind);
    if (family == "org" && IsAscii(key)) {
      std::vector<std::string_view> words = SplitWords(key);
      if (words.size() >= 2) {
        bool generic_rest = true;
        for (size_t i = 1; i < words.size(); ++i)
          generic_rest = generic_rest && lists.latin_generic->Contains(words[i]);
        if (generic_rest && !lists.latin_generic->Contains(words[0]))
          add(std::string(words[0]), "org.short_form", c.kind);
      }
    }
  }
  if (trie.empty()) return;
  GrowingSpans spans;
  for (const NameCand& c : *win) spans.Add(c.b, c.e);
  for (const GazHit& h : trie.FindAll(t)) {
    if (spans.Overlaps(h.begin, h.end)) continue;
    // A generic word defined as a short title (《方案》) repeats only as a
    // title: 《方案》明确 is the policy, 回购方案 is not.
    if (lists.not_names->Contains(t.substr(h.begin, h.end - h.begin)) &&
        !InBookMarks(t, h.begin, h.end))
      continue;
    std::string_view body = BodySpan(doc, norm, h.begin, h.end);
    if (NeedsUpper(t.substr(h.begin, h.end - h.begin)) && !HasUpper(body)) continue;
    if (LatinUsedAsThing(t, h.begin, h.end, doc, norm, lists)) continue;  // Twitter帳號, AGP計畫
    NameCand c = proto[h.entries[0]];
    c.b = h.begin;
    c.e = h.end;
    spans.Add(c.b, c.e);
    win->push_back(c);
  }
  (void)normalizer;
}

void EmitAndLink(const Document& doc, const NormText& norm, MentionKind kind, const Gazetteer* gaz,
                 const Normalizer& normalizer, const std::vector<NameCand>& win,
                 const std::vector<std::pair<size_t, size_t>>& pairs, std::vector<Mention>* out) {
  std::vector<Mention> ms;
  ms.reserve(win.size());
  for (const NameCand& c : win) {
    Mention m = MakeMention(kind, doc, norm, c.b, c.e, c.rule);
    m.policy_kind = c.kind;
    ms.push_back(std::move(m));
  }
  std::vector<Mention*> ptrs;
  for (Mention& m : ms) ptrs.push_back(&m);
  LinkMentions(gaz, normalizer, ptrs, pairs);
  for (Mention& m : ms) out->push_back(std::move(m));
}

}  // namespace newskb
