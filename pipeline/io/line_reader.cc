#include "pipeline/io/line_reader.h"

#include <algorithm>
#include <cstring>

namespace newskb {

namespace {
constexpr size_t kChunk = 64 * 1024;
}

LineReader::LineReader(std::istream& in, uint64_t max_line, size_t padding)
    : in_(in), max_line_(max_line), padding_(padding), buf_(kChunk) {}

bool LineReader::Fill() {
  if (eof_) return false;
  std::streambuf* sb = in_.rdbuf();
  std::streamsize got = 0;
  try {
    got = sb ? sb->sgetn(buf_.data(), static_cast<std::streamsize>(buf_.size())) : 0;
  } catch (...) {
    error_ = true;
  }
  if (got <= 0) {
    eof_ = true;
    if (!sb || in_.bad()) error_ = true;
    return false;
  }
  pos_ = 0;
  end_ = static_cast<size_t>(got);
  return true;
}

LineReader::Status LineReader::Next(std::string* line) {
  line->clear();
  last_bytes_ = 0;
  bool too_long = false, any = false;
  for (;;) {
    if (pos_ == end_ && !Fill()) break;
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    size_t n = nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    last_bytes_ += n;
    if (!too_long && last_bytes_ > max_line_) {
      too_long = true;
      line->clear();
      line->shrink_to_fit();
    }
    if (!too_long) {
      if (line->capacity() < line->size() + n + padding_) {
        uint64_t want = std::min<uint64_t>(2 * (line->size() + n), max_line_);
        line->reserve(static_cast<size_t>(want) + padding_);
      }
      line->append(start, n);
    }
    pos_ += n;
    if (nl) {
      ++pos_;
      ++last_bytes_;
      break;
    }
  }
  if (!any) return kEnd;
  if (line->capacity() < line->size() + padding_) line->reserve(line->size() + padding_);
  return too_long ? kTooLong : kLine;
}

}  // namespace newskb
