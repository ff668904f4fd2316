#!/usr/bin/python3
"""Full fine-tune of the base model on data/qa/train.jsonl, loss on the answer tokens only.

Each example is  prompt = template.format(question)  followed by  answerPrefix + answer + eos,
with the format read from data/prompt-format.json. The prompt and the answer are tokenized
separately, exactly as at inference (prompt encoded alone, answer generated after it).
"""
import argparse, csv, json, math, os, random, sys, time
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import ROOT, Tokenizer, build_prompt, load_model, load_prompt_format, read_jsonl  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--train', default=os.path.join(ROOT, 'data', 'qa', 'train.jsonl'))
    ap.add_argument('--out', required=True, help='work folder')
    ap.add_argument('--epochs', type=int, default=20)
    ap.add_argument('--minutes', type=float, default=10, help='hard cap; epochs are cut to fit')
    ap.add_argument('--batch', type=int, default=16)
    ap.add_argument('--lr', type=float, default=1e-3)
    ap.add_argument('--warmup-steps', type=int, default=20)
    ap.add_argument('--max-rows', type=int, default=0)
    ap.add_argument('--dropout', type=float, default=0.0, help='dropout during fine-tuning only')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--seed', type=int, default=0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    fmt = load_prompt_format()
    tok = Tokenizer.load(a.tok)
    rows = read_jsonl(a.train)
    if a.max_rows:
        rows = rows[:a.max_rows]
    model = load_model(a.base)
    ctx = model.cfg.n_positions
    for mod in model.modules():
        if isinstance(mod, torch.nn.Dropout):
            mod.p = a.dropout
    examples = []
    for r in rows:
        p = tok.encode(build_prompt(fmt, r['question']))
        t = tok.encode(fmt['answerPrefix'] + r['answer'] + fmt['eos'])
        ids = (p + t)[:ctx + 1]
        mask = ([0] * len(p) + [1] * len(t))[:ctx + 1]
        examples.append((ids, mask))
    n_tokens = sum(len(e[0]) for e in examples)
    steps_per_epoch = math.ceil(len(examples) / a.batch)
    total_steps = steps_per_epoch * a.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, betas=(0.9, 0.95), weight_decay=0.0)
    logf = open(os.path.join(a.out, 'finetune-loss.csv'), 'w', newline='')
    lw = csv.writer(logf)
    lw.writerow(['step', 'epoch', 'elapsed_s', 'loss', 'lr'])
    model.train()
    t0 = time.time()
    step, epoch_done = 0, 0
    budget = a.minutes * 60
    stopped_early = False
    for ep in range(a.epochs):
        random.shuffle(examples)
        # bucket by length inside the epoch to limit padding
        order = sorted(range(len(examples)), key=lambda i: len(examples[i][0]) + random.random() * 4)
        batches = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
        random.shuffle(batches)
        ep_loss, ep_n = 0.0, 0
        for b in batches:
            L = max(len(examples[i][0]) for i in b) - 1
            x = torch.full((len(b), L), tok.eot_id, dtype=torch.long)
            y = torch.full((len(b), L), -100, dtype=torch.long)
            for j, i in enumerate(b):
                ids, m = examples[i]
                x[j, :len(ids) - 1] = torch.tensor(ids[:-1])
                tgt = torch.tensor(ids[1:])
                tm = torch.tensor(m[1:], dtype=torch.bool)
                y[j, :len(ids) - 1] = torch.where(tm, tgt, torch.full_like(tgt, -100))
            lr = a.lr * min(1.0, (step + 1) / a.warmup_steps) * 0.5 * (1 + math.cos(math.pi * step / total_steps))
            for g in opt.param_groups:
                g['lr'] = lr
            logits, _ = model(x)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                                     ignore_index=-100)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            step += 1
            ep_loss += loss.item()
            ep_n += 1
            lw.writerow([step, ep + 1, round(time.time() - t0, 1), round(loss.item(), 4), f'{lr:.6f}'])
        logf.flush()
        epoch_done = ep + 1
        el = time.time() - t0
        print(f'epoch {ep + 1} loss {ep_loss / ep_n:.4f} t {el:.0f}s', flush=True)
        if el / epoch_done * (epoch_done + 1) > budget and epoch_done < a.epochs:
            print('stopping early to respect the time budget', flush=True)
            stopped_early = True
            break
    wall = time.time() - t0
    model.eval()
    torch.save({'model': model.state_dict(), 'cfg': model.cfg.to_dict()}, os.path.join(a.out, 'finetuned.pt'))
    summary = {'train_rows': len(rows), 'facts': len({r.get('factId') for r in rows}),
               'train_tokens_per_epoch': n_tokens,
               'answer_tokens_per_epoch': sum(sum(e[1]) for e in examples),
               'epochs_planned': a.epochs, 'epochs_done': epoch_done, 'stopped_early': stopped_early,
               'steps': step, 'wall_time_s': round(wall, 1),
               'hyper': {'lr': a.lr, 'batch': a.batch, 'schedule': f'linear warm-up {a.warmup_steps} steps + cosine',
                         'optimizer': 'AdamW(0.9,0.95), no weight decay', 'loss': 'answer tokens only (incl. eos)',
                         'method': 'full fine-tune', 'dropout': a.dropout,
                         'threads': a.threads},
               'prompt_format': fmt}
    json.dump(summary, open(os.path.join(a.out, 'finetune-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
