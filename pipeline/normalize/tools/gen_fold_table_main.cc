// newskb/pipeline/normalize/tools/gen_fold_table_main.cc
//
// newskb_gen_fold_table OUT.cc: builds the normaliser's folding table with
// ICU (pipeline/normalize/fold_table.h) and writes it as C++ source, the
// code points that do not fold to themselves, stamped with the ICU version.
// The build runs it (CMakeLists.txt: build/generated/fold_table_data.cc) so
// that no process asks ICU for 65,536 code points at start. Exit status 0,
// or 2 with the reason.
#include <cstdio>
#include <fstream>
#include <string>

#include "pipeline/normalize/fold_table.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: newskb_gen_fold_table OUT.cc\n");
    return 2;
  }
  newskb::Result<newskb::FoldTable> t = newskb::BuildFoldTableWithIcu();
  if (!t.ok()) {
    std::fprintf(stderr, "newskb_gen_fold_table: %s\n", t.status().message().c_str());
    return 2;
  }
  const std::string out = argv[1], tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << newskb::FoldTableSource(t.value(), newskb::RunningIcuVersion());
    if (!f.good()) {
      std::fprintf(stderr, "newskb_gen_fold_table: cannot write %s\n", tmp.c_str());
      return 2;
    }
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::fprintf(stderr, "newskb_gen_fold_table: cannot rename %s to %s\n", tmp.c_str(), out.c_str());
    return 2;
  }
  return 0;
}
