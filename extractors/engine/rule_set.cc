// newskb/extractors/engine/rule_set.cc: rule files -> one RE2::Set per family.
//
// Loading: comments blanked (same length, so byte offsets and lines stay),
// a small JSON scanner records where every rule, "id" key, example and
// macro is written (for file:line in messages, and the line of the first
// syntax error, which simdjson does not give), simdjson's DOM reads the
// values, macros are expanded, every rule compiled alone (its own RE2) and
// into the family's RE2::Set.
#include "extractors/engine/rule_set.h"

#include "extractors/engine/rule_scope.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace newskb {

struct RuleSet::Impl {
  std::string family, file;
  std::vector<Rule> rules;
  std::vector<std::unique_ptr<RE2>> res;
  // Named groups of each rule, in group-index order.
  std::vector<std::vector<std::pair<std::string, int>>> groups;
  std::vector<RuleScope> scopes;  // per rule (rule_scope.h)
  // The Sets: the rules that may match anywhere in a line run on whole
  // lines; the windowed ones only on the clauses that hold a trigger.
  // Each kind is cut into Sets of at most RuleSetOptions::max_set_rules
  // rules, in file order (0: one Set per kind).
  struct Part {
    std::unique_ptr<RE2::Set> set;  // null: no rule of this kind
    std::vector<int> rule_of;       // the Set's index k stands for rules[rule_of[k]]
  };
  std::vector<Part> line_parts, window_parts;
  // Triggers of the windowed rules: a bit per code point below
  // kTriggerBits, the rest (rare) sorted apart.
  static constexpr char32_t kTriggerBits = 0x30000;
  std::vector<uint64_t> trigger_bits;
  std::vector<char32_t> trigger_high;

  // Analyses every rule's scope, checks it against the rule's examples and
  // compiles the two Sets (options.windows false: every rule in line_set).
  Status BuildSets(const RuleSetOptions& opts);
  // The clauses of `line` that hold a trigger, adjacent ones merged.
  void FindWindows(std::string_view line, std::vector<std::pair<size_t, size_t>>* windows) const;

  bool IsTrigger(char32_t c) const {
    if (c < kTriggerBits) return (trigger_bits[c >> 6] >> (c & 63)) & 1;
    return std::binary_search(trigger_high.begin(), trigger_high.end(), c);
  }
};

