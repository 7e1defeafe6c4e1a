// newskb: Chinese news articles -> a SQLite knowledge base of facts.
#include <cstdio>
#include <cstring>
#include <string>

#include "pipeline/cli/commands.h"

namespace {

const char kUsage[] =
    "newskb " NEWSKB_PIPELINE_VERSION
    ": Chinese news articles into a SQLite knowledge base of figures, dates,\n"
    "organizations and policies.\n"
    "\n"
    "usage: newskb COMMAND [options] [args]\n"
    "\n"
    "commands:\n"
    "  ingest [--db FILE] INPUT...   read articles (text files, folders, .jsonl, - for stdin)\n"
    "  query  [--db FILE] [--format table|csv|json|jsonl] (SQL | --file FILE | -)\n"
    "                                run read-only SQL on the knowledge base\n"
    "  search [--db FILE] [--since D] [--until D] [--entity NAME] TERMS...\n"
    "                                articles holding the terms, either script, best first\n"
    "  stats  [--db FILE] [--format F]  what the knowledge base holds\n"
    "  entity [--db FILE] NAME       an entity by any alias, either script, with its mentions\n"
    "  facts  [--db FILE] [--subject NAME] [--predicate P]\n"
    "                                facts: subject, predicate, figure, date, sentence\n"
    "  show   [--db FILE] DOC_KEY    an article with its mentions marked and its facts\n"
    "  report [--db FILE] [--entity NAME] [--since D] [--until D] --out FILE.html\n"
    "                                one self-contained HTML report: timelines, top entities, articles\n"
    "  reextract [--db FILE] [--all] run the current rules again over the stored inputs\n"
    "  rules  check|explain|test     compile, explain and test the extraction rules\n"
    "  extract [-o FILE] [INPUT...]  articles -> JSON Lines shard (no knowledge base; for clusters)\n"
    "  load   [--db FILE] SHARD...   store extracted shards in the knowledge base\n"
    "\n"
    "The knowledge base is --db FILE, else $NEWSKB_DB, else ./newskb.sqlite.\n"
    "The rules are --rules DIR, else $NEWSKB_RULES, else the installed rules\n"
    "(PREFIX/share/newskb/rules beside bin/newskb).\n"
    "--version prints the version (also the pipeline version every stored row names).\n"
    "Run `newskb COMMAND --help` for a command's options.\n"
    "Exit status: 0 ok, 1 some inputs rejected or checks failed, 2 usage or fatal error.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("newskb %s\n", NEWSKB_PIPELINE_VERSION);
    return 0;
  }
  std::string cmd = argv[1];
  int sub_argc = argc - 1;
  char** sub_argv = argv + 1;
  if (cmd == "ingest") return newskb::CmdIngest(sub_argc, sub_argv);
  if (cmd == "query") return newskb::CmdQuery(sub_argc, sub_argv);
  if (cmd == "stats") return newskb::CmdStats(sub_argc, sub_argv);
  if (cmd == "rules") return newskb::CmdRules(sub_argc, sub_argv);
  if (cmd == "entity") return newskb::CmdEntity(sub_argc, sub_argv);
  if (cmd == "facts") return newskb::CmdFacts(sub_argc, sub_argv);
  if (cmd == "search") return newskb::CmdSearch(sub_argc, sub_argv);
  if (cmd == "extract") return newskb::CmdExtract(sub_argc, sub_argv);
  if (cmd == "load") return newskb::CmdLoad(sub_argc, sub_argv);
  if (cmd == "reextract") return newskb::CmdReextract(sub_argc, sub_argv);
  if (cmd == "show") return newskb::CmdShow(sub_argc, sub_argv);
  if (cmd == "report") return newskb::CmdReport(sub_argc, sub_argv);
  std::fprintf(stderr, "newskb: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return 2;
}
