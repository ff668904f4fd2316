#!/usr/bin/env bash
# Model pipeline: apt packages -> corpus -> tokenizer -> pretrain -> fine-tune -> eval -> export (ONNX,
# KV cache, int8) -> model cards -> Node (Transformers.js) verification -> the article-only fine-tune -> reader ->
# retrieval encoder.
#
#   bash training/train.sh            full run from scratch, writes public/models/{base,fine-tuned,fine-tuned-article,
#                                     reader} and public/retrieval/encoder
#   bash training/train.sh --resume   full run, skipping stages whose outputs already exist
#                                     (pretraining itself resumes from its checkpoint)
#   bash training/train.sh --smoke    same stages, tiny and quick, into training/work/smoke/ (CI)
#   bash training/train.sh --gpu      full run with the two long stages (pretraining, reader) on a CUDA GPU
#                                     (training/gpu-stages.sh): how the shipped models were made
#   bash training/train.sh --article  only the article-only fine-tune (stage 8b), from the shipped base model:
#                                     public/models/base restored from its int8 ONNX (restore_from_onnx.py; the
#                                     base's float checkpoint is not committed), checked, then trained on; writes
#                                     public/models/fine-tuned-article (how the shipped one was made)
#
# Every stage's settings come from the profile, training/profiles/{cpu,smoke,gpu}.json (training/recipe.py reads
# them); this script only wires the stages' files together. One-off overrides of the cpu and gpu profiles:
# PRETRAIN_MINUTES, FT_EPOCHS, FT_DROPOUT, FT_MINUTES, READER_MINUTES (the CPU reader),
# ENCODER_MINUTES (the retrieval encoder's wall-clock cap).
set -euo pipefail

SMOKE=0
RESUME=0
GPU=0
ARTICLE_ONLY=0
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    --resume) RESUME=1 ;;
    --gpu) GPU=1 ;;
    --article) ARTICLE_ONLY=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
if [ "$SMOKE" = 1 ] && [ "$GPU" = 1 ]; then echo "--smoke and --gpu are two profiles: choose one" >&2; exit 2; fi
if [ "$ARTICLE_ONLY" = 1 ] && [ "$SMOKE$GPU$RESUME" != 000 ]; then
  echo "--article trains from the shipped base on the CPU: it takes no other argument" >&2; exit 2
fi
PROFILE=cpu
[ "$SMOKE" = 1 ] && PROFILE=smoke
[ "$GPU" = 1 ] && PROFILE=gpu

TRAINING="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$TRAINING")"
cd "$ROOT"
PY=/usr/bin/python3
T0=$(date +%s)
log() { echo "[train.sh +$(( $(date +%s) - T0 ))s] $*"; }
prof() { "$PY" "$TRAINING/recipe.py" "$PROFILE" "$@"; }
args_of() {  # args_of ARRAY SECTION: the profile's settings for a stage, as an array of arguments
  local out
  out=$(prof args "$2") || { echo "profile $PROFILE has no usable section $2" >&2; exit 1; }
  if [ -n "$out" ]; then mapfile -t "$1" <<< "$out"; else eval "$1=()"; fi
}

# ---------------------------------------------------------------- apt packages
# The profile adds the documentation packages its corpus reads (recipe.py needs only the standard library).
APT_PKGS="python3-torch python3-onnx python3-regex python3-numpy libopenblas0-pthread python3-matplotlib wordnet-base python-sklearn-doc"
[ "$ARTICLE_ONLY" = 1 ] || APT_PKGS="$APT_PKGS $(prof get apt.packages)"  # --article builds no corpus
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

# ---------------------------------------------------------------- settings (training/profiles/$PROFILE.json)
args_of CORPUS_ARGS corpus
args_of TOK_ARGS tokenizer
args_of PRE_ARGS pretrain
args_of FT_ARGS finetune
args_of FTA_ARGS finetune_article
args_of EVAL_ARGS evaluate
args_of EXPORT_ARGS export
args_of RC_ARGS reader_data
args_of READER_ARGS reader
args_of READER_EVAL_ARGS reader_eval
args_of READER_EXPORT_ARGS reader_export
args_of PAIRS_ARGS retriever_pairs
args_of ENCODER_ARGS retriever
VOCAB=$(prof get tokenizer.vocab)
VERIFY_TIE=$(prof get verify.tie)
if [ "$SMOKE" = 1 ]; then
  W="$TRAINING/work/smoke"
  MODELS="$W/models"
  PROV="$W/corpus-provenance"
  RESUME=0
  rm -rf "$W"
