#!/usr/bin/env bash
# The article-only fine-tune's settings: candidates trained one after another on the CPU (1 thread), each scored on
# heldout-dev only (ft_select.py: int8 weights, greedy, 48 tokens). heldout-test is not read here.
#   bash training/ft-article-search.sh BASE TOK WORK [NAME=ARGS ...]
# Without candidates, the grid below (as run on 2026-12-03; training/finetune-article-selection.json keeps its
# results). Writes WORK/NAME/ (the run) and WORK/NAME/dev.json (its dev figures).
set -euo pipefail
TRAINING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
BASE=$1; TOK=$2; WORK=$3; shift 3
if [ $# -gt 0 ]; then CANDS=("$@"); else
  CANDS=()
  for unit in passage stream; do
    batch=8; [ $unit = stream ] && batch=2
    for lr in 3e-4 1e-3; do
      for ep in 5 15 40 100; do
        CANDS+=("${unit}-lr${lr}-e${ep}=--unit $unit --batch $batch --lr $lr --epochs $ep --minutes 60")
      done
    done
  done
fi
mkdir -p "$WORK"
for cand in "${CANDS[@]}"; do
  name=${cand%%=*}; args=${cand#*=}
  if [ -f "$WORK/$name/dev.json" ]; then echo "$name: done"; continue; fi
  # shellcheck disable=SC2086
  $PY "$TRAINING/finetune_article.py" --base "$BASE" --tok "$TOK" --out "$WORK/$name" --threads 1 $args \
    > "$WORK/$name.log" 2>&1 || { mkdir -p "$WORK/$name"; tail -n 5 "$WORK/$name.log"; exit 1; }
  THREADS=1 $PY "$TRAINING/ft_select.py" "$TOK" "$WORK/$name/finetuned.pt" | tail -n 1 > "$WORK/$name/dev.json"
  echo "$name ($args): $(cat "$WORK/$name/dev.json" | cut -c1-200)"
done
