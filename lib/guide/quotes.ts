import type { Guide, Quote } from "./types";

/** One run of a block's text: quoted (with the quote's id) or not. */
export interface Segment {
  text: string;
  quoteId?: string;
}

/** A paragraph or list item of the article, cut into segments so each quoted sentence can carry an anchor. */
export interface ExcerptBlock {
  /** The anchor of the whole block (a list item's label, or the paragraph's place in its section). */
  id: string;
  kind: "item" | "paragraph";
  /** A list item's label ("Knowledge Seeker"); the text after it is in `segments`. */
  label?: string;
  segments: Segment[];
}

export interface ExcerptSection {
  id: string;
  heading: string;
  blocks: ExcerptBlock[];
  /** Whether paragraphs without a quote were left out. */
  partial: boolean;
}

/** The anchor of a quoted sentence on the guide page. */
export const quoteAnchor = (quoteId: string) => `quote-${quoteId}`;

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

interface Section {
  heading: string;
  body: string[];
}

/** The article's sections as Markdown headings cut them (the .md file adds only heading marks and blank lines). */
export function sections(markdown: string): Section[] {
  const result: Section[] = [];
  for (const line of markdown.split("\n")) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading?.[1] !== undefined) result.push({ heading: heading[1].trim(), body: [] });
    else result[result.length - 1]?.body.push(line);
  }
  return result;
}

/** The blocks of a section: each list item, and each paragraph (lines up to a blank line). */
function blocks(section: Section): { kind: "item" | "paragraph"; text: string }[] {
  const result: { kind: "item" | "paragraph"; text: string }[] = [];
  for (const line of section.body) {
    if (line.trim() === "") continue;
    if (line.startsWith("- ")) result.push({ kind: "item", text: line.slice(2).trim() });
    else result.push({ kind: "paragraph", text: line.trim() });
  }
  return result;
}

/** The labels of a section's list items ("Knowledge Seeker", …): the criteria of a when-to-choose list. */
export function listLabels(markdown: string, heading: string): string[] {
  const section = sections(markdown).find(
    (s) => s.heading === heading && blocks(s).some((b) => b.kind === "item"),
  );
  if (!section) return [];
  return blocks(section)
    .filter((b) => b.kind === "item")
    .map((b) => b.text.split(":")[0]?.trim() ?? "");
}

/**
 * Where a quote stands: the section under its heading that holds its exact text. Throws when the text is not
 * in the article under that heading, so a build with a misquoted sentence fails.
 */
export function findQuote(markdown: string | readonly Section[], quote: Quote): Section {
  const all = typeof markdown === "string" ? sections(markdown) : markdown;
  const section = all.find((s) => s.heading === quote.heading && s.body.join("\n").includes(quote.text));
  if (!section) throw new Error(`not in the article under "${quote.heading}": ${quote.text}`);
  return section;
}

function segment(text: string, quotes: readonly [string, Quote][]): Segment[] {
  const found = quotes
    .map(([id, quote]) => ({ id, start: text.indexOf(quote.text), length: quote.text.length }))
    .filter((q) => q.start >= 0)
    .sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const quote of found) {
    if (quote.start < cursor) throw new Error(`quote "${quote.id}" overlaps another quote`);
    if (quote.start > cursor) segments.push({ text: text.slice(cursor, quote.start) });
    segments.push({ text: text.slice(quote.start, quote.start + quote.length), quoteId: quote.id });
    cursor = quote.start + quote.length;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}

/**
 * The parts of the article the guide quotes, in the article's order: every section a quote sits in, with
 * its list items whole and, of its paragraphs, those that hold a quote. Each quoted sentence becomes a
 * segment with its quote id, so the page can give it an anchor.
 */
export function articleExcerpt(markdown: string, guide: Guide): ExcerptSection[] {
  const quotes = Object.entries(guide.quotes);
  const all = sections(markdown);
  const found = new Set(quotes.map(([, quote]) => findQuote(all, quote)));
  return all
    .filter((section) => found.has(section))
    .map((section) => {
      const sectionQuotes = quotes.filter(([, q]) => q.heading === section.heading);
      const every = blocks(section);
      const kept = every.filter(
        (b) => b.kind === "item" || sectionQuotes.some(([, q]) => b.text.includes(q.text)),
      );
      const id = `article-${slug(section.heading)}`;
      return {
        id,
        heading: section.heading,
        partial: kept.length < every.length,
        blocks: kept.map((block) => {
          if (block.kind === "paragraph") {
            return {
              id: `${id}-p${every.indexOf(block) + 1}`,
              kind: block.kind,
              segments: segment(block.text, sectionQuotes),
            };
          }
          const colon = block.text.indexOf(":");
          const label = colon > 0 ? block.text.slice(0, colon) : undefined;
          const rest = label === undefined ? block.text : block.text.slice(colon + 1).trimStart();
          return {
            id: `article-${slug(label ?? rest.slice(0, 40))}`,
            kind: block.kind,
            ...(label === undefined ? {} : { label }),
            segments: segment(rest, sectionQuotes),
          };
        }),
      };
    });
}
