/**
 * Unpacks gzip bytes with the platform's own DecompressionStream (every current browser, and Node 18+), so no
 * decompression library ships to the page. Rejects on bytes that are not a whole gzip stream.
 */
export async function gunzip(bytes: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const body = new Response(bytes).body;
  if (!body) return new Uint8Array(0);
  return new Uint8Array(await new Response(body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}
