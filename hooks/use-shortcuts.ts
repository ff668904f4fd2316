"use client";
import { useEffect, useRef } from "react";

/** A presenter's keys, each with what it does (the help dialog lists them from here). */
export const SHORTCUTS = [
  { key: "n", label: "Next question of the set" },
  { key: "p", label: "Previous question of the set" },
  { key: "m", label: "Switch how RAG answers (generative / extractive)" },
  { key: "s", label: "Reveal the next stage of the RAG pipeline" },
  { key: "l", label: "Ask again in slow motion" },
  { key: "r", label: "Reset the demo" },
  { key: "?", label: "Show these shortcuts" },
] as const;

export type ShortcutKey = (typeof SHORTCUTS)[number]["key"];

/**
 * Single keys for a presenter, ignored while typing in a field or with a modifier held, so they never
 * swallow text or a browser shortcut.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutKey, () => void>>) {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=true], dialog")) return;
      const handler = current.current[event.key as ShortcutKey];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
