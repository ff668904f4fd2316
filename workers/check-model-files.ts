import { createError } from "../lib/errors";
import { REQUIRED_MODEL_FILES } from "../lib/generation/decoding";

/**
 * Asks the server for each required model file before Transformers.js loads them, so a missing model is
 * named as such ("not built yet") instead of surfacing as whatever parse error a 404 page causes.
 */
export async function checkModelFiles(baseUrl: string, modelId: string): Promise<void> {
  const missing: string[] = [];
  await Promise.all(
    REQUIRED_MODEL_FILES.map(async (file) => {
      const response = await fetch(`${baseUrl}${modelId}/${file}`, { method: "HEAD" }).catch(() => null);
      if (!response?.ok) missing.push(file);
    }),
  );
  if (missing.length > 0) {
    throw createError("MODEL_MISSING", modelId, `not found on the server: ${missing.sort().join(", ")}`);
  }
}
