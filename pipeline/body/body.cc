// newskb/pipeline/body/body.cc
//
// Implementation of body extraction; the method is described in body.h.
// Marker phrases come from the boilerplate file; only the thresholds of the
// method (lengths, punctuation counts) are here.

#include "pipeline/body/body.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <fstream>
#include <sstream>

#include "pipeline/text/utf8.h"

namespace newskb {

namespace body_internal {

// Bits a "contains" match can report.
enum : uint8_t {
  kHitEnd = 1,
  kHitEndShort = 2,
  kHitCreditContains = 4,
  kHitBylineContains = 8,
  kHitLeadNotice = 16,
};

// Aho-Corasick automaton over bytes, ASCII case folded. The root has a dense
// transition table; other states keep sorted sparse edges in one flat array.
struct PhraseMatcher {
  struct State {
    uint32_t edges_begin = 0;
    uint32_t edges_count = 0;
    uint32_t fail = 0;
    uint8_t out = 0;  // OR of kHit* of every phrase ending here (fail chain included)
  };
  struct Edge {
    uint8_t byte;
    uint32_t next;
  };
  std::vector<State> states;
  std::vector<Edge> edges;
  uint32_t root_next[256] = {};

  static unsigned char Fold(unsigned char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c;
  }

  uint32_t Step(uint32_t s, unsigned char c) const {
    for (;;) {
      if (s == 0) return root_next[c];
      const State& st = states[s];
      const Edge* b = edges.data() + st.edges_begin;
      const Edge* e = b + st.edges_count;
      // Edge lists are short: linear scan beats binary search.
      for (const Edge* p = b; p != e; ++p)
        if (p->byte == c) return p->next;
      s = st.fail;
    }
  }

  // OR of the hit bits of every phrase occurring in `s`.
  uint8_t Scan(std::string_view s) const {
    uint32_t st = 0;
    uint8_t hits = 0;
    for (unsigned char c : s) {
      st = Step(st, Fold(c));
      hits |= states[st].out;
    }
    return hits;
  }
};

namespace {

std::shared_ptr<const PhraseMatcher> BuildMatcher(
    const std::vector<std::pair<std::string, uint8_t>>& phrases) {
  // Build a trie with map-like temporary edges, then flatten.
  struct TmpState {
    std::vector<std::pair<unsigned char, uint32_t>> next;
    uint8_t out = 0;
    uint32_t fail = 0;
  };
  std::vector<TmpState> t(1);
  for (const auto& [phrase, bit] : phrases) {
    uint32_t s = 0;
    for (unsigned char c0 : phrase) {
      unsigned char c = PhraseMatcher::Fold(c0);
      uint32_t nx = 0;
      for (auto& [b, n] : t[s].next)
        if (b == c) nx = n;
      if (nx == 0) {
        nx = static_cast<uint32_t>(t.size());
        t[s].next.emplace_back(c, nx);
        t.emplace_back();
      }
      s = nx;
    }
    if (s != 0) t[s].out |= bit;
  }
  // BFS for failure links.
  std::vector<uint32_t> queue;
  for (auto& [b, n] : t[0].next) {
    t[n].fail = 0;
    queue.push_back(n);
  }
  auto go = [&t](uint32_t s, unsigned char c) -> uint32_t {
    for (;;) {
      for (auto& [b, n] : t[s].next)
        if (b == c) return n;
      if (s == 0) return 0;
      s = t[s].fail;
    }
  };
  for (size_t qi = 0; qi < queue.size(); ++qi) {
    uint32_t s = queue[qi];
    for (auto& [b, n] : t[s].next) {
      t[n].fail = go(t[s].fail, b);
      if (t[n].fail == n) t[n].fail = 0;
      t[n].out |= t[t[n].fail].out;
      queue.push_back(n);
    }
  }
  auto m = std::make_shared<PhraseMatcher>();
  m->states.resize(t.size());
  for (size_t i = 0; i < t.size(); ++i) {
    auto& st = m->states[i];
    st.fail = t[i].fail;
    st.out = t[i].out;
    st.edges_begin = static_cast<uint32_t>(m->edges.size());
    st.edges_count = static_cast<uint32_t>(t[i].next.size());
    std::sort(t[i].next.begin(), t[i].next.end());
    for (auto& [b, n] : t[i].next) m->edges.push_back({b, n});
  }
  for (auto& [b, n] : t[0].next) m->root_next[b] = n;
  return m;
}

}  // namespace

// A [dateline_prefix] or [editor_suffix] pattern: a sequence of tokens.
struct AffixToken {
  enum Kind : uint8_t { kLit, kText, kDate, kOpen, kClose, kAgency, kSep, kSpace, kDigits };
  Kind kind = kLit;
  bool optional = false;
  std::vector<std::string> alts;  // kLit: the literal, or the alternatives
};
struct AffixPattern {
  std::vector<AffixToken> tokens;
};
struct AffixPatterns {
  std::vector<AffixPattern> prefix;
  std::vector<AffixPattern> suffix;
  std::vector<std::string> agency;
};

}  // namespace body_internal

// ---------------------------------------------------------------------------
// Parsing the marker file.

namespace {

std::string_view TrimAsciiSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string LowerAscii(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return r;
}

// Compiles one affix pattern; returns an error message or "".
std::string CompileAffix(std::string_view src, body_internal::AffixPattern* out) {
  using body_internal::AffixToken;
  bool required = false;
  size_t i = 0;
  while (i < src.size()) {
    size_t brace = src.find('{', i);
    if (brace != i) {
      size_t stop = brace == std::string_view::npos ? src.size() : brace;
      std::string_view lit = src.substr(i, stop - i);
      if (lit.find('}') != std::string_view::npos) return "'}' without '{'";
      AffixToken t;
      t.kind = AffixToken::kLit;
      t.alts.emplace_back(lit);
      out->tokens.push_back(std::move(t));
      required = true;
      i = stop;
      continue;
    }
    size_t close = src.find('}', brace);
    if (close == std::string_view::npos) return "unclosed '{'";
    std::string_view name = src.substr(brace + 1, close - brace - 1);
    i = close + 1;
    AffixToken t;
    if (!name.empty() && name.back() == '?') {
      t.optional = true;
      name.remove_suffix(1);
    }
    if (name == "text") t.kind = AffixToken::kText;
    else if (name == "date") t.kind = AffixToken::kDate;
    else if (name == "open") t.kind = AffixToken::kOpen;
    else if (name == "close") t.kind = AffixToken::kClose;
    else if (name == "agency") t.kind = AffixToken::kAgency;
    else if (name == "sep") t.kind = AffixToken::kSep;
    else if (name == "sp") t.kind = AffixToken::kSpace;
    else if (name == "digits") t.kind = AffixToken::kDigits;
    else if (name.find('|') != std::string_view::npos) {
      t.kind = AffixToken::kLit;
      size_t p = 0;
      for (;;) {
        size_t bar = name.find('|', p);
        std::string_view alt = name.substr(p, bar == std::string_view::npos ? std::string_view::npos : bar - p);
        if (alt.empty()) return "empty alternative in {" + std::string(name) + "}";
        t.alts.emplace_back(alt);
        if (bar == std::string_view::npos) break;
        p = bar + 1;
      }
    } else {
      return "unknown token {" + std::string(name) +
             "} (expected text, date, open, close, agency, sep, sp, digits or a|b)";
    }
    if (!t.optional && (t.kind == AffixToken::kLit || t.kind == AffixToken::kDate ||
                        t.kind == AffixToken::kOpen || t.kind == AffixToken::kAgency))
      required = true;
    out->tokens.push_back(std::move(t));
  }
  if (!required) return "pattern requires no literal, {a|b}, {agency}, {date} or {open}";
  return "";
}

}  // namespace

Result<BodyMarkers> ParseBodyMarkers(std::string_view text, const std::string& name) {
  BodyMarkers m;
  m.name = name;
  std::vector<std::string>* section = nullptr;
  auto affixes = std::make_shared<body_internal::AffixPatterns>();
  size_t line_no = 0, phrases = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = TrimAsciiSpace(text.substr(pos, nl - pos));
    ++line_no;
    pos = nl + 1;
    if (line.empty() || line.front() == '#') continue;
    auto where = [&] { return name + ":" + std::to_string(line_no) + ": "; };
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3)
        return Status::InvalidInput(where() + "malformed section header '" + std::string(line) + "'");
      std::string_view s = line.substr(1, line.size() - 2);
      if (s == "block") section = &m.block;
      else if (s == "teaser") section = &m.teaser;
      else if (s == "end") section = &m.end;
      else if (s == "end_short") section = &m.end_short;
      else if (s == "byline_prefix") section = &m.byline_prefix;
      else if (s == "credit_prefix") section = &m.credit_prefix;
      else if (s == "credit_contains") section = &m.credit_contains;
      else if (s == "byline_contains") section = &m.byline_contains;
      else if (s == "caption_credit") section = &m.caption_credit;
      else if (s == "agency") section = &m.agency;
      else if (s == "dateline_prefix") section = &m.dateline_prefix;
      else if (s == "editor_suffix") section = &m.editor_suffix;
      else if (s == "references_heading") section = &m.references_heading;
      else if (s == "lead_notice") section = &m.lead_notice;
      else if (s == "closing_reference") section = &m.closing_reference;
      else if (s == "author_note") section = &m.author_note;
      else
        return Status::InvalidInput(where() + "unknown section [" + std::string(s) +
                                    "] (expected block, teaser, end, end_short, byline_prefix, "
                                    "credit_prefix, credit_contains, byline_contains, "
                                    "caption_credit, agency, dateline_prefix, editor_suffix, "
                                    "references_heading, lead_notice, closing_reference, author_note)");
      continue;
    }
    if (section == nullptr)
      return Status::InvalidInput(where() + "phrase '" + std::string(line) +
                                  "' before any [section]");
    if (Status st = ValidateUtf8(line); !st.ok()) return st.WithContext(where());
    if (section == &m.dateline_prefix || section == &m.editor_suffix) {
      body_internal::AffixPattern pat;
      std::string err = CompileAffix(line, &pat);
      if (!err.empty())
        return Status::InvalidInput(where() + "pattern '" + std::string(line) + "': " + err);
      (section == &m.dateline_prefix ? affixes->prefix : affixes->suffix).push_back(std::move(pat));
    }
    section->emplace_back(line);
    ++phrases;
  }
  affixes->agency = m.agency;
  for (const auto& list : {&affixes->prefix, &affixes->suffix})
    for (const auto& pat : *list)
      for (const auto& t : pat.tokens)
        if (t.kind == body_internal::AffixToken::kAgency && m.agency.empty())
          return Status::InvalidInput(name + ": a pattern uses {agency} but [agency] is empty");
  m.affixes = std::move(affixes);
  if (phrases == 0) return Status::InvalidInput(name + ": no marker phrases");

  std::sort(m.block.begin(), m.block.end());
  m.block.erase(std::unique(m.block.begin(), m.block.end()), m.block.end());
  for (auto& p : m.caption_credit) p = LowerAscii(p);
  std::sort(m.references_heading.begin(), m.references_heading.end());

  std::vector<std::pair<std::string, uint8_t>> contains;
  for (auto& p : m.end) contains.emplace_back(p, body_internal::kHitEnd);
  for (auto& p : m.end_short) contains.emplace_back(p, body_internal::kHitEndShort);
  for (auto& p : m.credit_contains) contains.emplace_back(p, body_internal::kHitCreditContains);
  for (auto& p : m.byline_contains) contains.emplace_back(p, body_internal::kHitBylineContains);
  for (auto& p : m.lead_notice) contains.emplace_back(p, body_internal::kHitLeadNotice);
  m.matcher = body_internal::BuildMatcher(contains);
  return m;
}

