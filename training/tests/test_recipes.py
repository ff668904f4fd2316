"""Training recipes as data (training/profiles/*.json, read by training/recipe.py):

* every profile gives each stage every setting its script takes (paths and values wired by train.sh aside), and
  nothing else, so a script has no flag that no profile sets and a profile no key that a script ignores;
* the GPU profile runs the stages that stay on the CPU as the CPU profile does;
* the defaults of pretrain.py, finetune.py, finetune_article.py, reader/train_reader.py and reader/make_rc.py are
  the recipe of the shipped models, as their model cards record it (public/models/*/model-card.json).

Run: /usr/bin/python3 -m unittest discover -s training/tests
"""
import importlib, json, os, shlex, sys, unittest

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(TRAINING)
sys.path.insert(0, os.path.join(TRAINING, 'reader'))
sys.path.insert(0, os.path.join(TRAINING, 'retriever'))
sys.path.insert(0, TRAINING)
import recipe  # noqa: E402

# section: (script module, its options that train.sh / gpu-stages.sh set themselves)
STAGES = {
    'corpus': ('corpus', {'out', 'provenance'}),
    'tokenizer': ('bpe', {'corpus', 'out', 'ids-out', 'tok'}),
    'pretrain': ('pretrain', {'ids', 'work', 'vocab'}),
    'finetune': ('finetune', {'base', 'tok', 'train', 'out'}),
    'finetune_search': ('finetune', {'base', 'tok', 'train', 'out'}),
    'finetune_article': ('finetune_article', {'base', 'tok', 'article', 'out'}),
    'evaluate': ('evaluate', {'base', 'ft', 'ft-name', 'tok', 'out', 'qa'}),
    'export': ('export', {'ckpt', 'tok', 'out', 'ref', 'prompts'}),
    'reader_data': ('make_rc', {'corpus', 'out', 'tok'}),
    'reader': ('train_reader', {'base', 'tok', 'rc', 'heldout', 'out'}),
    'reader_eval': ('eval_reader', {'ckpt', 'tok', 'rc', 'out', 'base', 'article', 'ref-prompts'}),
    'reader_export': ('export', {'ckpt', 'tok', 'out', 'ref', 'prompts', 'max-new-tokens'}),
    'retriever_pairs': ('pairs', {'parts', 'out', 'config'}),
    'retriever': ('train_encoder', {'pairs', 'out', 'config'}),
}
ON_THE_CPU_IN_BOTH = ['apt', 'corpus', 'tokenizer', 'finetune', 'finetune_article', 'evaluate', 'export', 'verify', 'reader_data',
                      'reader_eval', 'reader_export', 'retriever_pairs', 'retriever']
MACHINE = {'device', 'threads'}  # where a recipe runs, not what it is


def parser_of(module):
    return importlib.import_module(module).parser()


def options(ap):
    return {a.option_strings[0][2:] for a in ap._actions if a.option_strings and a.option_strings[0] != '-h'}


def parse(ap, argv=()):
    """Parse with dummy values for the required options (and bpe.py's subcommand)."""
    required = [x for a in ap._actions if a.required and a.option_strings for x in (a.option_strings[0], '1')]
    positional = ['train'] if any(not a.option_strings for a in ap._actions if a.dest != 'help') else []
    return vars(ap.parse_args(positional + required + list(argv)))


def card(name):
    with open(os.path.join(ROOT, 'public', 'models', name, 'model-card.json'), encoding='utf-8') as f:
        return json.load(f)