else
  W="$TRAINING/work"
  MODELS="$ROOT/public/models"
  PROV="$TRAINING/corpus-provenance"
  if [ -n "${PRETRAIN_MINUTES:-}" ]; then PRE_ARGS+=(--minutes "$PRETRAIN_MINUTES"); fi
  if [ -n "${FT_EPOCHS:-}" ]; then FT_ARGS+=(--epochs "$FT_EPOCHS"); fi
  if [ -n "${FT_DROPOUT:-}" ]; then FT_ARGS+=(--dropout "$FT_DROPOUT"); fi
  if [ -n "${FT_MINUTES:-}" ]; then FT_ARGS+=(--minutes "$FT_MINUTES"); fi
  if [ -n "${READER_MINUTES:-}" ]; then READER_ARGS+=(--minutes "$READER_MINUTES"); fi
  if [ -n "${ENCODER_MINUTES:-}" ]; then ENCODER_ARGS+=(--minutes "$ENCODER_MINUTES"); fi
  if [ "$RESUME" = 0 ] && [ "$ARTICLE_ONLY" = 0 ]; then  # --article leaves a pipeline's work alone
    rm -rf "$W/corpus.txt" "$W/corpus.u16" "$W/parts" "$W/tokenizer" "$W/pretrain" "$W/finetune" \
           "$W/eval.json" "$W"/ref-*.json "$W"/verify-*.json "$W/tokenizer-parity.json" \
           "$W/finetune-article" "$W/eval-article.json" \
           "$W/reader" "$W/ref-reader.json" "$W/verify-reader.json" "$W/retriever"
  fi
fi
log "profile: training/profiles/$PROFILE.json"
mkdir -p "$W" "$MODELS"
skip() { [ "$RESUME" = 1 ] && [ -e "$1" ]; }

# ---------------------------------------------------------------- the article-only fine-tune (stage 8b)
# "Fine-tune it on my documents": the base (BASE_PT, tokenizer TOK) trained further on the article's text alone
# (finetune_article.py: no Q&A pairs, nothing written for the questions), evaluated, exported and checked as the
# other models are. The fine-tuned panel of the "article" knowledge setting (lib/rag/knowledge.ts). Defined here
# because --article runs it alone; the full run calls it after stage 8, whose base model card it reads.
article_stage() {
  local base_pt=$1 tok=$2 FA="$W/finetune-article"
  if skip "$FA/finetuned.pt"; then log "article-only fine-tune exists, skipped"; else
    log "fine-tuning on the article's text alone (continued language-model training, no Q&A pairs)"
    rm -rf "$FA"; mkdir -p "$FA"
    $PY "$TRAINING/finetune_article.py" --base "$base_pt" --tok "$tok" --out "$FA" "${FTA_ARGS[@]}" \
      | tee "$W/finetune-article.log" | grep -E "^before|^after|stopping" || true
    [ -f "$FA/finetuned.pt" ] || { echo "article-only fine-tuning failed" >&2; exit 1; }
  fi
  log "article-only fine-tune: its training text is the article's lines, no written question or Q&A pair"
  ARTICLE_TRAIN="$FA/train-text.jsonl" $PY -W ignore -m unittest discover -s "$TRAINING/tests" \
    -p 'test_article_finetune_data.py' -q
  if skip "$W/eval-article.json"; then log "article-only evaluation exists, skipped"; else
    log "evaluation of the article-only fine-tune (greedy)"
    $PY "$TRAINING/evaluate.py" --ft "$FA/finetuned.pt" --ft-name fine-tuned-article --tok "$tok" \
      --out "$W/eval-article.json" "${EVAL_ARGS[@]}" > "$W/eval-article.log"
    grep -E "^fine-tuned-article" "$W/eval-article.log" || true
  fi
  log "export fine-tuned-article (ONNX, KV cache, int8)"
  $PY "$TRAINING/export.py" --ckpt "$FA/finetuned.pt" --tok "$tok" --out "$MODELS/fine-tuned-article" \
    --ref "$W/ref-fine-tuned-article.json" "${EXPORT_ARGS[@]}"
  log "Transformers.js generation vs PyTorch: fine-tuned-article"
  VERIFY_TIE="$VERIFY_TIE" node "$TRAINING/verify-onnx.mjs" "$MODELS/fine-tuned-article" \
    "$W/ref-fine-tuned-article.json" --report "$W/verify-fine-tuned-article.json"
  $PY "$TRAINING/make_cards.py" article --base-card "$MODELS/base/model-card.json" --started-from "$3" \
    --ft "$FA" --eval "$W/eval-article.json" --model "$MODELS/fine-tuned-article" \
    --verify "$W/verify-fine-tuned-article.json"
  local bytes
  bytes=$(du -sb "$MODELS/fine-tuned-article" | cut -f1)
  log "fine-tuned-article: $(( bytes / 1024 )) KiB in $MODELS/fine-tuned-article"
  [ "$bytes" -le 20000000 ] || { echo "fine-tuned-article exceeds 20 MB" >&2; exit 1; }
}

