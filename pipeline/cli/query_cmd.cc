// `newskb query` and `newskb stats`.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/interrupt.h"
#include "pipeline/cli/output.h"
#include "pipeline/cli/search_folding.h"
#include "pipeline/kb/kb.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

const char kQueryHelp[] =
    "usage: newskb query [--db FILE] [--format table|csv|json|jsonl] [--excel]\n"
    "                    [--timeout SECONDS] (SQL | --file FILE | -)\n"
    "\n"
    "Runs SQL (one or more statements) on a read-only connection to the knowledge\n"
    "base. Refused, with the reason: a statement that writes, ATTACH, and functions\n"
    "that reach outside the file or reveal memory addresses (load_extension,\n"
    "fts3_tokenizer, readfile, writefile). Public views (../shared/kb-contract.md):\n"
    "documents, v_figures, v_dates, v_organizations, v_policies, v_places,\n"
    "v_commodities, v_facts; also v_entities (every alias), rejects, runs, and the\n"
    "search index documents_fts (see `newskb search`). fold(TEXT) gives the key\n"
    "v_entities.alias_key is folded to (either script, any width or case).\n"
    "  SQL              the statements, as one argument\n"
    "  --file FILE      read the SQL from FILE;  -  reads it from standard input\n"
    "  --format table   columns aligned by display width (default); streams, widths\n"
    "                   from the first 1000 rows\n"
    "  --format csv     RFC 4180, with a header row; NULL is an empty field\n"
    "  --excel          csv for spreadsheets: UTF-8 byte-order mark, CRLF line ends\n"
    "  --format json    one JSON array of objects\n"
    "  --format jsonl   one JSON object per line\n"
    "                   JSON keeps SQLite's types: INTEGER and REAL are numbers, TEXT\n"
    "                   strings, NULL null, a BLOB a string of hex digits\n"
    "  --timeout S      stop a query that runs longer than S seconds (exit 2)\n"
    "Ctrl-C stops a query at once (exit 130).\n"
    "Exit status: 0 success, 2 usage error, refused or failed query, 130 interrupted.\n"
    "Example: newskb query \"SELECT doc_key, text, value, unit FROM v_figures LIMIT 5\"\n";

const char kStatsHelp[] =
    "usage: newskb stats [--db FILE] [--format table|csv|json|jsonl]\n"
    "\n"
    "Prints what the knowledge base holds: documents, sentences, mentions per kind,\n"
    "entities per kind, facts, rejects, file size, schema and pipeline versions.\n"
    "  --format table   for people (default)\n"
    "  --format csv     rows of metric,value (mentions.figure, entities.place, ...)\n"
    "  --format jsonl   the same rows as {\"metric\":...,\"value\":...} lines\n"
    "  --format json    one object: {\"documents\": 5, \"mentions\": {\"figure\": 40, ...}, ...}\n";

Result<std::string> ReadSql(const std::string& file) {
  std::string sql;
  if (file == "-") {
    sql.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return sql;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NotFound(file + ": cannot read the SQL file");
  sql.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return sql;
}

}  // namespace

