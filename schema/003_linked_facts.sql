-- newskb knowledge base, schema version 3: facts as linked rows.
-- v_facts keeps the contract's columns in their order (doc_key ...
-- sentence) and rule, pipeline_version after them, then gains the ids and
-- kinds of its entities, the sentence's number and the date as a range:
--   doc_id, sentence_no   the figure's document and sentence (sentences.idx),
--                         so joins by sentence need no text comparison
--   subject_id, subject_kind, object_id, object_kind
--                         entities.entity_id and kind (organization, policy,
--                         place, commodity); NULL when there is none
--   date_start, date_end  the first and last day the date covers (2025 ->
--                         2025-01-01 .. 2025-12-31, 2025-02 -> 2025-02-01 ..
--                         2025-02-28), NULL when the fact has no date
--   fact_id, figure_id    the facts row and the figure's mention
-- Every mention view gains sentence_no after its columns. A version 1 or 2
-- file gets the new views on its next ingest; its rows are unchanged. The
-- statements are idempotent (IF [NOT] EXISTS), so re-running it is harmless.

CREATE INDEX IF NOT EXISTS facts_by_object ON facts(object_id, predicate);

DROP VIEW IF EXISTS v_facts;
CREATE VIEW v_facts AS
  SELECT d.doc_key, se.name AS subject, f.predicate, oe.name AS object,
         fm.value, fm.low, fm.high, fm.unit, fm.qualifier, dm.date_value AS date,
         fm.text AS figure_text, s.text AS sentence, f.rule, r.pipeline_version,
         f.doc_id, fm.sentence_idx AS sentence_no,
         f.subject_id, se.kind AS subject_kind, f.object_id, oe.kind AS object_kind,
         CASE length(dm.date_value)
           WHEN 4 THEN dm.date_value || '-01-01'
           WHEN 7 THEN dm.date_value || '-01'
           WHEN 10 THEN dm.date_value END AS date_start,
         CASE length(dm.date_value)
           WHEN 4 THEN dm.date_value || '-12-31'
           WHEN 7 THEN date(dm.date_value || '-01', '+1 month', '-1 day')
           WHEN 10 THEN dm.date_value END AS date_end,
         f.fact_id, f.figure_id
  FROM facts f
  JOIN documents d ON d.doc_id = f.doc_id
  LEFT JOIN entities se ON se.entity_id = f.subject_id
  LEFT JOIN entities oe ON oe.entity_id = f.object_id
  LEFT JOIN mentions fm ON fm.mention_id = f.figure_id
  LEFT JOIN mentions dm ON dm.mention_id = f.date_id
  LEFT JOIN sentences s ON s.doc_id = fm.doc_id AND s.idx = fm.sentence_idx
  JOIN runs r ON r.run_id = f.run_id;

DROP VIEW IF EXISTS v_figures;
CREATE VIEW v_figures AS
  SELECT doc_key, text, value, low, high, unit, qualifier, sentence, start, "end",
         rule, pipeline_version, doc_id, mention_id, sentence_idx AS sentence_no
  FROM v_mentions WHERE kind = 'figure';

DROP VIEW IF EXISTS v_dates;
CREATE VIEW v_dates AS
  SELECT doc_key, text, date_value AS value, qualifier, sentence, start, "end",
         rule, pipeline_version, doc_id, mention_id, sentence_idx AS sentence_no
  FROM v_mentions WHERE kind = 'date' AND date_value IS NOT NULL;

DROP VIEW IF EXISTS v_organizations;
CREATE VIEW v_organizations AS
  SELECT m.doc_key, m.text, e.name, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id, m.sentence_idx AS sentence_no
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'organization';

DROP VIEW IF EXISTS v_policies;
CREATE VIEW v_policies AS
  SELECT m.doc_key, m.text, e.name, m.policy_kind AS kind, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id, m.sentence_idx AS sentence_no
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'policy';

DROP VIEW IF EXISTS v_places;
CREATE VIEW v_places AS
  SELECT m.doc_key, m.text, e.name, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id, m.sentence_idx AS sentence_no
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'place';

DROP VIEW IF EXISTS v_commodities;
CREATE VIEW v_commodities AS
  SELECT m.doc_key, m.text, e.name, m.sentence, m.start, m."end",
         m.rule, m.pipeline_version, m.doc_id, m.mention_id, m.entity_id, m.sentence_idx AS sentence_no
  FROM v_mentions m LEFT JOIN entities e ON e.entity_id = m.entity_id
  WHERE m.kind = 'commodity';
