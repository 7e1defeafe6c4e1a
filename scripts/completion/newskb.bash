# bash completion for newskb (installed as share/bash-completion/completions/newskb).
# Completes commands, each command's options, rules sub-commands, files for
# INPUT/--db/--out/--file/--rules, and stored document keys for
# `newskb show` and `rules explain --doc` (read from the knowledge base).

_newskb_db() {  # the knowledge base the command line names, else the default
  local i
  for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
    if [[ ${COMP_WORDS[i]} == --db ]]; then echo "${COMP_WORDS[i+1]}"; return; fi
    if [[ ${COMP_WORDS[i]} == --db=* ]]; then echo "${COMP_WORDS[i]#--db=}"; return; fi
  done
  echo "${NEWSKB_DB:-newskb.sqlite}"
}

_newskb_doc_keys() {  # stored keys starting with $1
  local db prefix=${1//\'/\'\'}
  db=$(_newskb_db)
  [[ -f $db ]] || return
  "${COMP_WORDS[0]}" query --db "$db" --format csv \
    "SELECT doc_key FROM documents WHERE substr(doc_key, 1, length('$prefix')) = '$prefix' ORDER BY doc_key LIMIT 200" \
    2>/dev/null | tail -n +2
}

_newskb() {
  local cur prev cmd opts
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  cmd=${COMP_WORDS[1]}
  local commands="ingest query search stats entity facts show report reextract rules --help --version"
  if ((COMP_CWORD == 1)); then
    COMPREPLY=($(compgen -W "$commands" -- "$cur"))
    return
  fi
  case $prev in
    --db) COMPREPLY=($(compgen -f -X '!*.@(sqlite|db|sqlite3)' -- "$cur") $(compgen -d -- "$cur")); return ;;
    --out|--file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --rules) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "table csv json jsonl" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --doc) COMPREPLY=($(_newskb_doc_keys "$cur")); return ;;
    --predicate) COMPREPLY=($(compgen -W "invests lends raises stake size stockpiles price_floor share produces costs cost_change covers takes targets counts other" -- "$cur")); return ;;
  esac
  case $cmd in
    ingest) opts="--db --rules --max-doc-mb --batch --jobs --script --names --progress --no-progress --help" ;;
    query) opts="--db --format --excel --timeout --file --help" ;;
    search) opts="--db --since --until --entity --format --excel --limit --help" ;;
    stats) opts="--db --format --help" ;;
    entity) opts="--db --help" ;;
    facts) opts="--db --entity --subject --object --predicate --since --until --doc --format --help" ;;
    show) opts="--db --color --help" ;;
    report) opts="--db --entity --since --until --max-articles --timelines --out --help" ;;
    reextract) opts="--db --rules --all --quiet --help" ;;
    rules)
      if ((COMP_CWORD == 2)); then COMPREPLY=($(compgen -W "check explain test repeats --help" -- "$cur")); return; fi
      opts="--rules --date --file --doc --db --engine-only --min-f1 --min-docs --glued --text --help" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ $cmd == show ]]; then
    COMPREPLY=($(_newskb_doc_keys "$cur"))
  elif [[ $cmd == ingest || $cmd == rules ]]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _newskb newskb
