// newskb/extractors/figures/rule_context.cc
#include "extractors/figures/rule_context.h"

#include <cstdlib>

#include "extractors/figures/word_table.h"

namespace newskb {

namespace {

std::string Attr(const Rule& r, const char* name) {
  auto it = r.attrs.find(name);
  return it == r.attrs.end() ? std::string() : it->second;
}

// The characters of `s` one by one (UTF-8).
std::vector<std::string> Chars(std::string_view s) {
  std::vector<std::string> out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i + 1;
    while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
    out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// Whether code point `c` is one of `set`: ' ' stands for any \s, '0' for any digit.
bool InSet(std::string_view c, const std::vector<std::string>& set) {
  for (const std::string& x : set) {
    if (x == c) return true;
    if (x == " " && c.size() == 1 && (c[0] == ' ' || c[0] == '\t' || c[0] == '\n' || c[0] == '\r' || c[0] == '\f'))
      return true;
    if (x == "0" && c.size() == 1 && c[0] >= '0' && c[0] <= '9') return true;
  }
  return false;
}

size_t PrevStart(std::string_view t, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) --p;
  return p;
}

size_t NextEnd(std::string_view t, size_t pos) {
  size_t p = pos + 1;
  while (p < t.size() && (static_cast<unsigned char>(t[p]) & 0xC0) == 0x80) ++p;
  return p;
}

bool StartsWithAt(std::string_view t, size_t at, const std::string& w) {
  return at + w.size() <= t.size() && t.compare(at, w.size(), w) == 0;
}

}  // namespace

RuleContext::RuleContext(const Rule& rule)
    : cue_(SplitBar(Attr(rule, "cue_before"))),
      cue_gap_not_(Chars(Attr(rule, "cue_gap_not"))),
      then_(SplitBar(Attr(rule, "then_words"))),
      then_skip_(SplitBar(Attr(rule, "then_skip"))),
      then_gap_not_(Chars(Attr(rule, "then_gap_not"))),
      cue_within_(std::strtoul(Attr(rule, "cue_within").c_str(), nullptr, 10)),
      then_within_(std::strtoul(Attr(rule, "then_within").c_str(), nullptr, 10)) {}

bool RuleContext::Holds(const RuleMatch& m, std::string_view t, size_t from, size_t* consumed) const {
  *consumed = m.end;
  if (!cue_.empty() && !CueBefore(t, from, m.begin)) return false;
  if (!then_.empty() && !WordsAfter(t, m.end, consumed)) return false;
  return true;
}

// Steps back from `at` one code point at a time, up to cue_within_ of them,
// none in the gap set, looking for a cue word ending there.
bool RuleContext::CueBefore(std::string_view t, size_t from, size_t at) const {
  size_t pos = at;
  for (size_t k = 0;; ++k) {
    for (const std::string& w : cue_)
      if (pos >= from + w.size() && t.compare(pos - w.size(), w.size(), w) == 0) return true;
    if (k == cue_within_ || pos <= from) return false;
    size_t p = PrevStart(t, pos);
    if (InSet(t.substr(p, pos - p), cue_gap_not_)) return false;
    pos = p;
  }
}

// From `at` (or after one then_skip word there), 1..then_within_ code points
// not in the gap set, then a word of then_.
bool RuleContext::WordsAfter(std::string_view t, size_t at, size_t* end) const {
  std::vector<size_t> starts;  // as the pattern's greedy (?:skip)?: the skip word first
  for (const std::string& s : then_skip_)
    if (StartsWithAt(t, at, s)) starts.push_back(at + s.size());
  starts.push_back(at);
  for (size_t start : starts) {
    size_t pos = start;
    for (size_t k = 1; k <= then_within_ && pos < t.size(); ++k) {
      size_t q = NextEnd(t, pos);
      if (InSet(t.substr(pos, q - pos), then_gap_not_)) break;
      pos = q;
      for (const std::string& w : then_)
        if (StartsWithAt(t, pos, w)) {
          *end = pos + w.size();
          return true;
        }
    }
  }
  return false;
}

}  // namespace newskb
