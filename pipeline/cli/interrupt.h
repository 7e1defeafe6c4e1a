// newskb/pipeline/cli/interrupt.h
//
// Ctrl-C for commands that run long queries (`query`, `search`): after
// CatchInterrupts(), SIGINT and SIGTERM set a flag instead of killing the
// process; pass the flag to KnowledgeBase::Query (QueryLimits), which
// stops at once, then report and exit 130. Process-wide (signal handlers
// are): call once, from the command's thread.
#pragma once

#include <csignal>

namespace newskb {

const volatile std::sig_atomic_t* CatchInterrupts();

}  // namespace newskb
