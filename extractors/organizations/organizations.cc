// newskb/extractors/organizations/organizations.cc
#include "extractors/organizations/organizations.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <unordered_set>
#include <utility>
#include <re2/re2.h>

#include "extractors/engine/rule_set.h"
#include "extractors/link/gazetteer.h"
#include "extractors/link/linker.h"
#include "extractors/link/spans.h"
#include "extractors/link/name_rules.h"
#include "extractors/link/word_bounds.h"
#include "extractors/organizations/short_forms.h"
#include <filesystem>

namespace newskb {
namespace {

// True if the government-body name t[b, e) is followed by 门 (部门, 局门):
// the word is a generic noun. A title (能源部长, 芬兰农林部长) still names
// the body: People's Daily and our real-article annotators both count it.
bool HeadOfTitle(std::string_view t, size_t b, size_t e) {
  static const char* const kBody[] = {"部", "局", "署", "厅", "处", "委", "办", "院", "司"};
  static const char* const kNext[] = {"门"};
  bool body = false;
  for (const char* k : kBody) {
    std::string_view kv(k);
    body = body || (e - b >= kv.size() && t.substr(e - kv.size(), kv.size()) == kv);
  }
  if (!body) return false;
  for (const char* k : kNext) {
    std::string_view kv(k);
    if (t.substr(e, kv.size()) == kv) return true;
  }
  return false;
}

// True if the word of the lexicon that starts at t[b] (segmenting a window
// from b) runs past e and is an idiom or set phrase (i, l), a place (ns), a
// numeral, distinguishing word, onomatopoeia, time, verb, adjective or
// adverb: 众志 of 众志成城, 北大 of 北大荒, 三星 of 三星堆 (m) and 三星期 (b),
// 联想 of 联想起 (l). A noun or proper name it starts keeps it: the body's
// members or parts (国会 of 国会议员, 人大 of 人大代表 (nz), 武警 of 武警官兵);
// jieba's tags cannot tell 雷诺兹 (nr) or 京东方 (nz) from those.
bool WordRunsOn(const Lexicon& lex, std::string_view t, size_t b, size_t e) {
  size_t r = std::min(t.size(), e + 12);
  while (r < t.size() && (static_cast<unsigned char>(t[r]) & 0xC0) == 0x80) ++r;
  std::vector<LexWord> ws = lex.Segment(t, b, r);
  if (ws.empty() || !ws[0].known || ws[0].e <= e) return false;
  std::string_view tag = ws[0].tag;
  char k = tag.empty() ? 'x' : tag[0];
  return tag == "i" || tag == "l" || tag.substr(0, 2) == "ns" || k == 'm' || k == 'b' || k == 'o' ||
         k == 't' || k == 'v' || k == 'a' || k == 'd';
}

// True if `s` starts with a Chinese numeral character (一 ... 十, 两, 双,
// 百, 千, 万 in their folded, Simplified form).
bool StartsWithNumeral(std::string_view s) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "两", "三", "四", "五", "六", "七",
                                                   "八", "九", "十", "双", "百", "千", "万"};
  for (std::string_view n : kNumerals)
    if (s.substr(0, n.size()) == n) return true;
  return false;
}

// True if `s` is two Han characters.
bool TwoHan(std::string_view s) {
  if (Utf8Length(s) != 2) return false;
  size_t n = Utf8CharLen(s, 0);
  return HasHan(s.substr(0, n)) && HasHan(s.substr(n));
}

// True if t[e..] opens a bracket with a Latin letter: 力拓(Rio Tinto).
bool LatinInBrackets(std::string_view t, size_t e) {
  return e + 1 < t.size() && t[e] == '(' && ((t[e + 1] >= 'a' && t[e + 1] <= 'z') || (t[e + 1] >= 'A' && t[e + 1] <= 'Z'));
}

// True if `a` is an exchange prefix and a stock code: sh600519, sz002415,
// bj835185, hk00700 (folded text is lower case).
bool MarketCode(std::string_view a) {
  if (a.size() < 6 || a.size() > 8) return false;
  std::string_view p = a.substr(0, 2);
  if (p != "sh" && p != "sz" && p != "bj" && p != "hk") return false;
  for (char ch : a.substr(2))
    if (ch < '0' || ch > '9') return false;
  return true;
}

// True if a stock code of four to six digits stands right before or after
// t[b, e), a space or bracket between at most (5269 祥碩, 雙鴻 3324, 國賓(2704)).
bool StockCodeBeside(std::string_view t, size_t b, size_t e) {
  auto digits = [&](size_t i, int step) {
    int n = 0;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      ++n;
      if (step < 0 && i == 0) break;
      i += step;
    }
    return n;
  };
  size_t a = e;
  if (a < t.size() && (t[a] == ' ' || t[a] == '(')) ++a;
  if (int n = digits(a, 1); n >= 4 && n <= 6) return true;
  if (b == 0) return false;
  size_t z = b - 1;
  if (t[z] == ' ' && z > 0) --z;
  int n = digits(z, -1);
  return n >= 4 && n <= 6;
}

// How often `name` occurs in t (not overlapping).
size_t Occurrences(std::string_view t, std::string_view name) {
  size_t n = 0;
  for (size_t i = t.find(name); !name.empty() && i != std::string_view::npos; i = t.find(name, i + name.size())) ++n;
  return n;
}

// True if the media name t[b, e) is a dateline credit: it opens its line
// and is followed by 讯 or 消息 (证券时报e公司讯，新华网快讯：本报讯，
// 央视网消息（新闻联播）：). A credit is a
// byline, not part of the article's body (FORMAT.md).
bool DatelineCredit(std::string_view t, size_t b, size_t e) {
  for (size_t i = b; i > 0 && t[i - 1] != '\n'; --i)
    if (t[i - 1] != ' ' && t[i - 1] != '\t') return false;
  // 讯 or 消息, then an optional programme in brackets: 央视网消息(新闻联播):
  static const re2::RE2 kCredit("^[a-z0-9 .·]{0,8}(?:\\p{Han}{0,2}讯|消息)(?:\\([^)\\n]{0,12}\\))?[,:]");
  std::string_view rest = t.substr(e, std::min<size_t>(40, t.size() - e));
  return re2::RE2::PartialMatch(re2::StringPiece(rest.data(), rest.size()), kCredit);
}

// A noun seen this many times or more in jieba's corpus is a common noun.
constexpr double kCommonNoun = 20;
// A one-character verb seen this often in jieba's corpus (是 796,991, 有
// 423,765, 要 ...) is a word of the sentence, not a brand's first character.
constexpr double kCommonVerb = 50000;
// A place word seen this often in jieba's corpus is a common word (外国 7,204,
// 城市 25,084), not the place a brand is named after (中原 2,825, 远东 525).
constexpr double kCommonPlace = 5000;
// A brand core that jieba's corpus has this often as a word, whatever its
// tag, is that word more often than the brand (中华 of 中华电信 2,446, 中介 of
// 中介公司 606); 灿坤 (124) is the brand.
constexpr double kCommonCore = 500;
// A derived short form (short_forms.h) that jieba's corpus has this often
// as a word is that word by itself, not the body: 发展 68,664, 国际 24,601,
// 中国 129,470; 远航 155 (v), 新世界 144, 总台 18 and 华信 4 are fine after
// their full names. An organization or abbreviation (nt, j: 北大 1,580)
// counts at any frequency.
constexpr double kCommonShortForm = 1000;

class OrganizationExtractor : public Extractor {
 public:
  OrganizationExtractor(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules,
                        std::shared_ptr<const Gazetteer> gaz, NameLists lists)
      : norm_(std::move(norm)), rules_(std::move(rules)), gaz_(std::move(gaz)),
        lists_(std::move(lists)) {}