int CmdQuery(int argc, char** argv) {
  std::string db = DefaultDbPath(), format_name = "table", err, sql, file, timeout;
  bool excel = false, have_sql = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kQueryHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--format", &format_name, &err)) continue;
    if (TakeOption(argc, argv, &i, "--file", &file, &err)) continue;
    if (TakeOption(argc, argv, &i, "--timeout", &timeout, &err)) continue;
    if (a == "--excel") { excel = true; continue; }
    if (a == "-") { file = "-"; continue; }
    if (a.size() > 1 && a.rfind("--", 0) == 0) { err = "unknown option " + a; break; }
    if (have_sql) { err = "give the SQL as one argument (quote it)"; break; }
    sql = a;
    have_sql = true;
  }
  Format format = Format::kTable;
  if (err.empty() && !ParseFormat(format_name, &format)) err = "--format must be table, csv, json or jsonl";
  if (err.empty() && excel) {
    if (format_name != "table" && format != Format::kCsv) err = "--excel is a form of csv; drop --format " + format_name;
    format = Format::kCsv;
  }
  double timeout_seconds = 0;
  if (err.empty() && !timeout.empty()) {
    char* end = nullptr;
    timeout_seconds = std::strtod(timeout.c_str(), &end);
    if (*end != '\0' || !(timeout_seconds > 0)) err = "--timeout needs a number of seconds above 0";
  }
  if (err.empty() && have_sql && !file.empty()) err = "give the SQL either as an argument or with --file/-, not both";
  if (err.empty() && !have_sql && file.empty()) err = "no SQL given";
  if (err.empty() && !file.empty()) {
    Result<std::string> r = ReadSql(file);
    if (!r.ok()) err = r.status().message();
    else sql = r.value();
  }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb query: %s\n\n%s", err.c_str(), kQueryHelp);
    return 2;
  }
  LazyFoldings folding = MakeLazyFoldings("newskb query");
  auto kb = KnowledgeBase::OpenReadOnly(db, folding.key, folding.text);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb query: %s\n", kb.status().message().c_str());
    return 2;
  }
  QueryLimits limits;
  limits.timeout_seconds = timeout_seconds;
  limits.interrupted = CatchInterrupts();
  OutputOptions opt;
  opt.format = format;
  opt.excel = excel;
  ResultWriter out(opt);
  Status s = kb.value()->Query(
      sql, [&](const std::vector<std::string>& cols) { out.Header(cols); }, [&](const Row& r) { out.AddRow(r); },
      limits);
  out.Finish();
  if (*limits.interrupted) {
    std::fprintf(stderr, "newskb query: interrupted\n");
    return 130;
  }
  if (!s.ok()) {
    std::string m = s.message();
    if (timeout_seconds > 0 && m.rfind("stopped:", 0) == 0) m += " (--timeout " + timeout + ")";
    std::fprintf(stderr, "newskb query: %s\n", m.c_str());
    return 2;
  }
  return 0;
}

