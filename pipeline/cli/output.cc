#include "pipeline/cli/output.h"

#include <algorithm>
#include <cmath>

#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

constexpr size_t kMaxWidth = 80;

// A table cell: one line, at most kMaxWidth columns.
std::string Cell(const Value& v) {
  if (v.is_null()) return "NULL";
  std::string s;
  for (char c : v.ToText()) s += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (DisplayWidth(s) <= kMaxWidth) return s;
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    DecodeUtf8(s, i, &len);
    std::string ch = s.substr(i, len);
    size_t cw = DisplayWidth(ch);
    if (w + cw > kMaxWidth - 1) return out + "…";
    out += ch;
    w += cw;
    i += len;
  }
  return out;
}

// Length of a valid UTF-8 sequence at s[i], 0 if invalid.
size_t ValidSequence(const std::string& s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  unsigned char d = static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]);
  if (n == 3 && ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F))) return 0;  // overlong, surrogate
  if (n == 4 && ((c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F))) return 0;
  return n;
}

}  // namespace

bool ParseFormat(const std::string& name, Format* format) {
  if (name == "table") *format = Format::kTable;
  else if (name == "csv") *format = Format::kCsv;
  else if (name == "json") *format = Format::kJson;
  else if (name == "jsonl") *format = Format::kJsonl;
  else return false;
  return true;
}

std::string ResultWriter::JsonString(const std::string& s) {
  std::string o = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = ValidSequence(s, i);
    if (n == 0) { o += "\\ufffd"; ++i; continue; }
    if (n > 1) { o.append(s, i, n); i += n; continue; }
    ++i;
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char b[8];
          std::snprintf(b, sizeof b, "\\u%04x", c);
          o += b;
        } else {
          o += static_cast<char>(c);
        }
    }
  }
  return o + "\"";
}

std::string ResultWriter::JsonValue(const Value& v) {
  switch (v.type) {
    case Value::Type::kNull: return "null";
    case Value::Type::kInteger: return v.ToText();
    case Value::Type::kReal:
      if (std::isinf(v.real)) return v.real > 0 ? "9e999" : "-9e999";
      if (std::isnan(v.real)) return "null";
      return v.ToText();
    case Value::Type::kText:
    case Value::Type::kBlob: return JsonString(v.ToText());
  }
  return "null";
}

std::string ResultWriter::CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

ResultWriter::ResultWriter(OutputOptions options) : opt_(options) {
  if (opt_.table_window == 0) opt_.table_window = 1;
}

void ResultWriter::Line(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), opt_.out);
  std::fputs(opt_.format == Format::kCsv && opt_.excel ? "\r\n" : "\n", opt_.out);
}

void ResultWriter::Header(const std::vector<std::string>& columns) {
  FinishResult();
  cols_ = columns;
  have_result_ = true;
  result_rows_ = 0;
  if (!started_) {
    started_ = true;
    if (opt_.format == Format::kCsv && opt_.excel) std::fputs("\xEF\xBB\xBF", opt_.out);
    if (opt_.format == Format::kJson) std::fputs("[", opt_.out);
  }
  if (opt_.format == Format::kCsv) {
    std::string line;
    for (size_t i = 0; i < cols_.size(); ++i) line += (i ? "," : "") + CsvField(cols_[i]);
    Line(line);
  }
  if (opt_.format == Format::kTable) {
    widths_.assign(cols_.size(), 0);
    for (size_t c = 0; c < cols_.size(); ++c) widths_[c] = DisplayWidth(cols_[c]);
    table_header_printed_ = false;
  }
}

void ResultWriter::AddRow(const Row& r) {
  ++result_rows_;
  switch (opt_.format) {
    case Format::kTable: {
      pending_.emplace_back();
      for (size_t c = 0; c < cols_.size() && c < r.size(); ++c) pending_.back().push_back(Cell(r[c]));
      if (pending_.size() >= opt_.table_window) FlushTable();
      return;
    }
    case Format::kCsv: {
      std::string line;
      for (size_t i = 0; i < r.size(); ++i) line += (i ? "," : "") + CsvField(r[i].ToText());
      Line(line);
      return;
    }
    case Format::kJson:
    case Format::kJsonl: {
      std::string o = "{";
      for (size_t i = 0; i < r.size() && i < cols_.size(); ++i)
        o += (i ? "," : "") + JsonString(cols_[i]) + ":" + JsonValue(r[i]);
      o += "}";
      if (opt_.format == Format::kJsonl) {
        Line(o);
      } else {
        std::fputs(first_json_row_ ? "\n" : ",\n", opt_.out);
        std::fwrite(o.data(), 1, o.size(), opt_.out);
        first_json_row_ = false;
      }
      return;
    }
  }
}

void ResultWriter::FlushTable() {
  for (const auto& cells : pending_)
    for (size_t c = 0; c < cells.size(); ++c) widths_[c] = std::max(widths_[c], DisplayWidth(cells[c]));
  auto line = [&](const std::vector<std::string>& v) {
    std::string out;
    for (size_t c = 0; c < v.size(); ++c) {
      out += v[c];
      if (c + 1 < v.size()) out += std::string(widths_[c] - std::min(widths_[c], DisplayWidth(v[c])) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    Line(out);
  };
  if (!table_header_printed_) {
    line(cols_);
    std::vector<std::string> rule;
    for (size_t c = 0; c < cols_.size(); ++c) rule.push_back(std::string(widths_[c], '-'));
    line(rule);
    table_header_printed_ = true;
  }
  for (const auto& cells : pending_) line(cells);
  pending_.clear();
}

void ResultWriter::FinishResult() {
  if (!have_result_) return;
  if (opt_.format == Format::kTable) {
    FlushTable();
    std::fprintf(opt_.out, "(%zu row%s)\n", result_rows_, result_rows_ == 1 ? "" : "s");
  }
  have_result_ = false;
}

void ResultWriter::Finish() {
  FinishResult();
  if (opt_.format == Format::kJson) std::fputs(!started_ ? "[]\n" : first_json_row_ ? "]\n" : "\n]\n", opt_.out);
  std::fflush(opt_.out);
}

}  // namespace newskb
