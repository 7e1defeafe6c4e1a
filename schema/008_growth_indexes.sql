-- newskb knowledge base, schema version 8: what every run asks of a file
-- answered from an index, so adding documents does not slow down as the
-- file grows (issue 15, bench/growth.sh).
-- * documents_by_script: each ingest and load ends by counting documents per
--   script (the display script follows the majority); without it the count
--   read every documents row, bodies and raw texts included: the whole file.
-- * entities_without_display_names: opening a file for writing looks for
--   entities that lack display names (a file of an older version); without
--   it that read every entities row. The index holds only those entities, so
--   it stays empty once they have their names.
CREATE INDEX documents_by_script ON documents(script);
CREATE INDEX entities_without_display_names ON entities(entity_id)
  WHERE name_hant IS NULL OR name_hans IS NULL;
