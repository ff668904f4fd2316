import type { Passage, PassageKind } from "../../documents/types";

/** A passage's place in its run: the consecutive passages of one kind under one heading of one document. */
export interface RunPosition {
  /** The run's first passage: the run's name. */
  run: string;
  /** 1-based. */
  index: number;
  count: number;
  kind: PassageKind;
}

/** The passage's number in its document: ids are `<documentId>:<n>`, n counting in document order. */
function orderOf(passage: Passage): number {
  return Number(passage.id.slice(passage.id.lastIndexOf(":") + 1));
}

/**
 * Each passage's place in its run. A run is broken by a new heading, another kind of passage, or another
 * document, so "the first paragraph" after a list starts counting again, and two sections that share a
 * heading count separately.
 */
export function runPositions(passages: readonly Passage[]): Map<string, RunPosition> {
  const ordered = [...passages].sort(
    (a, b) => a.documentId.localeCompare(b.documentId) || orderOf(a) - orderOf(b),
  );
  const positions = new Map<string, RunPosition>();
  let run: Passage[] = [];
  const close = () => {
    const name = run[0]?.id ?? "";
    run.forEach((passage, i) => {
      positions.set(passage.id, { run: name, index: i + 1, count: run.length, kind: passage.kind });
    });
    run = [];
  };
  for (const passage of ordered) {
    const previous = run.at(-1);
    const continues =
      previous !== undefined &&
      previous.documentId === passage.documentId &&
      previous.section === passage.section &&
      previous.kind === passage.kind &&
      orderOf(passage) === orderOf(previous) + 1;
    if (!continues) close();
    run.push(passage);
  }
  close();
  return positions;
}
