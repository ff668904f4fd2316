/**
 * The colours of /evaluation's charts, one palette: each is at least 4.5:1 against the charts' white, so a bar
 * passes WCAG's 3:1 for graphics and the colour would still pass as text (lib/evaluation/palette.test.ts
 * checks). Bars stand apart with white between them, so two series need not contrast with each other.
 */
export const CHART_BACKGROUND = "#ffffff";

export const PALETTE = {
  ragExtractive: "#1d4ed8",
  ragGenerative: "#6d28d9",
  fineTuned: "#c2410c",
  firstPassage: "#0f766e",
  topThreePassages: "#1d4ed8",
  articleOnly: "#0f766e",
  withQuestions: "#1d4ed8",
} as const;

/** Value labels, axis words and legends: the page's body text colour. */
export const CHART_TEXT = "#0f172a";
export const CHART_MUTED_TEXT = "#334155";
export const CHART_GRID = "#cbd5e1";
