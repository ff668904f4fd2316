#!/usr/bin/python3
"""Full fine-tune of the base model on data/qa/train.jsonl, loss on the answer tokens only.

Each example is  prompt = template.format(question)  followed by  answerPrefix + answer + eos,
with the format read from data/prompt-format.json. The prompt and the answer are tokenized
separately, exactly as at inference (prompt encoded alone, answer generated after it).

The defaults are the recipe of the shipped fine-tuned model (public/models/fine-tuned/model-card.json; chosen on
heldout-dev, training/finetune-selection.json). Generated question variants, drawn afresh each epoch (augment.py),
and NEFTune embedding noise are what let the model answer questions worded differently from its training
questions. The schedule runs over the planned epochs; --minutes only ends the run early, at an epoch boundary,
when the next epoch would not fit.
"""
import argparse, json, math, os, random, sys
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import ROOT, Tokenizer, build_prompt, load_model, load_prompt_format, read_jsonl  # noqa: E402
from loop import Loop, Schedule, adamw, end_of_epoch, next_token_loss, save_weights, set_dropout  # noqa: E402


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--base', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--train', default=os.path.join(ROOT, 'data', 'qa', 'train.jsonl'))
    ap.add_argument('--out', required=True, help='work folder')
    ap.add_argument('--epochs', type=int, default=5)
    ap.add_argument('--minutes', type=float, default=32, help='time budget; epochs that would not fit are left out')
    ap.add_argument('--batch', type=int, default=16)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--warmup-steps', type=int, default=20)
    ap.add_argument('--dropout', type=float, default=0.1, help='dropout during fine-tuning')
    ap.add_argument('--neftune', type=float, default=5.0,
                    help='NEFTune: uniform noise of size alpha/sqrt(T*d) on token embeddings while training')
    ap.add_argument('--augment-variants', type=int, default=4,
                    help='augment.py: synonym/template variants per training question')
    ap.add_argument('--augment-from-answer', type=int, default=24,
                    help="augment.py: questions per fact built from its answer/evidence wording")
    ap.add_argument('--augment-fresh', action=argparse.BooleanOptionalAction, default=True,
                    help='draw new generated questions every epoch')
    ap.add_argument('--augment-hyper', action=argparse.BooleanOptionalAction, default=True,
                    help='augment.py: WordNet hypernyms as replacements too')
    ap.add_argument('--max-rows', type=int, default=0, help='only the first rows of the training file (smoke runs)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu', help='cpu or cuda (fp32 either way)')
    ap.add_argument('--threads', type=int, default=2)
    return ap


