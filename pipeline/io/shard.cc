#include "pipeline/io/shard.h"

#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iostream>

#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

void AppendJsonString(std::string* out, const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        if (c < 0x20) {
          out->append("\\u00");
          out->push_back(kHex[c >> 4]);
          out->push_back(kHex[c & 15]);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
  }
  out->push_back('"');
}

// ,"name":"value" (nothing when value is empty)
void Field(std::string* out, const char* name, const std::string& value) {
  if (value.empty()) return;
  out->append(",\"").append(name).append("\":");
  AppendJsonString(out, value);
}

void IntField(std::string* out, const char* name, int64_t v) {
  out->append(",\"").append(name).append("\":").append(std::to_string(v));
}

// Shortest text that reads back to the same double (std::to_chars).
void NumField(std::string* out, const char* name, const std::optional<double>& v) {
  if (!v || !std::isfinite(*v)) return;
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, *v);
  out->append(",\"").append(name).append("\":").append(buf, r.ptr);
}

// A raw input that is not UTF-8 (a web page in Big5, GBK...) cannot be a
// JSON string: it travels as "raw_base64" (RFC 4648, with padding).
constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void AppendBase64(std::string* out, std::string_view s) {
  size_t i = 0;
  for (; i + 3 <= s.size(); i += 3) {
    uint32_t v = (uint32_t(uint8_t(s[i])) << 16) | (uint32_t(uint8_t(s[i + 1])) << 8) | uint8_t(s[i + 2]);
    for (int k = 3; k >= 0; --k) out->push_back(kB64[(v >> (6 * k)) & 63]);
  }
  if (size_t rest = s.size() - i) {
    uint32_t v = uint32_t(uint8_t(s[i])) << 16;
    if (rest == 2) v |= uint32_t(uint8_t(s[i + 1])) << 8;
    out->push_back(kB64[(v >> 18) & 63]);
    out->push_back(kB64[(v >> 12) & 63]);
    out->push_back(rest == 2 ? kB64[(v >> 6) & 63] : '=');
    out->push_back('=');
  }
}

// Decodes base64 into *out; false if `s` is not base64.
bool DecodeBase64(std::string_view s, std::string* out) {
  if (s.size() % 4) return false;
  out->clear();
  out->reserve(s.size() / 4 * 3);
  for (size_t i = 0; i < s.size(); i += 4) {
    uint32_t v = 0;
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = s[i + k];
      const char* p = c ? std::strchr(kB64, c) : nullptr;
      if (c == '=' && i + 4 == s.size() && k >= 2) { ++pad; v <<= 6; continue; }
      if (!p || pad) return false;
      v = (v << 6) | uint32_t(p - kB64);
    }
    out->push_back(char(v >> 16));
    if (pad < 2) out->push_back(char((v >> 8) & 0xFF));
    if (pad < 1) out->push_back(char(v & 0xFF));
  }
  return true;
}

// The first field of an object: {"n":N
std::string Open(int64_t n) { return "{\"n\":" + std::to_string(n); }

using simdjson::dom::element;
using simdjson::dom::object;

// Reads the fields of a shard record; "" or the reason it is not one.
std::string GetString(const object& o, const char* name, std::string* out) {
  element e;
  if (o.at_key(name).get(e)) return "";  // absent: empty
  std::string_view sv;
  if (e.get(sv)) return std::string("field '") + name + "' is not a string";
  out->assign(sv);
  return "";
}

std::string GetInt(const object& o, const char* name, int64_t* out, bool required = false) {
  element e;
  if (o.at_key(name).get(e)) return required ? std::string("missing field '") + name + "'" : "";
  if (e.get(*out)) return std::string("field '") + name + "' is not a whole number";
  return "";
}

std::string GetNum(const object& o, const char* name, std::optional<double>* out) {
  element e;
  if (o.at_key(name).get(e)) return "";
  double d;
  if (e.get(d)) return std::string("field '") + name + "' is not a number";
  *out = d;
  return "";
}

