// **output** writes files atomically: a temp file beside the target, then a rename,
// so an interrupted run never leaves a half-written graph behind.
import { createWriteStream, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

// ### `tempPath` names the temporary file of `path`: hidden, in the same directory (a rename
// within one file system is atomic) and unique to this process.
export const tempPath = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);

// ### `writeAtomic` replaces `path` with `content` in one rename.
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

// ### `writeAtomicStream` replaces `path` with what `write` writes to the stream it is given, in
// one rename once `write` has resolved and the file is closed, for outputs too big for one
// string. The stream is ended for `write` if it did not end it. If `write` rejects, the temporary
// file is removed and `path` is left as it was.
export async function writeAtomicStream(path: string, write: (out: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPath(path);
  const out = createWriteStream(tmp);
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  // Handled at once: an error while `write` still runs must not count as an unhandled rejection.
  closed.catch(() => undefined);
  try {
    await write(out);
    if (!out.writableEnded) out.end();
    await closed;
    renameSync(tmp, path);
  } catch (e) {
    out.destroy();
    await closed.catch(() => undefined);
    rmSync(tmp, { force: true });
    throw e;
  }
}
