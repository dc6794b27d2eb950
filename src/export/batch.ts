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

// ### `utf8Batched` encodes small string chunks straight into ~`size`-byte buffers.
// Cheaper than `batched` for big documents: joining thousands of pieces into one string builds a
// rope that V8 must flatten before encoding it, which costs several times the encoding itself
// (most of all when the text holds non-Latin-1 characters), while each piece written into a
// buffer is encoded once where it is. The bytes are those of `Buffer.from(chunks.join(''))`
// as long as no chunk ends inside a surrogate pair (then both would write U+FFFD for it).
export function* utf8Batched(chunks: Iterable<string>, size = 1 << 18): Generator<Buffer> {
  let buffer = Buffer.allocUnsafe(size);
  let used = 0;
  for (const chunk of chunks) {
    // A UTF-16 code unit never takes more than 3 bytes of UTF-8.
    const room = chunk.length * 3;
    if (used + room > buffer.length) {
      if (used > 0) yield buffer.subarray(0, used);
      buffer = Buffer.allocUnsafe(Math.max(size, room));
      used = 0;
    }
    used += buffer.write(chunk, used);
  }
  if (used > 0) yield buffer.subarray(0, used);
}
