#include "tests/support/fault_vfs.h"

#include <sqlite3.h>

#include <atomic>
#include <cstring>

namespace newskb::testing {
namespace {

std::atomic<int64_t> g_calls{0}, g_failed{0}, g_nth{0};
std::atomic<int> g_rc{SQLITE_OK};
std::atomic<bool> g_persistent{false};
sqlite3_vfs* g_real = nullptr;
sqlite3_vfs g_vfs;

// Counts one I/O call; returns the code it must fail with, or SQLITE_OK.
int Fault() {
  int64_t n = ++g_calls;
  int64_t nth = g_nth.load();
  if (nth <= 0) return SQLITE_OK;
  if (n == nth || (g_persistent && n > nth)) {
    ++g_failed;
    return g_rc.load();
  }
  return SQLITE_OK;
}

struct File {
  sqlite3_file base;
  sqlite3_file* real;  // allocated right after this struct
};
sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<File*>(f)->real; }

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* b, int n, sqlite3_int64 o) { return Real(f)->pMethods->xRead(Real(f), b, n, o); }
int Write(sqlite3_file* f, const void* b, int n, sqlite3_int64 o) {
  if (int rc = Fault()) return rc == SQLITE_IOERR ? SQLITE_IOERR_WRITE : rc;
  return Real(f)->pMethods->xWrite(Real(f), b, n, o);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (int rc = Fault()) return rc == SQLITE_IOERR ? SQLITE_IOERR_TRUNCATE : rc;
  return Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) {
  if (int rc = Fault()) return rc == SQLITE_IOERR || rc == SQLITE_FULL ? SQLITE_IOERR_FSYNC : rc;
  return SQLITE_OK;  // counted, not done: these tests model failures, not power loss
}
int FileSize(sqlite3_file* f, sqlite3_int64* s) { return Real(f)->pMethods->xFileSize(Real(f), s); }
int Lock(sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); }
int Unlock(sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); }
int CheckReservedLock(sqlite3_file* f, int* r) { return Real(f)->pMethods->xCheckReservedLock(Real(f), r); }
int FileControl(sqlite3_file* f, int op, void* a) { return Real(f)->pMethods->xFileControl(Real(f), op, a); }
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int pg, int sz, int ext, void volatile** p) {
  return Real(f)->pMethods->xShmMap(Real(f), pg, sz, ext, p);
}
int ShmLock(sqlite3_file* f, int off, int n, int flags) { return Real(f)->pMethods->xShmLock(Real(f), off, n, flags); }
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int del) { return Real(f)->pMethods->xShmUnmap(Real(f), del); }
int Fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) {
  *p = nullptr;  // no memory-mapped I/O: every write goes through xWrite
  return SQLITE_OK;
}
int Unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return SQLITE_OK; }

const sqlite3_io_methods kMethods = {3,        Close,     Read,     Write,       Truncate,          Sync,
                                     FileSize, Lock,      Unlock,   CheckReservedLock, FileControl, SectorSize,
                                     DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap, Fetch,
                                     Unfetch};

int Open(sqlite3_vfs* vfs, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  File* file = reinterpret_cast<File*>(f);
  file->base.pMethods = nullptr;
  if (int rc = Fault()) return rc == SQLITE_IOERR || rc == SQLITE_FULL ? SQLITE_CANTOPEN : rc;
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
  if (rc == SQLITE_OK && file->real->pMethods) file->base.pMethods = &kMethods;
  return rc;
}

int Delete(sqlite3_vfs*, const char* n, int sync) { return g_real->xDelete(g_real, n, sync); }
int Access(sqlite3_vfs*, const char* n, int flags, int* out) { return g_real->xAccess(g_real, n, flags, out); }
int FullPathname(sqlite3_vfs*, const char* n, int size, char* out) {
  return g_real->xFullPathname(g_real, n, size, out);
}
void* DlOpen(sqlite3_vfs*, const char* n) { return g_real->xDlOpen(g_real, n); }
void DlError(sqlite3_vfs*, int n, char* m) { g_real->xDlError(g_real, n, m); }
void (*DlSym(sqlite3_vfs*, void* h, const char* s))(void) { return g_real->xDlSym(g_real, h, s); }
void DlClose(sqlite3_vfs*, void* h) { g_real->xDlClose(g_real, h); }
int Randomness(sqlite3_vfs*, int n, char* out) { return g_real->xRandomness(g_real, n, out); }
int Sleep(sqlite3_vfs*, int us) { return g_real->xSleep(g_real, us); }
int CurrentTime(sqlite3_vfs*, double* t) { return g_real->xCurrentTime(g_real, t); }
int GetLastError(sqlite3_vfs*, int n, char* m) { return g_real->xGetLastError ? g_real->xGetLastError(g_real, n, m) : 0; }
int CurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* t) { return g_real->xCurrentTimeInt64(g_real, t); }

}  // namespace

void FaultVfs::Install() {
  if (g_real) return;
  g_real = sqlite3_vfs_find(nullptr);
  std::memset(&g_vfs, 0, sizeof g_vfs);
  g_vfs.iVersion = 2;
  g_vfs.szOsFile = static_cast<int>(sizeof(File)) + g_real->szOsFile;
  g_vfs.mxPathname = g_real->mxPathname;
  g_vfs.zName = "newskb-fault";
  g_vfs.xOpen = Open;
  g_vfs.xDelete = Delete;
  g_vfs.xAccess = Access;
  g_vfs.xFullPathname = FullPathname;
  g_vfs.xDlOpen = DlOpen;
  g_vfs.xDlError = DlError;
  g_vfs.xDlSym = DlSym;
  g_vfs.xDlClose = DlClose;
  g_vfs.xRandomness = Randomness;
  g_vfs.xSleep = Sleep;
  g_vfs.xCurrentTime = CurrentTime;
  g_vfs.xGetLastError = GetLastError;
  g_vfs.xCurrentTimeInt64 = CurrentTimeInt64;
  sqlite3_vfs_register(&g_vfs, 1);
}

void FaultVfs::Arm(int64_t nth, int rc, bool persistent) {
  g_calls = 0;
  g_failed = 0;
  g_rc = rc;
  g_persistent = persistent;
  g_nth = nth;
}

void FaultVfs::Disarm() {
  g_nth = 0;
  g_calls = 0;
}

int64_t FaultVfs::Calls() { return g_calls.load(); }
int64_t FaultVfs::Failed() { return g_failed.load(); }

}  // namespace newskb::testing
