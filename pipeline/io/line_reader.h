// newskb/pipeline/io/line_reader.h
//
// Reads a stream line by line with a bound on what it holds: a line longer
// than `max_line` bytes is skipped to its end without being kept (it is
// counted, so the caller can say how long it was), so one hostile line of
// any length costs at most `max_line` bytes of memory.
//
//   LineReader lines(in, 32 << 20, /*padding=*/64);
//   std::string line;
//   for (LineReader::Status s; (s = lines.Next(&line)) != LineReader::kEnd;) {
//     if (s == LineReader::kTooLong) { report(lines.last_line_bytes()); continue; }
//     use(line);   // without its '\n'; capacity() >= size() + padding
//   }
//   if (lines.error()) ...   // the stream failed before its end
//
// A final line without '\n' is a line. The stream is read in 64 KiB chunks
// through its streambuf (std::cin included).
//
// Thread safety: one LineReader per thread and stream.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace newskb {

class LineReader {
 public:
  enum Status { kLine, kTooLong, kEnd };

  // `padding`: spare capacity kept past every returned line's end (for
  // parsers that read a few bytes past their input, such as simdjson).
  LineReader(std::istream& in, uint64_t max_line, size_t padding = 0);

  // The next line into *line (without its '\n'). kTooLong: the line was
  // over max_line bytes and was skipped; *line is left empty.
  Status Next(std::string* line);

  // Bytes of the last line, its '\n' included (also for a kTooLong line).
  uint64_t last_line_bytes() const { return last_bytes_; }
  // True when the stream reported an error (not its end).
  bool error() const { return error_; }

 private:
  bool Fill();

  std::istream& in_;
  uint64_t max_line_;
  size_t padding_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  uint64_t last_bytes_ = 0;
  bool eof_ = false, error_ = false;
};

}  // namespace newskb
