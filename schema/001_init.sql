-- newskb knowledge base, schema version 1 (later versions: the files after this one).
-- The public face (documents and the v_* views) is fixed by
-- ../shared/kb-contract.md; the tables behind it are newskb's own.
-- Offsets (start, end) are code points of documents.text, end exclusive.

CREATE TABLE runs (
  run_id           INTEGER PRIMARY KEY,
  pipeline_version TEXT NOT NULL,
  command          TEXT NOT NULL,
  started_at       TEXT NOT NULL,
  finished_at      TEXT
);

-- documents: contract columns first (doc_key, title, published, source, text).
CREATE TABLE documents (
  doc_key      TEXT NOT NULL UNIQUE,
  title        TEXT,
  published    TEXT,
  source       TEXT,
  text         TEXT NOT NULL,          -- the article body, characters unchanged
  doc_id       INTEGER PRIMARY KEY,
  raw          TEXT NOT NULL,          -- the input as read (date line removed)
  content_hash TEXT NOT NULL UNIQUE,   -- FNV-1a 64 of raw: invariant 2
  run_id       INTEGER NOT NULL REFERENCES runs(run_id)
);

CREATE TABLE sentences (
  doc_id  INTEGER NOT NULL REFERENCES documents(doc_id),
  idx     INTEGER NOT NULL,
  start   INTEGER NOT NULL,
  "end"   INTEGER NOT NULL,
  text    TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
  entity_id INTEGER PRIMARY KEY,
  kind      TEXT NOT NULL,   -- organization | policy | place | commodity
  name      TEXT NOT NULL,   -- canonical name (first form stored)
  key       TEXT NOT NULL,   -- folded: NFKC, Traditional->Simplified, case, spaces
  UNIQUE (kind, key)
);

CREATE TABLE aliases (
  entity_id INTEGER NOT NULL REFERENCES entities(entity_id),
  key       TEXT NOT NULL,   -- folded alias
  alias     TEXT NOT NULL,   -- first surface form seen
  PRIMARY KEY (entity_id, key)
) WITHOUT ROWID;
CREATE INDEX aliases_by_key ON aliases(key);

CREATE TABLE mentions (
  mention_id   INTEGER PRIMARY KEY,
  doc_id       INTEGER NOT NULL REFERENCES documents(doc_id),
  kind         TEXT NOT NULL,  -- figure | date | organization | policy | place | commodity
  start        INTEGER NOT NULL,
  "end"        INTEGER NOT NULL,
  text         TEXT NOT NULL,
  sentence_idx INTEGER NOT NULL,
  value        REAL,
  low          REAL,
  high         REAL,
  unit         TEXT,
  qualifier    TEXT,
  date_value   TEXT,           -- dates: ISO at the text's precision; NULL if unresolved
  entity_id    INTEGER REFERENCES entities(entity_id),
  policy_kind  TEXT,
  note         TEXT,
  rule         TEXT NOT NULL,  -- invariant 5
  run_id       INTEGER NOT NULL REFERENCES runs(run_id)
);
CREATE INDEX mentions_by_doc ON mentions(doc_id);
CREATE INDEX mentions_by_entity ON mentions(entity_id);

-- Facts tie a figure (and a date) to what it describes (filled by the facts stage).
CREATE TABLE facts (
  fact_id      INTEGER PRIMARY KEY,
  doc_id       INTEGER NOT NULL REFERENCES documents(doc_id),
  subject_id   INTEGER REFERENCES entities(entity_id),
  predicate    TEXT NOT NULL,
  object_id    INTEGER REFERENCES entities(entity_id),
  figure_id    INTEGER REFERENCES mentions(mention_id),
  date_id      INTEGER REFERENCES mentions(mention_id),
  rule         TEXT NOT NULL,
  run_id       INTEGER NOT NULL REFERENCES runs(run_id)
);
CREATE INDEX facts_by_doc ON facts(doc_id);

CREATE TABLE rejects (
  reject_id INTEGER PRIMARY KEY,
  source    TEXT NOT NULL,
  line      INTEGER NOT NULL,  -- 0: the whole file
  doc_key   TEXT,
  reason    TEXT NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES runs(run_id),
  at        TEXT NOT NULL
);

-- ---------------------------------------------------------------- contract views
CREATE VIEW v_mentions AS
  SELECT d.doc_key, m.*, s.text AS sentence, r.pipeline_version
  FROM mentions m
  JOIN documents d ON d.doc_id = m.doc_id
  JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence_idx
  JOIN runs r ON r.run_id = m.run_id;

CREATE VIEW v_figures AS
  SELECT doc_key, text, value, low, high, unit, qualifier, sentence, start, "end",
         rule, pipeline_version, doc_id, mention_id
  FROM v_mentions WHERE kind = 'figure';

CREATE VIEW v_dates AS
  SELECT doc_key, text, date_value AS value, qualifier, sentence, start, "end",
         rule, pipeline_version, doc_id, mention_id
  FROM v_mentions WHERE kind = 'date' AND date_value IS NOT NULL;

CREATE VIEW v_organizations AS
  SELECT m.doc_key, m.text, e.name, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'organization';

CREATE VIEW v_policies AS
  SELECT m.doc_key, m.text, e.name, m.policy_kind AS kind, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'policy';

CREATE VIEW v_places AS
  SELECT m.doc_key, m.text, e.name, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'place';

CREATE VIEW v_commodities AS
  SELECT m.doc_key, m.text, e.name, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'commodity';

CREATE VIEW v_facts AS
  SELECT d.doc_key, se.name AS subject, f.predicate, oe.name AS object,
         fm.value, fm.low, fm.high, fm.unit, fm.qualifier, dm.date_value AS date,
         fm.text AS figure_text, s.text AS sentence, f.rule, r.pipeline_version
  FROM facts f
  JOIN documents d ON d.doc_id = f.doc_id
  LEFT JOIN entities se ON se.entity_id = f.subject_id
  LEFT JOIN entities oe ON oe.entity_id = f.object_id
  LEFT JOIN mentions fm ON fm.mention_id = f.figure_id
  LEFT JOIN mentions dm ON dm.mention_id = f.date_id
  LEFT JOIN sentences s ON s.doc_id = fm.doc_id AND s.idx = fm.sentence_idx
  JOIN runs r ON r.run_id = f.run_id;

-- Every alias of every entity, for lookups in either script.
CREATE VIEW v_entities AS
  SELECT e.entity_id, e.kind, e.name, a.alias, a.key AS alias_key
  FROM entities e JOIN aliases a ON a.entity_id = e.entity_id;