class Profiles(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        try:
            cls.parsers = {section: parser_of(module) for section, (module, _) in STAGES.items()}
        except ImportError as e:  # torch, onnx or regex missing: train.sh installs them
            raise unittest.SkipTest(f'training dependencies missing: {e}')
        cls.profiles = {name: recipe.load(name) for name in ('cpu', 'gpu', 'smoke')}

    def variants(self, profile, section):
        sec = profile[section]
        if 'candidates' in sec:
            return {name: recipe.settings(profile, section, name) for name in sec['candidates']}
        return {'': recipe.settings(profile, section)}

    def test_every_stage_gets_all_its_settings_and_only_those(self):
        for name, profile in self.profiles.items():
            expected = set(STAGES) - ({'finetune_search'} if name != 'gpu' else set())
            self.assertEqual(set(profile) - {'#', 'apt', 'verify'}, expected, name)
            for section in expected:
                wired = STAGES[section][1]
                ap = self.parsers[section]
                for cand, values in self.variants(profile, section).items():
                    with self.subTest(profile=name, section=section, candidate=cand):
                        self.assertEqual(set(values), options(ap) - wired)
                        parse(ap, recipe.args(values))  # every value is one the script accepts

    def test_the_gpu_profile_runs_the_cpu_stages_as_the_cpu_profile(self):
        for section in ON_THE_CPU_IN_BOTH:
            self.assertEqual(recipe.settings(self.profiles['gpu'], section),
                             recipe.settings(self.profiles['cpu'], section), section)

    def test_pretraining_defaults_are_the_shipped_base(self):
        ap = self.parsers['pretrain']
        defaults = parse(ap)
        c = card('base')['pretraining']
        chosen = c['candidates']['chosen']
        as_shipped = parse(ap, shlex.split(c['candidates']['common'] + ' ' + c['candidates']['candidates'][chosen]))
        in_profile = parse(ap, recipe.args(recipe.settings(self.profiles['gpu'], 'pretrain', chosen)))
        for k in defaults:
            if k.replace('_', '-') not in MACHINE | {'seed'}:  # the card does not record the seed
                self.assertEqual(defaults[k], as_shipped[k], k)
            if k.replace('_', '-') not in MACHINE:
                self.assertEqual(defaults[k], in_profile[k], k)
        h = c['hyperparameters']
        self.assertEqual((defaults['batch'], defaults['ctx'], defaults['lr'], defaults['min_lr'], defaults['warmup'],
                          defaults['minutes'], defaults['dropout'], defaults['copy_frac']),
                         (h['batch'], h['ctx'], h['lr'], h['min_lr'], h['warmup_frac'], h['budget_minutes'],
                          h['dropout'], h['copy_frac']))

    def test_fine_tuning_defaults_are_the_shipped_fine_tuned_model(self):
        ap = self.parsers['finetune']
        defaults = parse(ap)
        f = card('fine-tuned')['fine_tuning']
        run = next(r for r in f['selection']['candidates'] if r['run'] == f['selection']['chosen'])
        as_shipped = parse(ap, shlex.split(run['setting'].split(' (')[0]))
        in_profile = parse(ap, recipe.args(recipe.settings(self.profiles['cpu'], 'finetune')))
        for k in defaults:
            if k.replace('_', '-') not in MACHINE:
                self.assertEqual(defaults[k], as_shipped[k], k)
                self.assertEqual(defaults[k], in_profile[k], k)
        h, aug = f['hyperparameters'], f['hyperparameters']['augmentation']
        self.assertEqual((defaults['lr'], defaults['batch'], defaults['dropout'], defaults['neftune'], defaults['epochs'],
                          defaults['augment_variants'], defaults['augment_from_answer'], defaults['augment_fresh'],
                          defaults['augment_hyper'], defaults['seed']),
                         (h['lr'], h['batch'], h['dropout'], h['neftune_alpha'], f['epochs'],
                          aug['variants_per_question'], aug['from_answer_per_fact'], aug['fresh_each_epoch'],
                          aug['hypernyms'], aug['seed']))
        self.assertIn(f"warm-up {defaults['warmup_steps']} steps", h['schedule'])

    def test_article_fine_tuning_defaults_are_the_shipped_article_model(self):
        path = os.path.join(ROOT, 'public', 'models', 'fine-tuned-article', 'model-card.json')
        if not os.path.exists(path):
            self.skipTest('article-only fine-tuned model not built')
        ap = self.parsers['finetune_article']
        defaults = parse(ap)
        f = card('fine-tuned-article')['fine_tuning']
        h = f['hyperparameters']
        in_profile = parse(ap, recipe.args(recipe.settings(self.profiles['cpu'], 'finetune_article')))
        for k in defaults:
            if k.replace('_', '-') not in MACHINE:
                self.assertEqual(defaults[k], in_profile[k], k)
        self.assertEqual({k: defaults[k] for k in ('unit', 'lr', 'batch', 'epochs', 'warmup_steps', 'dropout',
                                                    'heldout_every', 'seed')},
                         {k: h[k] for k in ('unit', 'lr', 'batch', 'epochs', 'warmup_steps', 'dropout',
                                            'heldout_every', 'seed')})
        self.assertEqual((defaults['minutes'], f['epochs']), (h['budget_minutes'], h['epochs']))
        sel = f['selection']
        run = next(r for r in sel['candidates'] if r['run'] == sel['chosen'])
        self.assertEqual(parse(ap, shlex.split(run['setting']))['epochs'], defaults['epochs'])

    def test_reader_defaults_are_the_shipped_reader(self):
        # The shipped reader was trained by the CPU profile (its card names the machine): that recipe is the
        # script's defaults, and the card's hyperparameters say the same.
        ap = self.parsers['reader']
        defaults = parse(ap)
        c = card('reader')
        f = c['fine_tuning']
        self.assertIn('CPU', f['hardware'])
        in_profile = parse(ap, recipe.args(recipe.settings(self.profiles['cpu'], 'reader')))
        for k in defaults:
            if k.replace('_', '-') not in MACHINE:
                self.assertEqual(defaults[k], in_profile[k], k)
        h = f['hyperparameters']
        self.assertEqual((defaults['lr'], defaults['batch'], defaults['warmup_steps'], defaults['minutes'],
                          defaults['epochs'], defaults['dropout'], defaults['seed']),
                         (h['lr'], h['batch'], h['warmup_steps'], h['minutes_budget'], h['epochs_max'], h['dropout'],
                          h['seed']))
        self.assertIn(f"to {defaults['lr'] * defaults['min_lr_frac']:g}", h['schedule'])
        data = parse(self.parsers['reader_data'])
        # make_rc.py drops an example whose answer sentence is not among its lines: at most the requested counts.
        self.assertLessEqual(c['training_data']['heldout']['examples'], data['heldout'])
        self.assertLessEqual(c['training_data']['train_examples_generated'], data['train'])
        for profile in ('cpu', 'gpu'):
            self.assertEqual(recipe.settings(self.profiles[profile], 'reader_data'),
                             {k.replace('_', '-'): v for k, v in data.items() if k not in ('corpus', 'out', 'tok')})


class RetrievalEncoderRecipe(unittest.TestCase):
    def test_the_recipe_file_is_the_shipped_encoders(self):
        with open(os.path.join(TRAINING, 'retriever', 'encoder-config.json'), encoding='utf-8') as f:
            recipe_file = json.load(f)
        path = os.path.join(ROOT, 'public', 'retrieval', 'encoder', 'model-card.json')
        if not os.path.exists(path):
            self.skipTest('retrieval encoder not built')
        with open(path, encoding='utf-8') as f:
            shipped = json.load(f)['recipe']
        self.assertEqual(shipped, recipe_file)


if __name__ == '__main__':
    unittest.main()