Result<BodyMarkers> LoadBodyMarkers(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open boilerplate marker file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": read error");
  return ParseBodyMarkers(ss.str(), path);
}

const char* LineClassName(LineClass c) {
  switch (c) {
    case LineClass::kBlank: return "blank";
    case LineClass::kBlock: return "block";
    case LineClass::kEnd: return "end";
    case LineClass::kTeaser: return "teaser";
    case LineClass::kCredit: return "credit";
    case LineClass::kByline: return "byline";
    case LineClass::kRepeated: return "repeated";
    case LineClass::kHeadline: return "headline";
    case LineClass::kNav: return "nav";
    case LineClass::kGood: return "good";
    case LineClass::kNearGood: return "near_good";
    case LineClass::kShort: return "short";
    case LineClass::kBad: return "bad";
  }
  return "?";
}

// ---------------------------------------------------------------------------
// Line features and classification.

namespace {

// Thresholds of the method.
constexpr uint32_t kBlockMaxCp = 24;        // a [block] marker line
constexpr uint32_t kEndMaxCp = 160;         // a line an [end] phrase may mark
constexpr uint32_t kEndShortMaxCp = 24;     // a line an [end_short] phrase may mark
constexpr uint32_t kBylineMaxCp = 80;       // byline / credit prefix lines
constexpr uint32_t kSlashBylineMaxCp = 40;  // "name／organisation" lines
constexpr uint32_t kCaptionMaxCp = 140;     // a caption ending in "(credit)"
constexpr uint32_t kCaptionParenMaxCp = 20;
constexpr uint32_t kCaptionTextMaxCp = 40;  // unpunctuated text touching a credit
constexpr uint32_t kHeadlineMaxCp = 80;
constexpr uint32_t kShortMaxCp = 25;
constexpr int kBadStreakBreak = 4;          // bad lines in a row that split a run
constexpr uint32_t kTitleMaxCp = 64;
constexpr int kTitleLookBack = 8;           // non-blank lines before the body
constexpr uint32_t kIssuerMaxCp = 16;      // an issuer's name above a signature date
constexpr int kQuotedMaxLines = 60;         // lines a closing colon may announce

bool IsSpaceCp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == 0x3000 || c == 0xA0 || c == 0x2002 ||
         c == 0x2003 || c == 0x2009 || c == 0x200B || c == 0xFEFF;
}
bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
}
bool IsFinalPunct(char32_t c) {
  return c == 0x3002 /*。*/ || c == 0xFF01 /*！*/ || c == 0xFF1F /*？*/ || c == '!' ||
         c == '?' || c == 0xFF1B /*；*/ || c == ';' || c == 0x2026 /*…*/ || c == 0xFF61 /*｡*/;
}
bool IsInternalPunct(char32_t c) {
  return c == 0xFF0C /*，*/ || c == 0x3001 /*、*/ || c == 0xFF1A /*：*/ || c == 0xFF64;
}
// Closing brackets and quotes skipped when looking for the final punctuation.
bool IsCloser(char32_t c) {
  return c == 0x300D /*」*/ || c == 0x300F /*』*/ || c == 0x201D /*”*/ || c == 0x2019 ||
         c == 0xFF09 /*）*/ || c == ')' || c == ']' || c == 0x300B /*》*/ ||
         c == 0x3009 /*〉*/ || c == 0x3011 /*】*/ || c == '"' || c == '\'';
}
bool IsOpener(char32_t c) {
  return c == 0x300C || c == 0x300E || c == 0x201C || c == 0xFF08 || c == '(' || c == '[' ||
         c == 0x300A || c == 0x3008 || c == 0x3010 || c == 0x3014 || c == '*' ||
         c == 0x2022 /*•*/ || c == 0x30FB /*・*/ || c == 0x25CF /*●*/ || c == 0x25A0 /*■*/ ||
         c == 0x203B /*※*/;
}
bool IsSlash(char32_t c) {
  return c == '/' || c == 0xFF0F /*／*/ || c == 0x2571 /*╱*/ || c == 0x2215 /*∕*/;
}
// Menu and breadcrumb separators: | ｜ > ＞ » ›.
bool IsNavSep(char32_t c) {
  return c == '|' || c == 0xFF5C /*｜*/ || c == '>' || c == 0xFF1E || c == 0xBB || c == 0x203A;
}

// +1 for an opening title or quotation mark, -1 for its closing partner.
int QuoteDepthStep(char32_t c) {
  switch (c) {
    case 0x300A: case 0x3008: case 0x300C: case 0x300E: case 0x201C: return 1;   // 《〈「『“
    case 0x300B: case 0x3009: case 0x300D: case 0x300F: case 0x201D: return -1;  // 》〉」』”
    default: return 0;
  }
}

struct Features {
  uint32_t cp = 0;        // code points without spaces
  uint32_t han = 0;
  uint32_t alpha = 0;     // ASCII letters
  uint32_t final_p = 0;   // sentence-final punctuation (。！？；… and half width)
  uint32_t stops = 0;     // full stops only: 。！？!?
  uint32_t internal_p = 0;
  uint32_t slashes = 0;   // slash-like, not between digits
  uint32_t nav_seps = 0;
  uint32_t time_colons = 0;  // "09:12": a colon between digits
  bool han_space_han = false;
  bool ends_final = false;
  std::string_view trimmed;  // without leading/trailing spaces
};

Features Measure(std::string_view line) {
  Features f;
  // Trim spaces (ASCII and the common Unicode ones) at both ends.
  size_t b = 0, e = line.size();
  while (b < e) {
    size_t len;
    char32_t c = DecodeUtf8(line, b, &len);
    if (!IsSpaceCp(c)) break;
    b += len;
  }
  while (e > b) {
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80) --k;
    size_t len;
    char32_t c = DecodeUtf8(line, k, &len);
    if (!IsSpaceCp(c)) break;
    e = k;
  }
  f.trimmed = line.substr(b, e - b);
  std::string_view s = f.trimmed;
  char32_t prev = 0;        // previous non-space code point
  bool space_since = false;  // a space between prev and this one
  char32_t last_non_closer = 0;
  int quoted = 0;  // depth inside 《》〈〉「」『』“”: a space there belongs to the title quoted
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t c;
    unsigned char u = static_cast<unsigned char>(s[i]);
    if (u < 0x80) { c = u; len = 1; } else { c = DecodeUtf8(s, i, &len); }
    i += len;
    if (IsSpaceCp(c)) { space_since = true; continue; }
    ++f.cp;
    bool han = IsHan(c);
    if (han) {
      ++f.han;
      if (space_since && IsHan(prev) && quoted == 0) f.han_space_han = true;
    } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++f.alpha;
    } else if (IsFinalPunct(c)) {
      ++f.final_p;
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == '!' || c == '?') ++f.stops;
    } else if (IsInternalPunct(c)) {
      ++f.internal_p;
    } else if (c == ',' || c == ':') {
      // "1,000" and "0:00" are numbers, not punctuation.
      bool digit_before = prev >= '0' && prev <= '9' && !space_since;
      if (!digit_before) ++f.internal_p;
      else if (c == ':' && i < s.size() && s[i] >= '0' && s[i] <= '9') ++f.time_colons;
    } else if (IsSlash(c)) {
      bool digit_before = prev >= '0' && prev <= '9' && !space_since;
      bool digit_after = i < s.size() && s[i] >= '0' && s[i] <= '9';
      if (!(digit_before && digit_after)) ++f.slashes;
    } else if (IsNavSep(c)) {
      ++f.nav_seps;
    }
    quoted += QuoteDepthStep(c);
    if (quoted < 0) quoted = 0;
    if (!IsCloser(c)) last_non_closer = c;
    prev = c;
    space_since = false;
  }
  f.ends_final = IsFinalPunct(last_non_closer);
  return f;
}

// Strips opening brackets/bullets at the front.
std::string_view StripOpeners(std::string_view s) {
  while (!s.empty()) {
    size_t len;
    char32_t c = DecodeUtf8(s, 0, &len);
    if (!IsOpener(c) && !IsSpaceCp(c)) break;
    s.remove_prefix(len);
  }
  return s;
}

