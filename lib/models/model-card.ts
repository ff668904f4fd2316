interface Pretraining {
  wall_time_s?: number;
  tokens?: number;
  final_heldout_perplexity?: number;
  hardware?: string;
}

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
  pretraining?: Pretraining;
  /** A model fine-tuned from the shipped base restates the base's pretraining and corpus here. */
  started_from?: { base_pretraining?: Pretraining; corpus?: ModelCard["corpus"] };
  fine_tuning?: {
    wall_time_s?: number;
    hardware?: string;
    epochs?: number;
    /** `rows` and `facts` for question–answer pairs; `lines` and `text_tokens` for the article's text alone. */
    dataset?: {
      file?: string;
      rows?: number;
      facts?: number;
      generated_rows_per_epoch?: number;
      lines?: number;
      text_tokens?: number;
    };
    /** Mostly scalars; `augmentation` is an object of its own. */
    hyperparameters?: Record<string, unknown> & {
      augmentation?: { code?: string; fresh_each_epoch?: boolean };
    };
  };
  /** Per split: the base's figures, the model's under its own name (or "fine-tuned"), and the count. */
  base_vs_fine_tuned?: Record<string, Record<string, { f1?: number; em?: number } | number | undefined>>;
  onnx?: { file?: string; dtype?: string; quantization?: string; runtime?: string };
  onnx_bytes?: number;
  prompt_format?: { template?: string };
}
