export {
  type AskArgs,
  type AskInput,
  PIPELINE_CHOICES,
  type PipelineChoice,
  parseAskArgs,
  parseQuestionLines,
  USAGE,
} from "./args";
export { type AskDependencies, type FineTunedAnswerer, ragOutput, runAsk } from "./ask";
