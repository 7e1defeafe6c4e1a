// `newskb facts`: the facts of the knowledge base (v_facts), filtered by
// entity (either role, or subject or object only; any alias, either script),
// predicate, date and document, printed as `newskb query` prints (table, csv,
// json, jsonl).
#include <cstdio>
#include <string>
#include <vector>

#include "extractors/extractor.h"
#include "extractors/link/gazetteer.h"
#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/kb/kb.h"
#include "pipeline/normalize/normalizer.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb facts [--db FILE] [--entity NAME | --subject NAME | --object NAME]\n"
    "                    [--predicate P] [--since DATE] [--until DATE] [--doc KEY]\n"
    "                    [--format table|csv|json|jsonl]\n"
    "\n"
    "Prints the facts the knowledge base holds (view v_facts): each figure tied to\n"
    "its subject, predicate, object and date.\n"
    "  --entity NAME    facts about the entity NAME names, as subject or object. A\n"
    "                   name is matched by any alias, in Traditional or Simplified\n"
    "                   script, any width or case (`美國`, `美国`, `US` are one):\n"
    "                   the aliases the knowledge base has seen, and those of the\n"
    "                   gazetteers (rules/gazetteer/*.tsv, $NEWSKB_RULES)\n"
    "  --subject NAME   only facts whose subject is that entity\n"
    "  --object NAME    only facts whose object is that entity\n"
    "  --predicate P    only facts with this predicate: invests, lends, raises,\n"
    "                   stake, size, stockpiles, price_floor, share, produces,\n"
    "                   costs, cost_change, covers, takes, targets, counts, other\n"
    "                   (extractors/facts/README.md)\n"
    "  --since DATE     facts whose date reaches DATE or later (YYYY, YYYY-MM or\n"
    "  --until DATE     YYYY-MM-DD; a fact with no date of its own is dated by its\n"
    "                   document's publication date, and left out if it has none)\n"
    "  --doc KEY        only facts of the document KEY\n"
    "  --format F       table (default; without the sentence), csv, json, jsonl\n"
    "                   (these add the sentence, rule, entity kinds and date range)\n"
    "Exit status: 0 success (also when no fact matches), 1 a NAME or KEY the\n"
    "knowledge base does not hold, 2 usage or fatal error.\n"
    "Example: newskb facts --entity 美国能源部 --predicate lends --since 2025\n";

const char* const kPredicates[] = {"invests", "lends",  "raises",      "stake", "size",  "stockpiles",
                                   "price_floor", "share", "produces", "costs", "cost_change",
                                   "covers",  "takes",  "targets",     "counts", "other"};

std::string SqlQuote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("''") : std::string(1, c);
  return o + "'";
}

// True if s is YYYY, YYYY-MM or YYYY-MM-DD.
bool IsIsoDate(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// SQL for the first / last day of an ISO date at its precision.
std::string FirstDay(const std::string& d) {
  return SqlQuote(d.size() == 4 ? d + "-01-01" : d.size() == 7 ? d + "-01" : d);
}
std::string LastDay(const std::string& d) {
  if (d.size() == 4) return SqlQuote(d + "-12-31");
  if (d.size() == 7) return "date(" + SqlQuote(d + "-01") + ", '+1 month', '-1 day')";
  return SqlQuote(d);
}

// Folded keys NAME may be known by: its own, and the canonical names of the
// gazetteer entities it is an alias of (US -> 美國 even if the knowledge base
// never saw "US").
std::vector<std::string> NameKeys(const Normalizer& norm, const std::string& name) {
  std::vector<std::string> keys = {norm.FoldKey(name)};
  for (const char* g : {"places", "commodities", "organizations", "policies"}) {
    auto gaz = Gazetteer::LoadFile(DefaultRulesDir() + "/gazetteer/" + g + ".tsv", norm);
    if (!gaz.ok()) continue;  // optional: the knowledge base's own aliases still work
    if (const std::vector<uint32_t>* ids = gaz.value()->Lookup(keys[0]))
      for (uint32_t id : *ids) keys.push_back(norm.FoldKey(gaz.value()->entry(id).canonical));
  }
  return keys;
}

// The entity ids NAME names, as an SQL list ("3,17"); empty if none.
Result<std::string> EntityIds(KnowledgeBase& kb, const Normalizer& norm, const std::string& name) {
  std::string in;
  for (const std::string& k : NameKeys(norm, name)) in += (in.empty() ? "" : ",") + SqlQuote(k);
  std::string ids;
  Status s = kb.Query(
      "SELECT DISTINCT e.entity_id FROM entities e LEFT JOIN aliases a USING(entity_id) "
      "WHERE e.key IN (" + in + ") OR a.key IN (" + in + ")",
      [](const std::vector<std::string>&) {},
      [&](const Row& r) {
        if (r[0]) ids += (ids.empty() ? "" : ",") + *r[0];
      });
  if (!s.ok()) return s;
  return ids;
}

struct Options {
  std::string db = DefaultDbPath(), format = "table", entity, subject, object, predicate, since, until, doc;
  bool have_db = false;
};

// Parses argv; an error message, or empty.
std::string Parse(int argc, char** argv, Options* o, bool* help) {
  std::string err;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { *help = true; return ""; }
    if (TakeOption(argc, argv, &i, "--db", &o->db, &err)) { o->have_db = true; continue; }
    if (TakeOption(argc, argv, &i, "--format", &o->format, &err)) continue;
    if (TakeOption(argc, argv, &i, "--entity", &o->entity, &err)) continue;
    if (TakeOption(argc, argv, &i, "--subject", &o->subject, &err)) continue;
    if (TakeOption(argc, argv, &i, "--object", &o->object, &err)) continue;
    if (TakeOption(argc, argv, &i, "--predicate", &o->predicate, &err)) continue;
    if (TakeOption(argc, argv, &i, "--since", &o->since, &err)) continue;
    if (TakeOption(argc, argv, &i, "--until", &o->until, &err)) continue;
    if (TakeOption(argc, argv, &i, "--doc", &o->doc, &err)) continue;
    if (!err.empty()) return err;
    return a.rfind("-", 0) == 0 ? "unknown option " + a : "unexpected argument " + a;
  }
  if (o->format != "table" && o->format != "csv" && o->format != "json" && o->format != "jsonl")
    return "--format must be table, csv, json or jsonl";
  if (!o->predicate.empty()) {
    bool known = false;
    for (const char* p : kPredicates) known = known || o->predicate == p;
    if (!known) return "unknown predicate '" + o->predicate + "' (see --help)";
  }
  for (const std::string* d : {&o->since, &o->until})
    if (!d->empty() && !IsIsoDate(*d)) return "a date must be YYYY, YYYY-MM or YYYY-MM-DD, not '" + *d + "'";
  return "";
}

}  // namespace

