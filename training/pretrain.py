#!/usr/bin/python3
"""Pretrain the GPT-2-style base model on the token ids of the corpus.

The learning-rate schedule is driven by a wall-clock budget (--minutes): warm-up, then cosine decay
over the fraction of the budget used, so the run ends on time whatever the machine's speed. With
--max-steps, the schedule follows whichever of the two runs out first.
Checkpoints (model + optimizer + progress) are written every --ckpt-every seconds; rerunning the
same command resumes from work_dir/ckpt.pt.

Copy-rich sequences (--copy-frac): in that share of the training windows, a span of the window (8 to 48
tokens; a quarter of the time replaced by random tokens first) is written again later in the same window.
Predicting the repeat is only possible by finding and copying the earlier span, the skill ("induction
heads") a reader needs to answer from passages it is given. It is meant to start that skill in pretraining;
measured on the shipped base, it barely did, and the reader learned to copy in its own fine-tune
(docs/generative-rag.md). The validation perplexity is measured on plain text.

--device cuda runs the same loop on a GPU with bf16 autocast (train.sh --gpu). With --keep-best the base
model written is the checkpoint of the lowest validation perplexity among the evaluation points, since a
GPU sees the 2 M-token corpus many times over and would otherwise ship an overfitted model.
"""
import argparse, csv, json, math, os, signal, sys, time
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, Config, autocast_for  # noqa: E402


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
    ap = argparse.ArgumentParser()
    ap.add_argument('--ids', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--vocab', type=int, required=True)
    ap.add_argument('--d', type=int, default=256)
    ap.add_argument('--layers', type=int, default=4)
    ap.add_argument('--heads', type=int, default=8)
    ap.add_argument('--ctx', type=int, default=128)
    ap.add_argument('--batch', type=int, default=16)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--min-lr', type=float, default=1e-4)
    ap.add_argument('--warmup', type=float, default=0.03, help='fraction of budget')
    ap.add_argument('--minutes', type=float, default=50)
    ap.add_argument('--max-steps', type=int, default=0)
    ap.add_argument('--log-every', type=int, default=10)
    ap.add_argument('--eval-points', default='0.1,0.25,0.5,0.75,1.0')
    ap.add_argument('--eval-seqs', type=int, default=200)
    ap.add_argument('--ckpt-every', type=float, default=180)
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--dropout', type=float, default=0.0)
    ap.add_argument('--copy-frac', type=float, default=0.0, help='share of training windows with a repeated span')
    ap.add_argument('--device', default='cpu', help='cpu or cuda (bf16 autocast)')
    ap.add_argument('--keep-best', action='store_true', help='base.pt = the evaluation point of lowest val ppl')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    torch.manual_seed(a.seed)
    os.makedirs(a.work, exist_ok=True)
    data = np.fromfile(a.ids, dtype=np.uint16).astype(np.int64)
    n_val = max(len(data) // 100, (a.ctx + 1) * 8)
    train, val = data[:-n_val], data[-n_val:]
    rng = np.random.default_rng(a.seed)
    val_starts = np.linspace(0, len(val) - a.ctx - 1, min(a.eval_seqs, (len(val) - 1) // a.ctx)).astype(int)

    cfg = Config(vocab_size=a.vocab, n_positions=a.ctx, n_embd=a.d, n_layer=a.layers, n_head=a.heads,
                 dropout=a.dropout)
    model = GPT(cfg).to(dev)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, betas=(0.9, 0.95), weight_decay=0.1)
    ckpt_path = os.path.join(a.work, 'ckpt.pt')
    state = {'step': 0, 'tokens': 0, 'elapsed': 0.0, 'evals': [], 'done_points': []}
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path, map_location=dev)
        model.load_state_dict(ck['model'])
        opt.load_state_dict(ck['opt'])
        state = ck['state']
        rng = np.random.default_rng(a.seed + state['step'])
        print('resumed at step', state['step'], 'elapsed', round(state['elapsed']), flush=True)
    budget = a.minutes * 60
    points = [float(x) for x in a.eval_points.split(',')]
    log_path = os.path.join(a.work, 'loss.csv')
    new_log = not os.path.exists(log_path) or state['step'] == 0
    logf = open(log_path, 'w' if new_log else 'a', newline='')
    lw = csv.writer(logf)
    if new_log:
        lw.writerow(['step', 'tokens', 'elapsed_s', 'loss', 'lr'])
    print(json.dumps({'params': model.num_params(), 'train_tokens': len(train), 'val_tokens': len(val),
                      'cfg': cfg.to_dict()}), flush=True)

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
            best['ppl'] = ppl
            best['step'] = state['step']
            best['model'] = {k: v.detach().to('cpu', copy=True) for k, v in model.state_dict().items()}

    def save():
        tmp = ckpt_path + '.tmp'
        torch.save({'model': model.state_dict(), 'opt': opt.state_dict(), 'state': state, 'cfg': cfg.to_dict()}, tmp)
        os.replace(tmp, ckpt_path)

    if state['step'] == 0:
        ppl = evaluate()
        state['evals'].append({'step': 0, 'tokens': 0, 'elapsed_s': 0.0, 'val_ppl': ppl})
        print('eval step 0 ppl', round(ppl, 2), flush=True)
    stop = {'flag': False}

    def on_term(signum, frame):
        stop['flag'] = True  # finish the current step, checkpoint, exit (rerun to resume)

    signal.signal(signal.SIGTERM, on_term)
    model.train()
    t0 = time.time() - state['elapsed']
    last_ckpt = time.time()
    run_loss, run_n = 0.0, 0
    while True:
        elapsed = time.time() - t0
        frac = max(elapsed / budget, state['step'] / a.max_steps if a.max_steps else 0.0)
        if frac >= 1.0 or (a.max_steps and state['step'] >= a.max_steps):
            break
        if frac < a.warmup:
            lr = a.lr * max(frac / a.warmup, 0.02)
        else:
            p = (frac - a.warmup) / (1 - a.warmup)
            lr = a.min_lr + 0.5 * (a.lr - a.min_lr) * (1 + math.cos(math.pi * min(p, 1.0)))
        for g in opt.param_groups:
            g['lr'] = lr
        starts = rng.integers(0, len(train) - a.ctx - 1, a.batch)
        w = np.stack([train[s:s + a.ctx + 1] for s in starts])
        if a.copy_frac > 0:
            add_repeats(w, rng, a.copy_frac, cfg.eos_token_id)
        w = torch.from_numpy(w).to(dev)
        x, y = w[:, :-1], w[:, 1:]
        with autocast_for(dev):
            logits, _ = model(x)
        loss = torch.nn.functional.cross_entropy(logits.float().reshape(-1, cfg.vocab_size), y.reshape(-1))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        state['step'] += 1
        state['tokens'] += x.numel()
        state['elapsed'] = time.time() - t0
        run_loss += loss.item()
        run_n += 1
        if state['step'] % a.log_every == 0:
            lw.writerow([state['step'], state['tokens'], round(state['elapsed'], 1), round(run_loss / run_n, 4),
                         f'{lr:.6f}'])
            logf.flush()
            print(f"step {state['step']} tok {state['tokens']} t {state['elapsed']:.0f}s loss {run_loss / run_n:.3f} "
                  f"lr {lr:.2e} tok/s {state['tokens'] / max(state['elapsed'], 1e-9):.0f}", flush=True)
            run_loss, run_n = 0.0, 0
        f_now = state['elapsed'] / budget
        for p in points:
            if p < 1.0 and f_now >= p and p not in state['done_points']:
                state['done_points'].append(p)
                ppl = evaluate()
                note_eval(ppl)
                print('eval', state['step'], 'ppl', round(ppl, 2), flush=True)
                t0 = time.time() - state['elapsed']  # do not charge eval time to the budget
        if stop['flag']:
            save()
            print('SIGTERM: checkpoint saved at step', state['step'], flush=True)
            sys.exit(143)
        if time.time() - last_ckpt > a.ckpt_every:
            save()
            last_ckpt = time.time()
    ppl = evaluate()
    note_eval(ppl)
    print('final eval ppl', round(ppl, 2), flush=True)
    save()
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
                         'optimizer': 'AdamW(0.9,0.95) wd 0.1', 'schedule': 'warmup + cosine over wall-clock budget',
                         'budget_minutes': a.minutes, 'grad_clip': 1.0, 'threads': a.threads,
                         'dropout': a.dropout, 'copy_frac': a.copy_frac,
                         'precision': 'bf16 autocast' if dev.type == 'cuda' else 'fp32'}}
    json.dump(summary, open(os.path.join(a.work, 'pretrain-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
