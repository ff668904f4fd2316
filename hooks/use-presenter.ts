"use client";
import { useCallback, useEffect, useState } from "react";
import { requestedPace } from "../lib/models/load-progress";
import { remember } from "./use-linked-state";

/** The pause before each token in slow motion: slow enough to read along, fast enough to wait for. */
export const SLOW_MOTION_MS = 150;
/** The RAG pipeline's stages as the stage view numbers them: the question, retrieval, augmentation, generation. */
export const STAGES = 4;

/**
 * A presenter's state: slow motion (a pause before each generated token, carried in the address as
 * `?pace=`, which the workers read), the RAG stages revealed one at a time, and the two dialogs.
 */
export function usePresenter(answerId: number | null) {
  const [slowMotion, setSlowMotion] = useState(false);
  const [stepByStep, setStepByStep] = useState(false);
  const [revealed, setRevealed] = useState(1);
  const [helpOpen, setHelpOpen] = useState(false);
  const [resetOpen, setResetOpen] = useState(false);

  useEffect(() => {
    setSlowMotion(requestedPace(window.location.search) > 0);
  }, []);

  // Each new answer starts again from its first stage.
  useEffect(() => {
    if (answerId !== null) setRevealed(1);
  }, [answerId]);

  const toggleSlowMotion = useCallback(() => {
    setSlowMotion((on) => {
      remember("pace", on ? null : String(SLOW_MOTION_MS));
      return !on;
    });
  }, []);
  const toggleStepByStep = useCallback(() => setStepByStep((on) => !on), []);
  const nextStage = useCallback(() => {
    setStepByStep(true);
    setRevealed((n) => Math.min(STAGES, n + 1));
  }, []);

  return {
    slowMotion,
    toggleSlowMotion,
    stepByStep,
    toggleStepByStep,
    nextStage,
    revealStages: stepByStep ? revealed : null,
    helpOpen,
    setHelpOpen,
    resetOpen,
    setResetOpen,
  };
}
