/** The presentation-mode switch of the pages other than the demo (whose presenter bar has its own). */
export function PresentationToggle({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      data-testid="presentation-toggle"
      aria-pressed={on}
      onClick={onToggle}
      className="rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium hover:bg-slate-100"
    >
      {on ? "Leave presentation mode" : "Presentation mode"}
    </button>
  );
}
