#!/usr/bin/env python3
"""Training recipes as data: training/profiles/NAME.json, one file per kind of machine (cpu, gpu, smoke).

A profile has one section per stage. A section maps the stage script's flags (without the leading dashes) to
values: true/false for on/off flags (--x / --no-x), a list for a comma-separated value. Keys starting with "#"
are comments. A section may hold "candidates": name -> settings that replace the section's own, for a stage that
trains several candidates and keeps the best (the GPU profile). Paths are not in profiles: train.sh wires them.

  recipe.py PROFILE args SECTION [CANDIDATE]   the stage's arguments, one per line (for bash's mapfile)
  recipe.py PROFILE line SECTION [CANDIDATE]   the same on one line, as recorded in candidates.json
  recipe.py PROFILE candidates SECTION         the names of the section's candidates, one per line
  recipe.py PROFILE get SECTION.KEY            one value (a list: its items on one line, space-separated)

PROFILE is cpu, gpu, smoke, or a path to a JSON file. Standard library only, so the GPU stages run on a machine
that has nothing but python3 and torch.
"""
import json, os, sys

PROFILES = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'profiles')


def load(profile):
    path = profile if profile.endswith('.json') else os.path.join(PROFILES, profile + '.json')
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def settings(profile, section, candidate=None):
    """The section's settings (comments and candidates left out), with the candidate's on top."""
    sec = load(profile)[section] if isinstance(profile, str) else profile[section]
    out = {k: v for k, v in sec.items() if not k.startswith('#') and k != 'candidates'}
    if candidate is not None:
        out.update({k: v for k, v in sec['candidates'][candidate].items() if not k.startswith('#')})
    return out


def value_text(v):
    if isinstance(v, list):
        return ','.join(value_text(x) for x in v)
    return repr(v) if isinstance(v, float) else str(v)


def args(values):
    out = []
    for k, v in values.items():
        if isinstance(v, bool):
            out.append(f'--{k}' if v else f'--no-{k}')
        else:
            out += [f'--{k}', value_text(v)]
    return out


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    profile, command, what = argv[0], argv[1], argv[2]
    if command in ('args', 'line'):
        a = args(settings(profile, what, argv[3] if len(argv) > 3 else None))
        print('\n'.join(a) if command == 'args' else ' '.join(a))
    elif command == 'candidates':
        print('\n'.join(load(profile)[what]['candidates']))
    elif command == 'get':
        section, key = what.split('.', 1)
        v = load(profile)[section][key]
        print(' '.join(value_text(x) for x in v) if isinstance(v, list) else value_text(v))
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])
