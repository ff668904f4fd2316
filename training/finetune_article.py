#!/usr/bin/python3
"""Continued language-model training of the base model on the article's text alone: "fine-tune it on my documents".

What the model is given: the lines of data/article/rag-vs-fine-tuning-article.txt (the article as plain text, one
paragraph, list item, heading or table row a line), and nothing else: no question/answer pairs, nothing written
from or for the questions in data/qa/ (this file never reads data/qa/), no prompt format. The loss is the plain
next-token loss on every token of the text, as in pretraining. Whether the model can then answer a question put to
it in the app's prompt format ("Question: ...\nAnswer:") is what the evaluation measures.

Two ways to cut the text into training sequences (--unit):
  passage  each line is a document of its own, "<|endoftext|>" + line + "<|endoftext|>" (the corpus's document
           boundary), padded into batches of similar length;
  stream   the lines joined into one token stream (each followed by "<|endoftext|>", as corpus.txt is), cut into
           windows of the model's context at a fresh random offset every epoch, as a causal-LM script packs text.

--heldout-every N (a measurement, not the shipped recipe) leaves every N-th line out of training and reports the
perplexity of those lines before and after: how much of what it learned carries to article text it did not see.
The perplexity of the training lines themselves is reported either way (how much of the text it memorised).

The defaults are the recipe of the shipped model (public/models/fine-tuned-article/model-card.json), chosen on
heldout-dev F1 among the candidates in training/finetune-article-selection.json; the profiles' section
"finetune_article" repeats them.
"""
import argparse, json, math, os, random, sys
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from common import ROOT, Tokenizer, load_model  # noqa: E402
from loop import Loop, Schedule, adamw, end_of_epoch, next_token_loss, save_weights, set_dropout  # noqa: E402

ARTICLE = os.path.join(ROOT, 'data', 'article', 'rag-vs-fine-tuning-article.txt')


def parser():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--base', required=True)
    ap.add_argument('--tok', required=True)
    ap.add_argument('--article', default=ARTICLE, help='the text to train on, one passage a line')
    ap.add_argument('--out', required=True, help='work folder')
    ap.add_argument('--unit', choices=('passage', 'stream'), default='passage')
    ap.add_argument('--epochs', type=int, default=100)
    ap.add_argument('--minutes', type=float, default=20, help='time budget; epochs that would not fit are left out')
    ap.add_argument('--batch', type=int, default=8)
    ap.add_argument('--lr', type=float, default=3e-4)
    ap.add_argument('--warmup-steps', type=int, default=20)
    ap.add_argument('--dropout', type=float, default=0.1)
    ap.add_argument('--heldout-every', type=int, default=0, help='measurement only: leave every N-th line out')
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
    ap.add_argument('--threads', type=int, default=1)
    return ap


def article_lines(path=ARTICLE):
    """The article's passages: its non-empty lines, verbatim."""
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip()]


def split_lines(lines, heldout_every):
    if not heldout_every:
        return lines, []
    train = [line for i, line in enumerate(lines) if (i + 1) % heldout_every]
    held = [line for i, line in enumerate(lines) if not (i + 1) % heldout_every]
    return train, held


def pieces(doc, ctx):
    """doc (input = doc[:-1], target = doc[1:]) cut into pieces of at most ctx inputs, each predicting its own
    targets: every token of doc but the first is a target once."""
    return [doc[i:i + ctx + 1] for i in range(0, len(doc) - 1, ctx)]


