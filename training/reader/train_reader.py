#!/usr/bin/python3
"""Fine-tune the base checkpoint into the reader: answer a question from numbered passages, copying the
answering sentence and its citation, or decline.

* Context: the base model has 128 learned positions; the reader needs nPositions (data/reader-prompt-format.json,
  512). The position table is extended by tiling the learned 128 rows (rows 128..255 = rows 0..127, ...), so
  every new position starts from a trained vector and nearby positions keep their learned differences; the
  fine-tune then adapts all of them.
* Examples (make_rc.py) are tokenized as at inference: the prompt alone, then the target continuation
  (answerPrefix + answer + citation, or the decline text, + eos). The loss covers the target tokens only,
  and the vocabulary projection is computed only at those positions (cheaper on a CPU).
* The schedule is driven by the wall clock (warm-up, then cosine to 10% over --minutes, or over the
  examples if they run out first), so the run ends on time on any machine; the examples are read in order (shuffled once), each at most --epochs times.
* Copy drills: the base model cannot copy (its loss on a sentence it has just seen is as high as on new
  text), and learning to copy from the reading-comprehension targets alone is slow (about 30 answer tokens
  per 200-token example). During the first --drill-minutes, a share of the examples is replaced by a drill
  in the same format: the same passages, the question "Repeat passage k.", and the target passage k copied
  whole with its citation. Every target token is then a copy, which teaches the copying (and the finding of
  passage k by its marker) several times faster per step.
* --device cuda runs the same loop on a GPU with bf16 autocast (train.sh --gpu); --rc may be gzipped.
"""
import argparse, csv, gzip, json, math, os, random, sys, time
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from common import load_model  # noqa: E402
from model import autocast_for  # noqa: E402
from bpe import Tokenizer  # noqa: E402
from rcformat import build_prompt, load_format, target_text  # noqa: E402


def extend_positions(model, n_positions):
    old = model.wpe.weight.data
    n_old = old.shape[0]
    if n_positions <= n_old:
        return model
    reps = math.ceil(n_positions / n_old)
    new = torch.nn.Embedding(n_positions, old.shape[1])
    new.weight.data.copy_(old.repeat(reps, 1)[:n_positions])
    model.wpe = new
    model.cfg.n_positions = n_positions
    return model


def hidden_states(model, x):
    """GPT.forward without the vocabulary projection (causal mask only; right padding never leaks)."""
    B, T = x.shape
    pos = torch.arange(T, device=x.device).unsqueeze(0)
    h = model.drop(model.wte(x) + model.wpe(pos))
    ar = torch.arange(T, device=x.device)
    allowed = (ar.unsqueeze(0) <= ar.unsqueeze(1)).unsqueeze(0).unsqueeze(0)
    bias = torch.where(allowed, torch.zeros((), dtype=h.dtype), torch.full((), -1e4, dtype=h.dtype))
    for blk in model.h:
        h, _, _ = blk(h, bias)
    return model.ln_f(h)


def prompt_target_batch(items, pad_id):
    """(token ids, prompt length) pairs -> right-padded inputs, and targets that are -100 outside the target."""
    L = max(len(ids) for ids, _ in items) - 1
    x = torch.full((len(items), L), pad_id, dtype=torch.long)
    y = torch.full((len(items), L), -100, dtype=torch.long)
    for j, (ids, plen) in enumerate(items):
        x[j, :len(ids) - 1] = torch.tensor(ids[:-1])
        y[j, plen - 1:len(ids) - 1] = torch.tensor(ids[plen:])
    return x, y