// For [block]: strips brackets, spaces and trailing : ： > » › at both ends.
std::string_view StripMarkerDecor(std::string_view s) {
  s = StripOpeners(s);
  while (!s.empty()) {
    size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    size_t len;
    char32_t c = DecodeUtf8(s, k, &len);
    if (IsCloser(c) || IsSpaceCp(c) || c == ':' || c == 0xFF1A || c == '>' || c == 0xBB ||
        c == 0x203A || c == 0xFF1E || c == 0x2026 || c == '.')
      s.remove_suffix(s.size() - k);
    else
      break;
  }
  return s;
}

// Called for every line against every marker list: the first byte rules
// out almost every marker before memcmp is called.
inline bool StartsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && (p.empty() || s[0] == p[0]) &&
         std::memcmp(s.data(), p.data(), p.size()) == 0;
}

// `colon_only`: the phrase must be followed by : or ： (a teaser glued onto
// the end of a paragraph, "…工會會留意行業變化。其他報道：【施政報告】…").
bool IsTeaser(std::string_view s, const BodyMarkers& m, bool colon_only = false) {
  s = StripOpeners(s);
  for (const std::string& p : m.teaser) {
    if (!StartsWith(s, p)) continue;
    std::string_view rest = s.substr(p.size());
    if (rest.empty()) continue;
    size_t len;
    char32_t c = DecodeUtf8(rest, 0, &len);
    bool sep = c == ':' || c == 0xFF1A || c == 0x3011 || c == ']' || c == 0x300B || c == '>' ||
               IsNavSep(c) || IsSlash(c) || IsSpaceCp(c) || c == 0xBB;
    if (colon_only) sep = c == ':' || c == 0xFF1A;
    if (!sep) continue;
    rest.remove_prefix(len);
    // Skip further separators/spaces, then require two code points of headline.
    while (!rest.empty()) {
      char32_t d = DecodeUtf8(rest, 0, &len);
      if (!(IsSpaceCp(d) || d == ':' || d == 0xFF1A || d == 0x3011 || d == 0x300B)) break;
      rest.remove_prefix(len);
    }
    if (CountCodePoints(rest) >= 2) return true;
  }
  return false;
}

bool HasPrefix(std::string_view s, const std::vector<std::string>& prefixes) {
  s = StripOpeners(s);
  for (const std::string& p : prefixes)
    if (StartsWith(s, p)) return true;
  return false;
}

// "圖1.", "图 2：", "表3" at the start of a line: a figure or table label.
bool StartsWithFigureLabel(std::string_view s) {
  s = StripOpeners(s);
  static constexpr std::string_view kLabels[] = {"\xE5\x9C\x96" /*圖*/, "\xE5\x9B\xBE" /*图*/,
                                                 "\xE8\xA1\xA8" /*表*/};
  for (std::string_view l : kLabels) {
    if (!StartsWith(s, l)) continue;
    std::string_view rest = s.substr(l.size());
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') return true;
  }
  return false;
}

// "2024-05-01 10:00 来源：...", "2024/5/1", "2024.05.01", "2024年5月1日 ...":
// a dateline or metadata line when short and unpunctuated.
bool StartsWithDate(std::string_view s) {
  if (s.size() < 6) return false;
  for (int k = 0; k < 4; ++k)
    if (s[k] < '0' || s[k] > '9') return false;
  if (s[4] == '-' || s[4] == '/' || s[4] == '.') return s[5] >= '0' && s[5] <= '9';
  return s.substr(4, 3) == "\xE5\xB9\xB4" && s.size() > 7 && s[7] >= '0' && s[7] <= '9';  // 年
}

// "2026年1月20日", "二〇二六年一月二十日", "2026-01-20": a date and nothing else.
bool IsDateOnly(std::string_view s) {
  static constexpr std::string_view kChars[] = {
      "\xE3\x80\x87" /*〇*/, "\xE9\x9B\xB6" /*零*/, "\xE4\xB8\x80", "\xE4\xBA\x8C",
      "\xE4\xB8\x89", "\xE5\x9B\x9B", "\xE4\xBA\x94", "\xE5\x85\xAD", "\xE4\xB8\x83",
      "\xE5\x85\xAB", "\xE4\xB9\x9D", "\xE5\x8D\x81" /*一..十*/, "\xE5\xB9\xB4" /*年*/,
      "\xE6\x9C\x88" /*月*/, "\xE6\x97\xA5" /*日*/, "\xE5\x8F\xB7" /*号*/, "\xE8\x99\x9F" /*號*/};
  size_t cps = 0;
  bool has_year_or_sep = false;
  while (!s.empty()) {
    char ch = s.front();
    if ((ch >= '0' && ch <= '9') || ch == ' ') {
      s.remove_prefix(1);
    } else if (ch == '-' || ch == '/' || ch == '.') {
      has_year_or_sep = true;
      s.remove_prefix(1);
    } else {
      bool found = false;
      for (std::string_view k : kChars)
        if (StartsWith(s, k)) {
          if (k == kChars[12]) has_year_or_sep = true;
          s.remove_prefix(k.size());
          found = true;
          break;
        }
      if (!found) return false;
    }
    if (++cps > 16) return false;
  }
  return cps >= 6 && has_year_or_sep;
}

bool IsImageFileName(std::string_view s) {
  if (s.empty() || s.size() > 200) return false;
  for (char c : s)
    if (c == ' ') return false;
  static constexpr const char* kExt[] = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp"};
  std::string tail = LowerAscii(s.substr(s.size() >= 5 ? s.size() - 5 : 0));
  for (const char* e : kExt) {
    size_t n = std::strlen(e);
    if (tail.size() >= n && tail.compare(tail.size() - n, n, e) == 0) return true;
  }
  return false;
}

// A line ending in "(...)" / "（...）" whose short content names a credit.
// `*before`, when given, receives the text in front of the "(credit)".
bool EndsWithCaptionCredit(std::string_view s, const BodyMarkers& m,
                           std::string_view* before = nullptr) {
  if (s.empty()) return false;
  size_t close_len;
  if (s.back() == ')') close_len = 1;
  else if (s.size() >= 3 && s.substr(s.size() - 3) == "\xEF\xBC\x89") close_len = 3;  // ）
  else return false;
  std::string_view body = s.substr(0, s.size() - close_len);
  size_t open_a = body.rfind('(');
  size_t open_b = body.rfind("\xEF\xBC\x88");  // （
  size_t open;
  size_t open_len;
  if (open_a == std::string_view::npos && open_b == std::string_view::npos) return false;
  if (open_b == std::string_view::npos || (open_a != std::string_view::npos && open_a > open_b)) {
    open = open_a;
    open_len = 1;
  } else {
    open = open_b;
    open_len = 3;
  }
  std::string_view content = body.substr(open + open_len);
  if (content.empty() || CountCodePoints(content) > kCaptionParenMaxCp) return false;
  if (before) *before = body.substr(0, open);
  std::string folded = LowerAscii(content);
  auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  for (const std::string& p : m.caption_credit) {
    bool ascii_word = !p.empty() && is_alpha(p.front()) && is_alpha(p.back());
    for (size_t at = folded.find(p); at != std::string::npos; at = folded.find(p, at + 1)) {
      if (!ascii_word) return true;
      bool left_ok = at == 0 || !is_alpha(folded[at - 1]);
      bool right_ok = at + p.size() >= folded.size() || !is_alpha(folded[at + p.size()]);
      if (left_ok && right_ok) return true;
    }
  }
  return false;
}

// The text of a credited caption reads as a sentence of the article: it ends
// in a full stop and is either longer than a photo label or cut into clauses
// by a comma ("2010年10月31日，中國江蘇省連雲港一港口，工人運送...。(Reuters)").
bool IsSentenceCaption(std::string_view before) {
  while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.remove_suffix(1);
  uint32_t cp = CountCodePoints(before);
  bool has_comma = before.find("\xEF\xBC\x8C") != std::string_view::npos ||  // ，
                   before.find(", ") != std::string_view::npos;
  if (cp <= kCaptionTextMaxCp && !(cp >= 16 && has_comma)) return false;
  for (const char* stop : {"\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", ".", "!", "?"}) {
    size_t n = std::strlen(stop);
    if (before.size() >= n && before.compare(before.size() - n, n, stop) == 0) return true;
  }
  return false;
}

// Splits `s` into clauses at Chinese and ASCII punctuation and calls
// f(clause, code_points) for each clause of 6 code points or more.
template <typename F>
void ForEachClause(std::string_view s, F&& f) {
  static const char* const kCuts[] = {"\xEF\xBC\x8C", "\xE3\x80\x82", "\xEF\xBC\x9B",
                                      "\xEF\xBC\x9A", "\xE3\x80\x81", "\xEF\xBC\x81",
                                      "\xEF\xBC\x9F", ",", ";", ":", "!", "?"};
  size_t i = 0, start = 0;
  auto clause = [&](size_t b, size_t e) {
    std::string_view c = s.substr(b, e - b);
    uint32_t cp = CountCodePoints(c);
    if (cp >= 6) f(c, cp);
  };
  while (i < s.size()) {
    size_t cut_len = 0;
    const unsigned char c0 = static_cast<unsigned char>(s[i]);
    // Every cut starts with an ASCII mark or 0xE3 / 0xEF: other bytes skip
    // the comparisons.
    if (c0 == 0xE3 || c0 == 0xEF || c0 == ',' || c0 == ';' || c0 == ':' || c0 == '!' || c0 == '?') {
      for (const char* k : kCuts) {
        size_t n = std::strlen(k);
        if (s.compare(i, n, k) == 0) { cut_len = n; break; }
      }
    }
    if (cut_len) {
      clause(start, i);
      i += cut_len;
      start = i;
    } else {
      ++i;
    }
  }
  clause(start, s.size());
}

