// ResultWriter: the formats of `newskb query`, `search` and `stats`.
#include "pipeline/cli/output.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

namespace newskb {
namespace {

std::string Print(OutputOptions opt, const std::vector<std::string>& cols, const std::vector<Row>& rows) {
  char* buf = nullptr;
  size_t len = 0;
  opt.out = open_memstream(&buf, &len);
  {
    ResultWriter w(opt);
    w.Header(cols);
    for (const Row& r : rows) w.AddRow(r);
    w.Finish();
  }
  std::fclose(opt.out);
  std::string s(buf, len);
  std::free(buf);
  return s;
}

TEST(Value, TextIsTheShortestFormThatReadsBack) {
  EXPECT_EQ(Value::Real(0.1).ToText(), "0.1");
  EXPECT_EQ(Value::Real(5.0).ToText(), "5.0");
  EXPECT_EQ(Value::Real(4e8).ToText(), "400000000.0");
  EXPECT_EQ(Value::Real(1e300).ToText(), "1e+300");
  EXPECT_EQ(Value::Real(1.0 / 3).ToText(), "0.3333333333333333");
  EXPECT_EQ(Value::Integer(-7).ToText(), "-7");
  EXPECT_EQ(Value::Blob(std::string("\0\xff", 2)).ToText(), "00ff");
  EXPECT_EQ(Value::Null().ToText(), "");
}

TEST(ResultWriter, JsonTypesFollowSqlite) {
  OutputOptions o;
  o.format = Format::kJson;
  EXPECT_EQ(Print(o, {"t", "i", "r", "n", "b"},
                  {{Value::Text("2026"), Value::Integer(2026), Value::Real(0.5), Value::Null(), Value::Blob("A")}}),
            "[\n{\"t\":\"2026\",\"i\":2026,\"r\":0.5,\"n\":null,\"b\":\"41\"}\n]\n");
  EXPECT_EQ(Print(o, {"x"}, {}), "[]\n");
  EXPECT_EQ(ResultWriter::JsonString(std::string("a\x01\xff\"", 4)), "\"a\\u0001\\ufffd\\\"\"");
  EXPECT_EQ(ResultWriter::JsonValue(Value::Real(1e308 * 10)), "9e999");
}

TEST(ResultWriter, CsvQuotesPerRfc4180) {
  OutputOptions o;
  o.format = Format::kCsv;
  EXPECT_EQ(Print(o, {"a", "b"}, {{Value::Text("x,y"), Value::Text("say \"hi\"\nthere")}, {Value::Null(), Value::Integer(1)}}),
            "a,b\n\"x,y\",\"say \"\"hi\"\"\nthere\"\n,1\n");
  o.excel = true;
  EXPECT_EQ(Print(o, {"a"}, {{Value::Text("稀土")}}), "\xEF\xBB\xBF" "a\r\n稀土\r\n");
}

TEST(ResultWriter, TableWidthsGrowFromWindowToWindow) {
  OutputOptions o;
  o.table_window = 2;
  EXPECT_EQ(Print(o, {"k", "v"},
                  {{Value::Text("a"), Value::Integer(1)},
                   {Value::Text("bb"), Value::Null()},
                   {Value::Text("稀土稀土"), Value::Real(2.5)}}),
            "k   v\n"
            "--  ----\n"
            "a   1\n"
            "bb  NULL\n"
            "稀土稀土  2.5\n"
            "(3 rows)\n");
}

}  // namespace
}  // namespace newskb
