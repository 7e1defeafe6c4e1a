// newskb/pipeline/cli/ingest.h
//
// One ingest run, as `newskb ingest` does it once its arguments are parsed
// and its rules loaded: open (or create) the knowledge base, read the inputs,
// extract on `jobs` threads, store with one writer in input order, print
// rejects and the summary on stderr.
//
//   IngestOptions o;
//   o.db = "newskb.sqlite";
//   int status = RunIngest(*ctx, {"corpus/"}, o);   // 0, 1 (rejects) or 2 (fatal)
//
// The summary counts only what was committed: after a fatal stop (a full
// disk, an I/O error) the open batch is rolled back and said to be.
//
// Thread safety: one run at a time per knowledge base file; `ctx` is shared.
#pragma once

#include <string>
#include <vector>

#include "pipeline/process/process.h"
#include "pipeline/io/reader.h"

namespace newskb {

struct IngestOptions {
  std::string db = "newskb.sqlite";
  ReadOptions read;
  int batch = 200;      // documents per transaction
  int jobs = 1;         // extraction threads
  bool progress = false;
  std::string script;   // "hant", "hans", "auto": the display script to set; "" keeps the file's
  std::string names;    // "usage", "official": the names to show; "" keeps the file's
  std::string rules_hash;  // of the rule and dictionary files (RulesHash), recorded in the runs table
  std::string command;  // recorded in the runs table
};

// Returns the exit status: 0 all stored, 1 some inputs rejected, 2 fatal.
int RunIngest(const PipelineContext& ctx, const std::vector<std::string>& inputs, const IngestOptions& opts);

}  // namespace newskb
