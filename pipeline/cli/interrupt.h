// newskb/pipeline/cli/interrupt.h
//
// Ctrl-C (SIGINT) and `kill` (SIGTERM) for the commands that run long.
//
// Long queries (`query`, `search`): after CatchInterrupts(), SIGINT and
// SIGTERM set a flag instead of killing the process; pass the flag to
// KnowledgeBase::Query (QueryLimits), which stops at once, then report and
// exit 130.
//
// Long writes (`ingest`, `reextract`): an InterruptScope handles the first
// signal by raising the flag, which the command reads between documents to
// finish its current batch and stop cleanly; the second signal ends the
// process at once (the default action; every stored document is still
// whole, as each is written in a transaction).
//
//   InterruptScope scope;                 // installs the handlers
//   while (more && !scope.interrupted()) { ... }
//   if (scope.interrupted()) return scope.exit_status();   // 130 for SIGINT, 143 for SIGTERM
//
// The flag is process-wide (signal handlers are): the one piece of global
// state in newskb besides the compiled rule sets. Install from the
// command's thread, once.
#pragma once

#include <csignal>

namespace newskb {

// The flag is non-zero (the signal's number) once SIGINT or SIGTERM came.
const volatile std::sig_atomic_t* CatchInterrupts();

class InterruptScope {
 public:
  InterruptScope();   // handles SIGINT and SIGTERM from now on
  ~InterruptScope();  // restores the previous handlers
  InterruptScope(const InterruptScope&) = delete;
  InterruptScope& operator=(const InterruptScope&) = delete;

  bool interrupted() const;
  // 128 + the signal's number (the shell's convention): 130 for SIGINT.
  int exit_status() const;
};

}  // namespace newskb
