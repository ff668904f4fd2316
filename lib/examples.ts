/** Example questions offered as chips: from the article, and one it does not cover, to show declining. */
export const EXAMPLE_QUESTIONS = [
  "What are the steps of retrieval augmented generation?",
  "Which approach has a retrieval component?",
  "When should I choose fine-tuning?",
  "How is a fine-tuned model evaluated?",
  "Who wrote the article?",
  "What is the capital of France?",
] as const;
