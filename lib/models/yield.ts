/**
 * Lets the event loop run other tasks (a worker's incoming "stop" message, above all) before the next token.
 * ONNX Runtime's inference resolves through microtasks only, so without this a generation runs to its token
 * limit before the message that stops it is even read. A MessageChannel message is a task with no timer
 * clamping (setTimeout's nesting clamp would add 4 ms a token); Node uses setImmediate.
 */
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
