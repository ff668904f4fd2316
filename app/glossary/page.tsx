import Link from "next/link";
import { Glossary } from "../../components/glossary";

export const metadata = { title: "Glossary · RAG vs Fine-Tuning, side by side" };

export default function GlossaryPage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-4 p-4 sm:p-6">
      <header>
        <Link href="/" className="text-sm text-sky-800 hover:underline">
          ← Back to the side-by-side demo
        </Link>
        <h1 className="mt-2 text-2xl font-bold tracking-tight">Glossary</h1>
        <p className="text-sm text-slate-700">
          The words this demo uses, in plain terms first; the second line, where there is one, is the
          technical detail.
        </p>
      </header>
      <Glossary />
    </main>
  );
}
