// newskb/pipeline/cli/commands.h
//
// The sub-commands of the `newskb` binary. Each takes the arguments that
// follow its name (argv[0] is the sub-command name) and returns the exit
// status: 0 success, 1 some inputs rejected or checks failed, 2 usage or
// fatal error. Each prints its own --help.
#pragma once

namespace newskb {

int CmdIngest(int argc, char** argv);   // pipeline/cli/ingest_cmd.cc
int CmdQuery(int argc, char** argv);    // pipeline/cli/query_cmd.cc
int CmdStats(int argc, char** argv);    // pipeline/cli/query_cmd.cc
int CmdRules(int argc, char** argv);    // pipeline/cli/rules_cmd.cc: check | explain | test
int CmdEntity(int argc, char** argv);   // pipeline/cli/entity_cmd.cc
int CmdFacts(int argc, char** argv);    // pipeline/cli/facts_cmd.cc
int CmdSearch(int argc, char** argv);   // pipeline/cli/search_cmd.cc
int CmdExtract(int argc, char** argv);  // pipeline/cli/shard_cmd.cc
int CmdLoad(int argc, char** argv);     // pipeline/cli/shard_cmd.cc
int CmdReextract(int argc, char** argv);  // pipeline/cli/reextract_cmd.cc
int CmdShow(int argc, char** argv);     // pipeline/cli/show_cmd.cc
int CmdReport(int argc, char** argv);   // pipeline/cli/report_cmd.cc

}  // namespace newskb
