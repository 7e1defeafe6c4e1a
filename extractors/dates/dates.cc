// newskb/extractors/dates/dates.cc
#include "extractors/dates/dates.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <map>
#include <utility>

#include "extractors/dates/calendar_days.h"
#include "extractors/dates/date_resolver.h"
#include "extractors/engine/rule_set.h"
#include "extractors/mask/masker.h"
#include "extractors/figures/figures.h"
#include "extractors/figures/numeral.h"
#include "extractors/figures/word_table.h"

namespace newskb {
namespace {

std::string Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

struct Cand {
  RuleMatch m;
  ResolvedDate r;
  DateParts parts;  // as read, before resolution
  std::string qualifier;
  bool idiom = false;  // a rule with attr idiom=1 won: the words are no date (到今天仍: to this day)
  bool year_part_alone = false;  // 上半年, 年底, 第三季度 with no year of its own
  bool same_year = false;  // 同年 (rel_year word of value S): the year the article named last
  size_t end = 0;  // where the date ends when a qualifier after it starts a word (9月14日前往: 9月14日); 0: the match's end
  std::optional<CalendarDay> calendar_day;  // a lunar date or festival (中秋, 腊月二十三)
  bool calendar_year_given = false;         // ... with its year in the text (2024年中秋, 今年春节)
  std::string anaphor;  // 同日, 翌日, 次年 ...: "d 0", "d 1", "y 1", "m 0" (date_words.tsv anaphor)
};

class DateExtractor : public Extractor {
 public:
  DateExtractor(std::shared_ptr<const Normalizer> norm, std::unique_ptr<RuleSet> rules, WordTables words,
              Masker masker)
      : norm_(std::move(norm)), rules_(std::move(rules)), words_(std::move(words)), masker_(std::move(masker)) {
    for (const Rule& r : rules_->rules())
      around_.push_back({SplitBar(RuleAttr(r, "not_after")), SplitBar(RuleAttr(r, "not_before")),
                         SplitBar(RuleAttr(r, "not_after_except")), SplitBar(RuleAttr(r, "not_before_except")),
                         SplitBar(RuleAttr(r, "then")), SplitBar(RuleAttr(r, "need_month_before"))});
    not_qualifier_ = words_.Words("not_qualifier");
    verb_to_ = words_.Words("verb_to");
    since_words_ = words_.Words("until_now");
    future_before_ = words_.Words("future_before");
    future_after_ = words_.Words("future_after");
  }

  const char* name() const override { return "dates"; }

