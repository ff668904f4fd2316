import { ARTICLE } from "../lib/documents/article";

export function ArticleCredit() {
  return (
    <p data-testid="article-credit" className="text-xs text-slate-500">
      Source: &ldquo;{ARTICLE.title}&rdquo; by {ARTICLE.author}, {ARTICLE.publisher}.{" "}
      <span className="presentation-hide">
        Quoted for education; all answers and citations on this page come from it.
      </span>
    </p>
  );
}
