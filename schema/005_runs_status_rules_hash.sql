-- newskb knowledge base, schema version 5: runs say how they ended and with
-- which rules; documents say which rules extracted them; a reject row may be
-- a warning (the document went in, one field did not).
--   runs.status        running | finished | interrupted | failed
--                      (NULL for runs recorded before version 5)
--   runs.rules_hash    FNV-1a 64 of every file of the rules folder (names and
--                      contents), so `newskb reextract` knows what is stale
--   runs.stored        documents the run stored (or re-extracted)
--   documents.rules_hash  the rules hash of the run that last extracted it
--   rejects.severity   'rejected' (the record was not stored) or 'warning'
--                      (stored, with the named field left NULL)
ALTER TABLE runs ADD COLUMN status TEXT;
ALTER TABLE runs ADD COLUMN rules_hash TEXT;
ALTER TABLE runs ADD COLUMN stored INTEGER;
ALTER TABLE documents ADD COLUMN rules_hash TEXT;
ALTER TABLE rejects ADD COLUMN severity TEXT NOT NULL DEFAULT 'rejected';
CREATE INDEX documents_by_rules_hash ON documents(rules_hash);