  void Extract(const Document& doc, const NormText& norm, std::vector<Mention>* out) const override {
    // Rules read the text with URLs, markup, codes ... blanked (masker.h):
    // same length, so every offset below is an offset of norm.text.
    std::string masked;
    std::string_view text = masker_.Mask(norm.text, &masked);
    std::optional<bool> trad;  // the document's script, read once when a rule asks
    std::string doc_year;      // the year the article named last (for 同年)
    std::string last_date;     // the value of the article's last date mention (for 同日, 翌日, 次年)
    for (const NormSentence& s : norm.sentences) {
      if (s.end <= s.begin) continue;
      std::string_view sent(text.data() + s.begin, s.end - s.begin);
      std::vector<RuleMatch> raw = rules_->FindAll(sent);
      if (raw.empty()) continue;
      std::vector<Cand> cands;
      auto traditional = [&]() {
        if (!trad) trad = IsTraditionalScript(doc, norm);
        return *trad;
      };
      std::vector<RuleMatch> ok;
      // Spans that read as an impossible date (2月30日): nothing inside
      // them is a date either (not 2月).
      std::vector<std::pair<size_t, size_t>> invalid;
      for (const RuleMatch& m : raw) {
        Cand c;
        bool impossible = false;
        // idiom=1: a phrase that holds a date's words but no date (到今天仍
        // 'to this day'); when it wins the overlap, nothing inside is a date.
        c.idiom = RuleAttr(*m.rule, "idiom") == "1";
        if (c.idiom && Vetoed(m, sent)) continue;
        if (!c.idiom && !Interpret(m, sent, doc.published, traditional, &c, &impossible)) {
          if (impossible) invalid.emplace_back(m.begin, m.end);
          continue;
        }
        c.m = m;
        // span: the part of the match that is the date (the end of a range
        // whose start gives the year: 11 月 of 2019 年 7 月至 11 月).
        if (m.Has("span")) {
          std::string_view sp = m.Group("span");
          c.m.begin = static_cast<size_t>(sp.data() - sent.data());
          c.m.end = c.m.begin + sp.size();
        } else {
          StartAfterPlainPreposition(m, sent, &c.m);
        }
        if (c.end && c.end < c.m.end) c.m.end = c.end;
        cands.push_back(std::move(c));
      }
      std::vector<Cand> kept;
      for (Cand& c : cands) {
        bool inside = false;
        // Strictly inside: a rule that reads the same span as a real day
        // (31日 after 5月30日和, date.md_list_day_next) keeps it although
        // date.day, reading it in the publication date's month, found none.
        for (const auto& [b, e] : invalid)
          inside = inside || (c.m.begin >= b && c.m.end <= e && c.m.end - c.m.begin < e - b);
        if (inside) continue;
        ok.push_back(c.m);
        kept.push_back(std::move(c));
      }
      cands = std::move(kept);
      std::vector<RuleMatch> wins = RuleSet::Resolve(ok, nullptr);
      std::sort(wins.begin(), wins.end(), [](const RuleMatch& a, const RuleMatch& b) { return a.begin < b.begin; });
      std::string year_anchor;  // the year the sentence last named (2019年9月, 去年10月)
      size_t last_end = std::string_view::npos;  // where the sentence's last date mention ends
      for (const RuleMatch& w : wins) {
        for (const Cand& c : cands) {
          if (c.m.rule != w.rule || c.m.begin != w.begin || c.m.end != w.end) continue;
          if (c.idiom) break;
          ResolvedDate r = !c.anaphor.empty() ? FromLastDate(c, last_date)
                                              : InSentenceYear(c, doc.published, &year_anchor, &doc_year);
          if (!r.ok() && !r.undated) break;  // 同年 with no year named before it
          if (r.ok()) last_date = r.iso;
          size_t begin = w.begin;
          std::string qualifier = c.qualifier;
          RangeEnd(c, sent, last_end, &begin, &qualifier);
          last_end = w.end;
          Mention mm = MakeMention(MentionKind::kDate, doc, norm, s.begin + begin, s.begin + w.end, w.rule->id);
          mm.date_value = r.iso;
          mm.note = r.note;
          mm.qualifier = qualifier;
          out->push_back(std::move(mm));
          break;
        }
      }
    }
  }

 private:
  // A month with no year of its own (11月, 3月5日) takes the year the same
  // sentence named before it (19年9月…，11月 is 2019-11; 去年10月…，12月 is
  // last year's), not the one the publication date gives. A date that names
  // its year (or a relative one: 去年, 今年) sets the anchor, and the
  // article's last year (*doc_year), which 同年 takes (同年11月: the year
  // named last, in this sentence or before; none named: no date).
  ResolvedDate InSentenceYear(const Cand& c, std::string_view published, std::string* anchor,
                              std::string* doc_year) const {
    const DateParts& p = c.parts;
    bool relative = p.rel_year || p.rel_month || p.rel_day || p.rel_week || p.weekday;
    if (c.same_year) {
      const std::string& y = !anchor->empty() ? *anchor : *doc_year;
      if (y.empty()) return ResolvedDate{"", "同年 with no year named before it", false};
      DateParts q = p;
      q.rel_year.reset();
      q.year = y;
      ResolvedDate r = ResolveDate(q, published);
      if (r.ok()) *anchor = *doc_year = r.iso.substr(0, 4);
      return r;
    }
    if (c.calendar_day) {
      // A festival with no year of its own (中秋) is of the year its
      // sentence named (2019年…中秋), else the one nearest the publication date.
      if (!c.calendar_year_given && !anchor->empty()) {
        ResolvedDate r = ResolveCalendarDay(*c.calendar_day, std::atoi(anchor->c_str()), published);
        return r.ok() ? r : c.r;
      }
      if (c.calendar_year_given && c.r.ok()) *anchor = *doc_year = c.r.iso.substr(0, 4);
      return c.r;
    }
    if (!c.r.ok()) return c.r;
    // A part of a year alone (上半年, 年底) is of the year the sentence named
    // (2019年營收…，上半年…), else of the publication year.
    if (c.year_part_alone) {
      if (anchor->empty()) return c.r;
      ResolvedDate r = c.r;
      r.iso = *anchor;
      return r;
    }
    if (!p.year.empty() || p.rel_year) {
      *anchor = *doc_year = c.r.iso.substr(0, 4);
      return c.r;
    }
    if (anchor->empty() || relative || p.month.empty() || p.era_first) return c.r;
    DateParts q = p;
    q.year = *anchor;
    ResolvedDate r = ResolveDate(q, published);
    return r.ok() ? r : c.r;
  }

