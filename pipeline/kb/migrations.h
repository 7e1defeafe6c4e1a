// newskb/pipeline/kb/migrations.h
//
// The schema as an ordered list of migrations, embedded at build time from
// schema/NNN_name.sql (schema/embed.cmake). A knowledge base at
// `PRAGMA user_version` V gets every migration with version > V, in order,
// in one transaction; user_version is then the last one's version.
#pragma once

#include <string>
#include <vector>

namespace newskb {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

const std::vector<Migration>& Migrations();

}  // namespace newskb
