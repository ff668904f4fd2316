import { GLOSSARY, termAnchor } from "../lib/glossary";

const ALPHABETICAL = [...GLOSSARY].sort((a, b) =>
  a.term.localeCompare(b.term, "en", { sensitivity: "base" }),
);

/**
 * Every term the demo explains, alphabetically, each at its own anchor (`#term-<id>`) so a definition opened
 * in a page links here; the linked term is highlighted while it is the page's target.
 */
export function Glossary() {
  return (
    <dl data-testid="glossary" className="flex flex-col gap-3">
      {ALPHABETICAL.map((entry) => (
        <div
          key={entry.id}
          id={termAnchor(entry.id)}
          data-testid="glossary-entry"
          className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm target:border-sky-700 target:ring-2 target:ring-sky-700"
        >
          <dt className="text-base font-semibold text-slate-900">{entry.term}</dt>
          <dd className="mt-1 text-sm text-slate-800">{entry.definition}</dd>
          {entry.more && <dd className="mt-1 text-xs text-slate-700">{entry.more}</dd>}
        </div>
      ))}
    </dl>
  );
}
