"use client";
import { memo, useEffect, useRef } from "react";
import { SHORTCUTS } from "../hooks/use-shortcuts";

const BUTTON =
  "rounded-full border border-slate-300 bg-white px-3 py-1 text-xs font-medium hover:bg-slate-100 aria-pressed:border-sky-700 aria-pressed:bg-sky-50 aria-pressed:text-sky-900";

/** A modal dialog that opens while `open` is true and reports when it closes (Escape, or its buttons). */
function Dialog({
  open,
  onClose,
  labelledBy,
  testId,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  testId: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      data-testid={testId}
      aria-labelledby={labelledBy}
      onClose={onClose}
      className="m-auto max-w-md rounded-xl border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      {children}
    </dialog>
  );
}

/**
 * A presenter's controls: presentation mode, slow motion, revealing the RAG stages one at a time, the
 * keyboard shortcuts and resetting the demo (after a confirmation).
 */
export const PresenterBar = memo(function PresenterBar({
  presentation,
  onPresentation,
  slowMotion,
  onSlowMotion,
  stepByStep,
  onStepByStep,
  onNextStage,
  helpOpen,
  onHelp,
  resetOpen,
  onReset,
  onResetConfirmed,
}: {
  presentation: boolean;
  onPresentation: () => void;
  slowMotion: boolean;
  onSlowMotion: () => void;
  stepByStep: boolean;
  onStepByStep: () => void;
  onNextStage: () => void;
  helpOpen: boolean;
  onHelp: (open: boolean) => void;
  resetOpen: boolean;
  onReset: (open: boolean) => void;
  onResetConfirmed: () => void;
}) {
  return (
    <div role="toolbar" aria-label="Presenter's controls" className="flex flex-wrap justify-end gap-2">
      <button
        type="button"
        data-testid="presentation-toggle"
        aria-pressed={presentation}
        onClick={onPresentation}
        className={BUTTON}
      >
        Presentation mode
      </button>
      <button
        type="button"
        data-testid="slow-motion"
        aria-pressed={slowMotion}
        onClick={onSlowMotion}
        className={BUTTON}
      >
        Slow motion
      </button>
      <button
        type="button"
        data-testid="step-by-step"
        aria-pressed={stepByStep}
        onClick={onStepByStep}
        className={BUTTON}
      >
        Stages one by one
      </button>
      {stepByStep && (
        <button type="button" data-testid="next-stage" onClick={onNextStage} className={BUTTON}>
          Reveal the next stage
        </button>
      )}
      <button type="button" data-testid="shortcuts-button" onClick={() => onHelp(true)} className={BUTTON}>
        Shortcuts (?)
      </button>
      <button type="button" data-testid="reset-demo" onClick={() => onReset(true)} className={BUTTON}>
        Reset demo
      </button>
      <Dialog
        open={helpOpen}
        onClose={() => onHelp(false)}
        labelledBy="shortcuts-title"
        testId="shortcuts-dialog"
      >
        <h2 id="shortcuts-title" className="mb-2 text-lg font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {SHORTCUTS.map((shortcut) => (
            <div key={shortcut.key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-400 bg-slate-100 px-1.5 font-mono">
                  {shortcut.key}
                </kbd>
              </dt>
              <dd>{shortcut.label}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2 text-xs text-slate-600">They work whenever the cursor is not in a text field.</p>
        <button type="button" onClick={() => onHelp(false)} className={`${BUTTON} mt-3`}>
          Close
        </button>
      </Dialog>
      <Dialog open={resetOpen} onClose={() => onReset(false)} labelledBy="reset-title" testId="reset-dialog">
        <h2 id="reset-title" className="mb-2 text-lg font-semibold">
          Reset the demo?
        </h2>
        <p className="text-sm">
          This removes every document and passage edit added in this browser, clears both answers and the
          lesson record, and goes back to the shipped fine-tuned model.
        </p>
        <div className="mt-3 flex gap-2">
          <button
            type="button"
            data-testid="reset-confirm"
            onClick={() => {
              onReset(false);
              onResetConfirmed();
            }}
            className="rounded bg-red-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-800"
          >
            Reset
          </button>
          <button type="button" onClick={() => onReset(false)} className={BUTTON}>
            Cancel
          </button>
        </div>
      </Dialog>
    </div>
  );
});
