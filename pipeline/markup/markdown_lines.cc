#include "pipeline/markup/markdown_lines.h"

#include <cctype>
#include <vector>

#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> out;
  for (size_t b = 0; b <= text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view l = text.substr(b, e - b);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    out.push_back(l);
    b = e + 1;
  }
  return out;
}

std::string_view TrimLeft(std::string_view s) {
  size_t i = s.find_first_not_of(" \t");
  return i == std::string_view::npos ? std::string_view() : s.substr(i);
}

std::string_view Trim(std::string_view s) {
  s = TrimLeft(s);
  size_t e = s.find_last_not_of(" \t");
  return e == std::string_view::npos ? std::string_view() : s.substr(0, e + 1);
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// A line CommonMark reads as a block of its own kind (heading, quote, list
// item, rule, fence, table row, HTML, picture).
bool IsBlockLine(std::string_view line) {
  std::string_view s = TrimLeft(line);
  if (s.empty()) return true;
  for (std::string_view p : {"#", ">", "<", "|", "- ", "* ", "+ ", "![", "---", "***", "```", "~~~"})
    if (StartsWith(s, p)) return true;
  size_t d = 0;
  while (d < s.size() && std::isdigit(static_cast<unsigned char>(s[d]))) ++d;
  return d > 0 && d < s.size() && (s[d] == '.' || s[d] == ')');
}

// The last visible code point is a sentence end (closing quotes and
// brackets looked past).
bool EndsSentence(std::string_view line) {
  std::string_view s = Trim(line);
  while (!s.empty()) {
    size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    size_t len = 0;
    char32_t c = DecodeUtf8(s, k, &len);
    switch (c) {
      case U'」': case U'』': case U'”': case U'"': case U'’': case U'）': case U')':
        s = s.substr(0, k);
        continue;
      case U'。': case U'！': case U'？': case U'!': case U'?': case U'.': case U'…': case U'；':
        return true;
      default:
        return false;
    }
  }
  return false;
}

bool HardBreakAtEnd(std::string_view line) {
  return (line.size() >= 2 && line.substr(line.size() - 2) == "  ") || (!line.empty() && line.back() == '\\');
}

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// The end of a link destination starting at s[i] == '(' (the index after
// its ')'), or npos. A destination in pointy brackets ends at '>' then ')';
// one that opens a '<' and never closes it (a truncated embed,
// "(<iframe src=)") ends at the first ')'; any other at the ')' that
// balances the parentheses.
size_t DestinationEnd(std::string_view s, size_t i) {
  if (i + 1 < s.size() && s[i + 1] == '<') {
    size_t gt = s.find('>', i + 2);
    if (gt != std::string_view::npos && gt + 1 < s.size() && s[gt + 1] == ')') return gt + 2;
    size_t close = s.find(')', i + 2);
    return close == std::string_view::npos ? close : close + 1;
  }
  int depth = 0;
  for (size_t j = i; j < s.size(); ++j) {
    if (s[j] == '(') ++depth;
    else if (s[j] == ')' && --depth == 0) return j + 1;
  }
  return std::string_view::npos;
}

// "[text](dest)" at s[i] == '[': the text's bounds and the end, or false.
bool LinkAt(std::string_view s, size_t i, size_t* text_end, size_t* end) {
  int depth = 0;
  for (size_t j = i; j < s.size(); ++j) {
    if (s[j] == '[') ++depth;
    else if (s[j] == ']' && --depth == 0) {
      if (j + 1 >= s.size() || s[j + 1] != '(') return false;
      size_t e = DestinationEnd(s, j + 1);
      if (e == std::string_view::npos) return false;
      *text_end = j;
      *end = e;
      return true;
    }
  }
  return false;
}

// A closing "**" (or "__") for an opening at s[i]: after a non-space, not
// before a letter or digit.
size_t StrongCloseFor(std::string_view s, size_t i) {
  std::string_view d = s.substr(i, 2);
  for (size_t j = s.find(d, i + 3); j != std::string_view::npos; j = s.find(d, j + 1)) {
    if (s[j - 1] == ' ' || s[j - 1] == '\t') continue;
    if (j + 2 < s.size() && (IsAsciiAlnum(s[j + 2]) || s[j + 2] == d[0])) continue;
    return j;
  }
  return std::string_view::npos;
}

bool StrongOpensAt(std::string_view s, size_t i) {
  if (s.compare(i, 2, "**") != 0 && s.compare(i, 2, "__") != 0) return false;
  if (i > 0 && (IsAsciiAlnum(s[i - 1]) || s[i - 1] == s[i])) return false;  // "5**", a grade
  return i + 2 < s.size() && s[i + 2] != ' ' && s[i + 2] != '\t' && s[i + 2] != s[i];
}

}  // namespace

bool IsLineStructured(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  int pairs = 0, breaks = 0;
  for (size_t k = 0; k + 1 < lines.size(); ++k) {
    std::string_view a = lines[k], b = lines[k + 1];
    if (Trim(a).empty()) continue;
    if (Trim(b).empty()) { ++breaks; continue; }
    if (!IsBlockLine(a) && !IsBlockLine(b) && EndsSentence(a) && !HardBreakAtEnd(a)) ++pairs;
  }
  return pairs > 0 && pairs > breaks;
}

std::string MarkdownInlineToText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t text_end = 0, end = 0;
    if (s[i] == '!' && i + 1 < s.size() && s[i + 1] == '[' && LinkAt(s, i + 1, &text_end, &end)) {
      i = end;  // a picture
      continue;
    }
    if (s[i] == '[' && LinkAt(s, i, &text_end, &end)) {
      out += MarkdownInlineToText(s.substr(i + 1, text_end - i - 1));
      i = end;
      continue;
    }
    if (StrongOpensAt(s, i)) {
      size_t close = StrongCloseFor(s, i);
      if (close != std::string_view::npos) {
        out += MarkdownInlineToText(s.substr(i + 2, close - i - 2));
        i = close + 2;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

std::string MarkdownLinesToText(std::string_view text, std::string* title) {
  std::vector<std::string_view> lines = Lines(text);
  size_t nonblank = 0;
  for (std::string_view l : lines) nonblank += !Trim(l).empty();
  std::string out;
  bool first = true;
  for (std::string_view line : lines) {
    std::string_view s = Trim(line);
    if (s.empty()) {
      if (!out.empty()) out.push_back('\n');
      continue;
    }
    size_t h = 0;
    while (h < s.size() && h < 7 && s[h] == '#') ++h;
    bool heading = h >= 1 && h <= 6 && (h == s.size() || s[h] == ' ');
    std::string text_line;
    if (heading) {
      std::string_view c = Trim(s.substr(h));
      // A closing sequence ("## 小標題 ##") and a marker written twice ("### # 小標題").
      size_t e = c.find_last_not_of('#');
      if (e != std::string_view::npos && e + 1 < c.size() && c[e] == ' ') c = Trim(c.substr(0, e));
      for (;;) {
        size_t m = 0;
        while (m < c.size() && m < 7 && c[m] == '#') ++m;
        if (m == 0 || m > 6 || m >= c.size() || c[m] != ' ') break;
        c = Trim(c.substr(m));
      }
      text_line = MarkdownInlineToText(c);
      if (first && h == 1 && nonblank > 1 && title) {
        *title = text_line;
        first = false;
        continue;
      }
    } else {
      text_line = MarkdownInlineToText(line);
    }
    first = false;
    if (Trim(text_line).empty()) continue;  // a picture alone
    out += text_line;
    out.push_back('\n');
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

}  // namespace newskb::markup
