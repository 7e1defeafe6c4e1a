// newskb/tests/fuzz/fuzz_util.h: what the fuzz targets share.
//
// A target aborts (and libFuzzer saves the input) when an invariant fails:
// FUZZ_CHECK(cond, what) prints `what` and calls abort(). Each target is one
// input boundary; see tests/fuzz/README.md.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#define FUZZ_CHECK(cond, what)                                                  \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "invariant failed: %s (%s:%d): %s\n", #cond, __FILE__, \
                   __LINE__, std::string(what).c_str());                        \
      std::abort();                                                             \
    }                                                                           \
  } while (0)

namespace newskb::fuzz {

// A private scratch folder for this process (under /dev/shm when present).
inline const std::filesystem::path& ScratchDir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    std::filesystem::path d = base / ("newskb_fuzz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

inline std::string WriteScratch(const std::string& name, const uint8_t* data, size_t size) {
  std::filesystem::path p = ScratchDir() / name;
  std::ofstream(p, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                              static_cast<std::streamsize>(size));
  return p.string();
}

// The rules folder: $NEWSKB_RULES, else the source tree's.
inline std::string RulesDir() {
  const char* env = std::getenv("NEWSKB_RULES");
  return env && *env ? env : NEWSKB_SOURCE_DIR "/extractors/rules";
}

}  // namespace newskb::fuzz
