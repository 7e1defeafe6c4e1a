// newskb/pipeline/cli/output.h
//
// Printing query results (rows of typed Values, pipeline/kb/kb.h) in the
// formats every command offers with --format, streaming: nothing but a
// window of table rows is held, so any number of rows prints in flat memory.
//
//   table  columns aligned by display width (CJK characters count 2),
//          NULL as NULL, a cell on one line cut at 80 columns with "…";
//          widths come from the first `table_window` rows of a result and
//          grow, never shrink, for each later window; "(N rows)" at the end
//   csv    RFC 4180: a header row, fields quoted when they hold a comma,
//          quote or line break, NULL as an empty field; lines end in LF,
//          or CRLF after a UTF-8 byte-order mark with `excel` (what
//          spreadsheet programs need to read UTF-8 and line breaks right)
//   json   one array of objects (one per row, keys in column order)
//   jsonl  one object per line
// JSON keeps SQLite's types: INTEGER and REAL are numbers (a REAL keeps a
// ".0" or exponent, the shortest form that reads back to the same double;
// ±infinity as ±9e999, as SQLite's json() writes it), TEXT a string (bytes
// that are not UTF-8 become U+FFFD), NULL null, a BLOB a string of hex.
// csv and table print BLOBs as hex too.
//
// Usage:
//   ResultWriter w({Format::kJson});
//   kb->Query(sql, [&](auto& cols) { w.Header(cols); }, [&](const Row& r) { w.AddRow(r); });
//   w.Finish();
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/kb/kb.h"

namespace newskb {

enum class Format { kTable, kCsv, kJson, kJsonl };

// "table", "csv", "json", "jsonl" -> *format; false for anything else.
bool ParseFormat(const std::string& name, Format* format);

struct OutputOptions {
  Format format = Format::kTable;
  bool excel = false;          // csv only: byte-order mark and CRLF
  size_t table_window = 1000;  // table: rows measured before printing
  std::FILE* out = stdout;
};

class ResultWriter {
 public:
  explicit ResultWriter(OutputOptions options);
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;

  // Starts a result (one per statement): its column names.
  void Header(const std::vector<std::string>& columns);
  void AddRow(const Row& row);
  // Ends the output (table row count, JSON's closing bracket). Call once.
  void Finish();

  // JSON of one value / one string, as used in rows (for other printers).
  static std::string JsonValue(const Value& v);
  static std::string JsonString(const std::string& utf8);
  static std::string CsvField(const std::string& s);

 private:
  void FinishResult();
  void FlushTable();
  void Line(const std::string& s);

  OutputOptions opt_;
  std::vector<std::string> cols_;
  bool have_result_ = false;
  bool started_ = false;        // anything printed (BOM, '[')
  bool first_json_row_ = true;
  size_t result_rows_ = 0;
  // table
  std::vector<std::vector<std::string>> pending_;
  std::vector<size_t> widths_;
  bool table_header_printed_ = false;
};

}  // namespace newskb
