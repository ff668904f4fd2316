import { readFileSync } from "node:fs";
import Link from "next/link";
import { ArticleExcerpt } from "../../components/guide/article-excerpt";
import { GuideView } from "../../components/guide/guide-view";
import { ARTICLE } from "../../lib/documents/article";
import { guideEvidence } from "../../lib/guide/evidence";
import { loadGuide } from "../../lib/guide/guide-data";
import { articleExcerpt } from "../../lib/guide/quotes";

export const metadata = { title: "Which should we choose? · RAG vs Fine-Tuning, side by side" };

/** The decision guide: its data, the article's quoted passages and the measured figures, read at build time. */
export default function GuidePage() {
  const guide = loadGuide();
  // Throws on a sentence the article does not hold, so a misquote fails the build.
  const excerpt = articleExcerpt(readFileSync(ARTICLE.markdownPath, "utf8"), guide);
  const credit = `“${ARTICLE.title}” by ${ARTICLE.author}, ${ARTICLE.publisher} (${guide.article.url})`;
  return (
    <main className="mx-auto flex max-w-[1400px] flex-col gap-4 p-4 sm:p-6 print:max-w-none print:p-0">
      <header className="flex flex-col gap-1 print:hidden">
        <Link href="/" className="text-sm text-sky-700 hover:underline">
          ← Back to the side-by-side demo
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight sm:text-3xl">Which should we choose?</h1>
        <p className="max-w-3xl text-sm text-slate-600">
          Ten questions about your own project, one for each reason the article gives to choose RAG or
          fine-tuning. Answer what you can (“Don&apos;t know” is fine): the guide recommends RAG, fine-tuning,
          both, or says it depends, and shows for each answer the article&apos;s own sentence and what this
          demo measured. Your answers stay in the page&apos;s address, so you can share it.
        </p>
      </header>
      <GuideView
        guide={guide}
        evidence={guideEvidence()}
        credit={credit}
        article={<ArticleExcerpt sections={excerpt} url={guide.article.url} />}
      />
    </main>
  );
}