namespace {

using simdjson::dom::element;
using simdjson::dom::object;

// ------------------------------------------------------------ set patterns

// The pattern a rule contributes to its family's RE2::Set: the rule's own
// pattern with every counted repetition relaxed to an open one
// (X{m,n}, X{m,}, X{m} -> X+ when m >= 1, X* when m = 0; a lazy `?` after
// it stays). Every text the rule matches, the relaxed pattern matches too
// (X^k with m <= k <= n is in X+), so the Set still names every rule that
// hits a line; the rule's own RE2 then finds the exact matches, so a rule
// the Set names in excess costs one scan and changes no result. Why: a
// Set's DFA must track every counter of every rule at once (how many Han
// characters since each possible start, up to 12, 16, ...), and on varied
// text it keeps building new states (most of the time of a cold run) and
// holding them (most of the memory); open repetitions need one state each.
// `{` that opens no repetition (RE2 reads it as a literal), and anything
// inside a character class or after a backslash, is copied as it is.
// Where the group opened by the '(' at p[open] closes (the index of its
// ')'), or npos; escapes and character classes are skipped.
size_t GroupEnd(std::string_view p, size_t open) {
  int depth = 0;
  bool in_class = false;
  for (size_t i = open; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') { ++i; continue; }
    if (in_class) { if (c == ']') in_class = false; continue; }
    if (c == '[') {
      in_class = true;
      if (i + 1 < p.size() && p[i + 1] == '^') ++i;
      if (i + 1 < p.size() && p[i + 1] == ']') ++i;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return i;
  }
  return std::string_view::npos;
}

// The pattern without the optional groups it starts with: in
// `(?P<span>(?:(?P<year>{YEAR}) ?年 ?)?(?P<month>{MON}) ?月...` the
// `(?:...)?` before the month. Only group openings may stand before such a
// group (never `^` or a character), so an unanchored search finds a match
// of the pattern exactly where it finds one without the group: the Set
// names the same rules, and its DFA no longer tracks every possible start
// of an optional year in front of every month (dates: 7 rules).
std::string DropLeadingOptional(std::string_view p) {
  std::string out(p);
  size_t i = 0;
  while (i < out.size() && out[i] == '(') {
    size_t end = GroupEnd(out, i);
    if (end == std::string::npos) return out;
    size_t cut = end + 1;
    if (cut < out.size() && out[cut] == '?') {
      ++cut;
      if (cut < out.size() && out[cut] == '?') ++cut;  // lazy ??
      // Something of its own must follow: not the end of the pattern, of
      // an enclosing group or of an alternative.
      if (cut >= out.size() || out[cut] == ')' || out[cut] == '|') return out;
      out.erase(i, cut - i);
      continue;
    }
    // Repeated (X+, X*, X{m,n}): every repetition would lose the part; stop.
    if (cut < out.size() && (out[cut] == '*' || out[cut] == '+' || out[cut] == '{')) return out;
    // Once, not optional: step inside it past its opening, "(", "(?:", "(?P<name>".
    if (out.compare(i, 4, "(?P<") == 0) {
      size_t gt = out.find('>', i);
      if (gt == std::string::npos) return out;
      i = gt + 1;
    } else if (out.compare(i, 3, "(?:") == 0) {
      i += 3;
    } else if (i + 1 < out.size() && out[i + 1] != '?') {
      i += 1;
    } else {
      return out;  // flags or another construct: leave the pattern as it is
    }
  }
  return out;
}

// The end of the item of a concatenation that starts at p[i] (a group, a
// character class, an escape or one UTF-8 character), before its
// quantifier; npos if the pattern does not parse.
size_t ItemEnd(std::string_view p, size_t i) {
  char c = p[i];
  if (c == '(') {
    size_t e = GroupEnd(p, i);
    return e == std::string_view::npos ? e : e + 1;
  }
  if (c == '[') {
    size_t j = i + 1;
    if (j < p.size() && p[j] == '^') ++j;
    if (j < p.size() && p[j] == ']') ++j;
    for (; j < p.size(); ++j) {
      if (p[j] == '\\') ++j;
      else if (p[j] == ']') return j + 1;
    }
    return std::string_view::npos;
  }
  if (c == '\\') {
    if (i + 1 >= p.size()) return std::string_view::npos;
    char k = p[i + 1];
    if (k == 'p' || k == 'P') {  // \pN or \p{Name}
      if (i + 2 < p.size() && p[i + 2] == '{') {
        size_t close = p.find('}', i + 2);
        return close == std::string_view::npos ? close : close + 1;
      }
      return i + 3 <= p.size() ? i + 3 : std::string_view::npos;
    }
    if (k == 'x' || k == 'Q' || k == 'C') return std::string_view::npos;  // leave such patterns alone
    return i + 2;
  }
  size_t j = i + 1;
  while (j < p.size() && (static_cast<unsigned char>(p[j]) & 0xC0) == 0x80) ++j;
  return j;
}

// The end of the quantifier after an item ending at p[j]: ?, *, +, {m,n},
// each maybe lazy; j itself if none. *optional: the item may be absent.
size_t QuantEnd(std::string_view p, size_t j, bool* optional) {
  *optional = false;
  if (j >= p.size()) return j;
  size_t k = j;
  if (p[k] == '?' || p[k] == '*') {
    *optional = true;
    ++k;
  } else if (p[k] == '+') {
    ++k;
  } else if (p[k] == '{') {
    size_t close = p.find('}', k);
    if (close == std::string_view::npos) return j;
    size_t m = k + 1;
    while (m < close && std::isdigit(static_cast<unsigned char>(p[m]))) ++m;
    if (m == k + 1 || (m != close && p[m] != ',')) return j;  // a literal '{'
    *optional = p.find_first_not_of('0', k + 1) >= m;
    k = close + 1;
  } else {
    return j;
  }
  if (k < p.size() && p[k] == '?') ++k;  // lazy
  return k;
}

// The pattern without the optional items it ends with: the
// `(?:{TOD})?(?P<qual_post>{QPOST})?` after a day, stepping into a last
// group that holds one alternative and stands once. An unanchored search
// finds a match of the pattern exactly where it finds one without them.
std::string DropTrailingOptional(std::string_view p) {
  std::string out(p);
  size_t b = 0, e = out.size();  // the concatenation looked at: out[b, e)
  for (int guard = 0; guard < 64; ++guard) {
    // Its items, with their quantifiers: [start, item end, quantifier end).
    std::vector<std::pair<size_t, size_t>> items;
    bool last_optional = false;
    for (size_t i = b; i < e;) {
      if (out[i] == '|' || out[i] == '^' || out[i] == '$') return out;  // alternatives or anchors: leave alone
      size_t ie = ItemEnd(out, i);
      if (ie == std::string::npos || ie > e) return out;
      bool opt = false;
      size_t qe = QuantEnd(std::string_view(out).substr(0, e), ie, &opt);
      items.emplace_back(i, qe);
      last_optional = opt;
      i = qe;
    }
    if (items.size() < 2) return out;  // something of its own must stay before
    auto [start, qend] = items.back();
    if (last_optional) {
      out.erase(start, qend - start);
      e -= qend - start;
      continue;
    }
    size_t ie = ItemEnd(out, start);
    if (out[start] != '(' || ie != qend) return out;  // not a group, or a repeated one
    // Step into the last group: past its opening, up to its ')'.
    size_t in = start + 1;
    if (out.compare(start, 4, "(?P<") == 0) in = out.find('>', start) + 1;
    else if (out.compare(start, 3, "(?:") == 0) in = start + 3;
    else if (start + 1 < out.size() && out[start + 1] == '?') return out;
    b = in;
    e = ie - 1;
  }
  return out;
}

std::string SetPattern(std::string_view p_in, bool trim) {
  if (p_in.find("\\Q") != std::string_view::npos) return std::string(p_in);  // quoted text: keep as written
  const std::string dropped = trim ? DropTrailingOptional(DropLeadingOptional(p_in)) : std::string(p_in);
  std::string_view p = dropped;
  std::string out;
  out.reserve(p.size());
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {  // an escape: two bytes as they are
      out += c;
      out += p[++i];
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];  // []...] and [^]...]: a literal ]
      continue;
    }
    if (c == '{' && !out.empty()) {
      // {m}, {m,}, {m,n}: digits, optional comma and digits, closing brace.
      size_t j = i + 1, m_end;
      while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
      m_end = j;
      if (m_end > i + 1 && j < p.size() && p[j] == ',') {
        ++j;
        while (j < p.size() && std::isdigit(static_cast<unsigned char>(p[j]))) ++j;
      }
      if (m_end > i + 1 && j < p.size() && p[j] == '}') {
        bool zero = p.find_first_not_of('0', i + 1) >= m_end;
        out += zero ? '*' : '+';
        i = j;
        continue;
      }
    }
    out += c;
  }
  return out;
}

// ------------------------------------------------------------ comments

// Blanks `//` comments outside JSON strings (a whole line, or the end of a
// line) with spaces, keeping every byte offset and newline.
std::string StripComments(std::string_view text) {
  std::string out(text);
  bool in_string = false;
  for (size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"' || c == '\n') in_string = false;  // a newline ends a broken string; the parser reports it
      continue;
    }
    if (c == '"') { in_string = true; continue; }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    }
  }
  return out;
}

int LineOf(std::string_view text, size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// LineOf for many offsets of one text: the offsets of its line breaks,
// found once, then a binary search an offset (LineOf counts from the start
// each time: every rule and example of a family made loading quadratic in
// the file's size).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) : size_(text.size()) {
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1)) breaks_.push_back(i);
  }
  int LineOf(size_t offset) const {
    offset = std::min(offset, size_);
    return 1 + static_cast<int>(std::lower_bound(breaks_.begin(), breaks_.end(), offset) - breaks_.begin());
  }

 private:
  size_t size_;
  std::vector<size_t> breaks_;
};

// ------------------------------------------------------------ locations

