// newskb/extractors/link/tools/compile_lexicon_main.cc
//
// newskb_compile_lexicon DICT OUT: compiles a jieba-format dictionary into
// the lexicon's compiled form (extractors/link/lexicon.h: the words folded
// and sorted, stamped with DICT's path, size and modification time and the
// folding), which newskb then reads instead of parsing DICT at every start.
// The build runs it on jieba's dict.txt (CMakeLists.txt:
// build/share/newskb/lexicon.bin). Exit status 0, or 2 with the reason.
#include <cstdio>
#include <string>

#include "extractors/link/lexicon.h"
#include "pipeline/normalize/normalizer.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: newskb_compile_lexicon DICT.txt OUT.bin\n");
    return 2;
  }
  auto norm = newskb::Normalizer::Create();
  if (!norm.ok()) {
    std::fprintf(stderr, "newskb_compile_lexicon: %s\n", norm.status().message().c_str());
    return 2;
  }
  auto lex = newskb::Lexicon::LoadJieba(argv[1], *norm.value());
  if (!lex.ok()) {
    std::fprintf(stderr, "newskb_compile_lexicon: %s\n", lex.status().message().c_str());
    return 2;
  }
  if (newskb::Status s = lex.value()->WriteCompiled(argv[2], *norm.value()); !s.ok()) {
    std::fprintf(stderr, "newskb_compile_lexicon: %s\n", s.message().c_str());
    return 2;
  }
  return 0;
}
