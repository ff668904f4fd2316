"use client";
import { useCallback, useEffect, useState } from "react";
import { remember } from "./use-linked-state";

const PARAM = "present";

/**
 * Presentation mode: large type and high contrast for a projector. It lives in the address (`?present=1`)
 * so a prepared link opens in it, and on <html> so every part of the page can follow it with CSS.
 */
export function usePresentationMode() {
  const [on, setOn] = useState(false);

  useEffect(() => {
    setOn(new URLSearchParams(window.location.search).get(PARAM) === "1");
  }, []);

  useEffect(() => {
    document.documentElement.classList.toggle("presentation", on);
  }, [on]);

  const toggle = useCallback(() => {
    setOn((current) => {
      remember(PARAM, current ? null : "1");
      return !current;
    });
  }, []);

  return { on, toggle };
}
