"use client";
import { useEffect, useState } from "react";

/**
 * Reports when a worker has been busy for too long: a hung worker never answers, so without a deadline its
 * panel would wait forever. `key` identifies the wait (a new key restarts the clock).
 */
export function useWatchdog(waiting: boolean, key: string | number, timeoutMs: number): boolean {
  const [expired, setExpired] = useState<string | number | null>(null);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setExpired(key), timeoutMs);
    return () => clearTimeout(timer);
  }, [waiting, key, timeoutMs]);
  return waiting && expired === key;
}