// Where things are written in a rule file (byte offsets in the text).
struct RuleLoc {
  size_t begin = 0;                 // the rule object's '{'
  size_t id = std::string::npos;    // its "id" key
  std::vector<size_t> examples, counter_examples;  // each example's start
};
struct FileLoc {
  std::vector<RuleLoc> rules;
  std::map<std::string, size_t> macros;  // top-level "macros" keys
};

// A strict, small JSON scanner: validates the syntax (to name the line of
// the first error) and records the locations above. Strings are not decoded;
// keys are compared as written (the keys it looks for have no escapes).
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}

  // True if the text is one JSON value; else *err_at and *err say where, what.
  bool Run(FileLoc* loc, size_t* err_at, std::string* err) {
    loc_ = loc;
    Ws();
    if (!Value(0, Role::kTop)) { *err_at = at_; *err = err_; return false; }
    Ws();
    if (i_ != s_.size()) { *err_at = i_; *err = "unexpected text after the top-level value"; return false; }
    return true;
  }

 private:
  enum class Role { kTop, kTopMacros, kRules, kRule, kExamples, kCounters, kOther };

  bool Fail(const std::string& why) {
    if (!err_.empty()) return false;
    at_ = std::min(i_, s_.size());
    if (at_ >= s_.size()) {
      err_ = "unexpected end of file (" + why + ")";
      return false;
    }
    err_ = why;
    if (why.rfind("expected ','", 0) == 0) {
      // A forgotten comma is at the end of the previous value's line.
      size_t k = at_;
      while (k > 0 && std::isspace(static_cast<unsigned char>(s_[k - 1]))) --k;
      size_t prev_line = std::count(s_.begin(), s_.begin() + k, '\n');
      if (std::count(s_.begin(), s_.begin() + at_, '\n') != static_cast<std::ptrdiff_t>(prev_line))
        err_ += " (a missing ',' at the end of line " + std::to_string(prev_line + 1) + "?)";
    }
    return false;
  }
  void Ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  bool String(std::string_view* raw) {
    if (i_ >= s_.size() || s_[i_] != '"') return Fail("expected a string");
    size_t b = ++i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c == '\n') return Fail("string not closed before the end of the line");
      if (c < 0x20) return Fail("control character in a string");
      if (c == '\\') {
        if (++i_ >= s_.size()) break;
        char e = s_[i_];
        if (e == 'u') {
          for (int k = 1; k <= 4; ++k)
            if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k])))
              return Fail("bad \\u escape in a string");
          i_ += 4;
        } else if (!std::strchr("\"\\/bfnrt", e)) {
          return Fail(std::string("bad escape \\") + e + " in a string (write \\\\ for a backslash)");
        }
      }
      ++i_;
    }
    if (i_ >= s_.size()) return Fail("string not closed");
    *raw = s_.substr(b, i_ - b);
    ++i_;
    return true;
  }
  bool Number() {
    size_t b = i_;
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) { i_ = b; return Fail("expected a value"); }
    if (s_[i_] == '0') ++i_;
    else while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) return Fail("bad number");
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) return Fail("bad number");
      while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    return true;
  }
  bool Value(int depth, Role role) {
    if (depth > 256) return Fail("nesting too deep");
    if (i_ >= s_.size()) return Fail("unexpected end of file");
    char c = s_[i_];
    if (c == '{') return Object(depth, role);
    if (c == '[') return Array(depth, role);
    if (c == '"') { std::string_view sv; return String(&sv); }
    for (const char* lit : {"true", "false", "null"}) {
      size_t n = std::strlen(lit);
      if (s_.compare(i_, n, lit) == 0) { i_ += n; return true; }
    }
    return Number();
  }
  bool Object(int depth, Role role) {
    ++i_;  // '{'
    Ws();
    if (i_ < s_.size() && s_[i_] == '}') { ++i_; return true; }
    for (;;) {
      Ws();
      size_t key_at = i_;
      std::string_view key;
      if (i_ < s_.size() && s_[i_] == '}') return Fail("trailing comma before '}'");
      if (i_ < s_.size() && s_[i_] != '"') return Fail("expected a \"key\"");
      if (!String(&key)) return false;
      Ws();
      if (i_ >= s_.size() || s_[i_] != ':') return Fail("expected ':' after a key");
      ++i_;
      Ws();
      Role sub = Role::kOther;
      if (role == Role::kTop && key == "rules") sub = Role::kRules;
      if (role == Role::kTop && key == "macros") sub = Role::kTopMacros;
      if (role == Role::kRule && key == "examples") sub = Role::kExamples;
      if (role == Role::kRule && key == "counter_examples") sub = Role::kCounters;
      if (role == Role::kRule && key == "id" && loc_->rules.back().id == std::string::npos)
        loc_->rules.back().id = key_at;
      if (role == Role::kTopMacros) loc_->macros.emplace(std::string(key), key_at);
      if (!Value(depth + 1, sub)) return false;
      Ws();
      if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
      if (i_ < s_.size() && s_[i_] == '}') { ++i_; return true; }
      return Fail("expected ',' or '}' after a value in an object");
    }
  }
  bool Array(int depth, Role role) {
    ++i_;  // '['
    Ws();
    if (i_ < s_.size() && s_[i_] == ']') { ++i_; return true; }
    for (;;) {
      Ws();
      if (i_ < s_.size() && s_[i_] == ']') return Fail("trailing comma before ']'");
      Role sub = Role::kOther;
      if (role == Role::kRules) {
        loc_->rules.emplace_back();
        loc_->rules.back().begin = i_;
        sub = Role::kRule;
      } else if (role == Role::kExamples && !loc_->rules.empty()) {
        loc_->rules.back().examples.push_back(i_);
      } else if (role == Role::kCounters && !loc_->rules.empty()) {
        loc_->rules.back().counter_examples.push_back(i_);
      }
      if (!Value(depth + 1, sub)) return false;
      Ws();
      if (i_ < s_.size() && s_[i_] == ',') { ++i_; continue; }
      if (i_ < s_.size() && s_[i_] == ']') { ++i_; return true; }
      return Fail("expected ',' or ']' after a value in an array");
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  FileLoc* loc_ = nullptr;
  std::string err_;
  size_t at_ = 0;
};

// Parses comment-stripped `clean` into `root` (with `parser`) and fills *loc.
// Errors name name:line.
Status ParseJson(const std::string& clean, const std::string& name, simdjson::dom::parser* parser,
                 element* root, FileLoc* loc) {
  Scanner sc(clean);
  size_t err_at = 0;
  std::string why;
  bool syntax_ok = sc.Run(loc, &err_at, &why);
  auto err = parser->parse(clean).get(*root);
  if (!syntax_ok)
    return Status::InvalidInput(name + ":" + std::to_string(LineOf(clean, err_at)) + ": malformed JSON: " + why);
  if (err)  // e.g. invalid UTF-8, which the scanner does not check
    return Status::InvalidInput(name + ": malformed JSON: " + simdjson::error_message(err));
  return Status::Ok();
}

std::string ToText(element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::STRING: return std::string(std::string_view(e));
    case simdjson::dom::element_type::INT64: return std::to_string(int64_t(e));
    case simdjson::dom::element_type::UINT64: return std::to_string(uint64_t(e));
    case simdjson::dom::element_type::DOUBLE: {
      char b[40];
      std::snprintf(b, sizeof b, "%.15g", double(e));
      return b;
    }
    case simdjson::dom::element_type::BOOL: return bool(e) ? "true" : "false";
    default: return "";
  }
}

