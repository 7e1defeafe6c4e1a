#include "pipeline/body/container.h"

#include <vector>

namespace newskb {
namespace {

bool Dropped(LineClass c) {
  return c == LineClass::kTeaser || c == LineClass::kCredit || c == LineClass::kByline ||
         c == LineClass::kRepeated || c == LineClass::kNav || c == LineClass::kBlank;
}

}  // namespace

BodyResult ExtractBodyInContainer(std::string_view text, const BodyMarkers& markers) {
  BodyResult r = ExtractBody(text, markers);
  // Without any content line ExtractBody kept it all; a short container
  // (kept whole too) still loses its bylines and credits below.
  auto has_content = [&] {
    for (const BodyLine& bl : r.lines)
      if (bl.cls == LineClass::kGood || bl.cls == LineClass::kNearGood) return true;
    return false;
  };
  if (r.whole && !has_content()) return r;
  int first_in = -1, last_in = -1;
  for (size_t i = 0; i < r.lines.size(); ++i)
    if (r.lines[i].in_body) { if (first_in < 0) first_in = static_cast<int>(i); last_in = static_cast<int>(i); }
  std::vector<size_t> kept;
  bool content = false;
  for (size_t i = 0; i < r.lines.size(); ++i) {
    LineClass c = r.lines[i].cls;
    if (c == LineClass::kBlock || c == LineClass::kEnd) {
      if (content) break;
      continue;
    }
    if (Dropped(c)) continue;
    if (c == LineClass::kGood || c == LineClass::kNearGood) content = true;
    kept.push_back(i);
  }
  // A heading or short line before the first content line, or after the
  // last, is not body (as in ExtractBody).
  auto is_content = [&](size_t i) {
    return r.lines[i].cls == LineClass::kGood || r.lines[i].cls == LineClass::kNearGood;
  };
  while (!kept.empty() && !is_content(kept.back())) kept.pop_back();
  size_t lead = 0;
  while (lead < kept.size() && !is_content(kept[lead])) ++lead;
  kept.erase(kept.begin(), kept.begin() + lead);
  if (kept.empty()) return r;
  std::string body;
  for (size_t k = 0; k < kept.size(); ++k) {
    BodyLine& bl = r.lines[kept[k]];
    uint32_t b = bl.begin, e = bl.end;
    if (static_cast<int>(kept[k]) == first_in) b = bl.body_begin;
    if (static_cast<int>(kept[k]) == last_in) e = bl.body_end;
    if (static_cast<int>(kept[k]) == first_in && static_cast<int>(kept[k]) == last_in) b = bl.body_begin, e = bl.body_end;
    bl.in_body = true;
    bl.body_begin = b;
    bl.body_end = e;
    if (k) body.push_back('\n');
    body.append(text.substr(b, e - b));
  }
  for (BodyLine& bl : r.lines)
    if (!bl.in_body) bl.body_begin = bl.body_end = bl.begin;
  // Lines ExtractBody had in its body but not kept here are no longer in it.
  std::vector<bool> keep(r.lines.size(), false);
  for (size_t i : kept) keep[i] = true;
  for (size_t i = 0; i < r.lines.size(); ++i)
    if (!keep[i]) r.lines[i].in_body = false, r.lines[i].body_begin = r.lines[i].body_end = r.lines[i].begin;
  r.body = std::move(body);
  return r;
}

}  // namespace newskb
