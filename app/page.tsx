import Link from "next/link";
import { ArticleCredit } from "../components/article-credit";
import { SideBySide } from "../components/side-by-side";
import { lifecycleSteps } from "../lib/fine-tuned/lifecycle";
import { readComparisonTable } from "../lib/node/article";
import { readBuildFacts, readModelCard } from "../lib/node/build-facts";
import { withReferences } from "../lib/node/question-sets";
import { QUESTION_SETS } from "../lib/questions/question-sets";
import { KNOWLEDGE_ASSETS, type Knowledge } from "../lib/rag/knowledge";

export default function Home() {
  const lifecycle = (knowledge: Knowledge) => {
    const card = readModelCard(KNOWLEDGE_ASSETS[knowledge].fineTunedModel);
    return card ? lifecycleSteps(card) : null;
  };
  return (
    <main className="mx-auto flex max-w-[1600px] flex-col gap-4 p-4 sm:p-6">
      <SideBySide
        header={
          <header className="flex min-w-0 flex-1 basis-72 flex-col gap-1">
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
              RAG vs Fine-Tuning, side by side
            </h1>
            <p className="presentation-hide max-w-3xl text-sm text-slate-700">
              Ask one question; two approaches answer it at once, in your browser. On the left, RAG looks the
              answer up in the article and shows its sources. On the right, a model that studied the article
              answers from memory.
            </p>
            <ArticleCredit />
            <nav aria-label="More" className="presentation-hide flex flex-wrap gap-x-4 text-sm font-medium">
              <Link href="/evaluation" className="text-sky-800 hover:underline">
                How both measure up →
              </Link>
              <Link href="/guide" data-testid="guide-link" className="text-sky-800 hover:underline">
                Which should we choose for our project? →
              </Link>
            </nav>
          </header>
        }
        table={readComparisonTable()}
        sets={withReferences(QUESTION_SETS)}
        buildFacts={readBuildFacts()}
        lifecycles={{ article: lifecycle("article"), "article+questions": lifecycle("article+questions") }}
      />
    </main>
  );
}
