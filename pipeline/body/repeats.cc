#include "pipeline/body/repeats.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "pipeline/text/utf8.h"

namespace newskb {
namespace {

struct Segment {
  size_t begin, end;       // bytes of the trimmed segment in the body
  size_t cut_begin;        // where removal starts (the ideographic spaces before it)
};

constexpr std::string_view kIdeoSpace = "\xE3\x80\x80";

bool IsSpaceAt(std::string_view s, size_t i, size_t* len) {
  if (s.compare(i, 3, kIdeoSpace) == 0) { *len = 3; return true; }
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') { *len = 1; return true; }
  return false;
}

// Segments of one line [b, e) of `s`: pieces between ideographic-space runs.
void LineSegments(std::string_view s, size_t b, size_t e, std::vector<Segment>* out) {
  size_t piece = b, cut = b;
  auto emit = [&](size_t pe, size_t next_cut) {
    size_t pb = piece, len = 0;
    while (pb < pe && IsSpaceAt(s, pb, &len)) pb += len;
    size_t q = pe;
    // trim ASCII spaces at the end
    while (q > pb && (s[q - 1] == ' ' || s[q - 1] == '\t' || s[q - 1] == '\r')) --q;
    if (q > pb) out->push_back({pb, q, cut});
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
}

uint64_t Fnv(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

}  // namespace

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
  std::string_view s(*body);
  std::vector<Segment> segs;
  for (size_t b = 0; b <= s.size();) {
    size_t e = s.find('\n', b);
    if (e == std::string_view::npos) e = s.size();
    LineSegments(s, b, e, &segs);
    b = e + 1;
  }
  std::vector<uint64_t> hashes(segs.size(), 0);
  for (size_t i = 0; i < segs.size(); ++i) {
    std::string_view t = s.substr(segs[i].begin, segs[i].end - segs[i].begin);
    if (CountCodePoints(t) >= options_.min_code_points) hashes[i] = Fnv(t);
  }
  std::vector<bool> drop(segs.size(), false);
  {
    std::unique_lock<std::mutex> lock(mu_);
    WaitTurn(lock, seq);
    Table& table = TableFor(SourceKey(source));
    std::unordered_set<uint64_t> counted;
    for (size_t i = 0; i < segs.size(); ++i) {
      if (!hashes[i] || !counted.insert(hashes[i]).second) {
        if (hashes[i]) drop[i] = table.counts[hashes[i]] > static_cast<uint32_t>(options_.min_documents);
        continue;
      }
      auto it = table.counts.find(hashes[i]);
      uint32_t before = it == table.counts.end() ? 0 : it->second;
      drop[i] = before >= static_cast<uint32_t>(options_.min_documents);
      if (it != table.counts.end()) { ++it->second; continue; }
      if (table.counts.size() >= options_.max_segments) {
        for (auto c = table.counts.begin(); c != table.counts.end();) c = c->second <= 1 ? table.counts.erase(c) : std::next(c);
        if (table.counts.size() >= options_.max_segments) continue;  // all repeated: keep them
      }
      table.counts.emplace(hashes[i], 1);
    }
    Done(seq);
  }
  // Remove dropped segments (from the end, so offsets stay valid), then
  // lines left empty; keep the body if nothing would remain.
  std::string out(s);
  int removed = 0;
  for (size_t i = segs.size(); i-- > 0;) {
    if (!drop[i]) continue;
    out.erase(segs[i].cut_begin, segs[i].end - segs[i].cut_begin);
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

}  // namespace newskb
