// `newskb search TERMS`: full-text search of the stored articles, in either
// script, ranked by bm25 (documents_fts, schema/004, pipeline/kb/search_sql.h).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/cli/interrupt.h"
#include "pipeline/cli/output.h"
#include "pipeline/cli/search_folding.h"
#include "pipeline/kb/kb.h"
#include "pipeline/normalize/normalizer.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb search [--db FILE] [--format table|csv|json|jsonl] [--excel]\n"
    "                     [--since DATE] [--until DATE] [--entity NAME] [--limit N] TERMS...\n"
    "\n"
    "Lists the articles that hold every term, best first (bm25): key, publication\n"
    "date, title, a snippet with the terms marked «like this», and the score.\n"
    "Terms match in Traditional or Simplified script, any width or case (碳酸鋰\n"
    "finds 碳酸锂), one or two characters too (鋰, 稀土); a term's characters must\n"
    "stand together. OR between two terms: either; NOT before a term: without it;\n"
    "\"two words\" in quotes: a phrase.\n"
    "  --since DATE     published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "  --until DATE     published on or before DATE (2026-03 includes all of March)\n"
    "                   (articles without a date are left out by either)\n"
    "  --entity NAME    only articles that mention the entity NAME names (any alias,\n"
    "                   either script, as `newskb entity`)\n"
    "  --limit N        at most N articles (default 20; 0: all)\n"
    "  --format F       as `newskb query`: table (default), csv, json, jsonl; --excel\n"
    "Exit status: 0 found, 1 nothing found, 2 usage or fatal error, 130 interrupted.\n"
    "Example: newskb search 碳酸鋰 擴產 --since 2026-01\n";

std::string SqlQuote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("''") : std::string(1, c);
  return o + "'";
}

// An FTS5 string: every term quoted (so punctuation in it is text, not
// syntax), OR and NOT kept as operators. Empty when there is no term.
std::string MatchExpression(const std::vector<std::string>& words) {
  std::string expr;
  bool pending_not = false;
  bool have_term = false;
  for (const std::string& w : words) {
    if (w == "OR" && have_term) { expr += " OR"; continue; }
    if (w == "NOT" && have_term) { pending_not = true; continue; }
    std::string q = "\"";
    for (char c : w) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    q += "\"";
    expr += (expr.empty() ? "" : pending_not ? " NOT " : " ") + q;
    pending_not = false;
    have_term = true;
  }
  return expr;
}

// Splits the arguments into terms: whitespace separates, "..." keeps a phrase.
std::vector<std::string> Terms(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') { quoted = !quoted; continue; }
    if (!quoted && (c == ' ' || c == '\t' || c == '\n')) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      continue;
    }
    if (!quoted && i + 3 <= text.size() && text.compare(i, 3, "\xE3\x80\x80") == 0) {  // ideographic space
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      i += 2;
      continue;
    }
    cur += c;
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// A one-line snippet of `marked` (the text with the hits marked «»): from
// kBefore code points before the first mark to kLength code points in all,
// whole marks kept, "…" where text was cut.
std::string Snippet(const std::string& marked) {
  constexpr size_t kBefore = 16, kLength = 64;
  const std::string kOpen = "«", kClose = "»";
  std::vector<size_t> cps;  // byte offset of each code point, then the end
  for (size_t i = 0; i < marked.size(); ++i)
    if ((static_cast<unsigned char>(marked[i]) & 0xC0) != 0x80) cps.push_back(i);
  cps.push_back(marked.size());
  const size_t n = cps.size() - 1;
  size_t from = 0;
  size_t first = marked.find(kOpen);
  if (first != std::string::npos) {
    size_t cp = static_cast<size_t>(std::lower_bound(cps.begin(), cps.end(), first) - cps.begin());
    from = cp > kBefore ? cp - kBefore : 0;
  }
  size_t end = cps[std::min(n, from + kLength)];
  if (end > 0 && end < marked.size()) {
    size_t open = marked.rfind(kOpen, end - 1), close = marked.rfind(kClose, end - 1);
    if (open != std::string::npos && (close == std::string::npos || close < open)) {
      size_t c = marked.find(kClose, end);
      if (c != std::string::npos) end = c + kClose.size();
    }
  }
  std::string out = from > 0 ? "…" : "";
  for (size_t i = cps[from]; i < end; ++i) {
    char ch = marked[i];
    out += (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch;
  }
  if (end < marked.size()) out += "…";
  return out;
}

bool IsIsoDatePrefix(const std::string& d) {
  auto digits = [&](size_t a, size_t n) {
    for (size_t i = a; i < a + n; ++i)
      if (i >= d.size() || d[i] < '0' || d[i] > '9') return false;
    return true;
  };
  if (d.size() == 4) return digits(0, 4);
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2);
  if (d.size() == 10) return digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
  return false;
}

}  // namespace

