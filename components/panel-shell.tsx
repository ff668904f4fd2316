import type { ReactNode } from "react";

/** The frame both pipelines share, so the two answers are read side by side in the same layout. */
export function PanelShell({
  title,
  subtitle,
  badge,
  testId,
  children,
}: {
  title: string;
  subtitle: string;
  badge: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      className="flex min-w-0 flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      <header className="mb-3 flex flex-col gap-1">
        <h2 id={`${testId}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        <p className="text-xs text-slate-500">{subtitle}</p>
        <div>{badge}</div>
      </header>
      {children}
    </section>
  );
}

export function Badge({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700"
    >
      {children}
    </span>
  );
}

export function PanelError({
  message,
  detail,
  onRetry,
  testId,
}: {
  message: string;
  /** For developers: what is wrong and how to fix it, behind a disclosure. */
  detail?: string;
  /** Absent where the panel still works and the next question is the way on (a refused question). */
  onRetry?: () => void;
  testId: string;
}) {
  return (
    <div
      role="alert"
      data-testid={testId}
      className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
    >
      <p>{message}</p>
      {detail && (
        <details className="mt-1 text-xs text-red-900">
          <summary className="cursor-pointer">Details for developers</summary>
          <p data-testid={`${testId}-detail`} className="mt-1 break-words font-mono">
            {detail}
          </p>
        </details>
      )}
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded border border-red-300 bg-white px-2 py-1 text-xs font-medium hover:bg-red-100"
        >
          Retry
        </button>
      )}
    </div>
  );
}