  // 同日, 翌日, 次年6月 ...: a day, month or year counted from the article's
  // last date mention (not from the publication date: 2017年3月1日…翌日 is
  // 2 March 2017). The last date must be as precise as the word: 同日 after
  // a month alone gives nothing. A month and day written after it (次年2月)
  // are read in the year it gives.
  ResolvedDate FromLastDate(const Cand& c, const std::string& last) const {
    char unit = 0;
    int n = 0;
    if (std::sscanf(c.anaphor.c_str(), "%c %d", &unit, &n) != 2) return ResolvedDate{"", "bad anaphor value", false};
    int y = 0, m = 0, d = 0;
    int got = std::sscanf(last.c_str(), "%d-%d-%d", &y, &m, &d);
    const int need = unit == 'd' ? 3 : unit == 'm' ? 2 : 1;
    if (last.empty() || got < need) return ResolvedDate{"", "no date precise enough before it", false};
    DateParts q = c.parts;
    q.rel_year.reset();
    if (unit == 'd') {  // n days from that day: the resolver's rel_day, counted from it
      DateParts days;
      days.rel_day = n;
      return ResolveDate(days, last);
    }
    if (unit == 'm') {
      q.year = std::to_string(y);
      if (q.month.empty()) q.month = std::to_string(m);
      return ResolveDate(q, "");
    }
    q.year = std::to_string(y + n);
    return ResolveDate(q, "");
  }

  // The end of a range (2023年至2025年, 3月5日到3月7日): a word of table
  // range_word (至, 到) right after the sentence's last date joins the two,
  // it is no 'by': the mention starts after it and takes the qualifier
  // after the date, if any (至2025年底前: before).
  void RangeEnd(const Cand& c, std::string_view sent, size_t last_end, size_t* begin, std::string* qualifier) const {
    if (last_end == std::string_view::npos || !c.m.Has("qual_pre")) return;
    std::string_view q = c.m.Group("qual_pre");
    if (!words_.Find("range_word", Trim(q))) return;
    size_t qb = static_cast<size_t>(q.data() - sent.data());
    while (qb > last_end && sent[qb - 1] == ' ') --qb;
    if (qb != last_end) return;
    size_t b = static_cast<size_t>(q.data() - sent.data()) + q.size();
    while (b < sent.size() && sent[b] == ' ') ++b;
    *begin = std::max(*begin, b);
    qualifier->clear();
    if (c.m.Has("qual_post") && !c.end) {
      const std::string* v = words_.Find("qualifier", Trim(c.m.Group("qual_post")));
      if (v) *qualifier = *v;
    }
  }

  // 到 or 至 before the date that ends a verb (见到10月3日, 押后至6月8日:
  // table verb_to) is no 'by': the date is what was seen, or the new day.
  bool EndsVerb(const RuleMatch& m, std::string_view t) const {
    std::string_view q = m.Group("qual_pre");
    if (q.empty()) return false;
    size_t qe = static_cast<size_t>(q.data() - t.data()) + q.size();
    while (qe > 0 && t[qe - 1] == ' ') --qe;
    return EndsWithAny(t, qe, verb_to_);
  }