def main():
    a = parser().parse_args()
    dev = torch.device(a.device)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    fmt = load_prompt_format()
    tok = Tokenizer.load(a.tok)
    rows = read_jsonl(a.train)
    if a.max_rows:
        rows = rows[:a.max_rows]
    facts, augmenter, aug_file = None, None, None
    if a.augment_variants or a.augment_from_answer:
        from augment import Augmenter, augment  # noqa: E402
        facts = read_jsonl(os.path.join(ROOT, 'data', 'qa', 'facts.jsonl'))
        augmenter = Augmenter(a.seed, hyper=a.augment_hyper)
        aug_file = open(os.path.join(a.out, 'train-augmented.jsonl'), 'w', encoding='utf-8')
    model = load_model(a.base).to(dev)
    ctx = model.cfg.n_positions
    set_dropout(model, a.dropout)

    def encode(qa_rows):
        ex = []
        for r in qa_rows:
            p = tok.encode(build_prompt(fmt, r['question']))
            t = tok.encode(fmt['answerPrefix'] + r['answer'] + fmt['eos'])
            ids = (p + t)[:ctx + 1]
            mask = ([0] * len(p) + [1] * len(t))[:ctx + 1]
            ex.append((ids, mask))
        return ex

    base_examples = encode(rows)

    def make_examples(epoch):
        """Training questions (encoded once) plus, when augmenting, generated ones (a fresh draw per epoch
        with --augment-fresh, else the epoch-1 draw every epoch)."""
        extra = []
        if augmenter is not None:
            extra = augment(rows, facts, a.augment_variants, a.augment_from_answer, augmenter=augmenter)
            for r in extra:
                aug_file.write(json.dumps(dict(r, epoch=epoch), ensure_ascii=False) + '\n')
            aug_file.flush()
        return base_examples + encode(extra), len(extra)

    current = {}
    current['examples'], n_aug = make_examples(1)
    if augmenter is not None:
        print(f'augmented: {len(rows)} training questions + {n_aug} generated'
              f'{" (fresh each epoch)" if a.augment_fresh else ""}', flush=True)
    n_tokens = sum(len(e[0]) for e in current['examples'])
    total_steps = math.ceil(len(current['examples']) / a.batch) * a.epochs
    if a.neftune > 0:
        def noisy_embeddings(mod, inp, out):
            if not mod.training:
                return out
            mag = a.neftune / math.sqrt(out.shape[1] * out.shape[2])
            return out + torch.empty_like(out).uniform_(-mag, mag)
        model.wte.register_forward_hook(noisy_embeddings)

    schedule = Schedule(a.lr, warmup_steps=a.warmup_steps)
    loop = Loop(model, adamw(model, a.lr), schedule, log_csv=os.path.join(a.out, 'finetune-loss.csv'),
                planned=total_steps)
    budget = a.minutes * 60
    run = {'epochs_done': 0, 'stopped_early': False}

    def batches():
        for ep in range(a.epochs):
            if ep > 0 and a.augment_fresh:
                current['examples'], _ = make_examples(ep + 1)
            examples = current['examples']
            random.shuffle(examples)
            # bucket by length inside the epoch to limit padding
            order = sorted(range(len(examples)), key=lambda i: len(examples[i][0]) + random.random() * 4)
            epoch_batches = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
            random.shuffle(epoch_batches)
            first = len(loop.losses)
            for b in epoch_batches:
                L = max(len(examples[i][0]) for i in b) - 1
                x = torch.full((len(b), L), tok.eot_id, dtype=torch.long)
                y = torch.full((len(b), L), -100, dtype=torch.long)
                for j, i in enumerate(b):
                    ids, m = examples[i]
                    x[j, :len(ids) - 1] = torch.tensor(ids[:-1])
                    tgt = torch.tensor(ids[1:])
                    tm = torch.tensor(m[1:], dtype=torch.bool)
                    y[j, :len(ids) - 1] = torch.where(tm, tgt, torch.full_like(tgt, -100))
                yield (x.to(dev), y.to(dev)), {'examples': len(b), 'tokens': int(x.numel())}
            if not end_of_epoch(loop, run, ep, first, a.epochs, budget):
                return

    state = loop.run(batches(), next_token_loss(model))
    model.eval()
    save_weights(model, os.path.join(a.out, 'finetuned.pt'))
    examples = current['examples']
    summary = {'train_rows': len(rows), 'augmented_rows_per_epoch': n_aug, 'facts': len({r.get('factId') for r in rows}),
               'train_tokens_per_epoch': n_tokens,
               'answer_tokens_per_epoch': sum(sum(e[1]) for e in examples),
               'epochs_planned': a.epochs, 'epochs_done': run['epochs_done'], 'stopped_early': run['stopped_early'],
               'steps': state['step'], 'wall_time_s': round(state['elapsed'], 1),
               'hyper': {'lr': a.lr, 'batch': a.batch, 'epochs': a.epochs, 'budget_minutes': a.minutes,
                         'schedule': f'{schedule.describe()} over the planned epochs',
                         'optimizer': 'AdamW(0.9,0.95), no weight decay, grad clip 1.0',
                         'loss': 'answer tokens only (incl. eos)', 'method': 'full fine-tune',
                         'dropout': a.dropout, 'neftune_alpha': a.neftune,
                         'augmentation': {'variants_per_question': a.augment_variants,
                                          'from_answer_per_fact': a.augment_from_answer,
                                          'fresh_each_epoch': a.augment_fresh,
                                          'hypernyms': a.augment_hyper,
                                          'p_sub': augmenter.p_sub if augmenter else None, 'seed': a.seed,
                                          'code': 'training/augment.py'},
                         'threads': a.threads,
                         'device': torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu'},
               'prompt_format': fmt}
    json.dump(summary, open(os.path.join(a.out, 'finetune-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