namespace {

// The stats as metric rows, in print order.
std::vector<std::pair<std::string, Value>> StatRows(const std::string& db, const KbStats& s) {
  std::vector<std::pair<std::string, Value>> rows;
  std::string pv;
  for (const auto& v : s.pipeline_versions) pv += (pv.empty() ? "" : ", ") + v;
  rows.push_back({"knowledge_base", Value::Text(db)});
  rows.push_back({"file_bytes", Value::Integer(s.file_bytes)});
  rows.push_back({"search_index_bytes", Value::Integer(s.search_index_bytes)});
  rows.push_back({"schema_version", Value::Integer(s.schema_version)});
  rows.push_back({"pipeline_versions", Value::Text(pv)});
  rows.push_back({"binary_version", Value::Text(NEWSKB_PIPELINE_VERSION)});
  rows.push_back({"documents", Value::Integer(s.documents)});
  rows.push_back({"sentences", Value::Integer(s.sentences)});
  for (const auto& [k, n] : s.mentions_by_kind) rows.push_back({"mentions." + k, Value::Integer(n)});
  rows.push_back({"entities", Value::Integer(s.entities)});
  for (const auto& [k, n] : s.entities_by_kind) rows.push_back({"entities." + k, Value::Integer(n)});
  rows.push_back({"display_script", Value::Text(s.display_script)});
  rows.push_back({"entities_shown_by_usage", Value::Integer(s.shown_by_usage)});
  rows.push_back({"names", Value::Text(s.name_choice)});
  rows.push_back({"entities_split", Value::Integer(s.split_entities)});
  rows.push_back({"entities_split_by_words", Value::Integer(s.split_by_display_name)});
  for (const auto& [k, n] : s.documents_by_script) rows.push_back({"documents.script." + k, Value::Integer(n)});
  rows.push_back({"facts", Value::Integer(s.facts)});
  rows.push_back({"rejects", Value::Integer(s.rejects)});
  rows.push_back({"warnings", Value::Integer(s.warnings)});
  if (s.last_run) {
    rows.push_back({"last_run.id", Value::Integer(s.last_run->id)});
    rows.push_back({"last_run.status", Value::Text(s.last_run->status)});
    rows.push_back({"last_run.stored", Value::Integer(s.last_run->stored)});
    rows.push_back({"last_run.started_at", Value::Text(s.last_run->started_at)});
    rows.push_back({"last_run.command", Value::Text(s.last_run->command)});
  }
  rows.push_back({"interrupted_runs", Value::Integer(s.interrupted_runs)});
  return rows;
}

void PrintStatsJson(const std::string& db, const KbStats& s) {
  using W = ResultWriter;
  auto group = [](const std::map<std::string, int64_t>& m) {
    std::string o = "{";
    for (const auto& [k, n] : m) o += (o.size() > 1 ? "," : "") + W::JsonString(k) + ":" + std::to_string(n);
    return o + "}";
  };
  std::string pv = "[";
  for (const auto& v : s.pipeline_versions) pv += (pv.size() > 1 ? "," : "") + W::JsonString(v);
  pv += "]";
  std::string last_run = "null";
  if (s.last_run)
    last_run = "{\"id\":" + std::to_string(s.last_run->id) + ",\"status\":" + W::JsonString(s.last_run->status) +
               ",\"stored\":" + std::to_string(s.last_run->stored) + ",\"started_at\":" +
               W::JsonString(s.last_run->started_at) + ",\"command\":" + W::JsonString(s.last_run->command) + "}";
  std::printf(
      "{\"knowledge_base\":%s,\"file_bytes\":%lld,\"search_index_bytes\":%lld,\"schema_version\":%d,\"pipeline_versions\":%s,"
      "\"binary_version\":%s,\"documents\":%lld,\"sentences\":%lld,\"mentions\":%s,\"entities\":%lld,"
      "\"entities_by_kind\":%s,\"display_script\":%s,\"entities_shown_by_usage\":%lld,\"entities_split\":%lld,\"entities_split_by_words\":%lld,"
      "\"documents_by_script\":%s,\"facts\":%lld,\"rejects\":%lld,\"warnings\":%lld,\"last_run\":%s,"
      "\"interrupted_runs\":%lld}\n",
      W::JsonString(db).c_str(), static_cast<long long>(s.file_bytes),
      static_cast<long long>(s.search_index_bytes), s.schema_version, pv.c_str(),
      W::JsonString(NEWSKB_PIPELINE_VERSION).c_str(), static_cast<long long>(s.documents),
      static_cast<long long>(s.sentences), group(s.mentions_by_kind).c_str(), static_cast<long long>(s.entities),
      group(s.entities_by_kind).c_str(), W::JsonString(s.display_script).c_str(),
      static_cast<long long>(s.shown_by_usage),
      static_cast<long long>(s.split_entities), static_cast<long long>(s.split_by_display_name),
      group(s.documents_by_script).c_str(), static_cast<long long>(s.facts), static_cast<long long>(s.rejects),
      static_cast<long long>(s.warnings), last_run.c_str(), static_cast<long long>(s.interrupted_runs));
}

void PrintStatsTable(const std::string& db, const KbStats& s) {
  std::printf("knowledge base   %s\n", db.c_str());
  std::printf("size             %.2f MB\n", s.file_bytes / 1e6);
  if (s.file_bytes > 0)
    std::printf("search index     %.2f MB (%.0f%% of the file)\n", s.search_index_bytes / 1e6,
                100.0 * s.search_index_bytes / s.file_bytes);
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
  if (!s.display_script.empty())
    std::printf("  shown in       %s (%s)\n", s.display_script.c_str(),
                s.display_script_chosen_by == "user" ? "chosen with --script" : "the script most documents use");
  if (s.schema_version >= 7) {
    if (s.name_choice == "official")
      std::printf("  names          official (--names official); %lld entities would be shown by usage:\n",
                  static_cast<long long>(s.shown_by_usage));
    else
      std::printf("  named by usage %lld entities shown as their articles write them most often, official name beside\n",
                  static_cast<long long>(s.shown_by_usage));
    for (const auto& [shown, official] : s.shown_by_usage_top)
      std::printf("    %s  (official: %s)\n", shown.c_str(), official.c_str());
  }
  if (s.entities_without_display_names > 0)
    std::printf("  without display names %lld (run `newskb ingest` to add them)\n",
                static_cast<long long>(s.entities_without_display_names));
  std::printf("  split          %lld entities stored apart whose names fold to one key (%zu groups)\n",
              static_cast<long long>(s.split_entities), s.split_groups.size());
  for (size_t i = 0; i < s.split_groups.size() && i < 10; ++i) {
    std::string names;
    for (const std::string& nm : s.split_groups[i]) names += (names.empty() ? "" : " | ") + nm;
    std::printf("    %s\n", names.c_str());
  }
  if (s.split_groups.size() > 10) std::printf("    ... (`newskb ingest` merges them)\n");
  if (s.schema_version >= 6) {
    std::printf("  split by words %lld pairs where one's display name is the other's name\n",
                static_cast<long long>(s.split_by_display_name));
    for (size_t i = 0; i < s.display_split_pairs.size() && i < 10; ++i)
      std::printf("    %s | %s\n", s.display_split_pairs[i][0].c_str(), s.display_split_pairs[i][1].c_str());
  }
  if (!s.documents_by_script.empty()) {
    std::printf("documents by script\n");
    for (const auto& [k, c] : s.documents_by_script)
      std::printf("  %-14s %lld\n", k.c_str(), static_cast<long long>(c));
  }
  std::printf("facts            %lld\n", static_cast<long long>(s.facts));
  std::printf("rejects          %lld\n", static_cast<long long>(s.rejects));
  if (s.warnings) std::printf("warnings         %lld (stored with a field left NULL; see rejects)\n",
                              static_cast<long long>(s.warnings));
  if (s.last_run) {
    std::printf("last run         #%lld %s, %lld stored, started %s: %s\n", static_cast<long long>(s.last_run->id),
                s.last_run->status.c_str(), static_cast<long long>(s.last_run->stored),
                s.last_run->started_at.c_str(), s.last_run->command.c_str());
    if (s.last_run->status == "interrupted") std::printf("                 run the same command again to resume\n");
  }
  if (s.interrupted_runs) std::printf("interrupted runs %lld\n", static_cast<long long>(s.interrupted_runs));
}

}  // namespace

