// newskb/pipeline/text/lines.h
//
// The lines of a data file (rule lists, dictionaries, shipped repeats), one
// at a time, with their 1-based numbers for error messages:
//
//   LineCursor lines(text);
//   for (DataLine l; lines.Next(&l);) {
//     if (l.text.empty() || l.text[0] == '#') continue;
//     ... Status::InvalidInput(name + ":" + std::to_string(l.number) + ": ...")
//   }
//
// A line is the text up to '\n' without a trailing '\r' (files written on
// Windows read the same); the last line need not end with '\n'; empty lines
// are returned and counted, so numbers match what an editor shows.
#pragma once

#include <cstddef>
#include <string_view>

namespace newskb {

struct DataLine {
  std::string_view text;
  size_t number = 0;
};

class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  // Sets *line to the next line and returns true; false past the last one.
  bool Next(DataLine* line) {
    if (pos_ >= text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line->text = text_.substr(pos_, end - pos_);
    if (!line->text.empty() && line->text.back() == '\r') line->text.remove_suffix(1);
    line->number = ++number_;
    pos_ = end + 1;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

}  // namespace newskb
