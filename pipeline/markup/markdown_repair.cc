#include "pipeline/markup/markdown_repair.h"

#include <cctype>

#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

// The length of a heading marker written twice at a line start
// ("### # 39分鐘": the site's own "#" inside the archive's heading): the
// bytes of the second marker and its spaces, or 0.
size_t DoubledHeadingMarker(std::string_view md, size_t i) {
  size_t h = 0;
  while (i + h < md.size() && h < 7 && md[i + h] == '#') ++h;
  if (h == 0 || h > 6 || i + h >= md.size() || md[i + h] != ' ') return 0;
  size_t j = i + h;
  while (j < md.size() && md[j] == ' ') ++j;
  size_t m = 0;
  while (j + m < md.size() && m < 7 && md[j + m] == '#') ++m;
  if (m == 0 || m > 6 || j + m >= md.size() || md[j + m] != ' ') return 0;
  size_t k = j + m;
  while (k < md.size() && md[k] == ' ') ++k;
  return k - j;
}

bool IsAsciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Punctuation as CommonMark's flanking rule sees it: ASCII punctuation and
// the punctuation blocks Chinese text uses (general punctuation, CJK
// symbols and punctuation, full-width forms).
bool IsPunctuation(char32_t c) {
  if (c < 0x80) return std::ispunct(static_cast<int>(c)) != 0;
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x303F) ||
         (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
         (c >= 0xFF5B && c <= 0xFF65);
}

bool IsWhiteSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000 || c == 0xA0; }

// The length of a grade's '*' run at md[i] ("5**的" -> 2), or 0: a run
// after an ASCII letter or digit, followed by a character that lets it
// open emphasis (neither white space nor punctuation).
size_t GradeStars(std::string_view md, size_t i) {
  if (md[i] != '*' || i == 0 || !IsAsciiAlnum(md[i - 1])) return 0;
  size_t j = i;
  while (j < md.size() && md[j] == '*') ++j;
  if (j >= md.size()) return 0;
  size_t len = 0;
  char32_t next = DecodeUtf8(md, j, &len);
  return IsWhiteSpace(next) || IsPunctuation(next) ? 0 : j - i;
}

}  // namespace

// The repairs of markdown_repair.h, in one pass.
std::string RepairMarkdown(std::string_view md) {
  std::string out;
  out.reserve(md.size() + 16);
  for (size_t i = 0; i < md.size();) {
    if (i == 0 || md[i - 1] == '\n') {
      if (size_t twice = DoubledHeadingMarker(md, i)) {
        size_t h = md.find(' ', i);
        out.append(md.substr(i, h + 1 - i));
        i = h + 1;
        while (i < md.size() && md[i] == ' ') ++i;
        i += twice;
        continue;
      }
    }
    if (md.compare(i, 3, "](<") == 0) {
      size_t nl = std::min(md.find('\n', i), md.size());
      size_t gt = md.find('>', i + 3), close = md.find(')', i + 3);
      if ((gt == std::string_view::npos || gt > nl) && close != std::string_view::npos && close < nl) {
        out.append("]()");
        i = close + 1;
        continue;
      }
    }
    if (md.compare(i, 3, "{{<") == 0 || md.compare(i, 3, "{{%") == 0) {
      std::string_view close = md[i + 2] == '<' ? ">}}" : "%}}";
      size_t e = md.find(close, i + 3);
      size_t nl = md.find('\n', i);
      if (e != std::string_view::npos && (nl == std::string_view::npos || e < nl)) { i = e + 3; continue; }
    }
    if (md.compare(i, 2, "](") == 0 && (i + 2 >= md.size() || md[i + 2] != '<')) {
      int depth = 1;
      size_t j = i + 2;
      bool space = false;
      for (; j < md.size() && md[j] != '\n' && depth > 0; ++j) {
        if (md[j] == '(') ++depth;
        else if (md[j] == ')') --depth;
        else if (md[j] == ' ') space = true;
        else if (md[j] == '<' || md[j] == '>') break;
      }
      if (depth == 0 && space) {
        out.append("](<");
        out.append(md.substr(i + 2, j - 1 - (i + 2)));
        out.append(">)");
        i = j;
        continue;
      }
    }
    if (size_t stars = GradeStars(md, i)) {
      // "&#42;" rather than "\\*": CommonMark decodes it as text, and so does
      // the HTML parser when the grade stands inside a raw HTML block, where
      // a backslash would stay.
      for (size_t k = 0; k < stars; ++k) out.append("&#42;");
      i += stars;
      continue;
    }
    out.push_back(md[i++]);
  }
  return out;
}

}  // namespace newskb::markup