if [ "$ARTICLE_ONLY" = 1 ]; then
  # The shipped base's float checkpoint is not committed: restore it from its int8 ONNX (the exact weights the
  # shipped model computes with), and check it before training on it: exported again it must give the shipped ONNX
  # byte for byte, and the shipped ONNX in Transformers.js must give the restored model's greedy tokens.
  SB="$W/shipped-base"
  rm -rf "$SB" "$W/finetune-article" "$W/eval-article.json"
  log "restoring the shipped base from public/models/base/onnx/model_quantized.onnx"
  $PY "$TRAINING/restore_from_onnx.py" --model "$MODELS/base" --out "$SB/base.pt"
  $PY "$TRAINING/export.py" --ckpt "$SB/base.pt" --tok "$MODELS/base" --out "$SB/export/base" \
    --ref "$SB/ref-base.json" "${EXPORT_ARGS[@]}" > /dev/null
  cmp "$SB/export/base/onnx/model_quantized.onnx" "$MODELS/base/onnx/model_quantized.onnx" \
    || { echo "the restored base does not export to the shipped ONNX" >&2; exit 1; }
  log "restored base: exports to the shipped ONNX byte for byte; its greedy tokens vs the shipped model's"
  VERIFY_TIE="$VERIFY_TIE" node "$TRAINING/verify-onnx.mjs" "$MODELS/base" "$SB/ref-base.json" \
    --report "$SB/verify-base.json"
  article_stage "$SB/base.pt" "$MODELS/base" "public/models/base/onnx/model_quantized.onnx, restored (restore_from_onnx.py)"
  log "done"
  exit 0
fi

# ---------------------------------------------------------------- 1. corpus
if skip "$W/corpus.txt"; then log "corpus exists, skipped"; else
  log "corpus"
  $PY "$TRAINING/corpus.py" --out "$W" --provenance "$PROV" "${CORPUS_ARGS[@]}"
fi
log "article leak check"
CORPUS="$W/corpus.txt" $PY -W ignore -m unittest discover -s "$TRAINING/tests" -q

# ---------------------------------------------------------------- 2. tokenizer
if skip "$W/tokenizer/tokenizer.json"; then log "tokenizer exists, skipped"; else
  log "tokenizer (byte-level BPE, vocab $VOCAB)"
  $PY "$TRAINING/bpe.py" train --corpus "$W/corpus.txt" --out "$W/tokenizer" "${TOK_ARGS[@]}"
fi
if ! skip "$W/corpus.u16"; then
  $PY "$TRAINING/bpe.py" encode --corpus "$W/corpus.txt" --tok "$W/tokenizer" --ids-out "$W/corpus.u16"
fi
$PY "$TRAINING/provenance.py" "$PROV" "$W" "$W/tokenizer"

