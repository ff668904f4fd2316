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
    ap.add_argument('--augment-variants', type=int, default=0,
                    help='augment.py: synonym/template variants per training question')
    ap.add_argument('--augment-from-answer', type=int, default=0,
                    help="augment.py: questions per fact built from its answer/evidence wording")
    ap.add_argument('--augment-p-sub', type=float, default=0.5, help='augment.py: word replacement rate')
    ap.add_argument('--augment-hyper', action='store_true', help='augment.py: WordNet hypernyms as replacements too')
    ap.add_argument('--augment-sense-min', type=float, default=None,
                    help='augment.py: keep WordNet candidates whose GloVe cosine to the word is at least this')
    ap.add_argument('--layer-lr-decay', type=float, default=1.0,
                    help='lr multiplier per block below the top (embeddings get the lowest)')
    ap.add_argument('--neftune', type=float, default=0.0,
                    help='NEFTune: uniform noise of size alpha/sqrt(T*d) on token embeddings while training')
    ap.add_argument('--augment-fresh', action='store_true', help='draw new generated questions every epoch')
    ap.add_argument('--freeze-emb', action='store_true', help='keep token/position embeddings fixed')
    ap.add_argument('--label-smoothing', type=float, default=0.0)
    ap.add_argument('--device', default='cpu', help='cpu or cuda (fp32 either way)')
    a = ap.parse_args()
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
        augmenter = Augmenter(a.seed, a.augment_p_sub, hyper=a.augment_hyper, sense_min=a.augment_sense_min)
        aug_file = open(os.path.join(a.out, 'train-augmented.jsonl'), 'w', encoding='utf-8')
    model = load_model(a.base).to(dev)
    ctx = model.cfg.n_positions
    for mod in model.modules():
        if isinstance(mod, torch.nn.Dropout):
            mod.p = a.dropout

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

    examples, n_aug = make_examples(1)
    if augmenter is not None:
        print(f'augmented: {len(rows)} training questions + {n_aug} generated'
              f'{" (fresh each epoch)" if a.augment_fresh else ""}', flush=True)
    n_tokens = sum(len(e[0]) for e in examples)
    steps_per_epoch = math.ceil(len(examples) / a.batch)
    total_steps = steps_per_epoch * a.epochs
    if a.freeze_emb:
        model.wte.weight.requires_grad_(False)
        model.wpe.weight.requires_grad_(False)
    n_layer = model.cfg.n_layer
    if a.neftune > 0:
        def noisy_embeddings(mod, inp, out):
            if not mod.training:
                return out
            mag = a.neftune / math.sqrt(out.shape[1] * out.shape[2])
            return out + torch.empty_like(out).uniform_(-mag, mag)
        model.wte.register_forward_hook(noisy_embeddings)

    def depth_scale(name):  # 1 for the top block and the final LayerNorm, decay**(n_layer) for embeddings
        if name.startswith('h.'):
            return a.layer_lr_decay ** (n_layer - 1 - int(name.split('.')[1]))
        return a.layer_lr_decay ** n_layer if name.startswith(('wte', 'wpe')) else 1.0

    groups = {}
    for name, p in model.named_parameters():
        if p.requires_grad:
            groups.setdefault(depth_scale(name), []).append(p)
    opt = torch.optim.AdamW([{'params': ps, 'lr_scale': sc} for sc, ps in groups.items()], lr=a.lr, betas=(0.9, 0.95), weight_decay=0.0)
    logf = open(os.path.join(a.out, 'finetune-loss.csv'), 'w', newline='')
    lw = csv.writer(logf)
    lw.writerow(['step', 'epoch', 'elapsed_s', 'loss', 'lr'])
    model.train()
    t0 = time.time()
    step, epoch_done = 0, 0
    budget = a.minutes * 60
    stopped_early = False
    for ep in range(a.epochs):
        if ep > 0 and a.augment_fresh:
            examples, _ = make_examples(ep + 1)
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
            lr = a.lr * min(1.0, (step + 1) / a.warmup_steps) * 0.5 * (1 + math.cos(math.pi * min(step, total_steps) / total_steps))
            for g in opt.param_groups:
                g['lr'] = lr * g['lr_scale']
            x, y = x.to(dev), y.to(dev)
            logits, _ = model(x)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1),
                                                     ignore_index=-100, label_smoothing=a.label_smoothing)
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
    torch.save({'model': {k: v.detach().cpu() for k, v in model.state_dict().items()}, 'cfg': model.cfg.to_dict()},
               os.path.join(a.out, 'finetuned.pt'))
    summary = {'train_rows': len(rows), 'augmented_rows_per_epoch': n_aug, 'facts': len({r.get('factId') for r in rows}),
               'train_tokens_per_epoch': n_tokens,
               'answer_tokens_per_epoch': sum(sum(e[1]) for e in examples),
               'epochs_planned': a.epochs, 'epochs_done': epoch_done, 'stopped_early': stopped_early,
               'steps': step, 'wall_time_s': round(wall, 1),
               'hyper': {'lr': a.lr, 'batch': a.batch, 'schedule': f'linear warm-up {a.warmup_steps} steps + cosine',
                         'optimizer': 'AdamW(0.9,0.95), no weight decay', 'loss': 'answer tokens only (incl. eos)',
                         'method': 'full fine-tune' + (' (embeddings frozen)' if a.freeze_emb else ''),
                         'dropout': a.dropout, 'label_smoothing': a.label_smoothing,
                         'layer_lr_decay': a.layer_lr_decay, 'neftune_alpha': a.neftune,
                         'augmentation': {'variants_per_question': a.augment_variants,
                                          'from_answer_per_fact': a.augment_from_answer,
                                          'fresh_each_epoch': a.augment_fresh,
                                          'hypernyms': a.augment_hyper,
                                          'sense_min': a.augment_sense_min,
                                          'p_sub': a.augment_p_sub, 'seed': a.seed,
                                          'code': 'training/augment.py'},
                         'threads': a.threads,
                         'device': torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu'},
               'prompt_format': fmt}
    json.dump(summary, open(os.path.join(a.out, 'finetune-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
