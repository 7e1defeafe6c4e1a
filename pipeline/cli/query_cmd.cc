// `newskb query` and `newskb stats`.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/kb/kb.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

const char kQueryHelp[] =
    "usage: newskb query [--db FILE] [--format table|csv|json|jsonl] SQL\n"
    "\n"
    "Runs SQL on a read-only connection to the knowledge base; a statement that\n"
    "writes is refused. Public views (../shared/kb-contract.md): documents,\n"
    "v_figures, v_dates, v_organizations, v_policies, v_places, v_commodities,\n"
    "v_facts; also v_entities (every alias), rejects, runs.\n"
    "  --format table  columns aligned by display width (default)\n"
    "  --format csv    RFC 4180, with a header row\n"
    "  --format json   one JSON array of objects\n"
    "  --format jsonl  one JSON object per line\n"
    "Example: newskb query \"SELECT doc_key, text, value, unit FROM v_figures LIMIT 5\"\n";

const char kStatsHelp[] =
    "usage: newskb stats [--db FILE]\n"
    "\n"
    "Prints what the knowledge base holds: documents, sentences, mentions per kind,\n"
    "entities, rejects, file size, schema and pipeline versions.\n";

std::string JsonString(const std::string& s) {
  std::string o = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\r': o += "\\r"; break;
      case '\t': o += "\\t"; break;
      default:
        if (c < 0x20) {
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

bool LooksNumeric(const std::string& s) {
  if (s.empty()) return false;
  char* end = nullptr;
  std::strtod(s.c_str(), &end);
  return *end == '\0' && s.find_first_of("xXnN") == std::string::npos && s[0] != '+' &&
         !(s.size() > 1 && s[0] == '0' && s[1] != '.');
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

// Table cells: one line, at most kMaxWidth columns.
constexpr size_t kMaxWidth = 80;
std::string Cell(const std::optional<std::string>& v) {
  if (!v) return "NULL";
  std::string s;
  for (char c : *v) s += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  if (DisplayWidth(s) <= kMaxWidth) return s;
  std::string out;
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    std::string ch = s.substr(i, len);
    size_t cw = DisplayWidth(ch);
    if (w + cw > kMaxWidth - 1) break;
    out += ch;
    w += cw;
    i += len;
    (void)cp;
  }
  return out + "…";
}

}  // namespace

int CmdQuery(int argc, char** argv) {
  std::string db = DefaultDbPath(), format = "table", err, sql;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kQueryHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--format", &format, &err)) continue;
    if (a.size() > 1 && a[0] == '-' && a.rfind("--", 0) == 0) { err = "unknown option " + a; break; }
    if (!sql.empty()) { err = "give the SQL as one argument (quote it)"; break; }
    sql = a;
  }
  if (err.empty() && sql.empty()) err = "no SQL given";
  if (err.empty() && format != "table" && format != "csv" && format != "json" && format != "jsonl")
    err = "--format must be table, csv, json or jsonl";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb query: %s\n\n%s", err.c_str(), kQueryHelp);
    return 2;
  }
  auto kb = KnowledgeBase::OpenReadOnly(db);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb query: %s\n", kb.status().message().c_str());
    return 2;
  }
  std::vector<std::string> cols;
  std::vector<Row> rows;  // table only: needs widths first
  bool first_json = true;
  size_t nrows = 0;
  auto flush_table = [&]() {
    if (cols.empty()) return;
    std::vector<size_t> w(cols.size());
    for (size_t c = 0; c < cols.size(); ++c) w[c] = DisplayWidth(cols[c]);
    std::vector<std::vector<std::string>> cells;
    for (const Row& r : rows) {
      cells.emplace_back();
      for (size_t c = 0; c < cols.size(); ++c) {
        cells.back().push_back(Cell(r[c]));
        w[c] = std::max(w[c], DisplayWidth(cells.back().back()));
      }
    }
    auto line = [&](const std::vector<std::string>& v) {
      std::string out;
      for (size_t c = 0; c < v.size(); ++c) {
        out += v[c];
        if (c + 1 < v.size()) out += std::string(w[c] - DisplayWidth(v[c]) + 2, ' ');
      }
      while (!out.empty() && out.back() == ' ') out.pop_back();
      std::printf("%s\n", out.c_str());
    };
    line(cols);
    std::vector<std::string> rule;
    for (size_t c = 0; c < cols.size(); ++c) rule.push_back(std::string(w[c], '-'));
    line(rule);
    for (const auto& r : cells) line(r);
    std::printf("(%zu row%s)\n", rows.size(), rows.size() == 1 ? "" : "s");
    rows.clear();
  };
  auto header = [&](const std::vector<std::string>& c) {
    if (format == "table") flush_table();
    cols = c;
    if (format == "csv") {
      for (size_t i = 0; i < c.size(); ++i) std::printf("%s%s", i ? "," : "", Csv(c[i]).c_str());
      std::printf("\n");
    }
    if (format == "json" && first_json) std::printf("[");
  };
  auto row = [&](const Row& r) {
    ++nrows;
    if (format == "table") { rows.push_back(r); return; }
    if (format == "csv") {
      for (size_t i = 0; i < r.size(); ++i) std::printf("%s%s", i ? "," : "", r[i] ? Csv(*r[i]).c_str() : "");
      std::printf("\n");
      return;
    }
    std::string o = "{";
    for (size_t i = 0; i < r.size(); ++i) {
      o += (i ? "," : "") + JsonString(cols[i]) + ":";
      o += !r[i] ? "null" : LooksNumeric(*r[i]) ? *r[i] : JsonString(*r[i]);
    }
    o += "}";
    if (format == "jsonl") std::printf("%s\n", o.c_str());
    else { std::printf("%s\n%s", first_json ? "" : ",", o.c_str()); first_json = false; }
  };
  Status s = kb.value()->Query(sql, header, row);
  if (format == "table") flush_table();
  if (format == "json" && !cols.empty()) std::printf("%s]\n", first_json ? "" : "\n");
  if (!s.ok()) {
    std::fprintf(stderr, "newskb query: %s\n", s.message().c_str());
    return 2;
  }
  return 0;
}

