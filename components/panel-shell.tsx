import type { ReactNode } from "react";

/**
 * Where a panel's two parts go on a phone, where the page is one column: both panels' answers first (the
 * left one, then the right one), then both panels' details. On wider screens each panel is one card.
 */
const ORDER = {
  left: { top: "order-1", details: "order-3" },
  right: { top: "order-2", details: "order-4" },
} as const;

/**
 * The frame both pipelines share, so the two answers are read side by side in the same layout: a top part
 * (title, a plain subtitle, the answer with its verdict and headline timings) and the details below it. On a
 * phone the section lets its two parts join the page's grid (`display: contents`), so both answers come
 * before either panel's details.
 */
export function PanelShell({
  title,
  subtitle,
  badge,
  testId,
  side,
  top,
  details,
}: {
  title: string;
  subtitle: string;
  badge?: ReactNode;
  testId: string;
  side: keyof typeof ORDER;
  top: ReactNode;
  details: ReactNode;
}) {
  const card = "rounded-xl border border-slate-200 bg-white p-3 shadow-sm md:border-0 md:p-0 md:shadow-none";
  return (
    <section
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      className="contents md:flex md:min-w-0 md:flex-col md:gap-3 md:rounded-xl md:border md:border-slate-200 md:bg-white md:p-4 md:shadow-sm"
    >
      <div className={`${ORDER[side].top} ${card} flex min-w-0 flex-col gap-2`}>
        <header className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 id={`${testId}-title`} className="text-lg font-semibold text-slate-900">
              {title}
            </h2>
            <p className="presentation-hide text-xs text-slate-600">{subtitle}</p>
          </div>
          {badge}
        </header>
        {top}
      </div>
      <div className={`${ORDER[side].details} ${card} flex min-w-0 flex-col gap-3`}>{details}</div>
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