  const char* name() const override { return "organizations"; }
  std::vector<std::string> LoadNotes() const override { return notes_; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    const std::string& t = norm.text;
    std::vector<NameCand> cands;
    std::vector<bool> is_gov;  // per gazetteer candidate: a government body (kind gov, generic)
    std::vector<NameCand> listed;  // kind `listed` candidates, kept if their name is confirmed
    std::set<std::string> confirmed;  // listed names with a hit in a business sentence
    // 1. Gazetteer, one pass.
    for (const GazHit& h : gaz_->FindAll(t)) {
      std::string_view folded(t.data() + h.begin, h.end - h.begin);
      std::string_view body = BodySpan(doc, norm, h.begin, h.end);
      if (NeedsUpper(folded) && !HasUpper(body)) continue;
      // True if every entity sharing this alias has kind `k`.
      auto all_kind = [&](const char* k) {
        return std::all_of(h.entries.begin(), h.entries.end(),
                           [&](uint32_t id) { return gaz_->entry(id).kind == k; });
      };
      // Kind `not`: a word that holds a short name and is none (说明报告
      // holds 明报); its hit covers the name's, which FindAll then skips.
      if (all_kind("not")) continue;
      if (all_kind("club_city") && !SentenceHas(norm, h.begin, *sports_cues_)) continue;
      // A venue (白宫) or a platform (脸书) after a locative or medium word
      // (在, 透过) is where something happens or is posted, not a body.
      if ((all_kind("venue") || all_kind("platform")) && PrecededBy(t, h.begin, *lists_.locatives)) continue;
      // Microsoft Edge, Apple Music, Google Play: a product named after its maker.
      if (LatinProduct(doc, norm, t, h.begin, h.end)) continue;
      // 能源部长, 环保部门: a title or a generic noun, not the body.
      if (HeadOfTitle(t, h.begin, h.end)) continue;
      if (DatelineCredit(t, h.begin, h.end)) continue;  // any kind: 央視網 is a lexicon name
      // 央视新址, 清华灯光球场: a facility named after the body.
      if (FacilityAfter(t, h.end)) continue;
      // A lexicon name counts on word boundaries only: 新乐队 is none in
      // 重新乐队; 国务院法制办 of 国务院法制办公室 is the whole.
      // So does a listed company's exchange short name (kind `listed`,
      // gazetteer/organizations/tw_listed.tsv): 南電 is none in 湖南電力.
      size_t end = h.end;
      if (all_kind("lexicon") || (lists_.lexicon && all_kind("listed"))) {
        end = WordAlignedEnd(*lists_.lexicon, *unit_heads_, t, h.begin, h.end);
        if (end == std::string_view::npos) continue;
      }
      // A name of two characters is common inside words: 民建 of 人民建,
      // 中行 of 其中行, 国航 of 全国航运. It must start a word.
      // Its name in Latin letters in brackets right after it says it is a
      // name: 吸引力拓(Rio Tinto) holds 力拓.
      if (lists_.lexicon && TwoHan(folded) && !StartsOnWord(*lists_.lexicon, t, h.begin, h.end) &&
          !LatinInBrackets(t, h.end))
        continue;
      // Nor may it be the start of a longer word of the lexicon that is no
      // noun (WordRunsOn): 众志 of the idiom 众志成城, 北大 of 北大荒 (港大 of
      // 港大学生会 stays: 港 + 大学生 + 会; 人大 of 人大代表 too).
      if (lists_.lexicon && TwoHan(folded) && WordRunsOn(*lists_.lexicon, t, h.begin, h.end)) continue;
      // A short name followed by a head word of two characters or more is
      // the start of another name (華興 of 廣東華興銀行, 國泰 of 國泰航空):
      // the rules find that one.
      if (all_kind("listed") && unit_heads_->MatchAt(t, end) >= 6) continue;
      // 東華路, 中華街: a street or place named like the company.
      if (all_kind("listed") && listed_not_before_->MatchAt(t, end) > 0) continue;
      NameCand c;
      c.b = h.begin;
      c.e = end;
      c.prio = 100;
      // 俄罗斯 + 海军, 英国 + 国防部: a name many countries share, right
      // after its country, is that country's body; so is a name of the word
      // lexicon (jieba's nt words carry no country): 柬埔寨 + 人民党, 德国 + 联盟党.
      if (all_kind("generic") || all_kind("lexicon")) c.b = PlaceBefore(t, h.begin);
      c.rule = "gaz.org:" + gaz_->entry(h.entries[0]).canonical;
      if (end != h.end) c.rule += "+word";
      if (c.b != h.begin) c.rule += "+place";
      c.from_gazetteer = true;
      // A listed short name is also a word or a name part (全域, 世德 of
      // 簡世德): it needs a business sentence somewhere in the document.
      if (all_kind("listed")) {
        if (SentenceHas(norm, h.begin, *listed_cues_) || StockCodeBeside(t, h.begin, end))
          confirmed.insert(c.rule);
        listed.push_back(std::move(c));
        continue;
      }
      cands.push_back(std::move(c));
      is_gov.push_back(std::any_of(h.entries.begin(), h.entries.end(), [&](uint32_t id) {
        const std::string& k = gaz_->entry(id).kind;
        return k == "gov" || k == "generic";
      }));
    }
    AddParentUnits(is_gov, &cands);
    // 2. Rules, one RE2::Set pass.
    std::vector<std::pair<size_t, size_t>> pair_spans;  // (cand, cand) by index
    std::vector<RuleMatch> paren, lists;
    for (const RuleMatch& m : rules_->FindAll(t)) {
      std::string role = Attr(*m.rule, "role", "org");
      if (role == "paren_alias") {
        // A market-prefixed stock code (SZ002415, SH600519) after a listed
        // company is its code, not its alias.
        if (!MarketCode(m.Group("alias"))) paren.push_back(m);
        continue;
      }
      if (role == "list_member") {
        lists.push_back(m);
        continue;
      }
      NameCand c;
      if (!BoundName(m, "name", t, doc, norm, lists_, &c)) continue;
      if (DatelineCredit(t, c.b, c.e)) continue;  // 央视网消息（新闻联播）：, a byline
      // Group `rest`: the name goes on, as matched, after its bounded start
      // (中國 + 駐印度大使館: only the sender is bounded as a place-headed name).
      if (m.Has("rest")) {
        std::string_view rest = m.Group("rest");
        if (static_cast<size_t>(rest.data() - t.data()) != c.e) continue;
        c.e += rest.size();
      }
      if (Attr(*m.rule, "cut", "") == "described" && !CutDescribed(*m.rule, t, &c)) continue;
      if (Attr(*m.rule, "cut", "") == "appositive" && !CutDescribed(*m.rule, t, &c, false)) continue;
      if (Attr(*m.rule, "cut", "") == "core" && !CutToCore(*m.rule, t, &c)) continue;
      // min_count: a name the document must write that often (a body named
      // by a common noun is a definite one where the article is about it).
      if (Occurrences(t, t.substr(c.b, c.e - c.b)) <
          static_cast<size_t>(std::atoi(Attr(*m.rule, "min_count", "1").c_str())))
        continue;
      if (Attr(*m.rule, "brand", "") == "proper" && !ProperBrand(m, t, &c)) continue;
      if (role == "org" && FacilityAfter(t, c.e)) continue;  // 华中科技大学体育馆
      if (role == "org_with_alias" && m.Has("alias")) {
        // The bracketed alias is the evidence that the name is a name: when
        // it is refused (礦物(critical minerals): not capitalised), so is the name.
        NameCand a;
        if (!BoundName(m, "alias", t, doc, norm, lists_, &a)) continue;
        cands.push_back(c);
        cands.push_back(a);
        pair_spans.emplace_back(cands.size() - 2, cands.size() - 1);
        continue;
      }
      cands.push_back(c);
    }
    for (NameCand& c : listed) {
      // 晶華 after 晶華國際酒店: the short form of a name the document gives.
      bool prefix = std::any_of(cands.begin(), cands.end(), [&](const NameCand& o) {
        return o.e - o.b > c.e - c.b && t.compare(o.b, c.e - c.b, t, c.b, c.e - c.b) == 0;
      });
      if (!prefix && !confirmed.count(c.rule)) continue;
      cands.push_back(std::move(c));
    }
    // Sub-units: 交通银行深圳分行, 北京大学法学院 (gazetteer/branch_suffixes.txt),
    // and with the lexicon any unit of name words ending in a head
    // (gazetteer/org_heads.txt): 国务院残疾人工作协调委员会.
    for (size_t i = 0, n = cands.size(); i < n; ++i) {
      size_t e = ExtendBranch(t, cands[i].e);
      if (lists_.lexicon) e = std::max(e, ExtendUnit(*lists_.lexicon, *unit_heads_, t, cands[i].e));
      if (e == cands[i].e) continue;
      // A body's unit is never a government: 民陣 + 批評政府, 港鐵 + 是政府,
      // 立法會 + 監察政府 are the body and what it does to the government.
      if (EndsWithGovernment(t.substr(cands[i].e, e - cands[i].e))) continue;
      NameCand c = cands[i];
      c.e = e;
      c.rule += "+branch";
      c.from_gazetteer = false;
      cands.push_back(std::move(c));
    }
    std::vector<size_t> kept = ResolveCands(cands);
    std::vector<NameCand> win;
    std::vector<std::pair<size_t, size_t>> pairs;
    {
      std::map<size_t, size_t> idx;
      for (size_t k : kept) {
        idx[k] = win.size();
        win.push_back(cands[k]);
      }
      for (auto [a, b] : pair_spans)
        if (idx.count(a) && idx.count(b)) pairs.emplace_back(idx[a], idx[b]);
    }
    // Unknown members of a list of companies: 华友钴业、川能动力等中国企业.
    AddListMembers(lists, t, &win);
    // 3. Aliases in brackets after a found name: 全名(ABBR), 中文名(English Name).
    AddParenAliases(paren, t, doc, norm, lists_, &win, &pairs);
    // Short forms (gazetteer/short_forms.tsv: 贸易署, 中投) only where the
    // document names their organization by a fuller form; linked to it.
    AddShortForms(t, &win, &pairs);
    // Abbreviations of a found name by the first characters of its words:
    // 港大校務委員會 -> 校委會, 国家发展和改革委员会 -> 发改委.
    AddAbbreviations(t, &win, &pairs);
    // Brand cores: 石尚企業 -> 石尚, 1111人力銀行 -> 1111, later in the document.
    AddBrandCores(t, &win, &pairs);
    // Short forms by the patterns of Chinese abbreviation: 遠東航空 -> 遠航,
    // 中國華信 -> 華信, 中央广播电视总台 -> 总台 (short_forms.h).
    AddDerivedShortForms(t, &win, &pairs);
    // 4. Repeats and short forms of names found by rules, within the document.
    AddRepeats(t, doc, norm, *norm_, lists_, "org", &win);
    ExtendRepeats(t, &win);
    EmitAndLink(doc, norm, MentionKind::kOrganization, gaz_.get(), *norm_, win, pairs, out);
  }