# ---------------------------------------------------------------- 3. pretraining
if skip "$W/pretrain/base.pt"; then log "base model exists, skipped"; else
  if [ "$GPU" = 1 ]; then
    log "pretraining on the GPU (two candidates)"
    PROFILE=$PROFILE PY=python3 bash "$TRAINING/gpu-stages.sh" pretrain "$W/corpus.u16" "$VOCAB" "$W/gpu"
    rm -rf "$W/pretrain"
    cp -r "$W/gpu/pretrain" "$W/pretrain"
  else
    log "pretraining"
    mkdir -p "$W/pretrain"
    $PY "$TRAINING/pretrain.py" --ids "$W/corpus.u16" --work "$W/pretrain" --vocab "$VOCAB" "${PRE_ARGS[@]}" \
      2>&1 | tee -a "$W/pretrain/pretrain.log" | grep -E "eval|params|final" || true
  fi
  [ -f "$W/pretrain/base.pt" ] || { echo "pretraining failed" >&2; exit 1; }
fi

# ---------------------------------------------------------------- 4. fine-tuning
if skip "$W/finetune/finetuned.pt"; then log "fine-tuned model exists, skipped"; else
  log "fine-tuning"
  mkdir -p "$W/finetune"
  $PY "$TRAINING/finetune.py" --base "$W/pretrain/base.pt" --tok "$W/tokenizer" --out "$W/finetune" "${FT_ARGS[@]}" \
    | tee "$W/finetune.log" | grep -E "^epoch|stopping" || true
  [ -f "$W/finetune/finetuned.pt" ] || { echo "fine-tuning failed" >&2; exit 1; }
fi

# ---------------------------------------------------------------- 5. evaluation
if skip "$W/eval.json"; then log "evaluation exists, skipped"; else
  log "evaluation (base vs fine-tuned, greedy)"
  $PY "$TRAINING/evaluate.py" --base "$W/pretrain/base.pt" --ft "$W/finetune/finetuned.pt" --tok "$W/tokenizer" \
    --out "$W/eval.json" "${EVAL_ARGS[@]}" > "$W/eval.log"
  tail -n 40 "$W/eval.log" | grep -E '"f1"|base|fine' | head -n 30 || true
fi

# ---------------------------------------------------------------- 6. export + int8
for name in base fine-tuned; do
  ck="$W/pretrain/base.pt"; [ "$name" = fine-tuned ] && ck="$W/finetune/finetuned.pt"
  log "export $name (ONNX, KV cache, int8)"
  $PY "$TRAINING/export.py" --ckpt "$ck" --tok "$W/tokenizer" --out "$MODELS/$name" \
    --ref "$W/ref-$name.json" "${EXPORT_ARGS[@]}"
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

# ---------------------------------------------------------------- 8b. the article-only fine-tune
article_stage "$W/pretrain/base.pt" "$W/tokenizer" "the base's float checkpoint (pretrain/base.pt of this run)"

# ---------------------------------------------------------------- 9. reader (generative RAG; training/reader/)
# The base checkpoint, context extended to 512, fine-tuned to answer from the best-ranked sentences of numbered
# passages (copy + cite) on a reading-comprehension set generated from the corpus.
R="$W/reader"
mkdir -p "$R/train"
if skip "$R/rc-train.jsonl"; then log "reader data exists, skipped"; else
  log "reader: reading-comprehension set from the corpus"
  $PY "$TRAINING/reader/make_rc.py" --corpus "$W/corpus.txt" --tok "$W/tokenizer" --out "$R" "${RC_ARGS[@]}"
