/**
 * Splits Markdown or plain text into blocks: headings, paragraphs, list items and tables.
 * Only the Markdown the article and user documents need is understood; anything else is paragraph text.
 */
export type Block =
  | { type: "heading"; level: number; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list-item"; text: string }
  | { type: "table"; header: string[]; rows: string[][] };

const HEADING = /^(#{1,6})\s+(.*)$/;
// Markdown's markers, and the bullets a word processor's text carries when it is pasted ("•", "◦", "▪", "‣").
const LIST_ITEM = /^\s*(?:[-*+•◦▪‣]|\d+[.)])\s+(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

export function splitTableRow(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split("|").map((cell) => cell.trim());
}

function isTableStart(lines: readonly string[], index: number): boolean {
  const line = lines[index] ?? "";
  const next = lines[index + 1] ?? "";
  return line.includes("|") && TABLE_SEPARATOR.test(next);
}

// What a Markdown file may carry that is not its text: a metadata header ("---\ntitle: Notes\n---" at the very
// start) and comments. Left in, each became a passage of its own, cited like the text.
const FRONT_MATTER = /^---\n[\s\S]*?\n---[ \t]*(?:\n|$)/;
const COMMENT = /<!--[\s\S]*?-->/g;
// A thematic break ("---", "* * *") separates blocks, as a blank line does.
const THEMATIC_BREAK = /^\s*([-*_])(?:\s*\1){2,}\s*$/;

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, "\n").replace(FRONT_MATTER, "").replace(COMMENT, "").split("\n");
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", text: paragraph.join("\n") });
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.trim() === "" || THEMATIC_BREAK.test(line)) {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: "heading", level: heading[1]?.length ?? 1, text: (heading[2] ?? "").trim() });
      continue;
    }
    if (isTableStart(lines, i)) {
      flush();
      const header = splitTableRow(line);
      const rows: string[][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? "").includes("|")) {
        rows.push(splitTableRow(lines[i] ?? ""));
        i++;
      }
      i--;
      blocks.push({ type: "table", header, rows });
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      blocks.push({ type: "list-item", text: (item[1] ?? "").trim() });
      continue;
    }
    paragraph.push(line.trim());
  }
  flush();
  return blocks;
}