  // A word before the date that carries no qualifier (在 of 在2010年: table
  // qualifier, empty value) stays outside the span, as a cue word does.
  void StartAfterPlainPreposition(const RuleMatch& m, std::string_view sent, RuleMatch* span) const {
    if (!m.Has("qual_pre")) return;
    std::string_view q = m.Group("qual_pre");
    const std::string* v = words_.Find("qualifier", Trim(q));
    if (!v || (!v->empty() && !EndsVerb(m, sent))) return;
    size_t b = static_cast<size_t>(q.data() - sent.data()) + q.size();
    while (b < span->end && sent[b] == ' ') ++b;
    if (b < span->end) span->begin = b;
  }

  std::optional<int> Offset(std::string_view table, const RuleMatch& m, std::string_view group, bool* bad) const {
    if (!m.Has(group)) return std::nullopt;
    const std::string* v = words_.Find(table, Trim(m.Group(group)));
    if (!v || *v == "X") { *bad = true; return std::nullopt; }
    return std::atoi(v->c_str());
  }

  // The rule's attrs not_after / not_before veto the match by the words
  // around it. not_after_except: longer words that end with a not_after word
  // and lift its veto (合约9日: 约 alone is "about", 合约 is a contract).
  bool Vetoed(const RuleMatch& m, std::string_view t) const {
    const AroundWords& w = Around(*m.rule);
    if (EndsWithAny(t, m.begin, w.not_after) && !EndsWithAny(t, m.begin, w.not_after_except)) return true;
    return StartsWithAny(t, m.end, w.not_before) && !StartsWithAny(t, m.end, w.not_before_except);
  }

  // False if the match gives no mention; *impossible is set when the match
  // is a well-formed date that does not exist.
  template <typename Trad>
  bool Interpret(const RuleMatch& m, std::string_view t, const std::string& published, Trad& traditional, Cand* c,
                 bool* impossible) const {
    const Rule& r = *m.rule;
    if (m.begin > 0 && (std::isdigit(static_cast<unsigned char>(t[m.begin - 1])) || t[m.begin - 1] == '.' ||
                        t[m.begin - 1] == '-' || t[m.begin - 1] == '/'))
      return false;
    if (m.end < t.size() && std::isdigit(static_cast<unsigned char>(t[m.end])) &&
        std::isdigit(static_cast<unsigned char>(t[m.end - 1])))
      return false;
    if (Vetoed(m, t)) return false;
    // need_month_before: qualifiers after a bare day (之后, 后) that make it a length in
    // Traditional text (2日後 'two days later') unless a month named earlier in the sentence
    // makes it that month's day (5月23至29日 ... 25日之後); Simplified text writes lengths
    // with 天, so 17日之后 stays the 17th there.
    if (!Around(r).need_month_before.empty() && m.Has("qual_post") &&
        std::find(Around(r).need_month_before.begin(), Around(r).need_month_before.end(),
                  Trim(m.Group("qual_post"))) != Around(r).need_month_before.end() &&
        traditional() && !MonthNamedBefore(t, m.begin))
      return false;
    if (InTitleMarks(t, m.begin)) return false;
    DateParts p;
    bool bad = false;
    p.year = ZeroAsLing(Trim(m.Group("year")));
    if (RuleAttr(r, "short_year") == "1" && !ShortYearIsYear(p.year, m)) return false;
    p.month = Trim(m.Group("month"));
    p.day = Trim(m.Group("day"));
    if (m.Has("era")) {
      const std::string* v = words_.Find("era", Trim(m.Group("era")));
      if (!v) return false;
      p.era_first = std::atoi(v->c_str());
    }
    if (m.Has("rel_year")) {
      const std::string* v = words_.Find("rel_year", Trim(m.Group("rel_year")));
      c->same_year = v && *v == "S";
    }
    p.rel_year = c->same_year ? std::optional<int>(0) : Offset("rel_year", m, "rel_year", &bad);
    p.rel_month = Offset("rel_month", m, "rel_month", &bad);
    p.rel_day = Offset("rel_day", m, "rel_day", &bad);
    p.rel_week = Offset("rel_week", m, "rel_week", &bad);
    if (m.Has("weekday")) {
      const std::string* v = words_.Find("weekday", Trim(m.Group("weekday")));
      if (!v) return false;
      p.weekday = std::atoi(v->c_str());
    }
    if (bad) return false;
    // 以来 after it, or 至今 (迄今, 到现在 ...: since_words) right after the
    // match: the date is in the past (6月至今 in a January article is last June).
    p.past = Trim(m.Group("qual_post")) == "以来" || StartsWithAny(t, m.end, since_words_);
    p.future = LooksAhead(t, m);
    if (m.Has("anaphor")) {
      const std::string* v = words_.Find("anaphor", Trim(m.Group("anaphor")));
      if (!v) return false;
      c->anaphor = *v;
      c->parts = p;
      return ReadQualifiers(m, t, c);
    }
    // attr simplified_only: a word whose day differs by place (国庆: 1
    // October in the PRC and Hong Kong, 10 October in Taiwan).
    if (RuleAttr(r, "simplified_only") == "1" && traditional()) return false;
    // attr anchored: a festival is a date only with a year of its own
    // (2024年中秋, 今年春节) and as a time: a qualifier or 当天 after it, or
    // a word of attr `then` (a clause break, 到来, 时 ...), not a noun it
    // modifies (2026年春节慰问活动 is an event of 2026).
    if (RuleAttr(r, "anchored") == "1") {
      if (!m.Has("year") && !m.Has("rel_year")) return false;
      if (!m.Has("qual_post") && !m.Has("on_day") && m.end < t.size() && !StartsWithAny(t, m.end, Around(r).then))
        return false;
    }
    if (m.Has("festival") || m.Has("lunar_month") || m.Has("lunar_new_year_day") || m.Has("lunar_eve")) {
      if (!ReadCalendarDay(m, published, p, c)) return false;
      c->parts = p;
      if (!c->r.ok() && !c->r.undated) return false;
      return ReadQualifiers(m, t, c);
    }
    if (!ReadGrammarParts(m, r, published, traditional, &p)) return false;
    c->r = ResolveDate(p, published);
    c->parts = p;
    c->year_part_alone = m.Has("year_part") && !m.Has("year") && !m.Has("rel_year");
    if (!c->r.ok() && !c->r.undated) {
      *impossible = c->r.note == "no such day" || c->r.note == "not a day" || c->r.note == "not a month";
      return false;
    }
    return ReadQualifiers(m, t, c);
  }

