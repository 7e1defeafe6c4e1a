-- documents whose stored text still holds a tag or Markdown syntax. A bold span is
-- counted as CommonMark reads one: "**" before a non-space and "**" after one, so a
-- footnote mark ("基金 **，" ... "註 **：") is text; a grade ("5**") still counts.
SELECT substr(doc_key, 1, instr(doc_key, '-') - 1) AS site, count(*) AS documents,
  sum(text GLOB '*<[a-zA-Z/!]*>*') AS with_tag,
  sum(text GLOB '*](*' OR text GLOB '*[*][*][^ *]*[^ *][*][*]*' OR text GLOB '*![[]*'
      OR text GLOB '#[ #]*' OR instr(text, char(10) || '# ') > 0 OR instr(text, char(10) || '##') > 0) AS with_markdown
FROM documents GROUP BY site;
