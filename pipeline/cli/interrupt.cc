#include "pipeline/cli/interrupt.h"

#include <signal.h>
#include <unistd.h>

namespace newskb {
namespace {

volatile std::sig_atomic_t g_signal = 0;
struct sigaction g_old_int, g_old_term;

extern "C" void OnInterrupt(int sig) { g_signal = sig; }

// The first signal of an InterruptScope: raise the flag and say what happens.
extern "C" void OnFirstInterrupt(int sig) {
  g_signal = sig;
  static const char kMsg[] =
      "\nnewskb: interrupted; finishing the current batch (once more to stop at once)\n";
  ssize_t n = write(2, kMsg, sizeof kMsg - 1);
  (void)n;
}

}  // namespace

const volatile std::sig_atomic_t* CatchInterrupts() {
  struct sigaction sa = {};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocked write returns
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  return &g_signal;
}

InterruptScope::InterruptScope() {
  g_signal = 0;
  struct sigaction sa = {};
  sa.sa_handler = OnFirstInterrupt;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;  // no SA_RESTART: a blocked read of stdin returns
  sigaction(SIGINT, &sa, &g_old_int);
  sigaction(SIGTERM, &sa, &g_old_term);
}

InterruptScope::~InterruptScope() {
  sigaction(SIGINT, &g_old_int, nullptr);
  sigaction(SIGTERM, &g_old_term, nullptr);
}

bool InterruptScope::interrupted() const { return g_signal != 0; }

int InterruptScope::exit_status() const { return 128 + g_signal; }

}  // namespace newskb
