-- newskb knowledge base, schema version 2: indexes for the lookups that
-- grow with the corpus. `newskb facts --subject` and analysts' "what did X
-- do" queries find facts by subject; date-bounded queries filter documents
-- by publication date. A version 1 file gets them on its next ingest.

CREATE INDEX facts_by_subject ON facts(subject_id, predicate);
CREATE INDEX documents_by_published ON documents(published);
