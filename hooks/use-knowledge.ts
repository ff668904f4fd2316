"use client";
import { useCallback, useEffect, useState } from "react";
import { DEFAULT_KNOWLEDGE, type Knowledge, requestedKnowledge } from "../lib/rag/knowledge";
import { remember } from "./use-linked-state";

/** The setting a worker starts with: the address's (`?knowledge=`), read when the worker starts. */
export const knowledgeInAddress = (): Knowledge =>
  requestedKnowledge(window.location.search) ?? DEFAULT_KNOWLEDGE;

/**
 * What each approach was given, for both panels at once. The address holds it, so a shared link shows the
 * same setting; the first render is the default's, as the static page is, and the address's follows.
 */
export function useKnowledge() {
  const [knowledge, setKnowledge] = useState<Knowledge>(DEFAULT_KNOWLEDGE);
  useEffect(() => setKnowledge(knowledgeInAddress()), []);
  const choose = useCallback((next: Knowledge) => {
    remember("knowledge", next === DEFAULT_KNOWLEDGE ? null : next);
    setKnowledge(next);
  }, []);
  return { knowledge, choose };
}
