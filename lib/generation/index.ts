export { DECODING, MODEL_DTYPE, MODEL_IDS, type ModelId, REQUIRED_MODEL_FILES } from "./decoding";
export { cleanAnswer, formatPrompt, PROMPT_FORMAT } from "./prompt";
