#include "pipeline/io/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "pipeline/io/line_reader.h"
#include "pipeline/text/utf8.h"

namespace fs = std::filesystem;

namespace newskb {
namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

constexpr char kBom[] = "\xEF\xBB\xBF";  // UTF-8 byte-order mark

std::string MiB(uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", n / 1048576.0);
  return buf;
}

std::string TooLarge(const char* what, uint64_t size, const ReadOptions& opts) {
  return std::string(what) + " is " + MiB(size) + ", over the " + MiB(opts.max_doc_bytes) +
         " limit (raise it with --max-doc-mb)";
}

// Checks what every document's text must satisfy; empty if fine.
std::string TextProblem(std::string_view text) {
  Status u = ValidateUtf8(text);
  if (!u.ok()) return u.message();
  size_t nul = text.find('\0');
  if (nul != std::string_view::npos) return "contains a NUL byte at byte " + std::to_string(nul);
  bool blank = std::all_of(text.begin(), text.end(),
                           [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
  if (blank) return "empty document (no text)";
  return "";
}

bool IsDigits(const std::string& s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

bool IsHtmlFile(const std::string& name) {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return EndsWith(lower, ".html") || EndsWith(lower, ".htm");
}

// A web page: its bytes go to the markup stage as they are (it decodes the
// charset the page declares), so only emptiness is checked here.
void ReadHtmlFile(const fs::path& path, std::string bytes, uint64_t size, DocumentSink* sink) {
  std::string src = path.string();
  Document d;
  d.key = path.stem().string();
  d.source = src;
  d.origin = src;
  d.input_bytes = size;
  d.raw_is_html = true;
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    sink->OnReject({src, 0, d.key, "empty document (no text)"});
    return;
  }
  d.raw = std::move(bytes);
  sink->OnDocument(std::move(d));
}

// Fields that name the publisher or site, in order of preference; `url`
// and `link` give their host.
const char* const kSiteFields[] = {"publisher", "site_name", "site", "media", "outlet", "url", "link"};

bool IsSiteField(const std::string& key) {
  for (const char* f : kSiteFields)
    if (key == f) return true;
  return false;
}

// "https://www.udn.com/news/1" -> "www.udn.com"; "" if not a URL.
std::string UrlHost(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos || p == 0) return "";
  size_t b = p + 3, e = url.find_first_of("/?#", b);
  std::string host = url.substr(b, e == std::string::npos ? std::string::npos : e - b);
  size_t at = host.rfind('@');
  if (at != std::string::npos) host.erase(0, at + 1);
  size_t colon = host.rfind(':');
  if (colon != std::string::npos && host.find(']') == std::string::npos) host.erase(colon);
  return host;
}

// Keeps the more preferred of `cur` and this field's name.
std::pair<int, std::string> PreferredSite(const std::string& key, const std::string& value,
                                          std::pair<int, std::string> cur) {
  int rank = 0;
  while (key != kSiteFields[rank]) ++rank;
  std::string name = key == "url" || key == "link" ? UrlHost(value) : value;
  size_t b = name.find_first_not_of(" \t"), e = name.find_last_not_of(" \t");
  name = b == std::string::npos ? "" : name.substr(b, e - b + 1);
  if (name.empty() || rank >= cur.first) return cur;
  return {rank, name};
}

void ReadTextFile(const fs::path& path, const ReadOptions& opts, DocumentSink* sink) {
  std::string src = path.string();
  std::error_code ec;
  uint64_t size = fs::file_size(path, ec);
  if (ec) {
    sink->OnReject({src, 0, "", "cannot read: " + ec.message()});
    return;
  }
  if (size > opts.max_doc_bytes) {
    sink->OnReject({src, 0, path.stem().string(), TooLarge("document", size, opts)});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink->OnReject({src, 0, "", "cannot open for reading"});
    return;
  }
  // Read at most one byte over the limit: a file that grew since it was
  // measured is still never held whole.
  std::string text(static_cast<size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<size_t>(in.gcount()));
  char extra[4096];
  while (in.read(extra, sizeof extra) || in.gcount() > 0) {
    if (text.size() + static_cast<uint64_t>(in.gcount()) > opts.max_doc_bytes) {
      sink->OnReject({src, 0, path.stem().string(),
                      "document grew over the " + MiB(opts.max_doc_bytes) + " limit while it was read"});
      return;
    }
    text.append(extra, static_cast<size_t>(in.gcount()));
  }
  if (IsHtmlFile(src)) {
    ReadHtmlFile(path, std::move(text), size, sink);
    return;
  }
  if (text.size() >= 3 && text.compare(0, 3, kBom) == 0) text.erase(0, 3);
  Document d;
  d.key = path.stem().string();
  d.source = src;
  d.origin = src;
  d.input_bytes = size;
  size_t pre = DatePrefixLength(text, &d.published);
  text.erase(0, pre);
  if (std::string why = TextProblem(text); !why.empty()) {
    sink->OnReject({src, 0, d.key, why});
    return;
  }
  d.raw = std::move(text);
  sink->OnDocument(std::move(d));
}

// A JSON string value longer than this is taken out of its record before
// simdjson parses the record and is unescaped here: simdjson's working
// memory is ~5.7 bytes a byte of what it parses (a 32-bit structural index
// a byte, and a string buffer), so a 31 MiB `text` would cost ~180 MB.
constexpr size_t kLongString = size_t{1} << 20;

// A record whose long string values were cut out: `skeleton` is the record
// with each such value's content removed ("text":""), what simdjson parses;
// `longs` maps the offset in the skeleton of a removed value's content to
// that content in the original line (between the quotes, still escaped).
struct Hollowed {
  std::string skeleton;
  std::vector<std::pair<size_t, std::string_view>> longs;  // sorted by offset
};

// Finds the string values (a string after ':') of `line` longer than
// kLongString. Returns false when there is none (the record is parsed as it
// is). The scan only finds strings; whether the record is valid JSON is
// still simdjson's to say, on the skeleton.
bool HollowLongStrings(const std::string& line, Hollowed* h) {
  h->skeleton.clear();
  h->longs.clear();
  size_t copied = 0;  // line[0, copied) is in the skeleton
  char prev = 0;      // the last non-space byte outside strings
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (c != '"') {
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') prev = c;
      continue;
    }
    size_t j = i + 1;
    while (j < line.size() && line[j] != '"') j += line[j] == '\\' ? 2 : 1;
    if (j >= line.size()) break;  // unterminated: simdjson says so
    if (prev == ':' && j - (i + 1) > kLongString) {
      h->skeleton.append(line, copied, i + 1 - copied);
      h->longs.emplace_back(h->skeleton.size(), std::string_view(line).substr(i + 1, j - (i + 1)));
      copied = j;
    }
    prev = '"';
    i = j;
  }
  if (h->longs.empty()) return false;
  h->skeleton.append(line, copied, std::string::npos);
  h->skeleton.reserve(h->skeleton.size() + simdjson::SIMDJSON_PADDING);
  return true;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool ReadHex4(std::string_view s, size_t i, uint32_t* v) {
  if (i + 4 > s.size()) return false;
  *v = 0;
  for (size_t k = i; k < i + 4; ++k) {
    int d = HexDigit(s[k]);
    if (d < 0) return false;
    *v = *v * 16 + static_cast<uint32_t>(d);
  }
  return true;
}

// Unescapes the content of a JSON string (between its quotes, valid UTF-8)
// into *out as simdjson does: the escapes of RFC 8259, a \u surrogate pair
// as one character. Returns simdjson's error for what it would refuse (a
// bad escape, a lone surrogate, an unescaped control character).
simdjson::error_code UnescapeJsonString(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '\\' && static_cast<unsigned char>(s[j]) >= 0x20) ++j;
    out->append(s, i, j - i);
    if (j == s.size()) break;
    if (s[j] != '\\') return simdjson::UNESCAPED_CHARS;
    if (j + 1 >= s.size()) return simdjson::STRING_ERROR;
    char e = s[j + 1];
    i = j + 2;
    switch (e) {
      case '"': case '\\': case '/': out->push_back(e); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'u': {
        uint32_t cp = 0, lo = 0;
        if (!ReadHex4(s, i, &cp)) return simdjson::STRING_ERROR;
        i += 4;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return simdjson::STRING_ERROR;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
          if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u' || !ReadHex4(s, i + 2, &lo) ||
              lo < 0xDC00 || lo > 0xDFFF)
            return simdjson::STRING_ERROR;
          i += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        AppendUtf8(static_cast<char32_t>(cp), out);
        break;
      }
      default: return simdjson::STRING_ERROR;
    }
  }
  return simdjson::SUCCESS;
}

