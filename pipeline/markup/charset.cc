#include "pipeline/markup/charset.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "pipeline/text/utf8.h"

namespace newskb::markup {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value after "charset=" at `pos` (quotes, spaces and ';' end it).
std::string CharsetValueAt(const std::string& head, size_t pos) {
  while (pos < head.size() && (head[pos] == ' ' || head[pos] == '"' || head[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                               head[end] == '-' || head[end] == '_' || head[end] == '.' ||
                               head[end] == ':'))
    ++end;
  return head.substr(pos, end - pos);
}

// The ICU converter name for a declared label (WHATWG aliases for Chinese).
std::string ConverterFor(const std::string& label) {
  if (label == "gb2312" || label == "gbk" || label == "x-gbk" || label == "gb_2312-80" ||
      label == "gb_2312" || label == "csgb2312" || label == "chinese" || label == "iso-ir-58" ||
      label == "gb18030" || label == "cp936" || label == "windows-936")
    return "GB18030";
  if (label == "big5" || label == "big5-hkscs" || label == "cn-big5" || label == "x-x-big5" ||
      label == "csbig5")
    return "Big5-HKSCS";
  if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8") return "UTF-8";
  return label;
}

Result<std::string> Convert(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err) || !cnv) return Status::InvalidInput("unknown charset '" + charset + "'");
  // Invalid sequences become U+FFFD (ICU's default substitution callback).
  std::unique_ptr<UConverter, void (*)(UConverter*)> utf8(ucnv_open("UTF-8", &err), ucnv_close);
  if (U_FAILURE(err)) return Status::Internal("ICU has no UTF-8 converter");
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  for (;;) {
    err = U_ZERO_ERROR;
    char* target = out.data();
    const char* source = bytes.data();
    ucnv_convertEx(utf8.get(), cnv.get(), &target, out.data() + out.size(), &source,
                   bytes.data() + bytes.size(), nullptr, nullptr, nullptr, nullptr, true, true, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      out.resize(out.size() * 2);
      ucnv_resetToUnicode(cnv.get());
      ucnv_resetFromUnicode(utf8.get());
      continue;
    }
    if (U_FAILURE(err)) return Status::InvalidInput(std::string("cannot decode as ") + charset + ": " + u_errorName(err));
    out.resize(target - out.data());
    return out;
  }
}

// True if every byte sequence is valid in `charset` (checked by converting
// with the stop callback).
bool ValidIn(std::string_view bytes, const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(charset.c_str(), &err), ucnv_close);
  if (U_FAILURE(err)) return false;
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  UChar buf[4096];
  const char* source = bytes.data();
  const char* limit = bytes.data() + bytes.size();
  for (;;) {
    err = U_ZERO_ERROR;
    UChar* target = buf;
    ucnv_toUnicode(cnv.get(), &target, buf + 4096, &source, limit, nullptr, true, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR) continue;
    return U_SUCCESS(err);
  }
}

}  // namespace

std::string SniffCharset(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return "utf-8";
  if (bytes.substr(0, 2) == "\xFF\xFE") return "utf-16le";
  if (bytes.substr(0, 2) == "\xFE\xFF") return "utf-16be";
  std::string head = Lower(bytes.substr(0, 4096));
  // <meta charset=...> and <meta http-equiv content="...; charset=...">:
  // the first "charset=" inside a <meta tag.
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t close = head.find('>', pos);
    if (close == std::string::npos) close = head.size();
    size_t cs = head.find("charset", pos);
    if (cs != std::string::npos && cs < close) {
      size_t eq = cs + 7;
      while (eq < close && head[eq] == ' ') ++eq;
      if (eq < close && head[eq] == '=') {
        std::string v = CharsetValueAt(head, eq + 1);
        if (!v.empty()) return v;
      }
    }
    pos = close;
  }
  return "";
}

namespace {
Result<Decoded> Decode(std::string_view bytes);
}  // namespace

// NUL bytes become U+FFFD, as an HTML parser reads them.
Result<Decoded> DecodePage(std::string_view bytes) {
  Result<Decoded> d = Decode(bytes);
  if (!d.ok() || d->text.find('\0') == std::string::npos) return d;
  std::string out;
  for (char c : d->text) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out.push_back(c);
  }
  d->text = std::move(out);
  return d;
}

namespace {
Result<Decoded> Decode(std::string_view bytes) {
  std::string label = SniffCharset(bytes);
  bool valid_utf8 = ValidateUtf8(bytes).ok();
  std::string charset = ConverterFor(label);
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3), charset = "UTF-8";
  else if (label == "utf-16le" || label == "utf-16be") {
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
      charset = label == "utf-16le" ? "UTF-16LE" : "UTF-16BE";
      bytes.remove_prefix(2);
    } else {
      charset = "UTF-8";  // a byte page declaring UTF-16 (a lie browsers also ignore)
    }
  }
  if (charset.empty()) charset = "UTF-8";
  if (charset == "UTF-8") {
    if (valid_utf8) return Decoded{std::string(bytes), "UTF-8"};
    Result<std::string> t = Convert(bytes, "UTF-8");  // invalid bytes -> U+FFFD
    if (!t.ok()) return t.status();
    return Decoded{std::move(t).value(), "UTF-8"};
  }
  if (valid_utf8 && !ValidIn(bytes, charset)) return Decoded{std::string(bytes), "UTF-8"};
  Result<std::string> t = Convert(bytes, charset);
  if (!t.ok()) {
    if (valid_utf8) return Decoded{std::string(bytes), "UTF-8"};
    return t.status();
  }
  return Decoded{std::move(t).value(), charset};
}
}  // namespace

}  // namespace newskb::markup