def target_loss(model, x, y, reduction='mean'):
    """Cross-entropy on the target positions (y != -100) only, and how many there are; the vocabulary projection
    is computed at those positions alone."""
    with autocast_for(x.device):
        h = hidden_states(model, x)
        sel = y.reshape(-1) != -100
        logits = h.reshape(-1, h.shape[-1])[sel] @ model.wte.weight.t()
    return F.cross_entropy(logits.float(), y.reshape(-1)[sel], reduction=reduction), int(sel.sum())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--base', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--rc', required=True, help='rc-train.jsonl from make_rc.py')
    ap.add_argument('--out', required=True)
    ap.add_argument('--minutes', type=float, default=15, help='wall-clock budget of the training loop')
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--lr', type=float, default=6e-4)
    ap.add_argument('--min-lr-frac', type=float, default=0.1)
    ap.add_argument('--warmup-steps', type=int, default=30)
    ap.add_argument('--dropout', type=float, default=0.0)
    ap.add_argument('--max-steps', type=int, default=0)
    ap.add_argument('--max-examples', type=int, default=0)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--induction-minutes', type=float, default=0.0,
                    help='induction warm-up at the start: repeated token segments, loss on the repeat')
    ap.add_argument('--induction-batch', type=int, default=16)
    ap.add_argument('--induction-max-gap', type=int, default=380, help='tokens between a segment and its repeat (max, '
                                                                       'grows from 0 over the warm-up)')
    ap.add_argument('--induction-switch-loss', type=float, default=3.0,
                    help='no gaps (random segments only) until the repeat loss falls below this')
    ap.add_argument('--drill-minutes', type=float, default=0.0, help='copy drills after the warm-up')
    ap.add_argument('--drill-share', type=float, default=0.5, help='share of drill examples while drilling')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--device', default='cpu', help='cpu or cuda (bf16 autocast)')
    ap.add_argument('--heldout', default='', help='rc-heldout.jsonl: report the mean target loss on it at the end '
                                                  '(how train.sh --gpu picks between reader candidates)')
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    dev = torch.device(a.device)
    torch.manual_seed(a.seed)
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    fmt = load_format()
    tok = Tokenizer.load(a.tok)
    opener = gzip.open if a.rc.endswith('.gz') else open
    with opener(a.rc, 'rt', encoding='utf-8') as f:
        rows = [json.loads(line) for line in f if line.strip()]
    if a.max_examples:
        rows = rows[:a.max_examples]
    model = load_model(a.base)
    base_positions = model.cfg.n_positions
    extend_positions(model, fmt['nPositions'])
    model.to(dev)
    ctx = model.cfg.n_positions
    for mod in model.modules():
        if isinstance(mod, torch.nn.Dropout):
            mod.p = a.dropout
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, betas=(0.9, 0.95), weight_decay=0.0)
    logf = open(os.path.join(a.out, 'reader-loss.csv'), 'w', newline='')
    lw = csv.writer(logf)
    lw.writerow(['step', 'examples', 'elapsed_s', 'loss', 'lr', 'drill'])

    def drill(r):
        k = rnd.randrange(len(r['passages'])) + 1
        text = r['passages'][k - 1]
        if text.endswith(fmt['ellipsis']):
            text = text[:-len(fmt['ellipsis'])]
        prompt, _ = build_prompt(fmt, r['passages'], f'Repeat passage {k}.')
        return prompt, target_text(fmt, text, k)

    budget = a.minutes * 60
    ind_budget = min(a.induction_minutes * 60, budget)
    order = []
    for _ in range(a.epochs):
        o = list(range(len(rows)))
        rnd.shuffle(o)
        order += o
    # token ids of some passages, for the induction warm-up sequences
    pool = []
    if ind_budget > 0:
        for r in rows[:600]:
            for ptxt in r['passages']:
                ids = tok.encode(' ' + ptxt)
                if len(ids) >= 20:
                    pool.append(ids)
    model.train()
    t0 = time.time()
    st = {'step': 0, 'seen': 0, 'tokens': 0, 'target_tokens': 0, 'drills': 0, 'induction_seqs': 0}
    losses = {'rc': [], 'drill': [], 'induction': []}

    def train_step(x, y, kind, n_rc, n_drill, lr):
        for g in opt.param_groups:
            g['lr'] = lr
        loss, n_targets = target_loss(model, x.to(dev), y.to(dev))
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        st['step'] += 1
        st['seen'] += n_rc
        st['drills'] += n_drill
        st['tokens'] += int(x.numel())
        st['target_tokens'] += n_targets
        losses[kind].append(loss.item())
        lw.writerow([st['step'], st['seen'], round(time.time() - t0, 1), round(loss.item(), 4), f'{lr:.6f}', kind])
        if st['step'] % 25 == 0:
            logf.flush()
            avg = lambda xs: sum(xs[-12:]) / max(len(xs[-12:]), 1)  # noqa: E731
            print(f"step {st['step']} rc examples {st['seen']} drills {st['drills']} loss rc "
                  f"{avg(losses['rc']):.4f} drill {avg(losses['drill']):.4f} induction {avg(losses['induction']):.4f} "
                  f"lr {lr:.2e} t {time.time() - t0:.0f}s {st['tokens'] / (time.time() - t0):.0f} tok/s", flush=True)

    def out_of_time():
        return time.time() - t0 >= budget or (a.max_steps and st['step'] >= a.max_steps)

    # ---- phase 1: induction warm-up (segment ... segment again; loss on the repeat)
    gap_from = None  # when the repeat started being predicted: then the gap grows
    while pool and time.time() - t0 < ind_budget and not out_of_time():
        recent = losses['induction'][-10:]
        if gap_from is None and len(recent) == 10 and sum(recent) / 10 < a.induction_switch_loss:
            gap_from = time.time()
            print(f"induction: repeat loss below {a.induction_switch_loss} at step {st['step']}; gaps grow now", flush=True)
        if gap_from is None:
            max_gap = 0
        else:
            rest = max(1.0, t0 + ind_budget - gap_from)
            max_gap = 16 + int((a.induction_max_gap - 16) * min(1.0, (time.time() - gap_from) / (0.6 * rest)))
        seqs = []
        sep = [] if gap_from is not None else [tok.eot_id]
        for _ in range(a.induction_batch):
            src = rnd.choice(pool)
            n = rnd.randint(12, min(40, len(src))) if gap_from is not None else 30
            r = rnd.random() if gap_from is not None else 0.0  # random tokens only until copying has formed
            if r < 0.4:  # random tokens: only copying predicts the repeat (forms the induction heads fast)
                seg = [rnd.randrange(256, tok.eot_id) for _ in range(n)]
            elif r < 0.7:  # a passage's tokens shuffled
                seg = src[:n]
                rnd.shuffle(seg)
            else:  # natural text
                seg = src[:n]
            gap = rnd.randint(0, max_gap)
            filler = []
            while len(filler) < gap:
                filler += rnd.choice(pool)
            seqs.append((seg + filler[:gap] + sep + seg, n))
        L = max(len(q) for q, _ in seqs) - 1
        x = torch.full((len(seqs), L), tok.eot_id, dtype=torch.long)
        y = torch.full((len(seqs), L), -100, dtype=torch.long)
        for j, (q, n) in enumerate(seqs):
            x[j, :len(q) - 1] = torch.tensor(q[:-1])
            y[j, len(q) - n:len(q) - 1] = torch.tensor(q[len(q) - n + 1:])  # the repeat, after its first token
        train_step(x, y, 'induction', 0, 0, a.lr * min(1.0, (st['step'] + 1) / a.warmup_steps))
        st['induction_seqs'] += len(seqs)
    induction_s = time.time() - t0

    # ---- phase 2: reading comprehension (with copy drills at first)
    stop_reason = 'data exhausted'
    CH = a.batch * 8
    for c0 in range(0, len(order), CH):
        chunk = []
        drilling = time.time() - t0 < induction_s + a.drill_minutes * 60
        for i in order[c0:c0 + CH]:  # tokenized lazily, as the loop reaches them
            r = rows[i]
            d = drilling and rnd.random() < a.drill_share
            prompt, target = drill(r) if d else (r['prompt'], r['target'])
            p = tok.encode(prompt)
            t = tok.encode(target)
            ids = (p + t)[:ctx + 1]
            chunk.append((ids, len(p), d))
        chunk.sort(key=lambda e: (e[2], len(e[0])))  # drills apart; similar lengths per batch: less padding
        batches = [chunk[k:k + a.batch] for k in range(0, len(chunk), a.batch)]
        rnd.shuffle(batches)
        for b in batches:
            if out_of_time():
                stop_reason = 'time budget' if time.time() - t0 >= budget else 'max steps'
                break
            x, y = prompt_target_batch([(ids, plen) for ids, plen, _ in b], tok.eot_id)
            nd = sum(e[2] for e in b)
            # whichever runs out first, the time budget or the examples, ends the cosine (a GPU can finish
            # all epochs well inside the budget)
            frac = min(1.0, max((time.time() - t0 - induction_s) / max(1.0, budget - induction_s),
                                (st['seen'] + st['drills']) / max(len(order), 1)))
            lr = a.lr * min(1.0, (st['step'] + 1) / a.warmup_steps) * \
                (a.min_lr_frac + (1 - a.min_lr_frac) * 0.5 * (1 + math.cos(math.pi * frac)))
            train_step(x, y, 'drill' if nd * 2 > len(b) else 'rc', len(b) - nd, nd, lr)
        else:
            continue
        break
    step, seen, tokens, target_tokens, drills = st['step'], st['seen'], st['tokens'], st['target_tokens'], st['drills']
    rc_losses = losses['rc']
    wall = time.time() - t0
    logf.close()
    model.eval()
    heldout_loss = None
    if a.heldout:
        with open(a.heldout, encoding='utf-8') as f:
            held = [json.loads(line) for line in f if line.strip()]
        seqs = []
        for r in held:
            p, t = tok.encode(r['prompt']), tok.encode(r['target'])
            seqs.append(((p + t)[:ctx + 1], len(p)))
        tot, n = 0.0, 0
        with torch.no_grad():
            for k in range(0, len(seqs), 32):
                x, y = prompt_target_batch(seqs[k:k + 32], tok.eot_id)
                loss, n_targets = target_loss(model, x.to(dev), y.to(dev), reduction='sum')
                tot += loss.item()
                n += n_targets
        heldout_loss = round(tot / max(n, 1), 4)
        print('held-out target loss', heldout_loss, flush=True)
    torch.save({'model': {k: v.detach().cpu() for k, v in model.state_dict().items()}, 'cfg': model.cfg.to_dict()},
               os.path.join(a.out, 'reader.pt'))
    summary = {'base_checkpoint': os.path.abspath(a.base), 'base_n_positions': base_positions,
               'n_positions': ctx, 'position_init': f'tiled: new row p = learned row p mod {base_positions}',
               'rc_file': os.path.abspath(a.rc), 'rc_examples_available': len(rows),
               'examples_seen': seen, 'drill_examples': drills, 'induction_sequences': st['induction_seqs'],
               'induction_s': round(induction_s, 1), 'epochs_equivalent': round(seen / max(len(rows), 1), 3),
               'steps': step, 'tokens': tokens, 'target_tokens': target_tokens,
               'tokens_per_s': round(tokens / max(wall, 1e-9), 1), 'wall_time_s': round(wall, 1),
               'stop_reason': stop_reason, 'heldout_target_loss': heldout_loss,
               'device': torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu', 'final_loss_avg50': round(sum(rc_losses[-50:]) / max(len(rc_losses[-50:]), 1), 4),
               'hyper': {'lr': a.lr, 'batch': a.batch, 'warmup_steps': a.warmup_steps,
                         'schedule': (f'linear warm-up; constant lr during the induction warm-up, then cosine over the '
                                      f'rest of the {a.minutes}-minute wall-clock budget down to {a.min_lr_frac} x lr')
                         if a.induction_minutes > 0 else
                         f'linear warm-up, then cosine over the {a.minutes}-minute wall-clock budget down to '
                         f'{a.min_lr_frac} x lr',
                         'optimizer': 'AdamW(0.9,0.95), no weight decay, grad clip 1.0',
                         'loss': 'target tokens only (answer + citation or decline, + eos)',
                         'method': 'full fine-tune', 'dropout': a.dropout, 'threads': a.threads,
                         'precision': 'bf16 autocast' if dev.type == 'cuda' else 'fp32',
                         'minutes_budget': a.minutes, 'epochs_max': a.epochs,
                         'induction_warmup': {'minutes': a.induction_minutes, 'batch': a.induction_batch,
                                              'max_gap': a.induction_max_gap,
                                              'switch_loss': a.induction_switch_loss,
                                              'gaps_grow_from_s': None if gap_from is None else round(gap_from - t0, 1),
                                              'sequences': 'a 12-40 token segment (random tokens only until the '
                                                           'repeat loss falls below switch_loss; then random 40%, a '
                                                           'passage\'s tokens shuffled 30%, natural text 30%), 0..max_gap tokens '
                                                           'of other passages (none until the repeat loss falls below '
                                                           'switch_loss, then growing to max_gap), the segment again; '
                                                           'loss on the repeat'},
                         'copy_drills': {'minutes': a.drill_minutes, 'share': a.drill_share,
                                         'question': 'Repeat passage k.', 'target': 'passage k copied + [k]'}},
               'prompt_format': fmt}
    json.dump(summary, open(os.path.join(a.out, 'reader-summary.json'), 'w'), indent=2, ensure_ascii=False)
    print('done', json.dumps({k: v for k, v in summary.items() if k not in ('prompt_format', 'hyper')}), flush=True)


if __name__ == '__main__':
    main()
