import Link from "next/link";
import { ArticleCredit } from "../components/article-credit";
import { SideBySide } from "../components/side-by-side";
import { lifecycleSteps } from "../lib/fine-tuned/lifecycle";
import { readComparisonTable } from "../lib/node/article";
import { readBuildFacts, readModelCard } from "../lib/node/build-facts";
import { withReferences } from "../lib/node/question-sets";
import { QUESTION_SETS } from "../lib/questions/question-sets";

export default function Home() {
  const card = readModelCard();
  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4 sm:p-6">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">RAG vs Fine-Tuning, side by side</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          One question goes to two pipelines at once, both running in your browser. The left one looks up the
          article and cites what it found; the right one is a small model that learned the article by
          fine-tuning and answers from its weights alone.
        </p>
        <ArticleCredit />
        <Link href="/evaluation" className="text-sm font-medium text-sky-700 hover:underline">
          See how both pipelines measure up on held-out questions →
        </Link>
        <Link
          href="/guide"
          data-testid="guide-link"
          className="text-sm font-medium text-sky-700 hover:underline"
        >
          Which should we choose for our project? Ten questions, one recommendation →
        </Link>
      </header>
      <SideBySide
        table={readComparisonTable()}
        sets={withReferences(QUESTION_SETS)}
        buildFacts={readBuildFacts()}
        lifecycle={card ? lifecycleSteps(card) : null}
      />
    </main>
  );
}
