#include "pipeline/markup/prepare.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace newskb::markup {
namespace {

constexpr size_t kMaxJsonLd = 256 << 10;

bool IsVoid(std::string_view n) {
  static const char* const kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input",
                                      "link", "meta", "param", "source", "track", "wbr", "basefont",
                                      "bgsound", "frame", "keygen", "image", "isindex", "spacer"};
  for (const char* v : kVoid) if (n == v) return true;
  return false;
}

// End tag may be left out; such elements do not nest in real pages.
bool IsOptionalEnd(std::string_view n) {
  static const char* const kOpt[] = {"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
                                     "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
                                     "rtc", "html", "head", "body", "caption"};
  for (const char* v : kOpt) if (n == v) return true;
  return false;
}

bool IsRawText(std::string_view n) {
  return n == "script" || n == "style" || n == "noscript" || n == "template" || n == "xmp" ||
         n == "iframe" || n == "noembed" || n == "noframes";
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == ':' || c == '_';
}

// Finds "</name" (ASCII case-insensitive) from `from`; npos if none.
size_t FindEndTag(std::string_view s, size_t from, std::string_view name) {
  for (size_t i = s.find("</", from); i != std::string_view::npos; i = s.find("</", i + 2)) {
    if (i + 2 + name.size() > s.size()) return std::string_view::npos;
    bool eq = true;
    for (size_t k = 0; k < name.size() && eq; ++k)
      eq = std::tolower(static_cast<unsigned char>(s[i + 2 + k])) == name[k];
    if (eq && (i + 2 + name.size() == s.size() || !IsNameChar(s[i + 2 + name.size()]))) return i;
  }
  return std::string_view::npos;
}

// End of the tag starting at s[i] == '<' (index after '>'), quotes honoured.
size_t TagEnd(std::string_view s, size_t i) {
  char quote = 0;
  for (size_t k = i + 1; k < s.size(); ++k) {
    char c = s[k];
    if (quote) { if (c == quote) quote = 0; continue; }
    if (c == '"' || c == '\'') {
      // a quote only opens a value after '='
      size_t p = k;
      while (p > i && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n')) --p;
      if (p > i && s[p - 1] == '=') quote = c;
      continue;
    }
    if (c == '>') return k + 1;
  }
  return s.size();
}

}  // namespace

Prepared PrepareForParse(std::string_view s, size_t max_depth) {
  Prepared out;
  out.html.reserve(s.size());
  size_t depth = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) { out.html.append(s.substr(i)); break; }
    out.html.append(s.substr(i, lt - i));
    i = lt;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    bool end_tag = i + 1 < s.size() && s[i + 1] == '/';
    size_t n0 = i + (end_tag ? 2 : 1);
    if (n0 >= s.size() || !std::isalpha(static_cast<unsigned char>(s[n0]))) {
      // not a tag ("<" in text, "<!DOCTYPE", "<?xml"): copy the character
      out.html.push_back('<');
      ++i;
      continue;
    }
    size_t n1 = n0;
    while (n1 < s.size() && IsNameChar(s[n1])) ++n1;
    std::string name(s.substr(n0, n1 - n0));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t te = TagEnd(s, i);
    std::string_view tag = s.substr(i, te - i);
    if (!end_tag && IsRawText(name)) {
      size_t close = FindEndTag(s, te, name);
      size_t content_end = close == std::string_view::npos ? s.size() : close;
      size_t after = close == std::string_view::npos ? s.size() : TagEnd(s, close);
      std::string lower_tag(tag);
      for (char& c : lower_tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      bool keep = name == "script" && lower_tag.find("ld+json") != std::string::npos &&
                  content_end - te <= kMaxJsonLd;
      if (keep) out.html.append(s.substr(i, after - i));
      else ++out.dropped_scripts;  // emptied: nothing of it reaches the parser
      i = after;
      continue;
    }
    bool self_closing = te >= 2 && s[te - 2] == '/';
    bool counts = !IsVoid(name) && !IsOptionalEnd(name) && !self_closing;
    if (counts && !end_tag) {
      ++depth;
      if (depth > max_depth) { ++out.dropped_tags; i = te; continue; }
    } else if (counts && end_tag) {
      size_t was = depth;
      if (depth > 0) --depth;
      if (was > max_depth) { ++out.dropped_tags; i = te; continue; }
    }
    out.html.append(tag);
    i = te;
  }
  return out;
}

}  // namespace newskb::markup
