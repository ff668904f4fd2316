"""The fine-tuned model's prompt format (data/prompt-format.json, shared with the app's lib/fine-tuned/prompt.ts):
building a prompt and cleaning a generated answer. Standard library only; pinned by data/text-rules/cases.json."""
import json, os, re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_prompt_format():
    return json.load(open(os.path.join(ROOT, 'data', 'prompt-format.json')))


def build_prompt(fmt, question):
    # replace, not format: a question may hold braces (the app's formatPrompt does the same).
    return fmt['template'].replace('{question}', question)


def clean_answer(generated, fmt):
    """Same as the app's cleanAnswer (lib/fine-tuned/prompt.ts): cut at end-of-text and at a new
    "Question:" turn, collapse whitespace."""
    end = generated.find(fmt['eos'])
    text = generated[:end] if end >= 0 else generated
    m = re.search(r'\n\s*Question:', text)
    if m:
        text = text[:m.start()]
    return re.sub(r'\s+', ' ', text).strip()
