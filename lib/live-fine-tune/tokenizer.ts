import { Tokenizer } from "@huggingface/tokenizers";

/** Text to token ids and back, with the shipped model's own tokenizer files. */
export interface TextCodec {
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

/**
 * The tokenizer Transformers.js uses inside, as its own small package: the training worker needs token ids,
 * not the whole model runtime.
 */
export function createTextCodec(tokenizerJson: object, tokenizerConfig: object): TextCodec {
  const tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
  return {
    encode: (text) => tokenizer.encode(text, { add_special_tokens: false }).ids,
    decode: (ids) => tokenizer.decode([...ids], { skip_special_tokens: false }),
  };
}
