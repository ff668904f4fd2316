#!/usr/bin/python3
"""Pretrain the GPT-2-style base model on the token ids of the corpus.

The defaults are the recipe of the shipped base model (public/models/base/model-card.json, made on one GPU by
train.sh --gpu). training/profiles/ holds the recipe of each kind of machine, and train.sh passes it.

The schedule, logging and checkpoints are training/loop.py's: the run ends at --minutes or --max-steps, whichever
comes first, with its cosine decay complete; rerunning the same command resumes from WORK/ckpt.pt.

Copy-rich windows (--copy-frac): in that share of the training windows, a span of the window (8 to 48 tokens; a
quarter of the time replaced by random tokens first) is written again later in the same window. Predicting the
repeat is only possible by finding and copying the earlier span, the skill ("induction heads") a reader needs to
answer from passages it is given; the windows are there to start that skill in pretraining. The validation
perplexity is measured on plain text.

--keep-best: the base model written is the evaluation point of lowest validation perplexity, since a GPU sees the
2 M-token corpus dozens of times and would otherwise ship an overfitted model.
"""
import argparse, json, math, os, sys
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from loop import Loop, Schedule, adamw  # noqa: E402
from model import GPT, Config, autocast_for  # noqa: E402


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--ids', required=True, help='token ids of the corpus (uint16, bpe.py encode)')
    ap.add_argument('--work', required=True, help='folder for loss.csv, ckpt.pt, base.pt, pretrain-summary.json')
    ap.add_argument('--vocab', type=int, required=True)
    # model; the browser's speed budget is set by its size
    ap.add_argument('--d', type=int, default=256)
    ap.add_argument('--layers', type=int, default=4)
    ap.add_argument('--heads', type=int, default=8)
    ap.add_argument('--ctx', type=int, default=512, help='context; the reader needs 512 positions')
    ap.add_argument('--dropout', type=float, default=0.2)
    # training
    ap.add_argument('--batch', type=int, default=64)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--min-lr', type=float, default=1e-4)
    ap.add_argument('--warmup', type=float, default=0.03, help='warm-up, as a fraction of the run')
    ap.add_argument('--minutes', type=float, default=3.5, help='time budget')
    ap.add_argument('--max-steps', type=int, default=4000, help='planned steps (0: the time budget alone)')
    ap.add_argument('--copy-frac', type=float, default=0.5, help='share of training windows with a repeated span')
    ap.add_argument('--seed', type=int, default=1)
    # evaluation and logging
    ap.add_argument('--eval-points', default='0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0',
                    help='validation perplexity at these fractions of the run')
    ap.add_argument('--eval-seqs', type=int, default=400, help='validation windows')
    ap.add_argument('--keep-best', action=argparse.BooleanOptionalAction, default=True,
                    help='base.pt = the evaluation point of lowest validation perplexity')
    ap.add_argument('--log-every', type=int, default=100)
    # machine
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu',
                    help='cpu, or cuda (bf16 autocast)')
    ap.add_argument('--threads', type=int, default=2)
    return ap


