#include "pipeline/normalize/fold_table.h"

namespace newskb {

// The compiled table: generated/fold_table_data.cc, written at build time by
// newskb_gen_fold_table with FoldTableSource (fold_table.cc).
extern const char kCompiledFoldIcuVersion[];
extern const uint32_t kCompiledFoldCount;
extern const uint32_t kCompiledFoldCp[];
extern const uint32_t kCompiledFoldEnd[];
extern const char kCompiledFoldPool[];

FoldTable CompiledFoldTable(const std::string& icu_version) {
  FoldTable t;
  if (icu_version != kCompiledFoldIcuVersion) return t;
  t.off.resize(0x10001);
  t.pool.reserve(0x10000 * 3);
  uint32_t next = 0, begin = 0;  // the next exception, and its first pool byte
  for (uint32_t cp = 0; cp < 0x10000; ++cp) {
    t.off[cp] = static_cast<uint32_t>(t.pool.size());
    if (next < kCompiledFoldCount && kCompiledFoldCp[next] == cp) {
      t.pool.append(kCompiledFoldPool + begin, kCompiledFoldEnd[next] - begin);
      begin = kCompiledFoldEnd[next++];
    } else {
      AppendFoldIdentity(cp, &t.pool);
    }
  }
  t.off[0x10000] = static_cast<uint32_t>(t.pool.size());
  return t;
}

}  // namespace newskb