fi
log "reader: article leak check of the generated set"
RC_TRAIN="$R/rc-train.jsonl" $PY -W ignore -m unittest discover -s "$TRAINING/tests" -p 'test_no_rc_article_leak.py' -q
if skip "$R/train/reader.pt"; then log "reader model exists, skipped"; else
  if [ "$GPU" = 1 ]; then
    log "reader: fine-tuning on the GPU (two candidates)"
    PROFILE=$PROFILE PY=python3 bash "$TRAINING/gpu-stages.sh" reader "$W/pretrain/base.pt" "$W/tokenizer" "$R/rc-train.jsonl" \
      "$R/rc-heldout.jsonl" "$W/gpu"
    cp "$W/gpu/reader/"* "$R/train/"
  else
    log "reader: fine-tuning"
    $PY "$TRAINING/reader/train_reader.py" --base "$W/pretrain/base.pt" --tok "$W/tokenizer" \
      --rc "$R/rc-train.jsonl" --heldout "$R/rc-heldout.jsonl" --out "$R/train" "${READER_ARGS[@]}" \
      | tee "$R/train/train.log" | grep -E "^step|^done|held-out" || true
  fi
  [ -f "$R/train/reader.pt" ] || { echo "reader fine-tuning failed" >&2; exit 1; }
fi
if skip "$R/reader-eval.json"; then log "reader evaluation exists, skipped"; else
  log "reader: evaluation on the held-out split"
  $PY "$TRAINING/reader/eval_reader.py" --ckpt "$R/train/reader.pt" --tok "$W/tokenizer" --rc "$R/rc-heldout.jsonl" \
    --out "$R/reader-eval.json" --base "$W/pretrain/base.pt" --article --ref-prompts "$R/ref-prompts.json" \
    "${READER_EVAL_ARGS[@]}" | tee "$R/eval.log"
fi
log "export reader (ONNX, KV cache, int8)"
$PY "$TRAINING/export.py" --ckpt "$R/train/reader.pt" --tok "$W/tokenizer" --out "$MODELS/reader" \
  --ref "$W/ref-reader.json" --prompts "$R/ref-prompts.json" "${READER_EXPORT_ARGS[@]}" \
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
# trained contrastively on pairs mined from the corpus and WordNet only (never the article or data/qa/). Its recipe
# is training/retriever/encoder-config.json; the profile sets only how much of it runs.
RW="$W/retriever"
ENCODER_OUT="$ROOT/public/retrieval/encoder"
[ "$SMOKE" = 1 ] && ENCODER_OUT="$MODELS/retrieval-encoder"
mkdir -p "$RW/train"
if skip "$RW/pairs.jsonl"; then log "retriever pairs exist, skipped"; else
  log "retriever: training pairs from the corpus and WordNet"
  $PY "$TRAINING/retriever/pairs.py" --parts "$W/parts" --out "$RW/pairs.jsonl" "${PAIRS_ARGS[@]}"
fi
log "retriever: article and written-question leak check of the pairs"
RETRIEVER_PAIRS="$RW/pairs.jsonl" $PY -W ignore -m unittest discover -s "$TRAINING/tests" -p 'test_no_retriever_pairs_leak.py' -q
if skip "$RW/train/encoder.pt"; then log "retriever encoder exists, skipped"; else
  log "retriever: contrastive training (1 thread)"
  $PY "$TRAINING/retriever/train_encoder.py" --pairs "$RW/pairs.jsonl" --out "$RW/train" "${ENCODER_ARGS[@]}" \
    | tee "$RW/train/train.log" | grep -E '"before"|"steps"' | cut -c1-240 || true
  [ -f "$RW/train/encoder.pt" ] || { echo "retriever training failed" >&2; exit 1; }
fi
log "export retriever encoder (ONNX, int8)"
$PY "$TRAINING/retriever/export_encoder.py" --ckpt "$RW/train/encoder.pt" --out "$ENCODER_OUT"
log "retriever encoder through the app's code (ONNX Runtime for Node) vs PyTorch"
npx --no-install tsx "$TRAINING/retriever/verify-encoder.ts" "$ENCODER_OUT" --report "$RW/verify.json"
$PY "$TRAINING/retriever/make_encoder_card.py" --train "$RW/train" --pairs-stats "$RW/pairs-stats.json" \
  --provenance "$PROV.json" --verify "$RW/verify.json" --model "$ENCODER_OUT" \
  --recipe "$TRAINING/retriever/encoder-config.json" --figures "$TRAINING/retriever/figures.json"
log "retrieval encoder: $(( $(du -sb "$ENCODER_OUT" | cut -f1) / 1024 )) KiB in $ENCODER_OUT"
log "done"