// Whether a sentence caption restates the body: of its clauses (6 code
// points or more, weighted by length), at least half stand as clauses of
// other lines too, or are restated by one other line (LineRestates).
// `clause_count` counts every clause of every line, this caption's own
// included; `other_lines` are the page's other lines. A caption that only restates a sentence of the
// body is dropped; one that adds its own facts (a date, a scene) is kept.
// Whether clause `c` is restated by `line` in other words: at least three
// quarters of its code-point bigrams occur in that line (长荣海运10月营收
// 318.6亿元 against 长荣海运…10日公布10月合并营收新台币318.6亿元).
bool LineRestates(std::string_view line, std::string_view c) {
  uint32_t bigrams = 0, found = 0;
  size_t a = 0;
  while (a < c.size()) {
    size_t b = a + 1;
    while (b < c.size() && (static_cast<unsigned char>(c[b]) & 0xC0) == 0x80) ++b;
    if (b >= c.size()) break;
    size_t e = b + 1;
    while (e < c.size() && (static_cast<unsigned char>(c[e]) & 0xC0) == 0x80) ++e;
    ++bigrams;
    if (line.find(c.substr(a, e - a)) != std::string_view::npos) ++found;
    a = b;
  }
  return bigrams > 0 && found * 4 >= bigrams * 3;
}

// How many lines before and after a caption its restated sentence may stand.
constexpr size_t kCaptionRestateWindow = 200;

bool CaptionRepeatsBody(std::string_view before,
                        const std::unordered_map<std::string_view, uint32_t>& clause_count,
                        const std::vector<std::string_view>& other_lines) {
  uint32_t total = 0, found = 0;
  ForEachClause(before, [&](std::string_view c, uint32_t cp) {
    total += cp;
    auto it = clause_count.find(c);
    bool repeated = it != clause_count.end() && it->second >= 2;
    for (size_t j = 0; !repeated && j < other_lines.size(); ++j) repeated = LineRestates(other_lines[j], c);
    if (repeated) found += cp;
  });
  return total > 0 && found * 2 >= total;
}

bool IsBlockMarker(std::string_view s, const BodyMarkers& m) {
  std::string_view core = StripMarkerDecor(s);
  if (core.empty()) return false;
  return std::binary_search(m.block.begin(), m.block.end(), core,
                            [](const auto& a, const auto& b) {
                              return std::string_view(a) < std::string_view(b);
                            });
}

// A closing reference line: [closing_reference] phrase, an optional : or ：,
// then reference numbers (ASCII letters and digits and what separates them,
// at most kClosingReferenceMaxCp code points, at least one digit, no
// sentence punctuation); the whole line may stand in brackets:
// "案件編號：WKCC813/2021", "【案件編號：HCCP354/2020、HCCP99/2020（已合併）】".
constexpr uint32_t kClosingReferenceMaxCp = 80;

bool IsClosingReference(std::string_view s, const BodyMarkers& m) {
  s = StripOpeners(s);
  for (const std::string& p : m.closing_reference) {
    if (!StartsWith(s, p)) continue;
    std::string_view rest = s.substr(p.size());
    if (CountCodePoints(rest) > kClosingReferenceMaxCp) return false;
    bool digit = false;
    for (size_t i = 0; i < rest.size();) {
      size_t len;
      char32_t c = DecodeUtf8(rest, i, &len);
      i += len;
      if (c >= '0' && c <= '9') digit = true;
      if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0C || c == '!' || c == '?')
        return false;  // 。！？， : a sentence, not a reference
    }
    return digit;
  }
  return false;
}

// A note on the author: the line starts with an [author_note] phrase
// ("作者為退休建築師", "筆者為前區議員") and has at most kAuthorNoteMaxCp
// code points.
constexpr uint32_t kAuthorNoteMaxCp = 160;

bool IsAuthorNote(const Features& f, const BodyMarkers& m) {
  return f.cp <= kAuthorNoteMaxCp && HasPrefix(f.trimmed, m.author_note);
}

bool IsReferencesHeading(std::string_view s, const BodyMarkers& m) {
  std::string_view core = StripMarkerDecor(s);
  if (core.empty()) return false;
  return std::binary_search(m.references_heading.begin(), m.references_heading.end(), core,
                            [](const auto& a, const auto& b) {
                              return std::string_view(a) < std::string_view(b);
                            });
}

// A bibliographic citation: at most kCitationMaxCp code points holding a
// title in 《》 or 〈〉 and a page ("第147頁", "頁354", "p. 12") or a year
// (19xx or 20xx): "張麗琴著：《歐洲集體談判研究》，第147頁。",
// "《市政局的前世今生》 (大學線月刊，18/12/2016)".
constexpr uint32_t kCitationMaxCp = 200;

bool IsCitation(std::string_view s) {
  if (CountCodePoints(s) > kCitationMaxCp) return false;
  bool title = s.find("\xE3\x80\x8A") != std::string_view::npos ||  // 《
               s.find("\xE3\x80\x88") != std::string_view::npos;   // 〈
  if (!title) return false;
  auto digit = [&](size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  for (size_t i = 0; i < s.size(); ++i) {
    bool page = s.compare(i, 3, "\xE9\xA0\x81") == 0 || s.compare(i, 3, "\xE9\xA1\xB5") == 0;  // 頁 页
    if (page && ((i > 0 && digit(i - 1)) || digit(i + 3))) return true;
    if (s.compare(i, 2, "p.") == 0 && (digit(i + 2) || digit(i + 3))) return true;
    if ((s.compare(i, 2, "19") == 0 || s.compare(i, 2, "20") == 0) && digit(i + 2) && digit(i + 3) &&
        !digit(i + 4) && (i == 0 || !digit(i - 1)))
      return true;
  }
  return false;
}

// A row of hashtags ("#長榮　#貨櫃航運　#SCFI"): every token, split at
// spaces (IsSpaceCp), starts with # or ＃.
bool IsHashtagLine(std::string_view s) {
  size_t tokens = 0, len = 0;
  bool at_token_start = true;
  for (size_t i = 0; i < s.size(); i += len) {
    char32_t c = DecodeUtf8(s, i, &len);
    if (IsSpaceCp(c)) {
      at_token_start = true;
      continue;
    }
    if (at_token_start) {
      if (c != '#' && c != 0xFF03) return false;
      ++tokens;
      at_token_start = false;
    }
  }
  return tokens > 0;
}

LineClass Classify(const Features& f, const BodyMarkers& m) {
  std::string_view s = f.trimmed;
  if (f.cp == 0) return LineClass::kBlank;
  if (IsHashtagLine(s)) return LineClass::kNav;
  if (f.cp <= kBlockMaxCp && IsBlockMarker(s, m)) return LineClass::kBlock;
  uint8_t hits = 0;
  if (f.cp <= kEndMaxCp && m.matcher) hits = m.matcher->Scan(s);
  if (hits & body_internal::kHitEnd) return LineClass::kEnd;
  if ((hits & body_internal::kHitEndShort) && f.cp <= kEndShortMaxCp && f.final_p == 0)
    return LineClass::kEnd;
  if (IsTeaser(s, m)) return LineClass::kTeaser;
  // Bylines and credits may hold a ；or … but not a full sentence.
  bool no_final = f.stops == 0;
  if (f.cp <= kBylineMaxCp && no_final) {
    if (StartsWithFigureLabel(s)) return LineClass::kCredit;
    if (HasPrefix(s, m.credit_prefix)) return LineClass::kCredit;
    if (hits & body_internal::kHitCreditContains) return LineClass::kCredit;
    if (HasPrefix(s, m.byline_prefix)) return LineClass::kByline;
    if (hits & body_internal::kHitBylineContains) return LineClass::kByline;
  }
  // A short caption may be a sentence: "剛果（金）的鈷礦。資料圖片".
  if ((hits & body_internal::kHitCreditContains) && f.cp <= kCaptionTextMaxCp)
    return LineClass::kCredit;
  // A dateline: a date with a time ("2026-01-20 09:12 来源：..."), or a date alone.
  if (f.cp <= kSlashBylineMaxCp && no_final && StartsWithDate(s) &&
      (f.time_colons > 0 || f.cp <= 12))
    return LineClass::kByline;
  if (IsImageFileName(s)) return LineClass::kCredit;
  // A credited photo caption. A caption that is a sentence of its own (long,
  // ending in a full stop) is body text unless it repeats the body: that is
  // decided once all lines are known (pass 2b). A short one is a credit.
  std::string_view before;
  if (f.cp <= kCaptionMaxCp && EndsWithCaptionCredit(s, m, &before) &&
      !IsSentenceCaption(before))
    return LineClass::kCredit;
  // "name／organisation", "經濟日報／ 編譯XXX／綜合外電": short, a slash, no sentence.
  if (f.cp <= kSlashBylineMaxCp && f.slashes > 0 && no_final && f.han >= 2 &&
      f.internal_p == 0)
    return LineClass::kByline;

  uint32_t sp = f.final_p + f.internal_p;
  if (f.nav_seps >= 2 && !f.ends_final) return LineClass::kNav;
  if (f.han_space_han && f.cp <= kHeadlineMaxCp && (!f.ends_final || f.internal_p == 0))
    return LineClass::kHeadline;
  if ((f.cp >= 25 && sp >= 2 && f.ends_final) || (f.cp >= 50 && sp >= 3) ||
      (f.cp >= 100 && sp >= 1))
    return LineClass::kGood;
  if ((f.cp >= 5 && f.ends_final) || (f.cp >= 8 && sp >= 2)) return LineClass::kNearGood;
  if (f.cp < kShortMaxCp) return LineClass::kShort;
  return LineClass::kBad;
}

bool IsDropped(LineClass c) {
  return c == LineClass::kTeaser || c == LineClass::kCredit || c == LineClass::kByline ||
         c == LineClass::kRepeated;
}
bool IsBreaker(LineClass c) { return c == LineClass::kBlock || c == LineClass::kEnd; }
bool IsBadish(LineClass c) {
  return c == LineClass::kBad || c == LineClass::kHeadline || c == LineClass::kNav;
}

// Removes a trailing "..." / "…" / "⋯" run; returns true if there was one.
bool StripEllipsis(std::string_view* s) {
  bool any = false;
  for (;;) {
    if (!s->empty() && s->back() == '.') { s->remove_suffix(1); any = true; continue; }
    if (s->size() >= 3) {
      std::string_view t = s->substr(s->size() - 3);
      if (t == "\xE2\x80\xA6" || t == "\xE2\x8B\xAF") { s->remove_suffix(3); any = true; continue; }
    }
    return any;
  }
}

// The number of a note line, "[2] ..." or "［2］..." (1 to 999), else 0.
int NoteNumber(std::string_view s) {
  size_t i = 0;
  bool wide = false;
  if (s.compare(0, 1, "[") == 0) i = 1;
  else if (s.compare(0, 3, "\xEF\xBC\xBB") == 0) i = 3, wide = true;  // ［
  else return 0;
  int n = 0;
  size_t d = i;
  while (d < s.size() && d - i < 3 && s[d] >= '0' && s[d] <= '9') n = n * 10 + (s[d++] - '0');
  if (d == i) return 0;
  bool closed = wide ? s.compare(d, 3, "\xEF\xBC\xBD") == 0 : s.compare(d, 1, "]") == 0;  // ］
  size_t after = d + (wide ? 3 : 1);
  return closed && after < s.size() ? n : 0;
}

// The line ends with ":" or "：" (spaces after it looked past).
bool EndsWithColon(std::string_view s) {
  size_t e = s.find_last_not_of(" \t");
  if (e == std::string_view::npos) return false;
  return s[e] == ':' || (e >= 2 && s.compare(e - 2, 3, "\xEF\xBC\x9A") == 0);
}

bool TitleLike(const Features& f) {
  if (f.cp == 0 || f.cp > kTitleMaxCp || f.han + f.alpha < 6) return false;
  // No full stop: a title may have ！？ or commas, not 。
  if (f.trimmed.find("\xE3\x80\x82") != std::string_view::npos) return false;
  // A line ending in a colon introduces what follows (a form's field label,
  // "4.新任者姓名及簡歷:", "更正前金額/內容/頁次:"): no headline.
  std::string_view t = f.trimmed;
  if (!t.empty() && t.back() == ':') return false;
  return !(t.size() >= 3 && t.substr(t.size() - 3) == "\xEF\xBC\x9A");  // ：
}

// ---------------------------------------------------------------------------
// Step 4: dateline prefixes and editor suffixes.

constexpr size_t kAffixTextMaxCp = 24;    // a {text} gap
constexpr size_t kAffixSuffixMaxCp = 48;  // how far back an editor note may start
constexpr int kAffixMaxRounds = 4;        // affixes cut one after another
constexpr size_t kAffixMinRestCp = 2;     // what must remain of the line

// The closing partner of an opening bracket {open} accepts, 0 for none.
char32_t BracketPartner(char32_t c) {
  switch (c) {
    case 0xFF08: return 0xFF09;  // （）
    case '(': return ')';
    case 0x3010: return 0x3011;  // 【】
    case '[': return ']';
    case 0x3014: return 0x3015;  // 〔〕
    case 0xFF3B: return 0xFF3D;  // ［］
    case 0x3016: return 0x3017;  // 〖〗
    default: return 0;
  }
}
bool IsAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsWideDigit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }
bool IsNumeral(char32_t c) {
  if (IsAsciiDigit(c) || IsWideDigit(c)) return true;
  switch (c) {
    case 0x3007: case 0x96F6: case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB:
    case 0x4E94: case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:
    case 0x5EFF: case 0x5345:  // 〇零一二三四五六七八九十廿卅
      return true;
    default:
      return false;
  }
}
// A code point of a name, place or date inside a dateline or editor note.
bool IsNameChar(char32_t c) {
  if (IsHan(c) || IsSpaceCp(c) || IsSlash(c)) return true;
  if (c < 0x80)
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || IsAsciiDigit(c) || c == '-' || c == '_' ||
           c == '.' || c == '&';
  return IsWideDigit(c) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A) ||
         c == 0x3001 /*、*/ || c == 0xB7 /*·*/ || c == 0x30FB /*・*/ || c == 0x2022 ||
         c == 0x3007 /*〇*/ || c == 0xFF06 /*＆*/;
}
bool IsSepChar(char32_t c) {
  return IsSpaceCp(c) || IsSlash(c) || c == ':' || c == 0xFF1A || c == '|' || c == 0xFF5C;
}

