"""The one training loop of pretraining (pretrain.py), fine-tuning (finetune.py) and the reader (reader/train_reader.py).

Each script builds its model, its batches and its loss; this loop trains on them:

* AdamW with betas (0.9, 0.95), the GPT-2 recipe's; gradients clipped to norm 1.0.
* A linear warm-up, then a cosine decay of the learning rate from `lr` to `min_lr` over the run's progress.
  Progress is whichever is further along: the wall clock against the time budget, or the work done against the
  work planned (steps, or examples for the reader, whose last batch may be short). A run on a slow machine
  therefore ends on time with its schedule complete, and a run on a fast one (a GPU finishing its steps early)
  still completes its schedule.
* A loss CSV (step, examples, tokens, elapsed_s, loss, lr) and a progress line on the console.
* Evaluation points (fractions of the progress; their time is not charged to the budget) and, when a checkpoint
  path is given, a checkpoint every few minutes and on SIGTERM, from which the same command resumes.

The run ends at the time budget, at `max_steps`, or when the batches run out.
"""
import csv, math, os, signal, sys, time

import torch

CHECKPOINT_EVERY_S = 180  # a killed or preempted pretraining run loses at most three minutes


def adamw(model, lr, weight_decay=0.0):
    return torch.optim.AdamW(model.parameters(), lr=lr, betas=(0.9, 0.95), weight_decay=weight_decay)


def set_dropout(model, p):
    """Fine-tunes choose their own dropout, whatever the checkpoint was pretrained with."""
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.p = p


def end_of_epoch(loop, run, ep, first, epochs, budget):
    """The fine-tunes' epoch boundary: notes the epoch done in `run` and prints its mean loss. False when one more
    epoch would overrun the time budget (`run['stopped_early']` then says so)."""
    run['epochs_done'] = ep + 1
    el = loop.elapsed()
    losses = loop.losses[first:]
    print(f'epoch {ep + 1} loss {sum(losses) / len(losses):.4f} t {el:.0f}s', flush=True)
    if el / run['epochs_done'] * (run['epochs_done'] + 1) > budget and run['epochs_done'] < epochs:
        print('stopping early to respect the time budget', flush=True)
        run['stopped_early'] = True
        return False
    return True


def next_token_loss(model):
    """The fine-tunes' loss of a batch (x, y): cross-entropy of the next token, positions labelled -100 ignored."""
    def loss_of(batch):
        x, y = batch
        logits, _ = model(x)
        return torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), y.reshape(-1), ignore_index=-100)
    return loss_of


def save_weights(model, path):
    """The trained weights and the model's configuration, on the CPU, as export.py reads them."""
    torch.save({'model': {k: v.detach().cpu() for k, v in model.state_dict().items()}, 'cfg': model.cfg.to_dict()}, path)


class Schedule:
    """Learning rate at a step and a progress (0 to 1). The warm-up is either over the first `warmup_steps` steps,
    multiplying the decay (the fine-tunes, whose length in steps is known), or over the first `warmup_frac` of the
    progress, from 2% of the peak, before the decay starts (pretraining, whose length the clock may set)."""

    def __init__(self, lr, min_lr=0.0, warmup_steps=0, warmup_frac=0.0):
        self.lr, self.min_lr, self.warmup_steps, self.warmup_frac = lr, min_lr, warmup_steps, warmup_frac

    def __call__(self, step, progress):
        if progress < self.warmup_frac:
            return self.lr * max(progress / self.warmup_frac, 0.02)
        p = min(1.0, (progress - self.warmup_frac) / (1 - self.warmup_frac))
        lr = self.min_lr + 0.5 * (self.lr - self.min_lr) * (1 + math.cos(math.pi * p))
        if self.warmup_steps:
            lr *= min(1.0, (step + 1) / self.warmup_steps)
        return lr

    def describe(self):
        warm = (f'linear warm-up {self.warmup_steps} steps' if self.warmup_steps
                else f'linear warm-up over {self.warmup_frac:.0%} of the run')
        return f'{warm}, then cosine from {self.lr:g} to {self.min_lr:g}'


