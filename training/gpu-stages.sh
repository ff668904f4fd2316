#!/usr/bin/env bash
# The GPU profile of the two long training stages (train.sh --gpu). Needs only python3 with torch (CUDA) and
# regex, so it also runs alone on a GPU machine that has none of Debian's packages or Node:
#
#   bash training/gpu-stages.sh pretrain IDS VOCAB WORK        -> WORK/pretrain/base.pt
#   bash training/gpu-stages.sh reader BASE TOK RC HELDOUT WORK -> WORK/reader/reader.pt
#
# A GPU sees the 2 M-token corpus many times over in minutes, so the risk is overfitting, not time. Each
# stage trains two candidates at once (the GPU is far from full with a 4 M-parameter model) and keeps the
# one with the lower held-out loss: validation perplexity of plain text for the base, target loss on the
# held-out reading-comprehension split for the reader. Both candidates' summaries are kept.
set -euo pipefail
TRAINING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-python3}"
export PYTHONUNBUFFERED=1

# Same architecture as the CPU profile (the browser's speed budget is set by it); a 512-token context from
# the start (the reader's), and copy-rich windows meant to start in-context copying (pretrain.py).
PRE_COMMON="${PRE_COMMON:---d 256 --layers 4 --heads 8 --ctx 512 --batch 64 --lr 1e-3 --min-lr 1e-4 --copy-frac 0.5 \
  --minutes 3.5 --log-every 100 --eval-seqs 400 --eval-points 0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0 --keep-best \
  --threads 4 --device cuda}"
PRE_A="${PRE_A:---dropout 0.1 --max-steps 2000}"   # about 28 epochs of the corpus
PRE_B="${PRE_B:---dropout 0.2 --max-steps 4000}"   # about 56 epochs, more regularised
READER_COMMON="${READER_COMMON:---batch 32 --minutes 2.5 --warmup-steps 100 --threads 4 --device cuda}"
READER_A="${READER_A:---lr 6e-4 --epochs 4}"
READER_B="${READER_B:---lr 1e-3 --epochs 8}"

pick() {  # pick SUMMARY_NAME KEY DIR_A DIR_B: print the candidate folder with the lower KEY
  "$PY" - "$@" <<'EOF'
import json, sys
name, key, a, b = sys.argv[1:5]
def value(d):
    s = json.load(open(f'{d}/{name}'))
    v = s
    for k in key.split('.'):
        v = v[k]
    return v
va, vb = value(a), value(b)
print(a if va <= vb else b)
print(f'{a}: {va}  {b}: {vb}', file=sys.stderr)
EOF
}

case "${1:-}" in
  pretrain)
    ids=$2; vocab=$3; work=$4
    mkdir -p "$work/pretrain-a" "$work/pretrain-b"
    "$PY" "$TRAINING/pretrain.py" --ids "$ids" --vocab "$vocab" --work "$work/pretrain-a" $PRE_COMMON $PRE_A \
      > "$work/pretrain-a/pretrain.log" 2>&1 &
    pa=$!
    "$PY" "$TRAINING/pretrain.py" --ids "$ids" --vocab "$vocab" --work "$work/pretrain-b" $PRE_COMMON $PRE_B --seed 1 \
      > "$work/pretrain-b/pretrain.log" 2>&1 &
    pb=$!
    wait $pa || { tail -n 20 "$work/pretrain-a/pretrain.log" >&2; exit 1; }
    wait $pb || { tail -n 20 "$work/pretrain-b/pretrain.log" >&2; exit 1; }
    best=$(pick pretrain-summary.json kept.val_ppl "$work/pretrain-a" "$work/pretrain-b")
    rm -rf "$work/pretrain"
    mkdir -p "$work/pretrain"
    cp "$best"/{base.pt,pretrain-summary.json,loss.csv,pretrain.log} "$work/pretrain/"
    echo "{\"chosen\": \"$(basename "$best")\", \"candidates\": {\"pretrain-a\": \"$PRE_A\", \"pretrain-b\": \"$PRE_B\"}, \"common\": \"$PRE_COMMON\"}" \
      > "$work/pretrain/candidates.json"
    echo "pretraining: chose $(basename "$best")"
    ;;
  reader)
    base=$2; tok=$3; rc=$4; heldout=$5; work=$6
    mkdir -p "$work/reader-a" "$work/reader-b"
    "$PY" "$TRAINING/reader/train_reader.py" --base "$base" --tok "$tok" --rc "$rc" --heldout "$heldout" \
      --out "$work/reader-a" $READER_COMMON $READER_A > "$work/reader-a/train.log" 2>&1 &
    ra=$!
    "$PY" "$TRAINING/reader/train_reader.py" --base "$base" --tok "$tok" --rc "$rc" --heldout "$heldout" \
      --out "$work/reader-b" $READER_COMMON $READER_B --seed 1 > "$work/reader-b/train.log" 2>&1 &
    rb=$!
    wait $ra || { tail -n 20 "$work/reader-a/train.log" >&2; exit 1; }
    wait $rb || { tail -n 20 "$work/reader-b/train.log" >&2; exit 1; }
    best=$(pick reader-summary.json heldout_target_loss "$work/reader-a" "$work/reader-b")
    rm -rf "$work/reader"
    mkdir -p "$work/reader"
    cp "$best"/{reader.pt,reader-summary.json,reader-loss.csv,train.log} "$work/reader/"
    echo "{\"chosen\": \"$(basename "$best")\", \"candidates\": {\"reader-a\": \"$READER_A\", \"reader-b\": \"$READER_B\"}, \"common\": \"$READER_COMMON\"}" \
      > "$work/reader/candidates.json"
    echo "reader: chose $(basename "$best")"
    ;;
  *)
    echo "usage: gpu-stages.sh pretrain IDS VOCAB WORK | reader BASE TOK RC HELDOUT WORK" >&2
    exit 2
    ;;
esac
