"""Copy-rich pretraining windows (training/pretrain.py add_repeats): a span of a window is written again
later in the same window, so the repeat can only be predicted by copying; other windows stay plain text.

Run: /usr/bin/python3 -m unittest discover -s training/tests
"""
import os, sys, unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from pretrain import add_repeats  # noqa: E402


def has_earlier_copy(row, original):
    """Whether the row's last changed span (8-48 tokens) equals a span that ends before it starts."""
    changed = np.nonzero(row != original)[0]
    if len(changed) == 0:
        return False
    end = int(changed[-1]) + 1
    for length in range(8, 49):
        dst = end - length
        for src in np.nonzero(row[:max(dst - length + 1, 0)] == row[dst])[0]:
            if (row[src:src + length] == row[dst:end]).all():
                return True
    return False


class CopyRichWindows(unittest.TestCase):
    def setUp(self):
        self.rng = np.random.default_rng(0)
        # distinct tokens, so an equal later span can only be a copy
        self.windows = np.stack([np.arange(i * 1000, i * 1000 + 513) for i in range(200)]).astype(np.int64)

    def test_share_of_windows_changed_follows_frac(self):
        w = self.windows.copy()
        add_repeats(w, self.rng, 0.5, 4095)
        changed = int((w != self.windows).any(axis=1).sum())
        self.assertGreater(changed, 70)
        self.assertLess(changed, 130)
        untouched = self.windows.copy()
        add_repeats(untouched, np.random.default_rng(0), 0.0, 4095)
        self.assertTrue((untouched == self.windows).all())

    def test_each_changed_window_repeats_an_earlier_span_later(self):
        w = self.windows.copy()
        add_repeats(w, self.rng, 1.0, 4095)
        for row, original in zip(w, self.windows):
            self.assertTrue(has_earlier_copy(row, original))
        self.assertFalse(has_earlier_copy(self.windows[0], self.windows[0]))

    def test_deterministic_for_a_seed(self):
        a, b = self.windows.copy(), self.windows.copy()
        add_repeats(a, np.random.default_rng(7), 0.5, 4095)
        add_repeats(b, np.random.default_rng(7), 0.5, 4095)
        self.assertTrue((a == b).all())


if __name__ == '__main__':
    unittest.main()
