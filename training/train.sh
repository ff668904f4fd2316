#!/usr/bin/env bash
# Model pipeline: apt packages -> corpus -> tokenizer -> pretrain -> fine-tune -> eval -> export (ONNX,
# KV cache, int8) -> model cards -> Node (Transformers.js) verification.
#
#   bash training/train.sh            full run from scratch, writes public/models/{base,fine-tuned}
#   bash training/train.sh --resume   full run, skipping stages whose outputs already exist
#                                     (pretraining itself resumes from its checkpoint)
#   bash training/train.sh --smoke    same stages, tiny and quick, into training/work/smoke/ (CI)
#   bash training/train.sh --gpu      full run with the two long stages (pretraining, reader) on a CUDA GPU
#                                     (training/gpu-stages.sh): how the shipped models were made
#
# Environment overrides (full mode): PRETRAIN_MINUTES (75), FT_EPOCHS (5), FT_DROPOUT (0.1), FT_MINUTES (32),
# READER_MINUTES (15), ENCODER_MINUTES (30).
set -euo pipefail

SMOKE=0
RESUME=0
GPU=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    --resume) RESUME=1 ;;
    --gpu) GPU=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

TRAINING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$TRAINING")"
cd "$ROOT"
PY=/usr/bin/python3
T0=$(date +%s)
log() { echo "[train.sh +$(( $(date +%s) - T0 ))s] $*"; }

# ---------------------------------------------------------------- apt packages
APT_PKGS="python3-torch python3-onnx python3-regex python3-numpy libopenblas0-pthread python3-matplotlib wordnet-base python-sklearn-doc"
if [ "$SMOKE" = 0 ]; then
  APT_PKGS="$APT_PKGS python3.11-doc python-pandas-doc python-django-doc"
else
  APT_PKGS="$APT_PKGS python3.11-doc"
