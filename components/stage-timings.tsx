import { formatMs } from "../lib/format";

export interface StageTiming {
  label: string;
  ms: number;
}

export function StageTimings({ stages, testId }: { stages: readonly StageTiming[]; testId: string }) {
  return (
    <dl data-testid={testId} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 text-xs text-slate-600">
      {stages.map((stage) => (
        <div
          key={stage.label}
          className="flex gap-1"
          data-testid={`${testId}-${stage.label.toLowerCase().replace(/\W+/g, "-")}`}
        >
          <dt>{stage.label}</dt>
          <dd data-ms={stage.ms} className="font-mono font-semibold text-slate-900">
            {formatMs(stage.ms)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
