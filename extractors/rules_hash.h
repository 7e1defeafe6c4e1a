// newskb/extractors/rules_hash.h
//
// A fingerprint of the rules an extraction ran with, so that a knowledge
// base knows which documents a rule change left stale (`newskb reextract`).
//
//   Result<std::string> h = RulesHash("extractors/rules");   // "9f0c1e...", 16 hex digits
//
// The hash is FNV-1a 64 over every rule and dictionary file below the folder
// (*.json, *.tsv, *.txt: the files the extractors and the body step read),
// in sorted path order, each as its path relative to the folder, a NUL, its
// bytes and a NUL. READMEs and other files do not count: editing the
// documentation leaves every document current. Moving the folder (an
// installed copy) keeps the hash; renaming or editing a file changes it.
//
// Cost: reads every file once (about 2 MB today; a few milliseconds).
#pragma once

#include <string>

#include "pipeline/text/status.h"

namespace newskb {

// NotFound if `rules_dir` is not a folder; IoError if a file cannot be read.
Result<std::string> RulesHash(const std::string& rules_dir);

}  // namespace newskb