int CmdSearch(int argc, char** argv) {
  std::string db = DefaultDbPath(), format_name = "table", err, since, until, entity, limit = "20", text;
  bool excel = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--format", &format_name, &err)) continue;
    if (TakeOption(argc, argv, &i, "--since", &since, &err)) continue;
    if (TakeOption(argc, argv, &i, "--until", &until, &err)) continue;
    if (TakeOption(argc, argv, &i, "--entity", &entity, &err)) continue;
    if (TakeOption(argc, argv, &i, "--limit", &limit, &err)) continue;
    if (a == "--excel") { excel = true; continue; }
    if (a.size() > 1 && a.rfind("--", 0) == 0) { err = "unknown option " + a; break; }
    text += (text.empty() ? "" : " ") + a;
  }
  Format format = Format::kTable;
  if (err.empty() && !ParseFormat(format_name, &format)) err = "--format must be table, csv, json or jsonl";
  if (err.empty() && excel) format = Format::kCsv;
  if (err.empty() && !since.empty() && !IsIsoDatePrefix(since)) err = "--since needs YYYY, YYYY-MM or YYYY-MM-DD";
  if (err.empty() && !until.empty() && !IsIsoDatePrefix(until)) err = "--until needs YYYY, YYYY-MM or YYYY-MM-DD";
  char* end = nullptr;
  long n = std::strtol(limit.c_str(), &end, 10);
  if (err.empty() && (*end != '\0' || n < 0)) err = "--limit needs a whole number (0: all)";
  std::string match = MatchExpression(Terms(text));
  if (err.empty() && match.empty()) err = "no search terms given";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb search: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  auto norm = Normalizer::Create();
  if (!norm.ok()) {
    std::fprintf(stderr, "newskb search: %s\n", norm.status().message().c_str());
    return 2;
  }
  auto kb = KnowledgeBase::OpenReadOnly(db, KeyFolding(norm.value()), TextFolding(norm.value()));
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb search: %s\n", kb.status().message().c_str());
    return 2;
  }
  std::string where = "documents_fts MATCH " + SqlQuote(match);
  if (!since.empty()) where += " AND d.published >= " + SqlQuote(since);
  if (!until.empty())
    where += " AND substr(d.published, 1, " + std::to_string(until.size()) + ") <= " + SqlQuote(until);
  if (!entity.empty()) {
    std::string key = SqlQuote(norm.value()->FoldKey(entity));
    where += " AND d.doc_id IN (SELECT m.doc_id FROM mentions m WHERE m.entity_id IN ("
             "SELECT entity_id FROM entities WHERE key = " + key +
             " UNION SELECT entity_id FROM aliases WHERE key = " + key + "))";
  }
  std::string sql =
      "SELECT d.doc_key AS doc_key, d.published AS published, d.title AS title, "
      "highlight(documents_fts, 1, '«', '»') AS snippet, "
      "round(-documents_fts.rank, 3) AS score "
      "FROM documents_fts JOIN documents d ON d.doc_id = documents_fts.rowid WHERE " + where +
      // ORDER BY rank (bm25) is FTS5's own sort: highlight() then runs on
      // the rows shown only, not on every match (4x faster on common terms).
      " ORDER BY documents_fts.rank";
  if (n > 0) sql += " LIMIT " + std::to_string(n);
  QueryLimits limits;
  limits.interrupted = CatchInterrupts();
  OutputOptions opt;
  opt.format = format;
  opt.excel = excel;
  ResultWriter out(opt);
  size_t found = 0;
  Status s = kb.value()->Query(
      sql, [&](const std::vector<std::string>& cols) { out.Header(cols); },
      [&](const Row& r) {
        ++found;
        Row shown = r;
        shown[3] = Value::Text(Snippet(r[3].ToText()));
        out.AddRow(shown);
      },
      limits);
  out.Finish();
  if (*limits.interrupted) {
    std::fprintf(stderr, "newskb search: interrupted\n");
    return 130;
  }
  if (!s.ok()) {
    std::string m = s.message();
    if (m.find("no such table: documents_fts") != std::string::npos)
      m = db + " has no search index yet (schema version below 4): run `newskb ingest` once with this newskb";
    std::fprintf(stderr, "newskb search: %s\n", m.c_str());
    return 2;
  }
  return found > 0 ? 0 : 1;
}

}  // namespace newskb
