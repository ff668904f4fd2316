"use client";
import { type ReactNode, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { GLOSSARY_PATH, type GlossaryId, glossaryEntry, termAnchor } from "../lib/glossary";

/** Keeps an open definition this far from the edges of a narrow screen. */
const EDGE_PX = 8;

/**
 * A word in running text that opens its glossary definition in place: a button (so keyboard, touch and screen
 * readers all reach it) that says whether it is expanded, controlling the definition just below it. A second
 * press, Escape (focus returns to the word) or a press elsewhere closes it. Phrasing content only, so it sits
 * inside a sentence, a caption or a table cell.
 */
export function GlossaryTerm({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const entry = glossaryEntry(id);
  const [open, setOpen] = useState(false);
  const [shift, setShift] = useState(0);
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLSpanElement>(null);
  const panelId = `glossary-${id}-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  // A word near the right edge of a phone's screen would push its definition off the screen: move it back in.
  useLayoutEffect(() => {
    if (!open || !panel.current) {
      setShift(0);
      return;
    }
    const { left, right } = panel.current.getBoundingClientRect();
    const overflow = right - (document.documentElement.clientWidth - EDGE_PX);
    setShift(overflow > 0 ? Math.min(overflow, left - EDGE_PX) : 0);
  }, [open]);

  return (
    <span ref={wrapper} className="relative">
      <button
        ref={button}
        type="button"
        data-testid="glossary-term"
        data-term={id}
        aria-expanded={open}
        aria-controls={panelId}
        aria-describedby={open ? panelId : undefined}
        onClick={() => setOpen((current) => !current)}
        className="cursor-help rounded-sm text-start underline decoration-dotted decoration-2 underline-offset-2 hover:decoration-solid focus-visible:outline-2 focus-visible:outline-sky-700"
      >
        {children ?? entry.term}
      </button>
      <span
        ref={panel}
        id={panelId}
        data-testid="glossary-definition"
        hidden={!open}
        style={{ transform: `translateX(${-shift}px)` }}
        className="absolute top-full left-0 z-20 mt-1 block w-72 max-w-[calc(100vw-1rem)] rounded-lg border border-slate-300 bg-white p-3 text-left text-sm font-normal normal-case tracking-normal whitespace-normal text-slate-800 shadow-lg"
      >
        <span className="block font-semibold text-slate-900">{entry.term}</span>
        <span className="mt-1 block">{entry.definition}</span>
        {entry.more && <span className="mt-1 block text-xs text-slate-700">{entry.more}</span>}
        <a
          href={`${GLOSSARY_PATH}#${termAnchor(id)}`}
          className="mt-2 inline-block text-xs text-sky-800 underline"
        >
          Every term in the glossary
        </a>
      </span>
    </span>
  );
}