// ------------------------------------------------------------ macros

bool IsMacroName(std::string_view s) {
  if (s.empty() || !(s[0] >= 'A' && s[0] <= 'Z')) return false;
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

using Macros = std::map<std::string, std::string>;

// Expands {NAME} in `in` recursively into *out. `stack` holds the macros
// being expanded (for cycles). Only `{` + UPPER_CASE identifier + `}` is a
// macro: repetitions ({2,4}), \p{Han}, \x{10FFFF} and escaped \{ stay.
bool Expand(std::string_view in, const Macros& macros, std::vector<std::string>* stack, std::string* out,
            std::string* err) {
  size_t i = 0;
  while (i < in.size()) {
    if (in[i] == '\\' && i + 1 < in.size()) {
      char e = in[i + 1];
      if ((e == 'p' || e == 'P' || e == 'x') && i + 2 < in.size() && in[i + 2] == '{') {
        size_t close = in.find('}', i + 2);
        size_t n = close == std::string_view::npos ? in.size() - i : close + 1 - i;
        out->append(in.substr(i, n));
        i += n;
      } else {
        out->append(in.substr(i, 2));
        i += 2;
      }
      continue;
    }
    if (in[i] == '{') {
      size_t close = in.find('}', i);
      if (close != std::string_view::npos) {
        std::string name(in.substr(i + 1, close - i - 1));
        if (IsMacroName(name)) {
          auto it = macros.find(name);
          if (it == macros.end()) {
            *err = "unknown macro {" + name + "}";
            if (!stack->empty()) *err += " (in macro {" + stack->back() + "})";
            return false;
          }
          if (std::find(stack->begin(), stack->end(), name) != stack->end()) {
            *err = "macro cycle: ";
            for (const std::string& s : *stack) *err += "{" + s + "} -> ";
            *err += "{" + name + "} (a macro refers to itself)";
            return false;
          }
          stack->push_back(name);
          out->append("(?:");
          if (!Expand(it->second, macros, stack, out, err)) return false;
          out->append(")");
          stack->pop_back();
          i = close + 1;
          continue;
        }
      }
    }
    out->push_back(in[i++]);
  }
  return true;
}

// Reads one "macros" object into *macros; `where(name)` gives "file:line" of a macro.
template <typename Where>
Status ReadMacros(object m, const Where& where, Macros* macros) {
  for (auto [k, v] : m) {
    std::string key(k);
    std::string_view sv;
    if (!IsMacroName(key))
      return Status::InvalidInput(where(key) + ": macro name '" + key +
                                  "' must be UPPER_CASE letters, digits and _ (starting with a letter)");
    if (v.get_string().get(sv)) return Status::InvalidInput(where(key) + ": macro " + key + " is not a string");
    (*macros)[key] = std::string(sv);
  }
  return Status::Ok();
}

// Every macro of `names` must expand and compile alone, so that a broken
// macro is named even before (or without) a rule using it.
template <typename Where>
Status CheckMacros(const std::vector<std::string>& names, const Macros& macros, const Where& where,
                   int64_t max_mem) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(max_mem);
  for (const std::string& n : names) {
    std::string pat, err;
    std::vector<std::string> stack{n};
    if (!Expand(macros.at(n), macros, &stack, &pat, &err))
      return Status::InvalidInput(where(n) + ": macro " + n + ": " + err);
    RE2 re(pat, o);
    if (!re.ok()) return Status::InvalidInput(where(n) + ": macro " + n + ": " + re.error());
  }
  return Status::Ok();
}

// The shared macros: macros.json beside the family file, if present.
Status LoadSharedMacros(const std::string& path, Macros* macros, int64_t max_mem) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Ok();  // optional
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string clean = StripComments(text);
  simdjson::dom::parser parser;
  element root;
  FileLoc loc;
  if (Status s = ParseJson(clean, path, &parser, &root, &loc); !s.ok()) return s;
  object obj, m;
  if (root.get_object().get(obj) || obj["macros"].get_object().get(m))
    return Status::InvalidInput(path + ":1: expected {\"macros\": {\"NAME\": \"pattern\", ...}}");
  auto where = [&](const std::string& n) {
    auto it = loc.macros.find(n);
    return path + ":" + std::to_string(it == loc.macros.end() ? 1 : LineOf(clean, it->second));
  };
  Macros mine;
  if (Status s = ReadMacros(m, where, &mine); !s.ok()) return s;
  std::vector<std::string> names;
  for (const auto& [k, v] : mine) names.push_back(k);
  if (Status s = CheckMacros(names, mine, where, max_mem); !s.ok()) return s;
  *macros = std::move(mine);
  return Status::Ok();
}

std::string Dirname(const std::string& path) {
  size_t s = path.rfind('/');
  return s == std::string::npos ? "." : path.substr(0, s);
}

std::string Stem(const std::string& path) {
  size_t s = path.rfind('/');
  std::string base = s == std::string::npos ? path : path.substr(s + 1);
  size_t d = base.find('.');
  return d == std::string::npos ? base : base.substr(0, d);
}

// ------------------------------------------------------------ rules

