import { ARTICLE } from "../lib/documents/article";

export function ArticleCredit() {
  return (
    <p data-testid="article-credit" className="text-xs text-slate-600">
      Source:{" "}
      <a
        href={ARTICLE.url}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="article-link"
        className="text-sky-800 underline hover:no-underline"
      >
        &ldquo;{ARTICLE.title}&rdquo;
        <span className="sr-only"> (opens in a new tab)</span>
      </a>{" "}
      by {ARTICLE.author}, {ARTICLE.publisher}.{" "}
      <span className="presentation-hide">
        Quoted for education: both panels learn what they know of the topic from it, and the RAG panel also
        from the documents you add.
      </span>
    </p>
  );
}
