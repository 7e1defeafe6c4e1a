// newskb/pipeline/text/document.h
//
// The value types that cross module lines: a Document as read from an input,
// a Mention as found by an extractor, a Sentence. They hold only std types,
// so no third-party type (ICU, RE2, SQLite, simdjson) leaks between modules.
//
// Offsets: every offset a Mention or Sentence carries is in CODE POINTS of
// Document::body (the stored `documents.text`), end exclusive, exactly as the
// knowledge-base contract's `start`/`end` columns. Conversion from the
// normalised text's byte offsets happens once, through NormText
// (pipeline/normalize/normalizer.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newskb {

// One article, as read from one input record.
struct Document {
  std::string key;        // JSON `id`, or the file name without folder and extension
  std::string title;      // may be empty
  std::string published;  // ISO date "YYYY-MM-DD" (or "YYYY-MM", "YYYY"), empty if unknown
  std::string source;     // where it came from: "path" or "path:line"; also the JSON `source`
  std::string origin;     // the input location for messages: "path" or "path:line"
  std::string raw;        // the input text as read (UTF-8, validated), date line removed;
                          // for a web page (raw_is_html) the bytes as read, in the page's
                          // charset, until the markup stage decodes them to UTF-8
  bool raw_is_html = false;  // an .html/.htm file or a JSON Lines `html` field: a whole web page
  std::string body;       // the article body, chosen from raw by pipeline/body; characters unchanged
  // A large plain text whose body is the whole of it, byte for byte: `raw`
  // is left empty rather than held twice (31 MiB each); read Raw().
  bool raw_is_body = false;
  // The input as read: `raw`, or `body` when raw_is_body.
  const std::string& Raw() const { return raw_is_body ? body : raw; }
  uint64_t input_bytes = 0;  // bytes of input this record took (file size or JSON line), for progress
  // Problems that did not stop the document (a `date` newskb cannot read:
  // stored as NULL); each is recorded as a warning in `rejects`.
  std::vector<std::string> warnings;
};

enum class MentionKind { kFigure, kDate, kOrganization, kPolicy, kPlace, kCommodity, kIndicator, kProject, kActor };

// Stable lower-case names used in the database and on the command line:
// "figure", "date", "organization", "policy", "place", "commodity", "indicator", "project", "actor".
const char* MentionKindName(MentionKind k);
std::optional<MentionKind> MentionKindFromName(const std::string& name);

// One mention found in a document's body.
struct Mention {
  MentionKind kind = MentionKind::kFigure;
  uint32_t start = 0;  // code points in Document::body
  uint32_t end = 0;    // exclusive
  std::string text;    // exactly body[start, end) (code points)

  // Figures: value or low/high; unit (ISO 4217, "CUR?", "%", "t", "kg",
  // "year", "month", "day", "hour", "count", or a rate "A/B").
  std::optional<double> value, low, high;
  std::string unit;
  // Figures and dates: "approx", "more_than", "less_than", "at_least",
  // "at_most" (figures); "before", "after", "by" (dates). Empty if none.
  std::string qualifier;
  // Dates: ISO 8601 at the text's precision ("2026", "2026-02", "2026-02-02");
  // empty when the date cannot be resolved (relative date, undated article).
  std::string date_value;
  // Organizations, policies, places, commodities: the surface form folded for
  // linking, and the canonical name once linked (empty until then).
  std::string name;
  // Policies: "law", "order", "program", "strategy", "initiative",
  // "alliance", "report".
  std::string policy_kind;
  // Free-form note, e.g. why a relative date stayed unresolved.
  std::string note;

  std::string rule;  // id of the rule (or dictionary) that produced it
};

// A fact: a figure tied to what it describes. Indices point into the
// document's mention list (the order ExtractorSet::ExtractAll returns).
struct Fact {
  int subject = -1;     // mention index of the subject entity (any named kind), -1 if none
  std::string predicate;  // from the documented vocabulary (extractors/facts/README.md)
  int object = -1;      // mention index of the object entity, -1 if none
  int figure = -1;      // mention index of the figure (required)
  int date = -1;        // mention index of the date the clause gives, -1 if none
  std::string rule;     // id of the rule that produced it
  int subject_sentence = -1;  // sentence (NormText::sentences index) the subject was named in
};

// A sentence of the body, in code points of Document::body.
struct Sentence {
  uint32_t start = 0;
  uint32_t end = 0;  // exclusive
};

}  // namespace newskb
