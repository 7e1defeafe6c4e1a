// `newskb entity NAME`: an entity by any alias, in either script.
#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/cli/args.h"
#include "pipeline/cli/commands.h"
#include "pipeline/kb/kb.h"
#include "pipeline/normalize/normalizer.h"

namespace newskb {
namespace {

const char kHelp[] =
    "usage: newskb entity [--db FILE] NAME\n"
    "\n"
    "Finds the entities (organizations, policies, places, commodities) that NAME\n"
    "names, by any alias, in Traditional or Simplified script, any width or case\n"
    "(`美国能源部`, `美國能源部`, `DOE`), and prints each with its aliases and its\n"
    "mentions by article, with the articles' dates. An entity is shown as its\n"
    "articles write it most often (台積電); its official name (the gazetteer's,\n"
    "台灣積體電路製造) follows when it differs.\n"
    "Exit status: 0 found, 1 nothing found, 2 usage or fatal error.\n";

std::string SqlQuote(const std::string& s) {
  std::string o = "'";
  for (char c : s) o += c == '\'' ? std::string("''") : std::string(1, c);
  return o + "'";
}

}  // namespace

int CmdEntity(int argc, char** argv) {
  std::string db = DefaultDbPath(), err, name;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") { std::fputs(kHelp, stdout); return 0; }
    if (TakeOption(argc, argv, &i, "--db", &db, &err)) continue;
    if (a.rfind("--", 0) == 0) { err = "unknown option " + a; break; }
    name += (name.empty() ? "" : " ") + a;
  }
  if (err.empty() && name.empty()) err = "no NAME given";
  if (!err.empty()) {
    std::fprintf(stderr, "newskb entity: %s\n\n%s", err.c_str(), kHelp);
    return 2;
  }
  auto norm = Normalizer::Create();
  if (!norm.ok()) { std::fprintf(stderr, "newskb entity: %s\n", norm.status().message().c_str()); return 2; }
  auto kb = KnowledgeBase::OpenReadOnly(db);
  if (!kb.ok()) { std::fprintf(stderr, "newskb entity: %s\n", kb.status().message().c_str()); return 2; }
  std::string key = SqlQuote(norm.value()->FoldKey(name));
  std::vector<std::vector<std::string>> ents;
  auto collect = [](std::vector<std::vector<std::string>>* out) {
    return [out](const Row& r) {
      out->emplace_back();
      for (const auto& v : r) out->back().push_back(v.ToText());
    };
  };
  auto none = [](const std::vector<std::string>&) {};
  // The official name (the gazetteer's, or the fullest form of the first
  // article) in the display script, beside the name the views show.
  const std::string official = kb.value()->schema_version() >= 6
      ? "CASE (SELECT value FROM settings WHERE key = 'script') WHEN 'hant' THEN coalesce(e.name_hant, e.name) "
        "ELSE coalesce(e.name_hans, e.name) END"
      : "e.name";
  Status s = kb.value()->Query(
      "SELECT DISTINCT e.entity_id, e.kind, e.name, " + official + " FROM entities e LEFT JOIN aliases a "
      "USING(entity_id) WHERE e.key = " + key + " OR a.key = " + key + " ORDER BY e.kind, e.name",
      none, collect(&ents));
  if (!s.ok()) { std::fprintf(stderr, "newskb entity: %s\n", s.message().c_str()); return 2; }
  if (ents.empty()) {
    std::fprintf(stderr, "newskb entity: no entity is named \"%s\" in %s\n", name.c_str(), db.c_str());
    return 1;
  }
  for (const auto& e : ents) {
    std::vector<std::vector<std::string>> aliases, docs;
    (void)kb.value()->Query("SELECT alias FROM aliases WHERE entity_id = " + e[0] + " ORDER BY alias", none,
                            collect(&aliases));
    (void)kb.value()->Query(
        "SELECT d.doc_key, coalesce(d.published, '-'), count(*), group_concat(DISTINCT m.text) "
        "FROM mentions m JOIN documents d USING(doc_id) WHERE m.entity_id = " + e[0] +
        " GROUP BY d.doc_id ORDER BY d.published, d.doc_key",
        none, collect(&docs));
    if (e[3] != e[2])
      std::printf("%s  (%s; official name %s)\n", e[2].c_str(), e[1].c_str(), e[3].c_str());
    else
      std::printf("%s  (%s)\n", e[2].c_str(), e[1].c_str());
    std::string al;
    for (const auto& a : aliases) al += (al.empty() ? "" : ", ") + a[0];
    std::printf("  aliases: %s\n", al.c_str());
    std::printf("  mentions in %zu article%s:\n", docs.size(), docs.size() == 1 ? "" : "s");
    for (const auto& d : docs)
      std::printf("    %s  %s  %s× (%s)\n", d[1].c_str(), d[0].c_str(), d[2].c_str(), d[3].c_str());
  }
  return 0;
}

}  // namespace newskb