// The code point at s[pos] (pos < s.size()).
char32_t CpAt(std::string_view s, size_t pos, size_t* len) {
  unsigned char u = static_cast<unsigned char>(s[pos]);
  if (u < 0x80) { *len = 1; return u; }
  return DecodeUtf8(s, pos, len);
}
size_t SkipSpaces(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t len;
    if (!IsSpaceCp(CpAt(s, pos, &len))) break;
    pos += len;
  }
  return pos;
}
// End of s without trailing spaces.
size_t TrimEnd(std::string_view s) {
  size_t e = s.size();
  while (e > 0) {
    size_t k = e - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    size_t len;
    if (!IsSpaceCp(CpAt(s, k, &len))) break;
    e = k;
  }
  return e;
}

// "[N年][N月]N日": the end of a date starting at pos, or npos.
size_t MatchDate(std::string_view s, size_t pos) {
  int stage = 0;  // 0: may read 年, 1: may read 月, 2: day only
  while (pos < s.size()) {
    size_t p = pos, len = 0, digits = 0;
    while (p < s.size() && IsNumeral(CpAt(s, p, &len))) { p += len; ++digits; }
    if (digits == 0 || digits > 4 || p >= s.size()) return std::string_view::npos;
    char32_t u = CpAt(s, p, &len);
    if (u == 0x65E5 /*日*/ || u == 0x53F7 /*号*/ || u == 0x865F /*號*/) return p + len;
    if (u == 0x5E74 /*年*/ && stage == 0) stage = 1;
    else if (u == 0x6708 /*月*/ && stage <= 1) stage = 2;
    else return std::string_view::npos;
    pos = p + len;
  }
  return std::string_view::npos;
}

struct AffixMatch {
  std::string_view s;
  const body_internal::AffixPatterns* rules;
  size_t anchor_end;  // the match must end here, npos: anywhere
};

// Backtracking match of tokens[ti..] at pos; gaps are bounded, so the cost
// is small. On success *out is the end of the match.
bool MatchAffix(const body_internal::AffixPattern& p, size_t ti, size_t pos, char32_t want_close,
                const AffixMatch& m, size_t* out) {
  using body_internal::AffixToken;
  std::string_view s = m.s;
  if (ti == p.tokens.size()) {
    if (m.anchor_end != std::string_view::npos && pos != m.anchor_end) return false;
    *out = pos;
    return true;
  }
  const AffixToken& t = p.tokens[ti];
  auto next = [&](size_t at, char32_t close) { return MatchAffix(p, ti + 1, at, close, m, out); };
  const bool gap = t.kind == AffixToken::kText || t.kind == AffixToken::kSep ||
                   t.kind == AffixToken::kSpace || t.kind == AffixToken::kDigits;
  // Gaps handle their own optional (zero-length) case; an optional fixed
  // token is tried first, then skipped.
  auto consume = [&]() -> bool {
    size_t len = 0;
    switch (t.kind) {
      case AffixToken::kLit:
        for (const std::string& a : t.alts)
          if (StartsWith(s.substr(pos), a) && next(pos + a.size(), want_close)) return true;
        return false;
      case AffixToken::kAgency:
        for (const std::string& a : m.rules->agency)
          if (StartsWith(s.substr(pos), a) && next(pos + a.size(), want_close)) return true;
        return false;
      case AffixToken::kDate: {
        size_t e = MatchDate(s, pos);
        return e != std::string_view::npos && next(e, want_close);
      }
      case AffixToken::kOpen: {
        if (pos >= s.size()) return false;
        char32_t close = BracketPartner(CpAt(s, pos, &len));
        return close != 0 && next(pos + len, close);
      }
      case AffixToken::kClose: {
        if (pos >= s.size()) return false;
        char32_t c = CpAt(s, pos, &len);
        bool ok = want_close != 0 ? c == want_close : IsCloser(c);
        return ok && next(pos + len, 0);
      }
      case AffixToken::kText: {
        // Shortest first: the literal after the gap decides where it ends.
        size_t at = pos;
        for (size_t k = 0;; ++k) {
          if (k >= (t.optional ? 0u : 1u) && next(at, want_close)) return true;
          if (k == kAffixTextMaxCp || at >= s.size() || !IsNameChar(CpAt(s, at, &len)))
            return false;
          at += len;
        }
      }
      case AffixToken::kSep:
      case AffixToken::kSpace:
      case AffixToken::kDigits: {
        // Longest first.
        std::vector<size_t> ends{pos};
        for (size_t at = pos; at < s.size();) {
          char32_t c = CpAt(s, at, &len);
          bool ok = t.kind == AffixToken::kSep     ? IsSepChar(c)
                    : t.kind == AffixToken::kSpace ? IsSpaceCp(c)
                                                   : IsAsciiDigit(c);
          if (!ok || ends.size() > 16) break;
          at += len;
          ends.push_back(at);
        }
        for (size_t k = ends.size(); k-- > (t.optional ? 0u : 1u);)
          if (next(ends[k], want_close)) return true;
        return false;
      }
    }
    return false;
  };
  if (consume()) return true;
  return t.optional && !gap && next(pos, want_close);
}

// Non-space code points of s.
size_t VisibleCp(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    if (!IsSpaceCp(CpAt(s, i, &len))) ++n;
    i += len;
  }
  return n;
}

