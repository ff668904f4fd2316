#!/usr/bin/python3
"""Fine-tune the base checkpoint into the reader: answer a question from numbered passages, copying the
answering sentence and its citation, or decline.

* Context: the reader needs nPositions (data/reader-prompt-format.json, 512). A base pretrained with fewer
  positions (the smoke profile's 128) has its position table extended by tiling the learned rows (rows 128..255 =
  rows 0..127, ...), so every new position starts from a trained vector and nearby positions keep their learned
  differences; the fine-tune then adapts all of them.
* Examples (make_rc.py) are tokenized as at inference: the prompt alone, then the target continuation
  (answerPrefix + answer + citation, or the decline text, + eos). The loss covers the target tokens only,
  and the vocabulary projection is computed only at those positions (cheaper on a CPU).
* The loop is training/loop.py's: warm-up, then cosine to --min-lr-frac of the peak over the time budget or the
  examples, whichever runs out first, so the run ends on time on any machine and a GPU that reads every example
  early still completes its schedule. The examples are read in order (shuffled once per epoch), --epochs times.
* The defaults are the recipe of the shipped reader (public/models/reader/model-card.json, made on one GPU by
  train.sh --gpu); training/profiles/ holds the recipe of each kind of machine.
* --device cuda runs the same loop on a GPU with bf16 autocast; --rc may be gzipped.
"""
import argparse, gzip, json, math, os, random, sys
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from common import load_model  # noqa: E402
from loop import Loop, Schedule, adamw, set_dropout  # noqa: E402
from model import autocast_for  # noqa: E402
from bpe import Tokenizer  # noqa: E402
from rcformat import load_format  # noqa: E402


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


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--base', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--rc', required=True, help='rc-train.jsonl from make_rc.py')
    ap.add_argument('--heldout', default='', help='rc-heldout.jsonl: report the mean target loss on it at the end '
                                                  '(how train.sh --gpu picks between reader candidates)')
    ap.add_argument('--out', required=True)
    ap.add_argument('--minutes', type=float, default=38.0, help='time budget of the training loop')
    ap.add_argument('--epochs', type=int, default=1)
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--lr', type=float, default=6e-4)
    ap.add_argument('--min-lr-frac', type=float, default=0.1, help='the cosine ends at this share of --lr')
    ap.add_argument('--warmup-steps', type=int, default=30)
    ap.add_argument('--dropout', type=float, default=0.0)
    ap.add_argument('--max-steps', type=int, default=0, help='stop after this many steps (smoke runs)')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu',
                    help='cpu, or cuda (bf16 autocast)')
    ap.add_argument('--threads', type=int, default=1)
    return ap


def main():
    a = parser().parse_args()
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
    model = load_model(a.base)
    base_positions = model.cfg.n_positions
    extend_positions(model, fmt['nPositions'])
    model.to(dev)
    ctx = model.cfg.n_positions
    set_dropout(model, a.dropout)
    order = []
    for _ in range(a.epochs):
        o = list(range(len(rows)))
        rnd.shuffle(o)
        order += o
    chunk_size = a.batch * 8  # tokenized lazily, a chunk at a time, as the loop reaches it
    schedule = Schedule(a.lr, a.lr * a.min_lr_frac, warmup_steps=a.warmup_steps)
    loop = Loop(model, adamw(model, a.lr), schedule, log_csv=os.path.join(a.out, 'reader-loss.csv'),
                minutes=a.minutes, planned=len(order), planned_unit='examples', max_steps=a.max_steps, print_every=25)

    def batches():
        for c0 in range(0, len(order), chunk_size):
            chunk = []
            for i in order[c0:c0 + chunk_size]:
                p, t = tok.encode(rows[i]['prompt']), tok.encode(rows[i]['target'])
                chunk.append(((p + t)[:ctx + 1], len(p)))
            chunk.sort(key=lambda e: len(e[0]))  # similar lengths in a batch: less padding
            chunk_batches = [chunk[k:k + a.batch] for k in range(0, len(chunk), a.batch)]
            rnd.shuffle(chunk_batches)
            for b in chunk_batches:
                x, y = prompt_target_batch(b, tok.eot_id)
                yield (x.to(dev), y.to(dev)), {'examples': len(b), 'tokens': int(x.numel()),
                                               'target_tokens': int((y != -100).sum())}

    state = loop.run(batches(), lambda batch: target_loss(model, *batch)[0])
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
    wall = state['elapsed']
    losses = loop.losses
    summary = {'base_checkpoint': os.path.abspath(a.base), 'base_n_positions': base_positions,
               'n_positions': ctx, 'position_init': f'tiled: new row p = learned row p mod {base_positions}',
               'rc_file': os.path.abspath(a.rc), 'rc_examples_available': len(rows),
               'examples_seen': state['examples'], 'epochs_equivalent': round(state['examples'] / max(len(rows), 1), 3),
               'steps': state['step'], 'tokens': state['tokens'], 'target_tokens': state.get('target_tokens', 0),
               'tokens_per_s': round(state['tokens'] / max(wall, 1e-9), 1), 'wall_time_s': round(wall, 1),
               'stop_reason': loop.stop_reason, 'heldout_target_loss': heldout_loss,
               'device': torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu',
               'final_loss_avg50': round(sum(losses[-50:]) / max(len(losses[-50:]), 1), 4),
               'hyper': {'lr': a.lr, 'batch': a.batch, 'warmup_steps': a.warmup_steps,
                         'schedule': f'{schedule.describe()}, over the {a.minutes}-minute time budget or the '
                                     f'examples, whichever ends first',
                         'optimizer': 'AdamW(0.9,0.95), no weight decay, grad clip 1.0',
                         'loss': 'target tokens only (answer + citation or decline, + eos)',
                         'method': 'full fine-tune', 'dropout': a.dropout, 'threads': a.threads,
                         'precision': 'bf16 autocast' if dev.type == 'cuda' else 'fp32',
                         'minutes_budget': a.minutes, 'epochs_max': a.epochs, 'seed': a.seed},
               'prompt_format': fmt}
    json.dump(summary, open(os.path.join(a.out, 'reader-summary.json'), 'w'), indent=2, ensure_ascii=False)
    print('done', json.dumps({k: v for k, v in summary.items() if k not in ('prompt_format', 'hyper')}), flush=True)


if __name__ == '__main__':
    main()
