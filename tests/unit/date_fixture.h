// The date extractor as the date tests use it: built once from the source
// tree's rules, run on a text with a publication date.
#ifndef NEWSKB_TESTS_UNIT_DATE_FIXTURE_H_
#define NEWSKB_TESTS_UNIT_DATE_FIXTURE_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "extractors/dates/dates.h"

namespace newskb {
namespace testing_dates {

inline const std::string& RulesDir() {
  static const std::string* dir =
      new std::string(std::string(NEWSKB_SOURCE_DIR) + "/extractors/rules");
  return *dir;
}

struct DateFixture {
  std::shared_ptr<const Normalizer> norm = Normalizer::Create().value();
  std::unique_ptr<Extractor> ex;
  DateFixture() {
    auto r = MakeDateExtractor(RulesDir(), norm);
    if (r.ok()) ex = std::move(r).value();
    else ADD_FAILURE() << r.status().message();
  }
  // The date mentions of `text` in an article published on `pub`.
  std::vector<Mention> Run(const std::string& text, const std::string& pub) const {
    Document doc;
    doc.body = text;
    doc.published = pub;
    NormText nt = norm->Normalize(text);
    std::vector<Mention> out;
    if (ex) ex->Extract(doc, nt, &out);
    return out;
  }
};

// One extractor for the whole test binary (compiling the rules is slow).
inline const DateFixture& SharedDateFixture() {
  static DateFixture* f = new DateFixture();
  return *f;
}

}  // namespace testing_dates
}  // namespace newskb

#endif  // NEWSKB_TESTS_UNIT_DATE_FIXTURE_H_