const std::set<std::string>& TopKeys() {
  static const std::set<std::string> k = {"family", "macros", "rules", "comment", "description", "note"};
  return k;
}

const std::set<std::string>& RuleKeys() {
  static const std::set<std::string> k = {"id", "kind", "priority", "pattern", "attrs", "examples",
                                          "counter_examples", "groups", "comment", "note", "description"};
  return k;
}

Status ParseExample(element e, bool counter, const std::string& where, RuleExample* ex) {
  ex->must_match = !counter;
  object o;
  std::string_view sv;
  if (e.get_string().get(sv) == simdjson::SUCCESS) {
    ex->text = std::string(sv);
  } else if (e.get_object().get(o) == simdjson::SUCCESS) {
    for (auto [k, v] : o) {
      std::string key(k);
      if (key == "text") {
        if (v.get_string().get(sv)) return Status::InvalidInput(where + ": example 'text' must be a string");
        ex->text = std::string(sv);
      } else if (key == "match") {
        if (v.get_string().get(sv)) return Status::InvalidInput(where + ": example 'match' must be a string");
        ex->match = std::string(sv);
      } else if (key == "must_match") {
        bool b;
        if (v.get_bool().get(b)) return Status::InvalidInput(where + ": example 'must_match' must be true or false");
        ex->must_match = counter ? false : b;
      } else if (key == "expect") {
        object x;
        if (v.get_object().get(x)) return Status::InvalidInput(where + ": example 'expect' must be an object");
        for (auto [xk, xv] : x) {
          if (xv.is_object() || xv.is_array() || xv.is_null())
            return Status::InvalidInput(where + ": example 'expect' field '" + std::string(xk) +
                                        "' must be a string, number or boolean");
          ex->expect[std::string(xk)] = ToText(xv);
        }
      } else if (key == "date") {
        if (v.get_string().get(sv)) return Status::InvalidInput(where + ": example 'date' must be a string YYYY-MM-DD");
        ex->expect["@date"] = std::string(sv);
      } else if (key != "comment" && key != "note") {
        return Status::InvalidInput(where + ": unknown example field '" + key + "'");
      }
    }
  } else {
    return Status::InvalidInput(where + ": an example is a string or an object with \"text\"");
  }
  if (ex->text.empty()) return Status::InvalidInput(where + ": example without 'text'");
  return Status::Ok();
}

// Decodes the UTF-8 character at text[*i] and advances *i (an invalid byte
// reads as itself; normalised text is valid UTF-8).
char32_t NextChar(std::string_view text, size_t* i) {
  unsigned char c = static_cast<unsigned char>(text[*i]);
  if (c < 0x80) { ++*i; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1 || *i + n > text.size()) { ++*i; return c; }
  char32_t cp = n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[*i + k]) & 0x3F);
  *i += n;
  return cp;
}

// Runs `set` over `text`; *hits gets the rule indices (through `rule_of`)
// it names, sorted. If the Set's DFA runs out of memory, every rule of the
// Set is named (slow, never silently nothing).
void MatchSet(const RE2::Set& set, std::string_view text, const std::vector<int>& rule_of, FindStats* stats,
              std::vector<int>* hits) {
  hits->clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!set.Match(re2::StringPiece(text.data(), text.size()), hits, &info)) {
    hits->clear();
    if (info.kind != RE2::Set::kOutOfMemory) return;
    hits->resize(rule_of.size());
    for (size_t i = 0; i < hits->size(); ++i) (*hits)[i] = static_cast<int>(i);
    if (stats) ++stats->set_out_of_memory;
  }
  for (int& h : *hits) h = rule_of[h];
}

// A load-time check of the scope analysis: every match a windowed rule
// finds in its own examples holds a trigger and no clause break.
Status CheckScope(const Rule& r, const RE2& re, const RuleScope& scope) {
  for (const RuleExample& ex : r.examples) {
    re2::StringPiece in(ex.text), m;
    size_t pos = 0;
    while (pos < ex.text.size() && re.Match(in, pos, ex.text.size(), RE2::UNANCHORED, &m, 1)) {
      size_t b = m.data() - ex.text.data(), e = b + m.size();
      bool trigger = false, breaks = false;
      for (size_t i = b; i < e;) {
        char32_t c = NextChar(ex.text, &i);
        trigger = trigger || std::binary_search(scope.triggers.begin(), scope.triggers.end(), c);
        breaks = breaks || IsClauseBreak(c, ex.text, i);
      }
      if (!trigger || breaks)
        return Status::Internal(r.file + ":" + std::to_string(ex.line) + ": rule " + r.id + ": its match '" +
                                std::string(m.data(), m.size()) + "' in this example " +
                                (breaks ? "crosses a clause break" : "holds none of the characters") +
                                " the engine's scope analysis (rule_scope.cc) says every match needs: a bug "
                                "there; nothing is loaded");
      pos = e > b ? e : b + 1;
    }
  }
  return Status::Ok();
}

// The literal pattern a rule may contribute to its family's Sets instead of
// its own (RuleSetOptions::literal_sets): the strings every match of the
// rule holds, as RE2's prefilter (FilteredRE2) finds them, joined as one
// case-blind alternation. The prefilter is an AND/OR formula over these
// strings that every match satisfies; a line satisfying it holds at least
// one of them, so the alternation names every line the rule can match
// (a superset, as the opened pattern is). Strings shorter than `min_bytes`
// are left out as the prefilter leaves them out: dropped from an AND (in
// `\d+元` only 元 stays), and an OR holding one needs no string at all.
// Empty when no string is needed (every match could hold none).
std::string LiteralSetPattern(const std::string& pattern, size_t min_bytes) {
  re2::FilteredRE2 filter(static_cast<int>(std::max<size_t>(min_bytes, 1)));
  RE2::Options o;
  o.set_log_errors(false);
  int id = -1;
  if (filter.Add(pattern, o, &id) != RE2::NoError) return "";
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::vector<int> unfiltered;
  filter.AllPotentials({}, &unfiltered);
  if (atoms.empty() || !unfiltered.empty()) return "";
  std::string out = "(?i:";
  for (size_t k = 0; k < atoms.size(); ++k) {
    if (k) out += '|';
    out += RE2::QuoteMeta(atoms[k]);
  }
  return out + ")";
}

}  // namespace

