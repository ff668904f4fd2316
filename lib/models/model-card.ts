/** The part of a model card (public/models/<name>/model-card.json, written by training/) the app shows. */
export interface ModelCard {
  name: string;
  architecture?: string;
  parameters?: number;
  corpus?: {
    bytes?: number;
    tokens?: number;
    sources?: { name: string; version?: string; license?: string }[];
  };
  pretraining?: {
    wall_time_s?: number;
    tokens?: number;
    final_heldout_perplexity?: number;
    hardware?: string;
  };
  fine_tuning?: {
    wall_time_s?: number;
    hardware?: string;
    epochs?: number;
    dataset?: { file?: string; rows?: number; facts?: number; generated_rows_per_epoch?: number };
    /** Mostly scalars; `augmentation` is an object of its own. */
    hyperparameters?: Record<string, unknown> & {
      augmentation?: { code?: string; fresh_each_epoch?: boolean };
    };
  };
  base_vs_fine_tuned?: Record<
    string,
    { base?: { f1?: number; em?: number }; "fine-tuned"?: { f1?: number; em?: number }; n?: number }
  >;
  onnx?: { file?: string; dtype?: string; quantization?: string; runtime?: string };
  onnx_bytes?: number;
  prompt_format?: { template?: string };
}
