// Fuzz target: the rule-file loader (extractors/engine). Any text either
// loads or fails with a message naming the file; a rule set that loads
// matches a sample sentence with matches inside the text.
#include <cstdint>
#include <string>

#include "extractors/engine/rule_set.h"
#include "tests/fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 65536) return 0;
  std::string_view json(reinterpret_cast<const char*>(data), size);
  newskb::RuleSetOptions o;
  o.max_mem = 8 << 20;
  o.rule_max_mem = 2 << 20;
  // Named as a file of the rules folder, so its macros.json is loaded too.
  static const std::string name = newskb::fuzz::RulesDir() + "/fuzz.json";
  auto r = newskb::RuleSet::LoadString(json, name, o);
  if (!r.ok()) {
    FUZZ_CHECK(r.status().message().find("fuzz.json") != std::string::npos, r.status().message());
    return 0;
  }
  const std::string text = "美國能源部2月18日宣布，向石墨廠提供3.5億美元貸款，增長15%。\n第二行 abc 123";
  auto found = r.value().FindAll(text);
  for (const auto& m : found) {
    FUZZ_CHECK(m.rule != nullptr && m.begin <= m.end && m.end <= text.size(), "a match outside the text");
    for (const auto& [name, g] : m.groups)
      FUZZ_CHECK(g.data() >= text.data() && g.data() + g.size() <= text.data() + text.size(), "group " + name);
  }
  (void)newskb::RuleSet::Resolve(found, nullptr);
  return 0;
}
