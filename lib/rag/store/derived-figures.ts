import type { Passage } from "../../documents/types";
import { analyze } from "./analyzer";
import { type RunPosition, runPositions } from "./runs";
import { signposts } from "./signposts";
import { createViewStore, type ViewStore } from "./view-store";
import type { Vocabulary } from "./vocabulary";

/** What these figures read of a stored passage (passage-store.ts's entries): its views, and where they start. */
interface Entry {
  passage: Passage;
  views: Int32Array[];
  first: number;
  embeddings: Float32Array;
}

/** Loads every entry's views into the view store, noting where each entry's views start. */
function loadViews(
  viewStore: ViewStore,
  entries: ReadonlyMap<string, Entry>,
  vocabulary: Vocabulary,
  dimensions: number,
): void {
  const all: Int32Array[] = [];
  const embeddings: Float32Array[] = [];
  for (const entry of entries.values()) {
    entry.first = all.length;
    all.push(...entry.views);
    for (let v = 0; v < entry.views.length; v++)
      embeddings.push(entry.embeddings.subarray(v * dimensions, (v + 1) * dimensions));
  }
  viewStore.load(all, vocabulary.weights, embeddings, dimensions);
}

/** How many passages each stem occurs in. */
function documentFrequencies(entries: ReadonlyMap<string, Entry>): Map<string, number> {
  const frequency = new Map<string, number>();
  for (const { passage } of entries.values()) {
    for (const term of new Set(analyze(`${passage.section} ${passage.text}`))) {
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
    }
  }
  return frequency;
}

/**
 * What is derived from all the passages together (each stem's document frequency, each passage's place in its
 * run, the signposts, the views in WebAssembly memory): made on first use, and stale together whenever a
 * passage is added, edited or removed, so one call marks all of it.
 */
export function createDerivedFigures(
  entries: ReadonlyMap<string, Entry>,
  vocabulary: Vocabulary,
  dimensions: number,
) {
  const viewStore = createViewStore();
  let viewsCurrent = false;
  let documentFrequency: Map<string, number> | null = null;
  let positions: Map<string, RunPosition> | null = null;
  let signposted: Set<string> | null = null;
  const passages = (): Passage[] => [...entries.values()].map((e) => e.passage);

  return {
    passagesChanged() {
      documentFrequency = null;
      positions = null;
      signposted = null;
      viewsCurrent = false;
    },
    /** Every passage's views, loaded into WebAssembly memory once after each change. */
    views(): ViewStore {
      if (!viewsCurrent) loadViews(viewStore, entries, vocabulary, dimensions);
      viewsCurrent = true;
      return viewStore;
    },
    /** The share of passages a stem occurs in. */
    topicality(stem: string): number {
      documentFrequency ??= documentFrequencies(entries);
      return (documentFrequency.get(stem) ?? 0) / Math.max(1, entries.size);
    },
    /** Each passage's place in its run (runs.ts). */
    runPlaces(): Map<string, RunPosition> {
      positions ??= runPositions(passages());
      return positions;
    },
    /** The paragraphs that only announce a section (signposts.ts). */
    signposts(): Set<string> {
      signposted ??= signposts(passages());
      return signposted;
    },
  };
}
