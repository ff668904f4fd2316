import { createError } from "../errors";
import { withoutInvisibles } from "../text/invisible";

export const MAX_QUESTION_CHARS = 1000;

// Full-width forms ("Ｗｈａｔ ｉｓ ＲＡＧ？") and Latin ligatures ("ﬁne-tuning") stand for the letters the sources are
// written in. Only they are read compatibly (NFKC): a whole-text NFKC would also expand characters such as
// U+FDFA into 18 letters, and a question within the limit as typed would be refused as too long. A validated
// question validates to itself: the workers check again what the form sent.
const COMPATIBLE_FORMS = /[\uFB00-\uFB06\uFF01-\uFF5E]/g;

/** Normalises a question and rejects empty or over-long ones with a coded error. */
export function validateQuestion(raw: string, maxChars: number = MAX_QUESTION_CHARS): string {
  const question = withoutInvisibles(raw.normalize("NFC"))
    .replace(COMPATIBLE_FORMS, (form) => form.normalize("NFKC"))
    .replace(/\s+/g, " ")
    .trim();
  if (question.length === 0) throw createError("EMPTY_QUESTION");
  const length = [...question].length;
  if (length > maxChars) throw createError("QUESTION_TOO_LONG", { length, limit: maxChars });
  return question;
}
