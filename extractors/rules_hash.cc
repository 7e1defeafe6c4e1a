#include "extractors/rules_hash.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <vector>

namespace newskb {
namespace {

namespace fs = std::filesystem;

bool IsRuleFile(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".json" || ext == ".tsv" || ext == ".txt";
}

void Fnv(uint64_t* h, const char* data, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    *h ^= static_cast<unsigned char>(data[i]);
    *h *= 1099511628211ULL;
  }
}

}  // namespace

Result<std::string> RulesHash(const std::string& rules_dir) {
  std::error_code ec;
  if (!fs::is_directory(rules_dir, ec)) return Status::NotFound(rules_dir + ": no rules folder here");
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(rules_dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && IsRuleFile(it->path()))
      files.push_back(fs::relative(it->path(), rules_dir).generic_string());
  }
  if (ec) return Status::IoError(rules_dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  uint64_t h = 14695981039346656037ULL;
  for (const std::string& f : files) {
    std::ifstream in(fs::path(rules_dir) / f, std::ios::binary);
    if (!in) return Status::IoError(rules_dir + "/" + f + ": cannot read");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Fnv(&h, f.c_str(), f.size() + 1);
    Fnv(&h, bytes.data(), bytes.size());
    Fnv(&h, "", 1);
  }
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016" PRIx64, h);
  return std::string(buf);
}

}  // namespace newskb
