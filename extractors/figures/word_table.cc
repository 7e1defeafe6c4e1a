// newskb/extractors/figures/word_table.cc
#include "extractors/figures/word_table.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace newskb {

Result<WordTables> WordTables::Load(const std::string& path, const Normalizer& norm) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open word table");
  WordTables t;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    size_t a = line.find('\t');
    if (a == std::string::npos) return Status::InvalidInput(path + ":" + std::to_string(n) + ": expected table<TAB>word<TAB>value");
    size_t b = line.find('\t', a + 1);
    std::string table = line.substr(0, a);
    std::string word = line.substr(a + 1, b == std::string::npos ? std::string::npos : b - a - 1);
    std::string value = b == std::string::npos ? "" : line.substr(b + 1);
    if (word.empty()) return Status::InvalidInput(path + ":" + std::to_string(n) + ": empty word");
    t.tables_[table][norm.Fold(word)] = value;
  }
  return t;
}

const std::string* WordTables::Find(std::string_view table, std::string_view word) const {
  auto it = tables_.find(table);
  if (it == tables_.end()) return nullptr;
  auto w = it->second.find(word);
  return w == it->second.end() ? nullptr : &w->second;
}

std::vector<std::string> WordTables::Words(std::string_view table) const {
  std::vector<std::string> out;
  auto it = tables_.find(table);
  if (it == tables_.end()) return out;
  for (const auto& [w, v] : it->second) out.push_back(w);
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return out;
}

std::string RuleAttr(const Rule& r, const std::string& key, const std::string& def) {
  auto it = r.attrs.find(key);
  return it == r.attrs.end() ? def : it->second;
}

std::vector<std::string> SplitBar(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t j = s.find('|', i);
    if (j == std::string_view::npos) j = s.size();
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

bool EndsWithAny(std::string_view text, size_t b, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (b >= w.size() && text.substr(b - w.size(), w.size()) == w) return true;
  return false;
}

bool StartsWithAny(std::string_view text, size_t e, const std::vector<std::string>& words) {
  for (const std::string& w : words)
    if (text.substr(e, w.size()) == w) return true;
  return false;
}

bool InTitleMarks(std::string_view t, size_t b) {
  size_t open = t.rfind("《", b);
  if (open == std::string_view::npos) return false;
  size_t close = t.rfind("》", b);
  return close == std::string_view::npos || close < open;
}

}  // namespace newskb