fi
missing=""
for p in $APT_PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  log "installing apt packages:$missing"
  SUDO=""; [ "$(id -u)" != 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# ---------------------------------------------------------------- node + transformers.js
command -v node >/dev/null || { echo "node is required for the verification stage" >&2; exit 1; }
if [ ! -d "$ROOT/node_modules/@huggingface/transformers" ]; then
  log "node_modules missing: npm ci (onnxruntime-node install script skipped)"
  (cd "$ROOT" && npm_config_onnxruntime_node_install=skip ONNXRUNTIME_NODE_INSTALL=skip npm ci --no-audit --no-fund)
fi

# ---------------------------------------------------------------- settings
if [ "$SMOKE" = 1 ]; then
  VERIFY_TIE=1e-2
  W="$TRAINING/work/smoke"
  MODELS="$W/models"
  PROV="$W/corpus-provenance"
  CORPUS_ARGS="--max-files 25"
  VOCAB=512
  PRE_ARGS="--d 64 --layers 2 --heads 4 --ctx 128 --batch 8 --minutes 0.5 --max-steps 40 --log-every 5 --eval-seqs 16 --eval-points 0.5,1.0 --lr 3e-3 --copy-frac 0.5"
  FT_ARGS="--epochs 2 --minutes 1 --max-rows 48 --batch 8 --lr 3e-3 --warmup-steps 2 --augment-variants 1 --augment-from-answer 1"
  EVAL_ARGS="--max-rows 4 --max-new-tokens 12"
  EXPORT_ARGS="--max-new-tokens 12"
  RESUME=0
  rm -rf "$W"
else
  W="$TRAINING/work"
  MODELS="$ROOT/public/models"
  VERIFY_TIE=2e-3
  PROV="$TRAINING/corpus-provenance"
  CORPUS_ARGS=""
  VOCAB=4096
  # The GPU profile's recipe (gpu-stages.sh) at CPU scale: same architecture, 512-token context, copy-rich windows.
  PRE_ARGS="--d 256 --layers 4 --heads 8 --ctx 512 --batch 16 --lr 1e-3 --copy-frac 0.5 --minutes ${PRETRAIN_MINUTES:-75}"
  # Chosen on heldout-dev among 12 runs on this base (training/finetune-selection.json, gpu-finetune-search.sh;
  # 15 earlier runs on the CPU-pretrained base are kept there too): generated question variants,
  # drawn afresh each epoch, and NEFTune noise are what let the model answer questions worded differently.
  FT_ARGS="--epochs ${FT_EPOCHS:-5} --minutes ${FT_MINUTES:-32} --batch 16 --lr 1e-3 --dropout ${FT_DROPOUT:-0.1} \
    --neftune 5 --augment-variants 4 --augment-from-answer 24 --augment-fresh --augment-hyper"
  EVAL_ARGS=""
  EXPORT_ARGS="--max-new-tokens 48"
  if [ "$RESUME" = 0 ]; then
    rm -rf "$W/corpus.txt" "$W/corpus.u16" "$W/parts" "$W/tokenizer" "$W/pretrain" "$W/finetune" \
           "$W/eval.json" "$W"/ref-*.json "$W"/verify-*.json "$W/tokenizer-parity.json"
  fi
fi
mkdir -p "$W" "$MODELS"
skip() { [ "$RESUME" = 1 ] && [ -e "$1" ]; }

# ---------------------------------------------------------------- 1. corpus
if skip "$W/corpus.txt"; then log "corpus exists, skipped"; else
  log "corpus"
  $PY "$TRAINING/corpus.py" --out "$W" --provenance "$PROV" $CORPUS_ARGS
fi
log "article leak check"
CORPUS="$W/corpus.txt" $PY -W ignore -m unittest discover -s "$TRAINING/tests" -q

# ---------------------------------------------------------------- 2. tokenizer
if skip "$W/tokenizer/tokenizer.json"; then log "tokenizer exists, skipped"; else
  log "tokenizer (byte-level BPE, vocab $VOCAB)"
  $PY "$TRAINING/bpe.py" train --corpus "$W/corpus.txt" --vocab "$VOCAB" --out "$W/tokenizer"
fi
if ! skip "$W/corpus.u16"; then
  $PY "$TRAINING/bpe.py" encode --corpus "$W/corpus.txt" --tok "$W/tokenizer" --ids-out "$W/corpus.u16"
fi
$PY "$TRAINING/provenance.py" "$PROV" "$W" "$W/tokenizer"

# ---------------------------------------------------------------- 3. pretraining
if skip "$W/pretrain/base.pt"; then log "base model exists, skipped"; else
  if [ "$GPU" = 1 ]; then
    log "pretraining on the GPU (two candidates)"
    PY=python3 bash "$TRAINING/gpu-stages.sh" pretrain "$W/corpus.u16" "$VOCAB" "$W/gpu"
    rm -rf "$W/pretrain"
    cp -r "$W/gpu/pretrain" "$W/pretrain"
  else
    log "pretraining"
    mkdir -p "$W/pretrain"
    $PY "$TRAINING/pretrain.py" --ids "$W/corpus.u16" --work "$W/pretrain" --vocab "$VOCAB" $PRE_ARGS \
      2>&1 | tee -a "$W/pretrain/pretrain.log" | grep -E "eval|params|final" || true
  fi
  [ -f "$W/pretrain/base.pt" ] || { echo "pretraining failed" >&2; exit 1; }
fi

# ---------------------------------------------------------------- 4. fine-tuning
if skip "$W/finetune/finetuned.pt"; then log "fine-tuned model exists, skipped"; else
  log "fine-tuning"
  mkdir -p "$W/finetune"
  $PY "$TRAINING/finetune.py" --base "$W/pretrain/base.pt" --tok "$W/tokenizer" --out "$W/finetune" $FT_ARGS \
    | tee "$W/finetune.log" | grep -E "^epoch|stopping" || true
  [ -f "$W/finetune/finetuned.pt" ] || { echo "fine-tuning failed" >&2; exit 1; }
fi

# ---------------------------------------------------------------- 5. evaluation
if skip "$W/eval.json"; then log "evaluation exists, skipped"; else
  log "evaluation (base vs fine-tuned, greedy)"
  $PY "$TRAINING/evaluate.py" --base "$W/pretrain/base.pt" --ft "$W/finetune/finetuned.pt" --tok "$W/tokenizer" \
    --out "$W/eval.json" $EVAL_ARGS > "$W/eval.log"
  tail -n 40 "$W/eval.log" | grep -E '"f1"|base|fine' | head -n 30 || true
fi

# ---------------------------------------------------------------- 6. export + int8
for name in base fine-tuned; do
  ck="$W/pretrain/base.pt"; [ "$name" = fine-tuned ] && ck="$W/finetune/finetuned.pt"
  log "export $name (ONNX, KV cache, int8)"
  $PY "$TRAINING/export.py" --ckpt "$ck" --tok "$W/tokenizer" --out "$MODELS/$name" \
    --ref "$W/ref-$name.json" $EXPORT_ARGS
done

# ---------------------------------------------------------------- 7. Node verification
log "tokenizer parity (Python vs Transformers.js)"
$PY "$TRAINING/tokparity.py" "$W/tokenizer" "$W/tokenizer-parity.json"
node "$TRAINING/verify-tokenizer.mjs" "$MODELS/base" "$W/tokenizer-parity.json"
for name in base fine-tuned; do
  log "Transformers.js generation vs PyTorch: $name"
  VERIFY_TIE="$VERIFY_TIE" node "$TRAINING/verify-onnx.mjs" "$MODELS/$name" "$W/ref-$name.json" --report "$W/verify-$name.json"
done

# ---------------------------------------------------------------- 8. model cards
log "model cards"
$PY "$TRAINING/make_cards.py" --pre "$W/pretrain" --ft "$W/finetune" --eval "$W/eval.json" \
  --provenance "$PROV.json" --models "$MODELS" --verify "$W"
for name in base fine-tuned; do
  bytes=$(du -sb "$MODELS/$name" | cut -f1)
  log "$name: $(( bytes / 1024 )) KiB in $MODELS/$name"
  [ "$bytes" -le 20000000 ] || { echo "$name exceeds 20 MB" >&2; exit 1; }
done

# ---------------------------------------------------------------- 9. reader (generative RAG; training/reader/)
# The base checkpoint, context extended to 512, fine-tuned to answer from numbered passages (copy + cite, or
# decline) on a reading-comprehension set generated from the corpus. Override: READER_MINUTES (15).
R="$W/reader"
if [ "$SMOKE" = 1 ]; then
  RC_ARGS="--train 64 --heldout 8"
  READER_ARGS="--minutes 0.3 --max-steps 4 --batch 4"
  READER_EVAL_ARGS="--max-rows 4 --fp32-rows 0"
else
  RC_ARGS="--train 20000"
  READER_ARGS="--minutes ${READER_MINUTES:-15} --lr 6e-4 --batch 8"
  READER_EVAL_ARGS="--max-rows 400 --fp32-rows 100"
  if [ "$RESUME" = 0 ]; then rm -rf "$R" "$W/ref-reader.json" "$W/verify-reader.json"; fi
fi
mkdir -p "$R/train"
if skip "$R/rc-train.jsonl"; then log "reader data exists, skipped"; else
  log "reader: reading-comprehension set from the corpus"
  $PY "$TRAINING/reader/make_rc.py" --corpus "$W/corpus.txt" --tok "$W/tokenizer" --out "$R" $RC_ARGS
fi
log "reader: article leak check of the generated set"
RC_TRAIN="$R/rc-train.jsonl" $PY -W ignore -m unittest discover -s "$TRAINING/tests" -p 'test_no_rc_article_leak.py' -q
if skip "$R/train/reader.pt"; then log "reader model exists, skipped"; else
  if [ "$GPU" = 1 ]; then
    log "reader: fine-tuning on the GPU (two candidates)"
    PY=python3 bash "$TRAINING/gpu-stages.sh" reader "$W/pretrain/base.pt" "$W/tokenizer" "$R/rc-train.jsonl" \
      "$R/rc-heldout.jsonl" "$W/gpu"
    cp "$W/gpu/reader/"* "$R/train/"
  else
    log "reader: fine-tuning (1 thread)"
    $PY "$TRAINING/reader/train_reader.py" --base "$W/pretrain/base.pt" --tok "$W/tokenizer" \
      --rc "$R/rc-train.jsonl" --heldout "$R/rc-heldout.jsonl" --out "$R/train" --threads 1 $READER_ARGS \
      | tee "$R/train/train.log" | grep -E "^step|^done|held-out" || true
  fi
  [ -f "$R/train/reader.pt" ] || { echo "reader fine-tuning failed" >&2; exit 1; }
fi
if skip "$R/reader-eval.json"; then log "reader evaluation exists, skipped"; else
  log "reader: evaluation on the held-out split"
  $PY "$TRAINING/reader/eval_reader.py" --ckpt "$R/train/reader.pt" --tok "$W/tokenizer" --rc "$R/rc-heldout.jsonl" \
    --out "$R/reader-eval.json" --base "$W/pretrain/base.pt" --article --ref-prompts "$R/ref-prompts.json" \
    $READER_EVAL_ARGS | tee "$R/eval.log"
fi
log "export reader (ONNX, KV cache, int8)"
$PY "$TRAINING/export.py" --ckpt "$R/train/reader.pt" --tok "$W/tokenizer" --out "$MODELS/reader" \
  --ref "$W/ref-reader.json" --prompts "$R/ref-prompts.json" --threads 1 \
  --max-new-tokens "$($PY -c 'import json; print(json.load(open("data/reader-prompt-format.json"))["maxNewTokens"])')"
log "Transformers.js generation vs PyTorch: reader"
VERIFY_TIE="$VERIFY_TIE" node "$TRAINING/verify-onnx.mjs" "$MODELS/reader" "$W/ref-reader.json" --report "$W/verify-reader.json"
$PY "$TRAINING/reader/make_reader_card.py" --pre "$W/pretrain" --reader "$R/train" --rc-stats "$R/rc-stats.json" \
  --eval "$R/reader-eval.json" --provenance "$PROV.json" --model "$MODELS/reader" --verify "$W/verify-reader.json"
bytes=$(du -sb "$MODELS/reader" | cut -f1)
log "reader: $(( bytes / 1024 )) KiB in $MODELS/reader"
[ "$bytes" -le 20000000 ] || { echo "reader exceeds 20 MB" >&2; exit 1; }

# ---------------------------------------------------------------- 10. retrieval encoder (training/retriever/)
# RAG's learned retriever for the "article" knowledge setting: a small transformer over the frozen GloVe vectors,
# trained contrastively on pairs mined from the corpus and WordNet only (never the article or data/qa/).
# Override: ENCODER_MINUTES (30).
RW="$W/retriever"
if [ "$SMOKE" = 1 ]; then
  PAIRS_ARGS="--max-docs 60"
  ENCODER_ARGS="--minutes 0.5 --max-steps 10 --set log_every=5 --set heldout_max=200"
  ENCODER_OUT="$MODELS/retrieval-encoder"
else
  PAIRS_ARGS=""
  ENCODER_ARGS="--minutes ${ENCODER_MINUTES:-30}"
  ENCODER_OUT="$ROOT/public/retrieval/encoder"
  if [ "$RESUME" = 0 ]; then rm -rf "$RW"; fi
fi
mkdir -p "$RW/train"
if skip "$RW/pairs.jsonl"; then log "retriever pairs exist, skipped"; else
  log "retriever: training pairs from the corpus and WordNet"
  $PY "$TRAINING/retriever/pairs.py" --parts "$W/parts" --out "$RW/pairs.jsonl" $PAIRS_ARGS
fi
log "retriever: article and written-question leak check of the pairs"
RETRIEVER_PAIRS="$RW/pairs.jsonl" $PY -W ignore -m unittest discover -s "$TRAINING/tests" -p 'test_no_retriever_pairs_leak.py' -q
if skip "$RW/train/encoder.pt"; then log "retriever encoder exists, skipped"; else
  log "retriever: contrastive training (1 thread)"
  $PY "$TRAINING/retriever/train_encoder.py" --pairs "$RW/pairs.jsonl" --out "$RW/train" $ENCODER_ARGS \
    | tee "$RW/train/train.log" | grep -E '"before"|"steps"' | cut -c1-240 || true
  [ -f "$RW/train/encoder.pt" ] || { echo "retriever training failed" >&2; exit 1; }
fi
log "export retriever encoder (ONNX, int8)"
$PY "$TRAINING/retriever/export_encoder.py" --ckpt "$RW/train/encoder.pt" --out "$ENCODER_OUT"
log "retriever encoder through the app's code (ONNX Runtime for Node) vs PyTorch"
npx --no-install tsx "$TRAINING/retriever/verify-encoder.ts" "$ENCODER_OUT" --report "$RW/verify.json"
$PY "$TRAINING/retriever/make_encoder_card.py" --train "$RW/train" --pairs-stats "$RW/pairs-stats.json" \
  --provenance "$PROV.json" --verify "$RW/verify.json" --model "$ENCODER_OUT" \
  --figures "$TRAINING/retriever/figures.json"
log "retrieval encoder: $(( $(du -sb "$ENCODER_OUT" | cut -f1) / 1024 )) KiB in $ENCODER_OUT"
log "done"