 private:
  // A government body right before another (勞動部 + 職安署, 香港特區政府 +
  // 房屋署, 衛福部 + 疾管署): the parent and its unit are one name, the
  // longest (FORMAT.md); a chain of three (經濟部 + 能源署 + 綜合企劃組)
  // joins too. Linked by the unit (the merged rule names the unit's entry).
  static void AddParentUnits(const std::vector<bool>& is_gov, std::vector<NameCand>* cands) {
    size_t n = cands->size();
    std::map<size_t, size_t> longest_at;  // begin -> the longest government candidate there
    for (size_t j = 0; j < n; ++j) {
      if (!is_gov[j]) continue;
      auto [it, fresh] = longest_at.emplace((*cands)[j].b, j);
      if (!fresh && (*cands)[j].e > (*cands)[it->second].e) it->second = j;
    }
    for (size_t i = 0; i < n; ++i) {
      if (!is_gov[i]) continue;
      size_t e = (*cands)[i].e, unit = n;
      for (int k = 0; k < 3; ++k) {  // parent + unit + sub-unit at most
        auto it = longest_at.find(e);
        if (it == longest_at.end()) break;
        unit = it->second;
        e = (*cands)[unit].e;
      }
      if (unit == n) continue;
      NameCand c = (*cands)[i];
      c.e = e;
      c.rule = (*cands)[unit].rule + "+parent";
      c.from_gazetteer = false;
      cands->push_back(std::move(c));
    }
  }

  void AddShortForms(std::string_view t, std::vector<NameCand>* win,
                     std::vector<std::pair<size_t, size_t>>* pairs) const {
    if (!short_) return;
    // The canonical names (folded) the gazetteer found, by candidate: a
    // short form counts beside its organization or its parent body, the
    // found name its canonical starts with (經濟部 for 經濟部工業局 -> 工業局).
    std::vector<std::string> found(win->size());
    for (size_t i = 0; i < win->size(); ++i) {
      const std::string& r = (*win)[i].rule;
      if (!(*win)[i].from_gazetteer || r.rfind("gaz.org:", 0) != 0) continue;
      found[i] = norm_->Fold(r.substr(8, r.find('+') == std::string::npos ? std::string::npos : r.find('+') - 8));
    }
    for (const GazHit& h : short_->FindAll(t)) {
      const GazEntry& g = short_->entry(h.entries[0]);
      const std::string full = norm_->Fold(g.canonical);
      std::string_view hit = t.substr(h.begin, h.end - h.begin);
      if (hit == norm_->Fold(g.canonical)) continue;  // the full name: found by the gazetteer
      if (HeadOfTitle(t, h.begin, h.end)) continue;   // 贸易署长: a title
      size_t owner = win->size();
      bool clash = false;
      for (size_t i = 0; i < win->size(); ++i) {
        const NameCand& w = (*win)[i];
        if (w.b < h.end && h.begin < w.e) clash = true;
        if (owner == win->size() && w.from_gazetteer && w.rule == "gaz.org:" + g.canonical) owner = i;
      }
      bool by_parent = false;  // then it is its own body, linked to no other
      for (size_t i = 0; owner == win->size() && i < found.size(); ++i)
        if (!found[i].empty() && full.size() > found[i].size() && full.compare(0, found[i].size(), found[i]) == 0) {
          owner = i;
          by_parent = true;
        }
      if (clash || owner == win->size()) continue;
      NameCand c;
      c.b = h.begin;
      c.e = h.end;
      c.prio = 100;
      c.rule = "gaz.org.short:" + g.canonical;
      c.from_gazetteer = true;
      win->push_back(std::move(c));
      if (!by_parent) pairs->emplace_back(owner, win->size() - 1);
    }
  }

  // The start of a place name of two to eight characters (gazetteer/heads.txt
  // and the countries, states and provinces of places.tsv) that ends at
  // `pos` and starts a word; `pos` if none.
  size_t PlaceBefore(std::string_view t, size_t pos) const {
    size_t best = pos, p = pos;
    for (int k = 1; k <= 8 && p > 0; ++k) {
      --p;
      while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
      if (k >= 2 && lists_.heads->MatchAt(t, p) == pos - p) best = p;
    }
    if (best == pos || !lists_.lexicon) return best;
    if (!StartsOnWord(*lists_.lexicon, t, best, pos)) return pos;
    // A place, not a scope (全球央行, 国际社会): a country, state or province
    // of places.tsv whatever the lexicon's tag (阿根廷 is nr there), else a
    // word the lexicon knows as a place name or not at all.
    std::string_view place = t.substr(best, pos - best);
    if (lists_.countries && lists_.countries->Contains(place)) return best;
    std::string_view tag = lists_.lexicon->TagOf(place);
    return tag.empty() || tag.substr(0, 2) == "ns" ? best : pos;
  }

  // The abbreviations of the name t[b, e) that Chinese forms from its words
  // (function words left out): the first character of each word, the last
  // word also by its first and last characters (委员会 -> 委, 委会), from any
  // word on that leaves two; three characters or more, none a common
  // word of the lexicon other than an organization or abbreviation (nt, j).
  std::vector<std::string> Abbreviations(std::string_view t, size_t b, size_t e) const {
    std::vector<std::string> out;
    if (!lists_.lexicon || Utf8Length(t.substr(b, e - b)) < 5) return out;
    std::vector<std::string_view> words;
    for (const LexWord& w : lists_.lexicon->Segment(t, b, e)) {
      std::string_view word = t.substr(w.b, w.e - w.b);
      if (!HasHan(word)) return out;
      if (!IsFunctionTag(w.tag)) words.push_back(word);
    }
    for (size_t from = 0; from + 2 <= words.size(); ++from) {
      std::string head;
      for (size_t k = from; k + 1 < words.size(); ++k) head += words[k].substr(0, Utf8CharLen(words[k], 0));
      std::string_view last = words.back();
      size_t first_len = Utf8CharLen(last, 0);
      std::vector<std::string> forms = {head + std::string(last.substr(0, first_len))};
      if (Utf8Length(last) >= 3) {
        size_t tail = last.size();
        do --tail; while (tail > 0 && (static_cast<unsigned char>(last[tail]) & 0xC0) == 0x80);
        forms.push_back(head + std::string(last.substr(0, first_len)) + std::string(last.substr(tail)));
      }
      for (std::string& f : forms) {
        if (Utf8Length(f) < 3) continue;
        std::vector<LexWord> ws = lists_.lexicon->Segment(f, 0, f.size());
        bool common = ws.size() == 1 && ws[0].known && ws[0].tag != "nt" && ws[0].tag != "j" &&
                      ws[0].logp >= lists_.lexicon->LogpOfFrequency(kCommonNoun);
        if (common) continue;
        out.push_back(std::move(f));
      }
    }
    return out;
  }