  // True if the words around the match look ahead: a word of future_after
  // right after it (9月15日前, 9月1日起) or a word of future_before in its
  // clause before it (将于5月7日失效, 案件押后至7月9日). The resolver then
  // reads a month up to six months ahead as this year's (date_resolver.h).
  bool LooksAhead(std::string_view t, const RuleMatch& m) const {
    if (StartsWithAny(t, m.end, future_after_)) return true;
    if (m.Has("qual_post")) {  // 9月15日前: the rule took the word into its match
      std::string q(Trim(m.Group("qual_post")));
      if (std::find(future_after_.begin(), future_after_.end(), q) != future_after_.end()) return true;
    }
    size_t clause = ClauseStartBefore(t, m.begin);
    std::string_view before = t.substr(clause, m.begin - clause);
    for (const std::string& w : future_before_)
      if (before.find(w) != std::string_view::npos) return true;
    return false;
  }

  // The start of the clause that byte b lies in: just after the nearest
  // break before it (a scan back over the clause only, not the document).
  static size_t ClauseStartBefore(std::string_view t, size_t b) {
    // Normalised text writes full-width punctuation half-width.
    static constexpr std::string_view kBreaks[] = {"，", ",", "。", "；", ";", "！", "!", "？", "?", "\n"};
    for (size_t i = b; i-- > 0;)
      for (std::string_view br : kBreaks)
        if (t.compare(i, br.size(), br) == 0) return i + br.size();
    return 0;
  }