int CmdStats(int argc, char** argv) {
  std::string db = DefaultDbPath(), err, format_name = "table";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kStatsHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--format", &format_name, &err)) continue;
    err = "unknown argument " + a;
  }
  Format format = Format::kTable;
  if (err.empty() && !ParseFormat(format_name, &format)) err = "--format must be table, csv, json or jsonl";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb stats: %s\n\n%s", err.c_str(), kStatsHelp);
    return 2;
  }
  auto kb = KnowledgeBase::OpenReadOnly(db);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb stats: %s\n", kb.status().message().c_str());
    return 2;
  }
  // The fold this newskb makes keys with, to find entities stored apart
  // that it would store as one.
  Result<std::shared_ptr<const Normalizer>> norm = Normalizer::Create();
  if (!norm.ok()) {
    std::fprintf(stderr, "newskb stats: %s\n", norm.status().message().c_str());
    return 2;
  }
  std::shared_ptr<const Normalizer> n = norm.value();
  Result<KbStats> st = kb.value()->Stats([n](std::string_view s) { return n->FoldKey(s); });
  if (!st.ok()) {
    std::fprintf(stderr, "newskb stats: %s\n", st.status().message().c_str());
    return 2;
  }
  if (format == Format::kTable) {
    PrintStatsTable(db, st.value());
  } else if (format == Format::kJson) {
    PrintStatsJson(db, st.value());
  } else {
    OutputOptions opt;
    opt.format = format;
    ResultWriter out(opt);
    out.Header({"metric", "value"});
    for (auto& [k, v] : StatRows(db, st.value())) out.AddRow({Value::Text(k), v});
    out.Finish();
  }
  return 0;
}

}  // namespace newskb
