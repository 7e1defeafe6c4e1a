// newskb/extractors/figures/figures.cc
#include "extractors/figures/figures.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>

#include "extractors/engine/rule_set.h"
#include "extractors/mask/masker.h"
#include "extractors/figures/numeral.h"
#include "extractors/figures/rule_context.h"
#include "extractors/figures/word_table.h"

namespace newskb {

bool IsTraditionalScript(const Document& doc, const NormText& norm) {
  const std::string& t = norm.text;
  const std::string& body = doc.body;
  size_t count = norm.body_byte.empty() ? 0 : norm.body_byte.size() - 1;
  size_t nb = 0;
  int han = 0, changed = 0;
  for (size_t c = 0; c < count; ++c) {
    size_t ne = nb;
    while (ne < t.size() && norm.cp_of_byte[ne] == c) ++ne;
    size_t bb = norm.body_byte[c], be = norm.body_byte[c + 1];
    if (be - bb == 3) {
      unsigned char lead = static_cast<unsigned char>(body[bb]);
      if (lead >= 0xE4 && lead <= 0xE9) {
        ++han;
        if (std::string_view(t).substr(nb, ne - nb) != std::string_view(body).substr(bb, be - bb)) ++changed;
      }
    }
    nb = ne;
  }
  return changed >= 2 && changed * 25 > han;
}

bool IsHongKongDocument(const Document& doc, const NormText& norm, bool traditional) {
  // The source names a Hong Kong outlet: a word starting with "hk"
  // (hkcnews, hk01, hket) or a host under .hk.
  for (const std::string* where : {&doc.source, &doc.key}) {
    std::string low;
    for (char ch : *where) low += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    for (size_t at = low.find("hk"); at != std::string::npos; at = low.find("hk", at + 1)) {
      bool word_start = at == 0 || !std::isalnum(static_cast<unsigned char>(low[at - 1]));
      bool host_end = at > 0 && low[at - 1] == '.' && (at + 2 == low.size() || !std::isalnum(static_cast<unsigned char>(low[at + 2])));
      if (word_start || host_end) return true;
    }
  }
  // Traditional-script text that names Hong Kong or its dollar (normalised:
  // Simplified characters, lower case).
  if (!traditional) return false;
  for (std::string_view w : {"香港", "港元", "港币", "港府", "港人", "hk$", "特区政府"})
    if (norm.text.find(w) != std::string::npos) return true;
  return false;
}

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Arabic digits only (after an optional minus sign), no scale characters.
bool AllArabic(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  if (s.empty()) return false;
  for (char c : s)
    if (!IsAsciiDigit(c) && c != ',' && c != '.') return false;
  return true;
}

// An Arabic 100..130 is a year of the ROC (民國) calendar in Traditional-
// script text (115年 = 2026) unless a qualifier makes it a length (超過100年).
bool RocYear(std::string_view num) {
  if (num.size() != 3 || !AllArabic(num)) return false;
  int v = std::atoi(std::string(num).c_str());
  return v >= 100 && v <= 130;
}

bool HasArabic(std::string_view s) {
  for (char c : s)
    if (IsAsciiDigit(c)) return true;
  return false;
}

// Scale of the big unit a number ends with (万, 亿, 兆), or 1; a vague
// marker after it (2亿多, 1.7万余) is read past.
double TrailingScale(std::string_view s) {
  double m = 1;
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  for (std::string_view w : {"多", "余", "几"})
    if (s.size() > w.size() && s.substr(s.size() - w.size()) == w) s.remove_suffix(w.size());
  while (true) {
    if (s.size() >= 3 && s.substr(s.size() - 3) == "兆") { m *= 1e12; s.remove_suffix(3); continue; }
    if (s.size() >= 3 && s.substr(s.size() - 3) == "万") { m *= 1e4; s.remove_suffix(3); continue; }
    if (s.size() >= 3 && s.substr(s.size() - 3) == "亿") { m *= 1e8; s.remove_suffix(3); continue; }
    break;
  }
  return m;
}

// The factor a range's low end takes from its high end when only the high
// end writes the scale (3.2～3.3兆元, 三至五千万, 二十至三十万): of the runs
// of 十百千万亿兆 ending `high`, shortest first, the first that puts the low
// end at or below the high end and within a twentieth of it (二十至三十万:
// 万; 三至五千万: 万 would make 3万 to 5000万, so 千万; 一至十亿: 亿), else
// the shortest that keeps it at or below (1至50万: 1万); 1 when `low` ends
// with a scale of its own (3亿至5亿) or no run fits. A bare 十 is not
// shared (二到三十日内: 2 to 30 days; tens write their own 十, 二十至三十).
double HighEndScale(std::string_view low, std::string_view high, double lv, double hv) {
  if (TrailingScale(low) != 1) return 1;
  while (!high.empty() && high.back() == ' ') high.remove_suffix(1);
  for (std::string_view w : {"多", "余", "几"})
    if (high.size() > w.size() && high.substr(high.size() - w.size()) == w) high.remove_suffix(w.size());
  static const std::pair<std::string_view, double> kUnits[] = {
      {"十", 10}, {"百", 100}, {"千", 1000}, {"万", 1e4}, {"亿", 1e8}, {"兆", 1e12}};
  // The run of units at the end, each character's factor, last first.
  std::vector<double> run;
  for (std::string_view h = high; h.size() >= 3;) {
    std::string_view ch = h.substr(h.size() - 3);
    double f = 0;
    for (const auto& [w, v] : kUnits)
      if (ch == w) f = v;
    if (!f) break;
    run.push_back(f);
    h.remove_suffix(3);
    while (!h.empty() && h.back() == ' ') h.remove_suffix(1);
  }
  for (bool near : {true, false}) {
    double k = 1;
    for (double f : run) {
      k *= f;
      if (k == 10) continue;  // 十 alone is never shared: 一到三十日 is 1-30 (二三十 is the vague 20-30)
      if (lv * k <= hv && (!near || lv * k * 20 >= hv)) return k;
    }
  }
  return 1;
}

// True if `prefix` (千) right after `x` belongs to the numeral x: x ends with
// one Chinese digit that stands alone or after a 万/亿 section (二千,
// 四百万二千). After 十, 百 or 零 (七十五千, 四百零九千) or an Arabic digit, 千 is no numeral
// unit and belongs to the unit word that follows.
bool ThousandIsNumerals(std::string_view x, std::string_view prefix) {
  if (prefix != "千" || x.size() < 3) return false;
  std::optional<Numeral> last = ParseNumeralEx(x.substr(x.size() - 3));
  if (!last || !last->has_digit || (x[x.size() - 3] >= '0' && x[x.size() - 3] <= '9')) return false;
  std::string_view before = x.substr(0, x.size() - 3);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  if (before.empty()) return true;
  if (before.size() < 3) return false;
  std::string_view b = before.substr(before.size() - 3);
  return b == "万" || b == "亿" || b == "兆";
}

// True if the number starts with a bare scale, no digit before it (百, 千,
// 万, 亿: 近万人, 逾千家, 近百亿元), or is the financial ten 拾 alone (a verb:
// 拾起 'pick up'). Alone such a word is an idiom or
// a vague amount (百年老店, 万人空巷, 千家万户); after a qualifier it is the number.
bool BareScaleStart(std::string_view num) {
  if (num.substr(0, 3) == "负") num.remove_prefix(3);
  while (!num.empty() && num.front() == ' ') num.remove_prefix(1);
  if (num == "拾") return true;  // 拾万零五十六 is a financial numeral; 拾 alone is a verb
  for (std::string_view w : {"百", "佰", "千", "仟", "万", "亿", "兆"})
    if (num.substr(0, w.size()) == w) return true;
  return false;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

struct Cand {
  RuleMatch m;
  Mention fig;     // value/low/high/unit/qualifier filled
  size_t b = 0, e = 0;  // mention span in norm.text bytes
  bool local_currency = false;  // money from a bare 元/块 (may take a named currency before it)
  bool idiom = false;  // a rule with attr idiom=1 won: the words are no figure (医到一半: halfway)
};

// "三四十万" -> {"三十万", "四十万"}: two adjacent Chinese digits one apart
// (三四, 五六, 七八) read as a range of the numeral around them. nullopt if
// `num` holds no such pair.
std::optional<std::pair<std::string, std::string>> VagueRange(std::string_view num) {
  static const char* const kDigits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
  for (int d = 0; d + 1 < 9; ++d) {
    // 两 is 二 (一两天, 两三年).
    for (const char* two : {"二", "两"}) {
      std::string a = d == 1 ? two : kDigits[d], b = d == 0 ? two : kDigits[d + 1];
      size_t at = num.find(a + b);
      if (at == std::string_view::npos) continue;
      std::string lo(num), hi(num);
      lo.erase(at + 3, 3);
      hi.erase(at, 3);
      return std::make_pair(lo, hi);
    }
  }
  return std::nullopt;
}

// Text between two figures that continues a list (新台币5万元、8万元).
bool ListJoint(std::string_view between) {
  for (std::string_view w : {"、", "和", "及", "与", "或", "至", "到", ",", "-", "~"})
    if (between == w) return true;
  return between.empty();
}

// True if `s` holds a bracket, opening or closing: 200億（約新台幣880億）.
bool HasBracket(std::string_view s) {
  for (std::string_view b : {"(", ")", "（", "）", "[", "]", "【", "】"})
    if (s.find(b) != std::string_view::npos) return true;
  return false;
}

class FigureExtractor : public Extractor {
 public:
  FigureExtractor(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules, WordTables words,
                Masker masker)
      : norm_(std::move(norm)), rules_(std::move(rules)), words_(std::move(words)), masker_(std::move(masker)) {
    veto_after_ = words_.Words("veto_after");
    veto_after_except_ = words_.Words("veto_after_except");
    qual_word_before_ = words_.Words("qual_word_before");
    for (const Rule& r : rules_->rules()) {
      contexts_.emplace(r.id, RuleContext(r));
      not_after_[r.id] = SplitBar(RuleAttr(r, "not_after"));
      not_before_[r.id] = SplitBar(RuleAttr(r, "not_before"));
      not_before_except_[r.id] = SplitBar(RuleAttr(r, "not_before_except"));
      if (RuleAttr(r, "no_month_before") == "1") no_month_before_.insert(r.id);
      // word_vetoes=X: each measure word's own not_before,
      // not_before_except and not_after, from the word tables X_not_before,
      // X_not_before_except and X_not_after (30票房 is box office, 3股东
      // shareholders, 《基本法》23条 an article).
      if (std::string x = RuleAttr(r, "word_vetoes"); !x.empty()) {
        auto& per_word = word_vetoes_[r.id];
        for (const std::string& w : words_.Words(x + "_not_before"))
          per_word[w].not_before = SplitBar(*words_.Find(x + "_not_before", w));
        for (const std::string& w : words_.Words(x + "_not_before_except"))
          per_word[w].except = SplitBar(*words_.Find(x + "_not_before_except", w));
        for (const std::string& w : words_.Words(x + "_not_after"))
          per_word[w].not_after = SplitBar(*words_.Find(x + "_not_after", w));
      }
    }
  }

  const char* name() const override { return "figures"; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    std::optional<bool> trad;
    auto local = [&]() {
      if (!trad) trad = IsTraditionalScript(doc, norm);
      return *trad ? std::string("CUR?") : std::string("CNY");
    };
    // A bare $ is the dollar of the document's place: HKD in a Hong Kong
    // document (IsHongKongDocument), else USD.
    std::optional<bool> hk;
    auto dollar = [&]() {
      if (!hk) hk = IsHongKongDocument(doc, norm, local() == "CUR?");
      return *hk ? std::string("HKD") : std::string("USD");
    };
    // Rules read the text with URLs, markup, codes ... blanked (masker.h):
    // same length, so every offset below is an offset of norm.text.
    std::string masked;
    std::string_view text = masker_.Mask(norm.text, &masked);
    for (const NormSentence& s : norm.sentences) {
      if (s.end <= s.begin) continue;
      std::string_view sent(text.data() + s.begin, s.end - s.begin);
      std::vector<RuleMatch> raw = rules_->FindAll(sent);
      if (raw.empty()) continue;
      std::vector<Cand> cands;
      std::vector<RuleMatch> ok;
      // Words a rule needs around its match (rule_context.h); a rule's cue
      // lies after its previous match that had one (raw comes grouped by rule).
      const Rule* ctx_rule = nullptr;
      size_t ctx_from = 0;
      for (RuleMatch& m : raw) {
        if (m.rule != ctx_rule) ctx_rule = m.rule, ctx_from = 0;
        size_t consumed = m.end;
        if (!contexts_.at(m.rule->id).Holds(m, sent, ctx_from, &consumed)) continue;
        ctx_from = consumed;
        Cand c;
        // idiom=1: a phrase that holds a figure's words but no figure
        // (做到一半 'halfway', 百分之百肯定 'totally'); when it wins the
        // overlap, nothing inside it is a figure.
        c.idiom = RuleAttr(*m.rule, "idiom") == "1";
        if (!c.idiom && !Interpret(m, sent, local, dollar, &c)) continue;
        c.m = m;
        // An item of a list (attr list) competes by its own span, not by the
        // list it reads its unit from: the last item stays its own rule's.
        if (!RuleAttr(*m.rule, "list").empty()) c.m.begin = c.b, c.m.end = c.e;
        ok.push_back(c.m);
        cands.push_back(std::move(c));
      }
      const Cand* prev = nullptr;
      std::string prev_currency;
      std::string named_currency;  // the sentence's last named currency 
      size_t named_end = 0;
      for (const RuleMatch& w : RuleSet::Resolve(ok, nullptr)) {
        for (const Cand& c : cands) {
          if (c.m.rule != w.rule || c.m.begin != w.begin || c.m.end != w.end) continue;
          if (c.idiom) break;
          Mention mm = MakeMention(MentionKind::kFigure, doc, norm, s.begin + c.b, s.begin + c.e, w.rule->id);
          mm.value = c.fig.value;
          mm.low = c.fig.low;
          mm.high = c.fig.high;
          mm.unit = c.fig.unit;
          mm.qualifier = c.fig.qualifier;
          // A currency named once covers the list it starts: 新臺幣5萬元、8萬元.
          if (c.local_currency && prev && !prev_currency.empty() && c.b >= prev->e &&
              ListJoint(sent.substr(prev->e, c.b - prev->e)))
            mm.unit = prev_currency;
          // In Traditional-script text, where a bare 元 names no currency
          // (CUR?), it takes the one the sentence last named: 人民幣 1.75 兆元，
          // 專項債達 2.53 兆元 (both CNY). Not across a bracket (a conversion:
          // 200億（約新台幣880億）, 每股純益（EPS）4.45元: read in the text
          // before masking, which blanks codes), and not in Simplified text,
          // where 元 is CNY.
          if (c.local_currency && mm.unit == "CUR?" && !named_currency.empty() && c.b >= named_end &&
              !HasBracket(std::string_view(norm.text).substr(s.begin + named_end, c.b - named_end)))
            mm.unit = named_currency;
          bool iso = mm.unit.size() == 3 && std::isupper(static_cast<unsigned char>(mm.unit[0]));
          prev_currency = iso ? mm.unit : "";
          if (iso) {
            named_currency = mm.unit;
            named_end = c.e;
          }
          prev = &c;
          out->push_back(std::move(mm));
          break;
        }
      }
    }
  }

 private:
  // True if the text before `end` is 第 N and a joiner (第18及, 第5、, 第20至,
  // 第 1 及): the number after it is an ordinal of the same list (第18及19條,
  // 第17、18頁, 第20至30位), no count. Found by scripts/uncovered_numerals.py
  // --covered figure (3,000 records: 9 such false counts).
  static bool OrdinalListBefore(std::string_view t, size_t end) {
    size_t i = end;
    bool joined = false;
    for (std::string_view j : {"、", "和", "及", "与", "至", "到", "或"}) {
      if (i >= j.size() && t.substr(i - j.size(), j.size()) == j) {
        i -= j.size();
        joined = true;
        break;
      }
    }
    if (!joined) return false;
    while (i > 0 && t[i - 1] == ' ') --i;
    size_t k = NumeralRunStart(t, i);
    if (k == i) return false;
    while (k > 0 && t[k - 1] == ' ') --k;
    return k >= 3 && t.substr(k - 3, 3) == "第";
  }

  // Numbers side by side whose leading digits are neighbours are a vague
  // range, not two items: 4、5 and 17、18, and 20、30, 700、800 (the same
  // places), 1、20, 3、40, 4、500 (一二十, 三四十, 四五百 in digits).
  static bool VagueNeighbours(double a, double b) {
    if (std::fabs(b - a - 1) < 1e-9) return true;
    if (a <= 0 || b <= a || a != std::floor(a) || b != std::floor(b)) return false;
    double p = 1;
    while (std::fmod(a, p * 10) == 0) p *= 10;
    for (double want = (a / p + 1) * p; want <= b; want *= 10)
      if (std::fabs(want - b) < 1e-9) return true;
    return false;
  }

  // A list whose items share what its last item writes once (0.6和1.0个百分点,
  // 239及214万元, 8、22、6小时): group shared_scale is the scale written after
  // the last item (239 is 2,390,000), next the item right after this one.
  // Two neighbours (4、5万元, 17、18次, 20、30人) are a range, the range rules'
  // (attr list: 1, or 3 for a rule whose lists have three items or more).
  bool ListItemOk(const Rule& r, const RuleMatch& m, std::string* num) const {
    std::string list = RuleAttr(r, "list");
    if (list.empty()) return true;
    std::optional<double> a = ParseNumeral(*num), b = ParseNumeral(Trim(m.Group("next")));
    if (!a || !b) return false;
    // Three items or more (list=3, or group more) are no vague range (50、100、200米).
    // Only 、 joins a vague range (20、30人); 和, 及, 与 join two items (20及21歲).
    bool three = list == "3" || !Trim(m.Group("more")).empty();
    bool comma = !m.Has("join") || Trim(m.Group("join")) == "、";
    if (!three && comma && VagueNeighbours(*a, *b)) return false;
    // An item that writes its own scale (120万和150万辆) takes none from the last.
    bool own_scale = num->find("万") != std::string::npos || num->find("亿") != std::string::npos;
    if (m.Has("shared_scale") && !own_scale) *num += Trim(m.Group("shared_scale"));
    return true;
  }

  template <typename Local, typename Dollar>
  bool Interpret(const RuleMatch& m, std::string_view t, Local& local, Dollar& dollar, Cand* c) const {
    const Rule& r = *m.rule;
    // Span.
    c->b = m.begin;
    c->e = m.end;
    if (m.Has("span")) {
      std::string_view sp = m.Group("span");
      c->b = static_cast<size_t>(sp.data() - t.data());
      c->e = c->b + sp.size();
    }
    // Vetoes on the context.
    if (c->b > 0 && IsAsciiDigit(t[c->b - 1])) return false;
    // A number glued to a Latin word is part of a name (DOTA2项目, WAR3, H5N1).
    if (c->b > 0 && IsAsciiDigit(t[c->b]) && std::isalpha(static_cast<unsigned char>(t[c->b - 1]))) return false;
    // The words before it are read past spaces (第 90 條 is an ordinal as 第90條 is).
    size_t before = m.begin;
    while (before > 0 && t[before - 1] == ' ') --before;
    if (EndsWithAny(t, before, veto_after_) && !EndsWithAny(t, before, veto_after_except_)) return false;
    if (InTitleMarks(t, c->b)) return false;  // 《十年》 is a title
    if (OrdinalListBefore(t, before)) return false;  // 第18及19條: the 19th
    if (EndsWithAny(t, before, not_after_.at(r.id))) return false;
    // no_month_before: a length in Traditional text that a month named earlier in the
    // sentence would make its day (5月23至29日 ... 25日之後 is the 25th; 警方於2日後 is two
    // days later).
    // Only Traditional text writes lengths as N日 (Simplified writes N天: 17日之后 is the 17th).
    if (no_month_before_.count(r.id) && (local() != "CUR?" || MonthNamedBefore(t, m.begin))) return false;
    // not_before_except: longer words that start with a not_before word and
    // lift its veto (部门日前: 日前 'recently', not 次日 'the next day').
    if (StartsWithAny(t, m.end, not_before_.at(r.id)) && !StartsWithAny(t, m.end, not_before_except_.at(r.id)))
      return false;
    if (auto rule_words = word_vetoes_.find(r.id); rule_words != word_vetoes_.end()) {
      auto w = rule_words->second.find(Trim(m.Group("unit")));
      if (w != rule_words->second.end() && StartsWithAny(t, m.end, w->second.not_before) &&
          !StartsWithAny(t, m.end, w->second.except))
        return false;
      if (w != rule_words->second.end() && EndsWithAny(t, before, w->second.not_after)) return false;
    }
    if (m.end < t.size() && IsAsciiDigit(t[m.end]) && IsAsciiDigit(t[m.end - 1])) return false;
    // A qualifier word that ends another word (近 of 附近 'nearby', 最近
    // 'recently': word table qual_word_before) is no qualifier: the figure
    // starts after it (附近23幢 is 23, exact).
    bool qual_pre = m.Has("qual_pre");
    if (qual_pre) {
      std::string_view q = m.Group("qual_pre");
      size_t q_end = static_cast<size_t>(q.data() - t.data()) + q.size();
      if (EndsWithAny(t, q_end, qual_word_before_)) {
        qual_pre = false;
        if (c->b < q_end) {
          c->b = q_end;
          while (c->b < c->e && t[c->b] == ' ') ++c->b;
        }
      }
    }

    Mention& f = c->fig;
    bool more = false;
    // not_roc_year: an ROC year in Traditional-script text (115年) is a
    // date, unless a qualifier word comes before it (超過100年).
    bool roc = RuleAttr(r, "not_roc_year") == "1" && Trim(m.Group("unit")) == "年" && !qual_pre &&
               local() == "CUR?";
    std::string num = Trim(m.Group("num"));
    if (!ListItemOk(r, m, &num)) return false;
    // 、 between Chinese digits (十四、五岁, 三、四十人) is a vague range: read
    // as the adjacent digits it stands for (十四五, 三四十) by a rule with
    // vague_range; no other rule reads such a number.
    if (size_t at = num.find("、"); at != std::string::npos) {
      if (RuleAttr(r, "vague_range") != "1") return false;
      for (; at != std::string::npos; at = num.find("、")) num.erase(at, 3);
    }
    // no_lone_financial: one financial digit alone (伍, 陆: also surnames)
    // is no number here: 伍成邦 is a name, not 50 %.
    if (RuleAttr(r, "no_lone_financial") == "1") {
      for (std::string_view w : {"壹", "贰", "叁", "参", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟"})
        if (num == w) return false;
    }
    // num2: a second way to write the number, with its own lower bound
    // (min_value_num2: 120日 is a length only above any day of a month).
    if (num.empty() && m.Has("num2")) {
      num = Trim(m.Group("num2"));
      std::string lo = RuleAttr(r, "min_value_num2");
      if (!lo.empty() && std::strtod(num.c_str(), nullptr) < std::strtod(lo.c_str(), nullptr)) return false;
    }
    // A scale character the number took from a unit word (12亿千瓦: 千 is
    // the unit's kilo-, 500兆瓦: 兆 is mega-) goes back to the unit when the
    // longer word is a unit, unless 千 completes the numeral (二千米 and
    // 438万2千米 are metres; 七十五千米 and 3千米 are kilometres).
    std::string unit_word = Trim(m.Group("unit"));
    if (!unit_word.empty()) {
      for (const char* prefix : {"千", "兆", "百"}) {
        std::string p = prefix;
        if (num.size() > p.size() && num.compare(num.size() - p.size(), p.size(), p) == 0 &&
            words_.Find("unit", p + unit_word) && !ThousandIsNumerals(num.substr(0, num.size() - p.size()), p)) {
          num.resize(num.size() - p.size());
          num = Trim(num);
          unit_word = p + unit_word;
          break;
        }
      }
    }
    // 半 after the unit (三米半, 一年半) or inside it (两个半小时, 两个半月):
    // one half more.
    bool half = m.Has("half");
    if (size_t at = unit_word.find("半"); at != std::string::npos && unit_word.size() > 3) {
      unit_word.erase(at, 3);
      half = true;
    }
    // 多 inside the unit word (两个多月, 一个多小时): more than the number.
    // It also makes 一 a quantity, not a determiner (一个多月).
    bool unit_more = false;
    if (size_t at = unit_word.find("多"); at != std::string::npos && unit_word.size() > 3) {
      unit_word.erase(at, 3);
      unit_more = true;
    }
    // 多/余 after a unit of time (一年多, 一天余) is no determiner's either
    // (一个多元 is 'pluralistic', no count).
    std::string post = Trim(m.Group("qual_post"));
    const std::string* post_unit = words_.Find("unit", unit_word);
    bool post_more = (post == "多" || post == "余") && post_unit &&
                     (*post_unit == "year" || *post_unit == "month" || *post_unit == "week" || *post_unit == "day" ||
                      *post_unit == "hour" || *post_unit == "minute" || *post_unit == "quarter");
    std::string vattr = RuleAttr(r, "value");
    if (!vattr.empty()) {
      f.value = std::strtod(vattr.c_str(), nullptr);
    } else if (auto vague = RuleAttr(r, "vague_range") == "1" ? VagueRange(num) : std::nullopt) {
      // 三四成, 五六十家, 三四十万元: a range; a count so given starts at ten.
      std::optional<Numeral> lo = ParseNumeralEx(vague->first);
      std::optional<Numeral> hi = ParseNumeralEx(vague->second);
      if (!lo || !hi || lo->value >= hi->value) return false;
      // vague_small: a range of small numbers is a figure too (一两天, 三四年:
      // a length of time); elsewhere it only sizes a noun phrase (三四家).
      if (m.Has("unit") && hi->value < 10 && RuleAttr(r, "vague_small") != "1") return false;
      // Two digits from 四五 up before 年 are a year of the 1940s-90s
      // (四五年之前 = 1945, 五六年右派暴動), no length.
      if (hi->value < 10 && lo->value >= 4 && unit_word == "年") return false;
      f.low = lo->value;
      f.high = hi->value;
    } else if (m.Has("low") && m.Has("high")) {
      std::optional<Numeral> lo = ParseNumeralEx(Trim(m.Group("low")));
      std::optional<Numeral> hi = ParseNumeralEx(Trim(m.Group("high")));
      if (!lo || !hi) return false;
      // A range of years (2020至2025年) is not a length of time.
      if (RuleAttr(r, "not_year") == "1") {
        for (const char* g : {"low", "high"}) {
          std::string part = Trim(m.Group(g));
          if (!AllArabic(part)) continue;
          if (part.size() > 1 && part[0] == '0') return false;
          double v = std::strtod(part.c_str(), nullptr);
          if (part.size() == 4 && v >= 1000 && v <= 2999) return false;
          if (roc && RocYear(part)) return false;
        }
      }
      double lv = lo->value, hv = hi->value;
      double k = HighEndScale(Trim(m.Group("low")), Trim(m.Group("high")), lv, hv);
      // adjacent: numbers listed side by side are a range only as neighbours
      // (17、18次, 4、5萬元; 3、7天 is two numbers).
      if (RuleAttr(r, "adjacent") == "1" && std::fabs(hv / k - lv - 1) > 1e-9) return false;
      lv *= k;
      if (lv >= hv) return false;
      more = lo->more || hi->more;
      f.low = lv;
      f.high = hv;
    } else if (!num.empty()) {
      std::optional<Numeral> n = ParseNumeralEx(num);
      if (!n) return false;
      more = n->more;
      f.value = n->value;
      // 唯一一座, 一二: Chinese digits read one by one are not amounts,
      // except where a rule says so (五五折).
      if (n->digit_string && RuleAttr(r, "digit_string") != "1") return false;
      // not_year_unit: the year reading only before these words (2025款 is
      // a model year, 2083家 a count).
      std::vector<std::string> year_units = SplitBar(RuleAttr(r, "not_year_unit"));
      bool year_unit = year_units.empty() ||
                       std::find(year_units.begin(), year_units.end(), unit_word) != year_units.end();
      // year2_after: two Arabic digits from 40 before 年, right after one of
      // these words, are a year of the 1940s-90s (在85年舉行, 於91年病逝),
      // no length (在5年內 stays one).
      if (std::string y2 = RuleAttr(r, "year2_after"); !y2.empty() && unit_word == "年" && num.size() == 2 &&
          AllArabic(num) && n->value >= 40 && EndsWithAny(t, before, SplitBar(y2)))
        return false;
      if (RuleAttr(r, "not_year") == "1" && year_unit && AllArabic(num)) {
        std::string_view digits = num[0] == '-' ? std::string_view(num).substr(1) : std::string_view(num);
        if (digits.size() > 1 && digits[0] == '0') return false;
        if (digits.size() == 4 && std::fabs(n->value) >= 1000 && std::fabs(n->value) <= 2999) return false;
        if (roc && RocYear(num)) return false;
      }
      if (RuleAttr(r, "need_scale") == "1" && TrailingScale(num) == 1) return false;
      if (BareScaleStart(num) && !qual_pre && !m.Has("den")) return false;  // 百分之百 is 100 %
      std::string min_cn = RuleAttr(r, "min_cn");
      // A qualifier before it makes 一 a quantity (不足一个月, 超过一家), not
      // a determiner (一个月后, 一家公司); one with 有 (至少有两人, 约有三家)
      // does not: the small number still sizes its noun (FORMAT.md).
      std::string_view qword = qual_pre ? m.Group("qual_pre") : std::string_view();
      bool qual_lifts = qual_pre && !(qword.size() >= 3 && qword.substr(qword.size() - 3) == "有");
      if (!min_cn.empty() && !HasArabic(num) && !qual_lifts && !half && !unit_more && !post_more &&
          n->value < std::strtod(min_cn.c_str(), nullptr))
        return false;
    } else {
      return false;
    }
    // Value adjustments.
    auto apply = [&](auto fn) {
      if (f.value) f.value = fn(*f.value);
      if (f.low) f.low = fn(*f.low);
      if (f.high) f.high = fn(*f.high);
    };
    if (half) apply([](double v) { return v + 0.5; });
    if (m.Has("den")) {
      std::optional<double> d = ParseNumeral(Trim(m.Group("den")));
      if (!d || *d <= 0) return false;
      apply([&](double v) { return v / *d * 100; });
    }
    // pow2: the number counts doublings (翻两番 = 4 times, 翻三番 = 8).
    if (RuleAttr(r, "pow2") == "1") apply([](double v) { return std::pow(2.0, v); });
    if (std::string mul = RuleAttr(r, "multiply"); !mul.empty()) {
      double k = std::strtod(mul.c_str(), nullptr);
      apply([&](double v) { return v * k; });
    }
    if (m.Has("frac")) {
      // 七成五 = 75, 两成半 = 25 (半 after 成 is half of one 成).
      std::string fs = Trim(m.Group("frac"));
      std::optional<double> fr = fs == "半" ? std::optional<double>(5) : ParseNumeral(fs);
      if (!fr || *fr >= 10 || !f.value) return false;
      f.value = *f.value + *fr;
    }
    if (RuleAttr(r, "zhe") == "1") {
      apply([&](double v) { return v < 10 ? v * 10 : v; });
    }
    if (m.Has("escale")) {
      const std::string* k = words_.Find("escale", Trim(m.Group("escale")));
      if (!k) return false;
      double kv = std::strtod(k->c_str(), nullptr);
      apply([&](double v) { return v * kv; });
    }
    // sub1, sub2: smaller units after the main one (3块5毛, 4年9个月,
    // 1小时15分), each less than one main unit; subunit_table names the
    // word table that gives their fraction of it (default: subunit, money).
    std::string sub_table = RuleAttr(r, "subunit_table");
    if (sub_table.empty()) sub_table = "subunit";
    for (const char* g : {"sub1", "sub2"}) {
      if (!m.Has(g)) continue;
      std::string gu = std::string(g) + "u";
      std::optional<double> sv = ParseNumeral(Trim(m.Group(g)));
      const std::string* k = words_.Find(sub_table, Trim(m.Group(gu)));
      if (!sv || !k || !f.value) return false;
      double add = *sv * std::strtod(k->c_str(), nullptr);
      if (add >= 1) return false;  // 4年12个月, 1小时60分: no compound length
      f.value = *f.value + add;
    }
    // in_subunit: a length in two units is given in the smaller one
    // (2小时26分 = 146 minute, 1年3个月 = 15 month, 3分20秒 = 200 second),
    // whole as the text writes it.
    std::string sub_unit;
    if (RuleAttr(r, "in_subunit") == "1" && m.Has("sub1") && f.value) {
      const std::string* k = words_.Find(sub_table, Trim(m.Group("sub1u")));
      const std::string* u = words_.Find("unit", Trim(m.Group("sub1u")));
      if (!k || !u) return false;
      double per = std::strtod(k->c_str(), nullptr);
      f.value = std::round(*f.value / per * 1e6) / 1e6;
      sub_unit = *u;
    }
    // negate: the words make the number negative (负增长1.2% = -1.2 %).
    if (RuleAttr(r, "negate") == "1") apply([](double v) { return -v; });
    if (std::string mx = RuleAttr(r, "max_value"); !mx.empty() && f.value &&
        *f.value > std::strtod(mx.c_str(), nullptr)) {
      return false;
    }
    // Unit.
    f.unit = RuleAttr(r, "unit");
    // unit LOCAL: the document's own currency, as a bare 元 (40K of a salary).
    if (f.unit == "LOCAL") {
      f.unit = local();
      c->local_currency = true;
    }
    if (f.unit.empty() && m.Has("cur")) {
      const std::string* code = words_.Find("currency", Trim(m.Group("cur")));
      if (!code) return false;
      f.unit = *code == "LOCAL" ? local() : *code == "DOLLAR" ? dollar() : *code;
      c->local_currency = *code == "LOCAL";
    } else if (f.unit.empty() && !sub_unit.empty()) {
      f.unit = sub_unit;
    } else if (f.unit.empty() && m.Has("unit")) {
      const std::string* u = words_.Find("unit", unit_word);
      if (!u) return false;
      f.unit = *u;
    }
    if (f.unit.empty()) return false;
    if (m.Has("per")) {
      const std::string* u = words_.Find("unit", Trim(m.Group("per")));
      if (!u) return false;
      f.unit += "/" + *u;
    } else if (std::string per = RuleAttr(r, "per"); !per.empty()) {
      f.unit += "/" + per;  // a rate whose denominator a word names (时速: km/hour)
    }
    // Qualifier.
    f.qualifier = RuleAttr(r, "qualifier");
    for (const char* g : {"qual_pre", "qual_mid", "qual_post"}) {
      if (!f.qualifier.empty() || !m.Has(g)) continue;
      if (g == std::string_view("qual_pre") && !qual_pre) continue;
      const std::string* q = words_.Find("qualifier", Trim(m.Group(g)));
      if (!q) return false;
      f.qualifier = *q;
    }
    if (f.qualifier.empty() && (more || unit_more)) f.qualifier = "more_than";
    // whole: the value is a whole number (自2.28起 is a date, not 2.28
    // incidents; 152.6万例 is whole; an average such as 1.68個 is no case).
    std::vector<std::string> whole_units = SplitBar(RuleAttr(r, "whole_unit"));
    if (RuleAttr(r, "whole") == "1" &&
        (whole_units.empty() || std::find(whole_units.begin(), whole_units.end(), unit_word) != whole_units.end())) {
      for (const std::optional<double>& v : {f.value, f.low, f.high})
        if (v && std::fabs(*v - std::round(*v)) > 1e-6) return false;
    }
    return true;
  }

  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  WordTables words_;
  Masker masker_;
  std::vector<std::string> veto_after_, veto_after_except_, qual_word_before_;
  std::map<std::string, std::vector<std::string>> not_after_, not_before_, not_before_except_;
  std::map<std::string, RuleContext> contexts_;  // words needed around a match, by rule id
  struct WordVetoes {
    std::vector<std::string> not_before, except, not_after;
  };
  // rule id -> measure word -> its vetoes (attr word_vetoes).
  std::map<std::string, std::map<std::string, WordVetoes, std::less<>>> word_vetoes_;
  // rules with attr no_month_before (fig.duration.days_after).
  std::set<std::string, std::less<>> no_month_before_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakeFigureExtractor(const std::string& rules_dir,
                                                      std::shared_ptr<const Normalizer> normalizer) {
  // One Set for the family. Sets of 8 or 16 rules (max_set_rules) build
  // fewer DFA states on real news but cost a pass each: on 100 MB of
  // real-news.dev at --jobs 2, quiet machine, with the round's cheaper rule
  // shapes: one Set 103.6 user s, peak 241 MB; 16 rules 123.5 s, 209 MB;
  // 8 rules 129.3 s, 206 MB (docs/measurements.md, "Memory: the figures in Sets").
  RuleSetOptions options;
  options.max_set_rules = 0;
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/figures.json", options);
  if (!rs.ok()) return rs.status();
  Result<WordTables> words = WordTables::Load(rules_dir + "/figure_words.tsv", *normalizer);
  if (!words.ok()) return words.status();
  Result<Masker> masker = Masker::Load(rules_dir);
  if (!masker.ok()) return masker.status();
  auto rules = std::make_unique<RuleSet>(std::move(rs).value());
  return std::unique_ptr<Extractor>(new FigureExtractor(std::move(normalizer), std::move(rules), std::move(words).value(),
                                                std::move(masker).value()));
}

}  // namespace newskb
