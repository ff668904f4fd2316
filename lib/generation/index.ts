export {
  DECODING,
  type Decoding,
  describeDecoding,
  MODEL_DTYPE,
  MODEL_IDS,
  type ModelId,
  REQUIRED_MODEL_FILES,
} from "./decoding";
export { cleanAnswer, FINE_TUNED_GENERATION, formatPrompt, PROMPT_FORMAT } from "./prompt";
export {
  citedRanks,
  cleanReaderAnswer,
  formatReaderPrompt,
  isReaderDecline,
  READER_DECODING,
  READER_FORMAT,
  READER_GENERATION,
  truncateWords,
} from "./reader-prompt";