  // Every occurrence of an abbreviation (Abbreviations) of a name in *win,
  // not the name's own start, on word boundaries and overlapping no
  // mention: a mention linked to it.
  void AddAbbreviations(std::string_view t, std::vector<NameCand>* win,
                        std::vector<std::pair<size_t, size_t>>* pairs) const {
    std::unordered_set<std::string_view> seen;  // a name repeated finds nothing new
    for (size_t i = 0, n = win->size(); i < n; ++i) {
      std::string_view name = t.substr((*win)[i].b, (*win)[i].e - (*win)[i].b);
      if (!seen.insert(name).second) continue;
      for (const std::string& a : Abbreviations(t, (*win)[i].b, (*win)[i].e)) {
        if (name.substr(0, a.size()) == a) continue;  // 君悦酒 of 君悦酒店: the name cut short
        for (size_t p = t.find(a); p != std::string_view::npos; p = t.find(a, p + a.size())) {
          size_t q = p + a.size();
          bool clash = false;
          for (const NameCand& w : *win) clash = clash || (w.b < q && p < w.e);
          // On word boundaries at both ends: 医专院 is none in 医专院务委员会.
          if (clash || WordAlignedEnd(*lists_.lexicon, *unit_heads_, t, p, q) != q) continue;
          NameCand c;
          c.b = p;
          c.e = q;
          c.prio = (*win)[i].prio;
          c.rule = "org.abbreviation";
          win->push_back(std::move(c));
          pairs->emplace_back(i, win->size() - 1);
        }
      }
    }
  }

  // The brand core of the found name t[b, e): the name less a leading place
  // (heads.txt, places.tsv) and less up to three tails of brand_suffixes.txt
  // (legal forms, industry heads), the longest first, while two characters
  // or more are left: 石尚企业 -> 石尚, 1111人力银行 -> 1111, 台湾灿坤实业股份
  // 有限公司 -> 灿坤; a name a rule built keeps its place (中國華信能源有限公司
  // -> 中國華信, four characters or more). "" when no tail was stripped (a
  // body's own name, 国防部, has no brand), when the name is Latin (its first
  // word is org.short_form's), or when the core is no brand: a
  // body head ends it (org_heads.txt), it is a place, a generic noun
  // (not_organizations.txt), or a word of the lexicon that is a common
  // noun, verb or adjective (清运, 8 times: 清運公司 is a description), a
  // person's or place's name (nr*, ns*), another word seen kCommonNoun
  // times or more that is no organization, proper noun or abbreviation
  // (nt, nz, j), or one of those seen kCommonCore times or more (中华).
  std::string BrandCore(std::string_view t, size_t b, size_t e, bool from_gazetteer) const {
    std::string_view name = t.substr(b, e - b);
    if (!HasHan(name) || !lists_.lexicon) return "";
    size_t start = lists_.heads->MatchAt(name, 0);
    if (start > 0 && Utf8Length(name.substr(start)) < 2) start = 0;
    // A place + X + head that a rule built names X's trade more often than
    // a brand (台北捷運公司, 香港工業邨公司, 雲南白藥集團): its short form keeps
    // the place (中國華信能源有限公司 -> 中國華信, 雲南白藥集團 -> 雲南白藥), X
    // alone is no name; a gazetteer name (中央存款保險公司 -> 存保 is the
    // gazetteer's own alias) may drop its place.
    const bool keep_place = start > 0 && !from_gazetteer;
    size_t end = name.size();
    bool stripped = false;
    for (int round = 0; round < 3; ++round) {
      size_t cut = end;
      for (size_t k = start; k < end; k += Utf8CharLen(name, k)) {
        if (Utf8Length(name.substr(start, k - start)) < 2) continue;
        if (brand_suffixes_->Contains(name.substr(k, end - k))) {
          cut = k;  // the leftmost start: the longest tail
          break;
        }
      }
      if (cut == end) break;
      end = cut;
      stripped = true;
    }
    if (!stripped) return "";
    std::string_view core = name.substr(start, end - start);
    if (Utf8Length(core) < 2 || lists_.heads->Contains(core) || lists_.not_names->Contains(core) ||
        unit_heads_->EndsWithEntry(core))
      return "";
    if (IsAscii(core)) {
      // Whole tokens only: 1111, JR; no spaces or punctuation inside.
      for (char ch : core)
        if (!IsAsciiAlnum(static_cast<unsigned char>(ch))) return "";
      return keep_place ? "" : std::string(core);
    }
    // An industry head alone (金控 of 金控公司) is no brand.
    if (brand_suffixes_->Contains(core)) return "";
    std::vector<LexWord> ws = lists_.lexicon->Segment(core, 0, core.size());
    // Common words of two characters or more, all of them: a description
    // (引导 + 基金 of 引導基金有限責任公司).
    bool described = ws.size() >= 2;
    for (const LexWord& w : ws) {
      char k = w.tag.empty() ? 'x' : w.tag[0];
      described = described && w.known && Utf8Length(core.substr(w.b, w.e - w.b)) >= 2 &&
                  (k == 'n' || k == 'v' || k == 'a') && w.tag != "nz" && w.tag != "nt" && w.tag.substr(0, 2) != "nr" &&
                  w.logp >= lists_.lexicon->LogpOfFrequency(kCommonNoun);
    }
    if (described) return "";
    if (ws.size() == 1 && ws[0].known) {
      std::string_view tag = ws[0].tag;
      if (tag.substr(0, 2) == "nr" || tag.substr(0, 2) == "ns") return "";
      // A common noun, verb or adjective however rare (清运 8, 萤幕 3: a
      // trade or a thing, 清運公司 a description) is no brand.
      if (tag == "n" || tag == "ng" || tag == "vn" || tag == "v" || tag == "a" || tag == "an" ||
          tag == "l" || tag == "i")
        return "";
      bool proper = tag == "nt" || tag == "nz" || tag == "j";
      if (!proper && ws[0].logp >= lists_.lexicon->LogpOfFrequency(kCommonNoun)) return "";
      // A proper name or abbreviation this common is a word of its own too
      // (中华 2,446, 中介 606; not 灿坤 124).
      if (ws[0].logp >= lists_.lexicon->LogpOfFrequency(kCommonCore)) return "";
    }
    if (keep_place) {
      // Place + brand, four characters or more (中國華信, 台北捷運); the
      // brand alone passed the checks above.
      std::string_view whole = name.substr(0, end);
      return Utf8Length(whole) >= 4 ? std::string(whole) : "";
    }
    return std::string(core);
  }

