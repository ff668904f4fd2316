import type { ReactNode } from "react";

/**
 * The container widths under which a table's rows stack (a Tailwind container query on its scrolling region,
 * `@container`): each as the classes that show a cell's own label there. Written out whole, so Tailwind finds
 * them.
 */
const SHOWN_UNDER = {
  "21rem": "@max-[21rem]:block",
  "36rem": "@max-[36rem]:block",
} as const;

/**
 * A cell's column name, shown above its content only when the table's rows stack. Screen readers have the
 * column header, so this copy is for eyes only.
 */
export function StackedLabel({ under, children }: { under: keyof typeof SHOWN_UNDER; children: ReactNode }) {
  return (
    <span
      aria-hidden="true"
      className={`hidden text-xs font-semibold uppercase tracking-wide text-slate-600 ${SHOWN_UNDER[under]}`}
    >
      {children}
    </span>
  );
}
