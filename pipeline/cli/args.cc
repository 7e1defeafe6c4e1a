#include "pipeline/cli/args.h"

#include <cstdlib>
#include <cstring>

namespace newskb {

bool TakeOption(int argc, char** argv, int* i, const char* name, std::string* value, std::string* error) {
  const char* a = argv[*i];
  size_t n = std::strlen(name);
  if (std::strncmp(a, name, n) != 0) return false;
  if (a[n] == '=') { *value = a + n + 1; return true; }
  if (a[n] != '\0') return false;
  if (*i + 1 >= argc) { *error = std::string(name) + " needs a value"; return true; }
  *value = argv[++*i];
  return true;
}

bool TakeMaxDocMb(int argc, char** argv, int* i, uint64_t* bytes, std::string* error) {
  std::string v;
  if (!TakeOption(argc, argv, i, "--max-doc-mb", &v, error)) return false;
  char* end = nullptr;
  double mb = std::strtod(v.c_str(), &end);
  if (v.empty() || *end || mb <= 0) *error = "--max-doc-mb needs a positive number";
  else *bytes = static_cast<uint64_t>(mb * 1048576);
  return true;
}

}  // namespace newskb
