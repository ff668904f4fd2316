import { describe, expect, it } from "vitest";
import { CHART_BACKGROUND, CHART_MUTED_TEXT, CHART_TEXT, PALETTE } from "./palette";

/** WCAG 2's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const channel = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

describe("the charts' palette", () => {
  it("computes WCAG contrast as published (white on black 21:1, #767676 on white 4.54:1)", () => {
    expect(contrast("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("gives every colour text contrast (4.5:1) against the charts' background, so graphics pass 3:1 too", () => {
    for (const [name, colour] of Object.entries({ ...PALETTE, CHART_TEXT, CHART_MUTED_TEXT })) {
      expect(contrast(colour, CHART_BACKGROUND), name).toBeGreaterThanOrEqual(4.5);
    }
  });
});
