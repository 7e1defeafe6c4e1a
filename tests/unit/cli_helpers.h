// Helpers for the tests that run the `newskb` binary as a user does.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace newskb_test {

// Runs a shell command; returns stdout and stderr together, *status the exit status.
inline std::string Shell(const std::string& cmd, int* status = nullptr) {
  std::string out;
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

// What a command printed (stdout and stderr together) and its exit status.
struct CmdResult {
  int status;
  std::string out;
};

inline CmdResult Sh(const std::string& cmd) {
  CmdResult r{0, ""};
  r.out = Shell(cmd, &r.status);
  return r;
}

// `newskb ARGS` with the binary under test.
inline std::string Newskb(const std::string& args, int* status = nullptr) {
  return Shell("'" NEWSKB_BINARY "' " + args, status);
}

// Everything a user reads from the knowledge base at `db` (documents,
// mentions with their values and entities, facts), in a stable order and
// without row ids, so two files built differently compare equal when they
// hold the same knowledge.
inline std::string Dump(const std::string& db) {
  const char* sql[] = {
      "SELECT doc_key, title, published, source, text FROM documents ORDER BY doc_key",
      "SELECT doc_key, kind, start, \\\"end\\\", text, value, low, high, unit, qualifier, date_value, rule "
      "FROM v_mentions ORDER BY doc_key, start, \\\"end\\\", kind, rule",
      "SELECT e.kind, e.name, m.doc_key, m.start FROM v_mentions m JOIN entities e USING(entity_id) "
      "ORDER BY m.doc_key, m.start, e.kind",
      "SELECT doc_key, subject, predicate, object, value, unit, date, figure_text, sentence FROM v_facts "
      "ORDER BY doc_key, figure_text, predicate, subject, object",
      "SELECT kind, name FROM entities ORDER BY kind, name"};
  std::string all;
  for (const char* q : sql) all += Newskb("query --db '" + db + "' --format csv \"" + q + "\"");
  return all;
}

}  // namespace newskb_test
