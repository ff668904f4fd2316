/**
 * Text that talks to the assistant instead of asking about the sources: greetings, thanks, goodbyes, questions
 * about the assistant itself, and requests for a joke or a poem. Retrieval scores them by whatever words they
 * share with the index ("thanks, that was really helpful" shares "helpful" with half the article's questions),
 * so a classroom's "thanks!" used to get an answer with citations. Each family is written from the general form
 * of small talk, not from the evaluation questions; docs/retrieval.md gives their effect on the held-out sets.
 */

/** Words that make up pleasantries; a text made only of these (and at least one cue below) is small talk. */
const PLEASANTRY_WORDS = new Set(
  (
    "hi hello hey hiya howdy yo greetings good morning afternoon evening night day there all everyone folks " +
    "how are you doing today it going thanks thank thx ty cheers so much very lot many a really that was this " +
    "is great awesome helpful useful nice cool perfect brilliant amazing excellent ok okay k got understood " +
    "bye goodbye see ya later soon take care have again appreciate appreciated you're youre i i'm im " +
    "fine well just wanted to say and too lol haha wow"
  ).split(" "),
);
/** A pleasantry needs one of these: "it is great" alone is not small talk, "it is great, thanks" is. */
const PLEASANTRY_CUES =
  /\b(hi|hello|hey|hiya|howdy|greetings|good (morning|afternoon|evening|night|day)|thanks|thank|thx|ty|cheers|bye|goodbye|see ya|take care|appreciate|how are you)\b/;

/** Lowercased text made only of pleasantry words, with at least one cue ("hello", "thanks a lot"). */
function isPleasantry(text: string): boolean {
  const words = text.match(/[\p{L}\p{N}']+/gu) ?? [];
  return words.length > 0 && words.every((word) => PLEASANTRY_WORDS.has(word)) && PLEASANTRY_CUES.test(text);
}

export const SMALL_TALK_PATTERNS = [
  { kind: "pleasantry", test: isPleasantry },
  {
    kind: "about-the-assistant",
    test: (text: string) =>
      /\b(are you (a|an|really a) (human|person|real person|bot|robot|machine|computer|ai)|who am i (talking|speaking|chatting) (to|with)|who are you|what('?s| is) your (name|favou?rite [a-z]+)|do you (dream|feel|sleep|get bored|have feelings)|how old are you|where are you from)\b/.test(
        text,
      ),
  },
  {
    kind: "creative-request",
    test: (text: string) =>
      /\b(tell|give) me (a|another|some) (joke|riddle|fun fact)s?\b|\b(write|compose) (me )?(a|an)( [a-z]+)? (poem|haiku|limerick|song|rap|sonnet)\b|\bsing (me )?a song\b/.test(
        text,
      ),
  },
] as const;

export type SmallTalkKind = (typeof SMALL_TALK_PATTERNS)[number]["kind"];

// Curly apostrophes and case do not change what a pleasantry is.
const normalise = (text: string) =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'");

/** The first small-talk family the text belongs to, or null for a question to answer. */
export function findSmallTalk(question: string): SmallTalkKind | null {
  const text = normalise(question);
  return SMALL_TALK_PATTERNS.find(({ test }) => test(text))?.kind ?? null;
}

/**
 * The question without the pleasantries it opens with ("Hi! What is RAG?" asks "What is RAG?"). Retrieval's
 * coverage rule counts every specific word, so an opening "hi" used to get the question declined. Only whole
 * clauses, up to a punctuation mark, that are pleasantries on their own are removed.
 */
export function withoutPleasantries(question: string): string {
  let rest = question;
  for (;;) {
    const clause = /^\s*([^,.!?;:\n]+)[,.!?;:\n]+/u.exec(rest);
    if (!clause || !isPleasantry(normalise(clause[1] as string))) return rest.trim();
    const remaining = rest.slice(clause[0].length);
    if (remaining.trim() === "") return rest.trim();
    rest = remaining;
  }
}
