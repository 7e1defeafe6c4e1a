#include "pipeline/body/repeats.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

constexpr std::string_view kIdeoSpace = "\xE3\x80\x80";

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  if (s.compare(i, 3, kIdeoSpace) == 0) { *len = 3; return true; }
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') { *len = 1; return true; }
  return false;
}

// Segments of one line [b, e) of `s`: pieces between ideographic-space runs.
void LineSegments(std::string_view s, size_t b, size_t e, std::vector<RepeatSegment>* out) {
  size_t first = out->size();
  size_t piece = b, cut = b;
  auto emit = [&](size_t pe, size_t next_cut) {
    size_t pb = piece, len = 0;
    while (pb < pe && IsSpaceAt(s, pb, &len)) pb += len;
    size_t q = pe;
    // trim ASCII spaces at the end
    while (q > pb && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '\r')) --q;
    if (q > pb) {
      RepeatSegment seg;
      seg.begin = pb;
      seg.end = q;
      seg.cut_begin = cut;
      out->push_back(seg);
    }
    cut = next_cut;
  };
  for (size_t i = b; i < e;) {
    if (s.compare(i, 3, kIdeoSpace) == 0) {
      size_t j = i;
      while (j < e && s.compare(j, 3, kIdeoSpace) == 0) j += 3;
      if (i > piece) { emit(i, i); piece = j; }
      else piece = j;
      i = j;
      continue;
    }
    ++i;
  }
  emit(e, e);
  if (out->size() - first > 1)
    for (size_t k = first; k < out->size(); ++k) (*out)[k].glued = true;
}

}  // namespace

uint64_t SegmentHash(std::string_view t) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < t.size();) {
    size_t len = 0;
    if (IsSpaceAt(t, i, &len)) { i += len; continue; }
    if (t.compare(i, 2, "\xC2\xA0") == 0) { i += 2; continue; }  // U+00A0
    h = (h ^ static_cast<unsigned char>(t[i++])) * 1099511628211ull;
  }
  return h ? h : 1;
}

std::vector<RepeatSegment> RepeatSegments(std::string_view s, size_t min_code_points) {
  std::vector<RepeatSegment> segs;
  for (size_t b = 0; b <= s.size();) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    LineSegments(s, b, e, &segs);
    b = e + 1;
  }
  for (RepeatSegment& seg : segs) {
    std::string_view t = s.substr(seg.begin, seg.end - seg.begin);
    if (CountCodePoints(t) >= min_code_points) seg.hash = SegmentHash(t);
  }
  return segs;
}

int RemoveSegments(const std::vector<RepeatSegment>& segs, const std::vector<bool>& drop,
                   std::string* body) {
  // Remove dropped segments (from the end, so offsets stay valid), then
  // lines left empty; keep the body if nothing would remain.
  std::string out(*body);
  int removed = 0;
  for (size_t i = segs.size(); i-- > 0;) {
    if (!drop[i]) continue;
    // The spaces after a segment that ends its line go with it.
    size_t end = segs[i].end, len = 0;
    while (end < out.size() && out[end] != '\n' && IsSpaceAt(out, end, &len)) end += len;
    if (end < out.size() && out[end] != '\n') end = segs[i].end;
    out.erase(segs[i].cut_begin, end - segs[i].cut_begin);
    ++removed;
  }
  if (!removed) return 0;
  std::string tidy;
  for (size_t b = 0; b <= out.size();) {
    size_t e = out.find('\n', b);
    if (e == std::string::npos) e = out.size();
    std::string_view line(out.data() + b, e - b);
    bool blank = true;
    for (size_t k = 0, len = 1; k < line.size() && blank; k += len) blank = IsSpaceAt(line, k, &len);
    if (!blank) tidy.append(tidy.empty() ? "" : "\n").append(line);
    b = e + 1;
  }
  if (tidy.empty()) return 0;
  *body = std::move(tidy);
  return removed;
}

std::string RepeatMemory::SourceKey(const std::string& source) {
  size_t scheme = source.find("://");
  if (scheme != std::string::npos && scheme < 10) {
    size_t host = scheme + 3;
    size_t end = source.find_first_of("/?#", host);
    return source.substr(host, end == std::string::npos ? std::string::npos : end - host);
  }
  size_t colon = source.find(':');
  if (colon != std::string::npos && colon > 1) return source.substr(0, colon);
  size_t slash = source.find_last_of('/');
  return slash == std::string::npos ? "" : source.substr(0, slash);
}

void RepeatMemory::WaitTurn(std::unique_lock<std::mutex>& lock, uint64_t seq) {
  turn_.wait(lock, [&] { return next_ >= seq; });
}

void RepeatMemory::Done(uint64_t seq) {
  if (seq == next_) ++next_;
  turn_.notify_all();
}

void RepeatMemory::Skip(uint64_t seq) {
  std::unique_lock<std::mutex> lock(mu_);
  WaitTurn(lock, seq);
  Done(seq);
}

RepeatMemory::Table& RepeatMemory::TableFor(const std::string& key) {
  auto it = tables_.find(key);
  if (it != tables_.end()) {
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return it->second;
  }
  if (tables_.size() >= options_.max_sources && !lru_.empty()) {
    tables_.erase(lru_.back());
    lru_.pop_back();
  }
  lru_.push_front(key);
  Table& t = tables_[key];
  t.lru = lru_.begin();
  return t;
}

int RepeatMemory::Observe(uint64_t seq, const std::string& source, std::string* body) {
  std::vector<RepeatSegment> segs = RepeatSegments(*body, options_.min_code_points);
  std::vector<bool> drop(segs.size(), false);
  {
    std::unique_lock<std::mutex> lock(mu_);
    WaitTurn(lock, seq);
    Table& table = TableFor(SourceKey(source));
    std::unordered_set<uint64_t> counted;
    for (size_t i = 0; i < segs.size(); ++i) {
      uint64_t h = segs[i].hash;
      if (!h || !counted.insert(h).second) {
        if (h) drop[i] = table.counts[h] > static_cast<uint32_t>(options_.min_documents);
        continue;
      }
      auto it = table.counts.find(h);
      uint32_t before = it == table.counts.end() ? 0 : it->second;
      drop[i] = before >= static_cast<uint32_t>(options_.min_documents);
      if (it != table.counts.end()) { ++it->second; continue; }
      if (table.counts.size() >= options_.max_segments) {
        for (auto c = table.counts.begin(); c != table.counts.end();) c = c->second <= 1 ? table.counts.erase(c) : std::next(c);
        if (table.counts.size() >= options_.max_segments) continue;  // all repeated: keep them
      }
      table.counts.emplace(h, 1);
    }
    Done(seq);
  }
  return RemoveSegments(segs, drop, body);
}

}  // namespace newskb