int CmdStats(int argc, char** argv) {
  std::string db = DefaultDbPath(), err;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kStatsHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    err = "unknown argument " + a;
  }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb stats: %s\n\n%s", err.c_str(), kStatsHelp);
    return 2;
  }
  auto kb = KnowledgeBase::OpenReadOnly(db);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb stats: %s\n", kb.status().message().c_str());
    return 2;
  }
  Result<KbStats> st = kb.value()->Stats();
  if (!st.ok()) {
    std::fprintf(stderr, "newskb stats: %s\n", st.status().message().c_str());
    return 2;
  }
  const KbStats& s = st.value();
  std::printf("knowledge base   %s\n", db.c_str());
  std::printf("size             %.2f MB\n", s.file_bytes / 1e6);
  std::printf("schema version   %d\n", s.schema_version);
  std::string pv;
  for (const auto& v : s.pipeline_versions) pv += (pv.empty() ? "" : ", ") + v;
  std::printf("pipeline version %s (this binary: %s)\n", pv.empty() ? "-" : pv.c_str(), NEWSKB_PIPELINE_VERSION);
  std::printf("documents        %lld\n", static_cast<long long>(s.documents));
  std::printf("sentences        %lld\n", static_cast<long long>(s.sentences));
  std::printf("mentions\n");
  for (const auto& [k, n] : s.mentions_by_kind) std::printf("  %-14s %lld\n", k.c_str(), static_cast<long long>(n));
  std::printf("entities         %lld\n", static_cast<long long>(s.entities));
  for (const auto& [k, n] : s.entities_by_kind) std::printf("  %-14s %lld\n", k.c_str(), static_cast<long long>(n));
  std::printf("facts            %lld\n", static_cast<long long>(s.facts));
  std::printf("rejects          %lld\n", static_cast<long long>(s.rejects));
  return 0;
}

}  // namespace newskb