int CmdFacts(int argc, char** argv) {
  Options o;
  bool help = false;
  std::string err = Parse(argc, argv, &o, &help);
  if (help) { std::fputs(kHelp, stdout); return 0; }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb facts: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  auto kb = KnowledgeBase::OpenReadOnly(o.db);
  if (!kb.ok()) {
    std::fprintf(stderr, "newskb facts: %s\n", kb.status().message().c_str());
    return 2;
  }
  if (kb.value()->schema_version() < 3) {
    std::fprintf(stderr,
                 "newskb facts: %s has schema version %d, before linked facts (3); any `newskb ingest --db %s` "
                 "upgrades it\n",
                 o.db.c_str(), kb.value()->schema_version(), o.db.c_str());
    return 2;
  }
  auto norm = Normalizer::Create();
  if (!norm.ok()) {
    std::fprintf(stderr, "newskb facts: %s\n", norm.status().message().c_str());
    return 2;
  }
  // Each name must name an entity the knowledge base holds.
  std::string where;
  struct Filter { const char* option; const std::string* name; const char* test; };
  for (const Filter& fl : {Filter{"--entity", &o.entity, "(f.subject_id IN (@) OR f.object_id IN (@))"},
                           Filter{"--subject", &o.subject, "f.subject_id IN (@)"},
                           Filter{"--object", &o.object, "f.object_id IN (@)"}}) {
    if (fl.name->empty()) continue;
    Result<std::string> ids = EntityIds(*kb.value(), *norm.value(), *fl.name);
    if (!ids.ok()) {
      std::fprintf(stderr, "newskb facts: %s\n", ids.status().message().c_str());
      return 2;
    }
    if (ids.value().empty()) {
      std::fprintf(stderr, "newskb facts: %s %s: no entity of that name (or alias) in %s\n", fl.option,
                   fl.name->c_str(), o.db.c_str());
      return 1;
    }
    std::string test = fl.test;
    for (size_t at; (at = test.find('@')) != std::string::npos;) test.replace(at, 1, ids.value());
    where += " AND " + test;
  }
  if (!o.doc.empty()) {
    bool found = false;
    Status s = kb.value()->Query("SELECT 1 FROM documents WHERE doc_key = " + SqlQuote(o.doc),
                                 [](const std::vector<std::string>&) {}, [&](const Row&) { found = true; });
    if (!s.ok()) {
      std::fprintf(stderr, "newskb facts: %s\n", s.message().c_str());
      return 2;
    }
    if (!found) {
      std::fprintf(stderr, "newskb facts: --doc %s: no document of that key in %s\n", o.doc.c_str(), o.db.c_str());
      return 1;
    }
    where += " AND f.doc_key = " + SqlQuote(o.doc);
  }
  if (!o.predicate.empty()) where += " AND f.predicate = " + SqlQuote(o.predicate);
  // A fact's dates: its own range, else its document's publication date.
  if (!o.since.empty()) where += " AND coalesce(f.date_end, d.published) >= " + FirstDay(o.since);
  if (!o.until.empty()) where += " AND coalesce(f.date_start, d.published) <= " + LastDay(o.until);
  std::string cols =
      "f.doc_key, f.subject, f.predicate, f.object, f.value, f.low, f.high, f.unit, f.qualifier, f.date, "
      "f.figure_text";
  if (o.format != "table")
    cols += ", f.sentence, f.rule, f.sentence_no, f.subject_kind, f.object_kind, f.date_start, f.date_end";
  std::string sql = "SELECT " + cols + " FROM v_facts f JOIN documents d ON d.doc_id = f.doc_id WHERE 1" + where +
                    " ORDER BY f.doc_key, f.sentence_no, f.fact_id";
  kb.value().reset();
  // Printing is `newskb query`'s.
  std::vector<std::string> args = {"query", "--format", o.format, "--db", o.db, sql};
  std::vector<char*> av;
  for (std::string& s : args) av.push_back(s.data());
  av.push_back(nullptr);
  int rc = CmdQuery(static_cast<int>(args.size()), av.data());
  return rc == 0 ? 0 : 2;
}

}  // namespace newskb
