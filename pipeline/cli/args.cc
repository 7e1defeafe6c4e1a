#include "pipeline/cli/args.h"

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

}  // namespace newskb