std::string ParseMention(const object& o, Mention* m) {
  std::string kind, why;
  if (!(why = GetString(o, "kind", &kind)).empty()) return why;
  std::optional<MentionKind> k = MentionKindFromName(kind);
  if (!k) return "mention kind '" + kind + "' is none of figure, date, organization, policy, place, commodity";
  m->kind = *k;
  int64_t start = 0, end = 0;
  if (!(why = GetInt(o, "start", &start, true)).empty()) return why;
  if (!(why = GetInt(o, "end", &end, true)).empty()) return why;
  if (start < 0 || end < start || end > UINT32_MAX) return "mention offsets out of range";
  m->start = static_cast<uint32_t>(start);
  m->end = static_cast<uint32_t>(end);
  for (auto [name, field] : {std::pair<const char*, std::string*>{"text", &m->text}, {"unit", &m->unit},
                             {"qualifier", &m->qualifier}, {"date", &m->date_value}, {"name", &m->name},
                             {"policy_kind", &m->policy_kind}, {"note", &m->note}, {"rule", &m->rule}})
    if (!(why = GetString(o, name, field)).empty()) return why;
  if (!(why = GetNum(o, "value", &m->value)).empty()) return why;
  if (!(why = GetNum(o, "low", &m->low)).empty()) return why;
  return GetNum(o, "high", &m->high);
}

std::string ParseFact(const object& o, Fact* f) {
  std::string why;
  int64_t v;
  for (auto [name, field] : {std::pair<const char*, int*>{"subject", &f->subject}, {"object", &f->object},
                             {"figure", &f->figure}, {"date", &f->date}}) {
    v = -1;
    if (!(why = GetInt(o, name, &v)).empty()) return why;
    *field = static_cast<int>(v);
  }
  if (!(why = GetString(o, "predicate", &f->predicate)).empty()) return why;
  return GetString(o, "rule", &f->rule);
}

std::string ParseDocument(const object& o, ShardRecord* r) {
  Document& d = r->doc;
  std::string why;
  for (auto [name, field] : {std::pair<const char*, std::string*>{"id", &d.key}, {"title", &d.title},
                             {"date", &d.published}, {"source", &d.source}, {"origin", &d.origin},
                             {"raw", &d.raw}, {"body", &d.body}})
    if (!(why = GetString(o, name, field)).empty()) return why;
  if (d.key.empty()) return "missing field 'id'";
  std::string b64;
  if (!(why = GetString(o, "raw_base64", &b64)).empty()) return why;
  if (!b64.empty()) {
    if (!DecodeBase64(b64, &d.raw)) return "field 'raw_base64' is not base64";
    d.raw_is_html = true;  // only a web page may be other than UTF-8
  }
  if (!(why = GetString(o, "script", &r->script)).empty()) return why;
  if (!(why = GetString(o, "rules", &r->rules_hash)).empty()) return why;
  simdjson::dom::array a;
  if (!o.at_key("sentences").get(a)) {
    for (element s : a) {
      simdjson::dom::array pair;
      int64_t b = 0, e = 0;
      if (s.get(pair) || pair.size() != 2 || pair.at(0).get(b) || pair.at(1).get(e) || b < 0 || e < b)
        return "a sentence is not [start, end]";
      r->sentences.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    }
  }
  if (!o.at_key("mentions").get(a)) {
    for (element me : a) {
      object mo;
      if (me.get(mo)) return "a mention is not an object";
      Mention m;
      if (!(why = ParseMention(mo, &m)).empty()) return why;
      r->mentions.push_back(std::move(m));
    }
  }
  if (!o.at_key("facts").get(a)) {
    for (element fe : a) {
      object fo;
      if (fe.get(fo)) return "a fact is not an object";
      Fact f;
      if (!(why = ParseFact(fo, &f)).empty()) return why;
      r->facts.push_back(std::move(f));
    }
  }
  return "";
}

std::string ParseLine(simdjson::dom::parser& parser, const std::string& line, ShardRecord* r) {
  object o;
  if (auto err = parser.parse(line).get(o)) return std::string("not a JSON object: ") + simdjson::error_message(err);
  std::string why;
  if (!(why = GetInt(o, "n", &r->n, true)).empty()) return why;
  element rej;
  if (o.at_key("reject").get(rej)) return ParseDocument(o, r);
  r->is_reject = true;
  std::string_view reason;
  if (rej.get(reason)) return "field 'reject' is not a string";
  r->reject.reason.assign(reason);
  if (!(why = GetString(o, "where", &r->where)).empty()) return why;
  if (!(why = GetString(o, "source", &r->reject.source)).empty()) return why;
  if (!(why = GetInt(o, "line", &r->reject.line)).empty()) return why;
  if (!(why = GetString(o, "id", &r->reject.doc_key)).empty()) return why;
  if (r->where.empty() && r->reject.source.empty()) return "a reject names neither 'where' nor 'source'";
  return "";
}

}  // namespace