def add_repeats(windows, rng, frac, eos_id):
    """In place: in `frac` of the rows, copy one earlier span (8-48 tokens, random tokens 25% of the time)
    to a later place in the same row, so the later copy can only be predicted by looking back."""
    n, width = windows.shape
    for row in np.nonzero(rng.random(n) < frac)[0]:
        length = int(rng.integers(8, 49))
        if width < 3 * length:
            continue
        src = int(rng.integers(0, width // 2 - length))
        dst = int(rng.integers(src + length, width - length + 1))
        if rng.random() < 0.25:
            windows[row, src:src + length] = rng.integers(256, eos_id, length)
        windows[row, dst:dst + length] = windows[row, src:src + length]


def main():
    a = parser().parse_args()
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    torch.manual_seed(a.seed)
    os.makedirs(a.work, exist_ok=True)
    data = np.fromfile(a.ids, dtype=np.uint16).astype(np.int64)
    n_val = max(len(data) // 100, (a.ctx + 1) * 8)
    train, val = data[:-n_val], data[-n_val:]
    val_starts = np.linspace(0, len(val) - a.ctx - 1, min(a.eval_seqs, (len(val) - 1) // a.ctx)).astype(int)

    cfg = Config(vocab_size=a.vocab, n_positions=a.ctx, n_embd=a.d, n_layer=a.layers, n_head=a.heads,
                 dropout=a.dropout)
    model = GPT(cfg).to(dev)
    opt = adamw(model, a.lr, weight_decay=0.1)
    schedule = Schedule(a.lr, a.min_lr, warmup_frac=a.warmup)

    def evaluate():
        model.eval()
        tot, n = 0.0, 0
        with torch.no_grad():
            for i in range(0, len(val_starts), 16):
                st = val_starts[i:i + 16]
                x = torch.from_numpy(np.stack([val[s:s + a.ctx] for s in st])).to(dev)
                y = torch.from_numpy(np.stack([val[s + 1:s + 1 + a.ctx] for s in st])).to(dev)
                with autocast_for(dev):
                    logits, _ = model(x)
                tot += torch.nn.functional.cross_entropy(logits.float().reshape(-1, cfg.vocab_size), y.reshape(-1),
                                                         reduction='sum').item()
                n += y.numel()
        model.train()
        return math.exp(tot / n)

    best = {'ppl': float('inf')}

    def note_eval(ppl):
        state['evals'].append({'step': state['step'], 'tokens': state['tokens'],
                               'elapsed_s': round(state['elapsed'], 1), 'val_ppl': ppl})
        if a.keep_best and ppl < best['ppl']:
            best.update(ppl=ppl, step=state['step'],
                        model={k: v.detach().to('cpu', copy=True) for k, v in model.state_dict().items()})

    def eval_point():
        ppl = evaluate()
        note_eval(ppl)
        print('eval', state['step'], 'ppl', round(ppl, 2), flush=True)

    loop = Loop(model, opt, schedule, log_csv=os.path.join(a.work, 'loss.csv'), minutes=a.minutes,
                planned=a.max_steps, max_steps=a.max_steps, log_every=a.log_every, print_every=a.log_every,
                eval_points=[float(x) for x in a.eval_points.split(',')], on_eval=eval_point,
                checkpoint=os.path.join(a.work, 'ckpt.pt'), extra={'cfg': cfg.to_dict()})
    state = loop.state
    state.setdefault('evals', [])
    rng = np.random.default_rng(a.seed + state['step'])  # a resumed run draws other windows than its first part
    print(json.dumps({'params': model.num_params(), 'train_tokens': len(train), 'val_tokens': len(val),
                      'cfg': cfg.to_dict()}), flush=True)
    if state['step'] == 0:
        ppl = evaluate()
        state['evals'].append({'step': 0, 'tokens': 0, 'elapsed_s': 0.0, 'val_ppl': ppl})
        print('eval step 0 ppl', round(ppl, 2), flush=True)

    def windows():
        while True:
            starts = rng.integers(0, len(train) - a.ctx - 1, a.batch)
            w = np.stack([train[s:s + a.ctx + 1] for s in starts])
            if a.copy_frac > 0:
                add_repeats(w, rng, a.copy_frac, cfg.eos_token_id)
            yield torch.from_numpy(w).to(dev), {'examples': a.batch, 'tokens': a.batch * a.ctx}

    def loss_of(w):
        x, y = w[:, :-1], w[:, 1:]
        with autocast_for(dev):
            logits, _ = model(x)
        return torch.nn.functional.cross_entropy(logits.float().reshape(-1, cfg.vocab_size), y.reshape(-1))

    loop.run(windows(), loss_of)
    ppl = evaluate()
    note_eval(ppl)
    print('final eval ppl', round(ppl, 2), flush=True)
    loop.save()
    weights = {k: v.detach().cpu() for k, v in model.state_dict().items()}
    if a.keep_best and best.get('step') != state['step']:
        weights = best['model']
        print('base.pt = evaluation point at step', best['step'], 'ppl', round(best['ppl'], 2), flush=True)
    torch.save({'model': weights, 'cfg': cfg.to_dict()}, os.path.join(a.work, 'base.pt'))
    summary = {'params': model.num_params(), 'cfg': cfg.to_dict(), 'steps': state['step'], 'tokens': state['tokens'],
               'wall_time_s': round(state['elapsed'], 1), 'tokens_per_s': round(state['tokens'] / state['elapsed'], 1),
               'train_corpus_tokens': int(len(train)), 'val_tokens': int(len(val)),
               'epochs': round(state['tokens'] / len(train), 3), 'evals': state['evals'],
               'kept': {'step': best['step'], 'val_ppl': best['ppl']} if a.keep_best else None,
               'device': torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu',
               'hyper': {'batch': a.batch, 'ctx': a.ctx, 'lr': a.lr, 'min_lr': a.min_lr, 'warmup_frac': a.warmup,
                         'optimizer': 'AdamW(0.9,0.95) wd 0.1',
                         'schedule': f'{schedule.describe()}, over the time budget or the steps, whichever ends first',
                         'budget_minutes': a.minutes, 'max_steps': a.max_steps, 'grad_clip': 1.0,
                         'threads': a.threads, 'dropout': a.dropout, 'copy_frac': a.copy_frac, 'seed': a.seed,
                         'precision': 'bf16 autocast' if dev.type == 'cuda' else 'fp32'}}
    json.dump(summary, open(os.path.join(a.work, 'pretrain-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
