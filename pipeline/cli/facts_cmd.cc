// `newskb facts`: the facts of the knowledge base (v_facts), filtered by
// subject (any alias, either script) and predicate, printed as `newskb query`
// prints (table, csv, json, jsonl).
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "extractors/extractor.h"
#include "extractors/link/gazetteer.h"
#include "pipeline/normalize/normalizer.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb facts [--db FILE] [--subject NAME] [--predicate P] [--format table|csv|json|jsonl]\n"
    "\n"
    "Prints the facts the knowledge base holds (view v_facts): each figure tied to\n"
    "its subject, predicate, object and date.\n"
    "  --subject NAME   only facts whose subject is the entity NAME names, by any\n"
    "                   alias, in Traditional or Simplified script, any width or\n"
    "                   case (`美國`, `美国`, `US` are one): the aliases the\n"
    "                   knowledge base has seen, and those of the gazetteers\n"
    "                   (rules/gazetteer/*.tsv, $NEWSKB_RULES)\n"
    "  --predicate P    only facts with this predicate: invests, lends, raises,\n"
    "                   stake, size, stockpiles, price_floor, share, produces,\n"
    "                   costs, cost_change, covers, takes, targets, counts, other\n"
    "                   (extractors/facts/README.md)\n"
    "  --format F       table (default; without the sentence), csv, json, jsonl\n"
    "Exit status: 0 success (also when no fact matches), 2 usage or fatal error.\n"
    "Example: newskb facts --subject 美国能源部 --predicate lends\n";

const char* const kPredicates[] = {"invests", "lends",  "raises",      "stake", "size",  "stockpiles",
                                   "price_floor", "share", "produces", "costs", "cost_change",
                                   "covers",  "takes",  "targets",     "counts", "other"};

std::string SqlQuote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("''") : std::string(1, c);
  return o + "'";
}

}  // namespace

int CmdFacts(int argc, char** argv) {
  std::string db = DefaultDbPath(), format = "table", subject, predicate, err;
  bool have_db = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) { have_db = true; continue; }
    if (TakeOption(argc, argv, &i, "--format", &format, &err)) continue;
    if (TakeOption(argc, argv, &i, "--subject", &subject, &err)) continue;
    if (TakeOption(argc, argv, &i, "--predicate", &predicate, &err)) continue;
    if (!err.empty()) break;
    err = a.rfind("-", 0) == 0 ? "unknown option " + a : "unexpected argument " + a;
    break;
  }
  if (err.empty() && format != "table" && format != "csv" && format != "json" && format != "jsonl")
    err = "--format must be table, csv, json or jsonl";
  if (err.empty() && !predicate.empty()) {
    bool known = false;
    for (const char* p : kPredicates) known = known || predicate == p;
    if (!known) err = "unknown predicate '" + predicate + "' (see --help)";
  }
  if (!err.empty()) {
    std::fprintf(stderr, "newskb facts: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  std::string where;
  if (!subject.empty()) {
    auto norm = Normalizer::Create();
    if (!norm.ok()) {
      std::fprintf(stderr, "newskb facts: %s\n", norm.status().message().c_str());
      return 2;
    }
    // The folded name, plus the canonical names of gazetteer entities it is
    // an alias of (US -> 美國 even if the knowledge base never saw "US").
    std::vector<std::string> keys = {norm.value()->FoldKey(subject)};
    for (const char* g : {"places", "commodities", "organizations", "policies"}) {
      auto gaz = Gazetteer::LoadFile(DefaultRulesDir() + "/gazetteer/" + g + ".tsv", *norm.value());
      if (!gaz.ok()) continue;  // optional: the knowledge base's own aliases still work
      if (const std::vector<uint32_t>* ids = gaz.value()->Lookup(keys[0]))
        for (uint32_t id : *ids) keys.push_back(norm.value()->FoldKey(gaz.value()->entry(id).canonical));
    }
    std::string in;
    for (const std::string& k : keys) in += (in.empty() ? "" : ",") + SqlQuote(k);
    where += " AND f.subject IN (SELECT e.name FROM entities e LEFT JOIN aliases a USING(entity_id) "
             "WHERE e.key IN (" + in + ") OR a.key IN (" + in + "))";
  }
  if (!predicate.empty()) where += " AND f.predicate = " + SqlQuote(predicate);
  std::string cols =
      "f.doc_key, f.subject, f.predicate, f.object, f.value, f.low, f.high, f.unit, f.qualifier, f.date, "
      "f.figure_text";
  if (format != "table") cols += ", f.sentence, f.rule";
  std::string sql = "SELECT " + cols + " FROM v_facts f WHERE 1" + where +
                    " ORDER BY f.doc_key, f.subject, f.predicate";
  // Printing is `newskb query`'s.
  std::vector<std::string> args = {"query", "--format", format};
  if (have_db || !db.empty()) { args.push_back("--db"); args.push_back(db); }
  args.push_back(sql);
  std::vector<char*> av;
  for (std::string& s : args) av.push_back(s.data());
  av.push_back(nullptr);
  int rc = CmdQuery(static_cast<int>(args.size()), av.data());
  return rc == 0 ? 0 : 2;
}

}  // namespace newskb
