/**
 * A text file's bytes as text, whatever editor wrote it. A byte-order mark names the encoding (Windows
 * Notepad's "Unicode" is UTF-16); without one the bytes are UTF-8 when they decode as UTF-8, else Windows-1252,
 * the older editors' default, so "café" saved there is not read as "caf\uFFFD". Binary bytes still decode to
 * text full of control characters, which `binaryReason` refuses.
 */
const BYTE_ORDER_MARKS = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
] as const;

export function decodeFile(bytes: Uint8Array): string {
  const marked = BYTE_ORDER_MARKS.find((mark) => mark.bytes.every((byte, i) => bytes[i] === byte));
  if (marked) return new TextDecoder(marked.encoding).decode(bytes.subarray(marked.bytes.length));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
