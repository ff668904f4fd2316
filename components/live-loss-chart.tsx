import { memo } from "react";
import type { StepReport } from "../lib/live-fine-tune/train";

const WIDTH = 320;
const HEIGHT = 120;
const PAD = { left: 34, right: 8, top: 8, bottom: 20 };

/**
 * The loss of each step as a line with one dot per step, drawn as plain SVG: it re-renders on every step
 * while training runs, and must cost the main thread next to nothing (a charting library's first render
 * alone was a long task here).
 */
export const LiveLossChart = memo(function LiveLossChart({ steps }: { steps: readonly StepReport[] }) {
  const top = Math.max(1, ...steps.map((s) => s.loss));
  const last = Math.max(2, steps.length);
  const x = (step: number) => PAD.left + ((step - 1) / (last - 1)) * (WIDTH - PAD.left - PAD.right);
  const y = (loss: number) => PAD.top + (1 - loss / top) * (HEIGHT - PAD.top - PAD.bottom);
  const points = steps.map((s) => `${x(s.step).toFixed(1)},${y(s.loss).toFixed(1)}`).join(" ");
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="h-36 w-full"
      role="img"
      aria-label={`Loss per step: ${steps.length} steps, last loss ${steps.at(-1)?.loss.toFixed(3) ?? "none yet"}`}
    >
      <line x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} stroke="#cbd5e1" />
      <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={y(0)} stroke="#cbd5e1" />
      <text x={PAD.left - 4} y={PAD.top + 4} textAnchor="end" fontSize="9" fill="#64748b">
        {top.toFixed(1)}
      </text>
      <text x={PAD.left - 4} y={y(0)} textAnchor="end" fontSize="9" fill="#64748b">
        0
      </text>
      <text x={PAD.left} y={HEIGHT - 6} fontSize="9" fill="#64748b">
        step 1
      </text>
      <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end" fontSize="9" fill="#64748b">
        {steps.length > 0 ? `step ${last}` : "loss on the answer tokens"}
      </text>
      <polyline points={points} fill="none" stroke="#7c3aed" strokeWidth="1.5" />
      {steps.map((s) => (
        <circle
          key={s.step}
          data-testid="live-loss-point"
          cx={x(s.step)}
          cy={y(s.loss)}
          r="2"
          fill="#7c3aed"
        />
      ))}
    </svg>
  );
});
