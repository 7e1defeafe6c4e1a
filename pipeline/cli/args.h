// newskb/pipeline/cli/args.h: small helpers shared by the sub-commands.
#pragma once

#include <cstdlib>
#include <cstdint>
#include <string>

namespace newskb {

// The knowledge base path: --db, else $NEWSKB_DB, else ./newskb.sqlite.
inline std::string DefaultDbPath() {
  const char* env = std::getenv("NEWSKB_DB");
  return env && *env ? env : "newskb.sqlite";
}

// "--name=value" or "--name value": sets *value and advances *i.
// Returns false if argv[*i] is not this option.
bool TakeOption(int argc, char** argv, int* i, const char* name, std::string* value, std::string* error);

// "--max-doc-mb N" (ingest, extract): a positive number of MiB, stored in
// *bytes. Returns false if argv[*i] is not this option; a bad number sets
// *error.
bool TakeMaxDocMb(int argc, char** argv, int* i, uint64_t* bytes, std::string* error);

}  // namespace newskb
