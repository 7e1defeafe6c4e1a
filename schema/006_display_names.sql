-- newskb knowledge base, schema version 6: one entity per real-world thing,
-- shown in one script.
-- * entities.name_hant / name_hans: the entity's display names in
--   Traditional (Taiwan usage) and Simplified (OpenCC, made once when the
--   entity is created). entities.name, what every view shows, is the one
--   of the display script.
-- * documents.script: 'hant' or 'hans', the script the body is written in
--   (NULL: no script-specific character).
-- * settings: the display script ('script': hant | hans) and who chose it
--   ('script_chosen_by': user, or majority = the script most documents
--   use), and the key folding the entity keys were made with ('key_fold').
-- A file of an older version gets display names, document scripts and
-- entity keys re-folded with variant characters (entities that then share
-- a key are merged) when newskb next opens it for writing.

ALTER TABLE entities ADD COLUMN name_hant TEXT;
ALTER TABLE entities ADD COLUMN name_hans TEXT;
ALTER TABLE documents ADD COLUMN script TEXT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
