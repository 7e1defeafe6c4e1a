// newskb/pipeline/text/status.h
//
// Errors are values. Every fallible function in newskb returns a Status or
// a Result<T>; nothing is thrown across a module line. A Status carries a
// message that names what failed and why, written for the user who will read
// it on stderr or in the `rejects` table (e.g. "docs.jsonl:17: field 'text'
// is a number, expected a string").
//
// Thread safety: value types; copy freely.
//
// Usage:
//   Result<Document> r = reader.Next();
//   if (!r.ok()) { report(r.status().message()); continue; }
//   Document doc = std::move(r).value();
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace newskb {

class [[nodiscard]] Status {
 public:
  enum class Code { kOk = 0, kInvalidInput, kNotFound, kIoError, kInternal };

  Status() = default;  // OK
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string msg) { return Status(Code::kInvalidInput, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<context>: <message>".
  Status WithContext(const std::string& context) const {
    if (ok()) return *this;
    return Status(code_, context + ": " + message_);
  }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Result<T>: either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}            // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {     // NOLINT
    assert(!status_.ok() && "Result built from an OK Status has no value");
  }
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newskb