// Bytes to cut from the start of the body's first line: leading spaces and
// one or more datelines with the spaces after them; 0 if none.
size_t DatelinePrefixLength(std::string_view line, const BodyMarkers& markers) {
  const body_internal::AffixPatterns* rules = markers.affixes.get();
  if (rules == nullptr || rules->prefix.empty()) return 0;
  AffixMatch m{line, rules, std::string_view::npos};
  size_t pos = SkipSpaces(line, 0);
  bool any = false;
  for (int round = 0; round < kAffixMaxRounds; ++round) {
    bool hit = false;
    for (const auto& p : rules->prefix) {
      size_t end;
      if (MatchAffix(p, 0, pos, 0, m, &end) && end > pos) {
        pos = SkipSpaces(line, end);
        hit = any = true;
        break;
      }
    }
    if (!hit) break;
  }
  if (!any || VisibleCp(line.substr(pos)) < kAffixMinRestCp) return 0;
  return pos;
}

// Length to keep of the body's last line: without one or more trailing
// editor notes (and the spaces before them; one note a round, the last
// first); line.size() if none.
size_t EditorSuffixStart(std::string_view line, const BodyMarkers& markers) {
  const body_internal::AffixPatterns* rules = markers.affixes.get();
  if (rules == nullptr || rules->suffix.empty()) return line.size();
  size_t end = TrimEnd(line);
  bool any = false;
  for (int round = 0; round < kAffixMaxRounds; ++round) {
    AffixMatch m{line, rules, end};
    size_t found = std::string_view::npos;
    // The leftmost start that matches: "責任編輯：王五", not its tail
    // "編輯：王五". Gaps cannot span brackets or punctuation, so a match does
    // not reach into the sentence before.
    size_t at = end;
    for (size_t k = 0; k < kAffixSuffixMaxCp && at > 0; ++k) {
      --at;
      while (at > 0 && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) --at;
      for (const auto& p : rules->suffix) {
        size_t e;
        if (MatchAffix(p, 0, at, 0, m, &e)) {
          found = at;
          break;
        }
      }
    }
    if (found == std::string_view::npos) break;
    end = TrimEnd(line.substr(0, found));
    any = true;
  }
  if (!any) return line.size();
  std::string_view rest = line.substr(0, end);
  // An editor note follows a finished sentence.
  if (VisibleCp(rest) < kAffixMinRestCp || !Measure(rest).ends_final) return line.size();
  return end;
}

// Where a notice glued onto the end of a paragraph starts, or line.size():
// the last sentences (up to kNoticeMaxSentences, each ending in 。！？!?
// and closing quotes) that hold an [end] phrase, with the spaces before
// them ("…的理想未來。　違反上述規定者，中時電子報有權刪除留言…"), and
// before them a teaser after the last sentence ([teaser] phrase, then : or
// ："…工會會留意行業變化。其他報道：【施政報告】林鄭：…"). What remains
// must be a sentence of its own (kAffixMinRestCp code points, ending in
// final punctuation), so a line that is all notice is left to the line
// classes. One matcher scan per sentence looked at.
constexpr int kNoticeMaxSentences = 3;

// The end of the sentence starting at `pos`: after its final punctuation
// (。！？!?) and the closers after it; line.size() if it has none.
size_t SentenceEnd(std::string_view line, size_t pos) {
  for (size_t i = pos; i < line.size();) {
    size_t len;
    char32_t c = CpAt(line, i, &len);
    i += len;
    if (c != 0x3002 && c != 0xFF01 && c != 0xFF1F && c != '!' && c != '?') continue;
    while (i < line.size()) {
      char32_t d = CpAt(line, i, &len);
      if (!IsCloser(d) && d != 0x3002 && d != 0xFF01 && d != 0xFF1F && d != '!' && d != '?') break;
      i += len;
    }
    return i;
  }
  return line.size();
}

// Bytes to cut from the start of the body's first line: the first sentences
// (up to kNoticeMaxSentences) that hold a [lead_notice] phrase, with the spaces
// after them: a site notice glued before the article ("為達最佳瀏覽效果，
// 建議使用 Chrome、Firefox 或 Microsoft Edge 的瀏覽器。〔記者…報導〕1名…").
// The sentence after them must hold no such phrase and what remains must
// have kAffixMinRestCp code points; 0 if none.
size_t LeadingNoticeLength(std::string_view line, const BodyMarkers& markers) {
  if (markers.matcher == nullptr) return 0;
  size_t pos = SkipSpaces(line, 0);
  size_t cut = 0;
  for (int k = 0; k <= kNoticeMaxSentences; ++k) {
    size_t e = SentenceEnd(line, pos);
    bool notice = markers.matcher->Scan(line.substr(pos, e - pos)) & body_internal::kHitLeadNotice;
    if (!notice) break;
    if (k == kNoticeMaxSentences || e >= line.size()) return 0;  // notice all along
    pos = SkipSpaces(line, e);
    cut = pos;
  }
  if (cut == 0 || VisibleCp(line.substr(cut)) < kAffixMinRestCp) return 0;
  return cut;
}

size_t TrailingNoticeStart(std::string_view line, const BodyMarkers& markers) {
  if (markers.matcher == nullptr) return line.size();
  // Sentence starts: after a final punctuation mark and the closers after
  // it. Only the last kNoticeMaxSentences + 1 are kept (no allocation).
  size_t ring[kNoticeMaxSentences + 1] = {0};
  size_t count = 1;  // starts seen; ring[(count - 1) % size] is the last
  constexpr size_t kRing = kNoticeMaxSentences + 1;
  for (size_t i = SentenceEnd(line, 0); i < line.size(); i = SentenceEnd(line, i)) {
    ring[count++ % kRing] = i;
  }
  size_t end = line.size();
  size_t k0 = 0;
  if (count > 1 && !markers.teaser.empty()) {
    size_t b = ring[(count - 1) % kRing];
    if (IsTeaser(line.substr(SkipSpaces(line, b)), markers, /*colon_only=*/true)) {
      end = b;
      k0 = 1;
    }
  }
  for (size_t k = k0; k < kNoticeMaxSentences + k0 && k + 1 < count; ++k) {
    size_t b = ring[(count - 1 - k) % kRing];
    if (!(markers.matcher->Scan(line.substr(b, end - b)) & body_internal::kHitEnd)) break;
    end = b;
  }
  if (end == line.size()) return end;
  end = TrimEnd(line.substr(0, end));
  std::string_view rest = line.substr(0, end);
  if (VisibleCp(rest) < kAffixMinRestCp || !Measure(rest).ends_final) return line.size();
  // Notice all along (its first sentence too): the line classes judge it.
  if (markers.matcher->Scan(rest) & body_internal::kHitEnd) return line.size();
  return end;
}

// The part of a line that is classified: without a dateline at its start or
// a bracketed editor note at its end, so that "新华社北京1月5日电 …" and
// "…。(编辑 李四)" are judged by their sentences (a space between ideographs
// would make them look like headlines). Cheap checks first: the matchers run
// only on lines starting with an ideograph or an opening bracket and on lines
// ending with a closing bracket or a digit.
std::string_view WithoutAffixes(std::string_view line, const BodyMarkers& markers) {
  line = line.substr(0, TrailingNoticeStart(line, markers));
  // A line short enough for an [end] phrase to mark it stays a notice line
  // ("請加入成為…的月費訂戶，長期支持我們的工作。所有訂戶都可以收到…"); a
  // longer one is judged without the notice at its start.
  if (VisibleCp(line) > kEndMaxCp) line.remove_prefix(LeadingNoticeLength(line, markers));
  if (markers.affixes == nullptr) return line;
  size_t e = TrimEnd(line);
  if (e > 0) {
    size_t k = e - 1;
    while (k > 0 && (static_cast<unsigned char>(line[k]) & 0xC0) == 0x80) --k;
    size_t len;
    char32_t c = CpAt(line, k, &len);
    if (IsCloser(c) || IsAsciiDigit(c)) line = line.substr(0, EditorSuffixStart(line, markers));
  }
  size_t b = SkipSpaces(line, 0);
  if (b < line.size()) {
    size_t len;
    char32_t c = CpAt(line, b, &len);
    if (IsHan(c) || BracketPartner(c) != 0) line.remove_prefix(DatelinePrefixLength(line, markers));
  }
  return line;
}

}  // namespace

