// newskb/tests/support/fault_vfs.h
//
// Fault injection as SQLite tests itself (test_vfs.c, "crash" and "full"
// tests): a VFS shim over the default one that counts every open, write,
// truncate and sync, and makes the Nth of them (and, when persistent, every
// one after it) fail with a chosen result code (SQLITE_FULL for a full
// disk, SQLITE_IOERR_WRITE for a failing device...).
//
//   FaultVfs::Install();                 // once; becomes the default VFS
//   FaultVfs::Arm(17, SQLITE_FULL, true); // 17th I/O call on fails
//   ... open a knowledge base, ingest ...
//   FaultVfs::Disarm();                   // count again from 0, no faults
//   int64_t n = FaultVfs::Calls();        // I/O calls since Arm/Disarm
//
// A sync is counted and can fail, but is never passed on (the tests model
// failing calls, not power loss, and fsync would make a walk slow).
//
// Thread safety: the counters are atomic; arm and disarm between runs.
#pragma once

#include <cstdint>

namespace newskb::testing {

class FaultVfs {
 public:
  // Registers the shim as the default VFS (idempotent).
  static void Install();
  // From now on the `nth` I/O call (1-based) fails with `rc`; with
  // `persistent`, every later call fails too (a disk that stays full).
  static void Arm(int64_t nth, int rc, bool persistent);
  // No faults; the count restarts at 0.
  static void Disarm();
  // I/O calls counted since the last Arm or Disarm.
  static int64_t Calls();
  // Calls that were made to fail since the last Arm.
  static int64_t Failed();
};

}  // namespace newskb::testing