def main():
    a = parser().parse_args()
    dev = torch.device(a.device)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    random.seed(a.seed)
    os.makedirs(a.out, exist_ok=True)
    tok = Tokenizer.load(a.tok)
    eot = tok.eot_id

    # ---- data: the article's lines, nothing else
    lines, held = split_lines(article_lines(a.article), a.heldout_every)
    with open(os.path.join(a.out, 'train-text.jsonl'), 'w', encoding='utf-8') as f:
        for line in lines:
            f.write(json.dumps({'text': line}, ensure_ascii=False) + '\n')
    docs = [[eot] + tok.encode(line) + [eot] for line in lines]  # input = doc[:-1], target = doc[1:]
    held_docs = [[eot] + tok.encode(line) + [eot] for line in held]
    stream = [t for d in docs for t in d[1:]]  # line, eot, line, eot, ...
    text_tokens = len(stream)

    model = load_model(a.base).to(dev)
    ctx = model.cfg.n_positions
    set_dropout(model, a.dropout)
    # A line longer than the context (none with the shipped base's; the smoke profile's tiny model has a short
    # context and a small vocabulary) is read in consecutive pieces of the context's length.
    docs = [p for d in docs for p in pieces(d, ctx)]
    held_docs = [p for d in held_docs for p in pieces(d, ctx)]

    @torch.no_grad()
    def perplexity(documents):
        """Per-token perplexity of documents, each read on its own from its leading end-of-text."""
        if not documents:
            return None
        was = model.training
        model.eval()
        tot, n = 0.0, 0
        for d in documents:
            x = torch.tensor([d[:-1]], device=dev)
            y = torch.tensor([d[1:]], device=dev)
            logits, _ = model(x)
            tot += torch.nn.functional.cross_entropy(logits[0], y[0], reduction='sum').item()
            n += y.numel()
        model.train(was)
        return round(math.exp(tot / n), 3)

    before = {'train_text_ppl': perplexity(docs), 'heldout_lines_ppl': perplexity(held_docs)}
    print('before', json.dumps(before), flush=True)

    # ---- batches
    def passage_epoch():
        order = sorted(range(len(docs)), key=lambda i: len(docs[i]) + random.random() * 8)  # similar lengths
        batches = [order[i:i + a.batch] for i in range(0, len(order), a.batch)]
        random.shuffle(batches)
        for b in batches:
            L = max(len(docs[i]) for i in b) - 1
            x = torch.full((len(b), L), eot, dtype=torch.long)
            y = torch.full((len(b), L), -100, dtype=torch.long)
            for j, i in enumerate(b):
                d = docs[i]
                x[j, :len(d) - 1] = torch.tensor(d[:-1])
                y[j, :len(d) - 1] = torch.tensor(d[1:])
            yield x, y

    def stream_epoch():
        off = random.randrange(ctx)
        seq = [eot] + stream
        seq = seq[off:] + seq[:off]  # a fresh cut every epoch; each token once per epoch
        windows = [seq[i:i + ctx + 1] for i in range(0, len(seq) - 1, ctx)]
        random.shuffle(windows)
        for i in range(0, len(windows), a.batch):
            group = windows[i:i + a.batch]
            L = max(len(w) for w in group) - 1
            x = torch.full((len(group), L), eot, dtype=torch.long)
            y = torch.full((len(group), L), -100, dtype=torch.long)
            for j, w in enumerate(group):
                x[j, :len(w) - 1] = torch.tensor(w[:-1])
                y[j, :len(w) - 1] = torch.tensor(w[1:])
            yield x, y

    epoch_of = passage_epoch if a.unit == 'passage' else stream_epoch
    steps_per_epoch = sum(1 for _ in epoch_of())
    total_steps = steps_per_epoch * a.epochs

    # ---- training: the one loop (loop.py)
    schedule = Schedule(a.lr, warmup_steps=a.warmup_steps)
    loop = Loop(model, adamw(model, a.lr), schedule, log_csv=os.path.join(a.out, 'finetune-loss.csv'),
                planned=total_steps)
    budget = a.minutes * 60
    run = {'epochs_done': 0, 'stopped_early': False}

    def batches():
        for ep in range(a.epochs):
            first = len(loop.losses)
            for x, y in epoch_of():
                yield (x.to(dev), y.to(dev)), {'examples': x.shape[0], 'tokens': int((y != -100).sum())}
            if not end_of_epoch(loop, run, ep, first, a.epochs, budget):
                return

    state = loop.run(batches(), next_token_loss(model))
    model.eval()
    after = {'train_text_ppl': perplexity(docs), 'heldout_lines_ppl': perplexity(held_docs)}
    print('after', json.dumps(after), flush=True)

    save_weights(model, os.path.join(a.out, 'finetuned.pt'))
    summary = {'dataset': {'file': os.path.relpath(os.path.abspath(a.article), ROOT), 'lines': len(lines),
                           'heldout_lines': len(held), 'text_tokens': text_tokens,
                           'what': "the article's text only: no question/answer pairs, nothing written for the questions"},
               'epochs_planned': a.epochs, 'epochs_done': run['epochs_done'], 'stopped_early': run['stopped_early'],
               'steps': state['step'], 'steps_per_epoch': steps_per_epoch, 'tokens_trained': state['tokens'],
               'wall_time_s': round(state['elapsed'], 1),
               'perplexity': {'before': before, 'after': after},
               'hyper': {'unit': a.unit, 'lr': a.lr, 'batch': a.batch, 'epochs': a.epochs, 'budget_minutes': a.minutes,
                         'warmup_steps': a.warmup_steps, 'dropout': a.dropout, 'heldout_every': a.heldout_every,
                         'seed': a.seed, 'schedule': f'{schedule.describe()} over the planned epochs',
                         'optimizer': 'AdamW(0.9,0.95), no weight decay, grad clip 1.0',
                         'loss': 'next-token loss on every token of the text', 'method': 'full fine-tune',
                         'threads': a.threads,
                         'device': torch.cuda.get_device_name(dev) if dev.type == 'cuda' else 'cpu'}}
    json.dump(summary, open(os.path.join(a.out, 'finetune-summary.json'), 'w'), indent=2)
    print('done', json.dumps(summary), flush=True)


if __name__ == '__main__':
    main()