  // True if the brand core t[p, q) stands alone there: a Latin or digit core
  // as a whole token (no letter or digit beside it, no point or comma
  // between it and a digit, no % after it; a digit core not before a
  // numeral, measure word or content word of one character: 518人 is a
  // count), a Han
  // core on word boundaries (StartsOnWord, WordAlignedEnd).
  bool CoreStandsAlone(std::string_view t, size_t p, size_t q) const {
    std::string_view core = t.substr(p, q - p);
    if (IsAscii(core)) {
      // A point or comma joins only between digits (1,111, 11.11); the
      // normalised text writes the full-width comma of 1111表示，1111與 as ','.
      auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
      bool before = p > 0 && (IsAsciiAlnum(static_cast<unsigned char>(t[p - 1])) ||
                              ((t[p - 1] == '.' || t[p - 1] == ',') && p >= 2 && digit(p - 2)));
      bool after = q < t.size() && (IsAsciiAlnum(static_cast<unsigned char>(t[q])) || t[q] == '%' ||
                                    ((t[q] == '.' || t[q] == ',') && digit(q + 1)));
      if (before || after) return false;
      bool digits = std::all_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; });
      if (digits && q < t.size()) {
        size_t r = std::min(t.size(), q + 12);
        while (r < t.size() && (static_cast<unsigned char>(t[r]) & 0xC0) == 0x80) ++r;
        // A numeral, a measure word or a single character that is no
        // function word follows a count (518人, 1111家); a word of two
        // characters or more (1111表示, 1111所有) or a function word
        // (1111與) a name.
        std::vector<LexWord> next = lists_.lexicon->Segment(t, q, r);
        if (!next.empty() && HasHan(t.substr(next[0].b, next[0].e - next[0].b))) {
          std::string_view tag = next[0].tag;
          bool single = Utf8Length(t.substr(next[0].b, next[0].e - next[0].b)) == 1;
          if (tag == "m" || tag == "q" || tag == "mq" || (single && !IsFunctionTag(tag))) return false;
        }
      }
      return true;
    }
    return StartsOnWord(*lists_.lexicon, t, p, q) &&
           WordAlignedEnd(*lists_.lexicon, *unit_heads_, t, p, q) == q;
  }

  // Document-level short forms: a news article names a company once in full
  // and then by its brand. Every occurrence of a found name's brand core
  // (BrandCore) after the name's first mention, standing alone
  // (CoreStandsAlone) and overlapping no mention, is a mention linked to the
  // name ("org.brand_core"); a head word right after it is part of it
  // (石尚公司). Not where it starts another name (a place or another
  // mention right before it, a brand tail after it), a building (a
  // facility word after it) or a title in marks that goes on past it.
  void AddBrandCores(std::string_view t, std::vector<NameCand>* win,
                     std::vector<std::pair<size_t, size_t>>* pairs) const {
    if (!lists_.lexicon) return;
    std::unordered_set<std::string> seen;  // cores already looked for
    for (size_t i = 0, n = win->size(); i < n; ++i) {
      std::string core = BrandCore(t, (*win)[i].b, (*win)[i].e, (*win)[i].from_gazetteer);
      if (core.empty() || !seen.insert(core).second) continue;
      size_t from = (*win)[i].b;  // the first mention of this name
      std::string_view name = t.substr((*win)[i].b, (*win)[i].e - (*win)[i].b);
      for (size_t k = 0; k < n; ++k)
        if (t.substr((*win)[k].b, (*win)[k].e - (*win)[k].b) == name) from = std::min(from, (*win)[k].b);
      for (size_t p = t.find(core, from); p != std::string_view::npos; p = t.find(core, p + core.size())) {
        size_t q = p + core.size();
        if (PartOfAnotherName(t, p, q, *win) || !CoreStandsAlone(t, p, q)) continue;
        size_t head = unit_heads_->MatchAt(t, q);  // 石尚 + 公司
        NameCand c;
        c.b = p;
        c.e = head >= 6 ? q + head : q;
        c.prio = (*win)[i].prio;
        c.rule = "org.brand_core";
        c.from_gazetteer = true;  // found here, every occurrence: AddRepeats adds none before the name
        win->push_back(std::move(c));
        pairs->emplace_back(i, win->size() - 1);
      }
    }
  }

  // True if t[p, q), a short name looked for, is part of another name where
  // it stands: inside a mention, or the start of another name (中华 of
  // 中华精测, 精测 found; of 中华国际, a brand tail follows); a place right
  // before it names another body (西藏皇氏 of 西藏皇氏投資管理有限公司, a
  // subsidiary); a facility word after it a building (壹傳媒大樓); an opening
  // mark before it, closed later, a product (「鉅亨買基金」).
  bool PartOfAnotherName(std::string_view t, size_t p, size_t q, const std::vector<NameCand>& win) const {
    for (const NameCand& w : win)
      if ((w.b < q && p < w.e) || w.b == q) return true;
    size_t tail = brand_suffixes_->MatchAt(t, q);
    if (tail > 0 && unit_heads_->MatchAt(t, q) != tail) return true;
    return PlaceBefore(t, p) != p || FacilityAfter(t, q) || OpensLongerTitle(t, p, q);
  }

  // True if the derived short form `f` (folded) may stand for a body by
  // itself: not in short_form_stops.txt, no place, generic name, industry
  // word or (but for a head that stands alone) body head by itself; and
  // not a word of the lexicon that is a person's or place's name, a
  // function word, numeral, measure, pronoun, adverb, time or locality
  // word, or a word seen kCommonShortForm times or more that is no
  // organization or abbreviation (nt, j).
  bool ShortFormUsable(std::string_view f, ShortFormPattern p) const {
    if (short_form_stops_->Contains(f) || lists_.heads->Contains(f) || lists_.not_names->Contains(f) ||
        brand_suffixes_->Contains(f))
      return false;
    if (p != ShortFormPattern::kHeadAlone && unit_heads_->Contains(f)) return false;
    std::vector<LexWord> ws = lists_.lexicon->Segment(f, 0, f.size());
    if (ws.size() != 1 || !ws[0].known) return true;
    std::string_view tag = ws[0].tag;
    char k = tag.empty() ? 'x' : tag[0];
    if (tag.substr(0, 2) == "nr" || tag.substr(0, 2) == "ns" || IsFunctionTag(tag) || k == 'm' || k == 'q' ||
        k == 'r' || k == 'd' || k == 'f' || k == 't')
      return false;
    return tag == "nt" || tag == "j" || ws[0].logp < lists_.lexicon->LogpOfFrequency(kCommonShortForm);
  }

  // The derived short forms (short_forms.h) of the found name t[b, e):
  // its words by the lexicon (function words left out, a run of single
  // characters one word), the legal forms that end it
  // (short_form_legal.txt), whether its last word stands alone
  // (standalone_heads.txt) or names a member (member_heads.txt), whether
  // the last before the legal forms is a head as a whole (org_heads.txt,
  // brand_suffixes.txt), the places its words start with; and the
  // place_dropped form of its brand core when that keeps the place
  // (BrandCore: 中國華信 -> 華信).
  std::vector<DerivedForm> DerivedForms(std::string_view t, const NameCand& c) const {
    // A run of single characters is one word: a brand jieba does not know
    // (鼎昇 of 鼎昇航空公司 is 鼎 + 昇 to it).
    std::vector<std::string_view> words;
    bool run = false;  // the last word is a run of single characters
    for (const LexWord& w : lists_.lexicon->Segment(t, c.b, c.e)) {
      if (IsFunctionTag(w.tag)) {
        run = false;
        continue;
      }
      std::string_view word = t.substr(w.b, w.e - w.b);
      bool single = Utf8Length(word) == 1;
      if (single && run && words.back().data() + words.back().size() == word.data())
        words.back() = std::string_view(words.back().data(), words.back().size() + word.size());
      else
        words.push_back(word);
      run = single;
    }
    NameShape shape;
    while (shape.legal_words < words.size() &&
           short_form_legal_->Contains(words[words.size() - 1 - shape.legal_words]))
      ++shape.legal_words;
    shape.head_alone = !words.empty() && standalone_heads_->Contains(words.back());
    shape.member_head = !words.empty() && member_heads_->EndsWithEntry(words.back());
    if (words.size() > shape.legal_words) {
      std::string_view last = words[words.size() - 1 - shape.legal_words];
      for (size_t k = 0; k < last.size(); k += Utf8CharLen(last, k))  // 航空公司 -> 航空
        if (k > 0 && short_form_legal_->Contains(last.substr(k))) {
          last = last.substr(0, k);
          break;
        }
      shape.last_is_head = unit_heads_->Contains(last) || brand_suffixes_->Contains(last);
    }
    for (std::string_view w : words) shape.place_prefix.push_back(lists_.heads->MatchAt(w, 0));
    std::vector<DerivedForm> out = DeriveShortForms(words, shape);
    std::string core = BrandCore(t, c.b, c.e, c.from_gazetteer);
    if (size_t place = lists_.heads->MatchAt(core, 0); place > 0) {
      std::string rest = DropPlace(core, std::string_view(core).substr(0, place));
      if (!rest.empty()) out.push_back({std::move(rest), ShortFormPattern::kPlaceDropped});
    }
    return out;
  }

  // Document-level derived short forms: for every name found in full (by the
  // gazetteer or a rule, not itself a short form), the candidates of
  // DerivedForms that may stand alone (ShortFormUsable) and that no other
  // found name gives too or ends with, counted wherever the document writes them as a
  // word of their own (StartsOnWord, WordAlignedEnd: 遠航 not in 遠航程)
  // overlapping no mention and starting no other name (as AddBrandCores);
  // each a mention linked to the full name ("org.derived:<pattern>").
  void AddDerivedShortForms(std::string_view t, std::vector<NameCand>* win,
                            std::vector<std::pair<size_t, size_t>>* pairs) const {
    if (!lists_.lexicon) return;
    constexpr size_t kShared = static_cast<size_t>(-1);  // two names give the form
    std::map<std::string, std::pair<size_t, ShortFormPattern>> forms;  // form -> (name, pattern)
    std::unordered_set<std::string_view> seen;  // names already derived from
    const size_t n = win->size();
    for (size_t i = 0; i < n; ++i) {
      const NameCand& c = (*win)[i];
      if (c.rule.rfind("org.brand_core", 0) == 0 || c.rule.rfind("org.abbreviation", 0) == 0 ||
          c.rule.rfind("gaz.org.short", 0) == 0)
        continue;
      std::string_view name = t.substr(c.b, c.e - c.b);
      if (!HasHan(name) || !seen.insert(name).second) continue;
      for (DerivedForm& f : DerivedForms(t, c)) {
        if (!ShortFormUsable(f.text, f.pattern)) continue;
        auto [it, fresh] = forms.emplace(f.text, std::make_pair(i, f.pattern));
        if (!fresh && it->second.first != kShared) {
          const NameCand& o = (*win)[it->second.first];
          if (t.substr(o.b, o.e - o.b) != name) it->second.first = kShared;
        }
      }
    }
    for (const auto& [form, owner] : forms) {
      if (owner.first == kShared) continue;
      // Another name the article gives ends with it (总局 of 国家税务总局
      // beside 国家市场监督管理总局): the form is theirs as much.
      const NameCand& o = (*win)[owner.first];
      std::string_view owner_name = t.substr(o.b, o.e - o.b);
      bool shared = false;
      for (size_t k = 0; k < n && !shared; ++k) {
        std::string_view other = t.substr((*win)[k].b, (*win)[k].e - (*win)[k].b);
        shared = other != owner_name && other.size() > form.size() &&
                 other.substr(other.size() - form.size()) == form &&
                 (*win)[k].rule.rfind("org.brand_core", 0) != 0;
      }
      if (shared) continue;
      for (size_t p = t.find(form); p != std::string_view::npos; p = t.find(form, p + form.size())) {
        size_t q = p + form.size();
        bool clash = PartOfAnotherName(t, p, q, *win);
        // A place in brackets after it makes another company's name: 時信出版
        // (香港)有限公司 is not 新加坡時信出版集團.
        if (q < t.size() && t[q] == '(') {
          size_t place = lists_.heads->MatchAt(t, q + 1);
          if (place > 0 && q + 1 + place < t.size() && t[q + 1 + place] == ')') clash = true;
        }
        if (clash || !StartsOnWord(*lists_.lexicon, t, p, q) ||
            WordAlignedEnd(*lists_.lexicon, *unit_heads_, t, p, q) != q)
          continue;
        NameCand c;
        c.b = p;
        c.e = q;
        c.prio = (*win)[owner.first].prio;
        c.rule = std::string("org.derived:") + ShortFormPatternName(owner.second);
        c.from_gazetteer = true;  // every occurrence found here: AddRepeats adds none
        win->push_back(std::move(c));
        pairs->emplace_back(owner.first, win->size() - 1);
      }
    }
  }

  // Rule attr `cut: described`: the name starts after the last word before
  // its head that describes rather than names (by the lexicon's tags: verbs,
  // adjectives, distinguishing words, numerals, function words): 包括醫院,
  // 設在總醫院, 大中型醫院 are no names; 屯門醫院 is. False when what is
  // left is shorter than the rule's min_chars or a not_organizations word.
  // With `verbs` false (attr `cut: appositive`), only numerals, measure
  // words, function words and adjectives or distinguishing words that count
  // (兩強, 三大, 雙雄) end a description before the name (通路兩強燦坤（2430）
  // -> 燦坤); 統一企業(1216.TW) keeps its verb, 美滿電子 its adjective.
  bool CutDescribed(const Rule& r, std::string_view t, NameCand* c, bool verbs = true) const {
    if (!lists_.lexicon) return true;
    std::vector<LexWord> words = lists_.lexicon->Segment(t, c->b, c->e);
    if (words.size() < 2) return true;
    size_t b = c->b;
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      std::string_view tag = words[i].tag;
      char k = tag.empty() ? 'x' : tag[0];
      bool describes = verbs ? (k == 'v' || k == 'a' || k == 'b' || k == 'f')
                             : ((k == 'a' || k == 'b') && StartsWithNumeral(t.substr(words[i].b)));
      if (IsFunctionTag(tag) || describes || k == 'm' || k == 'q') b = words[i].e;
    }
    size_t min_chars = static_cast<size_t>(std::atoi(Attr(r, "min_chars", "2").c_str()));
    std::string_view name = t.substr(b, c->e - b);
    if (Utf8Length(name) < min_chars || lists_.not_names->Contains(name)) return false;
    c->b = b;
    return true;
  }

  // True if the Latin name t[b, e) runs on, after one space, into a
  // Title-case word that is no generic name word (latin_generic.txt: Inc,
  // Group, Materials): the maker's name in a product's (Microsoft Edge,
  // Apple Music, Google Play Music).
  bool LatinProduct(const Document& doc, const NormText& norm, std::string_view t, size_t b, size_t e) const {
    auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    for (size_t i = b; i < e; ++i)
      if (static_cast<unsigned char>(t[i]) >= 0x80) return false;
    if (e + 2 >= t.size() || t[e] != ' ' || !lower(t[e + 1]) || !lower(t[e + 2])) return false;
    size_t w = e + 1;
    while (w < t.size() && (lower(t[w]) || (t[w] >= '0' && t[w] <= '9'))) ++w;
    std::string_view next = BodySpan(doc, norm, e + 1, w);
    if (next.size() < 2 || next[0] < 'A' || next[0] > 'Z' || next[1] < 'a' || next[1] > 'z') return false;
    return lists_.latin_generic->MatchAt(t, e + 1) != w - e - 1;
  }

  // Rule attr `cut: core`: a body named by what it does (選舉委員會,
  // 議事規則委員會, 財務委員會) starts at its core: the nouns right before
  // its head (group `head`), and a verb only as the word right before the
  // head (選舉) or right before a noun of the core (議事 規則); anything
  // else ends it (賦予 of 賦予選舉委員會, 該, 一個, 特別). False when no core
  // word is left or the name is shorter than the rule's min_chars.
  bool CutToCore(const Rule& r, std::string_view t, NameCand* c) const {
    if (!lists_.lexicon) return false;
    size_t hb = c->e;
    for (const std::string& h : {std::string("委员会"), std::string("理事会")})
      if (c->e - c->b > h.size() && t.compare(c->e - h.size(), h.size(), h) == 0) hb = c->e - h.size();
    if (hb == c->e) return false;
    std::vector<LexWord> words = lists_.lexicon->Segment(t, c->b, hb);
    size_t b = hb;
    bool next_noun = false;  // the word after the current one is a noun
    for (size_t i = words.size(); i-- > 0;) {
      const LexWord& w = words[i];
      std::string_view tag = w.tag;
      bool noun = w.known && !tag.empty() && tag[0] == 'n' && tag != "nr" && tag != "ns";
      bool verb = w.known && (tag == "v" || tag == "vn");
      bool last = w.e == hb;
      if (!(noun || (verb && (last || next_noun)))) break;
      if (Utf8Length(t.substr(w.b, w.e - w.b)) < 2) break;
      b = w.b;
      next_noun = noun;
    }
    if (b == hb) return false;
    size_t min_chars = static_cast<size_t>(std::atoi(Attr(r, "min_chars", "2").c_str()));
    std::string_view name = t.substr(b, c->e - b);
    if (Utf8Length(name) < min_chars || lists_.not_names->Contains(name)) return false;
    c->b = b;
    return true;
  }

  // Rule attr `brand: proper`: the name c starts after the last word before
  // group `suffix` that describes (of two characters or more: a verb,
  // adjective, pronoun, numeral, adverb...: 批准劳拉公司 -> 劳拉公司; 上市公司,
  // 這家公司 are none), and what is left is a brand: two characters or
  // more, no place first (美國公司), not a common noun first (金融集團,
  // 航空公司). Single characters (漢+能 of 漢能集團) and names the lexicon
  // does not know are a brand.
  bool ProperBrand(const RuleMatch& m, std::string_view t, NameCand* c) const {
    if (!lists_.lexicon || !m.Has("suffix")) return true;
    size_t sb = static_cast<size_t>(m.Group("suffix").data() - t.data());
    if (sb <= c->b || sb > c->e) return false;
    std::vector<LexWord> words = lists_.lexicon->Segment(t, c->b, sb);
    size_t first = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      const LexWord& w = words[i];
      if (Utf8Length(t.substr(w.b, w.e - w.b)) < 2 || !w.known) continue;
      std::string_view tag = w.tag;
      char k = tag.empty() ? 'x' : tag[0];
      if (IsFunctionTag(tag) || k == 'v' || k == 'a' || k == 'b' || k == 'm' || k == 'q' || k == 'f' ||
          k == 's' || k == 'l' || k == 'i')
        first = i + 1;
    }
    // A single character that describes right at the start (一名电脑公司, the
  // prefix 非 of 非期货公司; a verb
  // only before two characters or more: 劳 of 劳拉公司 stays).
    // A name the lexicon knows whole as a proper name (易遊網, nz) is cut no
    // further, whatever its single characters mean alone (易, 遊).
    auto proper_from = [&](size_t i) {
      std::string_view tag = lists_.lexicon->TagOf(t.substr(words[i].b, c->e - words[i].b));
      return tag == "nz" || tag == "nt";
    };
    while (first < words.size() && words[first].known && !proper_from(first) &&
           Utf8Length(t.substr(words[first].b, words[first].e - words[first].b)) == 1) {
      std::string_view tag = words[first].tag;
      char k = tag.empty() ? 'x' : tag[0];
      bool verb_before_two = k == 'v' && Utf8Length(t.substr(words[first].e, sb - words[first].e)) >= 2;
      // A verb as common as 是, 有, 要 is never a brand's first character (是大公司).
      bool common_verb = k == 'v' && words[first].logp >= lists_.lexicon->LogpOfFrequency(kCommonVerb);
      if (!(IsFunctionTag(tag) || verb_before_two || common_verb || k == 'a' || k == 'm' || k == 'q' || k == 'h')) break;
      ++first;
    }
    if (first >= words.size()) return false;
    size_t b = words[first].b;
    size_t min_chars = static_cast<size_t>(std::atoi(Attr(*m.rule, "min_chars", "4").c_str()));
    if (Utf8Length(t.substr(b, sb - b)) < 2 || Utf8Length(t.substr(b, c->e - b)) < min_chars) return false;
    const LexWord& w0 = words[first];
    // A place first is the place-headed rules' to bound (美國公司, 瑞典國營礦業公司).
    // A place word of the lexicon that no gazetteer lists, alone before the
    // head and no common word (外國, 城市: jieba tags them ns too), is a
    // brand named after it (中原集團, 遠東集團, 玉山金控).
    if (lists_.heads->MatchAt(t, b) > 0) return false;
    if (w0.tag == "ns" && Utf8Length(t.substr(w0.b, w0.e - w0.b)) >= 2 &&
        (w0.e != sb || w0.logp >= lists_.lexicon->LogpOfFrequency(kCommonPlace)))
      return false;
    // A common noun first is a description (金融集團, 航空公司); a noun the
    // lexicon has seen only a few times, of two characters and alone before
    // the head, is a short name (國鐵 of 國鐵集團; not 矽谷 of 矽谷新創公司,
    // nor 金融证券 of 金融证券公司, a compound of two common nouns).
    bool rare_alone = w0.logp < lists_.lexicon->LogpOfFrequency(kCommonNoun) && w0.e == sb &&
                      Utf8Length(t.substr(w0.b, w0.e - w0.b)) == 2;  // not 金融证券 (two nouns)
    if (w0.known && Utf8Length(t.substr(w0.b, w0.e - w0.b)) >= 2 &&
        (w0.tag == "n" || w0.tag == "vn" || w0.tag == "ng") && !rare_alone)
      return false;
    // A name the lexicon knows whole as a common noun is none (因特網, 互聯網),
    // nor one it knows as the short form of a common term (中小企業, 工礦企業,
    // 外貿企業: j).
    std::string_view whole = lists_.lexicon->TagOf(t.substr(b, c->e - b));
    if (whole == "n" || whole == "vn" || whole == "i" || whole == "l" || whole == "j") return false;
    if (lists_.not_names->Contains(t.substr(b, c->e - b))) return false;
    c->b = b;
    return true;
  }

  // True if a word of facility_heads.txt follows t[.., e) directly or after
  // at most two Han characters: the name is part of a facility's name.
  bool FacilityAfter(std::string_view t, size_t e) const {
    if (IndexAfter(t, e)) return true;
    size_t i = e;
    for (int k = 0; k <= 2 && i < t.size(); ++k) {
      if (facility_heads_->MatchAt(t, i) > 0) return true;
      size_t len = Utf8CharLen(t, i);
      if (!HasHan(t.substr(i, len))) return false;
      i += len;
    }
    return false;
  }

  // True if an index named after its maker follows the name t[.., e):
  // directly a word of gazetteer/index_words.txt (恒生指數), or two or three
  // digits and then such a word, a space, punctuation or the end (標普500指數,
  // 標普500, S&P 500, 日經225); not a count (遼寧隊17號) nor a stock code of
  // four digits or more (台積電2330), nor a date (Google 10 日發布).
  bool IndexAfter(std::string_view t, size_t e) const {
    if (index_words_->MatchAt(t, e) > 0) return true;
    size_t d = e < t.size() && t[e] == ' ' ? e + 1 : e;  // S&P 500
    size_t i = d;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    if (i - d < 2 || i - d > 3) return false;
    if (i == t.size() || index_words_->MatchAt(t, i) > 0) return true;
    while (i < t.size() && t[i] == ' ') ++i;  // Google 10 日: a date, not an index
    if (i == t.size()) return true;
    size_t n = Utf8CharLen(t, i);
    return !HasHan(t.substr(i, n)) && !(t[i] >= '0' && t[i] <= '9') && t[i] != '.' && t[i] != ',' &&
           t[i] != '%';
  }

  // A repeat extends over the unit that follows it, as a first mention does
  // (ExtendUnit): 統一 (1216-TW) found, then 統一集團, 統一國際開發公司 are
  // whole names, not 統一 and a rest.
  void ExtendRepeats(std::string_view t, std::vector<NameCand>* win) const {
    if (!lists_.lexicon) return;
    for (NameCand& c : *win) {
      if (c.rule != "org.repeat") continue;
      size_t e = ExtendUnit(*lists_.lexicon, *unit_heads_, t, c.e);
      size_t head = unit_heads_->MatchAt(t, c.e);  // a head word right after: 集團, 企業
      if (head >= 6) e = std::max(e, c.e + head);
      if (e == c.e) continue;
      bool clash = false;
      for (const NameCand& w : *win) clash = clash || (&w != &c && w.b < e && c.e < w.e);
      if (clash) continue;
      c.e = e;
      c.rule += "+branch";
      c.from_gazetteer = false;
    }
  }

  // For each `list_member` match (group `list`: items joined by 、 before
  // 等企业/等公司/等车企), if one item is exactly a gazetteer company or
  // bank, every other item that is no mention yet, 2 to `max_chars` Han
  // characters (after stop words are trimmed off the first), not a head
  // (place) nor a not_organizations word, not starting with a `not_start`
  // word (部分, 其他, 上下游), is an organization too.
  void AddListMembers(const std::vector<RuleMatch>& lists, std::string_view t,
                      std::vector<NameCand>* win) const {
    static constexpr std::string_view kSep = "、";
    for (const RuleMatch& m : lists) {
      if (!m.Has("list")) continue;
      std::string_view g = m.Group("list");
      size_t lb = static_cast<size_t>(g.data() - t.data()), le = lb + g.size();
      size_t max_chars = static_cast<size_t>(std::atoi(Attr(*m.rule, "max_chars", "8").c_str()));
      std::vector<std::pair<size_t, size_t>> items;
      for (size_t i = lb; i <= le;) {
        size_t j = t.substr(0, le).find(kSep, i);
        if (j == std::string_view::npos || j > le) j = le;
        size_t b = items.empty() ? TrimAfterStops(t, i, j, *lists_.stops) : i;
        items.emplace_back(b, j);
        i = j + kSep.size();
      }
      bool known = false;
      for (auto [b, e] : items) {
        for (const NameCand& w : *win) {
          if (w.b != b || w.e != e || !w.from_gazetteer) continue;
          if (const auto* ids = gaz_->Lookup(norm_->FoldKey(t.substr(b, e - b)))) {
            for (uint32_t id : *ids) {
              const std::string& k = gaz_->entry(id).kind;
              known = known || k == "company" || k == "bank" || k == "listed";
            }
          }
        }
      }
      if (!known) continue;
      for (auto [b, e] : items) {
        std::string_view name = t.substr(b, e - b);
        size_t n = Utf8Length(name);
        if (n < 2 || n > max_chars) continue;
        bool han = true;
        for (size_t i = b; i < e; i += Utf8CharLen(t, i)) han = han && HasHan(t.substr(i, Utf8CharLen(t, i)));
        if (!han) continue;
        if (lists_.not_names->Contains(name) || lists_.heads->Contains(name)) continue;
        // not_start: words that make the item a description (部分股份制银行, 上下游).
        if (StartsWithAnyWord(name, Attr(*m.rule, "not_start", ""))) continue;
        bool clash = false;
        for (const NameCand& w : *win) clash = clash || (w.b < e && b < w.e);
        if (clash) continue;
        NameCand c;
        c.b = b;
        c.e = e;
        c.prio = m.rule->priority;
        c.rule = m.rule->id;
        win->push_back(std::move(c));
      }
    }
  }

  // True if an opening quotation or book-title mark stands right before
  // t[p, q) and its closing mark does not follow right after it.
  static bool OpensLongerTitle(std::string_view t, size_t p, size_t q) {
    static constexpr std::string_view kOpen[] = {"「", "『", "《", "“"};
    static constexpr std::string_view kClose[] = {"」", "』", "》", "”"};
    for (size_t k = 0; k < 4; ++k)
      if (p >= kOpen[k].size() && t.substr(p - kOpen[k].size(), kOpen[k].size()) == kOpen[k])
        return t.substr(q, kClose[k].size()) != kClose[k];
    return false;
  }

  // True if `unit` ends with 政府 (folded).
  static bool EndsWithGovernment(std::string_view unit) {
    constexpr std::string_view kGovernment = "政府";
    return unit.size() >= kGovernment.size() && unit.substr(unit.size() - kGovernment.size()) == kGovernment;
  }

  // End of the farthest sub-unit suffix within ten Han characters after
  // `e`, not crossing punctuation or a particle; `e` if none.
  size_t ExtendBranch(std::string_view t, size_t e) const {
    size_t best = e;
    size_t i = e;
    for (int k = 0; k < 10 && i < t.size(); ++k) {
      size_t n = branches_->MatchAt(t, i);
      if (n > 0) best = i + n;
      size_t len = Utf8CharLen(t, i);
      if (!HasHan(t.substr(i, len)) || lists_.stops->MatchAt(t, i) == len) break;
      i += len;
    }
    return best;
  }

  static bool SentenceHas(const NormText& norm, size_t pos, const WordList& words) {
    size_t b = 0, e = norm.text.size();
    for (const NormSentence& s : norm.sentences) {
      if (s.begin <= pos && pos < s.end) {
        b = s.begin;
        e = s.end;
        break;
      }
    }
    std::string_view t(norm.text);
    for (size_t i = b; i < e; i += Utf8CharLen(t, i))
      if (words.MatchAt(t, i) > 0) return true;
    return false;
  }

  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  std::shared_ptr<const Gazetteer> gaz_;
  NameLists lists_;
 public:
  std::shared_ptr<const WordList> branches_, sports_cues_, unit_heads_, listed_not_before_,
      facility_heads_, listed_cues_, index_words_, brand_suffixes_, standalone_heads_, short_form_stops_,
      short_form_legal_, member_heads_;
  std::vector<std::string> notes_;
  std::shared_ptr<const Gazetteer> short_;  // gazetteer/short_forms.tsv (optional)
};