std::string ShardDocumentLine(int64_t n, const Document& doc, const std::vector<Sentence>& sentences,
                              const std::vector<Mention>& mentions, const std::vector<Fact>& facts,
                              const std::vector<std::string>& keys, const std::string& script,
                              const std::string& rules_hash) {
  std::string out = Open(n);
  out.reserve(doc.Raw().size() + doc.body.size() + 64 * mentions.size() + 256);
  out.append(",\"id\":");
  AppendJsonString(&out, doc.key);
  Field(&out, "title", doc.title);
  Field(&out, "date", doc.published);
  Field(&out, "source", doc.source);
  Field(&out, "origin", doc.origin);
  if (ValidateUtf8(doc.Raw()).ok()) {
    out.append(",\"raw\":");
    AppendJsonString(&out, doc.Raw());
  } else {
    out.append(",\"raw_base64\":\"");
    AppendBase64(&out, doc.Raw());
    out.push_back('"');
  }
  out.append(",\"body\":");
  AppendJsonString(&out, doc.body);
  Field(&out, "script", script);
  Field(&out, "rules", rules_hash);
  out.append(",\"sentences\":[");
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i) out.push_back(',');
    out.append("[").append(std::to_string(sentences[i].start)).append(",")
        .append(std::to_string(sentences[i].end)).append("]");
  }
  out.append("],\"mentions\":[");
  for (size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (i) out.push_back(',');
    out.append("{\"kind\":\"").append(MentionKindName(m.kind)).append("\"");
    IntField(&out, "start", m.start);
    IntField(&out, "end", m.end);
    Field(&out, "text", m.text);
    NumField(&out, "value", m.value);
    NumField(&out, "low", m.low);
    NumField(&out, "high", m.high);
    Field(&out, "unit", m.unit);
    Field(&out, "qualifier", m.qualifier);
    Field(&out, "date", m.date_value);
    Field(&out, "name", m.name);
    if (i < keys.size()) Field(&out, "key", keys[i]);
    Field(&out, "policy_kind", m.policy_kind);
    Field(&out, "note", m.note);
    Field(&out, "rule", m.rule);
    out.push_back('}');
  }
  out.append("],\"facts\":[");
  for (size_t i = 0; i < facts.size(); ++i) {
    const Fact& f = facts[i];
    if (i) out.push_back(',');
    out.append("{\"predicate\":");
    AppendJsonString(&out, f.predicate);
    if (f.subject >= 0) IntField(&out, "subject", f.subject);
    if (f.object >= 0) IntField(&out, "object", f.object);
    if (f.figure >= 0) IntField(&out, "figure", f.figure);
    if (f.date >= 0) IntField(&out, "date", f.date);
    Field(&out, "rule", f.rule);
    out.push_back('}');
  }
  out.append("]}\n");
  return out;
}

std::string ShardReaderRejectLine(int64_t n, const Reject& r) {
  std::string out = Open(n);
  out.append(",\"reject\":");
  AppendJsonString(&out, r.reason);
  Field(&out, "source", r.source);
  IntField(&out, "line", r.line);
  Field(&out, "id", r.doc_key);
  out.append("}\n");
  return out;
}

std::string ShardRejectLine(int64_t n, const std::string& where, const std::string& key,
                            const std::string& reason) {
  std::string out = Open(n);
  out.append(",\"reject\":");
  AppendJsonString(&out, reason);
  Field(&out, "where", where);
  Field(&out, "id", key);
  out.append("}\n");
  return out;
}

Status ReadShard(const std::string& path, const std::function<void(ShardRecord&&)>& record,
                 const std::function<void(int64_t line, const std::string& reason)>& bad) {
  std::ifstream file;
  std::istream* in = &std::cin;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) return Status::NotFound("cannot open for reading");
    in = &file;
  }
  simdjson::dom::parser parser;
  std::string line;
  int64_t n = 0;
  while (std::getline(*in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    ShardRecord r;
    r.doc.input_bytes = line.size() + 1;
    std::string why = ParseLine(parser, line, &r);
    if (!why.empty()) {
      bad(n, why);
      continue;
    }
    record(std::move(r));
  }
  if (in->bad()) return Status::IoError("read error");
  return Status::Ok();
}

}  // namespace newskb
