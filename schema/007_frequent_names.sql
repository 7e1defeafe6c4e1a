-- newskb knowledge base, schema version 7: entities shown as the reader
-- writes them.
-- * entity_forms: mentions of each entity per surface form (key: the form
--   folded as entity keys are, so 台積電 and 台积电 are one form; form: the
--   form as first written; n: its mentions; indicators are not counted:
--   their mentions span the phrase around the name). Kept up to date as documents
--   are stored and re-extracted; rebuilt from mentions when a file of an
--   older version is first opened for writing.
-- * entities.shown_hant / shown_hans / shown_key: the display names of the
--   form its documents write most often (pipeline/kb/display_form.h), NULL
--   when that is the official name (name_hant / name_hans, the gazetteer's
--   canonical form or the fullest form of the first article, which stays an
--   alias). entities.name, what every view shows, is the shown name in the
--   display script, else the official one.
-- * v_entities gains `official`: the official name in the display script.

CREATE TABLE entity_forms (
  entity_id INTEGER NOT NULL,
  key       TEXT NOT NULL,
  form      TEXT NOT NULL,
  n         INTEGER NOT NULL,
  PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;

ALTER TABLE entities ADD COLUMN shown_hant TEXT;
ALTER TABLE entities ADD COLUMN shown_hans TEXT;
ALTER TABLE entities ADD COLUMN shown_key TEXT;
CREATE INDEX entities_by_shown_key ON entities(shown_key) WHERE shown_key IS NOT NULL;

DROP VIEW v_entities;
CREATE VIEW v_entities AS
  SELECT e.entity_id, e.kind, e.name, a.alias, a.key AS alias_key,
         CASE (SELECT value FROM settings WHERE key = 'script')
           WHEN 'hant' THEN coalesce(e.name_hant, e.name) ELSE coalesce(e.name_hans, e.name) END AS official
  FROM entities e JOIN aliases a ON a.entity_id = e.entity_id;
