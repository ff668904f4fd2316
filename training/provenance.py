#!/usr/bin/python3
"""Add token counts (per package, with the trained tokenizer) to the corpus provenance and write the
Markdown table.  Usage: provenance.py <provenance-basename> <corpus-work-dir> <tokenizer-dir>"""
import json, os, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from bpe import Tokenizer  # noqa: E402


def main():
    base, work, tokdir = sys.argv[1:4]
    prov = json.load(open(base + '.json'))
    tok = Tokenizer.load(tokdir)
    total = 0
    for pkg, st in prov['packages'].items():
        p = os.path.join(work, 'parts', pkg + '.txt')
        n = len(tok.encode(open(p, encoding='utf-8').read())) if os.path.exists(p) else 0
        st['tokens'] = n
        total += n
    prov['tokens'] = total
    tj = json.load(open(os.path.join(tokdir, 'tokenizer.json')))
    prov['tokenizer'] = {'type': 'byte-level BPE (trained by training/bpe.py on this corpus)',
                         'vocab_size': len(tj['model']['vocab']) + len(tj['added_tokens']),
                         'merges': len(tj['model']['merges']), 'end_of_text': '<|endoftext|>',
                         'bytes_per_token': round(prov['bytes'] / max(total, 1), 3)}
    json.dump(prov, open(base + '.json', 'w'), indent=2)
    lines = ['# Pretraining corpus provenance', '',
             'Free English prose from Debian documentation packages, cleaned (RST/HTML markup, code, literal',
             'blocks, doctests, tables and paragraphs ending in ":" removed) and deduplicated by',
             '`training/corpus.py`. "Q/A pairs" are simple `Question: … Answer: …` pairs built automatically',
             'from definitional sentences of the docs and from WordNet glosses (never from the article).',
             f'No 12-word window of the article occurs in the corpus (checked by `training/tests/test_no_article_leak.py`).',
             '', '| package | version | license | documents | Q/A pairs | bytes | tokens |', '|---|---|---|---|---|---|---|']
    for pkg, st in prov['packages'].items():
        lines.append(f"| {pkg} | {st['version']} | {st['license']} | {st['documents']:,} | {st['qa_pairs']:,} | "
                     f"{st['bytes']:,} | {st['tokens']:,} |")
    lines.append(f"| **total** | | | | | {sum(s['bytes'] for s in prov['packages'].values()):,} | {total:,} |")
    lines += ['', f"Tokenizer: {prov['tokenizer']['type']}, vocabulary {prov['tokenizer']['vocab_size']}, "
              f"{prov['tokenizer']['bytes_per_token']} bytes/token. Corpus file (not committed): `{prov['corpus_file']}`, "
              f"{prov['bytes']:,} bytes including separators."]
    open(base + '.md', 'w').write('\n'.join(lines) + '\n')
    print('tokens', total)


if __name__ == '__main__':
    main()
