#!/usr/bin/env bash
# The GPU profile of the two long training stages (train.sh --gpu). Needs only python3 with torch (CUDA) and
# regex, so it also runs alone on a GPU machine that has none of Debian's packages or Node:
#
#   bash training/gpu-stages.sh pretrain IDS VOCAB WORK        -> WORK/pretrain/base.pt
#   bash training/gpu-stages.sh reader BASE TOK RC HELDOUT WORK -> WORK/reader/reader.pt
#
# The settings are the "pretrain" and "reader" sections of training/profiles/gpu.json (PROFILE=another name or a
# path to a JSON file to use another). Each section lists candidates; every candidate trains at the same time (a
# 4 M-parameter model leaves the GPU mostly idle) and the one with the lower held-out loss is kept: validation
# perplexity of plain text for the base, target loss on the held-out reading-comprehension split for the reader.
# Every candidate's summary and log are kept in WORK/<candidate>/.
set -euo pipefail
TRAINING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-python3}"
PROFILE="${PROFILE:-gpu}"
export PYTHONUNBUFFERED=1
prof() { "$PY" "$TRAINING/recipe.py" "$PROFILE" "$@"; }
candidate_args() {  # candidate_args SECTION NAME: into the array CARGS
  local out
  out=$(prof args "$1" "$2") || { echo "profile $PROFILE: no candidate $2 in $1" >&2; exit 1; }
  mapfile -t CARGS <<< "$out"
}

pick() {  # pick SUMMARY_NAME KEY DIR...: print the candidate folder with the lowest KEY
  "$PY" - "$@" <<'PYEOF'
import json, sys
name, key, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
def value(d):
    v = json.load(open(f'{d}/{name}'))
    for k in key.split('.'):
        v = v[k]
    return v
values = {d: value(d) for d in dirs}
print(min(dirs, key=lambda d: values[d]))
print('  '.join(f'{d}: {v}' for d, v in values.items()), file=sys.stderr)
PYEOF
}

record() {  # record SECTION CHOSEN: the candidates' settings as strings, as the model cards show them
  "$PY" - "$TRAINING" "$PROFILE" "$1" "$2" <<'PYEOF'
import json, sys
sys.path.insert(0, sys.argv[1])
from recipe import args, load, settings
profile, section, chosen = sys.argv[2], sys.argv[3], sys.argv[4]
p = load(profile)
common = settings(p, section)
cands = {name: ' '.join(args({k: v for k, v in c.items() if not k.startswith('#')}))
         for name, c in p[section]['candidates'].items()}
print(json.dumps({'chosen': chosen, 'candidates': cands, 'common': ' '.join(args(common)),
                  'profile': profile}))
PYEOF
}

case "${1:-}" in
  pretrain)
    ids=$2; vocab=$3; work=$4
    dirs=()
    for name in $(prof candidates pretrain); do
      mkdir -p "$work/$name"
      dirs+=("$work/$name")
    done
    pids=()
    for d in "${dirs[@]}"; do
      candidate_args pretrain "$(basename "$d")"
      "$PY" "$TRAINING/pretrain.py" --ids "$ids" --vocab "$vocab" --work "$d" "${CARGS[@]}" > "$d/pretrain.log" 2>&1 &
      pids+=($!)
    done
    for i in "${!pids[@]}"; do
      wait "${pids[$i]}" || { tail -n 20 "${dirs[$i]}/pretrain.log" >&2; exit 1; }
    done
    best=$(pick pretrain-summary.json kept.val_ppl "${dirs[@]}")
    rm -rf "$work/pretrain"
    mkdir -p "$work/pretrain"
    cp "$best"/{base.pt,pretrain-summary.json,loss.csv,pretrain.log} "$work/pretrain/"
    record pretrain "$(basename "$best")" > "$work/pretrain/candidates.json"
    echo "pretraining: chose $(basename "$best")"
    ;;
  reader)
    base=$2; tok=$3; rc=$4; heldout=$5; work=$6
    dirs=()
    for name in $(prof candidates reader); do
      mkdir -p "$work/$name"
      dirs+=("$work/$name")
    done
    pids=()
    for d in "${dirs[@]}"; do
      candidate_args reader "$(basename "$d")"
      "$PY" "$TRAINING/reader/train_reader.py" --base "$base" --tok "$tok" --rc "$rc" --heldout "$heldout" \
        --out "$d" "${CARGS[@]}" > "$d/train.log" 2>&1 &
      pids+=($!)
    done
    for i in "${!pids[@]}"; do
      wait "${pids[$i]}" || { tail -n 20 "${dirs[$i]}/train.log" >&2; exit 1; }
    done
    best=$(pick reader-summary.json heldout_target_loss "${dirs[@]}")
    rm -rf "$work/reader"
    mkdir -p "$work/reader"
    cp "$best"/{reader.pt,reader-summary.json,reader-loss.csv,train.log} "$work/reader/"
    record reader "$(basename "$best")" > "$work/reader/candidates.json"
    echo "reader: chose $(basename "$best")"
    ;;
  *)
    echo "usage: gpu-stages.sh pretrain IDS VOCAB WORK | reader BASE TOK RC HELDOUT WORK" >&2
    exit 2
    ;;
esac
