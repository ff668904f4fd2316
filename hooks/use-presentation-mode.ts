"use client";
import { useCallback, useEffect, useState } from "react";

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
      const url = new URL(window.location.href);
      if (current) url.searchParams.delete(PARAM);
      else url.searchParams.set(PARAM, "1");
      window.history.replaceState(null, "", url);
      return !current;
    });
  }, []);

  return { on, toggle };
}
