#!/usr/bin/env bash
# Fine-tuning settings, chosen on heldout-dev only (as in training/finetune-selection.json), with every
# candidate trained at once on one GPU (a 4 M-parameter model leaves it mostly idle):
#
#   bash training/gpu-finetune-search.sh BASE TOKENIZER WORK
#
# The candidates are the "finetune_search" section of training/profiles/gpu.json (PROFILE=another name or a path to
# a JSON file to use another). Each runs training/finetune.py, then ft_select.py scores it on heldout-dev (int8
# weights, greedy, on the CPU). WORK/results.jsonl holds one line per candidate; WORK/best/ the winner.
# Needs python3 with torch (CUDA), regex and numpy; WordNet from WORDNET_DIR (files may be gzipped).
# CANDIDATES="NAME ..." limits the run to some candidates; DEVICE=cpu and EXTRA="--minutes 1 ..." make a dry run here.
set -euo pipefail
TRAINING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY="${PY:-python3}"
PROFILE="${PROFILE:-gpu}"
export PYTHONUNBUFFERED=1
base=$1; tok=$2; work=$3
prof() { "$PY" "$TRAINING/recipe.py" "$PROFILE" "$@"; }

all=$(prof candidates finetune_search) || exit 1
names="${CANDIDATES:-$(echo $all)}"
common=$(prof line finetune_search)

pids=()
mkdir -p "$work"
: > "$work/settings.tsv"
for name in $names; do
  mkdir -p "$work/$name"
  out=$(prof args finetune_search "$name") || { echo "no candidate $name in $PROFILE" >&2; exit 1; }
  mapfile -t cargs <<< "$out"
  if [ -n "${DEVICE:-}" ]; then cargs+=(--device "$DEVICE"); fi
  # shellcheck disable=SC2206
  if [ -n "${EXTRA:-}" ]; then cargs+=($EXTRA); fi
  printf '%s\t%s\n' "$name" "${cargs[*]}" >> "$work/settings.tsv"
  "$PY" "$TRAINING/finetune.py" --base "$base" --tok "$tok" --out "$work/$name" "${cargs[@]}" \
    > "$work/$name/train.log" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

pids=()
for name in $names; do
  if [ -f "$work/$name/finetuned.pt" ]; then
    THREADS=1 "$PY" "$TRAINING/ft_select.py" "$tok" "$work/$name/finetuned.pt" > "$work/$name/dev.txt" 2>&1 &
    pids+=($!)
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || true; done

"$PY" - "$work" "$common" $names <<'EOF'
import json, os, shutil, sys
work, common, names = sys.argv[1], sys.argv[2], sys.argv[3:]
settings = dict(line.rstrip('\n').split('\t', 1) for line in open(os.path.join(work, 'settings.tsv')))
rows = []
for name in names:
    row = {'run': name, 'setting': settings[name]}
    try:
        row['heldout_dev'] = json.loads(open(os.path.join(work, name, 'dev.txt')).read().splitlines()[-1])['heldout-dev']
        summary = json.load(open(os.path.join(work, name, 'finetune-summary.json')))
        row['wall_time_s'] = summary['wall_time_s']
        row['stopped_early'] = summary['stopped_early']
    except (OSError, ValueError, KeyError, IndexError) as error:
        row['error'] = str(error)
    rows.append(row)
with open(os.path.join(work, 'results.jsonl'), 'w') as f:
    for row in rows:
        f.write(json.dumps(row) + '\n')
scored = [r for r in rows if 'heldout_dev' in r]
if not scored:
    sys.exit('no candidate finished')
best = max(scored, key=lambda r: r['heldout_dev']['f1'])
os.makedirs(os.path.join(work, 'best'), exist_ok=True)
for f in ('finetuned.pt', 'finetune-summary.json', 'finetune-loss.csv', 'train-augmented.jsonl'):
    shutil.copy(os.path.join(work, best['run'], f), os.path.join(work, 'best', f))
json.dump({'chosen': best['run'], 'common': common, 'candidates': rows},
          open(os.path.join(work, 'best', 'search.json'), 'w'), indent=1)
for r in sorted(scored, key=lambda r: -r['heldout_dev']['f1']):
    print(r['run'], r['heldout_dev']['f1'], 'early stop' if r.get('stopped_early') else '')
print('chose', best['run'])
EOF