BodyResult ExtractBody(std::string_view raw, const BodyMarkers& markers) {
  BodyResult r;
  // Split into lines.
  std::vector<Features> feats;
  {
    size_t pos = 0;
    while (pos < raw.size()) {
      const char* nl = static_cast<const char*>(std::memchr(raw.data() + pos, '\n', raw.size() - pos));
      size_t end = nl ? static_cast<size_t>(nl - raw.data()) : raw.size();
      size_t content_end = end;
      if (content_end > pos && raw[content_end - 1] == '\r') --content_end;
      BodyLine bl;
      bl.begin = static_cast<uint32_t>(pos);
      bl.end = static_cast<uint32_t>(content_end);
      r.lines.push_back(bl);
      pos = end + 1;
    }
  }
  const size_t n = r.lines.size();
  feats.resize(n);
  size_t nonblank = 0;
  for (size_t i = 0; i < n; ++i) {
    BodyLine& bl = r.lines[i];
    feats[i] = Measure(WithoutAffixes(raw.substr(bl.begin, bl.end - bl.begin), markers));
    bl.code_points = feats[i].cp;
    if (feats[i].cp > 0) ++nonblank;
  }

  auto line_text = [&](size_t i) { return raw.substr(r.lines[i].begin, r.lines[i].end - r.lines[i].begin); };

  for (BodyLine& bl : r.lines) bl.body_begin = bl.body_end = bl.begin;

  // Copies the lines `kept` (in order; the first and last not blank) into
  // the body, the first without its dateline and the last without its
  // editor note (step 4).
  auto assemble = [&](const std::vector<size_t>& kept) {
    r.body.clear();
    for (size_t i : kept) {
      r.lines[i].in_body = true;
      r.lines[i].body_begin = r.lines[i].begin;
      r.lines[i].body_end = r.lines[i].end;
    }
    if (kept.empty()) return;
    BodyLine& first = r.lines[kept.front()];
    std::string_view head = line_text(kept.front());
    size_t notice = LeadingNoticeLength(head, markers);
    first.body_begin += static_cast<uint32_t>(notice + DatelinePrefixLength(head.substr(notice), markers));
    BodyLine& last = r.lines[kept.back()];
    std::string_view tail = raw.substr(last.body_begin, last.body_end - last.body_begin);
    tail = tail.substr(0, TrailingNoticeStart(tail, markers));
    last.body_end = last.body_begin + static_cast<uint32_t>(EditorSuffixStart(tail, markers));
    for (size_t k = 0; k < kept.size(); ++k) {
      if (k) r.body.push_back('\n');
      const BodyLine& bl = r.lines[kept[k]];
      r.body.append(raw.substr(bl.body_begin, bl.body_end - bl.body_begin));
    }
  };

  // `keep`: kAll keeps every line from the first to the last with text;
  // kContent and kAnyText leave out the strong boilerplate (kEnd) after the
  // last line of content (kGood, kNearGood) or of any text not a marker.
  enum class Keep { kAll, kContent, kAnyText };
  auto emit_whole = [&](Keep keep = Keep::kAll) {
    r.whole = true;
    r.chosen_run = -1;
    r.body.clear();
    for (BodyLine& bl : r.lines) {
      bl.in_body = false;
      bl.body_begin = bl.body_end = bl.begin;
    }
    size_t first = n, last = 0;
    for (size_t i = 0; i < n; ++i)
      if (feats[i].cp > 0) { if (first == n) first = i; last = i; }
    if (first == n) {
      // No text at all: keep raw's lines (spaces only) unchanged.
      for (size_t i = 0; i < n; ++i) {
        if (i) r.body.push_back('\n');
        r.body.append(line_text(i));
      }
      return;
    }
    if (keep != Keep::kAll) {
      // A short text ending in strong boilerplate (a subscription appeal, a
      // comment-board notice, a copyright line after one paragraph) keeps
      // its content lines only; a text that is all boilerplate stays whole.
      // A longer text in which nothing reads as prose (a list of headlines,
      // a programme listing) likewise loses the boilerplate after its last
      // line of any other kind.
      auto content = [&](size_t i) {
        LineClass c = r.lines[i].cls;
        if (keep == Keep::kAnyText) return feats[i].cp > 0 && !IsBreaker(c);
        return c == LineClass::kGood || c == LineClass::kNearGood;
      };
      size_t e = last;
      while (e > first && (r.lines[e].cls == LineClass::kEnd || feats[e].cp == 0)) --e;
      bool any_content = false;
      for (size_t i = first; i <= e && !any_content; ++i) any_content = content(i);
      if (any_content) last = e;
    }
    std::vector<size_t> kept;
    for (size_t i = first; i <= last; ++i) kept.push_back(i);
    assemble(kept);
  };

  // Pass 1: context-free classes.
  for (size_t i = 0; i < n; ++i) r.lines[i].cls = Classify(feats[i], markers);

  if (nonblank <= static_cast<size_t>(kWholeMaxLines)) {
    emit_whole(Keep::kContent);
    return r;
  }

  // Pass 2: repeated lines (title or caption printed twice, or cut off with
  // "..." and then printed whole). Compare each non-blank line with the next.
  std::vector<size_t> nb;  // indexes of non-blank lines
  nb.reserve(nonblank);
  for (size_t i = 0; i < n; ++i)
    if (feats[i].cp > 0) nb.push_back(i);
  std::vector<size_t> title_dups;  // first copies of repeated title-like lines
  for (size_t k = 0; k + 1 < nb.size(); ++k) {
    size_t i = nb[k], j = nb[k + 1];
    std::string_view a = feats[i].trimmed, b = feats[j].trimmed;
    bool rep = false;
    if (a == b) {
      rep = feats[i].cp >= 4 && !IsBreaker(r.lines[i].cls);
      if (rep && TitleLike(feats[i])) title_dups.push_back(i);
    } else {
      std::string_view cut = a;
      if (StripEllipsis(&cut) && CountCodePoints(cut) >= 8 && StartsWith(b, cut)) rep = true;
    }
    if (rep) {
      r.lines[i].cls = LineClass::kRepeated;
      r.lines[j].cls = LineClass::kRepeated;
    }
  }

  // Pass 2b: a sentence caption ("...協議。（Reuters）") that repeats the body
  // is dropped; otherwise it stays with the class pass 1 gave it. Clauses are
  // counted once over the page, so this stays linear in its size.
  std::unordered_map<std::string_view, uint32_t> clause_count;
  for (size_t i = 0; i < n; ++i) {
    if (IsDropped(r.lines[i].cls) || IsBreaker(r.lines[i].cls)) continue;
    std::string_view before;
    if (feats[i].cp > kCaptionMaxCp || !EndsWithCaptionCredit(feats[i].trimmed, markers, &before))
      continue;
    if (clause_count.empty())
      for (size_t j = 0; j < n; ++j)
        ForEachClause(feats[j].trimmed, [&](std::string_view c, uint32_t) { ++clause_count[c]; });
    // The lines a caption may restate: those within kCaptionRestateWindow of
    // it (a caption sits by its story), so a page of many captions stays
    // linear in its size.
    std::vector<std::string_view> others;
    size_t lo = i > kCaptionRestateWindow ? i - kCaptionRestateWindow : 0;
    size_t hi = std::min(n, i + kCaptionRestateWindow + 1);
    for (size_t j = lo; j < hi; ++j)
      if (j != i && !IsDropped(r.lines[j].cls) && feats[j].cp > 0) others.push_back(feats[j].trimmed);
    if (CaptionRepeatsBody(before, clause_count, others)) r.lines[i].cls = LineClass::kCredit;
  }

  // Pass 3: caption text touching a photo credit (no blank line between).
  for (size_t i = 0; i < n; ++i) {
    if (r.lines[i].cls != LineClass::kCredit) continue;
    for (int d : {-1, 1}) {
      size_t j = i;
      for (;;) {
        if (d < 0 ? j == 0 : j + 1 >= n) break;
        j += d;
        LineClass c = r.lines[j].cls;
        if (c == LineClass::kCredit) continue;  // a credit block: look past it
        // Not kHeadline: a headline often sits right above or below a photo.
        bool caption_text = (c == LineClass::kShort || c == LineClass::kBad) &&
                            feats[j].cp <= kCaptionTextMaxCp && !feats[j].ends_final;
        if (caption_text) r.lines[j].cls = LineClass::kCredit;
        break;
      }
    }
  }

  // Pass 3b: a headline sits right above its byline. A title-like line with
  // a byline directly below it (no blank line between) is a headline, even
  // when punctuated like a sentence ("...還有多遠？").
  for (size_t j = 1; j < n; ++j) {
    if (r.lines[j].cls != LineClass::kByline) continue;
    size_t i = j - 1;
    LineClass c = r.lines[i].cls;
    if ((c == LineClass::kGood || c == LineClass::kNearGood || c == LineClass::kShort ||
         c == LineClass::kBad) &&
        TitleLike(feats[i]))
      r.lines[i].cls = LineClass::kHeadline;
  }

  // Pass 4: runs.
  struct Run {
    size_t first = 0, last = 0;  // line indexes, inclusive
    double score = 0;
    size_t first_good = SIZE_MAX, last_good = 0;  // kGood lines
    size_t first_near = SIZE_MAX, last_near = 0;  // kNearGood lines
    bool has_content() const { return first_good != SIZE_MAX || first_near != SIZE_MAX; }
  };
  std::vector<Run> runs;
  {
    bool open = false;  // the last run in `runs` takes the next line
    int streak = 0;     // kBad/kHeadline/kNav lines since the last content line
    size_t streak_start = 0;
    for (size_t i = 0; i < n; ++i) {
      LineClass c = r.lines[i].cls;
      if (c == LineClass::kBlank) continue;
      if (IsBreaker(c)) {
        open = false;
        streak = 0;
        continue;
      }
      if (IsBadish(c)) {
        if (streak++ == 0) streak_start = i;
        if (streak == kBadStreakBreak && open && runs.back().first < streak_start) {
          // Split before the streak: its lines start a new run.
          runs.back().last = streak_start - 1;
          runs.push_back(Run{streak_start, i});
          for (size_t k = streak_start; k < i; ++k)
            if (r.lines[k].run >= 0) r.lines[k].run = static_cast<int32_t>(runs.size() - 1);
        }
      } else if (c == LineClass::kGood || c == LineClass::kNearGood) {
        streak = 0;
      }
      if (!open) {
        runs.push_back(Run{i, i});
        open = true;
      }
      runs.back().last = i;
      r.lines[i].run = static_cast<int32_t>(runs.size() - 1);
    }
  }
  // Scores and good-line bounds (recomputed from line membership).
  for (size_t i = 0; i < n; ++i) {
    int32_t ri = r.lines[i].run;
    if (ri < 0) continue;
    Run& run = runs[ri];
    LineClass c = r.lines[i].cls;
    if (c == LineClass::kGood) {
      run.score += feats[i].cp;
      run.first_good = std::min(run.first_good, i);
      run.last_good = std::max(run.last_good, i);
    } else if (c == LineClass::kNearGood) {
      run.score += feats[i].cp * 0.5;
      run.first_near = std::min(run.first_near, i);
      run.last_near = std::max(run.last_near, i);
    }
  }
  double best = 0;
  for (const Run& run : runs)
    if (run.has_content()) best = std::max(best, run.score);
  int32_t chosen = -1;
  for (size_t k = 0; k < runs.size(); ++k)
    if (runs[k].has_content() && runs[k].score >= 0.5 * best && best > 0) {
      chosen = static_cast<int32_t>(k);
      break;
    }
  if (chosen < 0) {
    emit_whole(Keep::kAnyText);
    return r;
  }
  r.chosen_run = chosen;
  const Run& run = runs[chosen];

  // Body bounds: first/last good line, extended over adjacent near-good lines
  // (a run of short sentences only: first/last near-good line).
  size_t start = run.first_good, stop = run.last_good;
  if (start == SIZE_MAX) {
    start = run.first_near;
    stop = run.last_near;
  }
  for (size_t i = start; i > 0;) {
    --i;
    if (r.lines[i].run != chosen && r.lines[i].cls != LineClass::kBlank) break;
    LineClass c = r.lines[i].cls;
    if (c == LineClass::kBlank) continue;
    if (c != LineClass::kNearGood) break;
    start = i;
  }
  for (size_t i = stop + 1; i < n; ++i) {
    LineClass c = r.lines[i].cls;
    if (c == LineClass::kBlank) continue;
    if (r.lines[i].run != chosen || c != LineClass::kNearGood) break;
    stop = i;
  }
  // A last line ending with a colon announces what follows it (lyrics, a
  // poem, a statement quoted line by line: "送上這首歌：" then its short
  // lines, which alone would not look like body): the lines after it are
  // kept up to a blank line after them, a marker, or a line of a dropped
  // kind, at most kQuotedMaxLines.
  {
    // The colon may close the last paragraph or a short line right after it.
    size_t next = stop + 1;
    while (next < n && r.lines[next].cls == LineClass::kBlank) ++next;
    if (!EndsWithColon(feats[stop].trimmed) && next < n && EndsWithColon(feats[next].trimmed) &&
        (r.lines[next].cls == LineClass::kShort || r.lines[next].cls == LineClass::kNearGood))
      stop = next;
  }
  if (EndsWithColon(feats[stop].trimmed)) {
    size_t last = stop;
    int taken = 0;
    for (size_t i = stop + 1; i < n && taken < kQuotedMaxLines; ++i) {
      LineClass c = r.lines[i].cls;
      if (c == LineClass::kBlank) {
        if (taken) break;
        continue;
      }
      if (IsBreaker(c) || IsDropped(c) || c == LineClass::kNav) break;
      last = i;
      ++taken;
    }
    stop = last;
  }
  // A numbered list of notes runs to its last item: a body ending with
  // "[1] ..." keeps the lines "[2] ...", "[3] ..." that follow it in order
  // (a reference without a full stop, "[2] 給…的電報，《毛澤東文集》第五卷",
  // would otherwise look like a leftover).
  for (int number = NoteNumber(feats[stop].trimmed); number > 0;) {
    size_t next = stop + 1;
    while (next < n && r.lines[next].cls == LineClass::kBlank) ++next;
    if (next >= n || NoteNumber(feats[next].trimmed) != number + 1 || IsBreaker(r.lines[next].cls)) break;
    if (r.lines[next].cls == LineClass::kRepeated) break;
    stop = next;
    ++number;
  }
  // A closing list of references is no body: a [references_heading] line
  // with only citations under it (at least one) up to the end of the body.
  if (!markers.references_heading.empty()) {
    size_t heading = SIZE_MAX;
    int citations = 0;
    for (size_t k = stop + 1; k > start + 1;) {
      --k;
      if (r.lines[k].cls == LineClass::kBlank) continue;
      if (IsReferencesHeading(feats[k].trimmed, markers)) {
        heading = k;
        break;
      }
      if (!IsCitation(feats[k].trimmed)) break;
      ++citations;
    }
    if (heading != SIZE_MAX && citations > 0) {
      size_t last = heading;
      while (last > start) {
        --last;
        LineClass c = r.lines[last].cls;
        if (c == LineClass::kGood || c == LineClass::kNearGood) break;
      }
      LineClass c = r.lines[last].cls;
      if (c == LineClass::kGood || c == LineClass::kNearGood) stop = last;
    }
  }
  // A signature block (issuer, then a date alone) closing the text, as in
  // official announcements: up to three short lines ending with a date. The
  // issuer right above the date was taken for a headline (a title-like line
  // above a dateline): an issuer is a name, at most kIssuerMaxCp code points
  // without spaces ("吉林省人民政府" / "2022年1月27日").
  {
    int seen = 0;
    for (size_t i = stop + 1; i < n && seen < 3; ++i) {
      LineClass c = r.lines[i].cls;
      if (c == LineClass::kBlank) continue;
      if (c == LineClass::kHeadline && feats[i].cp <= kIssuerMaxCp && !feats[i].han_space_han &&
          feats[i].trimmed.find(' ') == std::string_view::npos) {
        size_t next = i + 1;
        while (next < n && r.lines[next].cls == LineClass::kBlank) ++next;
        if (next < n && IsDateOnly(feats[next].trimmed)) c = r.lines[i].cls = LineClass::kShort;
      }
      if (c != LineClass::kShort && c != LineClass::kByline) break;
      ++seen;
      if (IsDateOnly(feats[i].trimmed)) {
        for (size_t k = stop + 1; k <= i; ++k)
          if (r.lines[k].cls == LineClass::kByline) r.lines[k].cls = LineClass::kShort;
        stop = i;
        break;
      }
      if (c != LineClass::kShort) break;
    }
  }

  // A note on the author (an [author_note] line: "作者為退休建築師") under
  // the byline, opening or closing the body, is no body; one inside the
  // text after prose ("作者是個文化人，他…", a book's author) stays.
  if (!markers.author_note.empty()) {
    auto content = [&](size_t i) {
      return r.lines[i].cls == LineClass::kGood || r.lines[i].cls == LineClass::kNearGood;
    };
    for (size_t i = start; i <= stop; ++i) {
      if (r.lines[i].cls == LineClass::kBlank || IsDropped(r.lines[i].cls)) continue;
      size_t prev = i;
      while (prev > 0 && r.lines[prev - 1].cls == LineClass::kBlank) --prev;
      bool after_byline = prev > 0 && r.lines[prev - 1].cls == LineClass::kByline;
      if ((after_byline || i == start || i == stop) && IsAuthorNote(feats[i], markers))
        r.lines[i].cls = LineClass::kByline;
    }
    // A bound on a note moves to the nearest content left.
    size_t s2 = start, e2 = stop;
    if (r.lines[s2].cls == LineClass::kByline)
      while (s2 < e2 && !content(s2)) ++s2;
    if (r.lines[e2].cls == LineClass::kByline)
      while (e2 > s2 && !content(e2)) --e2;
    if (content(s2) || s2 == start) start = s2;
    if (content(e2) || e2 == stop) stop = e2;
  }
  // A closing reference line right after the body ("案件編號：WKCC813/2021"
  // under a court report) belongs to it: a [closing_reference] phrase, then
  // reference numbers only (IsClosingReference).
  if (!markers.closing_reference.empty()) {
    size_t next = stop + 1;
    while (next < n && r.lines[next].cls == LineClass::kBlank) ++next;
    if (next < n && !IsBreaker(r.lines[next].cls) && IsClosingReference(feats[next].trimmed, markers)) {
      r.lines[next].cls = LineClass::kShort;
      stop = next;
    }
  }

  // Emit: kept lines joined by '\n'; one blank line kept between kept lines
  // where raw had one (or more).
  std::vector<size_t> kept;
  size_t pending_blank = SIZE_MAX;
  for (size_t i = start; i <= stop; ++i) {
    LineClass c = r.lines[i].cls;
    if (c == LineClass::kBlank) {
      if (!kept.empty() && pending_blank == SIZE_MAX) pending_blank = i;
      continue;
    }
    if (IsDropped(c)) continue;
    if (!kept.empty() && pending_blank != SIZE_MAX) kept.push_back(pending_blank);
    pending_blank = SIZE_MAX;
    kept.push_back(i);
  }
  assemble(kept);
  if (r.body.empty()) {  // cannot happen (start is a good line), but never empty
    emit_whole();
    return r;
  }

  // Title: a title-like line printed twice before the body, else the nearest
  // title-like line before the body (skipping dropped and tiny lines).
  // Only lines after the last block/end marker before the body count: a
  // doubled headline in a box of other stories is not this article's title.
  size_t after = 0;
  for (size_t i = start; i > 0;) {
    --i;
    if (IsBreaker(r.lines[i].cls)) {
      after = i + 1;
      break;
    }
  }
  for (size_t i : title_dups)
    if (i >= after && i < start) r.title = std::string(feats[i].trimmed);
  if (r.title.empty()) {
    int seen = 0;
    for (size_t i = start; i > 0 && seen < kTitleLookBack;) {
      --i;
      LineClass c = r.lines[i].cls;
      if (c == LineClass::kBlank) continue;
      ++seen;
      // Short [end] lines near the top are toolbars (列印, 字級): look past them.
      if (c == LineClass::kEnd && feats[i].cp <= kEndShortMaxCp) continue;
      if (IsBreaker(c) || c == LineClass::kGood) break;
      if (IsDropped(c) || feats[i].han + feats[i].alpha < 6) continue;
      if (TitleLike(feats[i]) && c != LineClass::kNav) r.title = std::string(feats[i].trimmed);
      break;
    }
  }
  return r;
}

std::string DescribeBody(std::string_view raw, const BodyResult& result) {
  std::string out;
  for (size_t i = 0; i < result.lines.size(); ++i) {
    const BodyLine& bl = result.lines[i];
    out += std::to_string(i + 1);
    out += '\t';
    out += LineClassName(bl.cls);
    out += '\t';
    out += bl.in_body ? '*' : ' ';
    out += '\t';
    out.append(raw.substr(bl.begin, bl.end - bl.begin));
    out += '\n';
  }
  return out;
}

}  // namespace newskb
