// **batch** groups the small string chunks of a streaming writer into few large writes.

// ### `batched` joins small chunks into ~64 KiB writes, far cheaper than one per node.
export function* batched(chunks: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
