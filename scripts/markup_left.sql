-- documents whose stored text still holds a tag or Markdown syntax
SELECT substr(doc_key, 1, instr(doc_key, '-') - 1) AS site, count(*) AS documents,
  sum(text GLOB '*<[a-zA-Z/!]*>*') AS with_tag,
  sum(text GLOB '*](*' OR text GLOB '*[*][*]?*[*][*]*' OR text GLOB '*![[]*'
      OR text GLOB '#[ #]*' OR instr(text, char(10) || '# ') > 0 OR instr(text, char(10) || '##') > 0) AS with_markdown
FROM documents GROUP BY site;
