#!/usr/bin/python3
"""Pretrain the GPT-2-style base model on the token ids of the corpus.

The learning-rate schedule is driven by a wall-clock budget (--minutes): warm-up, then cosine decay
over the fraction of the budget used, so the run ends on time whatever the machine's speed.
Checkpoints (model + optimizer + progress) are written every --ckpt-every seconds; rerunning the
same command resumes from work_dir/ckpt.pt.
"""
import argparse, csv, json, math, os, signal, sys, time
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from model import GPT, Config  # noqa: E402


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
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    os.makedirs(a.work, exist_ok=True)
    data = np.fromfile(a.ids, dtype=np.uint16).astype(np.int64)
    n_val = max(len(data) // 100, (a.ctx + 1) * 8)
    train, val = data[:-n_val], data[-n_val:]
    rng = np.random.default_rng(a.seed)
    val_starts = np.linspace(0, len(val) - a.ctx - 1, min(a.eval_seqs, (len(val) - 1) // a.ctx)).astype(int)

    cfg = Config(vocab_size=a.vocab, n_positions=a.ctx, n_embd=a.d, n_layer=a.layers, n_head=a.heads)
    model = GPT(cfg)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, betas=(0.9, 0.95), weight_decay=0.1)
    ckpt_path = os.path.join(a.work, 'ckpt.pt')
    state = {'step': 0, 'tokens': 0, 'elapsed': 0.0, 'evals': [], 'done_points': []}
    if os.path.exists(ckpt_path):
        ck = torch.load(ckpt_path)
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
                x = torch.from_numpy(np.stack([val[s:s + a.ctx] for s in st]))
                y = torch.from_numpy(np.stack([val[s + 1:s + 1 + a.ctx] for s in st]))
                logits, _ = model(x)
                tot += torch.nn.functional.cross_entropy(logits.reshape(-1, cfg.vocab_size), y.reshape(-1),
                                                         reduction='sum').item()
                n += y.numel()
        model.train()
        return math.exp(tot / n)

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
        frac = elapsed / budget
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
        x = torch.from_numpy(np.stack([train[s:s + a.ctx] for s in starts]))
        y = torch.from_numpy(np.stack([train[s + 1:s + 1 + a.ctx] for s in starts]))
        logits, _ = model(x)
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, cfg.vocab_size), y.reshape(-1))
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
                state['evals'].append({'step': state['step'], 'tokens': state['tokens'],
                                       'elapsed_s': round(state['elapsed'], 1), 'val_ppl': ppl})
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
    state['evals'].append({'step': state['step'], 'tokens': state['tokens'],
                           'elapsed_s': round(state['elapsed'], 1), 'val_ppl': ppl})
    print('final eval ppl', round(ppl, 2), flush=True)
    save()
    torch.save({'model': model.state_dict(), 'cfg': cfg.to_dict()}, os.path.join(a.work, 'base.pt'))
    summary = {'params': model.num_params(), 'cfg': cfg.to_dict(), 'steps': state['step'], 'tokens': state['tokens'],
               'wall_time_s': round(state['elapsed'], 1), 'tokens_per_s': round(state['tokens'] / state['elapsed'], 1),
               'train_corpus_tokens': int(len(train)), 'val_tokens': int(len(val)),
               'epochs': round(state['tokens'] / len(train), 3), 'evals': state['evals'],
               'hyper': {'batch': a.batch, 'ctx': a.ctx, 'lr': a.lr, 'min_lr': a.min_lr, 'warmup_frac': a.warmup,
                         'optimizer': 'AdamW(0.9,0.95) wd 0.1', 'schedule': 'warmup + cosine over wall-clock budget',
                         'budget_minutes': a.minutes, 'grad_clip': 1.0, 'threads': a.threads}}
    json.dump(summary, open(os.path.join(a.work, 'pretrain-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
