import { formatBytes } from "../lib/format";

export function ProgressBar({
  label,
  loaded,
  total,
  testId,
}: {
  label: string;
  loaded: number;
  total: number;
  testId: string;
}) {
  const percent = total > 0 ? Math.min(100, Math.round((loaded / total) * 100)) : 0;
  return (
    <div data-testid={testId} className="text-xs text-slate-600">
      <div className="flex justify-between">
        <span>{label}</span>
        <span className="font-mono">
          {total > 0 ? `${formatBytes(loaded)} / ${formatBytes(total)}` : "starting…"}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="mt-1 h-1.5 overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
