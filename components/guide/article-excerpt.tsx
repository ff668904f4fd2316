import { ARTICLE } from "../../lib/documents/article";
import { type ExcerptSection, quoteAnchor } from "../../lib/guide/quotes";

/**
 * The article's passages the guide quotes, each quoted sentence with its own anchor (`#quote-<id>`) so a
 * reason links to its place; a linked sentence is highlighted while it is the page's target.
 */
export function ArticleExcerpt({ sections, url }: { sections: readonly ExcerptSection[]; url: string }) {
  return (
    <section
      data-testid="guide-article"
      aria-labelledby="guide-article-title"
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm print:hidden"
    >
      <h2 id="guide-article-title" className="text-lg font-semibold text-slate-900">
        What the article says
      </h2>
      <p className="mb-3 text-xs text-slate-600">
        From &ldquo;{ARTICLE.title}&rdquo; by {ARTICLE.author}, {ARTICLE.publisher}, quoted for education (
        <a href={url} rel="noopener noreferrer" className="text-sky-800 underline">
          the original article
        </a>
        ). Every sentence the guide rests on is marked.
      </p>
      {sections.map((section) => (
        <div key={section.id} id={section.id} className="mb-3">
          <h3 className="text-sm font-semibold text-slate-900">{section.heading}</h3>
          {section.partial && <p className="text-xs italic text-slate-600">(the paragraphs quoted)</p>}
          <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-800">
            {section.blocks.map((block) => (
              <li
                key={block.id}
                id={block.id}
                className={block.kind === "item" ? "ml-5 list-disc" : "list-none"}
              >
                {block.label && <span className="font-semibold">{block.label}: </span>}
                {block.segments.map((segment, index) =>
                  segment.quoteId ? (
                    <mark
                      key={segment.quoteId}
                      id={quoteAnchor(segment.quoteId)}
                      data-testid="guide-article-quote"
                      className="scroll-mt-4 rounded bg-sky-50 px-0.5 text-inherit target:bg-amber-200 target:outline-2 target:outline-amber-600"
                    >
                      {segment.text}
                    </mark>
                  ) : (
                    // Segments are cut from fixed text at build time and never reorder.
                    // biome-ignore lint/suspicious/noArrayIndexKey: see above
                    <span key={index}>{segment.text}</span>
                  ),
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