Status RuleSet::Impl::BuildSets(const RuleSetOptions& opts) {
  trigger_bits.assign(kTriggerBits / 64, 0);
  std::vector<int> line_rules, window_rules;
  for (size_t i = 0; i < rules.size(); ++i) {
    RuleScope sc = opts.windows ? AnalyzeRuleScope(rules[i].pattern) : RuleScope{false, {}, "windows off"};
    if (sc.windowed) {
      if (Status s = CheckScope(rules[i], *res[i], sc); !s.ok()) return s;
      window_rules.push_back(static_cast<int>(i));
      for (char32_t c : sc.triggers) {
        if (c < kTriggerBits) trigger_bits[c >> 6] |= uint64_t{1} << (c & 63);
        else trigger_high.push_back(c);
      }
    } else {
      line_rules.push_back(static_cast<int>(i));
    }
    scopes.push_back(std::move(sc));
  }
  std::sort(trigger_high.begin(), trigger_high.end());
  trigger_high.erase(std::unique(trigger_high.begin(), trigger_high.end()), trigger_high.end());
  RE2::Options so;
  so.set_log_errors(false);
  so.set_max_mem(opts.max_mem);
  so.set_longest_match(false);
  // Each scope's rules go to two kinds of Set: those entered by their
  // literals (opts.literal_sets) and those entered by their opened pattern.
  // A Set of literals builds few DFA states whatever the text; mixing the
  // two kinds in one Set would multiply their states.
  auto build = [&](const std::vector<int>& which, std::vector<Part>* parts) -> Status {
    std::vector<std::pair<int, std::string>> literal, opened;
    for (int i : which) {
      std::string lit = opts.literal_sets ? LiteralSetPattern(rules[i].pattern, opts.literal_min_bytes) : "";
      if (!lit.empty()) literal.emplace_back(i, std::move(lit));
      else opened.emplace_back(i, SetPattern(rules[i].pattern, opts.trim_set_patterns));
    }
    const size_t per_set = opts.max_set_rules;
    for (const auto* members : {&opened, &literal}) {
      for (size_t first = 0; first < members->size();) {
        size_t n = per_set == 0 ? members->size() : std::min(per_set, members->size() - first);
        Part part;
        part.set = std::make_unique<RE2::Set>(so, RE2::UNANCHORED);
        for (size_t k = first; k < first + n; ++k) {
          const auto& [i, pattern] = (*members)[k];
          std::string err;
          if (part.set->Add(pattern, &err) < 0)
            return Status::InvalidInput(file + ":" + std::to_string(rules[i].line) + ": rule " + rules[i].id + ": " + err);
          part.rule_of.push_back(i);
        }
        first += n;
        if (!part.set->Compile())
          return Status::InvalidInput(file + ": pattern too large - compile failed: the family's " +
                                      std::to_string(part.rule_of.size()) + " rules do not fit the RE2::Set memory budget of " +
                                      std::to_string(opts.max_mem >> 10) + " KiB (raise RuleSetOptions::max_mem)");
        parts->push_back(std::move(part));
      }
    }
    return Status::Ok();
  };
  if (Status s = build(line_rules, &line_parts); !s.ok()) return s;
  if (Status s = build(window_rules, &window_parts); !s.ok()) return s;
  return Status::Ok();
}

void RuleSet::Impl::FindWindows(std::string_view line, std::vector<std::pair<size_t, size_t>>* windows) const {
  windows->clear();
  size_t clause = 0;           // where the current clause begins
  bool trigger = false;        // the current clause holds a trigger
  bool joined = false;         // the previous clause was a window: extend it
  for (size_t i = 0; i < line.size();) {
    size_t at = i;
    char32_t c = NextChar(line, &i);
    if (IsClauseBreak(c, line, i)) {
      if (trigger) {
        if (joined) windows->back().second = at;
        else windows->emplace_back(clause, at);
      }
      joined = trigger;
      trigger = false;
      clause = i;
    } else if (!trigger && IsTrigger(c)) {
      trigger = true;
    }
  }
  if (trigger) {
    if (joined) windows->back().second = line.size();
    else windows->emplace_back(clause, line.size());
  }
}

std::string SetPatternOf(std::string_view pattern, bool trim) { return SetPattern(pattern, trim); }
std::string LiteralSetPatternOf(const std::string& pattern, size_t min_bytes) {
  return LiteralSetPattern(pattern, min_bytes);
}

std::string_view RuleMatch::Group(std::string_view name) const {
  for (const auto& [n, v] : groups)
    if (n == name) return v;
  return {};
}

bool RuleMatch::Has(std::string_view name) const {
  for (const auto& [n, v] : groups)
    if (n == name) return true;
  return false;
}

RuleSet::RuleSet() : impl_(std::make_unique<Impl>()) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const std::string& RuleSet::family() const { return impl_->family; }
const std::string& RuleSet::file() const { return impl_->file; }
const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }
const RuleScope& RuleSet::Scope(size_t i) const { return impl_->scopes.at(i); }
const Rule* RuleSet::FindRule(std::string_view id) const {
  for (const Rule& r : impl_->rules)
    if (r.id == id) return &r;
  return nullptr;
}

Result<RuleSet> RuleSet::LoadFile(const std::string& path, const RuleSetOptions& opts) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the rule file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return LoadString(text, path, opts);
}