  // The qualifier (FORMAT.md: before, after, by) from the rule's attr or
  // the words around the date; false if a qualifier word is unknown.
  bool ReadQualifiers(const RuleMatch& m, std::string_view t, Cand* c) const {
    c->qualifier = RuleAttr(*m.rule, "qualifier");
    // A qualifier after the date that starts a word (前往, 后来, 起诉) is no
    // qualifier: the date ends before it.
    if (m.Has("qual_post")) {
      std::string_view q = m.Group("qual_post");
      size_t qb = static_cast<size_t>(q.data() - t.data());
      if (StartsWithAny(t, qb, not_qualifier_)) c->end = qb;
    }
    for (const char* g : {"qual_pre", "qual_post"}) {
      if (!m.Has(g) || (c->end && std::string_view(g) == "qual_post")) continue;
      if (std::string_view(g) == "qual_pre" && EndsVerb(m, t)) continue;
      const std::string* q = words_.Find("qualifier", Trim(m.Group(g)));
      if (!q) return false;
      if (c->qualifier.empty()) c->qualifier = *q;
    }
    return true;
  }

  // 〇 as Taiwanese and Hong Kong text writes it in years: ○ (white
  // circle), Ｏ/O (a letter, o after case folding): 二○一八, 二Ｏ二一.
  static std::string ZeroAsLing(std::string y) {
    for (const char* z : {"○", "o"}) {
      for (size_t i = y.find(z); i != std::string::npos; i = y.find(z, i)) y.replace(i, std::strlen(z), "〇");
    }
    return y;
  }

  // attr short_year: a year in two Chinese digits (九七年, 零三年, 八八年六月).
  // Two consecutive digits (三四年, 七八年, 八九年) and 三五 are as often a
  // length of a few years (七八年下来, 三五年的规划): a year only with a month,
  // a part of the year or an event word after it (八九年六月, 六七年底,
  // 八九民运), which the rule marks with the group `context`.
  static bool ShortYearIsYear(const std::string& year, const RuleMatch& m) {
    static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    auto digit = [&](size_t at) {
      for (int d = 0; d < 10; ++d)
        if (year.compare(at, std::strlen(kDigits[d]), kDigits[d]) == 0) return d;
      if (year.compare(at, std::strlen("〇"), "〇") == 0) return 0;
      return -1;
    };
    if (year.size() != 6) return true;  // not two Chinese digits: the rule's other forms
    int a = digit(0), b = digit(3);
    if (a < 0 || b < 0) return true;
    bool range_like = (b == a + 1 && a >= 1) || (a == 3 && b == 5);
    return !range_like || m.Has("month") || m.Has("context");
  }

  // A lunar date or festival (calendar_days.h): the day from the word
  // tables or the numerals, the year from the text (2024年中秋, 今年春节,
  // 农历2015年十月初一) or, with none, the occurrence nearest the
  // publication date.
  bool ReadCalendarDay(const RuleMatch& m, const std::string& published, const DateParts& p, Cand* c) const {
    std::optional<CalendarDay> day;
    if (m.Has("festival")) {
      const std::string* v = words_.Find("festival", Trim(m.Group("festival")));
      if (!v) return false;
      day = ParseCalendarDay(*v);
    } else if (m.Has("lunar_eve")) {
      day = ParseCalendarDay("eve");
    } else {
      int month = 1, dd = 0;
      if (m.Has("lunar_month")) {
        std::string mw = Trim(m.Group("lunar_month"));
        const std::string* v = words_.Find("lunar_month", mw);
        std::optional<Numeral> n = v ? ParseNumeralEx(*v) : ParseNumeralEx(mw);
        if (!n) return false;
        month = static_cast<int>(n->value);
      }
      std::string dw = Trim(m.Group(m.Has("lunar_day") ? "lunar_day" : "lunar_new_year_day"));
      if (dw.rfind("初", 0) == 0) dw = dw.substr(std::strlen("初"));  // 初一 .. 初十
      std::optional<Numeral> n = ParseNumeralEx(dw);
      if (!n || n->value != static_cast<int>(n->value)) return false;
      dd = static_cast<int>(n->value);
      day = ParseCalendarDay("lunar " + std::to_string(month) + " " + std::to_string(dd));
    }
    if (!day) return false;
    int year = 0;
    if (!p.year.empty() || p.rel_year) {
      DateParts yp;
      yp.year = p.year;
      yp.rel_year = p.rel_year;
      ResolvedDate yr = ResolveDate(yp, published);
      if (!yr.ok()) {
        c->r = yr;
        return yr.undated;
      }
      year = std::atoi(yr.iso.c_str());
      c->calendar_year_given = true;
    }
    c->calendar_day = day;
    c->r = ResolveCalendarDay(*day, year, published);
    return true;
  }

