// newskb/pipeline/cli/search_folding.h
//
// The knowledge base's foldings (pipeline/kb, which has no ICU) from a
// Normalizer (pipeline/normalize): entity keys (FoldKey) and the folded
// text of the search index (Normalize, with its offset map). Used by the
// commands and by the SQLite extension, so all fold alike.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "pipeline/kb/kb.h"
#include "pipeline/kb/search_sql.h"
#include "pipeline/normalize/normalizer.h"
#include "pipeline/text/utf8.h"

namespace newskb {

inline FoldFn KeyFolding(std::shared_ptr<const Normalizer> norm) {
  return [norm](std::string_view s) {
    if (!ValidateUtf8(s).ok()) return std::string(s);  // not text: compared as given
    return norm->FoldKey(s);
  };
}

inline FoldTextFn TextFolding(std::shared_ptr<const Normalizer> norm) {
  return [norm](std::string_view s) {
    std::string fixed;
    if (!ValidateUtf8(s).ok()) {
      // SQL can hand the tokenizer any bytes: each byte outside a valid
      // sequence becomes '?', so offsets stay those of the input.
      fixed.assign(s);
      for (size_t i = 0; i < fixed.size();) {
        std::string_view rest(fixed.data() + i, std::min<size_t>(4, fixed.size() - i));
        size_t n = 1;
        unsigned char c = static_cast<unsigned char>(fixed[i]);
        size_t want = c < 0x80 ? 1 : c < 0xC2 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
        if (want && want <= rest.size() && ValidateUtf8(rest.substr(0, want)).ok()) n = want;
        else fixed[i] = '?';
        i += n;
      }
      s = fixed;
    }
    NormText n = norm->Normalize(s);
    FoldedText f;
    f.text = std::move(n.text);
    f.cp_of_byte = std::move(n.cp_of_byte);
    f.byte_of_cp = std::move(n.body_byte);
    return f;
  };
}

// The two foldings over a Normalizer built on first use: `newskb query`
// registers fold() and the tokenizer on every connection, but most SQL uses
// neither, and building the tables costs ~50 ms CPU and the ICU data's page
// faults. If ICU's data is missing the command cannot give a right answer:
// it says so on stderr and exits 2.
struct LazyFoldings {
  FoldFn key;
  FoldTextFn text;
};
inline LazyFoldings MakeLazyFoldings(const char* command) {
  struct State {
    std::once_flag once;
    std::shared_ptr<const Normalizer> norm;
    std::string command;
    const Normalizer& Get() {
      std::call_once(once, [this] {
        auto n = Normalizer::Create();
        if (!n.ok()) {
          std::fprintf(stderr, "%s: cannot fold text: %s\n", command.c_str(), n.status().message().c_str());
          std::fflush(stdout);
          std::_Exit(2);
        }
        norm = n.value();
      });
      return *norm;
    }
  };
  auto state = std::make_shared<State>();
  state->command = command;
  LazyFoldings f;
  f.key = [state](std::string_view s) {
    std::shared_ptr<const Normalizer> n(std::shared_ptr<const Normalizer>(), &state->Get());
    return KeyFolding(n)(s);
  };
  f.text = [state](std::string_view s) {
    std::shared_ptr<const Normalizer> n(std::shared_ptr<const Normalizer>(), &state->Get());
    return TextFolding(n)(s);
  };
  return f;
}

inline std::shared_ptr<const SearchFolding> MakeSearchFolding(std::shared_ptr<const Normalizer> norm) {
  auto f = std::make_shared<SearchFolding>();
  f->key = KeyFolding(norm);
  f->text = TextFolding(norm);
  return f;
}

}  // namespace newskb
