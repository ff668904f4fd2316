/** The longest lesson a link replays: links stay short enough for any chat or e-mail. */
export const MAX_LESSON_QUESTIONS = 30;

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

const fromBase64Url = (encoded: string) => {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
};

/** The `lesson` parameter that replays these questions, in order. */
export function encodeLesson(questions: readonly string[]): string {
  return toBase64Url(JSON.stringify(questions.slice(0, MAX_LESSON_QUESTIONS)));
}

/** The questions of a `lesson` parameter; an empty list for anything that is not one. */
export function decodeLesson(encoded: string | null): string[] {
  if (!encoded) return [];
  try {
    const parsed: unknown = JSON.parse(fromBase64Url(encoded));
    return Array.isArray(parsed)
      ? parsed
          .filter((q): q is string => typeof q === "string" && q.trim() !== "")
          .slice(0, MAX_LESSON_QUESTIONS)
      : [];
  } catch {
    return [];
  }
}