  // The parts some rules leave to the grammar rather than to a word table:
  //   rel_n rel_unit rel_dir   三天后, 两年前, 六个月后, 10周后 (any numeral)
  //   nearest_weekday          周三 alone: the one nearest the publication date
  //   year_part, month_part    年底, 月初 alone: this year, this month
  //   roc                      113年 in Traditional-script text: ROC year
//   near_day, attr near      the day in brackets nearest the relative day (后天（2日）)
  //   first, second            25/12/2024 or 12/25/2024 (one reading only)
  // False if the match is no date.
  template <typename Trad>
  bool ReadGrammarParts(const RuleMatch& m, const Rule& r, const std::string& published, Trad& traditional,
                        DateParts* p) const {
    if (m.Has("rel_n")) {
      std::optional<Numeral> n = ParseNumeralEx(Trim(m.Group("rel_n")));
      if (!n || n->value < 1 || n->value > 999 || n->value != static_cast<int>(n->value) || n->digit_string)
        return false;
      int k = static_cast<int>(n->value);
      std::string dir = Trim(m.Group("rel_dir"));
      if (dir.find("前") != std::string::npos) k = -k;
      std::string unit = Trim(m.Group("rel_unit"));
      if (unit == "天") p->rel_day = k;
      else if (unit == "年") p->rel_year = k;
      else if (unit == "个月") p->rel_month = k;
      else p->rel_day = 7 * k;  // weeks
    }
    if (RuleAttr(r, "nearest_weekday") == "1" && p->weekday && p->day.empty()) {
      int y = 0, mo = 0, d = 0;
      if (std::sscanf(published.c_str(), "%d-%d-%d", &y, &mo, &d) != 3) {
        p->rel_day = 0;  // resolves to "undated"
        p->weekday = 0;
        return true;
      }
      int diff = p->weekday - Weekday(y, mo, d);
      if (diff > 3) diff -= 7;
      if (diff < -3) diff += 7;
      p->rel_day = diff;
      p->weekday = 0;
    }
    if (m.Has("year_part") && !p->rel_year && p->year.empty()) p->rel_year = 0;
    // start_month: the end of a month range with no year takes its start's
    // year (从3月至10月 in a March article: this October), the next year when
    // it comes before the start (11月至2月).
    if (m.Has("start_month") && p->year.empty() && !p->rel_year) {
      DateParts sp;
      sp.month = Trim(m.Group("start_month"));
      ResolvedDate sr = ResolveDate(sp, published);
      std::optional<Numeral> a = ParseNumeralEx(sp.month), b = ParseNumeralEx(p->month);
      if (sr.ok() && a && b) p->year = std::to_string(std::atoi(sr.iso.c_str()) + (b->value < a->value ? 1 : 0));
    }
    // near_day: the relative day before a bracketed date (后天（2日）) says
    // which month and year the bracket's day is in; attr near=1: a weekday
    // with a month-day and no year (1月1日（星期六）) is the nearest such.
    if (m.Has("near_day")) {
      const std::string* v = words_.Find("rel_day", Trim(m.Group("near_day")));
      if (!v) return false;
      p->near_day = std::atoi(v->c_str());
    } else if (RuleAttr(r, "near") == "1" && p->year.empty() && !p->month.empty()) {
      p->near_day = 0;
    }
    if (m.Has("month_part")) p->rel_month = 0;
    if (RuleAttr(r, "roc") == "1") {
      if (!traditional()) return false;
      p->era_first = 1912;
    }
    if (m.Has("first") && m.Has("second") && p->weekday && p->year.empty()) return ReadByWeekday(m, published, p);
    if (m.Has("first") && m.Has("second")) {
      int a = std::atoi(std::string(m.Group("first")).c_str()), b = std::atoi(std::string(m.Group("second")).c_str());
      if (a > 12 && b <= 12) { p->day = std::to_string(a); p->month = std::to_string(b); }
      else if (b > 12 && a <= 12) { p->month = std::to_string(a); p->day = std::to_string(b); }
      else return false;  // 3/7/2024: March 7 or 3 July
    }
    return true;
  }

