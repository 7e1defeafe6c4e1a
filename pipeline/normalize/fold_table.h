// newskb/pipeline/normalize/fold_table.h
//
// The normaliser's per-code-point folding table for the Basic Multilingual
// Plane: entry cp is the UTF-8 of Traditional->Simplified(NFKC_Casefold(cp))
// (line breaks and tabs kept as they are, surrogates empty).
//
// Made two ways, which give the same bytes (tests/unit/normalizer_test.cc
// compares them):
//   * BuildFoldTableWithIcu(): asks ICU for every code point (NFKC_Casefold,
//     then one Traditional-Simplified transliterator call over the Han
//     results). ~0.6 G instructions, ~0.15 CPU s: too much for every start of
//     every process (each ingest, extract, load, test and Dask part).
//   * CompiledFoldTable(): the same table made once at build time by
//     newskb_gen_fold_table (pipeline/normalize/tools/) and compiled into the
//     library as the list of code points that do not fold to themselves
//     (~1 in 8); expanding it costs a few million instructions. It is used
//     only when the ICU the process runs with has the version the table was
//     made with (else the normaliser builds the table with ICU, as before).
//
// Internal to pipeline/normalize (Normalizer::Create and the generator).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/text/status.h"
#include "pipeline/text/utf8.h"

namespace newskb {

struct FoldTable {
  std::vector<uint32_t> off;  // 0x10000 + 1 offsets into pool
  std::string pool;           // entry cp = pool[off[cp], off[cp + 1])

  std::string_view Entry(uint32_t cp) const {
    return std::string_view(pool).substr(off[cp], off[cp + 1] - off[cp]);
  }
};

// The entry of a code point that folds to itself (its UTF-8).
inline void AppendFoldIdentity(uint32_t cp, std::string* out) { AppendUtf8(static_cast<char32_t>(cp), out); }

// Builds the table with ICU. Fails only if ICU's data is missing.
Result<FoldTable> BuildFoldTableWithIcu();

// The ICU version this process runs with ("72.1").
std::string RunningIcuVersion();

// The table compiled in at build time, expanded, when it was made with
// `icu_version`; an empty table (no offsets) otherwise.
FoldTable CompiledFoldTable(const std::string& icu_version);

// The generated source of the compiled table (what newskb_gen_fold_table
// writes): `table` as the code points that do not fold to themselves.
std::string FoldTableSource(const FoldTable& table, const std::string& icu_version);

}  // namespace newskb