class Loop:
    """One training run. Construct it (it resumes from `checkpoint` when that file exists), then call run() once.

    `state` holds what a checkpoint keeps: step, elapsed seconds, the counts the batches report (examples, tokens,
    ...), the evaluation points done, and whatever the caller adds (pretraining keeps its evaluations there)."""

    def __init__(self, model, opt, schedule, *, log_csv, minutes=0.0, planned=0, planned_unit='step', max_steps=0,
                 log_every=1, print_every=0, eval_points=(), on_eval=None, checkpoint=None, extra=None):
        self.model, self.opt, self.schedule = model, opt, schedule
        self.budget = minutes * 60
        self.planned, self.planned_unit, self.max_steps = planned, planned_unit, max_steps
        self.log_every, self.print_every = log_every, print_every
        self.eval_points, self.on_eval = [p for p in eval_points if p < 1.0], on_eval
        self.checkpoint, self.extra = checkpoint, extra or {}
        self.state = {'step': 0, 'elapsed': 0.0, 'examples': 0, 'tokens': 0, 'done_points': []}
        self.losses = []  # every step's loss, this session
        self.stop_reason = None
        if checkpoint and os.path.exists(checkpoint):
            ck = torch.load(checkpoint, map_location=next(model.parameters()).device)
            model.load_state_dict(ck['model'])
            opt.load_state_dict(ck['opt'])
            self.state = {**self.state, **ck['state']}
            print('resumed at step', self.state['step'], 'elapsed', round(self.state['elapsed']), flush=True)
        new_log = not os.path.exists(log_csv) or self.state['step'] == 0
        self.log_file = open(log_csv, 'w' if new_log else 'a', newline='')
        self.log = csv.writer(self.log_file)
        if new_log:
            self.log.writerow(['step', 'examples', 'tokens', 'elapsed_s', 'loss', 'lr'])

    def elapsed(self):
        return time.time() - self.t0

    def progress(self):
        time_part = self.elapsed() / self.budget if self.budget else 0.0
        work_part = self.state[self.planned_unit] / self.planned if self.planned else 0.0
        return min(1.0, max(time_part, work_part))

    def out_of_time_or_steps(self):
        if self.budget and self.elapsed() >= self.budget:
            return 'time budget'
        if self.max_steps and self.state['step'] >= self.max_steps:
            return 'max steps'
        return None

    def save(self):
        tmp = self.checkpoint + '.tmp'
        torch.save({'model': self.model.state_dict(), 'opt': self.opt.state_dict(), 'state': self.state,
                    **self.extra}, tmp)
        os.replace(tmp, self.checkpoint)

    def run(self, batches, loss_of):
        """Train on `batches`, an iterator of (batch, counts): loss_of(batch) gives the loss tensor, and counts (a
        dict such as {'examples': 8, 'tokens': 1024}) is added to the state once the step is taken."""
        stop = {'term': False}
        if self.checkpoint:
            signal.signal(signal.SIGTERM, lambda signum, frame: stop.update(term=True))
        st = self.state
        self.model.train()
        self.t0 = time.time() - st['elapsed']
        last_save = time.time()
        window = []
        batches = iter(batches)
        while True:
            self.stop_reason = self.out_of_time_or_steps()
            if self.stop_reason:
                break
            item = next(batches, None)
            if item is None:
                self.stop_reason = 'data exhausted'
                break
            batch, counts = item
            lr = self.schedule(st['step'], self.progress())
            for group in self.opt.param_groups:
                group['lr'] = lr
            loss = loss_of(batch)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
            self.opt.step()
            st['step'] += 1
            for k, v in counts.items():
                st[k] = st.get(k, 0) + v
            st['elapsed'] = self.elapsed()
            self.losses.append(loss.item())
            window.append(self.losses[-1])
            if st['step'] % self.log_every == 0:
                self.log.writerow([st['step'], st['examples'], st['tokens'], round(st['elapsed'], 1),
                                   round(sum(window) / len(window), 4), f'{lr:.6f}'])
                self.log_file.flush()
                window = []
            if self.print_every and st['step'] % self.print_every == 0:
                recent = self.losses[-self.print_every:]
                print(f"step {st['step']} examples {st['examples']} tokens {st['tokens']} t {st['elapsed']:.0f}s "
                      f"loss {sum(recent) / len(recent):.4f} lr {lr:.2e} tok/s {st['tokens'] / max(st['elapsed'], 1e-9):.0f}",
                      flush=True)
            for p in self.eval_points:
                if p not in st['done_points'] and self.progress() >= p:
                    st['done_points'].append(p)
                    self.on_eval()
                    self.t0 = time.time() - st['elapsed']  # evaluation time is not charged to the budget
            if self.checkpoint and stop['term']:
                self.save()
                print('SIGTERM: checkpoint saved at step', st['step'], flush=True)
                sys.exit(143)
            if self.checkpoint and time.time() - last_save > CHECKPOINT_EVERY_S:
                self.save()
                last_save = time.time()
        self.log_file.flush()
        st['elapsed'] = self.elapsed()
        return st