  // first/second with a weekday and no year (6/8（周一）, 3/17（五）): month
  // first or day first (Hong Kong writes 6/8 for 6 August), whichever reading
  // the weekday agrees with nearest the publication date; false if none.
  bool ReadByWeekday(const RuleMatch& m, const std::string& published, DateParts* p) const {
    int a = std::atoi(std::string(m.Group("first")).c_str()), b = std::atoi(std::string(m.Group("second")).c_str());
    int py = 0, pm = 0, pd = 0;
    if (std::sscanf(published.c_str(), "%d-%d-%d", &py, &pm, &pd) != 3) return false;
    const long today = DaysFromCivil(py, pm, pd);
    long best = -1;
    for (const auto& [mo, d] : {std::pair<int, int>{a, b}, std::pair<int, int>{b, a}}) {
      if (mo > 12 || (a == b && best >= 0)) continue;
      DateParts q = *p;
      q.month = std::to_string(mo);
      q.day = std::to_string(d);
      q.near_day = 0;
      ResolvedDate r = ResolveDate(q, published);
      int y = 0, rm = 0, rd = 0;
      if (!r.ok() || std::sscanf(r.iso.c_str(), "%d-%d-%d", &y, &rm, &rd) != 3) continue;
      long dist = std::labs(DaysFromCivil(y, rm, rd) - today);
      if (best >= 0 && dist >= best) continue;
      best = dist;
      p->month = q.month;
      p->day = q.day;
      p->near_day = 0;
    }
    return best >= 0;
  }

  std::shared_ptr<const Normalizer> norm_;
  std::unique_ptr<RuleSet> rules_;
  WordTables words_;
  Masker masker_;
  // A rule's word attrs (not_after, not_before, their exceptions, then), read
  // once: around_[i] is rules_->rules()[i]'s (no lookup by id per match).
  struct AroundWords {
    std::vector<std::string> not_after, not_before, not_after_except, not_before_except, then;
    std::vector<std::string> need_month_before;  // attr need_month_before
  };
  const AroundWords& Around(const Rule& r) const { return around_[&r - rules_->rules().data()]; }
  std::vector<AroundWords> around_;
  std::vector<std::string> not_qualifier_;
  std::vector<std::string> verb_to_;  // date_words.tsv verb_to: 见到, 押后至 (到/至 there ends a verb, no 'by')
  std::vector<std::string> future_before_;  // date_words.tsv future_before: 将于, 预计 ... in its clause before it
  std::vector<std::string> future_after_;   // date_words.tsv future_after: 前, 起 ... right after it
  std::vector<std::string> since_words_;  // date_words.tsv until_now: 至今, 迄今 (the date before them is past)  // date_words.tsv: words that start with a qualifier (前往)
};

}  // namespace

Result<std::unique_ptr<Extractor>> MakeDateExtractor(const std::string& rules_dir,
                                                    std::shared_ptr<const Normalizer> normalizer) {
  Result<RuleSet> rs = RuleSet::LoadFile(rules_dir + "/dates.json", RuleSetOptions{});
  if (!rs.ok()) return rs.status();
  Result<WordTables> words = WordTables::Load(rules_dir + "/date_words.tsv", *normalizer);
  if (!words.ok()) return words.status();
  Result<Masker> masker = Masker::Load(rules_dir);
  if (!masker.ok()) return masker.status();
  auto rules = std::make_unique<RuleSet>(std::move(rs).value());
  return std::unique_ptr<Extractor>(new DateExtractor(std::move(normalizer), std::move(rules), std::move(words).value(),
                                                std::move(masker).value()));
}

}  // namespace newskb