// The string value `v` of a hollowed record: a cut-out long value is
// unescaped from the original line, another from the skeleton.
simdjson::error_code HollowedString(simdjson::ondemand::value& v, const Hollowed& h, std::string* out) {
  simdjson::ondemand::raw_json_string raw;
  if (auto err = v.get_raw_json_string().get(raw)) return err;
  size_t at = static_cast<size_t>(raw.raw() - h.skeleton.data());
  auto it = std::lower_bound(h.longs.begin(), h.longs.end(), std::make_pair(at, std::string_view()),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
  if (it != h.longs.end() && it->first == at) return UnescapeJsonString(it->second, out);
  size_t end = at;
  while (end < h.skeleton.size() && h.skeleton[end] != '"') end += h.skeleton[end] == '\\' ? 2 : 1;
  return UnescapeJsonString(std::string_view(h.skeleton).substr(at, end - at), out);
}

// Reads one JSON Lines record. Returns the reason it is rejected, or "".
// `line` must have SIMDJSON_PADDING bytes of capacity past its size (the
// LineReader reserves them), so it is parsed in place, not copied.
// With `hollowed` (the record's long strings cut out), `json` is its
// skeleton; else the line itself.
std::string ParseRecord(simdjson::ondemand::parser& parser, const std::string& json,
                        const Hollowed* hollowed, const std::string& default_key, Document* d) {
  simdjson::ondemand::document doc;
  auto err = parser.iterate(json.data(), json.size(), json.capacity()).get(doc);
  if (err) return std::string("malformed JSON: ") + simdjson::error_message(err);
  simdjson::ondemand::object obj;
  if ((err = doc.get_object().get(obj))) return "malformed JSON: the line is not a JSON object";
  std::set<std::string> seen;
  bool has_text = false;
  bool text_null = false;
  std::string html;  // the `html` field; used when `text` is missing, null or empty
  std::pair<int, std::string> site{99, ""};  // (preference, name) of the publisher fields
  for (auto field : obj) {
    std::string_view key_raw;
    if ((err = field.unescaped_key().get(key_raw))) return std::string("malformed JSON: ") + simdjson::error_message(err);
    std::string key(key_raw);
    if (!seen.insert(key).second) return "duplicate key '" + key + "' in one record";
    simdjson::ondemand::value v;
    if ((err = field.value().get(v))) return std::string("malformed JSON: ") + simdjson::error_message(err);
    bool known = key == "id" || key == "title" || key == "date" || key == "source" || key == "text" ||
                 key == "html" || IsSiteField(key);
    if (!known) {
      continue;  // unknown fields are allowed (crawlers add url, lang...); skipped unread
    }
    simdjson::ondemand::json_type type;
    if ((err = v.type().get(type))) return std::string("malformed JSON in field '") + key + "': " + simdjson::error_message(err);
    if (type == simdjson::ondemand::json_type::null) {
      if (key == "text") text_null = true;  // the html field may stand in
      continue;
    }
    if (type != simdjson::ondemand::json_type::string) {
      const char* tn = type == simdjson::ondemand::json_type::number   ? "a number"
                       : type == simdjson::ondemand::json_type::boolean ? "a boolean"
                       : type == simdjson::ondemand::json_type::array   ? "an array"
                                                                         : "an object";
      return "field '" + key + "' is " + tn + ", expected a string";
    }
    std::string s;
    if (hollowed) {
      if ((err = HollowedString(v, *hollowed, &s))) return "field '" + key + "': " + simdjson::error_message(err);
    } else {
      std::string_view sv;
      if ((err = v.get_string().get(sv))) return "field '" + key + "': " + simdjson::error_message(err);
      s.assign(sv);
    }
    if (key == "id") d->key = s;
    else if (key == "title") d->title = s;
    else if (key == "source") d->source = s;
    else if (IsSiteField(key)) site = PreferredSite(key, s, site);
    else if (key == "text") { d->raw = std::move(s); has_text = true; }
    else if (key == "html") html = std::move(s);
    else if (key == "date") {
      if (!s.empty() && !ParseIsoDate(s, &d->published))
        d->warnings.push_back("field 'date' is \"" + s +
                              "\", not a date newskb can read (YYYY-MM-DD, YYYY/MM/DD, YYYY年M月D日, "
                              "RFC 2822, ISO 8601 with a time); stored without a date");
    }
  }
  {
    const char* loc = nullptr;
    if (!doc.current_location().get(loc)) return "malformed JSON: text after the object";
  }
  if ((!has_text || d->raw.find_first_not_of(" \t\r\n") == std::string::npos) && !html.empty()) {
    d->raw = std::move(html);
    d->raw_is_html = true;
    has_text = true;
  }
  if (!has_text) return text_null ? "field 'text' is null, expected a string" : "missing field 'text'";
  if (d->source.empty()) d->source = site.second;
  if (d->key.empty()) d->key = default_key;
  if (std::string why = TextProblem(d->raw); !why.empty()) return std::string(d->raw_is_html ? "field 'html': " : "field 'text': ") + why;
  return "";
}

// Buffers over this are freed after their record, not kept for the next.
constexpr size_t kKeepBytes = size_t{4} << 20;

// Why `line` cannot be a record, from its first non-space byte, or "": an
// article is a JSON object, so a line that begins otherwise (an array, a
// number, 31 MiB of '[') is refused before simdjson holds its structure
// (a 32-bit index a byte: ~200 MB for a 31 MiB array).
std::string NotAnObject(const std::string& line) {
  size_t i = line.find_first_not_of(" \t\r\n");
  if (i == std::string::npos || line[i] == '{') return "";
  unsigned char c = static_cast<unsigned char>(line[i]);
  char shown[16];
  if (c >= 0x21 && c < 0x7F) std::snprintf(shown, sizeof shown, "'%c'", c);
  else std::snprintf(shown, sizeof shown, "byte 0x%02X", c);
  return std::string("malformed JSON: the line is not a JSON object (it begins with ") + shown + ")";
}

// Validates and parses one line (its long strings cut out first, so that
// the parser works on a small skeleton). Returns the reason it is
// rejected, or "".
std::string ReadRecord(simdjson::ondemand::parser& parser, const std::string& line,
                       const std::string& default_key, Hollowed* hollowed, Document* d) {
  if (std::string why = NotAnObject(line); !why.empty()) return why;
  if (Status u = ValidateUtf8(line); !u.ok()) return u.message();
  bool cut = HollowLongStrings(line, hollowed);
  const std::string& json = cut ? hollowed->skeleton : line;
  if (json.size() + simdjson::SIMDJSON_PADDING > parser.capacity()) {
    if (parser.allocate(json.size() + 4096)) return "out of memory parsing the record";
  }
  return ParseRecord(parser, json, cut ? hollowed : nullptr, default_key, d);
}

void ReadJsonLines(std::istream& in, const std::string& src, const std::string& stem,
                   const ReadOptions& opts, DocumentSink* sink) {
  simdjson::ondemand::parser parser;
  Hollowed hollowed;
  LineReader lines(in, opts.max_doc_bytes, simdjson::SIMDJSON_PADDING);
  std::string line;
  int64_t n = 0, records = 0;
  while (!sink->Stopped()) {
    LineReader::Status got = lines.Next(&line);
    if (got == LineReader::kEnd) break;
    ++n;
    uint64_t bytes = lines.last_line_bytes();
    if (got == LineReader::kTooLong) {
      ++records;
      sink->OnReject({src, n, "", TooLarge("record", bytes, opts)});
      continue;
    }
    if (n == 1 && line.compare(0, 3, kBom) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    ++records;
    Document d;
    d.origin = src + ":" + std::to_string(n);
    d.input_bytes = bytes;
    std::string why = ReadRecord(parser, line, stem + ":" + std::to_string(n), &hollowed, &d);
    // A large record leaves no large buffer behind for the rest of the
    // batch: the line's and the parser's capacity are given back.
    if (line.capacity() > kKeepBytes) std::string().swap(line);
    if (parser.capacity() > kKeepBytes) parser = simdjson::ondemand::parser();
    if (hollowed.skeleton.capacity() > kKeepBytes) hollowed = Hollowed();
    if (!why.empty()) {
      sink->OnReject({src, n, d.key, why});
      continue;
    }
    if (d.source.empty()) d.source = d.origin;
    sink->OnDocument(std::move(d));
  }
  if (lines.error()) {
    sink->OnReject({src, n + 1, "", "read error after line " + std::to_string(n)});
  } else if (records == 0) {
    sink->OnReject({src, 0, "", n == 0 ? "empty file: no JSON Lines records"
                                       : "no JSON Lines records (only blank lines)"});
  }
}

void ReadPath(const fs::path& p, const ReadOptions& opts, DocumentSink* sink) {
  std::string s = p.string();
  if (EndsWith(s, ".jsonl")) {
    std::ifstream in(p, std::ios::binary);
    if (!in) { sink->OnReject({s, 0, "", "cannot open for reading"}); return; }
    ReadJsonLines(in, s, p.stem().string(), opts, sink);
  } else {
    ReadTextFile(p, opts, sink);
  }
}

// The article files below `dir`, sorted. An entry that cannot be read (a
// symbolic link loop, a dangling link, a folder we may not list) is added to
// `problems` with the reason, and the walk goes on.
std::vector<fs::path> FolderFiles(const fs::path& dir, std::vector<fs::path>* skipped,
                                  std::vector<Reject>* problems) {
  std::vector<fs::path> files;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec && problems) problems->push_back({dir.string(), 0, "", "cannot list the folder: " + ec.message()});
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    fs::path path = it->path();
    std::string name = path.filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (EndsWith(name, ".expected.jsonl") || EndsWith(name, ".questions.jsonl")) continue;
    bool article = EndsWith(name, ".txt") || EndsWith(name, ".jsonl") || IsHtmlFile(name);
    std::error_code fec;
    bool regular = it->is_regular_file(fec);
    if (fec) {  // a link loop or a dangling link: say so if it looks like an article
      if (!article) { if (skipped) skipped->push_back(path); }
      else if (problems) problems->push_back({path.string(), 0, "", "cannot read: " + fec.message()});
      continue;
    }
    if (!regular) continue;
    if (article) files.push_back(path);
    else if (skipped) skipped->push_back(path);
  }
  if (ec && problems) {
    std::string where = it != fs::recursive_directory_iterator() ? it->path().string() : dir.string();
    problems->push_back({where, 0, "", "cannot read the folder further: " + ec.message()});
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

namespace {

int DaysIn(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Reads 1..max_digits ASCII digits at *i.
bool ReadNumber(const std::string& s, size_t* i, size_t max_digits, int* out) {
  size_t j = *i;
  while (j < s.size() && j - *i < max_digits && s[j] >= '0' && s[j] <= '9') ++j;
  if (j == *i) return false;
  *out = std::stoi(s.substr(*i, j - *i));
  *i = j;
  return true;
}

// Formats y[-m[-d]] after checking the ranges; m or d 0 = absent.
bool IsoOf(int y, int m, int d, std::string* iso) {
  if (y < 1000 || y > 2999 || m < 0 || m > 12 || d < 0 || (d > 0 && (m == 0 || d > DaysIn(y, m)))) return false;
  char buf[16];
  if (m == 0) std::snprintf(buf, sizeof buf, "%04d", y);
  else if (d == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  *iso = buf;
  return true;
}

// What may follow a full date: nothing, or a time ("T10:00", " 10:00:00+08:00").
bool TimeFollows(const std::string& s, size_t i) {
  if (i == s.size()) return true;
  if (s[i] != 'T' && s[i] != ' ') return false;
  size_t j = s.find_first_not_of(' ', i + 1);
  return j != std::string::npos && j + 1 < s.size() && s[j] >= '0' && s[j] <= '9';
}

// 2026-02-18, 2026/2/18, 2026.2.18, 2026-02, with an optional time.
bool ParseNumericDate(const std::string& s, std::string* iso) {
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  if (!ReadNumber(s, &i, 4, &y) || i != 4) return false;
  if (i == s.size()) return IsoOf(y, 0, 0, iso);
  char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++i;
  if (!ReadNumber(s, &i, 2, &m)) return false;
  if (i == s.size()) return IsoOf(y, m, 0, iso);
  if (s[i] != sep) return false;
  ++i;
  if (!ReadNumber(s, &i, 2, &d)) return false;
  return TimeFollows(s, i) && IsoOf(y, m, d, iso);
}

// 20260218, with an optional time (ISO 8601 basic form).
bool ParseBasicDate(const std::string& s, std::string* iso) {
  if (!IsDigits(s, 0, 8) || (s.size() > 8 && s[8] >= '0' && s[8] <= '9') || !TimeFollows(s, 8)) return false;
  return IsoOf(std::stoi(s.substr(0, 4)), std::stoi(s.substr(4, 2)), std::stoi(s.substr(6, 2)), iso);
}

// 2026年2月18日 (spaces allowed, 號/号 for 日), 2026年2月, 2026年; a time may follow.
bool ParseHanDate(const std::string& s, std::string* iso) {
  auto skip_spaces = [&](size_t* i) { while (*i < s.size() && s[*i] == ' ') ++*i; };
  auto word = [&](size_t* i, const char* w) {
    size_t n = std::strlen(w);
    if (s.compare(*i, n, w) != 0) return false;
    *i += n;
    return true;
  };
  size_t i = 0;
  int y = 0, m = 0, d = 0;
  if (!ReadNumber(s, &i, 4, &y) || i != 4) return false;
  skip_spaces(&i);
  if (!word(&i, "年")) return false;
  skip_spaces(&i);
  if (i == s.size()) return IsoOf(y, 0, 0, iso);
  if (!ReadNumber(s, &i, 2, &m)) return false;
  skip_spaces(&i);
  if (!word(&i, "月")) return false;
  skip_spaces(&i);
  if (i == s.size()) return IsoOf(y, m, 0, iso);
  if (!ReadNumber(s, &i, 2, &d)) return false;
  skip_spaces(&i);
  if (!word(&i, "日") && !word(&i, "號") && !word(&i, "号")) return false;
  return IsoOf(y, m, d, iso);  // a time or weekday may follow (10:00, 星期日)
}

// RFC 2822: "Wed, 18 Feb 2026 10:00:00 +0800" (weekday and time optional).
bool ParseRfc2822Date(const std::string& s, std::string* iso) {
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
  size_t i = 0;
  size_t comma = s.find(',');
  if (comma != std::string::npos && comma <= 9) i = comma + 1;
  while (i < s.size() && s[i] == ' ') ++i;
  int d = 0, y = 0, m = 0;
  if (!ReadNumber(s, &i, 2, &d) || i >= s.size() || s[i] != ' ') return false;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i + 3 > s.size()) return false;
  std::string mon = s.substr(i, 3);
  for (char& c : mon) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int k = 0; k < 12; ++k)
    if (mon == kMonths[k]) m = k + 1;
  if (m == 0) return false;
  i += 3;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;  // "March"
  if (i >= s.size() || s[i] != ' ') return false;
  while (i < s.size() && s[i] == ' ') ++i;
  size_t ys = i;
  if (!ReadNumber(s, &i, 4, &y) || i - ys != 4) return false;
  return (i == s.size() || s[i] == ' ') && IsoOf(y, m, d, iso);
}

}  // namespace

bool ParseIsoDate(const std::string& in, std::string* iso) {
  size_t b = in.find_first_not_of(" \t"), e = in.find_last_not_of(" \t");
  if (b == std::string::npos) return false;
  const std::string s = in.substr(b, e - b + 1);
  return ParseNumericDate(s, iso) || ParseBasicDate(s, iso) || ParseHanDate(s, iso) || ParseRfc2822Date(s, iso);
}

size_t DatePrefixLength(const std::string& text, std::string* date) {
  size_t i = 0;
  if (text.compare(0, 1, " ") == 0) i = 1;
  if (text.compare(i, 5, "date ") != 0) return 0;
  i += 5;
  if (!IsDigits(text, i, 4) || text.size() < i + 10 || text[i + 4] != '-' || text[i + 7] != '-' ||
      !IsDigits(text, i + 5, 2) || !IsDigits(text, i + 8, 2))
    return 0;
  std::string iso;
  if (!ParseIsoDate(text.substr(i, 10), &iso)) return 0;
  size_t end = i + 10;
  if (end < text.size()) {
    if (text[end] == ' ') ++end;
    else if (text[end] == '\n') ++end;
    else if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') end += 2;
    else return 0;
  }
  *date = iso;
  return end;
}

Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& opts, DocumentSink* sink) {
  Status result;
  for (const std::string& in : inputs) {
    if (sink->Stopped()) break;
    if (in == "-") {
      ReadJsonLines(std::cin, "-", "stdin", opts, sink);
      continue;
    }
    fs::path p(in);
    std::error_code ec;
    auto st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      sink->OnReject({in, 0, "", "no such file or folder"});
      if (result.ok()) result = Status::NotFound(in + ": no such file or folder");
      continue;
    }
    if (fs::is_directory(st)) {
      std::vector<fs::path> skipped;
      std::vector<Reject> problems;
      for (const fs::path& f : FolderFiles(p, &skipped, &problems)) {
        if (sink->Stopped()) break;
        ReadPath(f, opts, sink);
      }
      for (Reject& r : problems) sink->OnReject(std::move(r));
      for (const fs::path& f : skipped) sink->OnSkippedFile(f.string());
    } else {
      ReadPath(p, opts, sink);
    }
  }
  return result;
}

uint64_t TotalInputBytes(const std::vector<std::string>& inputs) {
  uint64_t total = 0;
  for (const std::string& in : inputs) {
    if (in == "-") return 0;
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      for (const fs::path& f : FolderFiles(in, nullptr, nullptr)) {
        uint64_t n = fs::file_size(f, ec);
        if (!ec) total += n;
      }
    } else if (fs::is_regular_file(in, ec)) {
      uint64_t n = fs::file_size(in, ec);
      if (!ec) total += n;
    }
  }
  return total;
}

}  // namespace newskb
