import createWabt from "wabt";

/** The WebAssembly binary of a text-format module, with SIMD enabled. */
export async function compileKernel(text: string): Promise<Uint8Array> {
  const wabt = await createWabt();
  const parsed = wabt.parseWat("similarity-kernel.wat", text, { simd: true });
  try {
    parsed.validate();
    return Uint8Array.from(parsed.toBinary({}).buffer);
  } finally {
    parsed.destroy();
  }
}
