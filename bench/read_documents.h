// The benches' input: every article of one input (a JSON Lines file, a
// folder, a page), read the way ingest reads it; rejected records are
// skipped (a bench measures the articles, not the reader's errors).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "pipeline/io/reader.h"

namespace newskb {

inline std::vector<Document> ReadDocuments(const std::string& path) {
  struct Sink : DocumentSink {
    std::vector<Document> docs;
    void OnDocument(Document&& d) override { docs.push_back(std::move(d)); }
    void OnReject(Reject&&) override {}
  } sink;
  (void)ReadInputs({path}, ReadOptions{}, &sink);
  return std::move(sink.docs);
}

}  // namespace newskb
