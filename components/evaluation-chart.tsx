"use client";
import { type ReactNode, useEffect, useRef, useState } from "react";
import {
  Bar,
  BarChart,
  type BarShapeProps,
  CartesianGrid,
  Cell,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from "recharts";
import { CHART_GRID, CHART_MUTED_TEXT, CHART_TEXT } from "../lib/evaluation/palette";

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
}

/** One bar group: its words on the axis, and a percentage per series. */
export type ChartRow = { label: string } & Record<string, string | number>;

// Bars, gaps and the axis grow with the type, so a label wrapped to three lines still fits beside its bars.
const barPx = (fontSize: number) => Math.round(fontSize * 1.7);
const groupGapPx = (fontSize: number) => Math.round(fontSize * 1.2);
const axisPx = (fontSize: number) => Math.round(fontSize * 2.4);

const percent = (value: unknown) => `${value}%`;

/** The width an element is laid out at, followed as the window changes (0 before the first layout). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

// Recharts drops a bar of width 0, and its value label with it, unless the bar has a shape of its own: a 0%
// bar draws nothing, but its label must still say 0%.
const barShape = (props: BarShapeProps) => <Rectangle {...props} />;

/**
 * A horizontal bar chart of percentages, read by someone who is not a specialist: every bar group named on
 * the axis in words (wrapped, never skipped), every bar labelled with its value, one sentence under the title
 * saying what the chart shows, and a legend in text colour only where there is more than one series (with
 * one series, `rowColors` colours each bar as the rest of the page colours that system). A screen reader
 * reads the same figures as a table instead of the drawing.
 */
export function EvaluationChart({
  testId,
  title,
  caption,
  rows,
  series,
  rowColors,
  fontSize,
}: {
  testId: string;
  title: string;
  caption: ReactNode;
  rows: readonly ChartRow[];
  series: readonly ChartSeries[];
  rowColors?: readonly string[];
  fontSize: number;
}) {
  const { ref, width } = useWidth();
  // The names take at most about a third of a narrow chart (wrapping onto more lines), so the bars keep room.
  const labelWidth = Math.round(Math.min(fontSize * 11, Math.max(fontSize * 6, width * 0.36)));
  // Each group is as tall as its bars, or as the longest name once wrapped (an estimate: a character is about
  // 0.6 of the type size wide), so no name runs into the next group's.
  const lines = Math.max(...rows.map((row) => Math.ceil((row.label.length * fontSize * 0.6) / labelWidth)));
  const groupPx = Math.max(series.length * barPx(fontSize), lines * fontSize * 1.2) + groupGapPx(fontSize);
  const height = rows.length * groupPx + axisPx(fontSize);
  const valueWidth = fontSize * 4;
  const roomy = width - labelWidth - valueWidth > fontSize * 20;
  return (
    <figure
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      className="flex flex-col gap-2 self-start rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id={`${testId}-title`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <figcaption data-testid="chart-caption" className="text-sm text-slate-700">
        {caption}
      </figcaption>
      {series.length > 1 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800" data-testid="chart-legend">
          {series.map((entry) => (
            <li key={entry.key} className="flex items-center gap-1.5">
              <span
                aria-hidden="true"
                className="inline-block size-3 rounded-sm"
                style={{ background: entry.color }}
              />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
      <div ref={ref} aria-hidden="true" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            layout="vertical"
            data={[...rows]}
            accessibilityLayer={false}
            barGap={3}
            barCategoryGap={(groupPx - series.length * barPx(fontSize)) / 2}
            margin={{ top: 0, right: valueWidth, bottom: 0, left: 0 }}
          >
            <CartesianGrid horizontal={false} stroke={CHART_GRID} strokeDasharray="3 3" />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={roomy ? [0, 25, 50, 75, 100] : [0, 50, 100]}
              tickFormatter={percent}
              tick={{ fontSize, fill: CHART_MUTED_TEXT }}
              stroke={CHART_GRID}
            />
            <YAxis
              type="category"
              dataKey="label"
              interval={0}
              width={labelWidth}
              tick={{ fontSize, fill: CHART_TEXT }}
              stroke={CHART_GRID}
            />
            {series.map((entry) => (
              <Bar
                key={entry.key}
                dataKey={entry.key}
                name={entry.label}
                fill={entry.color}
                barSize={barPx(fontSize) - 3}
                shape={barShape}
                isAnimationActive={false}
              >
                {rowColors?.map((color, index) => (
                  <Cell key={rows[index]?.label ?? index} fill={color} />
                ))}
                <LabelList
                  dataKey={entry.key}
                  position="right"
                  formatter={percent}
                  fill={CHART_TEXT}
                  fontSize={fontSize}
                  className="chart-value"
                />
              </Bar>
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      {/* A table ignores a 1px width and would widen the page: the visually hidden box is a div around it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Measured for</th>
              {series.map((entry) => (
                <th key={entry.key} scope="col">
                  {entry.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {series.map((entry) => (
                  <td key={entry.key}>{percent(row[entry.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
