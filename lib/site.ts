import { ARTICLE } from "./documents/article";

/**
 * What the site says about itself: to browsers, and to other sites that preview a link to it (app/layout.tsx),
 * and on its link-preview picture (scripts/build-social-images.ts). The description carries the article's
 * credit, because a preview is often all of the site a person sees.
 */
export const SITE = {
  name: "RAG vs Fine-Tuning, side by side",
  tagline: "One question, two pipelines, both running in your browser.",
  description: `One question, two pipelines, in your browser: retrieval-augmented answers with citations next to a fine-tuned model that answers from memory. Built on “${ARTICLE.title}” by ${ARTICLE.author}, ${ARTICLE.publisher}.`,
  image: {
    url: "/og-image.png",
    width: 1200,
    height: 630,
    alt: "RAG vs Fine-Tuning, side by side: a RAG panel that cites the article beside a fine-tuned model that answers from memory",
  },
} as const;

/**
 * Where the site is published, for the absolute URLs link previews need (`SITE_URL=https://… npm run build`);
 * without it they point at the local server `npm run demo` starts.
 */
export function siteUrl(): URL {
  return new URL(process.env.SITE_URL ?? "http://localhost:3000");
}