// The organization names of the lexicon: words tagged `nt` of three
// characters or more that end with an organization head (org_heads.txt) and
// are no generic noun (not_organizations.txt); kind "lexicon".
// A place followed by a company head alone (美国公司, 中国企业) is a
// description, not a name.
std::vector<GazEntry> LexiconNames(const Lexicon& lex, const WordList& heads, const NameLists& lists) {
  static constexpr std::string_view kCompany[] = {"公司", "集团", "企业", "厂"};
  std::vector<GazEntry> out;
  for (std::string& w : lex.WordsTagged("nt")) {
    if (Utf8Length(w) < 3 || !heads.EndsWithEntry(w) || lists.not_names->Contains(w)) continue;
    size_t place = lists.heads->MatchAt(w, 0);
    bool described = false;
    for (std::string_view c : kCompany) described = described || w.substr(place) == c;
    if (place > 0 && described) continue;
    GazEntry g;
    g.canonical = std::move(w);
    g.kind = "lexicon";
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Extractor>> MakeOrganizationExtractor(
    const std::string& rules_dir, std::shared_ptr<const Normalizer> normalizer) {
  return MakeOrganizationExtractor(
      rules_dir, normalizer, Lexicon::Load(Lexicon::DefaultPath(), Lexicon::DefaultCompiledPath(), *normalizer));
}

Result<std::unique_ptr<Extractor>> MakeOrganizationExtractor(
    const std::string& rules_dir, std::shared_ptr<const Normalizer> normalizer,
    const Result<std::shared_ptr<const Lexicon>>& lex) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/organizations.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  Result<NameLists> lists = NameLists::Load(rules_dir + "/gazetteer", *normalizer, "organizations");
  if (!lists.ok()) return lists.status();
  auto unit_heads = WordList::LoadFile(rules_dir + "/gazetteer/org_heads.txt", *normalizer);
  if (!unit_heads.ok()) return unit_heads.status();
  std::vector<std::string> notes;
  std::vector<GazEntry> lexicon_names;
  if (lex.ok()) {
    lists.value().lexicon = lex.value();
    lexicon_names = LexiconNames(*lex.value(), *unit_heads.value(), lists.value());
  } else {
    notes.push_back(lex.status().message() + "; organizations are found without word boundaries "
                    "and without the lexicon's organization names");
  }
  // The gazetteer: organizations.tsv, then the official lists of
  // gazetteer/organizations/*.tsv (file-name order), then the lexicon's names.
  std::vector<std::string> files = {rules_dir + "/gazetteer/organizations.tsv"};
  {
    std::vector<std::string> more;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(rules_dir + "/gazetteer/organizations", ec))
      if (f.path().extension() == ".tsv") more.push_back(f.path().string());
    std::sort(more.begin(), more.end());
    files.insert(files.end(), more.begin(), more.end());
  }
  Result<std::shared_ptr<const Gazetteer>> gaz = Gazetteer::LoadFiles(files, *normalizer, lexicon_names);
  if (!gaz.ok()) return gaz.status();
  auto branches = WordList::LoadFile(rules_dir + "/gazetteer/branch_suffixes.txt", *normalizer);
  if (!branches.ok()) return branches.status();
  auto cues = WordList::LoadFile(rules_dir + "/gazetteer/sports_cues.txt", *normalizer);
  if (!cues.ok()) return cues.status();
  auto listed_nb = WordList::LoadFile(rules_dir + "/gazetteer/listed_not_before.txt", *normalizer);
  if (!listed_nb.ok()) return listed_nb.status();
  auto facility = WordList::LoadFile(rules_dir + "/gazetteer/facility_heads.txt", *normalizer);
  if (!facility.ok()) return facility.status();
  auto listed_cues = WordList::LoadFile(rules_dir + "/gazetteer/listed_cues.txt", *normalizer);
  if (!listed_cues.ok()) return listed_cues.status();
  auto index_words = WordList::LoadFile(rules_dir + "/gazetteer/index_words.txt", *normalizer);
  if (!index_words.ok()) return index_words.status();
  auto brand_suffixes = WordList::LoadFile(rules_dir + "/gazetteer/brand_suffixes.txt", *normalizer);
  if (!brand_suffixes.ok()) return brand_suffixes.status();
  auto standalone = WordList::LoadFile(rules_dir + "/gazetteer/standalone_heads.txt", *normalizer);
  if (!standalone.ok()) return standalone.status();
  auto sf_stops = WordList::LoadFile(rules_dir + "/gazetteer/short_form_stops.txt", *normalizer);
  if (!sf_stops.ok()) return sf_stops.status();
  auto sf_legal = WordList::LoadFile(rules_dir + "/gazetteer/short_form_legal.txt", *normalizer);
  if (!sf_legal.ok()) return sf_legal.status();
  auto member_heads = WordList::LoadFile(rules_dir + "/gazetteer/member_heads.txt", *normalizer);
  if (!member_heads.ok()) return member_heads.status();
  std::shared_ptr<const Gazetteer> short_forms;
  if (std::ifstream(rules_dir + "/gazetteer/short_forms.tsv")) {
    auto sf = Gazetteer::LoadFile(rules_dir + "/gazetteer/short_forms.tsv", *normalizer);
    if (!sf.ok()) return sf.status();
    short_forms = std::move(sf).value();
  }
  auto ex = std::make_unique<OrganizationExtractor>(
      std::move(normalizer), std::make_unique<RuleSet>(std::move(rs).value()),
      std::move(gaz).value(), std::move(lists).value());
  ex->branches_ = std::move(branches).value();
  ex->sports_cues_ = std::move(cues).value();
  ex->unit_heads_ = std::move(unit_heads).value();
  ex->listed_not_before_ = std::move(listed_nb).value();
  ex->facility_heads_ = std::move(facility).value();
  ex->listed_cues_ = std::move(listed_cues).value();
  ex->index_words_ = std::move(index_words).value();
  ex->brand_suffixes_ = std::move(brand_suffixes).value();
  ex->standalone_heads_ = std::move(standalone).value();
  ex->short_form_stops_ = std::move(sf_stops).value();
  ex->short_form_legal_ = std::move(sf_legal).value();
  ex->member_heads_ = std::move(member_heads).value();
  ex->short_ = std::move(short_forms);
  ex->notes_ = std::move(notes);
  return std::unique_ptr<Extractor>(std::move(ex));
}

}  // namespace newskb
