// See display_form.h.
#include "pipeline/kb/display_form.h"

namespace newskb {
namespace {

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Whether `a` is preferred to `b` (both unambiguous).
bool Better(const FormCount& a, const FormCount& b, std::string_view official_key) {
  if (a.count != b.count) return a.count > b.count;
  bool ao = a.key == official_key, bo = b.key == official_key;
  if (ao != bo) return ao;
  size_t la = CodePoints(a.form), lb = CodePoints(b.form);
  if (la != lb) return la > lb;
  return a.form < b.form;
}

}  // namespace

int ChooseDisplayForm(const std::vector<FormCount>& forms, std::string_view official_key) {
  int best = -1;
  for (size_t i = 0; i < forms.size(); ++i) {
    const FormCount& f = forms[i];
    if (f.ambiguous || f.count <= 0 || f.key.empty()) continue;
    if (best < 0 || Better(f, forms[best], official_key)) best = static_cast<int>(i);
  }
  if (best >= 0 && forms[best].key == official_key) return -1;
  return best;
}

}  // namespace newskb
