// `newskb show DOC_KEY`: an article with its mentions marked, then its facts.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/kb/kb.h"
#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb show [--db FILE] [--color auto|always|never] DOC_KEY\n"
    "\n"
    "Prints a stored article as the knowledge base holds it: key, date, source,\n"
    "title, the body with every mention marked, and the facts drawn from it.\n"
    "On a terminal each kind has its colour (figure green, date blue,\n"
    "organization magenta, policy yellow, place cyan, commodity red, the\n"
    "canonical name after it when the text differs); otherwise, or with\n"
    "--color never, a mention reads [TEXT]{KIND} or [TEXT]{KIND=NAME}:\n"
    "  [DOE]{org=美國能源部} 投入[4億美元]{fig}\n"
    "NO_COLOR in the environment turns colours off as --color never does.\n"
    "\n"
    "Exit status: 0 shown, 1 no such document, 2 usage or fatal error.\n";

struct Mark {
  std::string kind, text, name, detail;
  uint32_t start = 0, end = 0;
};

const char* ShortKind(const std::string& kind) {
  if (kind == "figure") return "fig";
  if (kind == "organization") return "org";
  if (kind == "commodity") return "comm";
  return kind.c_str();
}

const char* KindColor(const std::string& kind) {
  if (kind == "figure") return "\033[1;32m";
  if (kind == "date") return "\033[1;34m";
  if (kind == "organization") return "\033[1;35m";
  if (kind == "policy") return "\033[1;33m";
  if (kind == "place") return "\033[1;36m";
  if (kind == "commodity") return "\033[1;31m";
  return "\033[1m";
}

// The body with the outermost mention of each overlapping group marked.
std::string MarkedBody(const std::string& body, const std::vector<Mark>& marks, bool color) {
  std::vector<size_t> byte_of;  // code point -> byte offset
  for (size_t i = 0; i < body.size(); ++i)
    if ((static_cast<unsigned char>(body[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  byte_of.push_back(body.size());
  const uint32_t ncp = static_cast<uint32_t>(byte_of.size() - 1);
  std::string out;
  uint32_t at = 0;
  for (const Mark& m : marks) {  // sorted by start, longest first
    if (m.start < at || m.end > ncp) continue;
    out.append(body, byte_of[at], byte_of[m.start] - byte_of[at]);
    std::string text = body.substr(byte_of[m.start], byte_of[m.end] - byte_of[m.start]);
    bool named = !m.name.empty() && m.name != text;
    if (color) {
      out += std::string(KindColor(m.kind)) + text + "\033[0m";
      if (named) out += "\033[2m(" + m.name + ")\033[0m";
    } else {
      out += "[" + text + "]{" + ShortKind(m.kind) + (named ? "=" + m.name : "") + "}";
    }
    at = m.end;
  }
  out.append(body, byte_of[at], std::string::npos);
  return out;
}

}  // namespace

int CmdShow(int argc, char** argv) {
  std::string db = DefaultDbPath(), color = "auto", key, err;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (TakeOption(argc, argv, &i, "--color", &color, &err)) continue;
    if (a.size() > 1 && a[0] == '-') { err = "unknown option " + a; break; }
    if (!key.empty()) { err = "one DOC_KEY at a time"; break; }
    key = a;
  }
  if (err.empty() && key.empty()) err = "no DOC_KEY given";
  if (err.empty() && color != "auto" && color != "always" && color != "never")
    err = "--color is auto, always or never";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb show: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  const char* no_color = std::getenv("NO_COLOR");
  bool use_color = color == "always" || (color == "auto" && isatty(1) && !(no_color && *no_color));
  auto kb = KnowledgeBase::OpenReadOnly(db);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb show: %s\n", kb.status().message().c_str());
    return 2;
  }
  Result<StoredDocument> d = kb.value()->FindDocument(key);
  if (!d.ok()) {
    std::fprintf(stderr, "newskb show: %s: %s\n", db.c_str(), d.status().message().c_str());
    return d.status().code() == Status::Code::kNotFound ? 1 : 2;
  }
  const std::string id = std::to_string(d.value().doc_id);
  std::vector<Mark> marks;
  Status s = kb.value()->Select(
      "SELECT m.kind, m.start, m.\"end\", m.text, e.name FROM mentions m "
      "LEFT JOIN entities e ON e.entity_id = m.entity_id WHERE m.doc_id = ?1 ORDER BY m.start, m.\"end\" DESC",
      {id}, [&](const TextRow& r) {
        Mark m;
        m.kind = r[0].value_or("");
        m.start = static_cast<uint32_t>(std::stoul(r[1].value_or("0")));
        m.end = static_cast<uint32_t>(std::stoul(r[2].value_or("0")));
        m.text = r[3].value_or("");
        m.name = r[4].value_or("");
        marks.push_back(std::move(m));
      });
  std::vector<TextRow> facts;
  if (s.ok())
    s = kb.value()->Select(
        "SELECT coalesce(se.name, '-'), f.predicate, coalesce(oe.name, '-'), fm.text, coalesce(dm.date_value, '-'), "
        "f.rule FROM facts f LEFT JOIN entities se ON se.entity_id = f.subject_id "
        "LEFT JOIN entities oe ON oe.entity_id = f.object_id JOIN mentions fm ON fm.mention_id = f.figure_id "
        "LEFT JOIN mentions dm ON dm.mention_id = f.date_id WHERE f.doc_id = ?1 ORDER BY fm.start",
        {id}, [&](const TextRow& r) { facts.push_back(r); });
  if (!s.ok()) {
    std::fprintf(stderr, "newskb show: %s: %s\n", db.c_str(), s.message().c_str());
    return 2;
  }
  const Document& doc = d.value().doc;
  const char* bold = use_color ? "\033[1m" : "";
  const char* dim = use_color ? "\033[2m" : "";
  const char* reset = use_color ? "\033[0m" : "";
  std::printf("%s%s%s  %s  %s\n", bold, doc.key.c_str(), reset, doc.published.empty() ? "(undated)" : doc.published.c_str(),
              doc.source.c_str());
  if (!doc.title.empty()) std::printf("%s%s%s\n", bold, doc.title.c_str(), reset);
  std::printf("\n%s\n\n", MarkedBody(doc.body, marks, use_color).c_str());
  std::map<std::string, int> by_kind;
  for (const Mark& m : marks) ++by_kind[m.kind];
  std::string counts;
  for (const auto& [k, n] : by_kind) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + k;
  std::printf("%smentions: %s%s\n", dim, counts.empty() ? "none" : counts.c_str(), reset);
  std::printf("%sfacts: %zu%s\n", bold, facts.size(), reset);
  for (const TextRow& f : facts) {
    std::string line = "  " + *f[0] + "  " + *f[1] + "  " + *f[2] + "  " + *f[3] + "  date " + *f[4];
    std::printf("%s  %s[%s]%s\n", line.c_str(), dim, f[5].value_or("").c_str(), reset);
  }
  return 0;
}

}  // namespace newskb
