-- newskb knowledge base, schema version 4: search across scripts.
-- documents_fts indexes each document's title and text (external content:
-- the text is not stored twice) with the tokenizer `newskb`
-- (pipeline/kb/search_sql.h): folded text (NFKC, case, Traditional ->
-- Simplified, as v_entities.alias_key), CJK characters as bigrams plus
-- single characters, so two- and one-character terms (稀土, 鋰) match in
-- either script. Ingest adds a document's row in the document's own
-- savepoint. Reading it needs the tokenizer: newskb search, newskb query,
-- or libnewskb_sqlite.so in any other tool. An older file is indexed here.
-- (Version 3 belongs to the facts migration; this one needs nothing of it.)

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='doc_id', tokenize='newskb');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