Result<RuleSet> RuleSet::LoadString(std::string_view json, const std::string& name, const RuleSetOptions& opts) {
  RuleSet rs;
  Impl& im = *rs.impl_;
  im.file = name;
  im.family = Stem(name);
  const std::string clean = StripComments(json);

  Macros macros;
  if (Status s = LoadSharedMacros(Dirname(name) + "/macros.json", &macros, opts.rule_max_mem); !s.ok()) return s;

  simdjson::dom::parser parser;
  element root;
  FileLoc loc;
  if (Status s = ParseJson(clean, name, &parser, &root, &loc); !s.ok()) return s;
  const LineIndex lines(clean);
  auto line_at = [&](size_t off) { return name + ":" + std::to_string(lines.LineOf(off)); };

  object top;
  if (root.get_object().get(top)) return Status::InvalidInput(name + ":1: the file must be one JSON object");
  for (auto [k, v] : top)
    if (!TopKeys().count(std::string(k)))
      return Status::InvalidInput(name + ": unknown top-level field '" + std::string(k) +
                                  "' (expected family, macros, rules)");
  std::string_view sv;
  element fe;
  if (top["family"].get(fe) == simdjson::SUCCESS) {
    if (fe.get_string().get(sv)) return Status::InvalidInput(name + ": \"family\" must be a string");
    im.family = std::string(sv);
  }
  if (top["macros"].get(fe) == simdjson::SUCCESS) {
    object fm;
    if (fe.get_object().get(fm)) return Status::InvalidInput(name + ": \"macros\" must be an object");
    auto where = [&](const std::string& n) {
      auto it = loc.macros.find(n);
      return it == loc.macros.end() ? name : line_at(it->second);
    };
    Macros mine;
    if (Status s = ReadMacros(fm, where, &mine); !s.ok()) return s;
    std::vector<std::string> names;
    for (auto& [k, v] : mine) {
      names.push_back(k);
      macros[k] = v;  // a file's own macro overrides a shared one
    }
    if (Status s = CheckMacros(names, macros, where, opts.rule_max_mem); !s.ok()) return s;
  }
  simdjson::dom::array rules;
  if (top["rules"].get(fe)) return Status::InvalidInput(name + ":1: no \"rules\" array");
  if (fe.get_array().get(rules)) return Status::InvalidInput(name + ": \"rules\" must be an array");

  RE2::Options ro2;
  ro2.set_log_errors(false);
  ro2.set_max_mem(opts.rule_max_mem);
  std::map<std::string, int> line_of_id;
  size_t index = 0;
  for (element re : rules) {
    if (opts.max_rules > 0 && index >= opts.max_rules) break;
    const RuleLoc& rl = loc.rules.at(index++);  // the scanner saw the same array
    Rule r;
    r.file = name;
    r.line = lines.LineOf(rl.id != std::string::npos ? rl.id : rl.begin);
    std::string where = line_at(rl.id != std::string::npos ? rl.id : rl.begin);
    object ro;
    if (re.get_object().get(ro))
      return Status::InvalidInput(where + ": rule #" + std::to_string(index) + " must be a JSON object");
    if (ro["id"].get(fe)) return Status::InvalidInput(where + ": rule #" + std::to_string(index) + " has no \"id\"");
    if (fe.get_string().get(sv) || sv.empty())
      return Status::InvalidInput(where + ": rule #" + std::to_string(index) + ": \"id\" must be a non-empty string");
    r.id = std::string(sv);
    where += ": rule " + r.id;
    if (auto [it, fresh] = line_of_id.emplace(r.id, r.line); !fresh)
      return Status::InvalidInput(where + ": duplicate rule id (first at line " + std::to_string(it->second) + ")");
    for (auto [k, v] : ro)
      if (!RuleKeys().count(std::string(k)))
        return Status::InvalidInput(where + ": unknown field '" + std::string(k) + "'");

    if (ro["kind"].get(fe)) return Status::InvalidInput(where + ": missing \"kind\"");
    if (fe.get_string().get(sv) || sv.empty()) return Status::InvalidInput(where + ": \"kind\" must be a non-empty string");
    r.kind = std::string(sv);
    if (ro["pattern"].get(fe)) return Status::InvalidInput(where + ": missing \"pattern\"");
    if (fe.get_string().get(sv)) return Status::InvalidInput(where + ": \"pattern\" must be a string");
    if (sv.empty()) return Status::InvalidInput(where + ": empty \"pattern\"");
    r.source_pattern = std::string(sv);
    if (ro["priority"].get(fe) == simdjson::SUCCESS) {
      int64_t pri = 0;
      if (fe.get_int64().get(pri) || pri < INT_MIN || pri > INT_MAX)
        return Status::InvalidInput(where + ": \"priority\" must be a whole number");
      r.priority = static_cast<int>(pri);
    }
    if (ro["attrs"].get(fe) == simdjson::SUCCESS) {
      object attrs;
      if (fe.get_object().get(attrs)) return Status::InvalidInput(where + ": \"attrs\" must be an object");
      for (auto [k, v] : attrs) {
        if (v.is_object() || v.is_array() || v.is_null())
          return Status::InvalidInput(where + ": attr '" + std::string(k) + "' must be a string, number or boolean");
        r.attrs[std::string(k)] = ToText(v);
      }
    }
    object group_doc;
    bool has_group_doc = false;
    if (ro["groups"].get(fe) == simdjson::SUCCESS) {
      if (fe.get_object().get(group_doc)) return Status::InvalidInput(where + ": \"groups\" must be an object");
      has_group_doc = true;
    }
    for (bool counter : {false, true}) {
      const char* list = counter ? "counter_examples" : "examples";
      const std::vector<size_t>& at = counter ? rl.counter_examples : rl.examples;
      simdjson::dom::array exs;
      if (ro[list].get(fe) != simdjson::SUCCESS) continue;
      if (fe.get_array().get(exs)) return Status::InvalidInput(where + ": \"" + list + "\" must be an array");
      size_t k = 0;
      for (element e : exs) {
        RuleExample ex;
        size_t off = k < at.size() ? at[k] : rl.begin;
        ++k;
        ex.line = lines.LineOf(off);
        if (Status s = ParseExample(e, counter, line_at(off) + ": rule " + r.id, &ex); !s.ok()) return s;
        r.examples.push_back(std::move(ex));
      }
    }

    std::string err;
    std::vector<std::string> stack;
    if (!Expand(r.source_pattern, macros, &stack, &r.pattern, &err)) return Status::InvalidInput(where + ": " + err);
    auto re2 = std::make_unique<RE2>(r.pattern, ro2);
    if (!re2->ok()) {
      std::string why = re2->error();
      if (re2->error_code() == RE2::ErrorPatternTooLarge)
        why += " (over the memory budget of " + std::to_string(opts.rule_max_mem >> 10) +
               " KiB a rule; simplify the pattern or raise RuleSetOptions::rule_max_mem)";
      return Status::InvalidInput(where + ": " + why);
    }
    std::vector<std::pair<std::string, int>> g;
    for (const auto& [gname, idx] : re2->NamedCapturingGroups()) g.emplace_back(gname, idx);
    std::sort(g.begin(), g.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    if (has_group_doc) {
      for (auto [k, v] : group_doc)
        if (!re2->NamedCapturingGroups().count(std::string(k)))
          return Status::InvalidInput(where + ": \"groups\" documents '" + std::string(k) +
                                      "', which the pattern does not have (write (?P<" + std::string(k) + ">...))");
    }
    im.groups.push_back(std::move(g));
    im.res.push_back(std::move(re2));
    im.rules.push_back(std::move(r));
  }

  if (Status s = im.BuildSets(opts); !s.ok()) return s;
  return rs;
}

std::vector<RuleMatch> RuleSet::FindAll(std::string_view text) const { return FindAll(text, nullptr); }

std::vector<RuleMatch> RuleSet::FindAll(std::string_view text, FindStats* stats) const {
  std::vector<RuleMatch> out;
  const Impl& im = *impl_;
  if (im.rules.empty() || text.empty()) return out;
  std::vector<int> hits;
  std::vector<std::pair<size_t, size_t>> windows;  // [begin, end) bytes of the line
  std::vector<std::pair<int, int>> runs;           // (rule, window; -1: the whole line)
  std::vector<re2::StringPiece> sub;
  for (size_t line_begin = 0; line_begin < text.size();) {
    size_t nl = text.find('\n', line_begin);
    size_t line_end = nl == std::string_view::npos ? text.size() : nl;
    const std::string_view line = text.substr(line_begin, line_end - line_begin);
    const size_t base = line_begin;
    line_begin = line_end + 1;
    if (line.empty()) continue;
    runs.clear();
    if (stats) stats->line_bytes += line.size();
    for (const Impl::Part& part : im.line_parts) {
      MatchSet(*part.set, line, part.rule_of, stats, &hits);
      for (int r : hits) runs.emplace_back(r, -1);
    }
    if (!im.window_parts.empty()) {
      im.FindWindows(line, &windows);
      for (size_t w = 0; w < windows.size(); ++w) {
        if (stats) stats->window_bytes += windows[w].second - windows[w].first;
        const std::string_view window = line.substr(windows[w].first, windows[w].second - windows[w].first);
        for (const Impl::Part& part : im.window_parts) {
          MatchSet(*part.set, window, part.rule_of, stats, &hits);
          for (int r : hits) runs.emplace_back(r, static_cast<int>(w));
        }
      }
    }
    // By rule (file order), each rule's windows in text order.
    std::sort(runs.begin(), runs.end());
    const re2::StringPiece whole(line.data(), line.size());
    int counted = -1;
    for (auto [h, w] : runs) {
      if (stats && h != counted) ++stats->rules_run;
      counted = h;
      const size_t from = w < 0 ? 0 : windows[w].first, to = w < 0 ? line.size() : windows[w].second;
      const RE2& re = *im.res[h];
      int n = re.NumberOfCapturingGroups() + 1;
      sub.assign(n, re2::StringPiece());
      size_t pos = from;
      // The whole line is the context: ^, $ and \b see what a window's edges border on.
      while (pos <= to && re.Match(whole, pos, to, RE2::UNANCHORED, sub.data(), n)) {
        size_t b = sub[0].data() - line.data(), e = b + sub[0].size();
        if (e > b) {
          RuleMatch m;
          m.rule = &im.rules[h];
          m.begin = base + b;
          m.end = base + e;
          for (const auto& [gname, idx] : im.groups[h]) {
            if (sub[idx].data() == nullptr) continue;
            m.groups.emplace_back(gname, std::string_view(sub[idx].data(), sub[idx].size()));
          }
          out.push_back(std::move(m));
          pos = e;
        } else {
          // An empty match: step one UTF-8 character past it.
          pos = b + 1;
          while (pos < to && (static_cast<unsigned char>(line[pos]) & 0xC0) == 0x80) ++pos;
        }
      }
    }
  }
  return out;
}

std::vector<RuleMatch> RuleSet::Resolve(const std::vector<RuleMatch>& candidates,
                                        std::vector<std::pair<RuleMatch, size_t>>* losers) {
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto better = [&](size_t a, size_t b) {  // true if a ranks before b
    const RuleMatch& x = candidates[a];
    const RuleMatch& y = candidates[b];
    size_t lx = x.end - x.begin, ly = y.end - y.begin;
    if (lx != ly) return lx > ly;
    if (x.rule->priority != y.rule->priority) return x.rule->priority > y.rule->priority;
    if (x.begin != y.begin) return x.begin < y.begin;
    if (x.rule->file != y.rule->file) return x.rule->file < y.rule->file;  // candidates of several families
    return std::less<const Rule*>()(x.rule, y.rule);  // one family's rules live in one vector: file order
  };
  std::stable_sort(order.begin(), order.end(), better);
  // Kept spans sorted by begin, to find an overlapping winner in O(log n).
  std::multimap<size_t, size_t> kept_by_begin;  // begin -> candidate index
  std::vector<std::pair<size_t, size_t>> lost;  // candidate, kept candidate it lost to
  for (size_t i : order) {
    const RuleMatch& c = candidates[i];
    size_t beaten_by = SIZE_MAX;
    // Kept spans do not overlap each other, so the only ones that can
    // overlap [c.begin, c.end) are the last starting before c.end and those
    // after it that start before c.end; checking the one before c.begin and
    // the first at/after c.begin suffices.
    auto it = kept_by_begin.lower_bound(c.begin);
    if (it != kept_by_begin.end() && it->first < c.end) beaten_by = it->second;
    if (beaten_by == SIZE_MAX && it != kept_by_begin.begin()) {
      auto prev = std::prev(it);
      if (candidates[prev->second].end > c.begin) beaten_by = prev->second;
    }
    if (beaten_by == SIZE_MAX) kept_by_begin.emplace(c.begin, i);
    else lost.emplace_back(i, beaten_by);
  }
  std::vector<RuleMatch> out;
  std::map<size_t, size_t> pos_of;
  for (const auto& [b, k] : kept_by_begin) {
    pos_of[k] = out.size();
    out.push_back(candidates[k]);
  }
  if (losers)
    for (auto [c, w] : lost) losers->emplace_back(candidates[c], pos_of[w]);
  return out;
}

}  // namespace newskb
