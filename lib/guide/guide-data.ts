import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  APPROACHES,
  type Approach,
  type Choice,
  type Conflict,
  type Criterion,
  DONT_KNOW,
  EVIDENCE_TOPICS,
  type EvidenceTopic,
  type Guide,
  OUTCOMES,
  type Quote,
  type Rule,
  WEIGHTS,
  type Weight,
} from "./types";

const CODE = /^[a-z]{2}$/;
// Choice ids travel in the address between "." and "_", so they may hold only letters and hyphens.
const CHOICE_ID = /^[a-z]+(-[a-z]+)*$/;

type Json = Record<string, unknown>;

function fail(where: string, what: string): never {
  throw new Error(`data/guide/criteria.json: ${where}: ${what}`);
}

function object(value: unknown, where: string): Json {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(where, "expected an object");
  return value as Json;
}

function text(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "") fail(where, "expected a non-empty string");
  return value;
}

function list(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, "expected a list");
  return value;
}

function positive(value: unknown, where: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    fail(where, "expected a whole number ≥ 1");
  return value;
}

function approach(value: unknown, where: string): Approach {
  if (!APPROACHES.includes(value as Approach)) fail(where, `expected one of ${APPROACHES.join(", ")}`);
  return value as Approach;
}

function parseChoice(value: unknown, where: string, quotes: Record<string, Quote>): Choice {
  const json = object(value, where);
  const id = text(json.id, `${where}.id`);
  if (!CHOICE_ID.test(id)) fail(`${where}.id`, `"${id}" must be lowercase letters and hyphens`);
  const favours = json.favours === null ? null : approach(json.favours, `${where}.favours`);
  if (!WEIGHTS.includes(json.weight as Weight))
    fail(`${where}.weight`, `expected one of ${WEIGHTS.join(", ")}`);
  const weight = json.weight as Weight;
  // A side with no points, or points for no side, would make the reason say one thing and the sum another.
  if ((favours === null) !== (weight === 0)) fail(where, "favours is null exactly when weight is 0");
  const quoteIds = list(json.quotes, `${where}.quotes`).map((q, i) => text(q, `${where}.quotes[${i}]`));
  for (const q of quoteIds) if (!(q in quotes)) fail(`${where}.quotes`, `unknown quote "${q}"`);
  return {
    id,
    label: text(json.label, `${where}.label`),
    favours,
    weight,
    quotes: quoteIds,
    reason: text(json.reason, `${where}.reason`),
    ...(json.silent === undefined ? {} : { silent: text(json.silent, `${where}.silent`) }),
    ...(json.caveat === undefined ? {} : { caveat: text(json.caveat, `${where}.caveat`) }),
  };
}

function parseCriterion(value: unknown, where: string, quotes: Record<string, Quote>): Criterion {
  const json = object(value, where);
  const code = text(json.code, `${where}.code`);
  if (!CODE.test(code)) fail(`${where}.code`, `"${code}" must be two lowercase letters`);
  const choices = list(json.choices, `${where}.choices`).map((c, i) =>
    parseChoice(c, `${where}.choices[${i}]`, quotes),
  );
  if (choices.length < 3) fail(`${where}.choices`, "at least two answers and “don't know”");
  if (new Set(choices.map((c) => c.id)).size !== choices.length) fail(`${where}.choices`, "duplicate ids");
  const last = choices[choices.length - 1];
  if (last?.id !== DONT_KNOW || last.favours !== null || last.quotes.length > 0) {
    fail(
      `${where}.choices`,
      `the last choice is "${DONT_KNOW}" (don't know), favouring no side, quoting nothing`,
    );
  }
  const evidence = list(json.evidence, `${where}.evidence`).map((topic, i) => {
    if (!EVIDENCE_TOPICS.includes(topic as EvidenceTopic)) fail(`${where}.evidence[${i}]`, `unknown topic`);
    return topic as EvidenceTopic;
  });
  return {
    id: text(json.id, `${where}.id`),
    code,
    name: text(json.name, `${where}.name`),
    list: approach(json.list, `${where}.list`),
    question: text(json.question, `${where}.question`),
    hint: text(json.hint, `${where}.hint`),
    evidence,
    demoSet: text(json.demoSet, `${where}.demoSet`),
    choices,
  };
}

function parseRule(value: unknown): Rule {
  const json = object(value, "rule");
  const rule = { strong: positive(json.strong, "rule.strong"), margin: positive(json.margin, "rule.margin") };
  if (rule.margin <= Math.max(...WEIGHTS)) fail("rule.margin", "must exceed the largest weight");
  return rule;
}

/** Reads and checks the guide's data: every reference inside it resolves, or this throws naming the place. */
export function parseGuide(value: unknown): Guide {
  const json = object(value, "top level");
  const article = object(json.article, "article");
  const lists = object(article.lists, "article.lists");
  const quotes: Record<string, Quote> = {};
  for (const [id, quote] of Object.entries(object(json.quotes, "quotes"))) {
    const q = object(quote, `quotes.${id}`);
    quotes[id] = {
      heading: text(q.heading, `quotes.${id}.heading`),
      text: text(q.text, `quotes.${id}.text`),
    };
  }
  const outcomesJson = object(json.outcomes, "outcomes");
  const outcomes = Object.fromEntries(
    OUTCOMES.map((outcome) => {
      const o = object(outcomesJson[outcome], `outcomes.${outcome}`);
      const quote = text(o.quote, `outcomes.${outcome}.quote`);
      if (!(quote in quotes)) fail(`outcomes.${outcome}.quote`, `unknown quote "${quote}"`);
      return [
        outcome,
        {
          title: text(o.title, `outcomes.${outcome}.title`),
          summary: text(o.summary, `outcomes.${outcome}.summary`),
          quote,
        },
      ];
    }),
  ) as Guide["outcomes"];
  const criteria = list(json.criteria, "criteria").map((c, i) => parseCriterion(c, `criteria[${i}]`, quotes));
  for (const key of ["id", "code"] as const) {
    if (new Set(criteria.map((c) => c[key])).size !== criteria.length) fail("criteria", `duplicate ${key}s`);
  }
  const answerKeys = new Set(criteria.flatMap((c) => c.choices.map((choice) => `${c.code}.${choice.id}`)));
  const conflicts: Conflict[] = list(json.conflicts, "conflicts").map((c, i) => {
    const conflict = object(c, `conflicts[${i}]`);
    const answers = list(conflict.answers, `conflicts[${i}].answers`).map((a, j) =>
      text(a, `conflicts[${i}].answers[${j}]`),
    );
    for (const a of answers) if (!answerKeys.has(a)) fail(`conflicts[${i}]`, `unknown answer "${a}"`);
    if (answers.length < 2) fail(`conflicts[${i}]`, "a conflict needs at least two answers");
    return { answers, note: text(conflict.note, `conflicts[${i}].note`) };
  });
  return {
    article: {
      url: text(article.url, "article.url"),
      lists: {
        rag: text(lists.rag, "article.lists.rag"),
        "fine-tuning": text(lists["fine-tuning"], "lists"),
      },
    },
    rule: parseRule(json.rule),
    quotes,
    outcomes,
    criteria,
    conflicts,
  };
}

export const GUIDE_DATA = join("data", "guide", "criteria.json");

/**
 * The guide as shipped: data/guide/criteria.json, read from disk (at build time for the page; in Node for the
 * tests) and checked.
 */
export function loadGuide(root = process.cwd()): Guide {
  return parseGuide(JSON.parse(readFileSync(join(root, GUIDE_DATA), "utf8")));
}
